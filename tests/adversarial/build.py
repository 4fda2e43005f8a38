"""Build a site from a seeds folder in a temp dir: ingest in-process, then Pelican with the
project's pelicanconf.py in a fresh process (PATH, OUTPUT_PATH and the plugin's folders pointed
into the temp dir; every other setting, DELETE_OUTPUT_DIRECTORY included, is the project's)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from briefings.ingest import IngestReport, ingest
from briefings.settings import DEFAULTS

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
Pelican(read_settings(sys.argv[2], override=json.loads(sys.argv[1]))).run()
"""


@dataclass
class Site:
    root: Path
    seeds: Path
    content: Path  # content/ (PATH)
    briefings: Path  # content/briefings
    output: Path
    report: IngestReport
    log: str


def build(root: Path, *, search: bool = False, keep_going: bool = True) -> Site:
    """Ingest root/seeds into root/content/briefings and build root/output. Raises on a
    Pelican error (an ERROR or CRITICAL line in its log)."""
    seeds, content, output = root / "seeds", root / "content", root / "output"
    briefings = content / "briefings"
    report = ingest(seeds, briefings, {**DEFAULTS, "KEEP_GOING": keep_going})
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(root / "cache"),
        "BRIEFINGS": {"SEEDS_DIR": str(seeds), "CONTENT_DIR": str(briefings), "KEEP_GOING": keep_going},
    }
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(overrides), str(ROOT / "pelicanconf.py")],
        cwd=ROOT,
        env={**os.environ, "BRIEFINGS_INGESTED": "1", "PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        check=False,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0 or "ERROR" in log or "CRITICAL" in log:
        raise AssertionError(f"Pelican build failed ({proc.returncode}):\n{log}")
    if search:
        from tests.site.sitebuild import index_search

        index_search(output)
    return Site(root, seeds, content, briefings, output, report, log)


def tree_hashes(root: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under root."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
