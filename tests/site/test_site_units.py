"""Unit and property tests of the site modules (no Pelican build)."""

from __future__ import annotations

import datetime as dt
import random
import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.site.site_only_plugin import load

slugs = load("slugs")
sanitize = load("sanitize")
quotes = load("quotes")
related = load("related")
taxonomies = load("taxonomies")
feeds = load("feeds")

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@given(st.text())
def test_slugify_is_lower_ascii_words(text):
    slug = slugs.slugify(text)
    assert SLUG.fullmatch(slug) and len(slug) <= 80
    assert slugs.slugify(text) == slug


def test_slugify_examples():
    assert slugs.slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slugs.slugify("Nagorno-Karabakh") == "nagorno-karabakh"
    assert slugs.slugify("Straße & Łódź") == "strasse-lodz"
    assert slugs.slugify("习近平").startswith("x-")
    assert slugs.slugify("习近平") != slugs.slugify("普京")


def test_group_names_merges_spellings_deterministically():
    names = ["Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "Ukraine", "UKRAINE"]
    for order in (names, names[::-1]):
        groups = slugs.group_names(order)
        assert groups["recep-tayyip-erdogan"][0] == "Recep Tayyip Erdoğan"
        assert sorted(groups) == ["recep-tayyip-erdogan", "ukraine"]
    assert slugs.group_names(["Ukraine", "UKRAINE"]) == slugs.group_names(["UKRAINE", "Ukraine"])


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("<>\"'=/ abcscriptonerrorimgsvghref:javascript&;()")), max_size=120))
def test_sanitizer_output_has_no_live_markup(fragment):
    out = sanitize.clean_html(fragment)
    tags = re.findall(r"<\s*([a-zA-Z0-9]+)([^>]*)>", out)
    for name, attrs in tags:
        assert name.lower() in sanitize.ALLOWED_TAGS
        assert not re.search(r"\son\w*\s*=", attrs)
        assert "javascript:" not in attrs.lower()


def test_sanitizer_keeps_the_allow_list():
    html = '<p>a <em>b</em> <strong>c</strong> <a href="https://x.org/">d</a> <code>e</code></p>'
    html += "<h2>f</h2><ul><li>g</li></ul>"
    out = sanitize.clean_html(html)
    for tag in ("<em>", "<strong>", '<a href="https://x.org/"', "<code>", "<h2>", "<ul>", "<li>"):
        assert tag in out
    assert sanitize.clean_html("<h1>x</h1><script>bad()</script><style>p{}</style>") == "x"


def test_quotes_need_a_named_speaker():
    paras = [
        'Putin said, "We will continue the dialogue on all of these issues."',
        '"Nobody knows what will happen next in the region," a source said.',
        'Macron told reporters: "France will keep working with all partners on this."',
    ]
    got = quotes.extract_quotes(paras, ["Vladimir Putin", "Emmanuel Macron"])
    assert [(q.speaker, q.text[:6]) for q in got] == [("Vladimir Putin", "We wil"), ("Emmanuel Macron", "France")]


def _brief(slug, day, participants, topics, title=None):
    return taxonomies.Brief(
        slug=slug, title=title or slug, url=f"briefings/{slug}/", day=day,
        participants=tuple(participants), people=(), topics=tuple(topics),
    )  # fmt: skip


def test_same_event_is_symmetric_and_always_related():
    d = dt.date(2022, 3, 1)
    a = _brief("a", d, ["X Y", "Z W"], ["Ukraine"])
    b = _brief("b", d + dt.timedelta(days=1), ["Z W", "X Y"], ["Ukraine", "Gas"])
    noise = [_brief(f"n{i}", d, ["X Y", "Q R"], ["Ukraine"]) for i in range(30)]
    rel = related.compute_related([a, b, *noise], limit=3)
    assert rel["a"][0].brief is b and rel["a"][0].same_event
    assert rel["b"][0].brief is a and rel["b"][0].same_event
    assert not related.same_event(a, _brief("c", None, ["X Y", "Z W"], ["Ukraine"]))


def _synthetic(n, seed=1):
    rng = random.Random(seed)
    leaders = [f"Leader {i}" for i in range(60)]
    topics = [f"Topic {i}" for i in range(80)]
    out = []
    for i in range(n):
        day = None if i % 97 == 0 else dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        ps = rng.sample(leaders[:3], 1) + rng.sample(leaders, 1)  # a few leaders in most talks
        out.append(_brief(f"b{i:05d}", day, ps, rng.sample(topics, 3), title=f"Talk {i}"))
    return out


