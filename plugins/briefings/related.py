"""Related briefings: same participants, overlapping topics, nearby dates.

Two reports of one event (same participants, dates at most a day apart, a shared topic or
the same headline) always link to each other. Candidates come from date-ordered neighbour
windows per participant, participant set and topic, so the work stays linear in the
number of briefings even when one leader is in most of them.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import os
import pickle
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .parallel import ONE, Workers, fork_map

WINDOW = 12  # neighbours taken on each side in every key's date-ordered list
SAME_SET_WINDOW = 25


class BriefLike(Protocol):
    slug: str
    title: str
    day: datetime.date | None
    participants: tuple[str, ...]
    topics: tuple[str, ...]
    format: str | None


@dataclass(frozen=True)
class Related:
    brief: BriefLike
    score: int
    same_event: bool
    reasons: tuple[str, ...]


def _norm_title(title: str) -> str:
    return re.sub(r"\W+", " ", title.casefold()).strip()


def _order_key(b: BriefLike) -> tuple:
    return (0, b.day.toordinal(), b.slug) if b.day else (1, 0, b.slug)


def same_event(a: BriefLike, b: BriefLike) -> bool:
    """True when `a` and `b` look like two reports of one talk."""
    if not a.participants or set(a.participants) != set(b.participants):
        return False
    if a.day is None or b.day is None:
        return False
    if abs((a.day - b.day).days) > 1:
        return False
    return bool(set(a.topics) & set(b.topics)) or _norm_title(a.title) == _norm_title(b.title)


def score(a: BriefLike, b: BriefLike) -> Related | None:
    """How related `b` is to `a`, or None when they share no participant or topic."""
    shared_p = sorted(set(a.participants) & set(b.participants))
    shared_t = sorted(set(a.topics) & set(b.topics))
    if not shared_p and not shared_t:
        return None
    event = same_event(a, b)
    points = 3 * len(shared_p) + 2 * len(shared_t)
    reasons = []
    if event:
        points += 100
        reasons.append("Another report of the same talk")
    if shared_p:
        if a.participants and set(a.participants) == set(b.participants):
            points += 4
        reasons.append("Same participants" if len(shared_p) > 1 else "Also with " + shared_p[0])
    if shared_t:
        reasons.append("Topics: " + ", ".join(shared_t))
    if a.day and b.day:
        days = abs((a.day - b.day).days)
        points += 3 if days <= 2 else 2 if days <= 14 else 1 if days <= 90 else 0
    return Related(brief=b, score=points, same_event=event, reasons=tuple(reasons))


def _rank(b: BriefLike, r: Related) -> tuple:
    gap = abs((r.brief.day - b.day).days) if (r.brief.day and b.day) else 10**7
    return (-r.score, gap, r.brief.slug)


@dataclass(frozen=True)
class _Sets:
    """A brief's participant and topic sets, built once per build."""

    people: frozenset[str]
    topics: frozenset[str]


def _exact_order(a: BriefLike, sa: _Sets, b: BriefLike, sb: _Sets) -> tuple:
    """The rank `score` would give b for a, from the sets (no Related object built)."""
    shared_p = len(sa.people & sb.people)
    shared_t = len(sa.topics & sb.topics)
    points = 3 * shared_p + 2 * shared_t
    days = abs((a.day - b.day).days) if (a.day and b.day) else None
    if shared_p and sa.people == sb.people:
        points += 4
        if days is not None and days <= 1 and (shared_t or _norm_title(a.title) == _norm_title(b.title)):
            points += 100
    if days is not None:
        points += 3 if days <= 2 else 2 if days <= 14 else 1 if days <= 90 else 0
    return (-points, days if days is not None else 10**7, b.slug)


Memo = dict[str, tuple[bytes, bytes, list[tuple[str, int, bool, tuple[str, ...]]]]]
"""slug -> (digest of its key lists, digest of its candidates, [(slug, score, same_event, reasons)])"""


def _signature(b: BriefLike) -> bytes:
    """Digest of everything `score` and the ranking read of a brief."""
    return hashlib.blake2b(repr((b.slug, b.title, b.day, b.participants, b.topics)).encode(), digest_size=16).digest()


Entry = tuple[str, int, bool, tuple[str, ...]]  # a related brief: slug, score, same event, reasons


@dataclass
class _Index:
    """What ranking a brief's candidates reads: built once per build, shared with workers."""

    limit: int
    sets: dict[str, _Sets]
    by_slug: dict[str, BriefLike]
    keyed: dict[tuple, list[BriefLike]]
    positions: dict[tuple, dict[str, int]]
    signatures: dict[str, bytes]  # (empty without a memo)
    memo: Memo | None


def _keys_of(sets: _Sets) -> list[tuple]:
    keys: list[tuple] = [("p", p) for p in sets.people] + [("t", t) for t in sets.topics]
    if sets.people:
        keys.append(("s", tuple(sorted(sets.people))))
    return keys


