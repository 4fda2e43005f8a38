"""Topic finder: which foreign-policy topics a report substantively discusses.

The vocabulary lives in `registry/topics.yaml` (see the comment block at its top for the
trigger syntax). Everything here is pure apart from the one cached YAML loader.

Scoring, per topic: every block of text (headline, then paragraphs in order) contributes
`position weight x trigger weight x repetition factor`; a sentence that reports the leaders
discussing / agreeing / raising something adds a bonus. Headline and lede weigh most, so a
topic named once in the lede counts while a single passing mention deep in background
paragraphs does not. Overlapping matches are resolved longest-first, so "Iran nuclear deal"
feeds only Iran Nuclear Deal, never also a generic Iran or Nuclear Energy.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from .model import Found
from .wordtrie import StartFinder, trie_regex
from .yamlio import load_yaml

VOCABULARY_PATH = Path(__file__).resolve().parent / "registry" / "topics.yaml"

HEADLINE_WEIGHT = 3.0
PARAGRAPH_WEIGHTS = (2.0, 1.5, 1.25)  # lede, second, third paragraph; later ones weigh 1.0
LATER_WEIGHT = 1.0
CUE_BONUS = 1.0  # a "leaders discussed X" sentence
WEAK_WEIGHT = 0.5
THRESHOLD = 2.0  # minimum score for a topic to be reported
FALLBACK_THRESHOLD = 1.0  # when nothing reaches THRESHOLD: the best topics the report names
FALLBACK_TOPICS = 3
MAX_TOPICS = 10
MAX_HEADLINE_WORDS = 30  # a longer "headline" is really glued body text: score it as such
MAX_BLOCK_WORDS = 120  # longer blocks are cut into sentence chunks of about CHUNK_WORDS
CHUNK_WORDS = 60
MAX_REPEAT = 3  # occurrences per block beyond this add nothing
SHORT_LEDE_WORDS = 20  # a first paragraph this short only says who talked: the next one is lede too
CHILD_RANK_FACTOR = 0.5  # a sub-topic ranks at half strength when its parent is also reported


@dataclass(frozen=True)
class Trigger:
    """One compiled trigger phrase of a topic and its weight."""

    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True)
class Topic:
    """A vocabulary entry, compiled."""

    name: str
    index: int
    aliases: tuple[str, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    broader: str | None = None
    exclude: tuple[re.Pattern[str], ...] = ()
    context: tuple[re.Pattern[str], ...] = ()
    focus: bool = False
    umbrella: bool = False
    priority: int = 0


@dataclass(frozen=True)
class Vocabulary:
    """All topics plus the global ignore phrases and the 'discussed' cue phrases."""

    topics: tuple[Topic, ...]
    ignore: tuple[re.Pattern[str], ...] = ()
    cues: tuple[re.Pattern[str], ...] = ()
    by_key: dict[str, str] = field(default_factory=dict)  # normalised name/alias -> name

    @cached_property
    def scanner(self) -> _Scanner:
        """Every trigger, ignore and cue pattern, set up to be matched against a report at once."""
        return _scanner(self)

    @cached_property
    def cue_keys(self) -> dict[int, tuple[str, ...]]:
        """Id of a cue pattern -> the texts one of which starts each of its matches (`_keys`;
        () if unknown): a sentence without any of them holds no match."""
        return {id(cue): _keys(cue) for cue in self.cues}

    @cached_property
    def trigger_owners(self) -> dict[int, tuple[Topic, ...]]:
        """Id of a trigger pattern -> the topics that have it."""
        owners: dict[int, dict[int, Topic]] = {}
        for topic in self.topics:
            for trigger in topic.triggers:
                owners.setdefault(id(trigger.pattern), {})[topic.index] = topic
        return {pid: tuple(found.values()) for pid, found in owners.items()}


@dataclass
class _Score:
    """Evidence gathered for one topic while scanning a report."""

    score: float = 0.0
    focus: bool = False
    headline: bool = False
    blocks: int = 0
    phrases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Hit:
    topic: Topic
    start: int
    end: int
    weight: float


# ------------------------------------------------------------------------- normalisation

_US = re.compile(r"(?<![A-Za-z.])(?:U\.S\.A\.|U\.S\.|U\.S|USA|US)(?![A-Za-z])")
_UN = re.compile(r"(?<![A-Za-z.])(?:U\.N\.|UN)(?![A-Za-z])")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u201c": '"', "\u201d": '"'})
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_SENTENCE_END = re.compile(r"(?<=[.!?;])[\"')\]]*\s+")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:u\.s|u\.k|u\.n|e\.u|mr|mrs|ms|dr|st|gen|lt|col|sen|rep|gov|prof|no|vs|"
    r"jan|feb|mar|apr|aug|sept?|oct|nov|dec|[a-z])\.$",
    re.IGNORECASE,
)
# A match of _ABBREVIATION (at the end of a text) spans at most 7 characters ("[\s(]sept.\n"):
# searching the last 8 gives the same answer, and `^` cannot match at the start of those 8.
_ABBREVIATION_TAIL = 8


def normalise(text: str) -> str:
    """Return `text` lower-cased, without diacritics, with unified quotes and dashes.

    "US"/"U.S."/"USA" become `u.s.` and "UN"/"U.N." become `un` before lower-casing, so a
    trigger can tell the country from the pronoun "us".
    """
    if not text.isascii():
        text = _NON_ASCII.sub(_without_marks, text)
    if not text.isascii() or "`" in text:
        text = text.translate(_QUOTES)
    text = _DASHES.sub("-", text)
    if "US" in text or "U.S" in text:  # (what every match holds: a cheap test first)
        text = _US.sub("u.s.", text)
    if "UN" in text or "U.N" in text:
        text = _UN.sub("un", text)
    return " ".join(text.lower().split())  # whitespace runs as one space, none at the ends


def _without_marks(run: re.Match[str]) -> str:
    """A run of non-ASCII text NFKD-decomposed, without combining marks (the same, run by run,
    as for the whole text: decomposing and reordering marks never crosses an ASCII letter)."""
    return _strip_marks(run.group())


@lru_cache(maxsize=4096)
def _strip_marks(text: str) -> str:
    """`text` NFKD-decomposed, without combining marks (runs such as ’ or “ recur)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _norm_key(name: str) -> str:
    """Return a lookup key for a topic name: lower-case alphanumerics separated by spaces."""
    return re.sub(r"[^a-z0-9+]+", " ", normalise(name)).strip()


