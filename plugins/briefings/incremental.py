"""Incremental page writing: a build renders only the pages whose inputs changed, renders them
on every core, and removes the pages it no longer produces.

- A briefing page shows one briefing and a few facts of its neighbours; `Brief.page_key()`
  lists everything it shows (`Term.page_key()` and `Year.page_key()` do the same for topic,
  person and year pages). The writer keeps, per page, a digest of that key; a page whose
  digest and site digest (theme templates, plain settings, this package's code, library
  versions) are unchanged, and whose file still exists, is not rendered again. Settings that
  are not plain data (Jinja filters and other functions) are not followed: after changing
  one, run `invoke clean`.
- Pages to render are queued and rendered by `flush()` in forked processes (one per core),
  which share the built context copy-on-write: nothing is pickled.
- State lives in `<CACHE_PATH>/briefings-pages.json`: {"site": digest, "pages": {path: digest}}.
  It is removed when a build starts and written when it ends, so after a crashed build the next
  one starts from an empty output folder, as `DELETE_OUTPUT_DIRECTORY` would.
- A file the last build produced (through the writer, or reported with `produced()`) that this
  build did not produce is deleted, with the folders it leaves empty.
- Pelican's reader cache (parsed briefings) is emptied when the code or plain settings that
  filled it changed (`fresh_reader_cache`), so cached metadata never goes stale.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import traceback
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from pelican.utils import clean_output_dir
from pelican.writers import Writer

log = logging.getLogger(__name__)

PACKAGE = Path(__file__).parent
STATE_FILE = "briefings-pages.json"
READER_STAMP = ".reader-fingerprint"  # what filled Pelican's reader cache
# What runs while Pelican reads a briefing (the reader, and the receivers of content_object_init
# and article_generator_context): what its caches of reader results and articles depend on.
READER_FILES = ("reader.py", "markdown_out.py", "taxonomies.py", "quotes.py", "sanitize.py", "site.py")
_ACTIVE: list[IncrementalWriter] = []  # writers of builds in progress (Pelican makes one per build)
_PLAIN = (str, int, float, bool, type(None))


def digest(value: Any) -> str:
    """A short, stable digest of a value's repr (plain data: strings, numbers, tuples, dates)."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=12).hexdigest()


def plain_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """The settings whose values are plain data (so their repr is stable across runs)."""

    def plain(value: Any) -> bool:
        if isinstance(value, _PLAIN):
            return True
        if isinstance(value, (list, tuple)):
            return all(plain(v) for v in value)
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        return False

    return {k: v for k, v in settings.items() if plain(v)}


def _files_digest(folder: Path, paths: Iterable[Path]) -> list[tuple[str, str]]:
    """[(path relative to folder, digest of its bytes)] of the files among `paths`."""
    return [
        (str(path.relative_to(folder)), hashlib.blake2b(path.read_bytes()).hexdigest())
        for path in paths
        if path.is_file()
    ]


def _versions() -> list[tuple[str, str | None]]:
    versions: list[tuple[str, str | None]] = [("python", sys.version.split()[0])]
    for dist in ("pelican", "jinja2", "markdown", "markupsafe", "nh3", "pyyaml", "pelican-yaml-metadata"):
        try:
            versions.append((dist, metadata.version(dist)))
        except metadata.PackageNotFoundError:
            versions.append((dist, None))
    return versions


def site_digest(settings: dict[str, Any]) -> str:
    """Digest of everything every page depends on besides its own inputs."""
    theme = Path(settings.get("THEME", ""))
    return digest(
        (
            sorted(plain_settings(settings).items()),
            _files_digest(theme / "templates", sorted((theme / "templates").rglob("*"))),
            _files_digest(PACKAGE, sorted(PACKAGE.rglob("*.py"))),
            _versions(),
        )
    )


def reader_digest(settings: dict[str, Any]) -> str:
    """Digest of what Pelican's cached reader results depend on: our reading code, plain
    settings (Markdown options, GZIP_CACHE...) and library versions."""
    code = _files_digest(PACKAGE, [PACKAGE / name for name in READER_FILES])
    return digest((code, sorted(plain_settings(settings).items()), _versions()))


def fresh_reader_cache(pelican: Any) -> None:
    """`initialized` receiver: empty Pelican's cache folder (all but our page record) when what
    filled it changed, so cached metadata never goes stale."""
    settings = pelican.settings
    cache = Path(settings.get("CACHE_PATH") or "cache")
    key = reader_digest(settings)
    stamp = cache / READER_STAMP
    if stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == key:
        return
    if cache.is_dir():
        for item in cache.iterdir():
            if item.name != STATE_FILE:
                shutil.rmtree(item) if item.is_dir() else item.unlink()
    cache.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key + "\n", encoding="utf-8")


