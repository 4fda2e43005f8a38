"""Tasks for the Briefing Archive (run with `invoke <task>`; `invoke --list` shows them all)."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import time
from pathlib import Path

from invoke import Exit, task

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))

SETTINGS = {"dev": HERE / "pelicanconf.py", "publish": HERE / "publishconf.py"}
OUTPUT = HERE / "output"
PY = shlex.quote(sys.executable)


def _briefing_settings() -> dict:
    from briefings.settings import briefing_settings, read_config

    return briefing_settings(read_config(SETTINGS["dev"]))


def _ingest(seeds: Path, out: Path, keep_going: bool) -> object:
    from briefings.ingest import ingest as run

    if not seeds.is_dir():
        raise Exit(f"ingest: seeds folder {seeds} does not exist", code=1)
    settings = _briefing_settings()
    settings["KEEP_GOING"] = keep_going
    report = run(seeds, out, settings, progress=True)
    for name, fields in sorted(report.overridden.items()):
        print(f"briefings: {name}: editor override for {', '.join(fields)}")
    for name, notes in sorted(report.notes.items()):
        print(f"briefings: {name}: {'; '.join(notes)}")
    for name, reason in sorted(report.failed.items()):
        print(f"briefings: {name}: not converted: {reason}", file=sys.stderr)
    print(report.summary())
    return report


@task(
    help={
        "seeds": "folder of seed .txt files",
        "out": "folder to write briefings to",
        "keep_going": "exit 0 even when some seeds could not be converted",
    }
)
def ingest(c, seeds="seeds", out="content/briefings", keep_going=False):
    """Convert seeds into Markdown briefings only (no site). Exits 1 if a seed failed."""
    report = _ingest(Path(seeds).resolve(), Path(out).resolve(), keep_going)
    if report.failed and not keep_going:
        raise Exit(code=1)


@task(help={"seed": "path of one seed file, e.g. seeds/000_x.txt"})
def extract(c, seed):
    """Print the metadata extracted from one seed, with the rule and text behind each value."""
    from briefings.ingest import convert
    from briefings.markdown_out import dump_yaml, front_matter

    result = convert(Path(seed), int(_briefing_settings()["MAX_SEED_BYTES"]))
    if result.briefing is None:
        raise Exit(f"{seed}: not converted: {result.error}", code=1)
    print(dump_yaml(front_matter(result.briefing)), end="")


def _pelican(c, config: Path, fatal: bool = True, extra: str = "") -> None:
    env = {"BRIEFINGS_INGESTED": "1"}
    flags = "--fatal warnings" if fatal else ""
    c.run(
        f"{PY} -m pelican {shlex.quote(str(HERE / 'content'))} -s {shlex.quote(str(config))} "
        f"-o {shlex.quote(str(OUTPUT))} {flags} {extra}",
        env=env,
        pty=False,
    )


def _search(c) -> float:
    from briefings.search import index_site

    start = time.perf_counter()
    index_site(OUTPUT)
    return time.perf_counter() - start


def _build(c, config: Path, keep_going: bool, search: bool) -> None:
    timings = {}
    start = time.perf_counter()
    report = _ingest(HERE / "seeds", HERE / "content" / "briefings", keep_going)
    timings["ingest"] = time.perf_counter() - start
    start = time.perf_counter()
    _pelican(c, config)
    timings["pelican"] = time.perf_counter() - start
    if search:
        timings["search"] = _search(c)
    else:  # no stale index pointing at pages that changed
        shutil.rmtree(OUTPUT / "pagefind", ignore_errors=True)
    print("build: " + ", ".join(f"{k} {v:.2f}s" for k, v in timings.items()))
    if report.failed and not keep_going:
        raise Exit(
            f"build: {len(report.failed)} seed(s) could not be converted (see above); "
            "use --keep-going to publish the good ones anyway",
            code=1,
        )


@task(
    help={
        "keep_going": "publish the good briefings even when some seeds fail",
        "search": "build the Pagefind search index (default on)",
    }
)
def build(c, keep_going=False, search=True):
    """Seeds -> briefings -> site in output/ (with the search index)."""
    _build(c, SETTINGS["dev"], keep_going, search)


@task
def clean(c):
    """Remove the built site (output/), Pelican's cache and the record of seed stamps."""
    from briefings.ingest import STAMPS

    for path in (OUTPUT, HERE / "cache"):
        shutil.rmtree(path, ignore_errors=True)
    (HERE / "content" / "briefings" / STAMPS).unlink(missing_ok=True)