# ------------------------------------------------------------------------- vocabulary


def compile_phrase(phrase: str) -> re.Pattern[str]:
    """Compile one trigger phrase (plain or `re:`) into a word-bounded regular expression."""
    phrase = phrase.strip()
    if phrase.startswith("re:"):
        body = phrase[3:]
    else:
        body = re.escape(normalise(phrase))
        body = body.replace(r"\?", r"\w").replace(r"\*", r"\w*")
        body = re.sub(r"(?:\\ |\\-|-| )+", r"[\\s-]+", body)
    return re.compile(rf"(?<![\w]){body}(?![\w])")


def _strings(value: Any) -> list[str]:
    """Return a YAML value as a list of non-empty strings."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    bad = [v for v in value if not isinstance(v, (str, int, float))]
    if bad:
        raise ValueError(f"topics.yaml: expected phrases, got {bad!r} (quote items holding ? or :)")
    return [str(v) for v in value if str(v).strip()]


def _topic(entry: dict[str, Any], index: int) -> Topic:
    """Compile one YAML entry into a Topic."""
    weight = float(entry.get("weight", 1.0))
    triggers = [Trigger(compile_phrase(p), weight) for p in _strings(entry.get("triggers"))]
    triggers += [Trigger(compile_phrase(p), weight * WEAK_WEIGHT) for p in _strings(entry.get("weak"))]
    return Topic(
        name=str(entry["name"]),
        index=index,
        aliases=tuple(_strings(entry.get("aliases"))),
        triggers=tuple(triggers),
        broader=entry.get("broader"),
        exclude=tuple(compile_phrase(p) for p in _strings(entry.get("exclude"))),
        context=tuple(compile_phrase(p) for p in _strings(entry.get("context"))),
        focus=bool(entry.get("focus", False)),
        umbrella=bool(entry.get("umbrella", False)),
        priority=int(entry.get("priority", 0)),
    )


def build_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """Compile parsed YAML (`{"topics": [...], "ignore": [...], "cues": [...]}`)."""
    topics = tuple(_topic(e, i) for i, e in enumerate(data.get("topics") or []))
    by_key: dict[str, str] = {}
    for t in topics:
        for name in (t.name, *t.aliases):
            by_key.setdefault(_norm_key(name), t.name)
    return Vocabulary(
        topics=topics,
        ignore=tuple(compile_phrase(p) for p in _strings(data.get("ignore"))),
        cues=tuple(compile_phrase(p) for p in _strings(data.get("cues"))),
        by_key=by_key,
    )


@lru_cache(maxsize=8)
def _load(path: Path) -> Vocabulary:
    """Read and compile a vocabulary file (cached per path)."""
    return build_vocabulary(load_yaml(path.read_text(encoding="utf-8")) or {})


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """Return the compiled vocabulary from `path` (default: `registry/topics.yaml`)."""
    return _load(Path(path).resolve() if path else VOCABULARY_PATH)


def canonical_topic(name: str, vocabulary: Vocabulary | None = None) -> str | None:
    """Return the canonical topic for a name or alias ("JCPOA" -> "Iran Nuclear Deal"), or None."""
    vocab = vocabulary or load_vocabulary()
    return vocab.by_key.get(_norm_key(name))


# ------------------------------------------------------------------------- text blocks


def _sentences(text: str) -> list[str]:
    """Split a block into rough sentences (not after "U.S.", "Mr.", initials and the like)."""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(text):
        if not piece.strip():
            continue
        if sentences and _ABBREVIATION.search(sentences[-1][-_ABBREVIATION_TAIL:]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def _chunks(text: str) -> list[str]:
    """Return a block as is, or cut into sentence chunks if it is very long."""
    if len(text.split()) <= MAX_BLOCK_WORDS:
        return [text]
    chunks: list[str] = []
    current: list[str] = []
    for sentence in _sentences(text):
        current.append(sentence)
        if sum(len(s.split()) for s in current) >= CHUNK_WORDS:
            chunks.append(" ".join(current))
            current = []
    if current:
        chunks.append(" ".join(current))
    return chunks


def text_blocks(headline: str | None, paragraphs: Sequence[str]) -> list[tuple[str, float, str]]:
    """Return (text, position weight, label) for the headline and each paragraph chunk.

    A headline longer than MAX_HEADLINE_WORDS is treated as the first paragraph.
    """
    blocks: list[tuple[str, float, str]] = []
    body = [p for p in paragraphs if p and p.strip()]
    if headline and headline.strip():
        if len(headline.split()) <= MAX_HEADLINE_WORDS:
            blocks.append((headline, HEADLINE_WEIGHT, "headline"))
        else:
            body = [headline, *body]
    chunks = [c for p in body for c in _chunks(p)]
    # A one-line opening ("X had a telephone conversation with Y.") leaves the subjects of the
    # talks to the next paragraph, which is then part of the lede.
    lede = 2 if chunks and len(chunks[0].split()) <= SHORT_LEDE_WORDS else 1
    for i, chunk in enumerate(chunks):
        weight = PARAGRAPH_WEIGHTS[i] if i < len(PARAGRAPH_WEIGHTS) else LATER_WEIGHT
        blocks.append((chunk, weight, "lede" if i < lede else "paragraph"))
    return blocks


# ------------------------------------------------------------------------- matching

Span = tuple[int, int]


def _spans(patterns: Iterable[re.Pattern[str]], text: str) -> list[Span]:
    """Return the spans of all matches of `patterns` in `text`."""
    return [m.span() for p in patterns for m in p.finditer(text)]


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    """True if `span` lies within one of `spans`."""
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _candidates(
    text: str, pairs: Sequence[tuple[Topic, Sequence[Trigger]]], found: dict[int, list[Span]]
) -> list[_Hit]:
    """Return every match of the `pairs` (topics, each with its live triggers) in `text`, minus
    the topic's own excludes. `found` holds the block's matches per pattern id (`_Scanner`)."""
    hits: list[_Hit] = []
    for topic, triggers in pairs:
        excluded: list[Span] | None = None
        for trigger in triggers:
            for start, end in found.get(id(trigger.pattern), ()):
                if end <= start:
                    continue
                if excluded is None:
                    excluded = _spans(topic.exclude, text)
                if not _inside((start, end), excluded):
                    hits.append(_Hit(topic, start, end, trigger.weight))
    return hits


# A report's blocks are joined with this separator to test, once per report, which patterns
# can match at all: no trigger matches a NUL, and the characters either side are non-word
# characters as the start and end of a block are, so a match inside a block is a match in
# the joined text (patterns with ^, $, \A or \Z are always tried).
_JOIN = "\n\x00\n"
_ANCHORED = re.compile(r"(?<!\\)(?:\^|\$|\\A|\\Z)")
_BOUNDARY = r"(?<![\w])"  # how `compile_phrase` starts every pattern


def _sre_parse(pattern: re.Pattern[str]) -> Any:
    """The parsed form of `pattern` (None if it cannot be parsed or ignores case)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # Python < 3.11
        import sre_parse  # type: ignore[no-redef]
    try:
        return sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None


