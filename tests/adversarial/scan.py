"""Scanning built pages for live markup (html.parser) and reading their visible text."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Elements that run code or load content: none may come from seed text.
ACTIVE = {"script", "iframe", "object", "embed", "img", "svg", "math", "style", "base", "frame", "video",
          "audio", "source", "textarea", "select", "applet", "meta", "link", "title"}  # fmt: skip
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset", "content"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    line: int


@dataclass
class Parsed:
    elements: list[Element] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)  # tag path marker -> texts

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())]


class _Parser(HTMLParser):
    """Collect elements, and the text of h1, title, p, h2, h3, li, dd, a (each element's own text)."""

    CAPTURE = frozenset({"h1", "title", "p", "h2", "h3", "li", "dd", "a", "figcaption"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Parsed()
        self.stack: list[tuple[str, list[str], set[str]]] = []

    def handle_starttag(self, tag, attrs):
        d = {k: (v or "") for k, v in attrs}
        self.out.elements.append(Element(tag, d, self.getpos()[0]))
        if tag in self.CAPTURE:
            classes = set(d.get("class", "").split())
            self.stack.append((tag, [], classes))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                t, buf, classes = self.stack.pop(i)
                text = "".join(buf)
                self.out.texts.setdefault(t, []).append(text)
                for c in classes:
                    self.out.texts.setdefault(f"{t}.{c}", []).append(text)
                break

    def handle_data(self, data):
        for _, buf, _ in self.stack:
            buf.append(data)


def parse_html(text: str) -> Parsed:
    p = _Parser()
    p.feed(text)
    p.close()
    return p.out


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def live_markup(text: str, where: str, allowed_scripts: tuple[str, ...] = ()) -> list[str]:
    """Problems in an HTML document: event-handler attributes, javascript:/data:/vbscript: URLs,
    active elements (other than the theme's own `meta`, `link`, `title` and allowed scripts)."""
    problems = []
    parsed = parse_html(text)
    titles = 0
    for e in parsed.elements:
        for name, value in e.attrs.items():
            if name.startswith("on"):
                problems.append(f"{where}:{e.line}: <{e.tag} {name}=...>")
            if name in URL_ATTRS or name.endswith("href"):
                v = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(value)).lower()
                if v.startswith(("javascript:", "vbscript:", "data:text/html")):
                    problems.append(f"{where}:{e.line}: <{e.tag} {name}={value!r}>")
        if e.tag == "title":
            titles += 1
        if e.tag == "script" and not (e.attrs.get("src", "").endswith(allowed_scripts) and allowed_scripts):
            problems.append(f"{where}:{e.line}: <script {e.attrs}>")
        if e.tag in ACTIVE - {"script", "meta", "link", "title"}:
            problems.append(f"{where}:{e.line}: <{e.tag} {e.attrs}>")
        if e.tag == "meta" and set(e.attrs) - {"charset", "name", "content", "property"}:
            problems.append(f"{where}:{e.line}: <meta {e.attrs}>")
        if e.tag == "meta" and e.attrs.get("http-equiv"):
            problems.append(f"{where}:{e.line}: <meta http-equiv>")
        if e.tag == "link" and e.attrs.get("rel") not in {"canonical", "icon", "stylesheet", "alternate"}:
            problems.append(f"{where}:{e.line}: <link {e.attrs}>")
    if titles > 1:
        problems.append(f"{where}: {titles} <title> elements")
    return problems


def page_file(output: Path, url: str) -> Path:
    return output / url / "index.html"
