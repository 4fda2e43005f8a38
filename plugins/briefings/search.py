"""Search index: run Pagefind over a built site (writes `<output>/pagefind/`).

Callable on its own (`index_site(Path("output"))`) so it can be timed apart from the build.
Only briefing pages are indexed: they alone carry `data-pagefind-body`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def index_site(output_dir: Path) -> None:
    """Build the Pagefind bundle for the site in `output_dir`; raise if Pagefind fails."""
    output_dir = Path(output_dir)
    if not (output_dir / "index.html").is_file():
        raise FileNotFoundError(f"{output_dir} holds no built site (no index.html)")
    shutil.rmtree(output_dir / "pagefind", ignore_errors=True)  # no stale fragments
    cmd = [
        sys.executable, "-m", "pagefind", "--site", str(output_dir),
        "--glob", "briefings/**/*.html", "--silent",
    ]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    if not (output_dir / "pagefind" / "pagefind-ui.js").is_file():
        raise RuntimeError("pagefind ran but wrote no pagefind/pagefind-ui.js")


if __name__ == "__main__":  # python -m briefings.search output
    index_site(Path(sys.argv[1] if len(sys.argv) > 1 else "output"))