def run_jobs(jobs: list[Callable[[], None]], workers: int, parallel_min: int = 1) -> None:
    """Run `jobs`; with `workers` > 1 and at least `parallel_min` jobs, split them over forked
    processes.

    A job that fails in a child makes the child exit non-zero (traceback on stderr) and this
    function raise once all children are done."""
    if workers <= 1 or len(jobs) < max(parallel_min, 2) or not hasattr(os, "fork"):
        for job in jobs:
            job()
        return
    sys.stdout.flush()
    sys.stderr.flush()
    children = []
    for share in range(1, workers):
        pid = os.fork()
        if pid == 0:  # child: render its share and leave without running any cleanup
            code = 0
            try:
                for job in jobs[share::workers]:
                    job()
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        children.append(pid)
    error: BaseException | None = None
    try:
        for job in jobs[0::workers]:
            job()
    except BaseException as exc:
        error = exc
    failed = [pid for pid in children if os.waitpid(pid, 0)[1] != 0]
    if error is not None:
        raise error
    if failed:
        raise RuntimeError(f"{len(failed)} page-rendering process(es) failed; see the traceback above")


def page_inputs(kwargs: dict[str, Any]) -> tuple | None:
    """`page_key()` of what a page shows (a briefing via `article.brief`, a topic, a person, a
    year), or None for other pages, which are always rendered."""
    for value in kwargs.values():
        page_key = getattr(getattr(value, "brief", value), "page_key", None)
        if callable(page_key):
            return page_key()
    return None


class IncrementalWriter(Writer):
    """Pelican's Writer that skips unchanged briefing pages, renders in parallel, sweeps stale files."""

    def __init__(self, output_path: str, settings: dict[str, Any]) -> None:
        super().__init__(output_path, settings)
        cache = Path(settings.get("CACHE_PATH") or "cache")
        self.state_path = cache / STATE_FILE
        self.site = site_digest(settings)
        previous = self._take_state()
        if previous is None:
            # No record of what output/ holds: start from a clean folder.
            if Path(output_path).is_dir():
                clean_output_dir(output_path, settings.get("OUTPUT_RETENTION", []))
            previous = {"site": None, "pages": {}}
        self.previous_pages: dict[str, str] = previous.get("pages") or {}
        self.previous_site = previous.get("site")
        self.pages: dict[str, str] = {}  # this build: path -> digest ("" = always rendered)
        self.pending: list[Callable[[], None]] = []
        self.skipped = 0
        from .settings import briefing_settings, worker_count

        plugin_settings = briefing_settings(settings)
        self.workers = worker_count(plugin_settings)
        self.parallel_min = int(plugin_settings.get("PARALLEL_MIN") or 0)
        _ACTIVE.append(self)

    def _take_state(self) -> dict[str, Any] | None:
        """Read and remove the last build's state (None when missing or unreadable)."""
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.state_path.unlink(missing_ok=True)
        return state if isinstance(state, dict) else None

    def write_file(self, name: Any, template: Any, context: dict, *args: Any, **kwargs: Any) -> None:
        """Queue the page; a briefing page whose inputs are unchanged since the last build is kept."""
        if not name:
            return
        if self.unchanged(name, page_inputs(kwargs)):
            return
        render = super().write_file
        self.pending.append(lambda: render(name, template, context, *args, **kwargs))

    def unchanged(self, name: str, inputs: tuple | None) -> bool:
        """Record the file `name` (relative to the output folder) as produced by this build from
        `inputs` (None: always made again); True when the last build made it from the same
        inputs and it is still there, so it need not be made again."""
        key = digest(inputs) if inputs is not None else ""
        path = os.path.normpath(name)
        self.pages[path] = key
        if (
            key
            and self.previous_site == self.site
            and self.previous_pages.get(path) == key
            and os.path.isfile(os.path.join(self.output_path, path))
        ):
            self.skipped += 1
            return True
        return False

    def produced(self, paths: Iterable[str]) -> None:
        """Record files written outside the writer (feeds), so the sweep keeps them."""
        for path in paths:
            self.pages.setdefault(os.path.normpath(path), "")

    def flush(self) -> None:
        """Render every queued page (in parallel when there are many)."""
        jobs, self.pending = self.pending, []
        run_jobs(jobs, self.workers, self.parallel_min)

    def finish(self) -> None:
        """Render what is queued, delete what the last build produced and this one did not,
        and save the state."""
        self.flush()
        output = Path(self.output_path)
        for stale in sorted(set(self.previous_pages) - set(self.pages)):
            path = output / stale
            path.unlink(missing_ok=True)
            folder = path.parent
            while folder != output and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"site": self.site, "pages": self.pages}, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.state_path)
        log.info("briefings: %d pages rendered, %d unchanged pages kept", len(self.pages) - self.skipped, self.skipped)


def incremental_writer(pelican: Any) -> type[Writer]:
    """`get_writer` receiver: Pelican writes through IncrementalWriter."""
    return IncrementalWriter


def finish_writing(pelican: Any) -> None:
    """`finalized` receiver: finish the build's writer (queue, sweep, state)."""
    while _ACTIVE:
        _ACTIVE.pop().finish()
