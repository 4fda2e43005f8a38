"""People in a report: who took part in the talks (participants) and who else is discussed.

Pure functions over cleaned text. The only I/O is `load_registry`, a cached reader of the YAML
registry in `registry/` next to this module (`people.yaml`, `countries.yaml`).

How a name is found (each `Found` carries the rule and the matched text):

- `registry-name` / `registry-alias`: a full canonical name or alias from the registry (an
  alias without a romanised name's syllable hyphen, `Lee Jaemyung`, comes with every entry);
- `registry-spelling`: a registry name spelt another common way (`Abdul Fattah al-Sisi`);
- `registry-middle-name`: a registry name with middle names, after a role ("President Rodrigo
  Roa Duterte");
- `registry-name-fuzzy`: a registry surname after a slightly mistyped given name;
- `title-surname`: a registry surname after a title or honorific ("President Putin", "Mr Sunak");
- `surname`: a bare surname of someone the report has already established;
- `context-role` / `context-apposition`: a person outside the registry named after a role word
  ("spokesman Gabriel Attal") or before an apposition ("X Y, the head of ...");
- `title-by-date`: an unnamed office holder ("the French President", "his Russian counterpart",
  "the presidents of Russia, Iran and Turkiye") resolved through the registry's office dates.

Participants come from the headline and the lede: coordinated subjects ("X and Y held talks"),
subjects and objects of talk verbs ("X called Y", "talks with Y"), counterparts and plural
titles. Everyone else with a real mention is a `people` entry.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise, repeat
from pathlib import Path
from typing import Any

from .model import Found
from .wordtrie import CASE_ODD, CASE_ODD_RE, SEP_RUN, StartFinder, matches_at, trie_regex
from .yamlio import load_yaml

REGISTRY_DIR = Path(__file__).resolve().parent / "registry"

# ---------------------------------------------------------------------------- registry records

HEAD_TITLES = frozenset(
    {
        "President",
        "Prime Minister",
        "Premier",
        "Chancellor",
        "Supreme Leader",
        "King",
        "Queen",
        "Emperor",
        "Emir",
        "Crown Prince",
        "General Secretary",
        "Pope",
    }
)
FOREIGN_TITLES = frozenset({"Foreign Minister", "Secretary of State", "Foreign Secretary", "High Representative"})
LEADER = "leader"  # pseudo-title: the country's leader (see countries.yaml `leader`)
FOREIGN = "foreign"  # pseudo-title: the country's foreign minister, whatever it is called
COUNTERPART = "counterpart"  # pseudo-title: same kind of office as the subject's


@dataclass(frozen=True)
class Office:
    """One term in one office: `title` of `of` from `start` to `end` (None = open)."""

    title: str
    of: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date) -> bool:
        """True if the office was held on `day` (start inclusive, end exclusive)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    """A registry entry: canonical name, other full spellings, surname forms, offices."""

    name: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()

    def office_on(self, day: dt.date | None) -> Office | None:
        """The office held on `day` (the most recently started), or the latest one if `day` is None."""
        if day is None:
            return self.offices[-1] if self.offices else None
        held = [o for o in self.offices if o.holds(day)]
        return max(held, key=lambda o: o.start or dt.date.min) if held else None

    @property
    def given_names(self) -> frozenset[str]:
        """First tokens of the canonical name and aliases, folded and lower-cased."""
        return frozenset(fold(n).split()[0].lower() for n in (self.name, *self.aliases) if n.split())


@dataclass(frozen=True)
class Country:
    """A country or international body from countries.yaml."""

    name: str
    kind: str = "country"
    adjectives: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    capital: str = ""
    seats: tuple[str, ...] = ()
    leader: tuple[tuple[str, dt.date | None], ...] = ()
    foreign: str = "Foreign Minister"

    def leader_titles(self, day: dt.date | None) -> list[str]:
        """Titles meant by "the <country> leader" on `day`, in priority order."""
        return [t for t, until in self.leader if until is None or day is None or day < until]


