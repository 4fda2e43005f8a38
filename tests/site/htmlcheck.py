"""Small HTML helpers for the site tests (stdlib only): parse a page, list its links and ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Page:
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    h1: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    unclosed: list[str] = field(default_factory=list)
    stray_end: list[str] = field(default_factory=list)

    def links(self) -> list[str]:
        out = []
        for tag, attrs in self.tags:
            for name in ("href", "src"):
                if attrs.get(name) and tag in {"a", "link", "script", "img", "iframe", "source"}:
                    out.append(attrs[name])
        return out

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[str] = []
        self.in_h1 = False
        self.h1_buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.page.tags.append((tag, d))
        if d.get("id"):
            self.page.ids.append(d["id"])
        if tag not in VOID:
            self.stack.append(tag)
        if tag == "h1":
            self.in_h1, self.h1_buf = True, []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False
            self.page.h1.append("".join(self.h1_buf).strip())
        if tag in VOID:
            return
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        elif tag in self.stack:
            # implicit close of p/li etc. is legal HTML; record anything else.
            while self.stack and self.stack[-1] != tag:
                inner = self.stack.pop()
                if inner not in {"p", "li", "dt", "dd", "option", "tr", "td", "th"}:
                    self.page.unclosed.append(inner)
            self.stack.pop()
        else:
            self.page.stray_end.append(tag)

    def handle_data(self, data):
        self.page.text.append(data)
        if self.in_h1:
            self.h1_buf.append(data)


def parse(path: Path) -> Page:
    p = _Parser()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    p.page.unclosed.extend(t for t in p.stack if t not in {"p", "li"})
    return p.page


def resolve(output: Path, prefix: str, page_path: Path, link: str, origin: str = "") -> tuple[Path, str] | None:
    """Map an internal link to (file, fragment); None for links off the site.

    `prefix` is the site's path ("/" or "/repo/"), `origin` its scheme and host (or "" for
    a build with an empty SITEURL). Every template writes `{{ SITEURL }}/...`, so internal
    links are absolute paths or full URLs on the site; a relative link is an error.
    """
    parts = urlsplit(link)
    if parts.scheme in {"mailto", "tel", "data", "javascript"}:
        return None
    if (parts.scheme or parts.netloc) and (not origin or f"{parts.scheme}://{parts.netloc}" != origin):
        return None
    path = unquote(parts.path)
    if not path and parts.fragment:
        return page_path, parts.fragment
    if not path.startswith(prefix):
        raise AssertionError(f"{page_path}: link {link!r} is outside the site path {prefix}")
    rel = path[len(prefix) :]
    target = output / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment
