"""The briefing reader: libyaml front matter and the parallel read-ahead of a cold build."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from briefings.reader import BriefingReader, read_files_ahead
from pelican.settings import read_settings

from tests.adversarial.build import ROOT

BRIEFINGS = sorted(str(p) for p in (ROOT / "content" / "briefings").glob("*.md"))


def test_read_ahead_gives_what_a_plain_read_gives():
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    reader = BriefingReader(settings)
    read_files_ahead(reader, BRIEFINGS, workers=2)
    assert sorted(reader.read_ahead) == BRIEFINGS
    for path in BRIEFINGS:
        content, metadata = reader.read(path)
        assert path not in reader.read_ahead  # handed over once
        assert (content, metadata) == BriefingReader(settings).read(path)
        assert metadata["title"] and "<p>" in content


def test_a_file_a_worker_cannot_read_is_left_to_pelican(tmp_path):
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    reader = BriefingReader(settings)
    missing = str(tmp_path / "gone.md")
    read_files_ahead(reader, [BRIEFINGS[0], missing], workers=2)
    assert list(reader.read_ahead) == [BRIEFINGS[0]]


def test_the_provenance_block_is_not_parsed_and_nothing_else_is_lost():
    from briefings.markdown_out import parse_front_matter
    from briefings.reader import UNREAD_KEYS, without_blocks

    for path in BRIEFINGS:
        text = Path(path).read_text(encoding="utf-8")
        front = text.split("---\n")[1]
        full, _ = parse_front_matter(text)
        assert "provenance" in full
        cut = yaml.safe_load(without_blocks(front, UNREAD_KEYS))
        assert cut == {k: v for k, v in full.items() if k != "provenance"}
    flow = 'title: T\nprovenance: {date: {rule: dateline,\n  text: "MOSCOW"}}\ntopics:\n- Gas\n'
    assert without_blocks(flow, UNREAD_KEYS) == "title: T\ntopics:\n- Gas\n"
    listed = "provenance:\n- a\n- b\n\nsummary: S\n"
    assert without_blocks(listed, UNREAD_KEYS) == "summary: S\n"
    assert without_blocks("title: provenance: no\n", UNREAD_KEYS) == "title: provenance: no\n"


URL_SETTINGS = {
    "ARTICLE_URL": "briefings/{slug}/",
    "ARTICLE_SAVE_AS": "briefings/{slug}/index.html",
    "DEFAULT_LANG": "en",
    "WITH_FUTURE_DATES": True,
}


@pytest.mark.parametrize(
    ("metadata", "settings", "expected"),
    [
        ({"slug": "a-b"}, {}, {"url": "briefings/a-b/", "save_as": "briefings/a-b/index.html"}),
        (
            {"slug": "a-b", "status": "Published", "lang": "en"},
            {},
            {"url": "briefings/a-b/", "save_as": "briefings/a-b/index.html"},
        ),
        ({}, {}, {}),  # no slug: Pelican makes one
        ({"slug": "a", "status": "draft"}, {}, {}),  # drafts use DRAFT_URL
        ({"slug": "a", "status": "hidden"}, {}, {}),
        ({"slug": "a", "lang": "fr"}, {}, {}),  # other languages use ARTICLE_LANG_URL
        ({"slug": "a"}, {"WITH_FUTURE_DATES": False}, {}),  # a future date makes a draft
        ({"slug": "a"}, {"ARTICLE_URL": "{date:%Y}/{slug}/"}, {}),
        ({"slug": "a"}, {"ARTICLE_SAVE_AS": "{category}/{slug}.html"}, {}),
        ({"slug": "a"}, {"ARTICLE_URL": "{}/"}, {}),
        ({"slug": "a", "url": "x/"}, {}, {}),  # set by hand: Pelican takes it as it is
        (
            {"slug": "a"},
            {"ARTICLE_URL": "{slug}.html", "ARTICLE_SAVE_AS": "{slug}.html"},
            {"url": "a.html", "save_as": "a.html"},
        ),
        ({"slug": "a"}, {"DEFAULT_METADATA": {"status": "draft"}}, {}),  # every article a draft
        ({"slug": "a"}, {"EXTRA_PATH_METADATA": {"briefings/a.md": {"lang": "fr"}}}, {}),
        ({"slug": "a"}, {"PATH_METADATA": r"(?P<lang>[a-z]{2})/.*"}, {}),
        (
            {"slug": "a"},
            {"FILENAME_METADATA": r"(?P<date>\d{4}-\d{2}-\d{2}).*", "DEFAULT_METADATA": {"summary": "x"}},
            {"url": "briefings/a/", "save_as": "briefings/a/index.html"},
        ),
    ],
)
def test_fixed_urls_only_when_pelican_would_give_the_same(metadata, settings, expected):
    from briefings.reader import fixed_urls

    assert fixed_urls(metadata, {**URL_SETTINGS, **settings}) == expected


def test_fixed_urls_equal_what_pelican_formats():
    from briefings.reader import fixed_urls
    from pelican.contents import Article

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    for path in BRIEFINGS:
        content, metadata = BriefingReader(settings).read(path)
        assert {"url", "save_as"} <= set(metadata)
        plain = {k: v for k, v in metadata.items() if k not in ("url", "save_as")}
        article = Article(content, plain, settings=settings, source_path=path)
        assert (article.url, article.save_as) == (metadata["url"], metadata["save_as"])
        assert fixed_urls(plain, settings) == {"url": article.url, "save_as": article.save_as}
