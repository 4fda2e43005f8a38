"""Incremental builds (plugins/briefings/incremental.py): after any change, a rebuild gives
byte for byte the site a clean build gives, while unchanged briefing pages are not rewritten."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from briefings.incremental import STATE_FILE, digest, fresh_reader_cache, plain_settings, run_jobs, site_digest

from tests.adversarial.build import ROOT, build, tree_hashes
from tests.site.sitebuild import run_pelican

DEVSET = ROOT / "tests" / "data" / "devset" / "raw"
# Read and render in forked processes even for a small site, so the parallel paths are tested.
PARALLEL = {"PARALLEL_MIN": 2, "WORKERS": 2}


def site_files(output: Path) -> dict[str, str]:
    return {k: v for k, v in tree_hashes(output).items() if not k.startswith("pagefind/")}


def page_mtimes(output: Path) -> dict[str, int]:
    return {p.relative_to(output).as_posix(): p.stat().st_mtime_ns for p in (output / "briefings").rglob("*.html")}


def clean_build(archive: Path, root: Path) -> dict[str, str]:
    """The site a first build (no cache, no output) of a copy of the archive's briefings gives.
    (A clean ingest could differ on purpose: a briefing keeps its first slug.)"""
    shutil.copytree(archive / "content", root / "content")
    overrides = {
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(root / "output"),
        "CACHE_PATH": str(root / "cache"),
        "BRIEFINGS": {
            "SEEDS_DIR": str(archive / "seeds"),
            "CONTENT_DIR": str(root / "content" / "briefings"),
            **PARALLEL,
        },
    }
    run_pelican(overrides, env={"BRIEFINGS_INGESTED": "1"})
    return site_files(root / "output")


def add_seed(seeds: Path) -> None:
    shutil.copy(sorted(DEVSET.glob("*.txt"))[8], seeds)


def retitle_by_override(seeds: Path) -> None:
    stem = sorted(seeds.glob("*.txt"))[0].stem
    override = "title: A retitled briefing about the talks\nsummary: The leaders spoke at length.\n"
    (seeds / f"{stem}.yaml").write_text(override, encoding="utf-8")


def redate_by_override(seeds: Path) -> None:
    stem = sorted(seeds.glob("*.txt"))[2].stem
    (seeds / f"{stem}.yaml").write_text("date: 2016-03-01\n", encoding="utf-8")


def delete_seed(seeds: Path) -> None:
    sorted(seeds.glob("*.txt"))[1].unlink()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("incremental")
    (root / "seeds").mkdir()
    for path in sorted(DEVSET.glob("*.txt"))[:8]:
        shutil.copy(path, root / "seeds")
    build(root, briefings=PARALLEL)
    return root


def test_a_rebuild_with_no_change_rewrites_no_briefing_page(archive):
    before = page_mtimes(archive / "output")
    site = build(archive, briefings=PARALLEL)
    assert page_mtimes(site.output) == before
    assert "0 pages rendered" not in site.log  # the archive's own pages are still written


@pytest.mark.parametrize(
    "change", [add_seed, retitle_by_override, redate_by_override, delete_seed], ids=lambda f: f.__name__
)
def test_after_each_change_a_rebuild_equals_a_clean_build(archive, change, tmp_path):
    change(archive / "seeds")
    rebuilt = site_files(build(archive, briefings=PARALLEL).output)
    assert rebuilt == clean_build(archive, tmp_path)


def test_only_briefings_missing_from_the_caches_are_read_ahead(tmp_path):
    (tmp_path / "seeds").mkdir()
    for path in sorted(DEVSET.glob("*.txt"))[:8]:
        shutil.copy(path, tmp_path / "seeds")
    assert "8 briefings read ahead" in build(tmp_path, briefings=PARALLEL).log
    assert "read ahead" not in build(tmp_path, briefings=PARALLEL).log
    for path in sorted(DEVSET.glob("*.txt"))[8:10]:
        shutil.copy(path, tmp_path / "seeds")
    assert "2 briefings read ahead" in build(tmp_path, briefings=PARALLEL).log


def test_articles_from_the_cache_belong_to_this_build():
    from types import SimpleNamespace

    from briefings.reader import adopt_cached_articles

    old = [SimpleNamespace(_context={"old": True}, settings={"OLD": True}) for _ in range(3)]
    generator = SimpleNamespace(context={"new": True}, settings={"NEW": True}, articles=old[:2], drafts=old[2:])
    adopt_cached_articles(generator)
    assert all(a._context is generator.context and a.settings is generator.settings for a in old)


def test_adding_a_seed_rewrites_only_the_pages_that_show_it(tmp_path):
    (tmp_path / "seeds").mkdir()
    for path in sorted(DEVSET.glob("*.txt"))[:8]:
        shutil.copy(path, tmp_path / "seeds")
    before = page_mtimes(build(tmp_path).output)
    add_seed(tmp_path / "seeds")
    after = page_mtimes(build(tmp_path).output)
    new = set(after) - set(before)
    rewritten = {p for p in before if after.get(p) != before[p]}
    assert len(new) == 1
    assert len(rewritten) < len(before) - 2, rewritten


def test_without_a_record_of_the_output_the_build_starts_clean(tmp_path):
    (tmp_path / "seeds").mkdir()
    shutil.copy(sorted(DEVSET.glob("*.txt"))[0], tmp_path / "seeds")
    build(tmp_path)
    stray = tmp_path / "output" / "briefings" / "gone" / "index.html"
    stray.parent.mkdir(parents=True)
    stray.write_text("old page", encoding="utf-8")
    kept = tmp_path / "output" / "pagefind" / "pagefind.js"  # OUTPUT_RETENTION
    kept.parent.mkdir()
    kept.write_text("// index", encoding="utf-8")
    shutil.rmtree(tmp_path / "cache")  # as after a crashed build, or `invoke clean` of the cache
    build(tmp_path)
    assert not stray.exists() and not stray.parent.exists()
    assert kept.read_text(encoding="utf-8") == "// index"


def test_parallel_jobs_all_run_once(tmp_path):
    def job(i: int):
        return lambda: (tmp_path / f"{i}.txt").write_text(str(os.getpid()), encoding="utf-8")

    run_jobs([job(i) for i in range(10)], workers=3)
    written = sorted(tmp_path.glob("*.txt"))
    assert len(written) == 10
    assert len({p.read_text(encoding="utf-8") for p in written}) == 3  # three processes did the work


def test_a_job_failing_in_a_child_process_fails_the_build(tmp_path, capfd):
    def boom():
        raise ValueError("template error")

    jobs = [lambda: None, boom, lambda: None]  # job 1 runs in the second process
    with pytest.raises(RuntimeError, match="page-rendering process"):
        run_jobs(jobs, workers=2)
    assert "template error" in capfd.readouterr().err


def test_site_digest_follows_templates_and_plain_settings(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme" / "templates", theme / "templates")
    settings = {"THEME": str(theme), "SITENAME": "Archive", "JINJA_FILTERS": {"f": len}}
    first = site_digest(settings)
    assert site_digest(dict(settings)) == first
    assert site_digest({**settings, "SITENAME": "Other"}) != first
    (theme / "templates" / "article.html").write_text("{{ article.title }}", encoding="utf-8")
    assert site_digest(settings) != first
    assert "JINJA_FILTERS" not in plain_settings(settings)  # a function's repr changes between runs
    assert digest(("a", 1)) == digest(("a", 1)) != digest(("a", 2))


def test_the_reader_cache_is_emptied_when_what_filled_it_changed(tmp_path):
    cache = tmp_path / "cache"
    settings = {"CACHE_PATH": str(cache), "MARKDOWN": {"extensions": []}}
    fresh_reader_cache(SimpleNamespace(settings=settings))
    (cache / "ArticlesGenerator-Readers").write_bytes(b"cached reads")
    (cache / STATE_FILE).write_text("{}", encoding="utf-8")
    fresh_reader_cache(SimpleNamespace(settings=settings))  # nothing changed: kept
    assert (cache / "ArticlesGenerator-Readers").is_file()
    fresh_reader_cache(SimpleNamespace(settings={**settings, "MARKDOWN": {"extensions": ["toc"]}}))
    assert not (cache / "ArticlesGenerator-Readers").exists()
    assert (cache / STATE_FILE).is_file()  # the page record is checked page by page anyway


def test_compiled_templates_are_cached_and_an_edited_template_is_compiled_again(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    shutil.copytree(ROOT / "tests" / "site" / "fixtures" / "content", tmp_path / "content")
    overrides = {
        "PATH": str(tmp_path / "content"),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "THEME": str(theme),
        "BRIEFINGS": {"SEEDS_DIR": None},
    }
    run_pelican(overrides)
    cached = sorted((tmp_path / "cache" / "jinja").glob("*.cache"))
    assert cached, "no compiled template was cached"
    home = theme / "templates" / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace("{% block content %}", "{% block content %}<p>edited-template</p>", 1)
    )
    run_pelican(overrides)
    assert "edited-template" in (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