def _required_literals(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Texts that every match of `pattern` contains: each inner tuple lists alternatives, one
    of which must occur (a top-level run of literal characters gives a 1-tuple, a top-level
    group of literal alternatives gives one entry per alternative). () if unknown."""
    parsed = _sre_parse(pattern)
    if parsed is None:
        return ()
    needs: list[tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            needs.append(("".join(run),))
            run.clear()

    for op, arg in parsed:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg))
            continue
        flush()
        if name == "SUBPATTERN":
            alternatives = _leading_alternatives(arg[-1])
            if alternatives:
                needs.append(alternatives)
    flush()
    return tuple(needs)


def _leading_alternatives(sub: Any) -> tuple[str, ...]:
    """For a group that is a branch of alternatives, the literal start of each ( () if any
    alternative has none)."""
    items = list(sub)
    if len(items) != 1 or str(items[0][0]) != "BRANCH":
        return ()
    out = []
    for alternative in items[0][1][1]:
        chars = []
        for op, arg in alternative:
            if str(op) != "LITERAL":
                break
            chars.append(chr(arg))
        if not chars:
            return ()
        out.append("".join(chars))
    return tuple(out)


def _keys(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The literal texts one of which starts every match of `pattern`, right after its leading
    `(?<![\\w])`: ("iran",) for "iran nuclear deal", one per alternative for
    "re:(?:food|grain) exports". () if there are none (the pattern is then searched as is)."""
    if pattern.flags != re.UNICODE or not pattern.pattern.startswith(_BOUNDARY) or _ANCHORED.search(pattern.pattern):
        return ()
    parsed = _sre_parse(pattern)
    if parsed is None or len(parsed) < 2 or str(parsed[0][0]) != "ASSERT_NOT":
        return ()
    if str(parsed[1][0]) == "BRANCH":
        return _leading_alternatives([parsed[1]])
    run = []
    for op, arg in list(parsed)[1:]:
        if str(op) != "LITERAL":
            break
        run.append(chr(arg))
    return ("".join(run),) if run else ()


@dataclass(frozen=True)
class _Probe:
    """A pattern with the literal texts its matches need, for the per-report prefilter:
    `first`, the longest literal every match contains ("" if none), then the other `needs`
    (each a tuple of alternatives, one of which every match contains)."""

    pattern: re.Pattern[str]
    first: str
    needs: tuple[tuple[str, ...], ...]
    anchored: bool

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> _Probe:
        needs = sorted(_required_literals(pattern), key=lambda alts: -min(len(a) for a in alts))
        single = [alts for alts in needs if len(alts) == 1]
        first = single[0][0] if single else ""
        rest = tuple(alts for alts in needs if not (first and alts == (first,)))
        return cls(pattern, first, rest, bool(_ANCHORED.search(pattern.pattern)))

    def possible(self, text: str) -> bool:
        """False when `text` lacks a literal that every match needs."""
        if self.first and self.first not in text:
            return False
        return all(any(n in text for n in alternatives) for alternatives in self.needs)

    def live(self, joined: str) -> bool:
        """True if the pattern may match in one of the blocks joined by `_JOIN` into `joined`."""
        return self.anchored or (self.possible(joined) and self.pattern.search(joined) is not None)


@dataclass(frozen=True)
class _Scanner:
    """The vocabulary's trigger, ignore and cue patterns, matched against a report at once.

    Nearly every pattern is `(?<![\\w])` and then a literal, its key ("iran" in "iran nuclear
    deal"), so a match can only start where a key starts after a non-word character. One
    regex (`finder`: a `trie_regex` of all keys) lists those places in one pass over the report, and a
    pattern is tried only there, with `match`; this finds exactly what `finditer` finds.
    Patterns without a key (`others`) are searched as they are.
    """

    finder: StartFinder
    by_key: dict[str, tuple[re.Pattern[str], ...]]  # longest key found -> patterns keyed by a prefix of it
    others: tuple[_Probe, ...]

    @classmethod
    def of(cls, patterns: Iterable[re.Pattern[str]]) -> _Scanner:
        keyed: dict[str, dict[int, re.Pattern[str]]] = {}
        others: list[_Probe] = []
        for pattern in {id(p): p for p in patterns}.values():
            keys = _keys(pattern)
            for key in keys:
                keyed.setdefault(key, {})[id(pattern)] = pattern
            if not keys:
                others.append(_Probe.of(pattern))
        by_key = {}
        for key in keyed:
            found: dict[int, re.Pattern[str]] = {}
            for end in range(1, len(key) + 1):
                found.update(keyed.get(key[:end], {}))
            by_key[key] = tuple(found.values())
        finder = StartFinder(r"(?=(" + trie_regex(keyed) + "))")
        return cls(finder, by_key, tuple(others))

    def starts(self, text: str) -> dict[int, tuple[re.Pattern[str], list[int]]]:
        """Id of each keyed pattern that may match in `text` -> (the pattern, the positions
        where one of its keys starts after a non-word character, in order)."""
        at_key = self.finder.grouped(text)
        starts: dict[int, tuple[re.Pattern[str], list[int]]] = {}
        for key, positions in at_key.items():
            for pattern in self.by_key[str(key)]:
                starts.setdefault(id(pattern), (pattern, []))[1].extend(positions)
        for _, positions in starts.values():
            positions.sort()
        return starts

    def scan(self, blocks: Sequence[str]) -> tuple[frozenset[int], list[dict[int, list[Span]]]]:
        """-> (ids of the patterns live in the report, each block's match spans per pattern id).

        A pattern is live when it matches the blocks joined by `_JOIN` (or is anchored); only
        live patterns are matched in the blocks."""
        joined = _JOIN.join(blocks)
        starts = self.starts(joined)
        live = [pid for pid, (pattern, at) in starts.items() if any(map(pattern.match, repeat(joined), at))]
        others = [probe.pattern for probe in self.others if probe.live(joined)]
        offsets = [0]
        for block in blocks[:-1]:
            offsets.append(offsets[-1] + len(block) + len(_JOIN))
        found: list[dict[int, list[Span]]] = [{} for _ in blocks]
        for pid in live:
            pattern, at = starts[pid]
            last = (-1, 0)
            for pos in at:
                index = bisect_right(offsets, pos) - 1
                local = pos - offsets[index]
                if (index, local) < last:  # like `finditer`, go on after the end of a match
                    continue
                m = pattern.match(blocks[index], local)
                if m is not None:
                    found[index].setdefault(pid, []).append(m.span())
                    last = (index, m.end())
        for pattern in others:
            for index, text in enumerate(blocks):
                spans = [m.span() for m in pattern.finditer(text)]
                if spans:
                    found[index][id(pattern)] = spans
        return frozenset(live + [id(p) for p in others]), found


def _scanner(vocab: Vocabulary) -> _Scanner:
    """The `_Scanner` of every trigger, ignore and cue pattern of `vocab`."""
    patterns = [t.pattern for topic in vocab.topics for t in topic.triggers]
    return _Scanner.of([*patterns, *vocab.ignore, *vocab.cues])


def resolve_overlaps(hits: list[_Hit], blocked: Sequence[Span]) -> list[_Hit]:
    """Keep non-overlapping hits: longest first, then higher priority, then file order."""
    taken = list(blocked)
    kept: list[_Hit] = []
    order = sorted(hits, key=lambda h: (-(h.end - h.start), -h.topic.priority, h.topic.index, h.start))
    for hit in order:
        if all(hit.end <= s or hit.start >= e for s, e in taken):
            taken.append((hit.start, hit.end))
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _live_triggers(vocab: Vocabulary, live: frozenset[int]) -> list[tuple[Topic, list[Trigger]]]:
    """The topics of `vocab` (in order) with a trigger whose pattern is in `live`, each with
    those of its triggers (in order)."""
    owners = vocab.trigger_owners
    topics = sorted({t.index: t for pid in live for t in owners.get(pid, ())}.items())
    return [(topic, [t for t in topic.triggers if id(t.pattern) in live]) for _, topic in topics]


def _sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for the sentences of `text`."""
    spans = []
    pos = 0
    for sentence in _sentences(text):
        start = text.find(sentence, pos)
        pos = start + len(sentence)
        spans.append((start, pos, sentence))
    return spans


Cue = tuple[re.Pattern[str], tuple[str, ...]]  # a cue pattern and its keys (`Vocabulary.cue_keys`)


class _Cues:
    """Which sentences of a block contain a 'discussed' cue (each sentence tested on demand)."""

    def __init__(self, text: str, cues: Sequence[Cue]) -> None:
        self.cues = cues
        self.sentences = _sentence_spans(text) if cues else []
        self.tested: dict[int, bool] = {}

    def _cued(self, index: int) -> bool:
        if index not in self.tested:
            sentence = self.sentences[index][2]
            self.tested[index] = any(
                (not keys or any(k in sentence for k in keys)) and cue.search(sentence) for cue, keys in self.cues
            )
        return self.tested[index]

    def around(self, hit: _Hit) -> bool:
        """True if `hit` lies within a sentence that contains a cue."""
        return any(s <= hit.start and hit.end <= e and self._cued(i) for i, (s, e, _) in enumerate(self.sentences))


def _score_block(
    text: str,
    weight: float,
    label: str,
    scores: dict[str, _Score],
    triggers: Sequence[tuple[Topic, Sequence[Trigger]]],
    ignore: Sequence[int],
    cue_patterns: Sequence[Cue],
    found: dict[int, list[Span]],
) -> None:
    """Add one block's evidence to `scores` (keyed by topic name). The report's live patterns:
    `triggers` (the topics with their live triggers), `ignore` (ids) and `cue_patterns`;
    `found` holds the block's match spans per pattern id."""
    candidates = _candidates(text, triggers, found)
    if not candidates:
        return
    hits = resolve_overlaps(candidates, [span for pid in ignore for span in found.get(pid, ())])
    if not hits:
        return
    cues = _Cues(text, cue_patterns)
    by_topic: dict[str, list[_Hit]] = {}
    for hit in hits:
        by_topic.setdefault(hit.topic.name, []).append(hit)
    for name, hits_of in by_topic.items():
        best = max(h.weight for h in hits_of)
        repeat = 1.0 + 0.5 * (min(len(hits_of), MAX_REPEAT) - 1)
        cued = any(cues.around(h) for h in hits_of)
        entry = scores.setdefault(name, _Score())
        entry.score += weight * best * repeat + (CUE_BONUS * best if cued else 0.0)
        entry.focus = entry.focus or cued or label in ("headline", "lede")
        entry.headline = entry.headline or label == "headline"
        entry.blocks += label != "headline"
        for h in hits_of:
            phrase = text[h.start : h.end]
            if phrase not in entry.phrases:
                entry.phrases.append(phrase)


def score_topics(headline: str | None, paragraphs: Sequence[str], vocab: Vocabulary) -> dict[str, _Score]:
    """Return the evidence for every topic with at least one trigger match in the report."""
    blocks = [(normalise(t), w, label) for t, w, label in text_blocks(headline, paragraphs)]
    texts = [b[0] for b in blocks]
    live, found = vocab.scanner.scan(texts)
    # Topics whose `context` phrases do not all occur in the report are left out.
    full_text = " ".join(texts)
    triggers = [
        (topic, t) for topic, t in _live_triggers(vocab, live) if all(p.search(full_text) for p in topic.context)
    ]
    ignore = [id(p) for p in vocab.ignore if id(p) in live]
    cues = [(c, vocab.cue_keys[id(c)]) for c in vocab.cues if id(c) in live]
    scores: dict[str, _Score] = {}
    for (text, weight, label), matches in zip(blocks, found, strict=True):
        _score_block(text, weight, label, scores, triggers, ignore, cues, matches)
    return scores


def _drop_umbrellas(found: dict[str, _Score], vocab: Vocabulary) -> dict[str, _Score]:
    """Drop an `umbrella` parent topic when one of its found children is at least as strong."""
    parents = {t.name: t.broader for t in vocab.topics if t.broader}
    umbrellas = {t.name for t in vocab.topics if t.umbrella}
    weaker: set[str] = set()
    for child, evidence in found.items():
        parent = parents.get(child)
        if parent in umbrellas and parent in found and found[parent].score <= evidence.score:
            weaker.add(parent)
    return {k: v for k, v in found.items() if k not in weaker}


def _rank(found: dict[str, _Score], vocab: Vocabulary) -> list[tuple[str, _Score]]:
    """Order found topics by strength, then name; a child whose parent is also found ranks lower.

    ("Minsk Agreements" beside "Ukraine" adds detail, so it should not push out a distinct topic.)
    """
    parents = {t.name: t.broader for t in vocab.topics if t.broader}

    def strength(name: str) -> float:
        factor = CHILD_RANK_FACTOR if parents.get(name) in found else 1.0
        return round(found[name].score * factor, 6)

    return sorted(found.items(), key=lambda kv: (-strength(kv[0]), kv[0]))


def _rule(evidence: _Score) -> str:
    """Describe where a topic's triggers were found: 'trigger:headline+2-paragraphs'."""
    parts = ["headline"] if evidence.headline else []
    if evidence.blocks:
        parts.append(f"{evidence.blocks}-paragraph" + ("s" if evidence.blocks > 1 else ""))
    return "trigger:" + "+".join(parts)


def find_topics(headline: str | None, paragraphs: Sequence[str], vocabulary: Vocabulary | None = None) -> list[Found]:
    """Return the topics a report substantively discusses, strongest first (at most MAX_TOPICS).

    `headline` and `paragraphs` are the cleaned report. Each Found carries the canonical
    topic name, the rule (where its triggers were found) and the matched phrases.
    """
    vocab = vocabulary or load_vocabulary()
    focus_only = {t.name for t in vocab.topics if t.focus}
    scores = score_topics(headline, paragraphs, vocab)
    eligible = {name: ev for name, ev in scores.items() if ev.focus or name not in focus_only}
    found = {name: ev for name, ev in eligible.items() if ev.score >= THRESHOLD}
    if not found:  # a short readout that names its subjects once each still gets topics
        weaker = {name: ev for name, ev in eligible.items() if ev.score >= FALLBACK_THRESHOLD}
        found = dict(_rank(weaker, vocab)[:FALLBACK_TOPICS])
    found = _drop_umbrellas(found, vocab)
    ranked = _rank(found, vocab)
    return [Found(name, _rule(ev), "; ".join(ev.phrases[:4])) for name, ev in ranked[:MAX_TOPICS]]