@task(help={"port": "port to serve on (default 8000)"})
def serve(c, port=8000):
    """Serve output/ on http://localhost:PORT (loopback only)."""
    c.run(f"{PY} -m http.server {int(port)} --bind 127.0.0.1 --directory {shlex.quote(str(OUTPUT))}", pty=False)


@task(help={"port": "port to serve on (default 8000)"})
def livereload(c, port=8000):
    """Rebuild when seeds, overrides, theme or plugin change, and reload the browser."""
    from livereload import Server

    def rebuild():
        _build(c, SETTINGS["dev"], keep_going=True, search=False)

    rebuild()
    server = Server()
    for pattern in (
        "seeds/*",
        "theme/**/*",
        "plugins/**/*.py",
        "plugins/**/*.yaml",
        "pelicanconf.py",
        "content/pages/*",
    ):
        server.watch(str(HERE / pattern), rebuild)
    server.serve(host="127.0.0.1", port=int(port), root=str(OUTPUT))


@task(help={"keep_going": "publish the good briefings even when some seeds fail"})
def publish(c, keep_going=False):
    """Build for production with publishconf.py (SITEURL from the environment)."""
    if not os.environ.get("SITEURL"):
        print("publish: SITEURL is not set; links will be root-relative", file=sys.stderr)
    _build(c, SETTINGS["publish"], keep_going, search=True)


@task(name="gh-pages", help={"push": "push the gh-pages branch to origin"})
def gh_pages(c, push=False):
    """Publish, then commit output/ to the gh-pages branch with ghp-import (-n: .nojekyll)."""
    publish(c)
    c.run(f"{PY} -m ghp_import -n -m 'Publish site' -b gh-pages {'-p' if push else ''} {shlex.quote(str(OUTPUT))}")


@task(help={"k": "only tests matching this expression", "browser": "include browser tests (default on)"})
def test(c, k="", browser=True):
    """Run all tests (unit, end-to-end build, browser)."""
    args = ["-q"]
    if k:
        args += ["-k", shlex.quote(k)]
    if not browser:
        args += ["--ignore", "tests/browser"]
    c.run(f"{PY} -m pytest {' '.join(args)}", pty=False)


@task
def lint(c):
    """ruff (lint and format check) and mypy on the pure extraction modules."""
    c.run(f"{PY} -m ruff check .")
    c.run(f"{PY} -m ruff format --check .")
    c.run(f"{PY} -m mypy")


@task(
    help={
        "n": "number of generated seeds, or a comma-separated list (1000,2000,5000,10000)",
        "json": "write the result(s) as JSON to this file",
        "bare": "also time bare Pelican on the same Markdown (default on)",
        "bare_yaml": "also time bare Pelican reading the same YAML front matter (stock yaml_metadata reader)",
        "keep": "keep the temporary folder",
    }
)
def bench(c, n="1000", json="", bare=True, bare_yaml=False, keep=False):
    """Benchmark the full build on N generated seeds (see docs/benchmark.md)."""
    sys.path.insert(0, str(HERE))
    from benchmarks.run import main as run_bench

    args = ["--n", str(n)]
    if json:
        args += ["--json", json]
    if not bare:
        args.append("--no-bare")
    if bare_yaml:
        args.append("--bare-yaml")
    if keep:
        args.append("--keep")
    run_bench(args)
