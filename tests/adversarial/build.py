"""Build a site from a seeds folder in a temp dir: ingest in-process, then Pelican with the
project's pelicanconf.py in a fresh process (PATH, OUTPUT_PATH and the plugin's folders pointed
into the temp dir; every other setting, DELETE_OUTPUT_DIRECTORY included, is the project's)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefings.ingest import IngestReport, ingest
from briefings.settings import DEFAULTS

from tests.site.sitebuild import ROOT, index_search, run_pelican


@dataclass
class Site:
    root: Path
    seeds: Path
    content: Path  # content/ (PATH)
    briefings: Path  # content/briefings
    output: Path
    report: IngestReport
    log: str


def build(root: Path, *, search: bool = False, keep_going: bool = True, briefings: dict | None = None) -> Site:
    """Ingest root/seeds into root/content/briefings and build root/output (`briefings`: more
    BRIEFINGS settings). Raises on a Pelican error (an ERROR or CRITICAL line in its log)."""
    seeds, content, output = root / "seeds", root / "content", root / "output"
    folder = content / "briefings"
    report = ingest(seeds, folder, {**DEFAULTS, "KEEP_GOING": keep_going})
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(root / "cache"),
        "BRIEFINGS": {
            "SEEDS_DIR": str(seeds),
            "CONTENT_DIR": str(folder),
            "KEEP_GOING": keep_going,
            **(briefings or {}),
        },
    }
    log = run_pelican(overrides, env={"BRIEFINGS_INGESTED": "1", "PYTHONPATH": str(ROOT / "plugins")})
    if search:
        index_search(output)
    return Site(root, seeds, content, folder, output, report, log)


def tree_hashes(root: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under root."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
