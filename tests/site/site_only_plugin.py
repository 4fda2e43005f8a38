"""Test-only Pelican plugin: the site side of `briefings` without the seed ingest.

Used when BRIEFINGS_SITE_ONLY=1, so the site tests can run while the extraction side is
being changed. It loads `plugins/briefings/*` as a package without running its
`__init__.py`, registers `site.connect()` and nothing else.
"""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path

PKG_DIR = Path(__file__).resolve().parents[2] / "plugins" / "briefings"
PKG_NAME = "briefings_site_only"


def load(module: str) -> types.ModuleType:
    """Import `plugins/briefings/<module>.py` without running the package's `__init__`."""
    if PKG_NAME not in sys.modules:
        pkg = types.ModuleType(PKG_NAME)
        pkg.__path__ = [str(PKG_DIR)]
        sys.modules[PKG_NAME] = pkg
    return importlib.import_module(f"{PKG_NAME}.{module}")


def register() -> None:
    load("site").connect()
