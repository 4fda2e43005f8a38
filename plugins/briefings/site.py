"""Site side of the plugin: topic, year and people pages, feeds, sitemap, seeds, sanitising.

Receivers:
- `content_object_init`: every article's and page's rendered body goes through nh3.
- `article_generator_finalized`: build the archive index once (`taxonomies.build_index`)
  and put it in the shared context as `archive`; each article gets `article.brief`.
- `article_writer_finalized`: write topic, year and people pages, Atom feeds, sitemap.xml,
  robots.txt, and copy the seed texts the briefings link to.
The search index is built separately, after the build: `search.index_site(output_dir)`.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import stat
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from pelican import signals

from .feeds import write_feeds
from .incremental import finish_writing, fresh_reader_cache, incremental_writer
from .parallel import Workers
from .related import load_memo, save_memo
from .sanitize import sanitize_content
from .taxonomies import Index, brief_from_article, build_index

log = logging.getLogger(__name__)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
RELATED_MEMO = "briefings-related.pickle"  # related lists of the last build, in CACHE_PATH


def site_path(siteurl: str) -> str:
    """The path part of SITEURL with a trailing slash: "/" or "/repo/"."""
    path = urlsplit(siteurl or "").path.rstrip("/")
    return path + "/"


UNDATED_SENTINEL = "1900-01-01"


@functools.cache
def _undated_sentinel() -> Any:
    from pelican.utils import get_date

    return get_date(UNDATED_SENTINEL)


def keep_undated_valid(generator: Any, metadata: dict) -> None:
    """`article_generator_context`: a briefing without a date (undated, or hand-made without
    one) is marked `undated` and given a sentinel date, because Pelican accepts no article
    without one. The site never shows or uses that date (see `Brief.day`)."""
    if "date" in metadata:
        return
    metadata["undated"] = True
    metadata["date"] = _undated_sentinel()


def build_archive(generator: Any) -> None:
    """`article_generator_finalized`: compute every grouping once, for all templates."""
    settings = generator.settings
    briefs = [brief_from_article(a) for a in generator.articles]
    memo_path = Path(settings.get("CACHE_PATH") or "cache") / RELATED_MEMO
    memo = load_memo(memo_path) if settings.get("LOAD_CONTENT_CACHE") else {}
    index = build_index(
        briefs,
        latest=int(settings.get("LATEST_BRIEFINGS", 12)),
        related_max=int(settings.get("RELATED_BRIEFINGS", 5)),
        related_memo=memo,
        workers=Workers.from_settings(settings),
    )
    if settings.get("CACHE_CONTENT"):
        save_memo(memo_path, memo)
    for b in index.briefs:
        b.article.brief = b
    generator.context["archive"] = index
    generator.context["SITE_PATH"] = site_path(settings.get("SITEURL", ""))


def _write_sitemap(output: Path, index: Index, siteurl: str, extra: list[str]) -> None:
    urls = ["", "topics/", "years/", "people/", "search/"]
    urls += [t.url for t in index.topics]
    urls += [y.url for y in index.years]
    urls += [p.url for p in index.people]
    urls += extra
    urls += [b.url for b in index.briefs]
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for url in dict.fromkeys(urls):
        ET.SubElement(ET.SubElement(root, f"{{{SITEMAP_NS}}}url"), f"{{{SITEMAP_NS}}}loc").text = f"{siteurl}/{url}"
    ET.indent(root)
    data = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")
    (output / "sitemap.xml").write_bytes(data + b"\n")
    (output / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/sitemap.xml\n", encoding="utf-8")


def _same_file(src: os.stat_result, dst: str) -> bool:
    """True when `dst` is a link to the file `src` describes, or a copy with its size and mtime."""
    try:
        got = os.stat(dst)
    except OSError:
        return False
    if (got.st_dev, got.st_ino) == (src.st_dev, src.st_ino):
        return True
    return stat.S_ISREG(got.st_mode) and (got.st_size, got.st_mtime_ns) == (src.st_size, src.st_mtime_ns)


def _copy_seeds(output: Path, index: Index, seeds_dir: str | None, base: Path) -> None:
    """Publish each linked seed text as output/seeds/<name>.txt (from BRIEFINGS SEEDS_DIR,
    relative to the folder above PATH, as the ingest reads it). The folder survives builds
    (OUTPUT_RETENTION), so only new or changed seeds are linked (or copied) and unlinked
    ones removed."""
    if not seeds_dir:
        return  # fixtures and tests: seeds come from content/seeds via STATIC_PATHS
    src_dir = str((base / seeds_dir).resolve())
    dst_dir = str(output / "seeds")
    linked: set[str] = set()
    for b in index.briefs:
        if not b.seed_url:
            continue
        name = unquote(b.seed_url.rsplit("/", 1)[-1])
        src, dst = os.path.join(src_dir, name), os.path.join(dst_dir, name)
        try:
            src_stat = os.stat(src)
        except OSError:
            src_stat = None
        if src_stat is None or not stat.S_ISREG(src_stat.st_mode):
            log.warning("briefing %s links to a missing seed %s", b.slug, src)
            continue
        linked.add(name)
        if _same_file(src_stat, dst):
            continue
        os.makedirs(dst_dir, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(dst)  # never write through an old hard link into a seed
        try:
            os.link(src, dst)  # a hard link costs no copy; the seed is published as it is
        except OSError:  # another file system, or links not supported
            shutil.copy2(src, dst)
    published = output / "seeds"
    if published.is_dir():
        for stale in published.iterdir():
            if stale.is_file() and stale.name not in linked:
                stale.unlink()


def write_archive(generator: Any, writer: Any) -> None:
    """`article_writer_finalized`: write the archive's own pages and files."""
    settings = generator.settings
    context = generator.context
    index: Index | None = context.get("archive")
    if index is None:
        return
    output = Path(generator.output_path)
    siteurl = settings.get("SITEURL", "")

    def write(save_as: str, template: str, page_url: str, **kwargs: Any) -> None:
        writer.write_file(
            save_as,
            generator.get_template(template),
            context,
            relative_urls=settings.get("RELATIVE_URLS", False),
            template_name=template,
            url=page_url,
            page_url=page_url,
            **kwargs,
        )

    write("topics/index.html", "topics", "topics/")
    for term in index.topics:
        write(term.save_as, "topic", term.url, term=term)
    write("years/index.html", "years", "years/")
    for year in index.years:
        write(year.save_as, "year", year.url, year=year)
    write("people/index.html", "people", "people/")
    for term in index.people:
        write(term.save_as, "person", term.url, term=term)

    feeds = write_feeds(
        output,
        index.briefs,
        index.topics,
        siteurl=siteurl,
        sitename=settings.get("SITENAME", ""),
        max_items=int(settings.get("FEED_MAX_ITEMS") or 50),
        unchanged=getattr(writer, "unchanged", lambda url, key: False),
    )
    pages = [p.url for p in context.get("pages", [])]
    _write_sitemap(output, index, siteurl, sorted(pages))
    if hasattr(writer, "produced"):  # the incremental writer sweeps files it does not know
        writer.produced([*feeds, "sitemap.xml", "robots.txt"])
    briefings = settings.get("BRIEFINGS") or {}
    base = Path(settings.get("PATH", ".")).parent
    _copy_seeds(output, index, briefings.get("SEEDS_DIR", "seeds"), base)


def connect() -> None:
    """Connect the site receivers to Pelican's signals."""
    signals.article_generator_context.connect(keep_undated_valid)
    signals.content_object_init.connect(sanitize_content)
    signals.article_generator_finalized.connect(build_archive)
    signals.article_writer_finalized.connect(write_archive)
    signals.initialized.connect(fresh_reader_cache)
    signals.get_writer.connect(incremental_writer)
    signals.finalized.connect(finish_writing)