def _index(briefs: Sequence[BriefLike], limit: int, memo: Memo | None) -> tuple[_Index, dict[tuple, bytes]]:
    """The shared index, and a digest of each key list (with a memo)."""
    sets = {b.slug: _Sets(frozenset(b.participants), frozenset(b.topics)) for b in briefs}
    signatures = {b.slug: _signature(b) for b in briefs} if memo is not None else {}
    keyed: dict[tuple, list[BriefLike]] = defaultdict(list)
    for b in briefs:
        for key in _keys_of(sets[b.slug]):
            keyed[key].append(b)
    positions: dict[tuple, dict[str, int]] = {}
    list_digests: dict[tuple, bytes] = {}
    for key, members in keyed.items():
        members.sort(key=_order_key)
        positions[key] = {m.slug: i for i, m in enumerate(members)}
        if memo is not None:
            list_digests[key] = hashlib.blake2b(b"".join(signatures[m.slug] for m in members), digest_size=16).digest()
    index = _Index(limit, sets, {b.slug: b for b in briefs}, dict(keyed), positions, signatures, memo)
    return index, list_digests


def _ranked(index: _Index, slug: str) -> tuple[bytes, list[Entry] | None]:
    """(digest of the brief's candidates, its related entries best first); None for the
    entries when the memo holds them for these very candidates."""
    b, sb = index.by_slug[slug], index.sets[slug]
    cands: dict[str, BriefLike] = {}
    for key in _keys_of(sb):
        members = index.keyed[key]
        i = index.positions[key][slug]
        w = SAME_SET_WINDOW if key[0] == "s" else WINDOW
        for other in members[max(0, i - w) : i + w + 1]:
            if other.slug != slug:
                cands[other.slug] = other
    cands_digest = b""
    if index.memo is not None:
        # A list changed, but maybe not near it: unchanged candidates, unchanged result.
        window = hashlib.blake2b(str(index.limit).encode() + index.signatures[slug], digest_size=16)
        for cand in sorted(cands):
            window.update(index.signatures[cand])
        cands_digest = window.digest()
        known = index.memo.get(slug)
        if known is not None and known[1] == cands_digest:
            return cands_digest, None
    # Every candidate shares a participant, a topic or the participant set with b.
    limit, sets = index.limit, index.sets
    ranked = sorted(cands.values(), key=lambda c: _exact_order(b, sb, c, sets[c.slug]))
    scored = [r for r in (score(b, c) for c in ranked[: limit + 8]) if r is not None]
    # Reports of the same talk have the same participants: only those need the full check.
    same_set = (c for c in ranked[limit + 8 :] if sets[c.slug].people == sb.people and same_event(b, c))
    scored += [r for r in (score(b, c) for c in same_set) if r is not None]
    scored.sort(key=functools.partial(_rank, b))
    events = [r for r in scored if r.same_event]
    rest = [r for r in scored if not r.same_event]
    shown = events + rest[: max(0, limit - len(events))]
    return cands_digest, [(r.brief.slug, r.score, r.same_event, r.reasons) for r in shown]


def compute_related(
    briefs: Sequence[BriefLike], limit: int = 5, memo: Memo | None = None, workers: Workers = ONE
) -> dict[str, list[Related]]:
    """Map each brief's slug to its related briefs, best first (same-event ones always in).

    Candidates are ranked from precomputed sets; the full `score` (with its reasons) is
    computed only for the few that are shown. A brief's list depends only on it and its
    candidates, which are windows of its key lists (one per participant and topic, and its
    participant set). With a `memo` of the last build, a brief gets its list back without
    ranking when its key lists are unchanged (one digest per list, checked at once), or else
    when its candidates and their signatures are; the memo is updated. The briefs left to
    rank are ranked by forked `workers` when there are enough of them (`fork_map`)."""
    index, list_digests = _index(briefs, limit, memo)
    lists_digests: dict[str, bytes] = {}
    known: dict[str, list[Entry]] = {}
    todo: list[str] = []
    for b in briefs:
        remembered = memo.get(b.slug) if memo is not None else None
        if memo is not None:
            # Its candidates are windows of its key lists: unchanged lists, unchanged result.
            keys = sorted(_keys_of(index.sets[b.slug]))
            inputs = str(limit).encode() + index.signatures[b.slug] + b"".join(list_digests[k] for k in keys)
            lists_digests[b.slug] = hashlib.blake2b(inputs, digest_size=16).digest()
            if remembered is not None and remembered[0] == lists_digests[b.slug]:
                known[b.slug] = remembered[2]
                continue
        todo.append(b.slug)
    for slug, (cands_digest, entries) in zip(todo, fork_map(_ranked, todo, workers, index), strict=True):
        if entries is None:  # (only with a memo that holds them)
            assert memo is not None
            entries = memo[slug][2]
        known[slug] = entries
        if memo is not None:
            memo[slug] = (lists_digests[slug], cands_digest, entries)
    if memo is not None:
        for gone in set(memo) - set(index.by_slug):
            del memo[gone]
    by_slug = index.by_slug
    return {
        b.slug: [Related(by_slug[slug], pts, event, why) for slug, pts, event, why in known[b.slug]] for b in briefs
    }


_CODE = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=16).hexdigest()


def load_memo(path: Path) -> Memo:
    """The memo a build saved with `save_memo` (empty when missing, unreadable or made by other code)."""
    try:
        with path.open("rb") as fh:
            code, memo = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return {}
    return memo if code == _CODE and isinstance(memo, dict) else {}


def save_memo(path: Path, memo: Memo) -> None:
    """Write the memo (with the code version it was computed by) atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump((_CODE, memo), fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


__all__ = ["Memo", "Related", "compute_related", "load_memo", "same_event", "save_memo", "score"]
