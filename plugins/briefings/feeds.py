"""Atom feeds: all briefings and one per topic.

Feeds are date-ordered, so undated briefings are left out of them (an Atom entry needs an
`updated` time and we never invent one). Timestamps are the talks' dates, never the build
time, so building twice gives the same bytes.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from .taxonomies import Brief, Term

ATOM = "http://www.w3.org/2005/Atom"


def entry_id(brief: Brief) -> str:
    """A stable id that survives a change of domain or subpath."""
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "briefing-archive:" + brief.slug))


def _stamp(brief: Brief) -> str:
    return f"{brief.date_iso}T00:00:00Z"


def _abs(siteurl: str, url: str) -> str:
    return f"{siteurl}/{url}"


def _entries(briefs: list[Brief], max_items: int) -> list[Brief]:
    """The briefings a feed lists: the dated ones, newest first, at most `max_items`."""
    return sorted((b for b in briefs if b.day), key=Brief.archive_key)[:max_items]


def _content(brief: Brief) -> str | None:
    """A briefing's rendered (sanitised) body, if it has an article."""
    return getattr(brief.article, "content", None) if brief.article is not None else None


def feed_key(briefs: list[Brief], max_items: int, **head: str) -> tuple:
    """Everything `atom_feed` writes for these arguments: unchanged key, unchanged feed."""
    entries = tuple(
        (
            b.slug,
            b.title,
            b.url,
            b.date_iso,
            tuple((t.slug, t.name) for t in b.topic_terms),
            b.summary,
            _content(b),
        )
        for b in _entries(briefs, max_items)
    )
    return (sorted(head.items()), entries)


def atom_feed(
    briefs: list[Brief],
    *,
    title: str,
    siteurl: str,
    self_url: str,
    page_url: str,
    feed_id: str,
    author: str,
    max_items: int,
) -> bytes:
    """Return an Atom document for the dated `briefs` (newest first, at most `max_items`)."""
    dated = _entries(briefs, max_items)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_id
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=_abs(siteurl, self_url))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=_abs(siteurl, page_url))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(dated[0]) if dated else "1970-01-01T00:00:00Z"
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = author
    for b in dated:
        e = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(e, f"{{{ATOM}}}title", type="text").text = b.title
        ET.SubElement(e, f"{{{ATOM}}}id").text = entry_id(b)
        ET.SubElement(e, f"{{{ATOM}}}link", rel="alternate", href=_abs(siteurl, b.url))
        ET.SubElement(e, f"{{{ATOM}}}published").text = _stamp(b)
        ET.SubElement(e, f"{{{ATOM}}}updated").text = _stamp(b)
        for t in b.topic_terms:
            ET.SubElement(e, f"{{{ATOM}}}category", term=t.slug, label=t.name)
        if b.summary:
            ET.SubElement(e, f"{{{ATOM}}}summary", type="text").text = b.summary
        content = _content(b)
        if content:
            # Sanitised HTML, carried as escaped text (type="html").
            ET.SubElement(e, f"{{{ATOM}}}content", type="html").text = content
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def write_feeds(
    output: Path,
    briefs: list[Brief],
    topics: list[Term],
    *,
    siteurl: str,
    sitename: str,
    max_items: int,
    unchanged: Callable[[str, tuple], bool] = lambda url, key: False,
) -> list[str]:
    """Write feeds/all.atom.xml and feeds/topics/<slug>.atom.xml; return their URLs.

    `unchanged(url, feed_key)` tells a feed whose file is already what it would be (the
    incremental writer's record); that feed is not built again."""
    feeds = [(briefs, "feeds/all.atom.xml", sitename, "", "briefing-archive:all")]
    for t in topics:
        if t.feed_url:
            feeds.append((t.briefs, t.feed_url, f"{sitename}: {t.name}", t.url, "briefing-archive:topic:" + t.slug))
    written = []
    for members, url, title, page_url, name in feeds:
        head = {
            "title": title,
            "siteurl": siteurl,
            "self_url": url,
            "page_url": page_url,
            "feed_id": "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, name)),
            "author": sitename,
        }
        written.append(url)
        if unchanged(url, feed_key(members, max_items, **head)):
            continue
        path = output / url
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(atom_feed(members, max_items=max_items, **head))
    return written
