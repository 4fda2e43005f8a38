"""Ingest: incremental, safe regeneration of content/ from seeds/ (with editor overrides)."""

import json
import os
import re

import pytest
from briefings import ingest as ingest_module
from briefings.ingest import MANIFEST, STAMPS, ingest
from briefings.markdown_out import parse_front_matter
from briefings.settings import DEFAULTS

SEED = (
    "Putin and Macron discuss Ukraine by phone\n\nMOSCOW, June 26. /TASS/. Russian President Vladimir Putin and "
    "French President Emmanuel Macron discussed the conflict in Ukraine by phone, the Kremlin said on Friday. "
    "Events of 2020 were recalled.\n\nThe two leaders also discussed Syria and Libya at length in the call.\n"
)


@pytest.fixture
def dirs(tmp_path):
    seeds, content = tmp_path / "seeds", tmp_path / "content"
    seeds.mkdir()
    return seeds, content


def run(dirs):
    return ingest(dirs[0], dirs[1], dict(DEFAULTS))


def briefing_files(content):
    return sorted(p.name for p in content.glob("*.md"))


def meta_of(content, name):
    return parse_front_matter((content / name).read_text(encoding="utf-8"))[0]


def test_second_run_converts_and_rewrites_nothing(dirs):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    first = run(dirs)
    assert first.converted == ["a.txt"] and len(first.written) == 1
    files = {p: p.stat().st_mtime_ns for p in dirs[1].iterdir()}
    second = run(dirs)
    assert second.converted == [] and second.written == [] and second.unchanged == ["a.txt"]
    assert {p: p.stat().st_mtime_ns for p in dirs[1].iterdir()} == files


def test_output_is_deterministic(dirs, tmp_path):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    run(dirs)
    other = tmp_path / "other"
    ingest(dirs[0], other, dict(DEFAULTS))
    assert briefing_files(other) == briefing_files(dirs[1])
    for name in briefing_files(other):
        assert (other / name).read_bytes() == (dirs[1] / name).read_bytes()


def test_deleting_a_seed_removes_its_briefing(dirs):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    (dirs[0] / "b.txt").write_text(SEED.replace("Syria", "Iran"), encoding="utf-8")
    run(dirs)
    assert len(briefing_files(dirs[1])) == 2
    (dirs[0] / "a.txt").unlink()
    report = run(dirs)
    assert len(report.removed) == 1
    assert [meta_of(dirs[1], n)["seed"] for n in briefing_files(dirs[1])] == ["seeds/b.txt"]


def test_hand_made_content_is_never_touched_and_keeps_its_slug(dirs):
    dirs[1].mkdir()
    hand = dirs[1] / "putin-and-macron-discuss-ukraine-by-phone.md"
    hand.write_text("---\ntitle: Mine\n---\nHand-made.\n", encoding="utf-8")
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    run(dirs)
    run(dirs)
    assert hand.read_text(encoding="utf-8") == "---\ntitle: Mine\n---\nHand-made.\n"
    generated = [n for n in briefing_files(dirs[1]) if n != hand.name]
    assert len(generated) == 1 and generated[0].startswith("putin-and-macron-discuss-ukraine-by-phone-")


def test_same_title_gets_unique_stable_slugs(dirs):
    for name in ("a.txt", "b.txt", "c.txt"):
        (dirs[0] / name).write_text(SEED + f"\n{name} differs.\n", encoding="utf-8")
    run(dirs)
    slugs = [meta_of(dirs[1], n)["slug"] for n in briefing_files(dirs[1])]
    assert len(set(slugs)) == 3
    (dirs[0] / "0.txt").write_text(SEED + "\nA new one.\n", encoding="utf-8")
    run(dirs)
    after = {meta_of(dirs[1], n)["seed"]: meta_of(dirs[1], n)["slug"] for n in briefing_files(dirs[1])}
    assert sorted(after[f"seeds/{n}"] for n in ("a.txt", "b.txt", "c.txt")) == sorted(slugs)


