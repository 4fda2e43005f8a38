"""Ingest: a folder of seeds -> a folder of Markdown briefings, incrementally and safely.

The only module that touches the seed and content folders. It converts just the seeds whose
text, override file or extractor changed (a manifest remembers what each briefing was made
from), writes atomically, never touches files it did not write, removes the briefing of a
deleted seed, and reports every seed it could not convert with the reason.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from unidecode import unidecode

from .clean import clean
from .extract import extract_from_doc
from .markdown_out import parse_front_matter, render_briefing
from .model import Briefing
from .overrides import OverrideError, apply_to_briefing, apply_to_doc, override_path, read_overrides
from .seeds import SeedError, file_hash, read_seed
from .slugs import slugify
from .topics import canonical_topic

log = logging.getLogger("briefings")
MANIFEST = ".briefings-manifest.json"
PACKAGE = Path(__file__).parent


@dataclass
class Converted:
    """What a worker returns for one seed: a rendered briefing or the reason it failed."""

    name: str
    sha256: str
    overrides_sha256: str | None
    briefing: Briefing | None = None
    text: str = ""
    error: str = ""
    notes: tuple[str, ...] = ()


@dataclass
class IngestReport:
    """What one ingest run did, for the build summary."""

    seeds: int = 0
    converted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    overridden: dict[str, list[str]] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def briefings(self) -> int:
        return self.seeds - len(self.failed)

    def summary(self) -> str:
        return (
            f"briefings: {self.seeds} seeds, {self.briefings} briefings "
            f"({len(self.converted)} converted, {len(self.unchanged)} unchanged, {len(self.written)} written, "
            f"{len(self.removed)} removed), {len(self.failed)} reported"
        )


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hash of the extractor's code and vocabularies: a change re-converts every seed."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def base_slug(briefing: Briefing, seed_name: str) -> str:
    """A readable slug from the title (transliterated), falling back to the seed's name."""
    title = str(briefing.title.value or "")
    slug = slugify(unidecode(title)) if any(ch.isalnum() for ch in title) else ""
    if not slug or slug.startswith("x-"):
        slug = slugify(Path(seed_name).stem)
    return slug[:80].rstrip("-")


def convert(path: Path, max_bytes: int, seeds_root: str = "seeds") -> Converted:
    """Convert one seed file (and its override file) -> Converted. Never raises."""
    name = path.name
    ov_path = override_path(path)
    ov_sha = file_hash(ov_path) if ov_path.exists() else None
    try:
        seed = read_seed(path, max_bytes)
    except (SeedError, OSError) as exc:
        return Converted(name, _safe_hash(path), ov_sha, error=str(exc))
    try:
        overrides = read_overrides(ov_path)
    except OverrideError as exc:
        return Converted(name, seed.sha256, ov_sha, error=f"{ov_path.name}: {exc}")
    try:
        doc = apply_to_doc(clean(seed.text), overrides)
        if not doc.body:
            return Converted(name, seed.sha256, ov_sha, error="no article text: every line looks like page chrome")
        briefing = extract_from_doc(doc, f"{seeds_root}/{name}")
        if overrides:
            briefing = apply_to_briefing(briefing, overrides, f"{seeds_root}/{ov_path.name}")
            briefing.topics = [replace(t, value=canonical_topic(t.value) or t.value) for t in briefing.topics]
        if not str(briefing.title.value or "").strip():
            return Converted(name, seed.sha256, ov_sha, error="no title could be found or written")
        briefing.slug = briefing.slug or base_slug(briefing, name)
        return Converted(name, seed.sha256, ov_sha, briefing, render_briefing(briefing), notes=seed.notes)
    except Exception as exc:
        return Converted(name, seed.sha256, ov_sha, error=f"extraction failed: {type(exc).__name__}: {exc}")


def _safe_hash(path: Path) -> str:
    try:
        return file_hash(path)
    except OSError:
        return ""


def _convert_args(args: tuple[Path, int, str]) -> Converted:
    return convert(*args)