@dataclass(frozen=True)
class Registry:
    """People and countries, with lookup tables and compiled patterns built on first use."""

    people: tuple[Person, ...]
    countries: tuple[Country, ...]

    @cached_property
    def by_key(self) -> dict[str, tuple[Person, str]]:
        """Folded name key -> (person, "registry-name" | "registry-alias")."""
        table: dict[str, tuple[Person, str]] = {}
        for p in self.people:
            for alias in p.aliases:
                table.setdefault(name_key(alias), (p, "registry-alias"))
        for p in self.people:
            table[name_key(p.name)] = (p, "registry-name")
        return table

    @cached_property
    def by_loose_key(self) -> dict[str, Person]:
        """`loose_key` of every name and alias -> the person (only keys that name one person)."""
        table: dict[str, set[str]] = {}
        for p in self.people:
            for n in (p.name, *p.aliases):
                table.setdefault(loose_key(n), set()).add(p.name)
        return {k: self.by_name[next(iter(v))] for k, v in table.items() if len(v) == 1}

    @cached_property
    def by_given_name(self) -> dict[str, list[Person]]:
        """A given name (lower case) -> the people who have it."""
        table: dict[str, list[Person]] = {}
        for p in self.people:
            for given in p.given_names:
                table.setdefault(given, []).append(p)
        return table

    @cached_property
    def as_of(self) -> dt.date:
        """The latest date the registry's terms in office give: the day it is up to date to
        (an open term is known to run at least until then)."""
        days = [d for p in self.people for o in p.offices for d in (o.start, o.end) if d is not None]
        return max(days, default=dt.date.min)

    def all_in_office(self, names: Sequence[str]) -> Callable[[dt.date], bool] | None:
        """For canonical `names`: a test of whether each of them held an office (any of
        theirs) on a day, up to `as_of`; None when the registry knows no term of any of them."""
        terms = [p.offices for n in names if (p := self.by_name.get(n)) is not None and p.offices]
        if not terms:
            return None
        as_of = self.as_of
        return lambda day: day <= as_of and all(any(o.holds(day) for o in offices) for offices in terms)

    @cached_property
    def by_name(self) -> dict[str, Person]:
        """Canonical name -> person (the last entry of that name)."""
        return {p.name: p for p in self.people}

    @cached_property
    def by_short(self) -> dict[str, tuple[Person, ...]]:
        """Folded surname form -> the people it may refer to."""
        table: dict[str, list[Person]] = {}
        for p in self.people:
            for s in p.short:
                people = table.setdefault(name_key(s), [])
                if p not in people:  # "Saied" and "Saïed" are one key, and one person
                    people.append(p)
        return {k: tuple(v) for k, v in table.items()}

    @cached_property
    def country_by_word(self) -> dict[str, Country]:
        """Folded country name, alias, adjective, capital or seat -> country."""
        table: dict[str, Country] = {}
        for c in self.countries:
            words = (c.name, *c.aliases, *c.adjectives, *c.seats)
            for w in words:
                table.setdefault(fold(w).lower().removeprefix("the "), c)
        return table

    @cached_property
    def full_names(self) -> frozenset[str]:
        """Folded full names and aliases (of more than one word, or not in ASCII)."""
        return frozenset(
            fold(n) for p in self.people for n in (p.name, *p.aliases) if len(n.split()) > 1 or not n.isascii()
        )

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Folded surname forms."""
        return frozenset(fold(s) for p in self.people for s in p.short)

    @cached_property
    def country_words(self) -> frozenset[str]:
        """Folded country names and aliases."""
        return frozenset(fold(w) for c in self.countries for w in (c.name, *c.aliases))

    @cached_property
    def adjective_words(self) -> frozenset[str]:
        """Folded country adjectives, names used as adjectives and seats."""
        return frozenset(fold(w) for c in self.countries for w in (*c.adjectives, *c.seats))

    @cached_property
    def full_name_pattern(self) -> str:
        """The text of `full_name_re` (without compiling it: a large regex)."""
        return r"(?<![\w@#/])(?:" + _alternation(self.full_names) + r")(?![\w])"

    @cached_property
    def full_name_re(self) -> re.Pattern[str]:
        """Any full name or alias (case-insensitive, hyphen/space tolerant)."""
        return re.compile(self.full_name_pattern, re.I)

    @cached_property
    def short_re(self) -> re.Pattern[str]:
        """Any surname form (case-sensitive)."""
        return re.compile(r"(?<![\w@#/'’-])(?:" + _alternation(self.surnames) + r")(?![\w])")

    @cached_property
    def country_alt(self) -> str:
        """Regex alternation of country names and aliases (case-sensitive)."""
        return _alternation(self.country_words)

    @cached_property
    def adjective_alt(self) -> str:
        """Regex alternation of country adjectives, names used as adjectives and seats."""
        return _alternation(self.adjective_words)

    @cached_property
    def possessive_re(self) -> re.Pattern[str]:
        """A country's possessive at the end of a text ("Russia's ")."""
        return re.compile(r"\b(?:" + self.country_alt + r")'s\s+$")

    @cached_property
    def starts(self) -> _Starts:
        """Where the names, surnames, places and titles of the registry can start in a text."""
        return _Starts(
            {
                FULL_NAME: (self.full_names, False),
                SURNAME: (self.surnames, False),
                PLACE: (self.adjective_words | self.country_words, True),
                TITLE: ([*TITLE_VARIANTS, *_PLURAL_TITLES], True),
                FIXED_TITLE: (FIXED_TITLES, True),
                ROLE: (ROLE_LEADS, True),
                MINISTER: (("minister",), True),
            }
        )

    @cached_property
    def filler_words(self) -> frozenset[str]:
        """Lower-cased words that may stand between coordinated names (titles, countries...)."""
        words = {w.lower() for c in self.countries for n in (c.name, *c.aliases, *c.adjectives) for w in n.split()}
        words |= {w.lower() for t in TITLE_VARIANTS for w in re.findall(r"[A-Za-z]+", t)}
        return frozenset(words | FILLER_WORDS)

    def holders(self, title: str, of: str, day: dt.date | None) -> list[Person]:
        """People holding `title` of `of` on `day` (on any day if `day` is None)."""
        out = []
        for p in self.people:
            if any(o.title == title and o.of == of and (day is None or o.holds(day)) for o in p.offices):
                out.append(p)
        return out


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of `words`, longest first; spaces/hyphens match any run of either."""
    return "|".join(part for _, part in _alternatives(words)) or r"(?!x)x"


def _alternatives(words: Iterable[str]) -> list[tuple[str, str]]:
    """(word, its regex) for each alternative of `_alternation(words)`, in its order."""
    parts = []
    for w in sorted({w for w in words if w.strip()}, key=lambda w: (-len(w), w)):  # same order in every process
        tokens = [re.escape(t).replace(r"\.", r"\.?") for t in re.split(r"[\s\-]+", w.strip())]
        parts.append((w, r"[\s\-]+".join(tokens)))
    return parts


# Kinds of word a match can start with (see `_Starts`).
FULL_NAME, SURNAME, PLACE, TITLE, FIXED_TITLE = "full name", "surname", "place", "title", "fixed title"
ROLE, MINISTER = "role", "minister"


def _lead(word: str) -> str | None:
    """What every match of `word` in an `_alternation` starts with, whether case is ignored or
    not, as `_Starts` writes it: the word lower-cased, without its dots (optional there), each
    run of spaces and hyphens as one space, up to its first non-ASCII character ("" if that is
    the first). None if that cannot be told (a dot first)."""
    found = _lead_dots(word)
    return found[0] if found else None


def _lead_dots(word: str) -> tuple[str, list[str]] | None:
    """`_lead(word)`, and the prefixes of it after which a dot may stand in a match; None if
    the lead cannot be told. A lead stops before a non-ASCII character and before a dot that
    starts a word or follows a dot (the pattern may hold more than one dot there)."""
    tokens = re.split(r"[\s\-]+", word.strip())
    if not tokens[0] or tokens[0][0] in CASE_ODD or tokens[0][0] == ".":
        return None
    lead, dots = "", []
    for token in tokens:
        if lead:
            lead += " "
        for i, ch in enumerate(token):
            if ch == "." and i and token[i - 1] != ".":
                dots.append(lead)
            elif ch.isascii() and ch != ".":
                lead += ch.lower()
            else:
                return lead.rstrip(" "), dots
    return lead.rstrip(" "), dots


class _Starts:
    """Where a match of the registry's patterns can start in a text, per kind of word.

    Every match of those patterns starts, after a non-word character, with a word of one kind
    (a full name, a surname, a place, a title), so with the `_lead` of one (a space in it stands
    for a run of spaces and hyphens; a dot may stand where the word has one), or with a
    non-ASCII character. One regex of all leads (`trie_regex`), run over the lower-cased text,
    lists those places. At a non-ASCII character (in a text without `CASE_ODD`) only a word that
    starts with one can match: only the kinds that have such a word start there. A kind whose
    `words` start with a word character is for patterns that may start at `\b`; a kind with a
    lead that cannot be told is left out (scanned the usual way).
    """

    def __init__(self, kinds: dict[str, tuple[Iterable[str], bool]]) -> None:
        kinds_of: dict[str, set[str]] = {}
        dotted: set[str] = set()
        self.kinds: list[str] = []
        for kind, (words, word_start) in kinds.items():
            leads = [_lead_dots(w) for w in words]
            if any(lead is None for lead in leads) or (word_start and not all(re.match(r"\w", w) for w in words)):
                continue
            self.kinds.append(kind)
            for lead, dots in filter(None, leads):
                kinds_of.setdefault(lead, set()).add(kind)
                dotted.update(dots)
        # at a non-ASCII character: the kinds with a word that starts with one (lead "")
        self.kinds_elsewhere = tuple(k for k in self.kinds if k in kinds_of.pop("", ()))
        # the longest lead found at a place -> the kinds of every lead it starts with
        self.kinds_at = {
            lead: tuple(k for k in self.kinds if any(k in kinds_of.get(lead[:n], ()) for n in range(1, len(lead) + 1)))
            for lead in kinds_of
        }
        self.finder = StartFinder(r"(?:(?=(" + trie_regex(kinds_of, " ", dotted) + r"))|(?=[^\x00-\x7f]))")
        self._written: dict[str, str] = {}  # a lead as found in a text -> as `_lead` writes it

    def _lead_of(self, found: str) -> str:
        """A lead as the finder found it in a lower-cased text -> the lead (`_lead`'s form)."""
        lead = self._written.get(found)
        if lead is None:
            if len(self._written) > 4096:
                self._written.clear()
            lead = self._written[found] = re.sub(SEP_RUN, " ", found.replace(".", ""))
        return lead

    def find(self, text: str) -> tuple[dict[str, list[int]], dict[str | None, list[int]]]:
        """-> (kind -> the positions in `text` (ascending) where a match can start, longest
        lead found -> its positions, ascending (None: non-ASCII characters)); ({}, {}) when
        `text` holds a character of `CASE_ODD`."""
        if not text.isascii() and CASE_ODD_RE.search(text):  # (no ASCII character is one)
            return {}, {}
        at_lead: dict[str | None, list[int]] = {}
        for found_lead, positions in self.finder.grouped(text.lower()).items():
            lead = found_lead if found_lead is None else self._lead_of(found_lead)
            known = at_lead.get(lead)
            if known is None:
                at_lead[lead] = positions
            else:  # the same lead written two ways ("u.s", "us")
                known += positions
                known.sort()
        found: dict[str, list[int]] = {kind: [] for kind in self.kinds}
        kinds_at = self.kinds_at
        for lead, positions in at_lead.items():
            for kind in kinds_at[lead] if lead is not None else self.kinds_elsewhere:
                found[kind] += positions
        for positions in found.values():
            if len(positions) > 1:
                positions.sort()
        return found, at_lead


def _as_date(value: Any) -> dt.date | None:
    """A YAML date value (date or ISO string) as a date; None if absent."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _person(entry: dict[str, Any]) -> Person:
    """One people.yaml entry as a Person."""
    offices = tuple(
        Office(str(o["title"]), str(o["of"]), _as_date(o.get("from")), _as_date(o.get("to")))
        for o in entry.get("offices") or []
    )
    name = str(entry["name"])
    aliases = [str(a) for a in entry.get("aliases") or []]
    return Person(
        name=name,
        aliases=tuple(dict.fromkeys([*aliases, *filter(None, map(_unhyphenated, [name, *aliases]))])),
        short=tuple(str(s) for s in entry.get("short") or []),
        offices=offices,
    )


_SYLLABLE_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


def _unhyphenated(name: str) -> str | None:
    """A romanised name written without its syllable hyphen (`Lee Jae-myung` -> `Lee Jaemyung`),
    or None if it has none (`Kassym-Jomart`, `el-Sisi` keep theirs: a capital or a particle)."""
    joined = _SYLLABLE_HYPHEN.sub("", name)
    return joined if joined != name and all(w[:1].isupper() for w in joined.split()) else None


def _leader_entry(text: str) -> tuple[str, dt.date | None]:
    """Parse a countries.yaml leader item "Title" or "Title until YYYY-MM-DD"."""
    m = re.match(r"(.+?)\s+until\s+(\d{4}-\d{2}-\d{2})$", str(text).strip())
    return (m.group(1), dt.date.fromisoformat(m.group(2))) if m else (str(text).strip(), None)


def _country(entry: dict[str, Any]) -> Country:
    """One countries.yaml entry as a Country."""
    return Country(
        name=str(entry["name"]),
        kind=str(entry.get("kind") or "country"),
        adjectives=tuple(str(a) for a in entry.get("adjectives") or []),
        aliases=tuple(str(a) for a in entry.get("aliases") or []),
        capital=str(entry.get("capital") or ""),
        seats=tuple(str(a) for a in entry.get("seats") or []),
        leader=tuple(_leader_entry(x) for x in entry.get("leader") or []),
        foreign=str(entry.get("foreign") or "Foreign Minister"),
    )


@lru_cache(maxsize=8)
def load_registry(path: Path | None = None) -> Registry:
    """Read `people.yaml` and `countries.yaml` from `path` (default: registry/ next to this module)."""
    folder = Path(path) if path else REGISTRY_DIR
    people = load_yaml((folder / "people.yaml").read_text(encoding="utf-8")) or []
    countries = load_yaml((folder / "countries.yaml").read_text(encoding="utf-8")) or []
    return Registry(tuple(_person(e) for e in people), tuple(_country(e) for e in countries))


# ---------------------------------------------------------------------------- text helpers

# characters NFKD does not fold -> their folded form (none of which is itself in the table)
_FOLD_EXTRA = {
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "’": "'", "‘": "'", "ʼ": "'", "`": "'",
}  # fmt: skip


def _fold_extra(text: str) -> str:
    """`text` with the characters of `_FOLD_EXTRA` replaced, one after another (the same as
    `str.translate`, but faster on a text with a non-ASCII character)."""
    if text.isascii():  # ("`" is the only ASCII one)
        return text.replace("`", "'") if "`" in text else text
    for ch, to in _FOLD_EXTRA.items():
        if ch in text:
            text = text.replace(ch, to)
    return text


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """`text` without diacritics (NFKD, combining marks dropped), curly quotes made straight."""
    text = _fold_extra(text)
    return text if text.isascii() else _NON_ASCII.sub(lambda m: _fold_char(m.group()), text)


def _fold_map(text: str) -> tuple[str, Sequence[int]]:
    """Folded text and, for each folded character, the index of its source character."""
    text = _fold_extra(text)
    if text.isascii():  # nothing to decompose: the common case
        return text, range(len(text))
    if all(len(_fold_char(ch)) == 1 for ch in set(_NON_ASCII.findall(text))):  # one for one
        return _NON_ASCII.sub(lambda m: _fold_char(m.group()), text), range(len(text))
    out: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(text):
        base = ch if ch < "\x80" else _fold_char(ch)
        for b in base:
            out.append(b)
            idx.append(i)
    return "".join(out), idx


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character without diacritics (NFKD, combining marks dropped)."""
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


@lru_cache(maxsize=4096)  # (the same names come up again and again)
def name_key(name: str) -> str:
    """Lookup key of a name: folded, lower-cased, dots dropped, spaces/hyphens unified."""
    return re.sub(r"[\s\-]+", " ", fold(name).replace(".", " ")).strip().lower()


_ARTICLE_PARTICLE = re.compile(r"\b(?:al|el|ul|ad|ar|as|ash|at|az)\s")  # `al-Sisi`, `el-Sisi`
_ABD = re.compile(r"\babd(?:ul|el|al|ol)?\s")  # `Abdul Fattah`, `Abdel Fattah`, `Abd al-Fattah`


_MOHAMMED = re.compile(r"\b(?:mohamm?[ae]d|muhamm?[ae]d|mohamad|mahomed)\b")


def loose_key(name: str) -> str:
    """`name_key` less the spellings that romanised Arabic names vary in (the article `al-`/
    `el-`, `Abdul`/`Abdel`, `Mohammed`/`Muhammad`, doubled letters): `Abdul Fattah Al Sissi`
    and `Abdel Fattah el-Sisi` share one."""
    key = _ARTICLE_PARTICLE.sub("", name_key(name) + " ")
    key = _MOHAMMED.sub("mohamed", _ABD.sub("abd ", key))
    return re.sub(r"\s+", " ", re.sub(r"([a-z])\1", r"\1", key)).strip()


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance between `a` and `b`."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


# Photo credits, handles and other furniture blanked out before matching (length kept), each
# with a text that every match holds (a cheap test before the search).
_BLANK_RES = (
    (
        "(",
        re.compile(r"\([^()]*\b(?:Photo|Getty|Reuters|AFP|AP|EPA|Pool|Sputnik|TASS|Xinhua|Yonhap|Anadolu)\b[^()]*\)"),
    ),
    (
        "/",
        re.compile(
            r"\|?\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*/\s*(?:AFP|AP|Reuters|EPA|Getty|Sputnik|TASS)\b.*$"
        ),
    ),
    ("", re.compile(r"(?:©|\(c\)\s).*$")),
    ("@", re.compile(r"@\w+")),
    ("://", re.compile(r"https?://\S+")),
    ("[", re.compile(r"\[")),
    ("]", re.compile(r"\]")),
)
# Marks of a caption's photo position or credit: a paragraph is furniture if one occurs (kept
# apart, each with a text that every match holds, a cheap test before the search).
_POSITION_RES = (
    ("(", re.compile(r"\((?:L|R|C|left|right|centre|center|front|not pictured)\)")),
    (",", re.compile(r",\s*(?:left|right|center|centre),\s")),
    ("via Getty", re.compile(r"via Getty")),
    ("File Photo", re.compile(r"File Photo")),
    ("/", re.compile(r"/\s*Source:")),
    ("/", re.compile(r"\s/\s*(?:[A-Z][\w.-]*\s*){1,3}\|?\s*$")),
    ("|", re.compile(r"\|\s*$")),
)
_CREDIT_RE = re.compile(r"\((?:AP|AFP|Reuters|EPA|Getty|Photo)\b[^)]*\)")
_PHOTO_CREDIT_RE = re.compile(r"\bPhoto\s*/")
_CAPTION_VERB_RE = re.compile(
    r"\b(?:shakes?|shake hands|poses?|listens?|attends?|arrives?|waves?|gestures?|looks on|greets?|pictured)\b"
)


def _blank(text: str) -> str:
    """`text` with credits, handles, links and brackets replaced by spaces of the same length."""
    for needle, rx in _BLANK_RES:
        if needle in text:
            text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return text


def is_furniture(paragraph: str) -> bool:
    """True for a paragraph that is a photo caption, credit line or cut-off teaser."""
    text = paragraph.strip()
    if not text or text.startswith(("©", "(c) ")) or text.endswith(("…", "...")):
        return True
    if len(text) > 240 and len(text.split()) > 120:  # (more than 120 words: more than 240 characters)
        return False
    for needle, rx in _POSITION_RES:
        if needle in text and rx.search(text):
            return True
    credit = _CREDIT_RE.search(text) or ("Photo" in text and _PHOTO_CREDIT_RE.search(text))
    return bool(credit and _CAPTION_VERB_RE.search(text))


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gen|Lt|Col|Gov|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])$"
)
_SENT_END = re.compile(r"[.!?][\"'”’]?\s+(?=[\"'“‘(]?[A-Z])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text` (abbreviations and initials do not end one)."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        if text[m.start()] == "." and _ABBREV.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# ---------------------------------------------------------------------------- vocabulary


def _word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` as a set."""
    return frozenset(re.findall(r"\S+", text))


# textual title variant (lower case) -> canonical title or pseudo-title
TITLE_VARIANTS: dict[str, str] = {
    "president": "President",
    "vice president": "Vice President",
    "vice-president": "Vice President",
    "prime minister": "Prime Minister",
    "pm": "Prime Minister",
    "premier": "Prime Minister",
    "chancellor": "Chancellor",
    "foreign minister": FOREIGN,
    "minister of foreign affairs": FOREIGN,
    "minister for foreign affairs": FOREIGN,
    "foreign affairs minister": FOREIGN,
    "external affairs minister": FOREIGN,
    "minister of external affairs": FOREIGN,
    "fm": FOREIGN,
    "top diplomat": FOREIGN,
    "foreign secretary": FOREIGN,
    "secretary of state": FOREIGN,
    "defence minister": "Defence Minister",
    "defense minister": "Defence Minister",
    "defence secretary": "Defence Minister",
    "defense secretary": "Defence Minister",
    "secretary of defense": "Defence Minister",
    "secretary of defence": "Defence Minister",
    "supreme leader": "Supreme Leader",
    "leader": LEADER,
    "head of state": LEADER,
    "head of government": LEADER,
    "head": LEADER,
    "chief": LEADER,
    "king": "King",
    "queen": "Queen",
    "emperor": "Emperor",
    "emir": "Emir",
    "crown prince": "Crown Prince",
    "pope": "Pope",
    "secretary-general": "Secretary-General",
    "secretary general": "Secretary-General",
    "director general": "Director General",
    "director-general": "Director General",
    "counterpart": COUNTERPART,
}
# title phrases that carry their own body ("Commission President")
FIXED_TITLES: dict[str, tuple[str, str]] = {
    "european commission president": ("President of the European Commission", "European Union"),
    "president of the european commission": ("President of the European Commission", "European Union"),
    "commission president": ("President of the European Commission", "European Union"),
    "european council president": ("President of the European Council", "European Union"),
    "president of the european council": ("President of the European Council", "European Union"),
    "eu foreign policy chief": ("High Representative", "European Union"),
    "high representative": ("High Representative", "European Union"),
    "taoiseach": ("Prime Minister", "Ireland"),  # a title only one office has
}
_PLURAL_TITLES = {
    "presidents": "President",
    "leaders": LEADER,
    "heads of state": LEADER,
    "prime ministers": "Prime Minister",
    "foreign ministers": FOREIGN,
}
# words that may sit before a surname to make it a titled mention
_SURNAME_TITLES = (
    r"(?:President|Prime\s+Minister|PM|Premier|Chancellor|Mr|Mrs|Ms|Dr|Madam|Mme|Monsieur|Secretary(?:\s+of\s+State)?"
    r"|Minister|Foreign\s+Minister|FM|King|Queen|Emir|Sheikh|Crown\s+Prince|Chairman|Leader|leader|General\s+Secretary"
    r"|Secretary-General|Secretary\s+General|Director\s+General|Ambassador|Gen|Sen|Senator|counterpart|Pope|Ayatollah"
    r"|Vice\s+President|Speaker|president|premier|chancellor|minister|Comrade|Sayyid|Sir)\.?"
)
_TITLE_BEFORE_RE = re.compile(r"(?:\b" + _SURNAME_TITLES + r"|ex-PM|ex-President)[\s,]+$")
FILLER_WORDS = _word_set(
    "the his her their its and of with as well both two three counterpart counterparts mr mrs ms dr sayyid "
    "esteemed friendly fraternal distinguished new then former outgoing incoming acting interim current s"
)
_STOP_NAME_WORDS = _word_set(
    "The A An And But Or In On At Of For To From With By As If When While After Before Since Although Though Yet "
    "So Then Also Meanwhile However Moreover Earlier Later Today Yesterday Tomorrow Tonight This That These Those "
    "It Its He She They We You I His Her Their Our My Both Two Three Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday January February March April May June July August September October November December Mr Mrs "
    "Ms Dr President Prime Minister Premier Chancellor Secretary General King Queen Foreign Defence Defense State "
    "House Street Palace Kremlin White Council Ministry Office Department Agency News Journal Post Times Press "
    "Service Committee Commission Union Group Party Force Forces Army Navy University Institute Center Centre Bank "
    "Fund Summit Sea Ocean River Square Hall Airport Embassy Peninsula Gulf Strait Strip Heights Territory "
    "Island Islands Bay Lake Valley Mountains Desert Coast Province Region Canal Port Republic Federation Kingdom "
    "Government Administration Ambassador Representative Permanent Development Sustainable Emirates Resources "
    "Communications Directorate Presidency Affairs External Interior Justice Finance Security National Armed "
    "Staff Twitter Facebook Instagram Telegram Truth Social Reuters Bloomberg Ukraine Russia China Iran Israel "
    "Turkey Japan India Germany France Britain America Europe European Western Eastern Northern Southern "
    "Source Photo Getty Images Pool File AP AFP TASS Sputnik Xinhua Kyodo Yonhap"
)
_TERM_AFTER_RE = re.compile(
    r"^['’]?s?\s*(?:formula|format|plan|doctrine|administration|government|era|family|foundation|regime|cabinet|camp"
    r"|team|campaign|library|center|centre|airport|street|bridge|prize|institute|university|initiative|clan|dynasty"
    r"|years|presidency|tower|hotel|organization|organisation|group|corporation|company)\b",
    re.I,
)
_ROLE_RE_TEXT = (
    r"(?:spokes(?:man|woman|person)|press\s+secretary|(?:foreign\s+(?:affairs|policy)\s+|security\s+|senior\s+|top\s+)?"
    r"advis[eo]r|aide|envoy|ambassador(?:\s+to\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?|(?:[A-Z][a-z]+\s+)?minister(?:\s+(?:of|for)(?:\s+[A-Z][a-z]+){1,3})?|"
    r"secretary(?:\s+of\s+(?:state|defen[cs]e|[A-Z][a-z]+))?|secretary[-\s]general|director(?:[-\s]general)?|"
    r"(?:vice[-\s]president|president|prime\s+minister|premier|chancellor|king|queen|emir|crown\s+prince)"
    r"(?:\s+of\s+(?:the\s+)?(?-i:[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+)?[A-Z][\w'’.-]*){0,3}?))?|senator|"
    r"governor|mayor|speaker|general|gen\.|admiral|commander|chief\s+of\s+staff|chairman|chairwoman|chairperson|"
    r"leader|counterpart|deputy|negotiator|lawmaker|diplomat|chief|head|ombudsman|prosecutor|patriarch|cardinal|"
    r"journalist|columnist|activist|dissident|hostage|businessman|businesswoman|billionaire|tycoon)"
)
_NAME_TOKEN = r"[A-Z](?:[\w'’-]*[a-z][\w'’-]*|\.)"
_NAME_RE_TEXT = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Sayyid|Sheikh|Sir|Dame)\.?\s+)?"
    + _NAME_TOKEN
    + r"(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von|der|le|la|di|du|dos)[\s-])?"
    + _NAME_TOKEN
    + r"){1,3}"
)
# Every match of _ROLE_RE_TEXT starts with one of these, or with the word before "minister".
ROLE_LEADS = (
    "spokes", "press", "foreign", "security", "senior", "top", "advis", "aide", "envoy", "ambassador", "minister",
    "secretary", "director", "vice", "president", "prime", "premier", "chancellor", "king", "queen", "emir", "crown",
    "senator", "governor", "mayor", "speaker", "general", "gen", "admiral", "commander", "chief", "chair", "leader",
    "counterpart", "deputy", "negotiator", "lawmaker", "diplomat", "head", "ombudsman", "prosecutor", "patriarch",
    "cardinal", "journalist", "columnist", "activist", "dissident", "hostage", "businessman", "businesswoman",
    "billionaire", "tycoon",
)  # fmt: skip
_ROLE_NAME_RE = re.compile(r"(?i:\b" + _ROLE_RE_TEXT + r")\s*,?\s+(?P<name>" + _NAME_RE_TEXT + r")(?![\w'’-])")
_APPOSITION_TAIL = (
    r",\s+(?:the|a|an)\s+(?:\w+\s+){0,3}?(?:head|leader|chief|founder|boss|commander|spokes(?:man|woman|person)|"
    r"owner|chairman|director|president|minister|secretary|advis[eo]r|envoy|ambassador)\b"
)
_APPOSITION_RE = re.compile(r"(?P<name>" + _NAME_RE_TEXT + r")" + _APPOSITION_TAIL)
# The speaker named after a quote: `..." said Steffen Hebestreit.`
_SAID_NAME_RE = re.compile(r"\b(?:said|says|added)\s+(?P<name>" + _NAME_RE_TEXT + r")(?=[.,;]|$)")
# Every apposition match contains a match of its tail: a cheap test before the costly search.
_APPOSITION_TAIL_RE = re.compile(_APPOSITION_TAIL)
_CUE_RE = re.compile(
    r"\b(?:talks?|talked|met|meet(?:s|ing|ings)?|spoke|speak(?:s|ing)?|call(?:s|ed|ing)?|phoned|phone|telephone|"
    r"conversation|discuss(?:ed|es|ing|ions?)?|summit|host(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|"
    r"told|tells?|visit(?:s|ed|ing)?|trip|negotiations?|videoconference|video\s*(?:call|link|conference)|"
    r"teleconference|dialogue|held|holds?|reaffirm(?:s|ed)?|agree(?:s|d)?|confirm(?:s|ed)?|exchanged|"
    r"trilateral|bilateral|press\s+conference|news\s+conference|urg(?:ed|ing)|thank(?:ed|ing)|congratulat(?:ed|ing)|"
    r"invit(?:ed|ing)|wished|s(?:at|its|itting)\s+down\s+with|attend(?:s|ed|ing)?)\b",
    re.I,
)
# _CUE_RE (all in lower case) without ignoring case, for a lower-cased text (`Segment.cues`)
_CUE_LOWER_RE = re.compile(_CUE_RE.pattern)
_SOLO_CUE_RE = re.compile(r"spoke|met|held|hosted|received|phoned|visited|talked", re.I)
_BACKGROUND_BEFORE_RE = re.compile(
    r"\b(?:after|before|since|amid|when|while|whereas|unlike|following|ahead\s+of|like|including)\s+(?:the\s+)?$",
    re.I,
)


# ---------------------------------------------------------------------------- mentions


@dataclass
class Segment:
    """One headline or paragraph: source text, folded/blanked text and the index map."""

    index: int
    source: str
    text: str
    where: Sequence[int]
    headline: bool = False
    starts: dict[str, list[int]] = field(default_factory=dict)  # `_Starts.find` of `text`
    at_lead: dict[str | None, list[int]] = field(default_factory=dict)  # and where each lead starts

    def scan(self, kind: str, pattern: re.Pattern[str], then: str = "") -> Iterator[re.Match[str]]:
        """`pattern.finditer(text)` for a pattern whose matches start with a word of `kind` (and,
        with `then`, hold a word of that kind after it: only starts before its last are tried)."""
        starts = self.starts.get(kind)
        if starts is None:
            return pattern.finditer(self.text)
        later = self.starts.get(then) if then else None
        if later is not None:
            last = later[-1] if later else -1
            starts = [pos for pos in starts if pos < last]
        return matches_at(pattern, self.text, starts)

    @cached_property
    def lower(self) -> str | None:
        """`text` lower-cased, None if it holds a character of `CASE_ODD`: otherwise lower-casing
        keeps every offset, what is a word character or a space, and what an ASCII letter
        matches when case is ignored."""
        return None if not self.text.isascii() and CASE_ODD_RE.search(self.text) else self.text.lower()

    def cues(self, span: tuple[int, int]) -> Iterator[re.Match[str]]:
        """`_CUE_RE.finditer(text, *span)`, faster: the case-sensitive regex over `lower` where
        that can be used (the same offsets; the matched text is lower-cased)."""
        if self.lower is None:
            return _CUE_RE.finditer(self.text, *span)
        return _CUE_LOWER_RE.finditer(self.lower, *span)

    def original(self, start: int, end: int) -> str:
        """Source text behind folded offsets [start, end)."""
        if start >= end or not self.where:
            return ""
        return self.source[self.where[start] : self.where[end - 1] + 1]


@dataclass
class Ref:
    """A reference to a person in a segment: a name mention or a resolved title."""

    name: str
    seg: int
    start: int
    end: int
    rule: str
    text: str
    weak: bool = False  # inside a term ("Steinmeier formula"): counts only with other mentions
    unnamed: bool = False  # a title resolved by date, not a name


@dataclass
class _Doc:
    """Working state of one extraction."""

    reg: Registry
    when: dt.date | None
    segs: list[Segment]
    refs: list[Ref] = field(default_factory=list)
    titles: list[Ref] = field(default_factory=list)
    context_people: dict[str, str] = field(default_factory=dict)  # surname -> canonical name
    years: set[int] = field(default_factory=set)
    by_seg: dict[int, list[Ref]] = field(default_factory=dict)  # refs per segment (fast lookups)
    _surnames: dict[int, list[re.Match[str]]] = field(default_factory=dict)

    def surnames(self, seg: Segment) -> list[re.Match[str]]:
        """Matches of the registry's surname forms in `seg` (found once per segment)."""
        if seg.index not in self._surnames:
            self._surnames[seg.index] = list(seg.scan(SURNAME, self.reg.short_re))
        return self._surnames[seg.index]

    @property
    def named(self) -> set[str]:
        """Canonical names with at least one real (name) mention."""
        return {r.name for r in self.refs if not r.weak}

    def taken(self, seg: int, start: int, end: int) -> bool:
        """True if [start, end) of `seg` overlaps an existing name mention."""
        return any(r.start < end and start < r.end for r in self.by_seg.get(seg, ()))

    def add(self, seg: Segment, start: int, end: int, name: str, rule: str, weak: bool = False) -> None:
        """Record a name mention."""
        ref = Ref(name, seg.index, start, end, rule, seg.original(start, end), weak)
        self.refs.append(ref)
        self.by_seg.setdefault(seg.index, []).append(ref)


def _segments(headline: str | None, paragraphs: Sequence[str]) -> list[Segment]:
    """Headline and usable paragraphs as folded, blanked segments (furniture dropped)."""
    out: list[Segment] = []
    items = ([(headline, True)] if headline and headline.strip() else []) + [(p, False) for p in paragraphs]
    for text, is_head in items:
        if not text or not text.strip() or is_furniture(text):
            continue
        folded, where = _fold_map(_blank(text))
        out.append(Segment(len(out), text, folded, where, is_head))
    return out


class _NameScanner:
    """`Registry.full_name_re.finditer`, faster: the regex is tried only where a match can start.

    A match starts after a character outside [\\w@#/] (the pattern's lookbehind), on the first
    character of one of the alternatives. At such a position only the alternatives whose first
    letter is that character (case-insensitively; all of them for a non-ASCII character) can
    match, so a regex of those alternatives, in the same order, gives the same match there.
    Where the segment's `starts` are known, only those positions are tried, each with the
    alternatives whose `_lead` starts the longest lead found there (at a non-ASCII character,
    those that start with one: no other can match there, the text holding no character of
    `CASE_ODD`).
    """

    _STARTS = re.compile(r"(?<![\w@#/])\S")

    def __init__(self, reg: Registry, words: Iterable[str]) -> None:
        head, tail = r"(?<![\w@#/])(?:", r")(?![\w])"
        self.reg = reg  # (its `full_name_re` is compiled only if a non-ASCII start needs it)
        pattern = reg.full_name_pattern
        self.parts: list[str] | None = None
        self.leads: list[str | None] = []
        self.groups: dict[tuple[str, str], re.Pattern[str] | None] = {}
        self.with_lead: dict[str, list[int]] = {}  # a lead -> the indexes of the parts that have it
        alternatives = _alternatives(words)
        body = "|".join(part for _, part in alternatives)
        if pattern == head + body + tail and all(part for _, part in alternatives) and "(" not in body:
            self.parts = [part for _, part in alternatives]
            self.leads = [_lead(word) for word, _ in alternatives]
            for index, own in enumerate(self.leads):
                if own is not None:
                    self.with_lead.setdefault(own, []).append(index)

    @staticmethod
    def _first(part: str) -> str:
        return (part[1] if part.startswith("\\") else part[0]).lower()

    def _group(self, key: str, lead: str = "") -> re.Pattern[str] | None:
        """The alternatives that may match at a character lower-cased to `key`; with `lead`,
        those whose lead starts it ("": any non-ASCII character but those of `CASE_ODD`)."""
        if (key, lead) not in self.groups:
            assert self.parts is not None
            if key:
                parts = [p for p in self.parts if self._first(p) == key or not self._first(p).isascii()]
            else:  # (in order, the parts whose own lead is a prefix of `lead`; at "": an empty lead)
                owns = [lead[:n] for n in range(1, len(lead) + 1)] if lead else [""]
                parts = [self.parts[i] for i in sorted(i for own in owns for i in self.with_lead.get(own, ()))]
            self.groups[key, lead] = (
                re.compile(r"(?<![\w@#/])(?:" + "|".join(parts) + r")(?![\w])", re.I) if parts else None
            )
        return self.groups[key, lead]

    def finditer(self, text: str, at_lead: dict[str | None, list[int]] | None = None) -> Iterable[re.Match[str]]:
        """The matches of the full regex, tried where a match can start: with `at_lead` (from
        `_Starts.find`), where a lead starts; else after every non-word character."""
        if self.parts is None:
            yield from self.reg.full_name_re.finditer(text)
            return
        found: list[re.Match[str]] = []
        if at_lead is None:
            for start in self._STARTS.finditer(text):
                key = text[start.start()].lower()
                rx = self._group(key) if key.isascii() else self.reg.full_name_re
                m = rx.match(text, start.start()) if rx is not None else None
                if m is not None and m.end() > m.start():
                    found.append(m)
        else:
            for lead, positions in at_lead.items():
                group = self._group("", lead or "")
                if group is not None:
                    found += [m for m in map(group.match, repeat(text), positions) if m and m.end() > m.start()]
            found.sort(key=lambda m: m.start())
        end = 0  # a match at each place, so `finditer`'s are those that do not overlap one before
        for m in found:
            if m.start() >= end:
                end = m.end()
                yield m


_SCANNERS: dict[int, tuple[Registry, _NameScanner]] = {}


def _full_names(reg: Registry, seg: Segment) -> Iterable[re.Match[str]]:
    """Matches of `reg.full_name_re` in the segment's text, as `finditer` gives them."""
    cached = _SCANNERS.get(id(reg))
    if cached is None or cached[0] is not reg:
        if len(_SCANNERS) > 8:
            _SCANNERS.clear()
        cached = _SCANNERS[id(reg)] = (reg, _NameScanner(reg, reg.full_names))
    return cached[1].finditer(seg.text, seg.at_lead if FULL_NAME in seg.starts else None)


def _find_full_names(doc: _Doc) -> None:
    """Registry full names and aliases."""
    for seg in doc.segs:
        for m in _full_names(doc.reg, seg):
            after = seg.text[m.end() : m.end() + 12]
            if re.match(r"\s*(?:Jr\b|/)", after):
                continue
            hit = doc.reg.by_key.get(name_key(m.group(0)))
            if hit and not doc.taken(seg.index, m.start(), m.end()):
                doc.add(seg, m.start(), m.end(), hit[0].name, hit[1], weak=bool(_TERM_AFTER_RE.match(after)))


def _given_name_before(text: str, start: int) -> tuple[str, int] | None:
    """The capitalised word right before `start` that may be a given name, with its offset."""
    m = re.search(r"([A-Z][a-z'-]+)\s+$", text[:start])
    if not m or m.group(1) in _STOP_NAME_WORDS or m.group(1).lower() in {"the", "his", "her"}:
        return None
    return m.group(1), m.start(1)


def _typo_of(given: str, person: Person) -> bool:
    """True if `given` is a (possibly mistyped) given name of `person`."""
    g = given.lower()
    limit = 1 if len(g) <= 4 else 2
    return any(edit_distance(g, n) <= limit for n in person.given_names)


def _pick(cands: Sequence[Person], doc: _Doc, title: str | None = None) -> Person | None:
    """Choose among people sharing a surname: one established in the text, else by office on date."""
    named = [p for p in cands if p.name in doc.named]
    if len(named) == 1:
        return named[0]
    pool = named or list(cands)
    if doc.when is not None:
        active = [p for p in pool if p.office_on(doc.when) is not None]
        if title:
            fitting = [p for p in active if _title_fits(p.office_on(doc.when), title)]
            active = fitting or active
        if len(active) == 1:
            return active[0]
    return pool[0] if len(pool) == 1 else None


def _title_fits(office: Office | None, title_text: str) -> bool:
    """True if `office` matches the title word written before a surname."""
    if office is None:
        return False
    t = TITLE_VARIANTS.get(re.sub(r"\s+", " ", title_text.strip(" .,").lower()), "")
    if t == FOREIGN:
        return office.title in FOREIGN_TITLES
    if t in {LEADER, ""}:
        return True
    return office.title == t or {office.title, t} <= {"Premier", "Prime Minister"}


def _find_titled_surnames(doc: _Doc) -> None:
    """Registry surnames after a title/honorific or after a (mistyped) given name."""
    for seg in doc.segs:
        for m in doc.surnames(seg):
            if doc.taken(seg.index, m.start(), m.end()) or seg.text[m.end() : m.end() + 1] == "/":
                continue
            cands = doc.reg.by_short.get(name_key(m.group(0)), ())
            before = seg.text[: m.start()]
            title = _TITLE_BEFORE_RE.search(before)
            given = _given_name_before(seg.text, m.start())
            if given and not title:
                fits = [p for p in cands if _typo_of(given[0], p)]
                if len(fits) == 1:
                    doc.add(seg, given[1], m.end(), fits[0].name, "registry-name-fuzzy")
                elif not fits:
                    _add_titled_other_given(doc, seg, m, cands, given[1])
                continue
            if title or (before.rstrip().endswith("'s") and doc.reg.possessive_re.search(before)):
                person = _pick(cands, doc, title.group(0) if title else None)
                if person:
                    weak = bool(_TERM_AFTER_RE.match(seg.text[m.end() : m.end() + 20]))
                    start = title.start() if title else m.start()
                    doc.add(seg, start, m.end(), person.name, "title-surname", weak)


def _add_titled_other_given(doc: _Doc, seg: Segment, m: re.Match[str], cands: Sequence[Person], given_at: int) -> None:
    """`President Mohamed Mohamud`: a title, a given name the registry does not know, a
    registry surname -> the one person of that surname holding that office on the date."""
    title = _TITLE_BEFORE_RE.search(seg.text[:given_at])
    if title is None:
        return

    written = TITLE_VARIANTS.get(re.sub(r"\s+", " ", title.group(0).strip(" .,").lower()))

    def head_office(p: Person) -> bool:  # the very office written, on the date (any day of theirs when undated)
        offices = [p.office_on(doc.when)] if doc.when is not None else list(p.offices)
        return any(o is not None and o.title in HEAD_TITLES and o.title == written for o in offices)

    holders = [p for p in cands if head_office(p)]
    if len(holders) == 1:
        doc.add(seg, title.start(), m.end(), holders[0].name, "title-surname")


def _clean_context_name(raw: str) -> str | None:
    """Canonical form of a context-found name (honorifics stripped), or None if not a name."""
    name = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Sayyid|Sheikh|Sir|Dame|Ambassador|H\.E)\.?\s+", "", raw.strip())
    name = re.sub(r"['’]s$", "", re.sub(r"\s+", " ", name))
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or any(t.strip(".") in _STOP_NAME_WORDS for t in tokens):
        return None
    if any(re.search(r"['’]s$", t) for t in tokens):  # "Egypt's Sinai Peninsula": a possessive, not a name
        return None
    return name


