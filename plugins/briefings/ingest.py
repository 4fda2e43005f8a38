"""Ingest: a folder of seeds -> a folder of Markdown briefings, incrementally and safely.

The only module that touches the seed and content folders. It converts just the seeds whose
text, override file or extractor changed (a manifest remembers what each briefing was made
from), writes atomically, never touches files it did not write, removes the briefing of a
deleted seed, and reports every seed it could not convert with the reason.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Container
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from unidecode import unidecode

from .clean import clean
from .extract import extract_from_doc
from .gc_policy import collect_less
from .markdown_out import parse_front_matter, render_briefing
from .model import Briefing
from .overrides import OverrideError, apply_to_briefing, apply_to_doc, override_path, read_overrides
from .seeds import SeedError, file_hash, read_seed
from .settings import worker_count
from .slugs import slugify
from .topics import canonical_topic

log = logging.getLogger("briefings")
MANIFEST = ".briefings-manifest.json"
TMP_PREFIX = ".tmp-"
# Names of the files ingest writes: a slug and `.md` (nothing that could leave content_dir).
_OUR_FILE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.md")
# Files Pelican reads as content; a hand-made one of these reserves its name as a slug.
_CONTENT_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm")
PACKAGE = Path(__file__).parent
# Local record (not committed: file times differ between clones) of each seed's size,
# modification time and SHA-256, so that an unchanged seed is not read to be hashed again.
STAMPS = ".briefings-stamps.json"
# A stamp stands for the hash only when the seed was last modified at least this long before
# the run that hashed it: a change made later, even within one tick of a coarse file-system
# clock, then shows as a new modification time.
STAMP_MARGIN_NS = 2_000_000_000
Stamp = tuple[int, int]  # (size in bytes, modification time in ns)


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
    draft: str = ""  # a temporary file in the content folder holding the text ("" if none: then in `text`)
    slug: str = ""  # the briefing's slug and the fields an editor overrode ("" and () if it failed)
    overridden: tuple[str, ...] = ()
    packed: bytes = b""  # the briefing pickled, as a pool worker sends it (`briefing` is then None)

    @property
    def ok(self) -> bool:
        """True if the seed was converted (its briefing is here, or packed)."""
        return self.briefing is not None or bool(self.packed)

    def unpacked(self) -> Briefing:
        """The briefing of a converted seed (unpickled from `packed` on first use)."""
        if self.briefing is None:
            self.briefing = pickle.loads(self.packed)
            self.packed = b""
        assert self.briefing is not None
        return self.briefing


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
    kept_stale: list[str] = field(default_factory=list)  # failed now, last good briefing kept

    @property
    def briefings(self) -> int:
        return self.seeds - len(self.failed)

    def summary(self) -> str:
        return (
            f"briefings: {self.seeds} seeds, {self.briefings} briefings, {len(self.failed)} reported "
            f"({len(self.converted)} converted, {len(self.unchanged)} unchanged, {len(self.written)} written, "
            f"{len(self.removed)} removed"
            + (f"; {len(self.kept_stale)} reported seed(s) keep their last good briefing" if self.kept_stale else "")
            + ")"
        )


# What a briefing file is made from: a change to any of these re-converts every seed.
# (Site-side modules are left out: editing a template or a feed must not re-convert 10k seeds.)
EXTRACTION_FILES = (
    "model.py", "seeds.py", "clean.py", "dates.py", "people.py", "topics.py", "fields.py",
    "extract.py", "overrides.py", "markdown_out.py", "ingest.py", "slugs.py", "wordtrie.py", "yamlio.py",
)  # fmt: skip


def fingerprint_of(paths: list[Path]) -> str:
    """Short hash of the names and bytes of `paths` (in the order given)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hash of the extraction code and the registries (`registry/*.yaml`)."""
    files = [PACKAGE / name for name in EXTRACTION_FILES] + sorted((PACKAGE / "registry").glob("*.yaml"))
    return fingerprint_of(files)


def base_slug(briefing: Briefing, seed_name: str) -> str:
    """A readable slug from the title (transliterated), falling back to the seed's name."""
    title = str(briefing.title.value or "")
    slug = slugify(unidecode(title)) if any(ch.isalnum() for ch in title) else ""
    if not slug or slug.startswith("x-"):
        slug = slugify(Path(seed_name).stem)
    return _trim_slug(slug, 70)


