"""Pelican signal receivers of the plugin. Thin: each calls one step and logs the result."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from .settings import SKIP_INGEST_ENV, briefing_settings

log = logging.getLogger("briefings")
TEMPLATE_CACHE = "jinja"  # folder under CACHE_PATH holding the compiled templates


def cache_compiled_templates(generator: Any) -> None:
    """`generator_init` receiver: when Pelican caches content, keep the theme's templates
    compiled too (Jinja's bytecode cache in `<CACHE_PATH>/jinja/`), so that a rebuild does not
    compile them again. Jinja checks each template's source against its cached code, so an
    edited template is compiled afresh."""
    settings = generator.settings
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")) or not settings.get("CACHE_PATH"):
        return
    from jinja2 import FileSystemBytecodeCache

    folder = Path(settings["CACHE_PATH"]) / TEMPLATE_CACHE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("briefings: templates not cached (%s: %s)", folder, exc)
        return
    generator.env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def run_ingest(pelican: Any) -> None:
    """`initialized` receiver: convert new or changed seeds into briefings before reading."""
    settings = briefing_settings(pelican.settings)
    if not settings.get("SEEDS_DIR") or os.environ.get(SKIP_INGEST_ENV) == "1":
        return
    from .ingest import ingest, log_report  # the extraction modules load only when needed

    base = Path(pelican.settings.get("PATH", ".")).parent
    seeds_dir = (base / settings["SEEDS_DIR"]).resolve()
    content_dir = (base / settings["CONTENT_DIR"]).resolve()
    if not seeds_dir.is_dir():
        log.error("briefings: seeds folder %s does not exist", seeds_dir)
        return
    report = ingest(seeds_dir, content_dir, settings)
    log_report(report, bool(settings.get("KEEP_GOING")))
