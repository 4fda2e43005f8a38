"""Build helpers for the site tests: run Pelican on a content tree in a fresh process.

Each build runs `pelican.Pelican(read_settings(...))` in a subprocess, so Pelican's global
signals start clean every time (as with the `pelican` command). The seed ingest is off
(`BRIEFINGS["SEEDS_DIR"] = None`); set BRIEFINGS_SITE_ONLY=1 to register only the site side
of the plugin (see site_only_plugin.py).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"

_SCRIPT = """
import json, logging, sys
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
from pelican import Pelican
from pelican.settings import read_settings
overrides = json.loads(sys.argv[1])
settings = read_settings(sys.argv[2], override=overrides)
Pelican(settings).run()
"""


def index_search(output: Path) -> None:
    """Run `plugins/briefings/search.py: index_site(output)` in a fresh process."""
    code = (
        "import importlib.util, sys; from pathlib import Path; "
        "spec = importlib.util.spec_from_file_location('briefings_search', sys.argv[1]); "
        "mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod); "
        "mod.index_site(Path(sys.argv[2]))"
    )
    search_py = ROOT / "plugins" / "briefings" / "search.py"
    subprocess.run([sys.executable, "-c", code, str(search_py), str(output)], check=True)


def run_pelican(overrides: dict, env: dict | None = None) -> str:
    """Run Pelican with pelicanconf.py plus `overrides` in a fresh process; return its log
    (INFO and above).
    Raises AssertionError when it fails or logs an ERROR or CRITICAL line."""
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(overrides), str(ROOT / "pelicanconf.py")],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    log = proc.stdout + proc.stderr
    if proc.returncode != 0 or "ERROR" in log or "CRITICAL" in log:
        raise AssertionError(f"Pelican build failed ({proc.returncode}):\n{log}")
    return log


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
    run_pelican(overrides)
    if search:
        index_search(output)
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(root: Path):
    """Serve `root` on a loopback port in a thread; yield the port."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def served_subpath_site(tmp: Path, subpath: str = "repo", search: bool = True):
    """Build the fixture site for SITEURL http://127.0.0.1:<port>/<subpath>, serve it from
    `tmp`, and yield (base URL with trailing slash, output dir)."""
    root = tmp / "webroot"
    root.mkdir(parents=True, exist_ok=True)
    with serve(root) as port:
        siteurl = f"http://127.0.0.1:{port}/{subpath}"
        output = build_site(root / subpath, siteurl=siteurl, search=search)
        yield siteurl + "/", output
