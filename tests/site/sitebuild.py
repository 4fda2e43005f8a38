"""Build helpers for the site tests: run Pelican on a content tree in a fresh process.

Each build runs `pelican.Pelican(read_settings(...))` in a subprocess, so Pelican's global
signals start clean every time (as with the `pelican` command). The seed ingest is off
(`BRIEFINGS["SEEDS_DIR"] = None`); set BRIEFINGS_SITE_ONLY=1 to register only the site side
of the plugin (see site_only_plugin.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"

_SCRIPT = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
overrides = json.loads(sys.argv[1])
settings = read_settings(sys.argv[2], override=overrides)
Pelican(settings).run()
"""


def build_site(
    output: Path,
    *,
    content: Path = FIXTURE_CONTENT,
    siteurl: str = "",
    search: bool = False,
    extra: dict | None = None,
) -> Path:
    """Build `content` into `output` (optionally with a Pagefind index); return `output`."""
    overrides = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "SITEURL": siteurl,
        "BRIEFINGS": {"SEEDS_DIR": None, "CONTENT_DIR": str(content / "briefings")},
        "CACHE_PATH": str(output.parent / (output.name + "-cache")),
        "DELETE_OUTPUT_DIRECTORY": False,
    }
    if os.environ.get("BRIEFINGS_SITE_ONLY") == "1":
        overrides["PLUGINS"] = ["pelican.plugins.yaml_metadata", "site_only_plugin"]
        overrides["PLUGIN_PATHS"] = [str(Path(__file__).resolve().parent)]
    overrides.update(extra or {})
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(overrides), str(ROOT / "pelicanconf.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0 or "ERROR" in log or "CRITICAL" in log:
        raise AssertionError(f"Pelican build failed ({proc.returncode}):\n{log}")
    if search:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from site_only_plugin import PKG_DIR  # noqa: F401  (documents where search.py is)

        subprocess.run(
            [sys.executable, "-c", "import sys; from pathlib import Path; "
             f"sys.path.insert(0, {str(ROOT / 'plugins')!r}); "
             "import importlib.util as u; s = u.spec_from_file_location('bsearch', "
             f"{str(ROOT / 'plugins' / 'briefings' / 'search.py')!r}); m = u.module_from_spec(s); "
             f"s.loader.exec_module(m); m.index_site(Path({str(output)!r}))"],
            check=True,
        )  # fmt: skip
    return output