def _role_names(seg: Segment) -> Iterator[re.Match[str]]:
    """`_ROLE_NAME_RE.finditer(seg.text)`, tried only where a role word or the word before a
    "minister" starts."""
    roles, ministers = seg.starts.get(ROLE), seg.starts.get(MINISTER)
    if roles is None or ministers is None:
        return _ROLE_NAME_RE.finditer(seg.text)
    before = (_word_before(seg.text, pos) for pos in ministers)
    return matches_at(_ROLE_NAME_RE, seg.text, sorted({*roles, *(pos for pos in before if pos is not None)}))


def _word_before(text: str, pos: int) -> int | None:
    """Where the run of ASCII letters (in any case) that ends in spaces right before `pos` starts."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and "a" <= text[start - 1].lower() <= "z":
        start -= 1
    return start if start < end < pos else None


def _without_middle_names(reg: Registry, name: str) -> tuple[Person, str] | None:
    """The registry person a name with middle names or a suffix is (`Rodrigo Roa Duterte` ->
    Rodrigo Duterte: first and last word, less `Jr.`), with the rule; None if that is nobody
    in the registry."""
    words = name.split()
    while len(words) > 2 and re.fullmatch(r"(?:Jr|Sr|II|III|IV)\.?", words[-1]):  # `Tommy E. Remengesau Jr.`
        words.pop()
    hit = reg.by_key.get(name_key(f"{words[0]} {words[-1]}")) if len(words) > 1 and words != name.split()[:2] else None
    return (hit[0], "registry-middle-name") if hit else None


def _title_case(text: str) -> bool:
    """True if nearly every word of four or more letters starts with a capital."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _named_by_surname(doc: _Doc, name: str) -> Person | None:
    """The person already named in the report whose surname `name` spells another way (`Al
    Sissi` once `Abdel Fattah el-Sisi` is named), or None."""
    key = loose_key(name)
    people = [doc.reg.by_name[n] for n in sorted(doc.named) if n in doc.reg.by_name]
    fits = [p for p in people if any(loose_key(short) == key for short in p.short)]
    return fits[0] if len(fits) == 1 else None


