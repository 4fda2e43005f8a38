"""The archive's groupings, computed once per build: topics, years, people, grid, neighbours.

Everything here works on `Brief` records (built from Pelican articles by `brief_from_article`)
so templates never loop over all articles and every grouping is sorted deterministically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from .parallel import ONE, Workers
from .quotes import Quote, extract_quotes
from .related import Memo, Related, compute_related
from .slugs import group_names

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
FORMAT_LABELS = {"in-person": "In person", "phone": "Phone call", "video": "Video call"}
UNDATED = "undated"


def date_label(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass(eq=False)
class Term:
    """A topic or a person, with its page and its briefings (archive order)."""

    kind: str  # "topic" | "person"
    name: str
    slug: str
    spellings: list[str]
    briefs: list[Brief] = field(default_factory=list)
    by_year: list[Group] = field(default_factory=list)
    # people only
    talks: list[Brief] = field(default_factory=list)  # as participant
    mentions: list[Brief] = field(default_factory=list)  # as person mentioned
    counterparts: list[tuple[Term, int]] = field(default_factory=list)
    topics: list[tuple[Term, int]] = field(default_factory=list)
    has_feed: bool = False

    @property
    def base(self) -> str:
        return "topics" if self.kind == "topic" else "people"

    @property
    def url(self) -> str:
        return f"{self.base}/{self.slug}/"

    @property
    def save_as(self) -> str:
        return f"{self.base}/{self.slug}/index.html"

    @property
    def count(self) -> int:
        return len(self.briefs)

    @property
    def feed_url(self) -> str | None:
        return f"feeds/topics/{self.slug}.atom.xml" if self.has_feed else None

    @property
    def timeline(self) -> list[Group]:
        """Year groups oldest first (undated last), for the timeline."""
        dated = [g for g in self.by_year if g.anchor != UNDATED]
        return dated[::-1] + [g for g in self.by_year if g.anchor == UNDATED]

    def anchor_url(self, anchor: str) -> str:
        return f"{self.url}#{anchor}"

    def page_key(self) -> tuple:
        """Everything this topic's or person's page shows: unchanged key, unchanged page."""
        return (
            (self.kind, self.name, self.url, self.feed_url),
            groups_key(self.by_year),
            tuple(item_key(b) for b in self.talks),
            tuple(item_key(b) for b in self.mentions),
            tuple((t.name, t.url, n) for t, n in self.counterparts),
            tuple((t.name, t.url, n) for t, n in self.topics),
        )


@dataclass(eq=False)
class Group:
    """Briefings under one heading: a year on a topic page, a month on a year page."""

    label: str
    anchor: str
    briefs: list[Brief]

    @property
    def count(self) -> int:
        return len(self.briefs)


@dataclass(eq=False)
class Year:
    label: str  # "2022" or "Undated"
    slug: str  # "2022" or "undated"
    briefs: list[Brief]
    months: list[Group] = field(default_factory=list)
    prev: Year | None = None  # older
    next: Year | None = None  # newer

    @property
    def url(self) -> str:
        return f"years/{self.slug}/"

    def page_key(self) -> tuple:
        """Everything this year's page shows: unchanged key, unchanged page."""
        return (
            (self.label, self.url),
            tuple((y.label, y.url) if y else None for y in (self.prev, self.next)),
            groups_key(self.months),
            tuple(item_key(b) for b in self.briefs),
        )

    @property
    def save_as(self) -> str:
        return f"years/{self.slug}/index.html"

    @property
    def count(self) -> int:
        return len(self.briefs)


def link_key(brief: Any) -> tuple | None:
    """What a page shows of a briefing it links to: address, title, date."""
    return (brief.url, brief.title, brief.date_iso) if brief is not None else None


def item_key(brief: Brief) -> str:
    """What a list of briefings (macros.html `brief_item`) shows of one, as a digest made once
    per build (a briefing is listed on many pages); call it once the index is built."""
    if brief.listed_key is None:
        names = tuple(t.name for t in brief.participant_terms) if brief.participants else ()
        shown = (link_key(brief), names, brief.format_label, brief.summary)
        brief.listed_key = hashlib.blake2b(repr(shown).encode("utf-8"), digest_size=12).hexdigest()
    return brief.listed_key


def groups_key(groups: list[Group]) -> tuple:
    """What a page shows of its groups of briefings (years of a topic, months of a year)."""
    return tuple((g.label, g.anchor, tuple(item_key(b) for b in g.briefs)) for g in groups)


