"""Slugs for the site side: lower-case ASCII words joined by `-`, unique within a kind."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters that NFKD does not decompose into ASCII.
_FOLD = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l",
     "Ł": "L", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH"}
)  # fmt: skip
MAX_LEN = 80


def slugify(text: str) -> str:
    """Return `text` as lower-case ASCII words joined by `-` (never empty).

    Text with no ASCII-foldable letters (e.g. a name in Chinese script) gets a short,
    stable hash so it still has a usable URL.
    """
    folded = unicodedata.normalize("NFKD", str(text).translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")
    if len(slug) > MAX_LEN:
        slug = slug[:MAX_LEN].rsplit("-", 1)[0] or slug[:MAX_LEN]
    if not slug:
        slug = "x-" + hashlib.sha256(str(text).encode("utf-8")).hexdigest()[:10]
    return slug


def group_names(names: Iterable[str]) -> dict[str, tuple[str, list[str]]]:
    """Group spellings that share a slug: {slug: (display name, [spellings])}.

    `names` may repeat; the display name is the most frequent spelling (ties: the one
    with the most non-ASCII letters, then alphabetical), so "Erdogan" and "Erdoğan" share
    one page. Deterministic for any input order.
    """
    counts = Counter(n for n in names if n)
    by_slug: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        by_slug[slugify(name)].append(name)
    out: dict[str, tuple[str, list[str]]] = {}
    for slug in sorted(by_slug):
        spellings = sorted(by_slug[slug])
        display = min(
            spellings,
            key=lambda n: (-counts[n], -sum(ord(c) > 127 for c in n), n),
        )
        out[slug] = (display, spellings)
    return out