def test_editor_overrides_win_and_survive_rebuilds(dirs):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    (dirs[0] / "a.yaml").write_text(
        "title: Putin and Macron talk Ukraine\ndate: 2020-06-26\nlocation: null\ntopics: [Ukraine]\n", encoding="utf-8"
    )
    report = run(dirs)
    assert report.overridden == {"a.txt": ["date", "location", "title", "topics"]}
    meta = meta_of(dirs[1], briefing_files(dirs[1])[0])
    assert meta["title"] == "Putin and Macron talk Ukraine"
    assert meta["date_source"] == "override" and meta["location"] is None and meta["topics"] == ["Ukraine"]
    assert meta["provenance"]["title"] == {"rule": "override", "text": "seeds/a.yaml"}
    assert run(dirs).written == []  # nothing changed: no rewrite, the override still holds


def test_editor_can_remove_and_keep_lines(dirs):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    (dirs[0] / "a.yaml").write_text("remove_lines: ['The two leaders also discussed']\n", encoding="utf-8")
    run(dirs)
    body = (dirs[1] / briefing_files(dirs[1])[0]).read_text(encoding="utf-8")
    assert "also discussed Syria" not in body


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("format: bus\n", "format must be one of"),
        ("colour: red\n", "unknown key 'colour'"),
        ("date: yesterday\n", "is not YYYY-MM-DD"),
        ("title: [\n", "not valid YAML"),
        ("people: Putin\n", "must be a list"),
    ],
)
def test_bad_override_is_reported_with_file_and_reason(dirs, override, message):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    (dirs[0] / "a.yaml").write_text(override, encoding="utf-8")
    report = run(dirs)
    assert report.failed["a.txt"].startswith("a.yaml: ") and message in report.failed["a.txt"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "only whitespace"),
        (b"\x00\x01\x02PNG\x00\x00" * 50, "binary"),
        (b"All news\n\nNEWSLETTER SUBSCRIPTION\n\nShare\n", "no article text"),
    ],
)
def test_bad_seeds_are_reported_and_the_rest_still_converts(dirs, data, reason):
    (dirs[0] / "good.txt").write_text(SEED, encoding="utf-8")
    (dirs[0] / "bad.txt").write_bytes(data)
    report = run(dirs)
    assert reason in report.failed["bad.txt"]
    assert report.briefings == 1 and len(briefing_files(dirs[1])) == 1


def test_no_temporary_files_are_left_behind(dirs):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    run(dirs)
    assert sorted(p.name for p in dirs[1].iterdir() if p.name.startswith(".")) == [MANIFEST]


def test_parallel_ingest_writes_what_a_single_process_writes(dirs, tmp_path):
    # Workers draft the briefings; colliding titles, a kept older slug and an unchanged rerun
    # must come out as in one process, without temporary files left behind.
    for n, topic in enumerate(["Syria", "Syria", "Iran", "Libya", "Syria"]):
        (dirs[0] / f"s{n}.txt").write_text(SEED.replace("Syria", topic), encoding="utf-8")
    parallel = dict(DEFAULTS, WORKERS=2, PARALLEL_MIN=1)
    other = tmp_path / "other"
    for settings in (parallel, dict(DEFAULTS)):
        ingest(dirs[0], dirs[1] if settings is parallel else other, settings)
    (dirs[0] / "s0.txt").write_text(SEED.replace("Ukraine", "Kosovo"), encoding="utf-8")  # new title, old slug
    for content, settings in ((dirs[1], parallel), (other, dict(DEFAULTS))):
        ingest(dirs[0], content, settings)
        manifest = content / MANIFEST  # as after a change of the extractor: all converted again
        manifest.write_text(re.sub(r'"fingerprint": "\w+"', '"fingerprint": ""', manifest.read_text()))
        again = ingest(dirs[0], content, settings)
        assert len(again.converted) == 5 and again.written == []
    assert briefing_files(dirs[1]) == briefing_files(other) and len(briefing_files(other)) == 5
    for name in briefing_files(other):
        assert (dirs[1] / name).read_bytes() == (other / name).read_bytes()
    assert [p.name for p in dirs[1].iterdir() if p.name.startswith(".")] == [MANIFEST]


