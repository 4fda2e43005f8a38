"""Search index: run Pagefind over a built site (writes `<output>/pagefind/`).

Callable on its own (`index_site(Path("output"))`) so it can be timed apart from the build.
Only briefing pages are indexed: they alone carry `data-pagefind-body`.

A large archive is indexed in shards, one per year (Pagefind holds a whole index in
memory: about 110 KB per page); a year with many pages is split into stable buckets. The
newest year is the main bundle in `pagefind/`, the others go to `pagefind/shards/<key>/`,
and `pagefind/shards.json` lists them for the search page, which merges them (Pagefind
UI's `mergeIndex`). Each shard is rebuilt only when the searchable text of its pages
changed, so adding one report re-indexes one shard. A page's searchable text is hashed again
only when its file changed (size or mtime; records in `pagefind/.page-records.json`), so a
rebuild that rewrote no briefing page reads none.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

STAMP = ".indexed-pages.sha256"  # hash of the searchable text a bundle was built from
RECORDS = ".page-records.json"  # per page: size, mtime, hash of its searchable text, year
SHARDS_FILE = "shards.json"  # bundles the search page merges into the main one
SHARDS_DIR = "shards"
SHARD_MIN_PAGES = int(os.environ.get("BRIEFINGS_SEARCH_SHARD_MIN", "1500"))  # below: one bundle
SHARD_MAX_PAGES = 700  # a year with more pages is split into stable hash buckets

_YEAR = re.compile(rb'data-pagefind-filter="year:([^"]+)"')
_ARTICLE_START = re.compile(rb"<article[^>]*data-pagefind-body")
_ARTICLE_END = b"</article>"
_IGNORED = re.compile(rb"<(section|nav|aside|div)\b[^>]*data-pagefind-ignore[^>]*>.*?</\1>", re.S)


def searchable(page: bytes) -> bytes:
    """The part of a briefing page Pagefind indexes: the article, less ignored blocks
    (related briefings and previous/next change when other briefings are added)."""
    m = _ARTICLE_START.search(page)
    end = page.find(_ARTICLE_END, m.end()) if m else -1
    if m is None or end < 0:
        return page
    article = page[m.start() : end + len(_ARTICLE_END)]
    return _IGNORED.sub(b"", article) if b"data-pagefind-ignore" in article else article


def briefing_pages(output_dir: Path) -> list[str]:
    """Paths (relative to output_dir, sorted) of the HTML files under `briefings/`."""
    top = output_dir / "briefings"
    found = []
    for folder, _, files in os.walk(top):
        rel = Path(folder).relative_to(output_dir).as_posix()
        found.extend(f"{rel}/{name}" for name in files if name.endswith(".html"))
    return sorted(found)


class PageRecord(NamedTuple):
    """What indexing needs of one briefing page, remembered while the file is unchanged."""

    size: int
    mtime_ns: int
    text_sha: str  # SHA-256 of its searchable text
    year: str  # shard key of its year ("2022", "undated", "other")


def page_records(output_dir: Path, known: dict[str, PageRecord]) -> dict[str, PageRecord]:
    """{page path relative to output_dir: record} for every briefing page; a page whose size
    and mtime match its `known` record is not read again."""
    records = {}
    for rel in briefing_pages(output_dir):
        page = output_dir / rel
        st = page.stat()
        old = known.get(rel)
        if old is not None and (old.size, old.mtime_ns) == (st.st_size, st.st_mtime_ns):
            records[rel] = old
            continue
        data = page.read_bytes()
        m = _YEAR.search(data)
        year = re.sub(r"[^a-z0-9]+", "-", m.group(1).decode().lower()).strip("-") if m else ""
        text_sha = hashlib.sha256(searchable(data)).hexdigest()
        records[rel] = PageRecord(st.st_size, st.st_mtime_ns, text_sha, year or "other")
    return records


def _load_records(root: Path) -> dict[str, PageRecord]:
    try:
        raw = json.loads((root / RECORDS).read_text(encoding="utf-8"))
        return {rel: PageRecord(*fields) for rel, fields in raw.items()}
    except (OSError, ValueError, TypeError):
        return {}


def _save_records(root: Path, records: dict[str, PageRecord]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    data = {rel: list(r) for rel, r in records.items()}
    tmp = root / (RECORDS + ".tmp")
    tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    os.replace(tmp, root / RECORDS)


def plan_shards(records: dict[str, PageRecord]) -> dict[str, list[str]]:
    """{shard key: pages}. One shard ("") for a small site, else one per year label."""
    pages = sorted(records)
    if len(pages) < SHARD_MIN_PAGES:
        return {"": pages}
    years: dict[str, list[str]] = {}
    for page in pages:
        years.setdefault(records[page].year, []).append(page)
    shards: dict[str, list[str]] = {}
    for year, members in years.items():
        buckets = -(-len(members) // SHARD_MAX_PAGES)
        for page in members:
            slot = zlib.crc32(page.encode()) % buckets
            shards.setdefault(year if buckets == 1 else f"{year}-{slot + 1}", []).append(page)
    return shards


def _main_key(keys: list[str]) -> str:
    """The shard served as the main bundle: (the first bucket of) the newest year."""
    dated = sorted(k for k in keys if k[:4].isdigit())
    return dated[-1] if dated else sorted(keys)[0]


def pages_digest(records: dict[str, PageRecord], pages: list[str]) -> str:
    """SHA-256 over the paths and searchable text of `pages`."""
    digest = hashlib.sha256()
    for page in pages:
        digest.update(page.encode() + b"\0" + records[page].text_sha.encode())
    return digest.hexdigest()


ALL_PAGES_GLOB = "briefings/**/*.html"
_PAGE = re.compile(r"briefings/([a-z0-9][a-z0-9_.-]*)/index\.html")  # a page's path, glob-safe
MAX_GLOB_CHARS = 100_000  # Linux takes at most 128 KiB in one command-line argument


def pages_glob(pages: list[str]) -> str | None:
    """A Pagefind glob matching exactly `pages` (briefings/<slug>/index.html paths), or None
    when one of them cannot be spelled in it."""
    slugs = []
    for page in pages:
        m = _PAGE.fullmatch(page)
        if not m:
            return None
        slugs.append(m.group(1))
    glob = "briefings/{" + ",".join(slugs) + "}/index.html" if len(slugs) > 1 else "".join(pages)
    return glob if slugs and len(glob) <= MAX_GLOB_CHARS else None


@functools.cache
def pagefind_command() -> tuple[str, ...]:
    """How to start Pagefind: its binary, found the way the `pagefind` package finds it (which
    saves a Python start per bundle), else `python -m pagefind`."""
    try:
        from pagefind.service import get_executable

        binary = get_executable()
    except ImportError:
        binary = None
    return (str(binary),) if binary is not None and os.access(binary, os.X_OK) else (sys.executable, "-m", "pagefind")


def _pagefind(site: Path, glob: str, built: Path) -> None:
    cmd = [*pagefind_command(), "--site", str(site), "--output-path", str(built), "--glob", glob, "--silent"]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    if not (built / "pagefind-ui.js").is_file():
        raise RuntimeError("pagefind ran but wrote no pagefind-ui.js")


def _run_pagefind(output_dir: Path, pages: list[str], bundle: Path, everything: bool = False) -> None:
    """Index `pages` (paths relative to output_dir, kept) into the bundle folder `bundle`.

    Pagefind reads the pages in place, picked by a glob (all briefing pages, or a list of
    them); pages a glob cannot name are hard-linked into a scratch site first."""
    # Beside the output folder: same file system, so links and renames (no copies).
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=output_dir.parent) as tmp:
        built = Path(tmp) / "bundle"
        glob = ALL_PAGES_GLOB if everything else pages_glob(pages)
        if glob is not None:
            _pagefind(output_dir, glob, built)
        else:
            site = Path(tmp) / "site"
            for page in pages:
                target = site / page
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(output_dir / page, target)
                except OSError:
                    shutil.copyfile(output_dir / page, target)
            _pagefind(site, ALL_PAGES_GLOB, built)
        bundle.mkdir(parents=True, exist_ok=True)
        for old in bundle.iterdir():  # replace the bundle, keep the shards folder of the main one
            if old.name != SHARDS_DIR:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
        for item in built.iterdir():
            shutil.move(str(item), bundle / item.name)


def _index_bundle(output_dir: Path, pages: list[str], bundle: Path, digest: str, everything: bool) -> None:
    _run_pagefind(output_dir, pages, bundle, everything)
    (bundle / STAMP).write_text(digest + "\n", encoding="utf-8")


def index_site(output_dir: Path, force: bool = False) -> bool:
    """Build the Pagefind bundle(s) for the site in `output_dir`; raise if Pagefind fails.

    Returns True when anything was (re)indexed. A bundle whose pages' searchable text is
    unchanged is left as it is, so a rebuild with no change leaves output/ identical.
    """
    output_dir = Path(output_dir)
    if not (output_dir / "index.html").is_file():
        raise FileNotFoundError(f"{output_dir} holds no built site (no index.html)")
    root = output_dir / "pagefind"
    records = page_records(output_dir, {} if force else _load_records(root))
    shards = plan_shards(records)
    main = _main_key(list(shards))
    bundles = {key: root if key == main else root / SHARDS_DIR / key for key in shards}
    todo = []
    for key, pages in shards.items():
        bundle, digest = bundles[key], pages_digest(records, pages)
        stamp = bundle / STAMP
        if force or not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != digest:
            todo.append((pages, bundle, digest, len(shards) == 1))
    indexed = bool(todo)
    # Largest first, two at a time (the main bundle's clean-up leaves its shards folder alone).
    todo.sort(key=lambda item: -len(item[0]))
    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        list(pool.map(lambda item: _index_bundle(output_dir, *item), todo))
    others = sorted(f"{SHARDS_DIR}/{key}/" for key in shards if key != main)
    if (root / SHARDS_DIR).is_dir():
        for old in (root / SHARDS_DIR).iterdir():
            if f"{SHARDS_DIR}/{old.name}/" not in others:
                shutil.rmtree(old, ignore_errors=True)
                indexed = True
    _save_records(root, records)
    listing = json.dumps({"bundles": others}, indent=1) + "\n"
    shards_file = root / SHARDS_FILE
    if not shards_file.is_file() or shards_file.read_text(encoding="utf-8") != listing:
        shards_file.write_text(listing, encoding="utf-8")
    return indexed


if __name__ == "__main__":  # python -m briefings.search output
    index_site(Path(sys.argv[1] if len(sys.argv) > 1 else "output"))
