"""Build stages run as separate processes by the benchmark (so each one's peak RSS is known).

python -m benchmarks.stages ingest SEEDS_DIR CONTENT_DIR   -> prints the ingest report as JSON
python -m benchmarks.stages search OUTPUT_DIR
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))


def ingest(seeds: Path, content: Path) -> dict:
    from briefings.ingest import ingest as run
    from briefings.settings import briefing_settings, read_config

    settings = briefing_settings(read_config(ROOT / "pelicanconf.py"))
    settings["KEEP_GOING"] = True
    report = run(seeds, content, settings)
    return {
        "seeds": report.seeds,
        "converted": len(report.converted),
        "unchanged": len(report.unchanged),
        "written": len(report.written),
        "removed": len(report.removed),
        "failed": len(report.failed),
        "failures": dict(list(sorted(report.failed.items()))[:5]),
    }


def main(argv: list[str]) -> None:
    if argv[0] == "ingest":
        print(json.dumps(ingest(Path(argv[1]), Path(argv[2]))))
    elif argv[0] == "search":
        from briefings.search import index_site

        index_site(Path(argv[1]))
    else:
        raise SystemExit(f"unknown stage {argv[0]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