MISSPELT_SURNAME_MIN = 5  # a surname this long may be written with one letter wrong (`Cyril Ramaphos`)


def _misspelt_surname(reg: Registry, name: str) -> Person | None:
    """The one registry person with `name`'s given name whose surname it spells one letter off
    (`Cyril Ramaphos`: Cyril Ramaphosa), or None."""
    words = name.split()
    if len(words) < 2 or len(words[-1]) < MISSPELT_SURNAME_MIN:
        return None
    given, surname = words[0].lower(), fold(words[-1]).lower()
    fits = {
        p.name: p
        for p in reg.by_given_name.get(given, ())
        for short in p.short
        if short[:1].lower() == surname[:1] and edit_distance(fold(short).lower(), surname) == 1
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


def _find_context_names(doc: _Doc) -> None:
    """People outside the registry, named after a role word or before an apposition."""
    for seg in doc.segs:
        # (in a headline in Title Case every word looks like a name: "President Hail Bilateral Ties")
        found = [] if seg.headline and _title_case(seg.text) else [(m, "context-role") for m in _role_names(seg)]
        if _APPOSITION_TAIL_RE.search(seg.text):
            found += [(m, "context-apposition") for m in _APPOSITION_RE.finditer(seg.text)]
        if "said " in seg.text or "says " in seg.text or "added " in seg.text:
            found += [(m, "context-speaker") for m in _SAID_NAME_RE.finditer(seg.text)]
        for m, rule in found:
            s, e = m.span("name")
            name = _clean_context_name(m.group("name"))
            if not name or doc.taken(seg.index, s, e) or re.match(r"\s*/", seg.text[e:]):
                continue
            if any(fold(w).lower() in doc.reg.country_by_word for w in (name, name.split()[0])):
                continue
            hit = doc.reg.by_key.get(name_key(name)) or _without_middle_names(doc.reg, name)
            loose = None if hit else doc.reg.by_loose_key.get(loose_key(name)) or _named_by_surname(doc, name)
            loose = loose or (None if hit else _misspelt_surname(doc.reg, name))
            hit = hit or ((loose, "registry-spelling") if loose else None)
            canonical = hit[0].name if hit else name
            doc.add(seg, s, e, canonical, hit[1] if hit else rule)
            doc.context_people.setdefault(name.split()[-1], canonical)


def _heads_in_office(people: Sequence[Person], when: dt.date | None) -> list[Person]:
    """Those of `people` who were a head of state or government on `when` (none if undated)."""
    if when is None:
        return []
    out = []
    for p in people:
        office = p.office_on(when)
        if office is not None and office.title in HEAD_TITLES:
            out.append(p)
    return out


# (the lookahead first, implied by what follows: a cheap test at each place)
_NAME_PAIR_RE = re.compile(r"(?=[A-Z])(?<![\w-])([A-Z][\w'’]+)[-–/]([A-Z][\w'’]+)(?![\w-])")
_NAME_PAIR_JOINS = ("-", "–", "/")  # every match of _NAME_PAIR_RE holds one of these


def _surname_person(doc: _Doc, word: str, established: set[str]) -> tuple[Person | None, str]:
    """The person a bare surname stands for here, and the rule: established in the text,
    else the one head of state or government of that name in office on the report's date."""
    everyone = doc.reg.by_short.get(name_key(word), ())
    cands = [p for p in everyone if p.name in established]
    if cands:
        return (cands[0] if len(cands) == 1 else _pick(cands, doc)), "surname"
    heads = _heads_in_office(everyone, doc.when)
    return (heads[0] if len(heads) == 1 else None), "surname-in-office"


def _find_bare_surnames(doc: _Doc) -> None:
    """Bare surnames of people the text has established (registry or context), and of
    sitting leaders; `Macron-Xi call` names both."""
    established = doc.named | {t.name for t in doc.titles}
    for seg in doc.segs:
        spans = [(m.start(), m.end()) for m in doc.surnames(seg)]
        pairs = _NAME_PAIR_RE.finditer(seg.text) if any(j in seg.text for j in _NAME_PAIR_JOINS) else ()
        for pair in pairs:
            if all(name_key(w) in doc.reg.by_short for w in pair.groups()):
                spans += [pair.span(1), pair.span(2)]
        for start, end in sorted(set(spans)):
            if doc.taken(seg.index, start, end):
                continue
            person, rule = _surname_person(doc, seg.text[start:end], established)
            if person:
                weak = bool(_TERM_AFTER_RE.match(seg.text[end : end + 20]))
                doc.add(seg, start, end, person.name, rule, weak)
        for surname, canonical in doc.context_people.items():
            if surname not in seg.text:  # (what every match holds: a cheap test first)
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", seg.text):
                if not doc.taken(seg.index, m.start(), m.end()):
                    doc.add(seg, m.start(), m.end(), canonical, "surname")


# ---------------------------------------------------------------------------- titles by date


def _title_alt() -> str:
    """Regex alternation of all title variants (case-insensitive group)."""
    return _alternation(TITLE_VARIANTS)


def _resolve(doc: _Doc, country: Country, title: str) -> Person | None:
    """The holder of `title` (canonical or pseudo) of `country` on the report date, or by context."""
    if title == LEADER:
        titles = country.leader_titles(doc.when)
    elif title == FOREIGN:
        titles = [country.foreign, "Foreign Minister"]
    elif title in {"Prime Minister", "Premier"}:
        titles = ["Prime Minister", "Premier"]
    else:
        titles = [title]
    for t in titles:
        person = _holder(doc, t, country.name)
        if person:
            return person
    return None


def _holder(doc: _Doc, title: str, of: str) -> Person | None:
    """Holder of one office on `when`; without a date, one named in the text or fixed by its years."""
    if doc.when is not None:
        found = doc.reg.holders(title, of, doc.when)
        return found[0] if found else None
    ever = doc.reg.holders(title, of, None)
    named = [p for p in ever if p.name in doc.named]
    if len(named) == 1:
        return named[0]
    by_year = {p.name: p for y in doc.years for p in doc.reg.holders(title, of, dt.date(y, 7, 1))}
    return next(iter(by_year.values())) if len(by_year) == 1 else None


def _counterpart_title(doc: _Doc, seg: Segment, start: int) -> str:
    """Pseudo-title for "his X counterpart": the subject's kind of office (leader or foreign)."""
    before = [r for r in doc.by_seg.get(seg.index, ()) if r.end <= start and not r.weak]
    if not before:
        return LEADER
    person = next((p for p in doc.reg.people if p.name == before[-1].name), None)
    office = person.office_on(doc.when) if person else None
    if office and office.title in FOREIGN_TITLES:
        return FOREIGN
    if office and office.title not in HEAD_TITLES:
        return office.title
    return LEADER


def _title_patterns(reg: Registry) -> tuple[re.Pattern[str], ...]:
    """Compiled patterns: "<adj> <title>", "<title> of <country>", plural titles (two forms).

    Their matches start with a PLACE, a TITLE, a TITLE and a PLACE word (see `_Starts`)."""
    t, adj, c = _title_alt(), reg.adjective_alt, reg.country_alt
    mod = r"(?:(?i:new|then|former|outgoing|incoming|current|interim|acting|ex)[\s-]+)?"
    filler = r"(?:(?:[a-z]+|Republic|Islamic|Federal|Democratic|People's|Arab|Socialist|Kingdom|State|of)\s+){0,6}?"
    plural = _alternation(_PLURAL_TITLES)
    clist = r"(?:the\s+)?(?:" + c + r")(?:\s*,\s*(?:the\s+)?(?:" + c + r"))*\s*,?\s+and\s+(?:the\s+)?(?:" + c + r")"
    alist = r"(?:" + adj + r")(?:\s*,\s*(?:" + adj + r"))*\s*,?\s+and\s+(?:" + adj + r")"
    return (
        re.compile(
            r"(?<![\w-])(?P<adj>" + adj + r"|(?P<poss>" + c + r")'s)\s+" + mod + r"(?P<title>(?i:" + t + r"))\b"
        ),
        re.compile(r"\b(?P<title>(?i:" + t + r"))\s+of\s+(?:the\s+)?" + filler + r"(?P<country>" + c + r")\b"),
        re.compile(r"\b(?P<title>(?i:" + plural + r"))\s+of\s+(?P<list>" + clist + r")\b"),
        re.compile(r"\b(?P<list>" + alist + r")\s+(?P<title>(?i:" + plural + r"))\b"),
    )


_TITLE_PATTERNS: dict[int, tuple[Registry, tuple[re.Pattern[str], ...]]] = {}


def _country_of(doc: _Doc, word: str) -> Country | None:
    """Country for a name/alias/adjective/seat as written (possessive stripped)."""
    return doc.reg.country_by_word.get(re.sub(r"'s$", "", fold(word)).lower().removeprefix("the "))


def _followed_by_name(text: str, end: int) -> bool:
    """True if a title at `end` is directly followed by a name ("French President Emmanuel Macron")."""
    nxt = re.match(r"\s*,?\s*(?:(?:Mr|Mrs|Ms|Dr|Sayyid)\.?\s+)?([A-Z][\w'-]*)", text[end:])
    return nxt is not None and nxt.group(1) not in {"On", "In", "And", "But", "The", "Said", "Says"}


def _find_titles(doc: _Doc) -> None:
    """Unnamed office references resolved by date into `doc.titles`."""
    cached = _TITLE_PATTERNS.get(id(doc.reg))
    if cached is None or cached[0] is not doc.reg:  # built once per registry, not per call
        if len(_TITLE_PATTERNS) > 8:
            _TITLE_PATTERNS.clear()
        cached = _TITLE_PATTERNS[id(doc.reg)] = (doc.reg, _title_patterns(doc.reg))
    pats = cached[1]
    for seg in doc.segs:
        # (a match of the two that start at a place word holds a title word after it)
        for m in seg.scan(PLACE, pats[0], then=TITLE):
            modifier = re.search(r"(?i:former|then|outgoing|ex)", m.group(0))
            if modifier or _followed_by_name(seg.text, m.end()):
                continue
            self_title = TITLE_VARIANTS.get(re.sub(r"\s+", " ", m.group("title").lower()), "")
            if self_title == COUNTERPART:
                self_title = _counterpart_title(doc, seg, m.start())
            _add_title(doc, seg, m, _country_of(doc, m.group("adj")), self_title, "title-by-date")
        for m in seg.scan(TITLE, pats[1]):
            if _followed_by_name(seg.text, m.end()):
                continue
            self_title = TITLE_VARIANTS.get(re.sub(r"\s+", " ", m.group("title").lower()), "")
            _add_title(doc, seg, m, _country_of(doc, m.group("country")), self_title, "title-by-date")
        for kind, rx, then in ((TITLE, pats[2], ""), (PLACE, pats[3], TITLE)):
            for m in seg.scan(kind, rx, then):
                title = _PLURAL_TITLES[re.sub(r"\s+", " ", m.group("title").lower())]
                words = re.split(r"\s*,\s*|\s+and\s+", m.group("list"))
                for w in (w.strip(" ,") for w in words):
                    if w and not w.startswith("and"):
                        _add_title(doc, seg, m, _country_of(doc, w), title, "plural-title")
        _find_fixed_titles(doc, seg)


@lru_cache(maxsize=1)
def _fixed_titles_re() -> re.Pattern[str]:
    """Any of FIXED_TITLES (compiled once)."""
    return re.compile(r"\b(?i:" + _alternation(FIXED_TITLES) + r")\b")


def _find_fixed_titles(doc: _Doc, seg: Segment) -> None:
    """Titles that name their body themselves ("European Commission President")."""
    for m in seg.scan(FIXED_TITLE, _fixed_titles_re()):
        if _followed_by_name(seg.text, m.end()):
            continue
        title, of = FIXED_TITLES[re.sub(r"\s+", " ", m.group(0).lower())]
        body = next((c for c in doc.reg.countries if c.name == of), None)
        _add_title(doc, seg, m, body, title, "title-by-date")


def _add_title(doc: _Doc, seg: Segment, m: re.Match[str], country: Country | None, title: str, rule: str) -> None:
    """Resolve one title reference and record it when a holder is found."""
    if country is None or not title:
        return
    person = _resolve(doc, country, title)
    if person:
        text = seg.original(m.start(), m.end())
        doc.titles.append(Ref(person.name, seg.index, m.start(), m.end(), rule, text, unnamed=True))


# ---------------------------------------------------------------------------- participants


def _is_filler(doc: _Doc, text: str) -> bool:
    """True if `text` holds only titles, country words, articles and connectives."""
    words = re.findall(r"[A-Za-z]+", re.sub(r"\b(?:[A-Z]\.)+|\b[A-Z]{2,}\b|\d+", " ", text))
    return all(w.lower() in doc.reg.filler_words for w in words)


def _coordinated(doc: _Doc, text: str, a: Ref, b: Ref) -> bool:
    """True if `b` follows `a` as a coordinated name ("A and B", "A, B", "A of X and B")."""
    gap = text[a.end : b.start]
    if gap in ("-", "–", "/"):  # "Macron-Xi call", "Putin–Erdogan talks"
        return True
    return bool(re.search(r"(?:^|\s|,)(?:and|&)\s|^\s*,\s*", gap)) and _is_filler(doc, gap) and len(gap) < 80


def _sentence_participants(doc: _Doc, seg: Segment, span: tuple[int, int], refs: list[Ref]) -> list[tuple[Ref, str]]:
    """Participants named in one lede sentence, with the rule that made them participants."""
    text = seg.text
    out: list[tuple[Ref, str]] = [(r, "plural-title") for r in refs if r.rule == "plural-title"]
    refs = [r for r in refs if r.rule != "plural-title" and not _possessive_background(text, r)]
    if not refs:
        return out
    has_cue = next(seg.cues(span), None) is not None
    cued = _cue_participants(doc, seg, span, refs)
    if len({r.name for r, _ in cued}) >= 2:
        # "A meeting between X and Y ..., with X and Z accusing Y": the talk cue names the
        # parties; other coordinated names in the sentence are people, not participants.
        return out + cued
    out += _coordination_participants(doc, text, span, refs, has_cue)
    out += cued
    if seg.headline:
        m = re.search(r"\bto\s+$", text[refs[0].end : refs[1].start]) if len(refs) > 1 else None
        if m and text[refs[1].end : refs[1].end + 2].lstrip().startswith(":"):
            out += [(refs[0], "talk-verb"), (refs[1], "talk-verb")]
    return out


def _possessive_background(text: str, r: Ref) -> bool:
    """True for "Trump's inauguration"-style mentions (possessive not followed by a talk noun)."""
    m = re.match(r"'s?\s+(\w+)", text[r.end : r.end + 30])
    return m is not None and not _CUE_RE.fullmatch(m.group(1))


def _coordination_participants(
    doc: _Doc, text: str, span: tuple[int, int], refs: list[Ref], has_cue: bool
) -> list[tuple[Ref, str]]:
    """Groups of coordinated names that are the subject of the sentence or sit beside a talk cue."""
    out: list[tuple[Ref, str]] = []
    group = [refs[0]]
    for prev, cur in pairwise(refs):
        if _coordinated(doc, text, prev, cur):
            group.append(cur)
            continue
        out += _qualify_group(doc, text, span, group, has_cue)
        group = [cur]
    out += _qualify_group(doc, text, span, group, has_cue)
    return out


def _qualify_group(
    doc: _Doc, text: str, span: tuple[int, int], group: list[Ref], has_cue: bool
) -> list[tuple[Ref, str]]:
    """Coordinated `group` as participants if it is a real group in a talks context."""
    if len({r.name for r in group}) < 2:
        return []
    before = text[span[0] : group[0].start]
    if _BACKGROUND_BEFORE_RE.search(before):
        return []
    at_start = _is_filler(doc, re.sub(r"^.*?(?:—|–|:|/TASS/\.?|\)\s*-)\s*", "", before))
    return [(r, "coordination") for r in group] if (has_cue or at_start) else []


def _cue_participants(doc: _Doc, seg: Segment, span: tuple[int, int], refs: list[Ref]) -> list[tuple[Ref, str]]:
    """Subject and objects of the first talk cue that has a named object."""
    text = seg.text
    for cue in seg.cues(span):
        objects = [
            r
            for r in refs
            if r.start >= cue.end() and _object_gap(text[cue.end() : r.start]) and not _reporting_voice(text, r)
        ]
        if not objects:
            if _SOLO_CUE_RE.fullmatch(cue.group(0)) and refs[0].end <= cue.start() and len(refs) == 1:
                return [(refs[0], "talk-verb")]
            continue
        chain = [objects[0]]
        for r in refs[refs.index(objects[0]) + 1 :]:
            if _coordinated(doc, text, chain[-1], r):
                chain.append(r)
        subject = [r for r in refs if r.end <= cue.start()][:1]
        if subject and _BACKGROUND_BEFORE_RE.search(text[span[0] : subject[0].start]):
            subject = []
        rule = "counterpart" if "counterpart" in text[cue.end() : chain[0].end].lower() else "talk-verb"
        return [(r, "talk-verb") for r in subject] + [(r, rule) for r in chain]
    return []


_VOICE_BEFORE_RE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|press\s+secretary|aide|adviser|advisor|correspondent|reporter)\s+$", re.I
)
_VOICE_AFTER_RE = re.compile(r"^\s*(?:said|says|told|stated|noted|added|wrote|reported)\b")