def load_manifest(content_dir: Path) -> dict[str, Any]:
    """The manifest of generated briefings ({} when missing or unreadable)."""
    try:
        data = json.loads((content_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"fingerprint": "", "seeds": {}}
    return data if isinstance(data, dict) and isinstance(data.get("seeds"), dict) else {"fingerprint": "", "seeds": {}}


def write_atomic(path: Path, text: str) -> bool:
    """Write text to path via a temporary file and rename; skip when unchanged. -> written?"""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _hand_made_slugs(content_dir: Path, ours: set[str]) -> set[str]:
    """Slugs taken by files under content_dir that ingest did not write."""
    taken = set()
    for path in content_dir.glob("*.md"):
        if path.name in ours:
            continue
        taken.add(path.stem)
        try:
            meta, _ = parse_front_matter(path.read_text(encoding="utf-8"))
            if meta.get("slug"):
                taken.add(str(meta["slug"]))
        except (OSError, ValueError, UnicodeDecodeError):
            continue
    return taken


def _unique_slug(slug: str, name: str, taken: set[str]) -> str:
    if slug not in taken:
        return slug
    suffix = hashlib.sha256(name.encode()).hexdigest()[:6]
    candidate, n = f"{slug}-{suffix}", 2
    while candidate in taken:
        candidate, n = f"{slug}-{suffix}-{n}", n + 1
    return candidate


def _run(todo: list[Path], settings: dict[str, Any], seeds_root: str) -> list[Converted]:
    args = [(p, int(settings["MAX_SEED_BYTES"]), seeds_root) for p in todo]
    workers = int(settings.get("WORKERS") or os.cpu_count() or 1)
    if len(todo) < int(settings.get("PARALLEL_MIN", 200)) or workers < 2:
        return [_convert_args(a) for a in args]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_convert_args, args, chunksize=max(1, len(args) // (workers * 8))))


def ingest(seeds_dir: Path, content_dir: Path, settings: dict[str, Any], progress: bool = False) -> IngestReport:
    """Bring content_dir up to date with seeds_dir. -> IngestReport (never raises for a bad seed)."""
    content_dir.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(content_dir)
    fingerprint = extractor_fingerprint()
    old: dict[str, dict[str, Any]] = manifest["seeds"] if manifest.get("fingerprint") == fingerprint else {}
    previous: dict[str, dict[str, Any]] = manifest["seeds"]
    seeds = sorted(seeds_dir.glob("*.txt"))
    report = IngestReport(seeds=len(seeds))
    keep: dict[str, dict[str, Any]] = {}
    todo: list[Path] = []
    for path in seeds:
        entry = old.get(path.name)
        ov = override_path(path)
        if (
            entry
            and entry.get("sha256") == file_hash(path)
            and entry.get("overrides_sha256") == (file_hash(ov) if ov.exists() else None)
            and (content_dir / entry["file"]).exists()
        ):
            keep[path.name] = entry
            report.unchanged.append(path.name)
        else:
            todo.append(path)
    results = _run(todo, settings, seeds_dir.name)
    ours = {e["file"] for e in previous.values()}
    taken = _hand_made_slugs(content_dir, ours) | {e["slug"] for e in keep.values()}
    new_entries: dict[str, dict[str, Any]] = dict(keep)
    for result in sorted(results, key=lambda r: r.name):
        report.converted.append(result.name)
        if result.notes:
            report.notes[result.name] = list(result.notes)
        if result.briefing is None:
            report.failed[result.name] = result.error
            if result.name in previous:  # keep the last good briefing; the failure is reported
                new_entries[result.name] = previous[result.name]
                taken.add(previous[result.name]["slug"])
            continue
        briefing, text = result.briefing, result.text
        prior = previous.get(result.name)
        wanted = (
            prior["slug"]
            if prior and prior["slug"] not in taken and "slug" not in briefing.overridden
            else briefing.slug
        )
        slug = _unique_slug(wanted, result.name, taken)
        if slug != briefing.slug:
            briefing.slug = slug
            text = render_briefing(briefing)
        taken.add(slug)
        if briefing.overridden:
            report.overridden[result.name] = briefing.overridden
        file_name = f"{slug}.md"
        if prior and prior["file"] != file_name:
            (content_dir / prior["file"]).unlink(missing_ok=True)
        if write_atomic(content_dir / file_name, text):
            report.written.append(file_name)
        new_entries[result.name] = {
            "sha256": result.sha256,
            "overrides_sha256": result.overrides_sha256,
            "file": file_name,
            "slug": slug,
        }
    for name, entry in previous.items():
        if name not in new_entries and not (seeds_dir / name).exists():
            (content_dir / entry["file"]).unlink(missing_ok=True)
            report.removed.append(entry["file"])
    manifest_text = json.dumps({"fingerprint": fingerprint, "seeds": dict(sorted(new_entries.items()))}, indent=1)
    write_atomic(content_dir / MANIFEST, manifest_text + "\n")
    if progress and sys.stdout.isatty():
        print(report.summary())
    return report


def log_report(report: IngestReport, keep_going: bool) -> None:
    """Log the report with the `briefings:` prefix: failures as errors unless keep_going."""
    for name, fields in sorted(report.overridden.items()):
        log.info("briefings: %s: editor override for %s", name, ", ".join(fields))
    for name, notes in sorted(report.notes.items()):
        log.info("briefings: %s: %s", name, "; ".join(notes))
    for name, reason in sorted(report.failed.items()):
        (log.info if keep_going else log.error)("briefings: %s: not converted: %s", name, reason)
    log.info(report.summary())
