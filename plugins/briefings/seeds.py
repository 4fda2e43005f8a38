"""Reading seed files: bytes in, a `Seed` record (or a `SeedError` with the reason) out.

Seeds are text pasted from web pages, so reading is forgiving where it can be (BOM, CRLF,
cp1252, stray control characters) and strict where it must be (binary files, empty files).
Every repair is noted on the record so that the build can report it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from .model import Seed

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
# Bytes that text pasted from a web page hardly ever holds (all C0 controls but tab, LF, VT, FF,
# CR and ESC); a file with more than 1% of them is binary, whatever else it contains.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_SAMPLE = 1 << 16
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


class SeedError(ValueError):
    """A seed that cannot become a briefing; the message says why."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes -> (text, notes on repairs). Raises SeedError for binary or undecodable data."""
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("UTF-8 byte-order mark removed")
    if data.count(b"\x00") > max(8, len(data) // 100):
        raise SeedError("looks like a binary file (many NUL bytes), not text")
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _BINARY_BYTES))
    if controls > max(8, len(sample) // 100):
        raise SeedError(f"looks like a binary file ({controls} control bytes in the first {len(sample)}), not text")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
        notes.append("NUL bytes removed")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        notes.append("not UTF-8: read as Windows-1252/Latin-1")
    return text, notes


def normalise(text: str) -> str:
    """Unify line ends, odd spaces and control characters; NFC-normalise. Text -> text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def seed_from_bytes(name: str, data: bytes) -> Seed:
    """Build a Seed from a file name and its bytes. Raises SeedError when there is no text."""
    text, notes = decode(data)
    text = normalise(text)
    if not text.strip():
        if not data:
            raise SeedError("empty: the file has no text (0 bytes)")
        raise SeedError("only whitespace or control characters: the file has no text")
    if not _mostly_printable(text):
        raise SeedError("mostly unprintable characters: not a text report")
    return Seed(name=name, text=text, sha256=hashlib.sha256(data).hexdigest(), notes=tuple(notes))


def _mostly_printable(text: str) -> bool:
    """True if at least 95% of the characters of `text` are printable, newlines or tabs."""
    if text.isascii() or text.replace("\n", "").replace("\t", "").isprintable():  # the common cases
        return True
    return sum(1 for ch in text if ch.isprintable() or ch in "\n\t") >= 0.95 * len(text)


def read_seed(path: Path, max_bytes: int) -> Seed:
    """Read one seed file. Raises SeedError (too large, binary, empty) with the reason."""
    size = path.stat().st_size
    if size > max_bytes:
        raise SeedError(f"too large: {size} bytes (limit {max_bytes}; raise BRIEFINGS['MAX_SEED_BYTES'])")
    return seed_from_bytes(path.name, path.read_bytes())


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes (hex)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
