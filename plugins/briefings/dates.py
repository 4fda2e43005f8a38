"""Dates: find date expressions in text, infer missing years, and pick the report's date.

Pure functions over strings and `CleanDoc`. The report's date comes, in order of trust, from
a leaked ` date YYYY-MM-DD` prefix, a header line next to the headline (or a byline date),
the dateline (`MOSCOW, June 26. /TASS/`), or the lede's own words; a missing year is inferred
from the years the text mentions and its weekday words, and marked `inferred`. Dates in page
chrome, captions of other events and background paragraphs are never used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .model import CAPTION, CHROME, DATE_LINE, HEADLINE, PARAGRAPH, SOURCE_LINE, Block, CleanDoc, Found

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Russian month names by their first three letters (`февраля`, `мая`), as Russian-language pages print them
CYRILLIC_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "май": 5, "мая": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = (
    r"(?P<{g}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|(?:янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[а-я]{{0,5}})\.?"  # (Russian: `26 фев 2021`)
)
_WEEKDAY = r"(?:(?P<wd>Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS = [
    re.compile(r"\b(?P<y1>(?:19|20)\d\d)([-/.])(?P<m1>[01]\d)\2(?P<d1>[0-3]\d)(?:\b|(?=T\d))"),  # (ISO: ...T17:42Z)
    # `2022 Nov. 17` alone on its line: the year first (Korean and Japanese government pages)
    re.compile(
        r"(?m)^\s*" + _YEAR.format(g="y5") + r"\s+" + _MONTH.format(g="mn5") + r"\s+" + _DAY.format(g="d5") + r"\s*$",
        re.I,
    ),
    re.compile(
        r"\b"
        + _WEEKDAY
        + _DAY.format(g="d2")
        + r"\s+(?:of\s+)?"
        + _MONTH.format(g="mn2")
        + r"(?:,?\s+"
        + _YEAR.format(g="y2")
        + r")?\b",
        re.I,
    ),
    re.compile(
        r"\b"
        + _WEEKDAY
        + _MONTH.format(g="mn3")
        + r"\s+"
        + _DAY.format(g="d3")
        + r"(?!\d)(?:(?:,?\s+|,(?=(?:19|20)\d\d\b(?![,.]\d|\s+[a-z])))"  # (`Apr 20,2023` too; not a count)
        + _YEAR.format(g="y3")
        + r")?\b",
        re.I,
    ),
    # d/m/y, d.m.y, d-m-y (m/d/y if d > 12)
    re.compile(r"\b(?P<d4>[0-3]?\d)(?P<sep4>[/.-])(?P<m4>[0-3]?\d)(?P=sep4)(?P<y4>(?:19|20)\d\d)\b"),
]
_DIGIT = re.compile(r"\d")
_YEAR_WORD = re.compile(r"(?<![\d-])(?:19[5-9]\d|20[0-4]\d)(?![\d-])")
_WEEKDAY_WORD = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_PREFIX_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_TALK = re.compile(
    r"\b(talks?|talked|met|meet|meeting|summit|call(?:ed)?|conversation|spoke|speak|discuss(?:ed|ion)?"
    r"|visit(?:ed)?|held|hosted|negotiations|videoconference|video call|phone)\b",
    re.I,
)


@dataclass(frozen=True)
class DateHit:
    """A date expression found in text. `year` may be None (`December 22`)."""

    text: str
    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None = None  # 0 = Monday, as in datetime

    def date(self, year: int | None = None) -> dt.date | None:
        """The calendar date, using `year` when the text gave none; None if impossible."""
        try:
            return dt.date(self.year or year or 0, self.month, self.day)
        except ValueError:
            return None


def _month_number(word: str) -> int:
    low = word.lower()
    if not low.isascii():
        return CYRILLIC_MONTHS[low[:3]]
    return MONTHS[low.rstrip(".")[:4] if low.startswith("sept") else low[:3]]


def _weekday_number(word: str | None) -> int | None:
    if not word:
        return None
    return next((i for i, name in enumerate(WEEKDAYS) if name.startswith(word.lower()[:3])), None)


def _hit(m: re.Match[str]) -> DateHit | None:
    g = {k: v for k, v in m.groupdict().items() if v}
    year: int | None
    try:
        if "y1" in g:
            year, month, day = int(g["y1"]), int(g["m1"]), int(g["d1"])
        elif "d4" in g:
            day, month, year = int(g["d4"]), int(g["m4"]), int(g["y4"])
            if month > 12 and day <= 12:
                day, month = month, day
        else:
            key = "2" if "mn2" in g else "5" if "mn5" in g else "3"
            month = _month_number(g["mn" + key])
            day = int(g["d" + key])
            year = int(g["y" + key]) if "y" + key in g else None
    except (KeyError, ValueError):
        return None
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    hit = DateHit(m.group(0), m.start(), m.end(), year, month, day, _weekday_number(g.get("wd")))
    return hit if hit.date(2000 if year is None else None) else None


def has_digit(text: str) -> bool:
    """Whether `text` holds any digit (every date expression does)."""
    return _DIGIT.search(text) is not None


def find_dates(text: str) -> list[DateHit]:
    """All date expressions in `text`, in order, without overlaps (longest first wins)."""
    return list(_dates_in(text)) if has_digit(text) else []


@lru_cache(maxsize=4096)
def _dates_in(text: str) -> tuple[DateHit, ...]:
    """`find_dates`, remembered: cleaning and the date, source and location rules ask about
    the same lines and blocks again and again (the hits are frozen)."""
    hits: list[DateHit] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            hit = _hit(m)
            if hit and not any(h.start < hit.end and hit.start < h.end for h in hits):
                hits.append(hit)
    return tuple(sorted(hits, key=lambda h: h.start))


def prefix_date(text: str) -> tuple[str | None, str]:
    """Split a leaked ` date YYYY-MM-DD` prefix off a seed: (iso date or None, rest of text)."""
    m = _PREFIX_DATE.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end() :].lstrip(" \t")


def years_mentioned(text: str) -> list[int]:
    """Four-digit years (1950-2049) the text mentions, in order."""
    return [int(y) for y in _YEAR_WORD.findall(text)]


def weekdays_mentioned(text: str) -> list[int]:
    """Weekday words in the text ("said Tuesday"), as datetime weekday numbers, in order."""
    return [WEEKDAYS.index(w.lower()) for w in _WEEKDAY_WORD.findall(text)]


def infer_year(month: int, day: int, weekdays: list[int], years: list[int]) -> tuple[int | None, str]:
    """Pick the year of a month/day given weekday words and years the text mentions.

    Candidates run from three years before the latest year mentioned to two after it; with a
    weekday word, a candidate must put the day on that weekday. A report comes after the
    events it mentions, so candidates from the latest year on are preferred. Without a
    weekday word the year stays unknown.
    Returns (year or None, explanation).
    """
    if not years:
        return None, "no year mentioned in the text"
    latest = max(years)
    candidates = [y for y in range(max(min(years), latest - 3), latest + 3) if _valid(y, month, day)]
    if weekdays:
        fitting = [y for y in candidates if dt.date(y, month, day).weekday() in weekdays]
        if not fitting:
            return None, "no year near those mentioned fits the weekday"
        later = [y for y in fitting if y >= latest]
        year = later[0] if later else fitting[-1]
        wd = WEEKDAYS[dt.date(year, month, day).weekday()].title()
        return (
            year,
            f"years mentioned up to {latest}; {day} {dt.date(year, month, 1):%B} {year} was a {wd}, as the text says",
        )
    # Without a weekday nothing ties the day to a year: the years a report names are mostly
    # of earlier events ("his first visit since the killing in 2018"), so none is guessed.
    return None, f"no weekday to confirm a year (years mentioned up to {latest})"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _resolved(hit: DateHit, weekdays: list[int], years: list[int]) -> tuple[dt.date | None, str]:
    if hit.year:
        return hit.date(), ""
    wds = [hit.weekday] if hit.weekday is not None else weekdays
    year, why = infer_year(hit.month, hit.day, wds, years)
    return (hit.date(year) if year else None), why


def _header_order(doc: CleanDoc) -> list[Block]:
    """The header's date and source lines, the likeliest to date the report first: those under
    the headline (a byline date), then those above it from the nearest up (a site's date bar
    of the day it was read stands at the very top of the page)."""
    lines = [(i, b) for i, b in enumerate(doc.blocks) if b.kind in (DATE_LINE, SOURCE_LINE)]
    top = next((i for i, b in enumerate(doc.blocks) if b.kind == HEADLINE), -1)
    return [b for i, b in lines if i > top] + [b for i, b in reversed(lines) if i < top]


def _header_date(doc: CleanDoc, weekdays: list[int], years: list[int]) -> Found | None:
    """The date of a header line; a header without a year (`June 15, 14:09 UTC+3`) gets one
    inferred from the text."""
    for block in _header_order(doc):
        hits = find_dates(block.text)
        if len(hits) == 2 and re.fullmatch(r"\s*[-–—]\s*|\s+to\s+", block.text[hits[0].end : hits[1].start]):
            continue  # a period (`Period of Service: 15/09/2015 - 24/08/2018`), not a day
        for hit in hits:
            if hit.year:
                return Found(hit.date(), "header", block.text)
            day, why = _resolved(hit, weekdays, years)
            if day:
                return Found(day, "inferred", f"{block.text} ({why})")
    return _stamp_date(doc)


TAIL_REASON = "short line after the article"  # set by clean._trim_tail
EMBEDDED_POST_REASON = "an embedded post and its sign-off"  # set by clean._classify_line
_STAMP = re.compile(
    r"^(?:this\s+(?:article|story|report)\s+was\s+)?(?:published|posted|first published|publish(?:ed)?\s+date)"
    r"(?:\s+on)?\b",
    re.I,
)  # (`This article was first published on November 22, 2015.` under a reprint)
_UPDATED = re.compile(r"^(?:last\s+)?updated(?:\s+on)?\b", re.I)


def _stamp_date(doc: CleanDoc, labelled_only: bool = False) -> Found | None:
    """A `Published On 28 Apr 2015` stamp, or (unless `labelled_only`) a date alone on the
    last lines of the page (official readouts put it under the text)."""
    for block in doc.blocks:
        if block.kind != CHROME:
            continue
        hit = next((h for h in find_dates(block.text) if h.year), None)
        if hit is None:
            continue
        rest = [w for w in block.text.replace(hit.text, "").split() if any(c.isalnum() for c in w)]
        alone = block.reason == TAIL_REASON and len(rest) <= 1  # (a time may follow: `, 07:58`)
        if _STAMP.match(block.text) or (alone and not labelled_only):
            return Found(hit.date(), "header", block.text)
    return None


def _stamp_over_date_bar(header: Found, doc: CleanDoc) -> Found:
    """The page's `Publish Date :` stamp instead of an unlabelled header date days after it
    (a site's bar with the day the page was read: `Tuesday, January 13th, 2026`)."""
    if _STAMP.match(header.text) or not isinstance(header.value, dt.date):
        return header
    stamp = _stamp_date(doc, labelled_only=True)
    later = stamp is not None and isinstance(stamp.value, dt.date) and (header.value - stamp.value).days
    return stamp if stamp is not None and later and later > DATELINE_SLACK_DAYS else header


def _updated_date(doc: CleanDoc) -> Found | None:
    """The date of an `Updated: 2015-12-29 09:32` stamp above the article, when the page gives
    no other (an update is often days or years after the report)."""
    first = next((i for i, b in enumerate(doc.blocks) if b.kind == PARAGRAPH), len(doc.blocks))
    for block in doc.blocks[:first]:
        if block.kind == CHROME and _UPDATED.match(block.text):
            hit = next((h for h in find_dates(block.text) if h.year), None)
            if hit is not None:
                return Found(hit.date(), "header", block.text)
    return None


def _dateline_date(lede: str, weekdays: list[int], years: list[int]) -> Found | None:
    """A date in the first 120 characters of the lede, as in `MOSCOW, June 26. /TASS/.`"""
    for hit in find_dates(lede[:120]):
        if hit.start > 60:
            break
        day, why = _resolved(hit, weekdays, years)
        if day:
            rule = "dateline" if hit.year else "inferred"
            return Found(day, rule, lede[: hit.end + 12].strip() + (f" ({why})" if why else ""))
    return None


DATELINE_SLACK_DAYS = 3  # a page may be dated a few days after its dateline


def _dateline_disagrees(header: Found, lede: str) -> bool:
    """True if the lede's dateline names a day that the header's date is not (within a few
    days): the header is then the page's (a crawl's date bar), not the report's."""
    when = header.value
    hit = next((h for h in find_dates(lede[:120]) if h.start <= 60), None)
    if hit is None or not isinstance(when, dt.date):
        return False
    days = [hit.date()] if hit.year else [hit.date(when.year + k) for k in (-1, 0, 1)]
    return all(d is None or abs((when - d).days) > DATELINE_SLACK_DAYS for d in days)


# the sign-off of an embedded post: `— Andrzej Duda (@AndrzejDuda) February 21, 2025`, or of a
# Facebook one: `... Posted by ARY News on Thursday, November 21, 2019`
_POST_SIGNOFF = re.compile(
    r"^[—–-]{1,2}\s*[^()\n]{1,60}\(@\w{1,30}\)\s+(?P<when>.{6,30})$"
    r"|\bPosted by\s[^.!?]{2,60}?\son\s(?P<fb>(?:[A-Z][a-z]+day,\s)?[A-Z][a-z]+\s\d{1,2},\s\d{4})$"
)


def _embedded_post_date(doc: CleanDoc) -> Found | None:
    """The date of the first post embedded in the article (a leader's own `President X called
    me` or a reporter's `In Davos today, ...`), when nothing else dates the report."""
    for text in [b.text for b in doc.blocks if b.kind == PARAGRAPH or b.reason == EMBEDDED_POST_REASON]:
        m = _POST_SIGNOFF.search(text.strip())
        hit = next((h for h in find_dates(m.group("when") or m.group("fb")) if h.year), None) if m else None
        if hit is not None and hit.date() is not None:
            return Found(hit.date(), "inferred", f"embedded post: {text.strip()}")
    return None


def _talks_day(doc: CleanDoc) -> Found | None:
    """A full date (with its year) in the lede's sentence about the talks: `received a phone
    call on Friday 16/8/2024 from US President Joe Biden`."""
    for sentence in re.split(r"(?<=[.!?])\s+", doc.lede):
        if _TALK.search(sentence):
            hit = next((h for h in find_dates(sentence) if h.year), None)
            day = hit.date() if hit else None
            if day is not None:
                return Found(day, "inferred", sentence.strip()[:200])
    return None


def _event_date(doc: CleanDoc, weekdays: list[int], years: list[int]) -> Found | None:
    """A date in a lede sentence about the talks, or a full date on the talks' weekday."""
    body = doc.paragraphs
    for para in body[:2]:
        for sentence in re.split(r"(?<=[.!?])\s+", para):
            if not _TALK.search(sentence):
                continue
            for hit in find_dates(sentence):
                day, why = _resolved(hit, weekdays, years)
                if day and (hit.year or hit.weekday is not None or why):
                    return Found(day, "inferred", sentence.strip()[:200] + (f" ({why})" if why else ""))
    lede_weekdays = weekdays_mentioned(" ".join(body[:2]))
    if not lede_weekdays:
        return None
    # A full date elsewhere (an embedded post, a caption of the same event) that falls on the
    # weekday the lede gives for the talks.
    texts = [*body, *(b.text for b in doc.of_kind(CAPTION))]
    for text in texts:
        for hit in find_dates(text):
            day = hit.date()
            if hit.year and day and day.weekday() == lede_weekdays[0]:
                return Found(day, "inferred", f"{hit.text} (a {WEEKDAYS[day.weekday()].title()}, as in the lede)")
    return None


EARLIEST_YEAR = 1990  # the first year a date of the talks is looked for in (`date_from_terms`)


def _undated_hits(doc: CleanDoc) -> list[tuple[DateHit, str, bool]]:
    """Month-day dates without a year that can be the report's or the talks' date (a header
    line, the dateline, or a lede sentence about the talks that gives the weekday too): (hit,
    the text it is in, whether it is the report's own date: a header line or the dateline)."""
    found = [(h, b.text, True) for b in doc.of_kind(DATE_LINE) for h in find_dates(b.text)]
    lede = doc.lede
    found += [(h, lede[: h.end + 12].strip(), True) for h in find_dates(lede[:120]) if h.start <= 60]
    for para in doc.paragraphs[:2]:
        for sentence in re.split(r"(?<=[.!?])\s+", para):
            if _TALK.search(sentence):  # (with its weekday: "in Sochi on Friday, November 26")
                found += [(h, sentence.strip()[:200], False) for h in find_dates(sentence) if h.weekday is not None]
    return [item for item in found if item[0].year is None]


def date_from_terms(doc: CleanDoc, in_office: Callable[[dt.date], bool], until: dt.date, names: str) -> Found | None:
    """The year of a month-day date (`MOSCOW, December 22. /TASS/`) from the terms in office of
    the talks' participants: the one year from EARLIEST_YEAR to `until` in which the day falls
    while all of them held office (`in_office`) and on the weekday the text gives (else, for a
    dateline's day, the day after it: the report of the talks). None when no year or more than
    one fits."""
    # the talks' weekday: the first the lede names (later ones are of other days: "until Friday")
    lede_weekdays = set(weekdays_mentioned(" ".join(doc.paragraphs[:2]))[:1])
    for hit, text, report_day in _undated_hits(doc):
        days = [
            day
            for year in range(EARLIEST_YEAR, until.year + 1)
            if (day := hit.date(year)) is not None and day <= until and in_office(day)
        ]
        if hit.weekday is not None:
            tiers = [{hit.weekday}]
        elif lede_weekdays:  # the talks' weekday; the report may be dated the day after
            tiers = [lede_weekdays] + ([{(w + 1) % 7 for w in lede_weekdays}] if report_day else [])
        else:
            tiers = [set(range(7))]
        for weekdays in tiers:
            fitting = [day for day in days if day.weekday() in weekdays]
            if len(fitting) == 1:
                day = fitting[0]
                why = f"the only {day:%d %B} ({WEEKDAYS[day.weekday()].title()}) while {names} held office"
                return Found(day, "inferred", f"{text} ({why})")
            if fitting:
                break
    return None


def extract_date(doc: CleanDoc) -> tuple[Found, str]:
    """The report's date and its `date_source` for a cleaned document.

    Returns (Found(value=date or None, rule, matched text), date_source).
    """
    if doc.prefix_date:
        return Found(dt.date.fromisoformat(doc.prefix_date), "prefix", f"date {doc.prefix_date}"), "prefix"
    text = "\n".join(doc.paragraphs)
    years = years_mentioned(text)
    weekdays = weekdays_mentioned(" ".join(doc.paragraphs[:2]))
    header = _header_date(doc, weekdays, years)
    lede = doc.lede
    if header and not _dateline_disagrees(header, lede):
        header = _stamp_over_date_bar(header, doc)
        talks = _talks_day(doc)
        late = talks is not None and isinstance(header.value, dt.date) and header.value - talks.value
        if late and late.days > DATELINE_SLACK_DAYS:  # a page put up long after (a repost): the talks' day
            return talks, talks.rule
        return header, header.rule
    found = (
        _dateline_date(lede, weekdays, years)
        or _event_date(doc, weekdays, years)
        or _embedded_post_date(doc)
        or _updated_date(doc)
    )
    if found:
        return found, found.rule
    return Found(None, "none", "no date in the headline, header, dateline or lede"), "none"