@dataclass(eq=False)
class Brief:
    """What the site needs of one briefing."""

    slug: str
    title: str
    url: str
    day: dt.date | None
    participants: tuple[str, ...]
    people: tuple[str, ...]
    topics: tuple[str, ...]
    format: str | None = None
    location: str | None = None
    source: str | None = None
    summary: str = ""
    seed_url: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    article: Any = None
    # filled in by build_index
    participant_terms: list[Term] = field(default_factory=list)
    people_terms: list[Term] = field(default_factory=list)
    topic_terms: list[Term] = field(default_factory=list)
    year: Year | None = None
    related: list[Related] = field(default_factory=list)
    prev: Brief | None = None
    next: Brief | None = None
    listed_key: str | None = field(default=None, repr=False)  # item_key's memo

    @property
    def undated(self) -> bool:
        return self.day is None

    @property
    def date_iso(self) -> str | None:
        return self.day.isoformat() if self.day else None

    @property
    def date_label(self) -> str:
        return date_label(self.day) if self.day else "Undated"

    @property
    def year_label(self) -> str:
        return str(self.day.year) if self.day else "Undated"

    @property
    def format_label(self) -> str | None:
        return FORMAT_LABELS.get(self.format or "", self.format or None)

    def page_key(self) -> tuple:
        """Everything this briefing's page shows (the article template may use `article.title`,
        `.url`, `.content` and `article.brief` only): unchanged key, unchanged page."""
        content = getattr(self.article, "content", None)
        return (
            # (its body as a digest: hashing it is quicker than `repr` of text with non-ASCII)
            hashlib.blake2b(content.encode("utf-8"), digest_size=16).hexdigest() if content else content,
            link_key(self),
            (self.summary, self.format, self.location, self.source, self.seed_url),
            tuple((q.speaker, q.text) for q in self.quotes),
            tuple(
                tuple((t.name, t.url) for t in terms)
                for terms in (self.participant_terms, self.people_terms, self.topic_terms)
            ),
            self.year.url if self.year else None,
            tuple((link_key(r.brief), r.reasons, r.same_event) for r in self.related),
            link_key(self.prev),
            link_key(self.next),
        )

    def archive_key(self) -> tuple:
        """Newest first; undated last (by title)."""
        if self.day:
            return (0, -self.day.toordinal(), self.title.casefold(), self.slug)
        return (1, 0, self.title.casefold(), self.slug)

    def chrono_key(self) -> tuple:
        """Oldest first; undated last (by title)."""
        if self.day:
            return (0, self.day.toordinal(), self.title.casefold(), self.slug)
        return (1, 0, self.title.casefold(), self.slug)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [text for text in (str(v).strip() for v in value if v is not None) if text]
    text = str(value).strip()
    return [text] if text else []


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "yes", "1"}
    return bool(value)


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


_BLOCK_END = re.compile(r"</(?:p|h2|h3|li|blockquote)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")


def html_paragraphs(content: str) -> list[str]:
    """Plain-text paragraphs of (sanitised) body HTML."""
    parts = (html.unescape(_TAG.sub("", p)) for p in _BLOCK_END.split(content or ""))
    return [" ".join(p.split()) for p in parts if p.strip()]


