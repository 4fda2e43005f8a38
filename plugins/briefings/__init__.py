"""Briefings: a Pelican plugin that turns raw seed reports into Markdown briefings.

Only `register()` and thin signal receivers live here; the work is done by the modules
named in each receiver.
"""

from __future__ import annotations

from pelican import signals

from . import site
from .pelican_glue import mark_undated, run_ingest


def register() -> None:
    """Connect the plugin's receivers to Pelican's signals."""
    signals.initialized.connect(run_ingest)
    signals.article_generator_context.connect(mark_undated)
    site.connect()
