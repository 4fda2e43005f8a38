"""Benchmark runner: generate N seeds, build them as `invoke build` does, time every stage.

Each stage runs as its own process (`os.wait4` gives its peak RSS, including its worker
processes), in a fresh temporary folder:

1. ingest        seeds -> Markdown briefings (process pool across cores)
2. pelican       our site (pelicanconf.py, briefings plugin, our theme), `--fatal warnings`
3. search        Pagefind over the briefing pages (`briefings.search.index_site`)
4. bare pelican  the same Markdown bodies with stock Pelican: no plugin, `notmyidea` theme,
                 topics as tags, YEAR_ARCHIVE_SAVE_AS set, undated briefings given a date;
                 metadata in Pelican's native `Key: value` header (`bare_pelican_s`, the
                 strict baseline) and, with `--bare-yaml`, also the same YAML front matter
                 read by the stock `pelican.plugins.yaml_metadata` reader (`bare_yaml_pelican_s`)
5. no-op rebuild ingest + pelican + search again with nothing changed: must convert no seed
                 and rewrite no briefing file
6. add one seed  ingest + pelican + search after adding one new seed

    python -m benchmarks.run --n 2000 --json bench.json     (or: invoke bench --n 2000)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from .generate import extra_seed, generate

ROOT = Path(__file__).resolve().parent.parent
KEYS = (
    "n", "ingest_s", "pelican_s", "search_s", "total_s", "bare_pelican_s", "ratio_vs_bare",
    "peak_rss_mb", "rebuild_one_new_s", "rebuild_noop_s", "noop_rewrote_briefings",
)  # fmt: skip

OUR_CONFIG = """\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F401,F403