def _reporting_voice(text: str, r: Ref) -> bool:
    """True for a name that reports on the talks ("..., Kremlin spokesman Dmitry Peskov said")."""
    return bool(_VOICE_BEFORE_RE.search(text[max(0, r.start - 40) : r.start]) or _VOICE_AFTER_RE.match(text[r.end :]))


def _object_gap(gap: str) -> bool:
    """True if a name after a talk cue is its object: close, and not behind "after"/"amid"...

    Titles and honorifics in between ("President of the United States of America, H.E. Mr.")
    do not count towards the distance: only lower-case words other than of/the/and do."""
    plain = [w for w in gap.split() if w[:1].islower() and w.lower() not in {"of", "the", "and"}]
    return len(plain) <= 8 and not re.search(
        r"\b(?:after|before|since|amid|while|when|whereas|following|ahead|than|because|but|said|says)\b", gap, re.I
    )


def _covers(outer: Ref, inner: Ref) -> bool:
    """True if name mention `outer` spans the unnamed reference `inner`."""
    return not outer.unnamed and outer.start <= inner.start and inner.end <= outer.end


def _participants(doc: _Doc) -> list[tuple[Ref, str]]:
    """Participants from the headline and the first paragraphs that name people."""
    everything = sorted(doc.refs + doc.titles, key=lambda r: (r.seg, r.start))
    chosen: list[tuple[Ref, str]] = []
    body_seen = 0
    for seg in doc.segs:
        refs = [r for r in everything if r.seg == seg.index and not r.weak]
        if not refs:
            continue
        for span in sentence_spans(seg.text):
            inside = [r for r in refs if span[0] <= r.start < span[1]]
            inside = [r for r in inside if not (r.unnamed and any(_covers(o, r) for o in inside))]
            chosen += _sentence_participants(doc, seg, span, inside)
            if not seg.headline and inside and len({r.name for r, _ in chosen}) >= 2:
                return chosen
        body_seen += not seg.headline
        if body_seen >= 3:
            break
    return chosen


