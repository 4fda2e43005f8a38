"""Search index: run Pagefind over a built site (writes `<output>/pagefind/`).

Callable on its own (`index_site(Path("output"))`) so it can be timed apart from the build.
Only briefing pages are indexed: they alone carry `data-pagefind-body`.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

STAMP = ".indexed-pages.sha256"  # hash of the pages the bundle was built from


def pages_digest(output_dir: Path) -> str:
    """SHA-256 over the paths and bytes of every briefing page (what Pagefind indexes)."""
    digest = hashlib.sha256()
    for page in sorted((output_dir / "briefings").rglob("*.html")):
        digest.update(page.relative_to(output_dir).as_posix().encode())
        digest.update(page.read_bytes())
    return digest.hexdigest()


def index_site(output_dir: Path, force: bool = False) -> bool:
    """Build the Pagefind bundle for the site in `output_dir`; raise if Pagefind fails.

    Skips the work (returns False) when the briefing pages are byte-identical to those the
    existing bundle was built from, so a rebuild with no change leaves output/ identical.
    """
    output_dir = Path(output_dir)
    if not (output_dir / "index.html").is_file():
        raise FileNotFoundError(f"{output_dir} holds no built site (no index.html)")
    digest = pages_digest(output_dir)
    stamp = output_dir / "pagefind" / STAMP
    if not force and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == digest:
        return False
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
    stamp.write_text(digest + "\n", encoding="utf-8")
    return True


if __name__ == "__main__":  # python -m briefings.search output
    index_site(Path(sys.argv[1] if len(sys.argv) > 1 else "output"))
