"""The plugin's settings: one `BRIEFINGS` dict in pelicanconf.py, merged over these defaults."""

from __future__ import annotations

import os
import runpy
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Folder of seed reports (`*.txt`) and editor overrides (`<stem>.yaml`). None: no ingest.
    "SEEDS_DIR": "seeds",
    # Folder the generated briefings are written to (hand-made files there are left alone).
    "CONTENT_DIR": "content/briefings",
    # Seeds larger than this are reported, not converted.
    "MAX_SEED_BYTES": 8_000_000,
    # Worker processes for ingest; 0 = one per CPU core.
    "WORKERS": 0,
    # Below this many seeds to convert, files to read or pages to render, do the work in this
    # process (no worker start-up cost); above, on WORKERS processes.
    "PARALLEL_MIN": 200,
    # Publish the good briefings even when some seeds could not be converted.
    "KEEP_GOING": False,
}

SKIP_INGEST_ENV = "BRIEFINGS_INGESTED"  # set by `invoke build`, which runs the ingest itself


def briefing_settings(pelican_settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """Pelican settings -> the plugin's settings (defaults overridden by `BRIEFINGS`)."""
    merged = dict(DEFAULTS)
    merged.update((pelican_settings or {}).get("BRIEFINGS") or {})
    return merged


def read_config(path: str | Path) -> dict[str, Any]:
    """The upper-case names a Pelican settings file (pelicanconf.py) defines, read by running it
    as Python as Pelican does, without loading Pelican: all a standalone ingest needs of it."""
    return {k: v for k, v in runpy.run_path(str(path)).items() if k.isupper()}


def worker_count(settings: dict[str, Any]) -> int:
    """Number of ingest worker processes to use."""
    return int(settings.get("WORKERS") or os.cpu_count() or 1)