def _fallback(doc: _Doc, names: list[str]) -> list[str]:
    """Top up to two participants with the most-mentioned heads of state/government."""
    counts: dict[str, int] = {}
    for r in doc.refs:
        if not r.weak:
            counts[r.name] = counts.get(r.name, 0) + 1
    people = doc.reg.by_name
    for name, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        if len(names) >= 2:
            break
        office = people[name].office_on(doc.when) if name in people else None
        if n >= 2 and name not in names and office and office.title in HEAD_TITLES:
            names.append(name)
    return names


# ---------------------------------------------------------------------------- entry point


@dataclass(frozen=True)
class PeopleFinding:
    """Participants of the talks and other people the report discusses (disjoint lists)."""

    participants: list[Found]
    people: list[Found]


_YEAR = re.compile(r"(?=[12])\b(19[5-9]\d|20[0-4]\d)\b")  # (the lookahead: a cheap test at each place)


def find_people(
    headline: str | None,
    paragraphs: Sequence[str],
    when: dt.date | None,
    registry: Registry | None = None,
) -> PeopleFinding:
    """Find participants and other people in a cleaned report.

    `headline` and `paragraphs` are cleaned text; `when` is the report date (resolves titles such
    as "the French President"). Returns `Found` records whose value is the canonical name.
    """
    reg = registry or load_registry()
    segs = _segments(headline, paragraphs)
    for seg in segs:
        seg.starts, seg.at_lead = reg.starts.find(seg.text)
    doc = _Doc(reg, when, segs)
    doc.years = {int(y) for s in segs for y in _YEAR.findall(s.text)}
    _find_full_names(doc)
    _find_titled_surnames(doc)
    _find_context_names(doc)
    _find_titles(doc)
    _find_bare_surnames(doc)
    return _finding(doc)


