"""Search shards: a large archive is indexed per year and re-indexed per changed year.

The fixture site is small, so sharding is forced with BRIEFINGS_SEARCH_SHARD_MIN=0. The
browser tests run against a single bundle by default; run them with the same variable set
to check the merged search in Chromium.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.sitebuild import ROOT, build_site

INDEX = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from briefings.search import index_site
print(index_site(Path(sys.argv[2])))
"""


def index(output: Path, shard_min: str = "0") -> bool:
    """Run index_site in a fresh process with the given shard threshold; -> whether it indexed."""
    env = {"BRIEFINGS_SEARCH_SHARD_MIN": shard_min, "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-c", INDEX, str(ROOT / "plugins"), str(output)],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    return proc.stdout.strip() == "True"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    output = build_site(tmp_path_factory.mktemp("shards") / "output")
    assert index(output) is True
    return output


def stamps(output: Path) -> dict[str, str]:
    return {p.parent.name: p.read_text() for p in (output / "pagefind").rglob(".indexed-pages.sha256")}


def test_one_bundle_per_year_merged_by_the_search_page(site: Path):
    listing = json.loads((site / "pagefind" / "shards.json").read_text())
    assert listing["bundles"], "the fixture has several years: expected shards"
    for bundle in listing["bundles"]:
        assert (site / "pagefind" / bundle / "pagefind-entry.json").is_file()
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def test_unchanged_pages_are_not_indexed_again(site: Path):
    assert index(site) is False


def test_a_changed_page_reindexes_only_its_year(site: Path):
    before = stamps(site)
    page = next(p for p in sorted((site / "briefings").rglob("index.html")) if "year:20" in p.read_text())
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</h1>", " (updated)</h1>", 1), encoding="utf-8")
    assert index(site) is True
    after = stamps(site)
    assert sum(before[k] != after.get(k) for k in before) == 1


def test_a_small_site_keeps_one_bundle(tmp_path: Path):
    output = build_site(tmp_path / "output")
    index(output, shard_min="100000")
    assert json.loads((output / "pagefind" / "shards.json").read_text()) == {"bundles": []}
    assert not (output / "pagefind" / "shards").exists()


def test_unchanged_pages_are_not_read_again(tmp_path):
    from briefings.search import PageRecord, page_records

    page = tmp_path / "briefings" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<article data-pagefind-body data-pagefind-filter="year:2021">Talks</article>', encoding="utf-8")
    fresh = page_records(tmp_path, {})["briefings/a/index.html"]
    assert fresh.year == "2021" and len(fresh.text_sha) == 64
    remembered = fresh._replace(text_sha="remembered")
    assert page_records(tmp_path, {"briefings/a/index.html": remembered})["briefings/a/index.html"] == remembered
    stale = PageRecord(fresh.size, fresh.mtime_ns - 1, "stale", "2021")  # the file changed since
    assert page_records(tmp_path, {"briefings/a/index.html": stale})["briefings/a/index.html"] == fresh


def test_pages_are_picked_by_a_glob_when_their_paths_allow_it():
    from briefings.search import MAX_GLOB_CHARS, pages_glob

    pages = ["briefings/putin-and-macron/index.html", "briefings/xi-biden-2021/index.html"]
    assert pages_glob(pages) == "briefings/{putin-and-macron,xi-biden-2021}/index.html"
    assert pages_glob(pages[:1]) == pages[0]
    assert pages_glob(["briefings/a,b/index.html"]) is None  # a comma would split the alternatives
    assert pages_glob(["briefings/{x}/index.html"]) is None
    assert pages_glob(["about/index.html"]) is None
    assert pages_glob([f"briefings/{'a' * 200}-{i}/index.html" for i in range(MAX_GLOB_CHARS // 200)]) is None


def test_pages_a_glob_cannot_name_are_indexed_all_the_same(tmp_path):
    from briefings.search import _run_pagefind

    pages = ["briefings/plain/index.html", "briefings/odd,name/index.html"]
    for i, page in enumerate(pages):
        (tmp_path / page).parent.mkdir(parents=True)
        (tmp_path / page).write_text(
            f'<!doctype html><html lang="en"><body><article data-pagefind-body>Talk number {i}</article></body></html>',
            encoding="utf-8",
        )
    _run_pagefind(tmp_path, pages, tmp_path / "bundle")
    entry = json.loads((tmp_path / "bundle" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == 2


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            b"<main><article data-pagefind-body><p>x</p></article></main>",
            b"<article data-pagefind-body><p>x</p></article>",
        ),
        (
            b'<article class="b" data-pagefind-body><p>x</p><nav class="n" data-pagefind-ignore><a>y</a></nav>'
            b"<section data-pagefind-ignore>z</section></article><article>other</article>",
            b'<article class="b" data-pagefind-body><p>x</p></article>',
        ),
        (
            b'<article data-pagefind-body><a href="/s" data-pagefind-ignore>seed</a></article>',
            b'<article data-pagefind-body><a href="/s" data-pagefind-ignore>seed</a></article>',
        ),  # only blocks are cut
        (b"<article data-pagefind-body><p>no end", b"<article data-pagefind-body><p>no end"),  # whole page
        (b"<article><p>not indexed</p></article>", b"<article><p>not indexed</p></article>"),  # whole page
    ],
)
def test_searchable_is_the_indexed_article_less_ignored_blocks(page, expected):
    from briefings.search import searchable

    assert searchable(page) == expected


def test_pagefind_is_started_without_a_python_wrapper():
    import os

    from briefings.search import pagefind_command

    command = pagefind_command()
    assert len(command) == 1 and os.access(command[0], os.X_OK)