_WEAK_ENDINGS = frozenset(["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "st"])


def _trim_slug(slug: str, limit: int) -> str:
    """Cut a long slug at a word boundary, without a dangling short or linking word."""
    if len(slug) <= limit:
        return slug
    parts = slug[: limit + 1].split("-")[:-1] or [slug[:limit]]
    while len(parts) > 1 and (parts[-1] in _WEAK_ENDINGS or len(parts[-1]) < 2):
        parts.pop()
    return "-".join(parts)


def convert(
    path: Path, max_bytes: int, seeds_root: str = "seeds", drafts: Path | None = None, slug: str | None = None
) -> Converted:
    """Convert one seed file (and its override file) -> Converted. Never raises.

    With `drafts` (the content folder), a briefing that would change `<its slug>.md` there is
    also written to a temporary file beside it (`Converted.draft`), so that worker processes
    share the writing; `slug` is the slug the seed's briefing had (None for a new seed): a
    briefing that will keep an older slug gets no draft."""
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
        text = render_briefing(briefing)
        draft = _draft(drafts, briefing.slug, text) if slug in (None, briefing.slug) else ""
        # (the text of a drafted briefing stays in its draft: it is not sent back from a worker)
        return Converted(
            name, seed.sha256, ov_sha, briefing, "" if draft else text, notes=seed.notes, draft=draft,
            slug=briefing.slug, overridden=tuple(briefing.overridden),
        )  # fmt: skip
    except Exception as exc:
        return Converted(name, seed.sha256, ov_sha, error=f"extraction failed: {type(exc).__name__}: {exc}")


def _draft(folder: Path | None, slug: str, text: str) -> str:
    """A temporary file in folder holding text, if text would change `<slug>.md` there. -> its
    path ("" if none, or if it could not be written: then the file is written as usual)"""
    if folder is None or not _differs(folder / f"{slug}.md", text):
        return ""
    try:
        return _write_temp(folder, text.encode("utf-8"))
    except OSError:
        return ""


def _safe_hash(path: Path) -> str:
    try:
        return file_hash(path)
    except OSError:
        return ""


def _convert_args(args: tuple[Path, int, str, Path | None, str | None]) -> Converted:
    return convert(*args)


def _convert_packed(args: tuple[Path, int, str, Path | None, str | None]) -> Converted:
    """`convert` in a pool worker: the briefing is sent back pickled once, as bytes, which the
    parent unpickles only if it needs the briefing again (to render it with another slug)."""
    result = convert(*args)
    if result.briefing is not None:
        result.packed = pickle.dumps(result.briefing, pickle.HIGHEST_PROTOCOL)
        result.briefing = None
    return result


def load_manifest(content_dir: Path) -> dict[str, Any]:
    """The manifest of generated briefings (empty when missing or unreadable).

    Entries that do not name a plain `<slug>.md` file are dropped, so a damaged or edited
    manifest can never make ingest delete or overwrite a file outside content_dir.
    `pending` lists files an interrupted run may have written (see `ingest`). `failed` holds,
    per seed that could not be converted, the hashes it failed with and why.
    """
    empty: dict[str, Any] = {"fingerprint": "", "seeds": {}, "pending": [], "failed": {}}
    try:
        data = json.loads((content_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return empty
    if not isinstance(data, dict) or not isinstance(data.get("seeds"), dict):
        return empty
    seeds = {
        name: entry
        for name, entry in data["seeds"].items()
        if isinstance(name, str)
        and isinstance(entry, dict)
        and isinstance(entry.get("file"), str)
        and _OUR_FILE.fullmatch(entry["file"])
        and entry.get("slug") == entry["file"][:-3]
    }
    pending = data.get("pending")
    pending = [f for f in pending if isinstance(f, str) and _OUR_FILE.fullmatch(f)] if isinstance(pending, list) else []
    fingerprint = data.get("fingerprint") if isinstance(data.get("fingerprint"), str) else ""
    listed = data.get("failed")
    failed = {
        n: e
        for n, e in (listed.items() if isinstance(listed, dict) else ())
        if isinstance(e, dict) and isinstance(e.get("error"), str)
    }
    return {"fingerprint": fingerprint, "seeds": seeds, "pending": pending, "failed": failed}


def list_seeds(seeds_dir: Path) -> list[tuple[Path, Stamp | None]]:
    """The `*.txt` files in seeds_dir (not below), sorted by name, each with its stamp (None
    when it cannot be read)."""
    found = []
    with os.scandir(seeds_dir) as entries:
        for entry in entries:
            if not entry.name.endswith(".txt"):
                continue
            try:
                if not entry.is_file():
                    continue
                st = entry.stat()
                stamp: Stamp | None = (st.st_size, st.st_mtime_ns)
            except OSError:
                stamp = None
            found.append((Path(entry.path), stamp))
    return sorted(found, key=lambda item: item[0].name)


def load_stamps(content_dir: Path) -> dict[str, list[Any]]:
    """{seed name: [size, mtime_ns, sha256]} from the last run (empty when missing or bad)."""
    try:
        data = json.loads((content_dir / STAMPS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        name: value
        for name, value in data.items()
        if isinstance(value, list)
        and len(value) == 3
        and type(value[0]) is int
        and type(value[1]) is int
        and isinstance(value[2], str)
        and value[2]
    }


def _seed_hash(path: Path, stamp: Stamp | None, known: list[Any] | None) -> str:
    """The seed's SHA-256: the known one when its stamp is unchanged, else read ("" when it
    cannot be read)."""
    if known is not None and stamp is not None and (known[0], known[1]) == stamp:
        return str(known[2])
    return _safe_hash(path)


def _save_stamps(
    content_dir: Path, stamps: dict[str, Stamp | None], hashes: dict[str, str], started_ns: int, before: dict
) -> None:
    """Remember the stamp and hash of each seed last modified well before this run began."""
    kept = {
        name: [*stamp, sha]
        for name, sha in sorted(hashes.items())
        if sha and (stamp := stamps.get(name)) is not None and stamp[1] < started_ns - STAMP_MARGIN_NS
    }
    if kept != before and (kept or (content_dir / STAMPS).exists()):
        write_atomic(content_dir / STAMPS, manifest_text(kept))


def write_atomic(path: Path, text: str) -> bool:
    """Write text to path via a temporary file and rename; skip when unchanged. -> written?"""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    tmp = _write_temp(path.parent, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _write_temp(folder: Path, data: bytes) -> str:
    """Write data to a new temporary file in folder (`.tmp-*.part`). -> its path"""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=TMP_PREFIX, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _hand_made_slugs(content_dir: Path, ours: set[str]) -> set[str]:
    """Slugs taken by content files under content_dir (any depth) that ingest did not write."""
    taken = set()
    top = os.fspath(content_dir)
    for folder, _, files in os.walk(top):  # (any order: a set is built)
        for name in files:
            stem, suffix = os.path.splitext(name)
            if suffix.lower() not in _CONTENT_SUFFIXES or name.startswith("."):
                continue
            if name in ours and folder == top:
                continue
            taken.add(stem.lower())
            try:
                meta, _ = parse_front_matter(Path(folder, name).read_text(encoding="utf-8"))
                if meta.get("slug"):
                    taken.add(str(meta["slug"]))
            except (OSError, ValueError, UnicodeDecodeError):
                continue
    return taken


def _remove_temp_files(content_dir: Path) -> None:
    """Temporary files a killed run left behind (ours: `.tmp-*.part`)."""
    for path in content_dir.glob(f"{TMP_PREFIX}*.part"):
        path.unlink(missing_ok=True)


def _write_manifest(
    content_dir: Path,
    fingerprint: str,
    seeds: dict[str, Any],
    pending: list[str],
    failed: dict[str, Any] | None = None,
) -> None:
    data: dict[str, Any] = {"fingerprint": fingerprint, "seeds": seeds}
    if pending:
        data["pending"] = sorted(pending)
    if failed:
        data["failed"] = failed
    write_atomic(content_dir / MANIFEST, manifest_text(data))


def manifest_text(data: dict[str, Any]) -> str:
    """The manifest as JSON, one line per key and per seed (sorted): readable, diffable, and
    written by the C encoder (an indented dump goes through the slow pure-Python one)."""
    lines = []
    for key, value in data.items():
        if isinstance(value, dict):
            inner = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(value.items()))
            lines.append(f" {json.dumps(key)}: {{\n{inner}\n }}" if inner else f" {json.dumps(key)}: {{}}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


@dataclass(frozen=True)
class _Blocked:
    """The slugs a seed may not take: those taken, and those kept for other seeds (a view:
    building the union for every seed would be quadratic)."""

    taken: set[str]
    reserved: set[str]
    own: str | None

    def __contains__(self, slug: object) -> bool:
        return slug in self.taken or (slug != self.own and slug in self.reserved)


def _unique_slug(slug: str, name: str, taken: Container[str]) -> str:
    if slug not in taken:
        return slug
    suffix = hashlib.sha256(name.encode()).hexdigest()[:6]
    candidate, n = f"{slug}-{suffix}", 2
    while candidate in taken:
        candidate, n = f"{slug}-{suffix}-{n}", n + 1
    return candidate


def _progress_bar(done: int, total: int, width: int = 30) -> None:
    """Redraw a one-line progress bar on the terminal."""
    filled = width * done // max(total, 1)
    sys.stdout.write(f"\rbriefings: [{'#' * filled}{'.' * (width - filled)}] {done}/{total} seeds")
    sys.stdout.write("\n" if done >= total else "")
    sys.stdout.flush()


def _run(
    todo: list[Path], settings: dict[str, Any], seeds_root: str, drafts: Path, slugs: dict[str, str], bar: bool = False
) -> list[Converted]:
    """Convert the seeds, in a process pool when there are many; draw a bar if asked.

    The briefings are drafted in `drafts` (see `convert`); `slugs` holds the slug each seed's
    briefing had."""
    max_bytes = int(settings["MAX_SEED_BYTES"])
    args = [(p, max_bytes, seeds_root, drafts, slugs.get(p.name)) for p in todo]
    workers = worker_count(settings)
    if len(todo) < max(2, int(settings.get("PARALLEL_MIN", 200))) or workers < 2 or not _CAN_FORK:
        return [_convert_args(a) for a in args]
    # The first seed is converted here: that loads the registries and compiles the patterns,
    # which the forked workers then inherit instead of each doing it again.
    results = [_convert_args(args[0])]
    rest = args[1:]
    gc.freeze()  # what exists now is kept: not scanned by the workers' collections (nor copied)
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, min(64, len(rest) // (workers * 8)))
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=collect_less) as pool:
            for result in pool.map(_convert_packed, rest, chunksize=chunk):
                results.append(result)
                if bar and (len(results) % 100 == 0 or len(results) == len(args)):
                    _progress_bar(len(results), len(args))
    finally:
        gc.unfreeze()
    return results


_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


def ingest(seeds_dir: Path, content_dir: Path, settings: dict[str, Any], progress: bool = False) -> IngestReport:
    """Bring content_dir up to date with seeds_dir. -> IngestReport (never raises for a bad seed).

    Crash safety: before touching any briefing, the manifest is rewritten to list the files
    about to be written (`pending`) and to mark the seeds being rewritten as not done; only
    when every file is in place is the final manifest written. A run killed half-way thus
    leaves nothing that the next run would mistake for hand-made content, and the next run
    redoes the unfinished work. Each file itself is replaced atomically (`write_atomic`).
    """
    content_dir.mkdir(parents=True, exist_ok=True)
    _remove_temp_files(content_dir)
    manifest = load_manifest(content_dir)
    fingerprint = extractor_fingerprint()
    previous: dict[str, dict[str, Any]] = manifest["seeds"]
    old: dict[str, dict[str, Any]] = previous if manifest["fingerprint"] == fingerprint else {}
    # Seeds that failed with these very bytes, overrides and extractor: reported, not retried.
    old_failed: dict[str, dict[str, Any]] = manifest["failed"] if manifest["fingerprint"] == fingerprint else {}
    failed: dict[str, dict[str, Any]] = {}
    max_bytes = int(settings["MAX_SEED_BYTES"])
    pending_before = set(manifest["pending"])
    started_ns = time.time_ns()
    listed = list_seeds(seeds_dir)  # one folder
    in_seeds, in_content = set(os.listdir(seeds_dir)), set(os.listdir(content_dir))  # (names, one read each)
    seeds = [path for path, _ in listed]
    stamps = {path.name: stamp for path, stamp in listed}
    known_stamps = load_stamps(content_dir)
    seed_hashes: dict[str, str] = {}  # seed name -> SHA-256, where known
    report = IngestReport(seeds=len(seeds))
    keep: dict[str, dict[str, Any]] = {}
    todo: list[Path] = []
    for path in seeds:
        entry = old.get(path.name)
        known_failure = old_failed.get(path.name)
        if entry is None and known_failure is None:  # new to the manifest: nothing to compare
            todo.append(path)
            continue
        ov = override_path(path)
        hashes = (
            _seed_hash(path, stamps[path.name], known_stamps.get(path.name)),
            _safe_hash(ov) if ov.name in in_seeds else None,
        )
        seed_hashes[path.name] = hashes[0]
        if (
            known_failure
            and hashes[0]  # (an unreadable seed is tried again)
            and (known_failure.get("sha256"), known_failure.get("overrides_sha256"), known_failure.get("max_bytes"))
            == (*hashes, max_bytes)
        ):
            failed[path.name] = known_failure
            report.failed[path.name] = known_failure["error"]
            prior = previous.get(path.name)
            if prior and prior["file"] in in_content:  # its last good briefing stays
                keep[path.name] = prior
                report.kept_stale.append(path.name)
        elif entry and (entry.get("sha256"), entry.get("overrides_sha256")) == hashes and entry["file"] in in_content:
            keep[path.name] = entry
            report.unchanged.append(path.name)
        else:
            todo.append(path)
    slugs = {name: entry["slug"] for name, entry in previous.items()}
    results = _run(todo, settings, seeds_dir.name, content_dir, slugs, bar=progress and sys.stdout.isatty())
    try:
        ours = {e["file"] for e in previous.values()} | pending_before
        taken = _hand_made_slugs(content_dir, ours) | {e["slug"] for e in keep.values()}
        # A seed keeps the slug it had, even when a seed converted before it now wants that slug.
        reserved = {previous[r.name]["slug"] for r in results if r.name in previous and r.ok}
        new_entries: dict[str, dict[str, Any]] = dict(keep)
        writes: list[tuple[str, str, str]] = []  # file name, text, draft holding the text ("" if none)
        for result in sorted(results, key=lambda r: r.name):
            report.converted.append(result.name)
            if result.notes:
                report.notes[result.name] = list(result.notes)
            prior = previous.get(result.name)
            if not result.ok:
                report.failed[result.name] = result.error
                failed[result.name] = {
                    "sha256": result.sha256,
                    "overrides_sha256": result.overrides_sha256,
                    "max_bytes": max_bytes,  # a larger limit may let it through
                    "error": result.error,
                }
                if prior:  # keep the last good briefing; the failure is reported
                    report.kept_stale.append(result.name)
                    new_entries[result.name] = prior
                    taken.add(prior["slug"])
                continue
            text, draft = result.text, result.draft
            own = prior["slug"] if prior else None
            blocked = _Blocked(taken, reserved, own)
            wanted = own if own and own not in blocked and "slug" not in result.overridden else result.slug
            slug = _unique_slug(wanted, result.name, blocked)
            if slug != result.slug:
                briefing = result.unpacked()
                briefing.slug = result.slug = slug
                text = render_briefing(briefing)
                draft = _discard(draft)
            taken.add(slug)
            if result.overridden:
                report.overridden[result.name] = list(result.overridden)
            writes.append((f"{slug}.md", text, draft))
            new_entries[result.name] = {
                "sha256": result.sha256,
                "overrides_sha256": result.overrides_sha256,
                "file": f"{slug}.md",
                "slug": slug,
            }
        _note_duplicates(seeds, new_entries, report)
        new_files = {e["file"] for e in new_entries.values()}
        stale = sorted((ours - new_files) & {name for name in in_content if name.endswith(".md")})
        changed = []
        for file_name, text, draft in writes:
            if draft or _differs(content_dir / file_name, text):  # (a draft differs from the file: see `_draft`)
                changed.append((file_name, text, draft))
            else:
                _discard(draft)
        if changed or stale:
            # Intent: the seeds being rewritten are not done, and these files are ours.
            undone = {n for n, e in new_entries.items() if n not in keep and e is not previous.get(n)}
            intent = {n: ({**e, "sha256": ""} if n in undone else e) for n, e in previous.items()}
            _write_manifest(
                content_dir, manifest["fingerprint"], intent, sorted(pending_before | {f for f, _, _ in changed})
            )
        for file_name, text, draft in changed:
            if draft:
                os.replace(draft, content_dir / file_name)
            else:
                write_atomic(content_dir / file_name, text)
            report.written.append(file_name)
        for file_name in stale:
            (content_dir / file_name).unlink(missing_ok=True)
            report.removed.append(file_name)
        _write_manifest(content_dir, fingerprint, new_entries, [], failed)
        seed_hashes.update((r.name, r.sha256) for r in results)
        _save_stamps(content_dir, stamps, seed_hashes, started_ns, known_stamps)
        return report
    finally:  # drafts not moved into place (on an error) are removed
        for result in results:
            _discard(result.draft)


def _discard(draft: str) -> str:
    """Remove a draft that is not needed. -> "" (no draft)"""
    if draft:
        Path(draft).unlink(missing_ok=True)
    return ""


def _differs(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() != text.encode("utf-8")
    except OSError:
        return True


def _note_duplicates(seeds: list[Path], entries: dict[str, dict[str, Any]], report: IngestReport) -> None:
    """Note seeds whose bytes are identical to an earlier seed's (both still get a briefing)."""
    first: dict[str, str] = {}
    for path in seeds:
        sha = (entries.get(path.name) or {}).get("sha256")
        if not sha:
            continue
        if sha in first and path.name in report.converted:
            report.notes.setdefault(path.name, []).append(f"same text as {first[sha]}")
        first.setdefault(sha, path.name)


def log_report(report: IngestReport, keep_going: bool) -> None:
    """Log the report with the `briefings:` prefix: failures as errors unless keep_going."""
    for name, fields in sorted(report.overridden.items()):
        log.info("briefings: %s: editor override for %s", name, ", ".join(fields))
    for name, notes in sorted(report.notes.items()):
        log.info("briefings: %s: %s", name, "; ".join(notes))
    for name, reason in sorted(report.failed.items()):
        (log.info if keep_going else log.error)("briefings: %s: not converted: %s", name, reason)
    log.info(report.summary())