def test_a_failed_seed_is_reported_on_every_run_but_converted_again_only_when_it_changes(dirs):
    (dirs[0] / "good.txt").write_text(SEED, encoding="utf-8")
    (dirs[0] / "bad.txt").write_bytes(b"")
    first = run(dirs)
    assert "empty" in first.failed["bad.txt"] and sorted(first.converted) == ["bad.txt", "good.txt"]
    second = run(dirs)
    assert second.converted == [] and second.failed == first.failed
    assert second.unchanged == ["good.txt"]
    (dirs[0] / "bad.txt").write_text(SEED.replace("Syria", "Iran"), encoding="utf-8")
    third = run(dirs)
    assert third.converted == ["bad.txt"] and third.failed == {}
    assert len(briefing_files(dirs[1])) == 2


def test_a_seed_whose_override_breaks_keeps_its_briefing_and_is_not_converted_again(dirs):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    run(dirs)
    before = {p.name: p.read_bytes() for p in dirs[1].glob("*.md")}
    (dirs[0] / "a.yaml").write_text("format: bus\n", encoding="utf-8")
    for _ in range(2):
        report = run(dirs)
        assert "format must be one of" in report.failed["a.txt"] and report.kept_stale == ["a.txt"]
        assert {p.name: p.read_bytes() for p in dirs[1].glob("*.md")} == before
    assert report.converted == []
    (dirs[0] / "a.yaml").write_text("format: phone\n", encoding="utf-8")
    fixed = run(dirs)
    assert fixed.converted == ["a.txt"] and fixed.failed == {} and fixed.kept_stale == []


def test_a_seed_too_large_is_tried_again_when_the_limit_is_raised(dirs):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    small = dict(DEFAULTS, MAX_SEED_BYTES=50)
    assert "a.txt" in ingest(dirs[0], dirs[1], small).failed
    assert ingest(dirs[0], dirs[1], small).converted == []
    assert ingest(dirs[0], dirs[1], dict(DEFAULTS)).converted == ["a.txt"]


def test_the_ingest_reads_its_settings_as_pelican_does_without_loading_pelican():
    import subprocess
    import sys
    from pathlib import Path

    from briefings.settings import briefing_settings, read_config
    from pelican.settings import read_settings

    conf = Path(__file__).resolve().parent.parent / "pelicanconf.py"
    assert briefing_settings(read_config(conf)) == briefing_settings(read_settings(str(conf)))
    code = (
        "import sys; from briefings.settings import read_config; read_config(sys.argv[1]); "
        "import briefings.ingest; print(any(m.split('.')[0] == 'pelican' for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(conf)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(conf.parent / "plugins")},
    )
    assert out.stdout.strip() == "False"


def _age(folder, seconds=3600):
    """Make every file in folder look last modified `seconds` ago."""
    for path in folder.iterdir():
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 10**9))


def _hashed(monkeypatch):
    """Record the files ingest reads to hash."""
    seen = []
    real = ingest_module._safe_hash

    def recording(path):
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(ingest_module, "_safe_hash", recording)
    return seen


def _manifest(content, name=MANIFEST):
    return json.loads((content / name).read_text(encoding="utf-8"))