def test_index_scales_to_10000_briefings_and_is_deterministic():
    start = time.perf_counter()
    index = taxonomies.build_index(_synthetic(10_000))
    elapsed = time.perf_counter() - start
    assert elapsed < 30, elapsed
    assert len(index.latest) == 12 and all(b.day for b in index.latest)
    assert index.years[-1].slug == "undated" and all(b.day is None for b in index.years[-1].briefs)
    assert all(len(b.related) <= 5 for b in index.briefs)
    assert sum(row.cells[-1][0] for row in index.grid) == sum(len(b.topics) for b in index.briefs if b.day is None)
    again = taxonomies.build_index(list(reversed(_synthetic(10_000))))
    assert [b.slug for b in again.briefs] == [b.slug for b in index.briefs]
    assert [[r.brief.slug for r in b.related] for b in again.briefs] == [
        [r.brief.slug for r in b.related] for b in index.briefs
    ]


def _related_lists(rel):
    return {slug: [(r.brief.slug, r.score, r.same_event, r.reasons) for r in items] for slug, items in rel.items()}


def test_related_lists_from_the_memo_equal_a_fresh_computation(tmp_path, monkeypatch):
    briefs = _synthetic(600)
    memo = {}
    related.compute_related(briefs, memo=memo)
    related.save_memo(tmp_path / "memo", memo)
    changed = [*briefs[:300], _brief("new", dt.date(2010, 5, 5), ["Leader 1", "Leader 7"], ["Topic 3"]), *briefs[301:]]
    changed[5] = _brief(changed[5].slug, changed[5].day, changed[5].participants, ("Topic 9",), title="Retitled")
    memo = related.load_memo(tmp_path / "memo")
    assert len(memo) == 600
    with_memo = related.compute_related(changed, memo=memo)
    assert _related_lists(with_memo) == _related_lists(related.compute_related(changed))
    assert set(memo) == {b.slug for b in changed}
    scored = []
    real_score = related.score
    monkeypatch.setattr(related, "score", lambda a, b: scored.append(a.slug) or real_score(a, b))
    assert _related_lists(related.compute_related(changed, memo=memo)) == _related_lists(with_memo)
    assert scored == []  # nothing changed since: every list came from the memo
    (tmp_path / "memo").write_bytes(b"not a pickle")
    assert related.load_memo(tmp_path / "memo") == {}


def test_adding_a_brief_ranks_only_the_briefs_near_it(monkeypatch):
    briefs = _synthetic(2000)
    memo: related.Memo = {}
    related.compute_related(briefs, memo=memo)
    added = [*briefs, _brief("added", dt.date(2001, 1, 1), ["Leader 1", "Leader 7"], ["Topic 3", "Topic 4"])]
    ranked = set()
    real_score = related.score
    monkeypatch.setattr(related, "score", lambda a, b: ranked.add(a.slug) or real_score(a, b))
    with_memo = related.compute_related(added, memo=memo)
    monkeypatch.setattr(related, "score", real_score)
    assert _related_lists(with_memo) == _related_lists(related.compute_related(added))
    assert "added" in ranked and len(ranked) < len(added) // 20


def test_related_lists_ranked_by_worker_processes_equal_those_ranked_here():
    parallel = load("parallel")
    briefs = _synthetic(1500)
    here_memo: related.Memo = {}
    shared_memo: related.Memo = {}
    here = related.compute_related(briefs, memo=here_memo)
    shared = related.compute_related(briefs, memo=shared_memo, workers=parallel.Workers(2, 2))
    assert _related_lists(shared) == _related_lists(here) and shared_memo == here_memo
    assert all(r.brief is next(b for b in briefs if b.slug == r.brief.slug) for r in shared["b00007"])


def test_feed_leaves_out_undated_and_uses_talk_dates():
    index = taxonomies.build_index(_synthetic(300))
    data = feeds.atom_feed(
        index.briefs, title="T", siteurl="https://u.github.io/repo", self_url="feeds/all.atom.xml",
        page_url="", feed_id="urn:x", author="A", max_items=500,
    )  # fmt: skip
    assert data.count(b"<entry>") == sum(1 for b in index.briefs if b.day)
    assert b"https://u.github.io/repo/briefings/" in data


def test_a_published_seed_is_the_same_file_when_linked_or_copied_unchanged(tmp_path):
    import os
    import shutil

    from briefings.site import _same_file

    src = tmp_path / "a.txt"
    src.write_text("seed text", encoding="utf-8")
    linked, copied, other = tmp_path / "linked.txt", tmp_path / "copied.txt", tmp_path / "other.txt"
    os.link(src, linked)
    shutil.copy2(src, copied)
    other.write_text("another seed", encoding="utf-8")
    st = src.stat()
    assert _same_file(st, str(linked)) and _same_file(st, str(copied))
    assert not _same_file(st, str(other)) and not _same_file(st, str(tmp_path / "missing.txt"))
    src.write_text("seed text, edited", encoding="utf-8")  # the link follows; the copy is stale
    st = src.stat()
    assert _same_file(st, str(linked)) and not _same_file(st, str(copied))
