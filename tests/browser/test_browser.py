"""The fixture site in a real browser (Playwright + Debian's Chromium), served under /repo/.

Clicks through every page type, searches and filters with Pagefind UI, checks there are no
console errors and no serious or critical axe-core violations, and saves screenshots at
375 px and 1440 px to tests/browser/artifacts/. Without /usr/bin/chromium the tests fail,
unless BRIEFINGS_ALLOW_NO_BROWSER=1 is set (then they are skipped).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.site.sitebuild import served_subpath_site

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PAGES = {
    "home": "",
    "briefing": "briefings/putin-macron-confirm-readiness-for-further-cooperation-on-karabakh-ukraine/",
    "hostile": "briefings/hostile-report/",
    "undated-briefing": "briefings/lula-modi-discuss-climate-finance/",
    "topics": "topics/",
    "topic": "topics/ukraine/",
    "years": "years/",
    "year": "years/2022/",
    "undated": "years/undated/",
    "people": "people/",
    "participant": "people/vladimir-putin/",
    "search": "search/?q=Karabakh",
    "404": "404.html",
}


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("BRIEFINGS_ALLOW_NO_BROWSER") == "1":
            pytest.skip("no /usr/bin/chromium and BRIEFINGS_ALLOW_NO_BROWSER=1")
        pytest.fail(
            "Browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium); "
            "set BRIEFINGS_ALLOW_NO_BROWSER=1 to skip them instead."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with served_subpath_site(tmp_path_factory.mktemp("browser")) as (url, _output):
        yield url


class Watched:
    """A page that records console errors, page errors and dialogs (none are allowed)."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        # Requests cut short by the next navigation (net::ERR_ABORTED) are not errors.
        page.on(
            "requestfailed",
            lambda r: "ERR_ABORTED" not in (r.failure or "") and self.problems.append(f"failed: {r.url} {r.failure}"),
        )
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def check(self):
        assert not self.problems, self.problems


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    w = Watched(context.new_page())
    yield w
    context.close()


def test_click_through_every_page_type(watched, base):
    page = watched.page
    page.goto(base)
    assert page.locator("h1").inner_text() == "Briefing Archive"
    page.locator("table.grid a[href$='/topics/ukraine/#y2022']").click()
    page.wait_for_url(re.compile(r"/repo/topics/ukraine/#y2022$"))
    assert page.locator("h1").inner_text() == "Ukraine"
    page.locator("#y2022 a", has_text="Biden, Zelensky").click()
    assert page.locator("h1").inner_text() == "Biden, Zelensky discuss security assistance"
    page.locator(".meta-panel a", has_text="Joe Biden").click()
    assert page.locator("h1").inner_text() == "Joe Biden"
    page.locator("a", has_text="Volodymyr Zelensky").first.click()
    assert page.locator("h1").inner_text() == "Volodymyr Zelensky"
    page.locator("nav[aria-label=Main] a", has_text="Years").click()
    page.locator("h2 a", has_text="Undated").click()
    assert page.locator("h1").inner_text() == "Undated briefings"
    page.locator("a", has_text="Lula, Modi").click()
    assert "Undated" in page.locator(".kicker").inner_text()
    page.locator("a[rel=prev]").click()
    assert page.locator("h1").count() == 1
    page.goto(base + PAGES["briefing"])
    page.locator(".related .same-event a").click()
    assert page.locator("h1").inner_text() == "Macron and Putin discuss Nagorno-Karabakh by phone"
    page.locator(".related .same-event a").click()
    assert page.url.endswith(PAGES["briefing"])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    watched.check()


def test_search_and_filter(watched, base):
    page = watched.page
    page.goto(base)
    page.locator("#home-q").fill("Karabakh")
    page.locator("form[role=search] button").click()
    page.wait_for_url(re.compile(r"/repo/search/\?q=Karabakh"))
    results = page.locator(".pagefind-ui__result")
    results.first.wait_for()
    assert results.count() == 3
    page.get_by_role("checkbox", name=re.compile(r"^Syria")).check()
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__result').length === 1")
    link = page.locator(".pagefind-ui__result-link").first
    assert link.inner_text() == "Putin, Erdoğan hold talks in Sochi"
    assert link.get_attribute("href").startswith("/repo/briefings/")
    link.click()
    assert page.locator("h1").inner_text() == "Putin, Erdoğan hold talks in Sochi"
    # Hostile text found by search stays text.
    page.goto(base + "search/?q=onmouseover")
    page.locator(".pagefind-ui__result").first.wait_for()
    assert page.locator(".pagefind-ui__result script, .pagefind-ui__result img[onerror]").count() == 0
    page.wait_for_timeout(300)
    watched.check()


def test_year_filter(watched, base):
    page = watched.page
    page.goto(base + "search/?q=Putin")
    page.locator(".pagefind-ui__result").first.wait_for()
    page.get_by_role("checkbox", name=re.compile(r"^2020")).check()
    page.wait_for_function("document.querySelectorAll('.pagefind-ui__result').length === 2")
    watched.check()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_and_screenshots(browser, base, name):
    from axe_playwright_python.sync_playwright import Axe

    ARTIFACTS.mkdir(exist_ok=True)
    for width, height in ((1440, 900), (375, 812)):
        context = browser.new_context(viewport={"width": width, "height": height})
        w = Watched(context.new_page())
        w.page.goto(base + PAGES[name])
        if name == "search":
            w.page.locator(".pagefind-ui__result").first.wait_for()
        w.page.wait_for_load_state("networkidle")
        w.page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        overflow = w.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {width}px"
        results = Axe().run(w.page)
        bad = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in results.response["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert not bad, (name, width, bad)
        w.check()
        context.close()


def test_works_without_javascript(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base)
    page.locator("nav[aria-label=Main] a", has_text="Topics").click()
    assert page.locator("h1").inner_text() == "Topics"
    page.locator("a", has_text="Nagorno-Karabakh").click()
    page.locator("a", has_text="Putin, Erdoğan").click()
    assert page.locator(".related a").count() >= 1
    page.goto(base + "search/")
    assert "Search needs JavaScript" in page.locator("main").inner_text()
    context.close()