def test_an_unchanged_seed_is_known_by_its_size_and_time_and_not_read_again(dirs, monkeypatch):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    (dirs[0] / "b.txt").write_text(SEED.replace("Syria", "Iran"), encoding="utf-8")
    _age(dirs[0])
    run(dirs)
    assert sorted(_manifest(dirs[1], STAMPS)) == ["a.txt", "b.txt"]
    assert "stamp" not in (dirs[1] / MANIFEST).read_text(encoding="utf-8")  # (file times differ between clones)
    hashed = _hashed(monkeypatch)
    second = run(dirs)
    assert second.unchanged == ["a.txt", "b.txt"] and hashed == []
    (dirs[0] / "b.txt").write_text(SEED.replace("Syria", "Iraq"), encoding="utf-8")  # same size, new time
    third = run(dirs)
    assert third.converted == ["b.txt"] and hashed == ["b.txt"]


def test_a_seed_modified_just_before_the_run_is_read_again_next_time(dirs, monkeypatch):
    """Its time may not tell a later change apart (one tick of the file-system clock), so no stamp is kept."""
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    run(dirs)
    assert not (dirs[1] / STAMPS).exists()
    hashed = _hashed(monkeypatch)
    assert run(dirs).unchanged == ["a.txt"] and hashed == ["a.txt"]


def test_a_touched_seed_is_not_converted_and_its_new_time_is_remembered(dirs, monkeypatch):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    _age(dirs[0], 7200)
    run(dirs)
    _age(dirs[0], -3600)  # touched: an hour later, same bytes
    second = run(dirs)
    assert second.converted == [] and second.unchanged == ["a.txt"]
    st = (dirs[0] / "a.txt").stat()
    assert _manifest(dirs[1], STAMPS)["a.txt"][:2] == [st.st_size, st.st_mtime_ns]
    hashed = _hashed(monkeypatch)
    assert run(dirs).unchanged == ["a.txt"] and hashed == []


def test_a_seed_being_rewritten_when_a_run_stops_is_converted_again(dirs, monkeypatch):
    """The manifest written before the briefings marks them unfinished, though the seed's
    stamp is unchanged (only its override changed)."""
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    _age(dirs[0])
    run(dirs)
    (dirs[0] / "a.yaml").write_text("title: A corrected title\n", encoding="utf-8")
    real = os.replace

    def stop_after_manifest(src, dst):
        if str(dst).endswith(".md"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", stop_after_manifest)
    with pytest.raises(OSError):
        run(dirs)
    assert _manifest(dirs[1])["seeds"]["a.txt"]["sha256"] == ""
    monkeypatch.setattr(os, "replace", real)
    (dirs[0] / "a.yaml").unlink()
    assert run(dirs).converted == ["a.txt"]


def test_the_manifest_is_json_with_one_line_per_seed(dirs):
    for name, topic in (("a.txt", "Syria"), ("b.txt", "Iran")):
        (dirs[0] / name).write_text(SEED.replace("Syria", topic), encoding="utf-8")
    (dirs[0] / "c.txt").write_bytes(b"\xff\xfe not text")
    run(dirs)
    text = (dirs[1] / MANIFEST).read_text(encoding="utf-8")
    data = json.loads(text)
    assert sorted(data["seeds"]) == ["a.txt", "b.txt"] and list(data["failed"]) == ["c.txt"]
    for name in ("a.txt", "b.txt", "c.txt"):
        assert [line for line in text.splitlines() if line.strip().startswith(f'"{name}"')] != []
    assert len(text.splitlines()) == 10  # {, fingerprint, seeds: {, a, b, }, failed: {, c, }, }


@pytest.mark.parametrize("stamps", ["not json", "[1, 2]", '{"a.txt": [1, 2]}', '{"a.txt": ["1", 2, "x"]}'])
def test_a_damaged_stamp_record_only_means_seeds_are_read_again(dirs, monkeypatch, stamps):
    (dirs[0] / "a.txt").write_text(SEED, encoding="utf-8")
    _age(dirs[0])
    run(dirs)
    (dirs[1] / STAMPS).write_text(stamps, encoding="utf-8")
    hashed = _hashed(monkeypatch)
    assert run(dirs).unchanged == ["a.txt"] and hashed == ["a.txt"]
    assert sorted(_manifest(dirs[1], STAMPS)) == ["a.txt"]
