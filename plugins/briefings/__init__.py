"""Briefings: a Pelican plugin that turns raw seed reports into Markdown briefings.

Only `register()` lives here; the receivers are thin and call the pipeline's modules. The
imports sit inside `register()` so that the pure extraction modules can be used (and tested)
without loading Pelican.
"""

from __future__ import annotations


def register() -> None:
    """Connect the plugin's receivers to Pelican's signals."""
    from pelican import signals

    from . import site
    from .gc_policy import collect_less, skip_teardown_at_exit
    from .pelican_glue import cache_compiled_templates, run_ingest
    from .reader import adopt_cached_articles, read_ahead, use_briefing_reader

    signals.initialized.connect(collect_less)
    signals.initialized.connect(run_ingest)
    signals.readers_init.connect(use_briefing_reader)
    signals.generator_init.connect(cache_compiled_templates)
    signals.article_generator_preread.connect(read_ahead)
    signals.article_generator_pretaxonomy.connect(adopt_cached_articles)
    site.connect()
    signals.finalized.connect(skip_teardown_at_exit)