def _finding(doc: _Doc) -> PeopleFinding:
    """Assemble the PeopleFinding from the collected references."""
    picked = _participants(doc)
    names: list[str] = []
    for ref, _ in picked:
        if ref.name not in names:
            names.append(ref.name)
    names = _fallback(doc, names)
    first: dict[str, Ref] = {}
    for r in sorted(doc.refs, key=lambda r: (r.seg, r.start)):
        if not r.weak:
            first.setdefault(r.name, r)
    participants = []
    for name in names:
        made = next(((ref, rule) for ref, rule in picked if ref.name == name), None)
        ref, rule = made if made else (first[name], "frequency")
        participants.append(Found(name, f"{rule}/{ref.rule}", ref.text))
    people = [Found(n, r.rule, r.text) for n, r in first.items() if n not in names]
    return PeopleFinding(participants, people)


_REGNAL_NUMBER = re.compile(r"[IVX]+")


_MONARCH_STYLE = re.compile(r"^(?:King|Queen|Emperor|Empress)(?:\s+(?:[A-Z][\w-]*|[IVX]+))+$")  # `King Salman`


def short_name(name: str, registry: Registry | None = None) -> str:
    """Canonical name -> the short form a headline uses ("Vladimir Putin" -> "Putin",
    "Xi Jinping" -> "Xi", "Charles III" -> "King Charles", "Salman bin Abdulaziz Al Saud" ->
    "King Salman"): the registry's first surname form, else a monarch's shortest styled alias
    less its regnal number, else the last word (less a regnal number)."""
    registry = registry or load_registry()
    found = registry.by_key.get(name_key(name))
    if found and found[0].short:
        return found[0].short[0]
    styled = sorted((a for a in found[0].aliases if _MONARCH_STYLE.match(a)), key=len) if found else []
    if styled:  # "King Charles III" -> "King Charles"
        words = styled[0].split()
        return " ".join(words[:-1] if _REGNAL_NUMBER.fullmatch(words[-1]) else words)
    words = name.split()
    if len(words) > 1 and _REGNAL_NUMBER.fullmatch(words[-1]):  # "King Charles III" -> "King Charles"
        return " ".join(words[:-1])
    return words[-1] if words else name