def _participants_and_people(meta: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Front matter -> (participants, other people), each without repeats."""
    participants = _dedupe(_as_list(meta.get("participants")))
    return participants, tuple(p for p in _dedupe(_as_list(meta.get("people"))) if p not in participants)


def quotes_in(content: str, meta: dict[str, Any]) -> list[Quote]:
    """Key quotes in a briefing's body HTML, said by its participants or other people."""
    participants, people = _participants_and_people(meta)
    return extract_quotes(html_paragraphs(content), list(participants) + list(people))


def brief_from_article(article: Any) -> Brief:
    meta = article.metadata
    undated = _truthy(getattr(article, "undated", meta.get("undated", False)))
    date = getattr(article, "date", None)
    day = None
    if not undated and date is not None:
        day = date.date() if isinstance(date, dt.datetime) else date
    seed = _as_text(meta.get("seed"))
    participants, people = _participants_and_people(meta)
    raw_quotes = meta.get("quotes")
    if isinstance(raw_quotes, list):  # found by the reader (cached with the file), or hand-made
        quotes = [
            Quote(speaker=str(q["speaker"]).strip(), text=str(q["text"]).strip())
            for q in raw_quotes
            if isinstance(q, dict) and q.get("speaker") and q.get("text")
        ]
    else:
        quotes = quotes_in(article.content, meta)
    return Brief(
        slug=article.slug,
        title=str(article.title),
        url=article.url,
        day=day,
        participants=participants,
        people=people,
        topics=_dedupe(_as_list(meta.get("topics"))),
        format=_as_text(meta.get("format")),
        location=_as_text(meta.get("location")),
        source=_as_text(meta.get("source")),
        summary=_as_text(meta.get("summary")) or "",
        seed_url="seeds/" + quote(seed.replace("\\", "/").rsplit("/", 1)[-1]) if seed else None,
        quotes=quotes,
        article=article,
    )


@dataclass
class GridRow:
    topic: Term
    cells: list[tuple[int, str | None]]  # (count, url to the topic page's year section)


@dataclass
class Index:
    briefs: list[Brief]  # archive order
    latest: list[Brief]
    topics: list[Term]  # by name
    topics_by_count: list[Term]
    years: list[Year]  # newest first, undated last
    people: list[Term]  # by name
    participants_by_count: list[Term]
    grid_columns: list[Year]
    grid: list[GridRow]

    @property
    def dated_count(self) -> int:
        return sum(1 for b in self.briefs if b.day)

    @property
    def undated_count(self) -> int:
        return len(self.briefs) - self.dated_count


def _sort_name(term: Term) -> tuple:
    return (term.name.casefold(), term.slug)


def _year_groups(briefs: list[Brief]) -> list[Group]:
    groups: dict[str, list[Brief]] = defaultdict(list)
    for b in briefs:  # archive order in, so each group stays newest first
        groups[b.year_label].append(b)
    labels = sorted((k for k in groups if k != "Undated"), reverse=True)
    if "Undated" in groups:
        labels.append("Undated")
    return [Group(k, "y" + k if k != "Undated" else UNDATED, groups[k]) for k in labels]


def build_index(
    briefs: list[Brief],
    latest: int = 12,
    related_max: int = 5,
    feeds: bool = True,
    related_memo: Memo | None = None,
    workers: Workers = ONE,
) -> Index:
    briefs = sorted(briefs, key=Brief.archive_key)

    # Terms: spellings that slugify alike share one page.
    topic_groups = group_names(t for b in briefs for t in b.topics)
    person_groups = group_names(p for b in briefs for p in b.participants + b.people)
    topics = {s: Term("topic", n, s, sp) for s, (n, sp) in topic_groups.items()}
    persons = {s: Term("person", n, s, sp) for s, (n, sp) in person_groups.items()}
    topic_of = {sp: t for t in topics.values() for sp in t.spellings}
    person_of = {sp: p for p in persons.values() for sp in p.spellings}

    for b in briefs:
        b.topic_terms = list(dict.fromkeys(topic_of[t] for t in b.topics))
        b.participant_terms = list(dict.fromkeys(person_of[p] for p in b.participants))
        b.people_terms = [t for t in dict.fromkeys(person_of[p] for p in b.people) if t not in b.participant_terms]
        for t in b.topic_terms:
            t.briefs.append(b)
        for p in b.participant_terms:
            p.talks.append(b)
            p.briefs.append(b)
        for p in b.people_terms:
            p.mentions.append(b)
            p.briefs.append(b)

    for t in topics.values():
        t.by_year = _year_groups(t.briefs)
        t.has_feed = feeds and any(b.day for b in t.briefs)
    for p in persons.values():
        p.briefs.sort(key=Brief.archive_key)
        p.by_year = _year_groups(p.briefs)
        counter: Counter[str] = Counter()
        topic_counter: Counter[str] = Counter()
        for b in p.talks:
            counter.update(o.slug for o in b.participant_terms if o is not p)
            topic_counter.update(t.slug for t in b.topic_terms)
        p.counterparts = sorted(((persons[s], n) for s, n in counter.items()), key=lambda x: (-x[1], _sort_name(x[0])))
        p.topics = sorted(
            ((topics[s], n) for s, n in topic_counter.items()),
            key=lambda x: (-x[1], _sort_name(x[0])),
        )

    # Years: newest first, undated last; months newest first within a year.
    by_year: dict[str, list[Brief]] = defaultdict(list)
    for b in briefs:
        by_year[b.year_label].append(b)
    years: list[Year] = []
    for label in sorted((k for k in by_year if k != "Undated"), reverse=True):
        year = Year(label, label, by_year[label])
        months: dict[int, list[Brief]] = defaultdict(list)
        for b in year.briefs:
            if b.day is not None:  # dated: only undated ones are under "Undated"
                months[b.day.month].append(b)
        year.months = [Group(f"{MONTHS[m - 1]} {label}", f"m{m:02d}", months[m]) for m in sorted(months, reverse=True)]
        years.append(year)
    for newer, older in itertools.pairwise(years):
        newer.prev, older.next = older, newer
    if "Undated" in by_year:
        years.append(Year("Undated", UNDATED, by_year["Undated"]))
    for year in years:
        for b in year.briefs:
            b.year = year

    # Previous / next in chronological order (undated at the end).
    chrono = sorted(briefs, key=Brief.chrono_key)
    for a, b in itertools.pairwise(chrono):
        a.next, b.prev = b, a

    related = compute_related(briefs, limit=related_max, memo=related_memo, workers=workers)
    for b in briefs:
        b.related = related[b.slug]

    topic_list = sorted(topics.values(), key=_sort_name)
    columns = sorted((y for y in years if y.slug != UNDATED), key=lambda y: y.slug)
    columns += [y for y in years if y.slug == UNDATED]
    grid = []
    for t in topic_list:
        counts = {g.anchor: g.count for g in t.by_year}
        cells = []
        for y in columns:
            anchor = "y" + y.slug if y.slug != UNDATED else UNDATED
            n = counts.get(anchor, 0)
            cells.append((n, t.anchor_url(anchor) if n else None))
        grid.append(GridRow(t, cells))

    people_list = sorted(persons.values(), key=_sort_name)
    return Index(
        briefs=briefs,
        latest=briefs[:latest],
        topics=topic_list,
        topics_by_count=sorted(topic_list, key=lambda t: (-t.count, _sort_name(t))),
        years=years,
        people=people_list,
        participants_by_count=sorted((p for p in people_list if p.talks), key=lambda p: (-len(p.talks), _sort_name(p))),
        grid_columns=columns,
        grid=grid,
    )