PATH = {content!r}
OUTPUT_PATH = {output!r}
CACHE_PATH = {cache!r}
BRIEFINGS = {{"SEEDS_DIR": {seeds!r}, "CONTENT_DIR": {briefings!r}}}
"""

BARE_CONFIG = """\
AUTHOR = "Benchmark"
SITENAME = "Bare Pelican"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PATH = {content!r}
OUTPUT_PATH = {output!r}
CACHE_PATH = {cache!r}
PLUGINS = []
ARTICLE_PATHS = ["briefings"]
ARTICLE_URL = "briefings/{{slug}}/"
ARTICLE_SAVE_AS = "briefings/{{slug}}/index.html"
YEAR_ARCHIVE_SAVE_AS = "posts/{{date:%Y}}/index.html"
"""


@dataclass
class Stage:
    seconds: float
    rss_mb: float
    stdout: str
    cpu_s: tuple[float, float] = (0.0, 0.0)  # user, system: the stage and the children it waited for


def run_stage(cmd: list[str], log: Path, env: dict[str, str] | None = None) -> Stage:
    """Run one stage as a child process; -> wall time and peak RSS (its own and its children's)."""
    start = time.perf_counter()
    with open(log, "w+", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        text = out.read()
    if proc.returncode != 0:
        raise RuntimeError(f"stage failed ({proc.returncode}): {' '.join(cmd)}\n{text[-4000:]}")
    return Stage(seconds, usage.ru_maxrss / 1024, text, (usage.ru_utime, usage.ru_stime))


class Bench:
    """One benchmark run in `work` (seeds/, content/briefings/, output/, bare-*/, logs)."""

    def __init__(self, n: int, work: Path, quiet: bool = False) -> None:
        self.n, self.work, self.quiet = n, work, quiet
        self.seeds = work / "seeds"
        self.content = work / "content"
        self.briefings = self.content / "briefings"
        self.output = work / "output"
        self.config = work / "benchconf.py"
        self.config.write_text(
            OUR_CONFIG.format(
                root=str(ROOT),
                content=str(self.content),
                output=str(self.output),
                cache=str(work / "cache"),
                seeds=str(self.seeds),
                briefings=str(self.briefings),
            ),
            encoding="utf-8",
        )
        self.rss: dict[str, float] = {}
        self.cpu: dict[str, tuple[float, float]] = {}

    def say(self, message: str) -> None:
        if not self.quiet:
            print(f"bench[{self.n}]: {message}", flush=True)

    def ingest(self, label: str) -> tuple[Stage, dict]:
        stage = run_stage(
            [sys.executable, "-m", "benchmarks.stages", "ingest", str(self.seeds), str(self.briefings)],
            self.work / f"{label}.log",
        )
        self.rss[label] = stage.rss_mb
        self.cpu[label] = stage.cpu_s
        report = json.loads(stage.stdout.strip().splitlines()[-1])
        if report["failed"]:
            self.say(f"{report['failed']} seed(s) not converted, e.g. {report['failures']}")
        return stage, report

    def pelican(self, label: str) -> Stage:
        cmd = [
            sys.executable, "-m", "pelican", str(self.content), "-s", str(self.config), "-o", str(self.output),
            "--fatal", "warnings",
        ]  # fmt: skip
        stage = run_stage(cmd, self.work / f"{label}.log", env={"BRIEFINGS_INGESTED": "1"})
        self.rss[label] = stage.rss_mb
        self.cpu[label] = stage.cpu_s
        return stage

    def search(self, label: str) -> Stage:
        cmd = [sys.executable, "-m", "benchmarks.stages", "search", str(self.output)]
        stage = run_stage(cmd, self.work / f"{label}.log")
        self.rss[label] = stage.rss_mb
        self.cpu[label] = stage.cpu_s
        return stage

    def bare(self, yaml_front_matter: bool = False) -> Stage:
        """Stock Pelican on the same Markdown: native metadata (title, date, slug, tags, summary),
        or the same YAML front matter (topics as tags, a date for undated briefings) read by
        the stock yaml_metadata reader."""
        label = "bare-yaml" if yaml_front_matter else "bare"
        content = self.work / f"{label}-content"
        target = content / "briefings"
        target.mkdir(parents=True, exist_ok=True)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        for path in sorted(self.briefings.glob("*.md")):
            _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
            meta = yaml.load(head, Loader=loader)
            date = meta.get("date") or "2000-01-01"  # undated: bare Pelican needs a date
            if yaml_front_matter:
                meta["tags"] = meta.pop("topics", [])
                meta["date"] = date
                text = "---\n" + yaml.dump(meta, Dumper=dumper, sort_keys=False, allow_unicode=True) + "---\n" + body
            else:
                lines = [f"Title: {meta['title']}", f"Date: {date}", f"Slug: {meta['slug']}"]
                if meta.get("topics"):
                    lines.append("Tags: " + ", ".join(str(t).replace(",", " ") for t in meta["topics"]))
                if meta.get("summary"):
                    lines.append("Summary: " + " ".join(str(meta["summary"]).split()))
                text = "\n".join(lines) + "\n" + body
            (target / path.name).write_text(text, encoding="utf-8")
        config = self.work / f"{label}conf.py"
        output = self.work / f"{label}-output"
        plugins = '["pelican.plugins.yaml_metadata"]' if yaml_front_matter else "[]"
        config.write_text(
            BARE_CONFIG.format(content=str(content), output=str(output), cache=str(self.work / f"{label}-cache"))
            + f"PLUGINS = {plugins}\n",
            encoding="utf-8",
        )
        stage = run_stage(
            [sys.executable, "-m", "pelican", str(content), "-s", str(config), "-o", str(output)],
            self.work / f"{label}.log",
        )
        self.say(f"{label} pelican {stage.seconds:.1f}s, {count_pages(output)} pages")
        return stage

    def briefing_mtimes(self) -> dict[str, int]:
        """Modification time of each briefing (`*.md`; not ingest's own records)."""
        return {p.name: p.stat().st_mtime_ns for p in self.briefings.glob("*.md")}

    def run(self, bare: bool = True, bare_yaml: bool = False) -> dict:
        self.say(f"generating {self.n} seeds in {self.seeds}")
        generate(self.n, self.seeds)
        ingest, report = self.ingest("ingest")
        self.say(f"ingest {ingest.seconds:.1f}s ({self.n / ingest.seconds:.0f} seeds/s), {report}")
        pelican = self.pelican("pelican")
        pages = count_pages(self.output)
        self.say(f"pelican {pelican.seconds:.1f}s, {pages} pages")
        search = self.search("search")
        self.say(f"search {search.seconds:.1f}s")
        cold = ingest.seconds + pelican.seconds + search.seconds

        before = self.briefing_mtimes()
        noop_ingest, noop_report = self.ingest("noop-ingest")
        noop_pelican = self.pelican("noop-pelican")
        noop_search = self.search("noop-search")
        after = self.briefing_mtimes()
        rewrote = sum(1 for name, mtime in after.items() if before.get(name) != mtime)
        rewrote += sum(1 for name in before if name not in after)
        noop = noop_ingest.seconds + noop_pelican.seconds + noop_search.seconds
        self.say(
            f"no-op rebuild {noop:.1f}s (ingest {noop_ingest.seconds:.1f}s, pelican {noop_pelican.seconds:.1f}s, "
            f"search {noop_search.seconds:.1f}s): converted {noop_report['converted']}, rewrote {rewrote}"
        )

        extra_seed(self.seeds, self.n)
        one_ingest, one_report = self.ingest("one-ingest")
        one_pelican = self.pelican("one-pelican")
        one_search = self.search("one-search")
        one = one_ingest.seconds + one_pelican.seconds + one_search.seconds
        self.say(f"add one seed + rebuild {one:.1f}s (converted {one_report['converted']})")

        bare_stage = self.bare() if bare else None
        bare_yaml_stage = self.bare(yaml_front_matter=True) if bare_yaml else None
        site = ingest.seconds + pelican.seconds
        result = {
            "n": self.n,
            "ingest_s": round(ingest.seconds, 3),
            "pelican_s": round(pelican.seconds, 3),
            "search_s": round(search.seconds, 3),
            "total_s": round(cold, 3),
            "bare_pelican_s": round(bare_stage.seconds, 3) if bare_stage else None,
            "ratio_vs_bare": round(site / bare_stage.seconds, 3) if bare_stage else None,
            "peak_rss_mb": round(max(self.rss.values()), 1),
            "rebuild_one_new_s": round(one, 3),
            "rebuild_noop_s": round(noop, 3),
            "noop_rewrote_briefings": rewrote,
            # details
            "seeds_per_s": round(self.n / ingest.seconds, 1),
            "search_share_of_site_build": round(search.seconds / pelican.seconds, 3),
            "rebuild_one_share_of_cold": round(one / cold, 3),
            "pages_written": pages,
            "briefings": report["seeds"] - report["failed"],
            "failed_seeds": report["failed"],
            "noop_converted": noop_report["converted"],
            "noop_stages_s": {
                "ingest": round(noop_ingest.seconds, 3),
                "pelican": round(noop_pelican.seconds, 3),
                "search": round(noop_search.seconds, 3),
            },
            "one_new_stages_s": {
                "ingest": round(one_ingest.seconds, 3),
                "pelican": round(one_pelican.seconds, 3),
                "search": round(one_search.seconds, 3),
            },
            "rss_mb": {k: round(v, 1) for k, v in self.rss.items()},
            "cpu_user_sys_s": {k: [round(u, 2), round(y, 2)] for k, (u, y) in self.cpu.items()},
            "bare_rss_mb": round(bare_stage.rss_mb, 1) if bare_stage else None,
            "bare_cpu_user_sys_s": [round(v, 2) for v in bare_stage.cpu_s] if bare_stage else None,
            "bare_yaml_pelican_s": round(bare_yaml_stage.seconds, 3) if bare_yaml_stage else None,
            "ratio_vs_bare_yaml": round(site / bare_yaml_stage.seconds, 3) if bare_yaml_stage else None,
            "peak_rss_mb_python_stages": round(max(v for k, v in self.rss.items() if "search" not in k), 1),
            "peak_rss_mb_search": round(max(v for k, v in self.rss.items() if "search" in k), 1),
            "children_maxrss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
            "cpus": os.cpu_count(),
        }
        return result


def count_pages(output: Path) -> int:
    return sum(1 for _ in output.rglob("*.html"))


def bench(
    n: int,
    json_path: Path | None = None,
    keep: bool = False,
    bare: bool = True,
    quiet: bool = False,
    bare_yaml: bool = False,
    leftovers: list[Path] | None = None,
) -> dict:
    """Run the benchmark for N seeds; write the JSON result to `json_path` if given.

    The temporary folder is removed at the end, or, with a `leftovers` list, appended to it
    for the caller to remove after its last run: on ext4, creating files just after many were
    deleted is much slower (see docs/benchmark.md), so one size's clean-up must not slow the next."""
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
    try:
        result = Bench(n, work, quiet=quiet).run(bare=bare, bare_yaml=bare_yaml)
    finally:
        if keep:
            print(f"bench[{n}]: kept {work}")
        elif leftovers is not None:
            leftovers.append(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    if json_path:
        json_path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def table(results: list[dict]) -> str:
    """A Markdown table of several runs."""
    head = (
        "| N | ingest s | seeds/s | pelican s | search s | search/pelican | total s | bare pelican s "
        "| (ingest+pelican)/bare | bare+YAML reader s | (ingest+pelican)/bare+YAML "
        "| peak RSS MB (python / pagefind) | +1 seed rebuild s (share of cold) | no-op rebuild s | no-op rewrites |"
    )
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        bare = f"{r['bare_pelican_s']:.1f}" if r["bare_pelican_s"] else "-"
        ratio = f"{r['ratio_vs_bare']:.2f}" if r["ratio_vs_bare"] else "-"
        bare_yaml = f"{r['bare_yaml_pelican_s']:.1f}" if r.get("bare_yaml_pelican_s") else "-"
        ratio_yaml = f"{r['ratio_vs_bare_yaml']:.2f}" if r.get("ratio_vs_bare_yaml") else "-"
        rows.append(
            f"| {r['n']} | {r['ingest_s']:.1f} | {r['seeds_per_s']:.0f} | {r['pelican_s']:.1f} | {r['search_s']:.1f} "
            f"| {r['search_share_of_site_build']:.0%} | {r['total_s']:.1f} | {bare} | {ratio} "
            f"| {bare_yaml} | {ratio_yaml} "
            f"| {r['peak_rss_mb_python_stages']:.0f} / {r['peak_rss_mb_search']:.0f} "
            f"| {r['rebuild_one_new_s']:.1f} ({r['rebuild_one_share_of_cold']:.0%}) | {r['rebuild_noop_s']:.1f} "
            f"| {r['noop_rewrote_briefings']} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", default="1000", help="number of seeds, or a comma-separated list (1000,2000,5000)")
    parser.add_argument("--json", type=Path, help="write the result(s) as JSON to this file")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare Pelican comparison")
    parser.add_argument("--bare-yaml", action="store_true", help="also time bare Pelican + stock YAML reader")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in str(args.n).split(",") if x.strip()]
    leftovers: list[Path] = []
    try:
        results = [
            bench(n, keep=args.keep, bare=not args.no_bare, bare_yaml=args.bare_yaml, leftovers=leftovers)
            for n in sizes
        ]
    finally:
        for work in leftovers:
            shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    if args.json:
        data = results[0] if len(results) == 1 else results
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
