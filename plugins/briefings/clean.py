"""Cleaning: split a seed's text into blocks and classify each one.

Text in, `CleanDoc` out. A block is a headline, standfirst, paragraph, subheading, photo
caption, header date line, `Source:` line, or page chrome; every block keeps the reason it
got its kind, so an editor can see why a line was dropped. The chrome vocabulary is YAML data
(`registry/chrome.yaml`); the rules here are about the shape of a page, not about any site.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from . import dates
from .model import (
    CAPTION,
    CHROME,
    DATE_LINE,
    HEADLINE,
    PARAGRAPH,
    SOURCE_LINE,
    STANDFIRST,
    SUBHEADING,
    Block,
    CleanDoc,
)
from .wordtrie import CASE_ODD_RE
from .yamlio import load_yaml

REGISTRY = Path(__file__).parent / "registry"

_BULLET = re.compile(r"^[•·▪●*\-–—]\s+")
_QUOTE_MARK = re.compile(r"^[>»›|]+\s*")  # a leaked blockquote, link arrow or bar: `>Related articles`
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.U)
_FULL_STOP = re.compile(r"[.!?…:;][\"'”’»)\]]*$")  # punctuation ends the line (closing marks may follow)
QUOTED_END_WORDS = 16  # a shorter line ending in a bare closing quote may be a headline ('... further’')
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
_RELATIVE_TIME = re.compile(
    r"^(?:about\s+|updated\s+)?(?:\d+\s*(?:s|m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s*ago"
    r"|an? (?:hour|minute|day) ago|yesterday|just now)",
    re.I,
)
_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+){2,}$")
SLUG_MIN_CHARS = 15
_GALLERY = re.compile(
    r"^(?:(?:item|image|photo|slide)\s+\d+\s+of\s+\d+\b|\d{1,3}\s*(?:of|/)\s*\d{1,3}(?:$|\s+\|\s))", re.I
)  # (`1 of 3 | President Joe Biden participates in ...`: a gallery's caption)
_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s*(?:of|/)\s*\d{1,3}\s+\|\s+")
_MEDIA_LENGTH = re.compile(r"^(?:duration|length|runtime|video)\s*:?\s*\d{1,2}:\d{2}(?::\d{2})?$", re.I)
_READING_TIME = re.compile(r"^\d{1,2}\s+min(?:ute)?s?\s+(?:read|reading\s+time)$", re.I)  # `2 min reading time`
_VIEW_COUNT = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}[\d\s]*views?$", re.I)
_RESIDUE = re.compile(r"^[\W\d_]*$")
_BREADCRUMB = re.compile(r"^[^.!?]{1,40}\s/\s*$|^(?:\w+\s){0,2}\w+\s/\s(?:\w+\s?){1,3}$")
_TEASER = re.compile(r"^[^|.!?]{1,40}\s\|\s[^|]+$")
# `Official White House Photo by Andrea Hanks`, `... in Riyadh. Picture by John Smith`
_PHOTO_BY = re.compile(
    r"(?:^|\s)(?:photo(?:graph)?|picture|image)s?\s+by\s+(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$", re.I
)
_GALLERY_ALT = re.compile(r"\s[-–|]\s*(?:gallery\s+image|photo\s+gallery|image\s+gallery)\s*$", re.I)
_EMPTY_CREDIT = re.compile(r"[.!?][\"'”’]?\s+\|\s*$")  # `... between Mexico and Chile". |`
_PROMO = re.compile(r"^\(\s*(?:also|see|read|watch|related|more|listen|click)\b.*\)$", re.I)
_SOURCE_LINE = re.compile(
    r"^(?:(?:source|sources|via)\s*:\s*(?P<src>[^.]{2,60}|[\w-]+(?:\.[\w-]+)+)\.?"  # (or a domain)
    r"|(?-i:Published on)\s+(?P<pub>(?-i:[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3}))\s+\(https?://[^)\s]+\)"
    r"|(?-i:From)\s+(?P<from>(?-i:[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3}))"  # `From Taiwan Today`
    r"|(?-i:(?P<wire>[A-Z]{2,6})/[A-Z][a-z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3})"  # `QNA/Sharm El Sheikh`
    r"|(?-i:\((?!(?:END|LEAD|UPDATE|MORE|PHOTOS?|VIDEO|FILE)\))(?P<paren>[A-Z]{2,8})\)))$",  # an agency's `(CNA)`
    re.I,
)


def source_line_name(block: Block) -> str | None:
    """The name a SOURCE_LINE block gives: `Source: Xinhua`, `From Taiwan Today`, a wire's
    `QNA/Doha`, or an aggregator's `(MENAFN- Nam News Network)` credit; None for any other text."""
    m = _SOURCE_LINE.match(block.text) or _SYNDICATION_LINE.match(block.text)
    if m is None:
        return None
    found = m.groupdict()
    paren = found.get("paren")
    opening = block.reason == SYNDICATION_REASON  # (`(AGI) Milan, June 21 - ...`: the wire's credit)
    if paren and not opening and paren.lower() not in load_chrome_rules().agency_names:
        return None  # (`(WAH)` alone under the text: an editor's initials, not an agency)
    named = found.get("src") or found.get("from") or found.get("pub") or found.get("wire") or paren
    if named:
        return named
    credited = re.split(r"\s*[-–:]\s*", found["credit"], maxsplit=1)[1]
    return re.sub(r"\s*\([^()]*\)$", "", credited)  # (`Kuwait News Agency (KUNA)`: the name)


_BYLINE = re.compile(
    r"^(?:by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\b|team\s+\w+$"
    r"|(?:[A-Z][\w.-]*\s+)?(?:staff\s+)?(?:reporter|correspondent|staff writer|editor)\s+[A-Z][\w'’-]+)",
    re.I,
)
_BIO = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,4}"
    r"(?:editor|reporter|correspondent|writer|journalist|producer|contributor)\b",
)
_NAME_TWICE = re.compile(r"^(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3})(?P=name)$")  # `Ezgi ToperEzgi Toper`
# a reporter's line under the headline (not an end of the article): `Lazar Berman is The Times
# of Israel's diplomatic reporter`
OUTLET_BIO = re.compile(  # (its outlet names the source: `fields.extract_source`)
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+is\s+(?P<outlet>(?:The\s+)?[A-Z][\w'’ ]{1,40}?)['’]s\s+"
    r"(?:[\w-]+\s+){0,3}(?:editor|reporter|correspondent|writer|journalist|producer|contributor)\.?$"
)
_PREFIX_WORDS = re.compile(r"^(?:posted|published|publish\s+date|updated|last updated|date)\b\s*(?:on|at)?\s*:?", re.I)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT|CST|EST|EDT|CET|MSK)[+-]?\d*)?|\b\d{1,2}\s*[ap]\.?m\.?",
    re.I,
)


@dataclass(frozen=True)
class ChromeRules:
    """Chrome vocabulary, loaded from YAML: see `registry/chrome.yaml`."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]
    contains: tuple[str, ...]
    anywhere: tuple[str, ...]
    end_markers: tuple[str, ...]
    end_first_words: frozenset[str]  # first words of the end markers, for a quick check
    trailers: tuple[str, ...]
    credit: re.Pattern[str]
    # `credit` split for a line without `/` or `|`: its only ways to match (see `is_caption`)
    credit_paren: re.Pattern[str]
    credit_label: re.Pattern[str]
    credit_via: re.Pattern[str]
    agencies: tuple[str, ...]
    agency_names: frozenset[str]  # the agencies in lower case
    toolbar_words: frozenset[str] = frozenset()
    # `... in Riyadh. SPA`: a sentence, then an agency as written (a caption above the article)
    credit_after_sentence: re.Pattern[str] = re.compile(r"(?!x)x")


# Every match of `ChromeRules.credit` holds one of these: a cheap test before the search.
_CREDIT_HINT = re.compile(r"[(/|:]|via", re.I)


@lru_cache(maxsize=4)
def load_chrome_rules(path: Path | None = None) -> ChromeRules:
    """Read the chrome vocabulary (default `registry/chrome.yaml`) into matching rules."""
    data = load_yaml((path or REGISTRY / "chrome.yaml").read_text(encoding="utf-8"))
    agencies = tuple(str(a) for a in data.get("credit_agencies", []))
    names = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    # The ways a credit ends a line; without `/` or `|` only the first, third and last can match.
    paren = (  # (not a headline's bare `(photos)`)
        r"\((?!\s*(?:photos?|fotos?|pictures|pics|videos?)\s*\))"
        r"(?:[^()]*\b(?:photos?|fotos?|pictured|file)\b[^()]*|courtesy\b[^()]*|[^()\"“”]*(?:"
        + names
        + r")[^()\"“”]*)\)"
    )
    # (`...the flight recordersImage: Reuters`: a credit glued to the caption)
    label = (
        r"(?:(?:^|[\s/|])(?:photo(?:graph)?|foto|image|credit)s?|(?-i:(?<=[a-z])(?:Photo|Image|Credit)s?))"
        r"\s*:\s*[^/|]{0,60}"
    )
    via = r"\bvia\s+(?:getty images|reuters|ap|afp)"
    credits = (
        paren,
        r"[/|]\s*(?:source|photo|credit|image)s?\s*:\s*[^/|]{1,40}",
        label,
        r"[/|]\s*[^/|]{0,40}\b(?:" + names + r")(?:\s+via\s+[\w ]+)?",
        r"/\s*[\w.-]+\.(?:ru|com|org|net|gov|ua|cn)",
        r"(?:^|[.\s])source\s*:\s*[A-Z][\w.'’ -]{1,40}/\s*[A-Z][\w.-]{1,20}",  # `Source: Ken Mürk/ERR`
        r"\b(?:" + names + r")\s*/\s*[A-Z][\w.' -]{2,40}",
        via,
    )
    end = r"\s*\|?\s*\.?\s*$"
    credit = re.compile(r"(?:" + "|".join(credits) + r")" + end, re.I)
    return ChromeRules(
        lines=frozenset(str(x).lower() for x in data.get("lines", [])),
        prefixes=tuple(str(x).lower() for x in data.get("prefixes", [])),
        contains=tuple(str(x).lower() for x in data.get("contains", [])),
        anywhere=tuple(str(x).lower() for x in data.get("anywhere", [])),
        end_markers=tuple(str(x).lower() for x in data.get("end_markers", [])),
        end_first_words=frozenset(str(x).lower().split()[0].rstrip(":") for x in data.get("end_markers", [])),
        trailers=tuple(str(x).lower() for x in data.get("trailer_phrases", [])),
        credit=credit,
        credit_paren=re.compile(r"(?:" + paren + r")" + end, re.I),
        credit_label=re.compile(r"(?:" + label + r")" + end, re.I),
        credit_via=re.compile(r"(?:" + via + r")" + end, re.I),
        agencies=agencies,
        agency_names=frozenset(a.lower() for a in agencies),
        toolbar_words=frozenset(str(x).lower() for x in data.get("toolbar_words", [])),
        credit_after_sentence=re.compile(r"[.!?][\"'”’]?\s+(?:" + names + r")\s*$"),
    )


def words(text: str) -> list[str]:
    """Word tokens of a line (letters first; numbers and punctuation dropped)."""
    return _WORD.findall(text)


@lru_cache(maxsize=2048)
def word_count(text: str) -> int:
    """How many word tokens (`words`) a line has; lines are asked about again and again."""
    return len(_WORD.findall(text))


def label_text(line: str) -> str:
    """A line as a label or marker reads: lower case, without a leading bullet or arrow."""
    return _QUOTE_MARK.sub("", _BULLET.sub("", line.strip())).strip().lower()


# `Trump holds Singapore news conference 07:42`: a video's title and its running time
_TITLED_LENGTH = re.compile(r"^[A-Z][^!?]{4,120}?(?:\.\.\.|…)?\s+\d{1,2}:\d{2}$")
VIDEO_TITLE_WORDS = 14


def _titled_length(line: str, n: int) -> bool:
    """True if a short line is a video's title and running time (not a date and a time)."""
    return n <= VIDEO_TITLE_WORDS and ":" in line and bool(_TITLED_LENGTH.match(line)) and not dates.find_dates(line)


_POST_COUNT = re.compile(r"^\d{1,4}\s*posts?$")  # `40 Posts`, `1Post`
# `Boris Johnson and Emmanuel MacronImage source, Reuters`, `... counterpart - Ảnh 1.`
_PHOTO_LABEL_SUFFIX = re.compile(r"(?:Image|Photo) source,\s*\S|\s-\s*Ảnh\s*\d+\.?$")
CAPTION_WORDS_MAX = 20


def _twice_chrome(low: str, rules: ChromeRules) -> bool:
    """True if a lower-cased line is a chrome line printed twice (`Write a Comment Write a Comment`)."""
    half = len(low) // 2
    for first, second in ((low[:half], low[half:]), (low[: half - 1], low[half:]) if len(low) % 2 else ("", "")):
        if first and first.strip() == second.strip() and first.strip() in rules.lines:
            return True
    return False


BRACKETED_LABEL_WORDS = 10
NO_WORDS = "no words"  # the reason given for a line of punctuation, symbols or numbers alone
ICON_RUN_MIN = 5  # a line of at least this many words, most of them icon names, is a sprite sheet


def _icon_names(low: str) -> bool:
    """True if most words of a lower-cased line are icon names (an icon font's leaked labels)."""
    words = low.split()
    icons = sum("icon" in w for w in words)
    return icons >= ICON_RUN_MIN and 2 * icons >= len(words)


def _marked_prefix(line: str, rules: ChromeRules) -> bool:
    """True if a line opening with a marker `label_text` drops (`>>FULL TEXT: ...`, a link
    arrow) opens with a chrome prefix that holds that marker."""
    raw = line.lstrip()
    return raw[:1] in ">»›|" and raw.lower().startswith(rules.prefixes)


def chrome_reason(line: str, rules: ChromeRules) -> str | None:
    """Why a single line is page chrome, or None if nothing marks it as chrome."""
    low = label_text(line)
    n = word_count(line)
    # In order: the first check that holds gives the reason (the others are not tried).
    if low in rules.lines or low.rstrip(":.… ") in rules.lines:  # (`Read more...`)
        return "chrome line"
    if n <= 30 and (low.startswith(rules.prefixes) or _marked_prefix(line, rules)):
        return "chrome prefix"
    if n <= 14 and any(c in low for c in rules.contains):
        return "chrome phrase"
    if any(c in low for c in rules.anywhere):
        return "chrome phrase (image licence, cookies)"
    if 3 <= n <= TOOLBAR_MAX_WORDS and _toolbar(low, rules.toolbar_words):
        return "share or print toolbar"
    if _RELATIVE_TIME.match(low):
        return "relative timestamp"
    if _VIEW_COUNT.match(low):
        return "view counter"
    if _MEDIA_LENGTH.match(low) or _titled_length(line, n):
        return "video length"
    if n <= 2 and _POST_COUNT.match(low):
        return "a live blog's post counter"
    if n <= CAPTION_WORDS_MAX and _PHOTO_LABEL_SUFFIX.search(line):
        return "a photo's label (`Image source, Reuters`, `- Ảnh 1.`)"
    if n <= 8 and _twice_chrome(low, rules):
        return "a chrome line printed twice"
    if _READING_TIME.match(low):
        return "reading time"
    if _RESIDUE.match(line) and not dates.find_dates(line):
        return NO_WORDS
    if len(line) >= SLUG_MIN_CHARS and _SLUG.match(line):
        return "a class name or page slug (`gallery-photogallery-...`)"
    if n >= ICON_RUN_MIN and "icon" in low and _icon_names(low):
        return "icon names (`bookmarkicon cameraicon checkicon ...`)"
    if n <= 6 and _BREADCRUMB.match(line):
        return "breadcrumb"
    if n <= 25 and _TEASER.match(line) and not date_line(line):
        return "teaser headline"
    if _PROMO.match(line):
        return "promotional link"
    if n <= 3 and _BULLET.match(line):
        return "tag or navigation item"
    if n <= 3 and line.upper() == line and any(c.isalpha() for c in line) and not dates.find_dates(line):
        return "section label"
    if _navigation_bar(line):
        return "navigation bar"
    return None


TOOLBAR_MAX_WORDS = 14
_LETTER_RUN = re.compile(r"[^\W\d_]+")  # (a toolbar's words: `Comments()` is `Comments`)


def _toolbar(low: str, vocabulary: frozenset[str]) -> bool:
    """A row of page buttons (`Comments() Print Mail Large Medium Small`): three or more words,
    at least three quarters of them button words."""
    found = _LETTER_RUN.findall(low)
    hits = sum(w in vocabulary for w in found)
    return hits >= 3 and hits >= 0.75 * len(found)


# `MORE International ARTICLES`: a list of other stories follows
_MORE_LIST = re.compile(r"^more\s+(?:[\w-]+\s+){0,2}(?:articles|stories|news|videos|reports)$", re.I)


_MENU_SEPARATOR = re.compile(r"\s[|»›>·•]\s")
MENU_MIN_ITEMS = 4  # a line of this many short items between separators is a menu
MENU_ITEM_WORDS = 3


_WIDE_GAP = re.compile(r"\s{3,}|\t")
TAG_ROW_MIN_ITEMS = 3  # `Kazakhstan and Uzbekistan    President of Kazakhstan    Akorda`
TAG_ITEM_WORDS = 4


def _navigation_bar(line: str) -> bool:
    """A menu, breadcrumb trail or row of tags, with no date in it: `Home | China | World | Business`
    (four or more items of at most three words each, between `|`, `»`, `›`, `>`, `·` or `•`), or
    three or more short items set apart by wide gaps (tabs, three or more spaces) and no full stop."""
    if dates.find_dates(line):
        return False
    items = _MENU_SEPARATOR.split(line.strip(" |"))
    if len(items) >= MENU_MIN_ITEMS and all(1 <= word_count(item) <= MENU_ITEM_WORDS for item in items):
        return True
    tags = _WIDE_GAP.split(line.strip())
    return (
        len(tags) >= TAG_ROW_MIN_ITEMS
        and all(1 <= word_count(tag) <= TAG_ITEM_WORDS for tag in tags)
        and not _SENTENCE_END.search(line.strip())
    )


CREDIT_LINE_WORDS = 40  # a `Reporting by ...; Editing by ...` credit line can be this long


def end_marker(line: str, rules: ChromeRules) -> str | None:
    """The end-of-article marker this line is (newsletter, related list, author bio), or None.

    One-word markers must be the whole line; longer ones may start a short line."""
    low = label_text(line).rstrip(":")
    n = word_count(line)
    if _MORE_LIST.match(low):
        return f"end of article: {line.strip()!r}"
    if low.split(" ", 1)[0].rstrip(":") not in rules.end_first_words:
        return "end of article: author note" if n <= 25 and _BIO.match(line.strip()) else None
    for marker in rules.end_markers:
        bare = marker.rstrip(":")
        prefix_ok = marker.endswith(":") or (" " in bare and not _SENTENCE_END.search(line.strip()))
        limit = CREDIT_LINE_WORDS if bare.endswith(" by") else 10
        if low == bare or (n <= limit and prefix_ok and low.startswith(bare)):
            return f"end of article: {line.strip()!r}"
    if _BIO.match(line.strip()) and n <= 25:
        return "end of article: author note"
    return None


def is_caption(line: str, rules: ChromeRules) -> bool:
    """True when the line ends in a photo credit (`(AP Photo/...)`, `/ Source: Yonhap |`...).

    `credit` is a choice of endings, so it matches when one of them does. In a line without
    `/` or `|` (most article text) only three can: each is tried only if the line holds the
    text it needs (in the lower-cased line: the same answer as ignoring case, the line
    holding no character of `CASE_ODD`)."""
    if not _CREDIT_HINT.search(line):
        return False
    if "/" in line or "|" in line or CASE_ODD_RE.search(line):
        return rules.credit.search(line) is not None
    low = line.lower()
    return (
        (")" in line and rules.credit_paren.search(line) is not None)
        or (
            ":" in line
            and ("photo" in low or "foto" in low or "image" in low or "credit" in low)
            and rules.credit_label.search(line) is not None
        )
        or ("via" in low and rules.credit_via.search(line) is not None)
    )


def date_line(line: str) -> bool:
    """True when a line carries a full date and little else (a header or byline date); a
    line of `|`-separated parts (`By X | Updated: October 23, 2024 9:45 PM IST`) counts when
    one of its parts does."""
    parts = [p for p in line.split("|") if p.strip()]
    if len(parts) > 1:
        return any(_date_part(p) for p in parts)
    return _date_part(line)


def _date_part(line: str) -> bool:
    found = dates.find_dates(line)
    hits = [h for h in found if h.year] or found[:1]
    if not hits:
        return False
    rest = line
    for h in hits:
        rest = rest.replace(h.text, " ")
    rest = _PREFIX_WORDS.sub(" ", _TIME.sub(" ", rest))
    rest = re.sub(r"^\s*by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}", " ", rest.strip(), flags=re.I)
    return word_count(rest) <= (3 if hits[0].year else 1)


def _only_a_date(line: str) -> bool:
    """True for a line that is a date (and time) and nothing else: `JULY 1, 2020 16:08`."""
    rest = line
    for hit in dates.find_dates(line):
        rest = rest.replace(hit.text, " ")
    return rest != line and word_count(_PREFIX_WORDS.sub(" ", _TIME.sub(" ", rest))) == 0


_DATELINE_START = re.compile(r"^[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}(?:,\s|\s*\(|\s*[-–—:]\s|\.\s/)")


def _paragraph_like(line: str) -> bool:
    """A line that reads as article text: long, a full sentence, or a short lede that
    opens with a dateline (`MOSCOW, June 26. /TASS/. Putin and Xi spoke.`)."""
    n = word_count(line)
    if n >= 25 or (n >= 10 and _FULL_STOP.search(line)) or (n >= QUOTED_END_WORDS and _SENTENCE_END.search(line)):
        return True
    return n >= 4 and bool(_SENTENCE_END.search(line)) and bool(_DATELINE_START.match(line))


def _title_like(line: str) -> bool:
    n = word_count(line)
    letters = [c for c in line if c.isalpha()]
    shouting = letters and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    return 3 <= n <= 30 and not shouting and not line.rstrip().endswith(("…", "...", ":"))


_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
        "had",
        "it",
        "its",
        "his",
        "her",
        "their",
        "this",
        "that",
        "after",
        "before",
        "over",
        "about",
        "into",
        "two",
        "three",
        "new",
        "says",
        "said",
        "say",
        "will",
        "would",
        "not",
        "but",
    ]
)


def signature(text: str) -> set[str]:
    """Significant lower-case word stems of a text (for overlap between lines)."""
    return {low.strip(".'’")[:6] for w in words(text) if len(w) > 2 and (low := w.lower()) not in _STOP}


_GLUED_MARKERS = re.compile(
    r"(?:^|\s)(?P<m>By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}\s+Staff)?"
    r"|(?:Posted|Published|Updated)(?:\s+on)?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+\d{1,2}:\d{2}\s*[AP]\.?M\.?)?"
    r"(?:\s+[A-Z]{2,4}\b)?(?:\s+Copied)?"
    r"|(?-i:PHOTOS?|VIDEO)|Source:\s+[\w.-]+(?:,\s*[\w.-]+){0,3}|Tweet\s+Share|Share\s+Tweet"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[A-Z][a-z]{2,8}\s+\d{1,2},\s+\d{4}"
    r"(?:\s*\|\s*\d{1,2}:\d{2})?)(?=\s)"
)
_GLUED_CAPTION = re.compile(r"^(?P<c>.{20,400}?\((?:AP|AFP|Reuters|Getty|EPA|Xinhua|Pool)[^()]{0,60}\))\s+(?=[A-Z“\"])")


_CRUMB = re.compile(
    r"^(?P<crumb>(?:[A-Z][\w&]*(?:\s[A-Z][\w&]*)?\s/\s)+"
    r"(?:(?:President|Prime Minister|Chancellor|King|Premier|Minister)\s[A-Z][\w'’-]+\s)?)(?=[A-Z])"
)
_DECK_START = re.compile(r"\s(?=[A-Z][a-z]+(?:\s[a-z][\w-]*){3})")


def split_title_block(text: str) -> list[str]:
    """A glued page header before the byline -> [breadcrumb, headline, deck] (those present).

    `World / President Biden China's Xi to Biden: US 'Playing With Fire' on Taiwan Warning
    comes in otherwise cordial 3-hour virtual meeting`: the breadcrumb ends with its tag (a
    titled name), and the Title Case headline ends where a sentence-case deck begins."""
    parts = []
    crumb = _CRUMB.match(text)
    if crumb:
        parts.append(crumb.group("crumb").strip())
        text = text[crumb.end() :]
    for m in _DECK_START.finditer(text):
        head = text[: m.start()]
        long_words = [w for w in words(head) if len(w) > 3]
        if len(long_words) >= 3 and all(w[0].isupper() for w in long_words):
            return [*parts, head.strip(), text[m.end() :].strip()]
    return [*parts, text.strip()]


def split_glued_header(line: str) -> list[str]:
    """A long first line with the page header glued on (headline, byline, `Posted` stamps,
    photo caption, then the article) -> those parts as separate lines. Others: [line]."""
    head = line[:700]
    marks = [m for m in _GLUED_MARKERS.finditer(head)]
    if len(line) < 300 or not marks:
        return [line]
    parts, pos = [], 0
    for n, m in enumerate(marks):
        before = line[pos : m.start("m")]
        if n == 0:  # a section label glued before the headline: `Politics Vučić met with Xi`
            label, _, headline = before.strip().partition(" ")
            if label.lower() in load_chrome_rules().lines and headline[:1].isupper():
                parts.append(label)
                before = headline
        parts.extend(split_title_block(before) if n == 0 else [before])
        parts.append(m.group("m"))
        pos = m.end("m")
    rest = line[pos:].strip()
    cap = _GLUED_CAPTION.match(rest)
    if cap:
        parts.append(cap.group("c"))
        rest = rest[cap.end() :]
    parts.append(rest)
    return [p.strip() for p in parts if p.strip()]


WRAPPED_LINE_WORDS = 8  # a line of prose this long, broken without a full stop, goes on on the next
WRAP_MIN_BREAKS = 3  # mid-sentence line breaks (the next line going on in lower case) that mark a hard-wrapped text


def _goes_on(line: str, nxt: str) -> bool:
    """True if `nxt` carries on the sentence of `line` (no full stop between, and the next
    line starts in lower case, or `line` ends in a lower-case word or is a long line of prose:
    `... Shinzo Abe and US` / `President Barack Obama have ...`)."""
    line, nxt = line.strip(), nxt.strip()
    if not line or not nxt or _SENTENCE_END.search(line):
        return False
    if _WRAPPED_DATELINE.match(line):  # `PARIS — French President` / `Emmanuel Macron hosted ...`
        return True
    return nxt[:1].islower() or line.rsplit(" ", 1)[-1][:1].islower() or word_count(line) >= WRAPPED_LINE_WORDS


# a dateline opening a line of a hard-wrapped text: the lede's first words, never a headline
_WRAPPED_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,30}(?:,[^—–\n]{1,30})?\s[—–-]{1,2}\s+[A-Z]")


def unwrap(text: str) -> str:
    """A hard-wrapped text (lines broken at a fixed width, mid-sentence) with each paragraph
    on one line again; any other text as it is. Blank lines still part paragraphs."""
    lines = text.split("\n")
    breaks = 0
    for line, nxt in pairwise(lines):
        if nxt.strip()[:1].islower() and word_count(line) >= 4 and not _SENTENCE_END.search(line.strip()):
            breaks += 1
            if breaks >= WRAP_MIN_BREAKS:
                break
    if breaks < WRAP_MIN_BREAKS:
        return text
    out: list[str] = []
    for line in lines:
        if out and _goes_on(out[-1], line):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


# `The Age06-05-2025`: a numeric date glued to the word before it; `Thursday، 08 June`: an Arabic comma
_GLUED_DATE = re.compile(r"(?<=[A-Za-z])(?=\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d\b)")
_NUMERIC_DATE_TAIL = re.compile(r"[-./]\d{1,2}[-./](?:19|20)\d\d")  # (a cheap test first: `-05-2025`)
_LATIN_ARABIC_COMMA = re.compile(r"(?<=[A-Za-z])\u060c")


_TAG_FRAGMENT = re.compile(r"(?m)^[ \t]*(?:p|div|span|li|h[1-6])>(?=\S)")  # `p>India and ...`: a cut-off tag
# `Staff ReporterPublished August 18`, `European PravdaMonday, 29 May 2023`: a stamp glued to a word
_GLUED_STAMP_WORDS = ("Published ", "Updated ", *(f"{d.capitalize()}, " for d in dates.WEEKDAYS))


def _spaced_stamps(text: str) -> str:
    """`text` with a space before each `_GLUED_STAMP_WORDS` word glued to a lower-case letter
    (found with `str.find`: a regex scan of every report costs more)."""
    cuts: list[int] = []
    for word in _GLUED_STAMP_WORDS:
        at = text.find(word)
        while at > 0:
            if "a" <= text[at - 1] <= "z":
                cuts.append(at)
            at = text.find(word, at + 1)
    if not cuts:
        return text
    cuts.sort()
    return " ".join(text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True))


def _unglued(text: str) -> str:
    """The text with a space before a numeric date or a `Published` stamp glued to a word, a
    cut-off tag at a line's start removed, and an Arabic comma after a Latin word written as a
    comma."""
    if _NUMERIC_DATE_TAIL.search(text):
        text = _GLUED_DATE.sub(" ", text)
    if ">" in text:
        text = _TAG_FRAGMENT.sub("", text)
    text = _spaced_stamps(text)
    return _LATIN_ARABIC_COMMA.sub(",", text) if "\u060c" in text else text


def _lines(text: str) -> list[str]:
    lines = _join_labels([ln.strip() for ln in _unglued(text).split("\n") if ln.strip()])
    lines = [part for i, ln in enumerate(lines) for part in (split_glued_header(ln) if i < 3 else [ln])]
    lines = [part for i, ln in enumerate(lines) for part in (_split_leading_date(ln) if i < 3 else [ln])]
    return [
        part for i, ln in enumerate(lines) for part in (_split_header_pair(ln) if i < 8 else _split_glued_dateline(ln))
    ]


# `[Ministry of Foreign Affairs of Japan] [Tuesday, Dec 1, 2015]`: an issuer and a date in brackets
_BRACKET_PAIR = re.compile(r"^\[(?P<issuer>[^\[\]]{3,80})\]\s*\[(?P<date>[^\[\]]{6,40})\]$")
# `... Jokowi said.Antalya, Turkey (ANTARA News) - Indonesia and ...`: a caption glued to the dateline
_GLUED_DATELINE = re.compile(
    r"(?<=[a-z][.!?])[\"”’]?(?=[A-Z][a-z]+(?:,\s*[A-Z][a-z]+){0,2}\s*\([A-Z][\w .]{1,25}\)\s*[-–—]{1,2}\s)"
)


def _split_header_pair(line: str) -> list[str]:
    """A header's bracketed issuer and date -> [`[issuer]`, date]; a line that glues a caption to
    the wire's dateline is split too (`_split_glued_dateline`); any other line -> [line]."""
    m = _BRACKET_PAIR.match(line)
    if m and dates.find_dates(m.group("date")):
        return [f"[{m.group('issuer').strip()}]", m.group("date").strip()]
    return _split_glued_dateline(line)


def _split_glued_dateline(line: str) -> list[str]:
    """`<caption> said.Antalya, Turkey (ANTARA News) - <lede>` -> [caption, dateline and lede]."""
    if "(" not in line:
        return [line]
    m = _GLUED_DATELINE.search(line)
    return [line[: m.end()].strip(), line[m.end() :].strip()] if m else [line]


DATED_HEADLINE_WORDS = (3, 30)
# how a date can open a line: a digit, or a month's or a weekday's first letters (a cheap test)
_LEADING_DATE_HINT = re.compile(r"\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)")


def _split_leading_date(line: str) -> list[str]:
    """A page's date glued before its headline (`November 14, 2022 Biden, Xi meet during G20
    summit`) -> [date, headline]; any other line -> [line]."""
    if not _LEADING_DATE_HINT.match(line) or not dates.find_dates(line[:40]):
        return [line]
    first = dates.find_dates(line)[0]
    rest = line[first.end :].strip()
    low, high = DATED_HEADLINE_WORDS
    if first.start or first.year is None or not rest[:1].isupper() or not low <= word_count(rest) <= high:
        return [line]
    return [line] if _FULL_STOP.search(rest) or dates.find_dates(rest) else [line[: first.end].strip(), rest]


_LABEL = re.compile(r"^[A-Z][\w'’ -]{0,25}:$")  # `Release Date:` (its value on the next line)
LABEL_VALUE_WORDS = 4


def _join_labels(lines: list[str]) -> list[str]:
    """A label alone on its line and its short value on the next (`Release Date:` /
    `17/10/2015`, a page's metadata list) -> one line, `Release Date: 17/10/2015`."""
    out: list[str] = []
    for line in lines:
        label = out[-1] if out else ""
        short = 0 < word_count(line) <= LABEL_VALUE_WORDS or (line[:1].isdigit() and len(line) <= 20)
        if short and _LABEL.match(label) and word_count(label) <= 3:
            out[-1] = f"{label} {line}"
        else:
            out.append(line)
    return out


# `... upon arriving in Doha. Mohamed Al Hammadi / Presidential Court`
_SLASH_CREDIT = re.compile(r"[.!?][\"”’]?\s+(?:[A-Z][\w'’.-]+\s){1,3}/\s?(?:[A-Z][\w'’&.-]*\s?){1,4}$")
TWICE_MIN_WORDS = 4
# where a person stands in a photo, after the name: `Prime Minister Andrew Holness (right)`
_PHOTO_POSITION = re.compile(
    r"[A-Z][\w'’.-]+\s\((?:(?:far|second|third|front|back|centre|center)\s(?:from\s(?:the\s)?)?)?"
    r"(?:left|right|centre|center|L|R|C)\)"
)
# `https://arab.news/yne42`, `yanliang@sph.com.sg`, a CMS token `[[nid:239095]]`
_BARE_LINK = re.compile(r"^\s*(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[\[[\w:-]+\]\])\s*$")
# leaked markup of a banner: a link wrapped round an image (`<a href="//ads..."> <br /> <img src=...>`)
_HTML_TAG = re.compile(r"<a\s+href=[^>]*>\s*(?:<br\s*/?>\s*)*<img\s[^>]*>", re.I)
# the sign-off of an embedded Facebook post: `... #ARYNews Posted by ARY News on Thursday, November 21, 2019`
_POSTED_BY = re.compile(r"\bPosted by\s[^.!?]{2,60}?\son\s(?:[A-Z][a-z]+day,\s)?[A-Z][a-z]+\s\d{1,2},\s\d{4}$")


def _printed_twice(line: str) -> bool:
    """True if the line opens and ends with the same run of words (at least TWICE_MIN_WORDS,
    each copy at most half the line) and has no full stop: a caption and its copy (`Macri
    speaking with Trump ...     Macri speaking with Trump ...`), a credit maybe between them."""
    head = line[:15]
    if len(line) < 30 or line.find(head, len(head)) < 0 or _FULL_STOP.search(line):  # (a quick test first)
        return False
    tokens = line.split()
    return any(tokens[:k] == tokens[-k:] for k in range(TWICE_MIN_WORDS, len(tokens) // 2 + 1))


# `... during a previous visit in May 2019/PSCU`: a press unit's initials glued to the caption
_GLUED_CREDIT_CODE = re.compile(r"(?<=[a-z0-9])/[A-Z]{2,6}$")
# `... shakes hands with Christopher Luxon. Photo: RNZ / Giles Dexter`
_SENTENCE_THEN_PHOTO = re.compile(r"[.!?][\"”’]?\s+Photos?\s*[:|]\s*\S[^.!?]{0,80}$")
# `... in the Oval Office of the White House on Sept 23, 2024. - AFP`
_DASH_CREDIT = re.compile(r"[.!?]\s+-\s*(?P<agency>[A-Z][\w .&/-]{1,30})$")
DASH_CREDIT_DATE_REACH = 40  # a caption's date ends at most this many characters before its credit


def _dated_dash_credit(line: str, rules: ChromeRules) -> bool:
    """True if a short line ends in a date, then ` - <photo agency>` (a caption and its credit;
    a wire's sign-off after an article sentence carries no date)."""
    m = _DASH_CREDIT.search(line)
    if m is None or m.group("agency").strip().lower() not in rules.agency_names:
        return False
    if word_count(line) > CAPTION_MAX_WORDS:
        return False
    return bool(dates.find_dates(line[max(0, m.start() - DASH_CREDIT_DATE_REACH) : m.start() + 1]))


def _classify_line(line: str, rules: ChromeRules) -> Block | None:
    """Kinds that a line has on its own, wherever it stands (None: depends on position)."""
    m = _SOURCE_LINE.match(line)
    if m and word_count(line) <= 8:
        return Block(SOURCE_LINE, line, "source line")
    if is_caption(line, rules):
        return Block(CAPTION, line, "ends in a photo credit")
    if _GALLERY.match(line):
        return Block(CAPTION, line, "photo gallery caption (`Item 1 of 3 ...`)")
    if word_count(line) <= CAPTION_MAX_WORDS and _PHOTO_BY.search(line):
        return Block(CAPTION, line, "ends in a `Photo by` credit")
    if _GALLERY_ALT.search(line):
        return Block(CAPTION, line, "a gallery image's alt text")
    if _EMPTY_CREDIT.search(line):
        return Block(CAPTION, line, "a sentence, then `|` and no credit (a caption's empty credit)")
    if "/" in line and _SLASH_CREDIT.search(line) and word_count(line) <= CAPTION_MAX_WORDS:
        return Block(CAPTION, line, "a sentence, then a `Name / Organisation` photo credit")
    if "(" in line and _PHOTO_POSITION.search(line) and word_count(line) <= CAPTION_MAX_WORDS:
        return Block(CAPTION, line, "a photo caption placing people (`(left)`, `(R)`)")
    if "©" in line and not line.lstrip().startswith("©") and word_count(line) <= CAPTION_MAX_WORDS:
        return Block(CAPTION, line, "a photo caption with its © credit")
    if _printed_twice(line):
        return Block(CAPTION, line, "a caption printed twice on one line")
    if "/" in line and _GLUED_CREDIT_CODE.search(line) and 8 <= word_count(line) <= CAPTION_MAX_WORDS:
        return Block(CAPTION, line, "a caption with its credit glued on (`... in May 2019/PSCU`)")
    if "hoto" in line and _SENTENCE_THEN_PHOTO.search(line) and word_count(line) <= CAPTION_MAX_WORDS:
        return Block(CAPTION, line, "a sentence, then its `Photo: ...` credit")
    if " - " in line and _dated_dash_credit(line, rules):
        return Block(CAPTION, line, "a dated caption, then a `- AFP` photo credit")
    if "<" in line and _HTML_TAG.search(line) and word_count(_HTML_TAG.sub(" ", line)) <= CAPTION_MAX_WORDS:
        return Block(CHROME, line, "leaked markup of a banner (a link round an image)")
    if (
        line.startswith("[")
        and line.endswith("]")
        and word_count(line) <= BRACKETED_LABEL_WORDS
        and "]" not in line[:-1]
    ):
        return Block(CHROME, line, "a label in square brackets (`[Provisional Translation]`)")
    if _NAME_TWICE.match(line):
        return Block(CHROME, line, "a name printed twice, glued (a byline's name and its link)")
    if OUTLET_BIO.match(line):
        return Block(CHROME, line, "a reporter's line (`<Name> is <Outlet>'s ... reporter`)")
    if _BARE_LINK.match(line):
        return Block(CHROME, line, "a bare link, address or page token")
    if "Posted by" in line and _POSTED_BY.search(line):
        return Block(CHROME, line, dates.EMBEDDED_POST_REASON)
    why = chrome_reason(line, rules)
    if why:
        return Block(CHROME, line, why)
    return None


_INLINE_BOX = frozenset(
    {"related", "related articles", "related news", "related stories", "read more", "more", "see also", "also read"}
)
INLINE_BOX_LINES = 6  # an inline "Related" box holds at most this many lines


def _mark_inline_boxes(lines: list[str], fixed: list[Block | None]) -> None:
    """The teaser headlines under an inline `Related` / `Read more` label are chrome: short
    lines without a full stop, up to the next line of article text."""
    for i, line in enumerate(lines):
        if fixed[i] is None or label_text(line).rstrip(":") not in _INLINE_BOX:
            continue
        for j in range(i + 1, min(len(lines), i + 1 + INLINE_BOX_LINES)):
            if fixed[j] is not None or _paragraph_like(lines[j]) or _SENTENCE_END.search(lines[j]):
                break
            fixed[j] = Block(CHROME, lines[j], "teaser in an inline box")


_CARD_STAMPS = frozenset({"relative timestamp", "video length"})


TEASER_RUN = 3  # this many title-like lines in a row inside the article are a block of related links
TEASER_WORDS = (4, 14)
LABELLED_TEASER_WORDS = 24  # under a chrome label (`POPULAR ARTICLE`) teaser headlines may run longer


def _mark_teaser_runs(lines: list[str], fixed: list[Block | None], start: int, stop: int) -> None:
    """Inside the article, a run of TEASER_RUN or more headline-like lines (each 4-14 words,
    capitalised, without a full stop) between paragraphs is a block of related-story links
    without a label (`What you missed from ...` / `How Trudeau recruited ...`), and so is a
    longer run (of longer lines) under a chrome label (`POPULAR ARTICLE`): chrome."""

    def teaser(i: int, most: int) -> bool:
        line = lines[i]
        return (
            fixed[i] is None
            and TEASER_WORDS[0] <= word_count(line) <= most
            and line[:1].isupper()
            and not (_SENTENCE_END if most == TEASER_WORDS[1] else _FULL_STOP).search(line)  # (`... ‘Total Rollback’`)
            and not line.rstrip().endswith((":", ",", ";"))
        )

    i = start + 1
    while i < stop:
        j, count = i, 0
        most = LABELLED_TEASER_WORDS if _is_kind(fixed[i - 1], CHROME) else TEASER_WORDS[1]
        while j < stop and (teaser(j, most) or (count and _is_reason(fixed[j], NO_WORDS))):  # (`-` between them)
            count += fixed[j] is None
            j += 1
        between = j < stop and fixed[i - 1] is None and _paragraph_like(lines[j])  # (between paragraphs)
        labelled = count > TEASER_RUN and _is_kind(fixed[i - 1], CHROME)
        if count >= TEASER_RUN and (between or labelled):  # (or under a label such as `POPULAR ARTICLE`)
            for k in range(i, j):
                if fixed[k] is None:
                    fixed[k] = Block(CHROME, lines[k], "a run of related-story links inside the article")
        i = max(j, i + 1)


RANKED_RUN = 3  # this many numbered teaser headlines in a row are a "most viewed" list
_RANK = re.compile(r"^(?:10|[1-9])\.?$")


def _is_reason(block: Block | None, reason: str) -> bool:
    return block is not None and block.reason == reason


def _mark_ranked_lists(lines: list[str], fixed: list[Block | None]) -> None:
    """Anywhere on the page, RANKED_RUN or more teaser headlines each after its rank alone on a line
    (`1` / `Seoul to be illuminated in violet ...` / `-` / `2` / ...) are a "most viewed" list:
    chrome, ranks, headlines and separators."""

    def ranked(j: int) -> bool:  # a rank, then a headline (no full stop; unknown, or chrome already)
        if j + 1 >= len(lines) or not _RANK.match(lines[j]) or _FULL_STOP.search(lines[j + 1]):
            return False
        after = fixed[j + 1]
        return after is None or after.kind == CHROME

    if not any(len(line) <= 3 and line[:1].isdigit() for line in lines):  # (no rank on its own line)
        return
    i = 0
    while i < len(lines):
        j, pairs = i, 0
        while ranked(j):
            j += 2
            pairs += 1
            while j < len(lines) and not _RANK.match(lines[j]) and _is_reason(fixed[j], NO_WORDS):  # (`-` lines)
                j += 1
        if pairs >= RANKED_RUN:
            for k in range(i, j):
                fixed[k] = Block(CHROME, lines[k], "a numbered list of teaser headlines (most viewed)")
        i = max(j, i + 1)


def _mark_media_cards(lines: list[str], fixed: list[Block | None]) -> None:
    """Inside the article, the title of an embedded video card is chrome: a line without a
    full stop right above the card's `3 days ago` or `Duration 1:52` line."""
    body_started = False
    for i, line in enumerate(lines):
        known = fixed[i]
        if known is not None and known.reason in _CARD_STAMPS and body_started:
            j = i - 1
            if fixed[j] is None and word_count(lines[j]) <= 20 and not _FULL_STOP.search(lines[j]):
                fixed[j] = Block(CHROME, lines[j], "title of an embedded video")
        body_started = body_started or (known is None and _paragraph_like(line))


def _article_end(lines: list[str], fixed: list[Block | None], rules: ChromeRules) -> int:
    """Index of the first line after the article (len(lines) if none): the first end marker
    after the first line of article text. An inline box
    (`Related` + a few teaser lines) followed by more of the article is not the end: its
    lines become chrome and the search goes on."""
    lede: set[str] = set()
    i = 0
    while i < len(lines):
        if not lede and _paragraph_like(lines[i]) and fixed[i] is None:
            lede = signature(lines[i])
        if not lede or not end_marker(lines[i], rules):  # (a menu's `Topics` is no end)
            i += 1
            continue
        box = label_text(lines[i]).rstrip(":") in _INLINE_BOX
        resume = next(
            (j for j in range(i + 1, min(len(lines), i + 1 + INLINE_BOX_LINES)) if _resumes(lines, j, lede)), None
        )
        # Any other marker is a label dropped inside the article when the article goes on right
        # under it, for at least two long paragraphs.
        stray = resume == i + 1 and i + 2 < len(lines) and _long_paragraph(lines[i + 2])
        if resume is None or not (box or stray):
            return i
        for j in range(i, resume):
            fixed[j] = Block(CHROME, lines[j], "inline box inside the article")
        i = resume
    return len(lines)


def _long_paragraph(line: str) -> bool:
    return _paragraph_like(line) and word_count(line) >= 20


def _resumes(lines: list[str], j: int, lede: set[str]) -> bool:
    """True if line j goes on with the article: a long paragraph sharing 3+ words with the lede."""
    return _long_paragraph(lines[j]) and len(signature(lines[j]) & lede) >= 3


def _body_start(lines: list[str], fixed: list[Block | None]) -> int:
    for i, line in enumerate(lines):
        if fixed[i] is None and _paragraph_like(line) and not date_line(line) and not _BYLINE.match(line):
            return i
    return len(lines)


def _pick_headline(lines: list[str], fixed: list[Block | None], start: int) -> int | None:
    """The headline: the first title-like line above the article that shares words with the
    lede, more than half as many as the line that shares most (so a masthead such as
    `Presidency of the French Republic` gives way to the real headline under it, and a
    headline to its longer standfirst it does not); failing that, a title-like line of 4+
    words sitting right above the article (only dates, bylines and captions in between)."""
    lede = signature(" ".join(lines[start : start + 2]))
    shared = {
        i: len(signature(lines[i]) & lede)
        for i in range(start)
        if not fixed[i] and _title_like(lines[i]) and not date_line(lines[i]) and not _BYLINE.match(lines[i])
    }
    most = max(shared.values(), default=0)
    for i, count in shared.items():
        if count and 2 * count > most:
            return i
    for i in range(start - 1, -1, -1):
        line, known = lines[i], fixed[i]
        if (known is not None and known.kind == CAPTION) or date_line(line) or _BYLINE.match(line):
            continue
        fits = known is None and _title_like(line) and word_count(line) >= 4
        return i if fits and not _SENTENCE_END.search(line) else None
    return None


def _is_kind(block: Block | None, kind: str) -> bool:
    return block is not None and block.kind == kind


def _quiet_header_line(block: Block | None) -> bool:
    """A line between a date and the headline that keeps them together (not page chrome; a
    separator without words, `|`, neither)."""
    return block is None or block.kind in (CAPTION, SOURCE_LINE) or (block.kind == CHROME and block.reason == NO_WORDS)


HEADLESS_DATE_REACH = 3  # on a page with no headline, a date this close above the article is its date
_PLACE_WORDS = r"[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2}"
_PLACE_PAIR = re.compile(rf"^\s*{_PLACE_WORDS},\s*{_PLACE_WORDS}\s*$")  # `Montréal, Québec`


def _header_block(i: int, lines: list[str], fixed: list[Block | None], headline: int | None, start: int) -> Block:
    """Kind of a line above the article body (masthead, headline zone). A date counts as
    the report's when it sits within a few short lines of the headline or, on a page with no
    headline, right above the article (`August 21, 2025` / `Montréal, Québec` / the lede)."""
    line = lines[i]
    between = range(min(i, headline) + 1, max(i, headline)) if headline is not None else range(0)
    near = (
        headline is not None
        and abs(i - headline) <= 4
        # (a photo caption of any length may stand between them, and a standfirst right under the headline)
        and all(
            _quiet_header_line(fixed[j])
            and (word_count(lines[j]) <= 12 or _is_kind(fixed[j], CAPTION) or j == headline + 1 < i)
            for j in between
        )
    )
    if date_line(line):
        if near:
            return Block(DATE_LINE, line, "date next to the headline")
        if (
            headline is None
            and start - i <= HEADLESS_DATE_REACH
            and all(fixed[j] is None and _PLACE_PAIR.match(lines[j]) for j in range(i + 1, start))
        ):
            return Block(DATE_LINE, line, "date right above the article (no headline)")
        return Block(CHROME, line, "date away from the headline (page date)")
    if _BYLINE.match(line) and word_count(line) <= 12:
        return Block(CHROME, line, "byline")
    if headline is not None and i < headline:
        return Block(CHROME, line, "above the headline")
    if word_count(line) <= REPORTER_CREDIT_WORDS and _REPORTER_CREDIT.match(line):
        return Block(CHROME, line, "reporter's credit (`<Name> reports from <Outlet>`)")
    if _title_like(line) and word_count(line) >= 6:
        return Block(STANDFIRST, line, "standfirst under the headline")
    return Block(CHROME, line, "short label in the header")


# A caption without a credit: names, then a participle where a sentence has its verb
# (`Prime Minister Narendra Modi being greeted by his Japanese counterpart ...`)
_UNCREDITED_CAPTION = re.compile(
    r"^(?:[A-Z][\w.'’-]*,?\s+|(?:and|of|the)\s+){1,10}(?:\([A-Za-z]+\)\s+)?"
    r"(?:being\s+[a-z]+ed|shaking\s+hands|posing\s+for|waving\s+to)\b"
)
# a sentence's own verb: `Putin, being pressed by reporters, said he ...` is no caption
_FINITE_VERB = re.compile(r"\b(?:said|says|told|tells|is|was|were|are|has|had|have|will|would|did|does)\b")
CAPTION_MAX_WORDS = 45
REPORTER_CREDIT_WORDS = 10
_REPORTER_CREDIT = re.compile(
    r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}(?:\s+(?:reports?\s+)?(?:from|for)\s+[A-Z][^!?]{1,40}|\s+,)$"
)
BYLINE_WORDS = 5  # a byline alone on its line inside the article (`By Web report`) is this short
BYLINE_DATE_WORDS = 20  # a byline with a date and time on its line


def _body_block(i: int, lines: list[str], fixed: list[Block | None]) -> Block:
    """Kind of a line inside the article: a subheading (a short line, no full stop, before a
    paragraph; not a label in capitals, a bullet or a date) or a paragraph."""
    line = lines[i]
    nxt = next((lines[j] for j in range(i + 1, len(lines)) if fixed[j] is None), "")
    n = word_count(line)
    if n <= BYLINE_WORDS and _BYLINE.match(line) and not _SENTENCE_END.search(line):
        return Block(CHROME, line, "byline inside the article")
    if n <= REPORTER_CREDIT_WORDS and _REPORTER_CREDIT.match(line):
        return Block(CHROME, line, "reporter's credit (`<Name> reports from <Outlet>`, `Yoni Kempinski ,`)")
    if _PREFIX_WORDS.match(line) and date_line(line):
        return Block(CHROME, line, "publication stamp (`Publish Date : 10 April 2020 14:47 PM`)")
    if n <= BYLINE_DATE_WORDS and _BYLINE.match(line) and date_line(line) and not _SENTENCE_END.search(line):
        return Block(DATE_LINE, line, "byline with its date (`by The Kyiv Independent news desk April 15, 2023`)")
    caption_shape = _UNCREDITED_CAPTION.match(line) and not _FINITE_VERB.search(line)
    if n <= CAPTION_MAX_WORDS and caption_shape and len(_LAST_SENTENCE.split(line)) == 1:
        return Block(CAPTION, line, "photo caption (`<names> being greeted by ...`, no finite verb)")
    heading_shape = 1 <= n <= 14 and not _SENTENCE_END.search(line) and bool(nxt) and _paragraph_like(nxt)
    if heading_shape and (line.upper() != line or n > 3) and not _BULLET.match(line) and not date_line(line):
        return Block(SUBHEADING, line, "short line before a paragraph")
    return Block(PARAGRAPH, line, "article text")


TEASER_ZONE = 12  # blocks near the top that may repeat later text (teasers, standfirsts)
TWICE_MAX_WORDS = 5  # a line this short printed twice in a row near the top is furniture (a byline)


_LAST_SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z‘“\"'])")
GLUED_LINK_WORDS = 8  # a glued link headline has at least this many words
GLUED_LINK_LONG_WORDS = 7  # this many of 4+ letters (a signature "Name, President of X." has fewer)


def _capitalised_share(words: list[str]) -> tuple[int, float]:
    """(how many words of 4+ letters, the share of them that start with a capital)."""
    long = [w for w in (w.strip("‘’“”\"'(),.:;!?") for w in words) if len(w) >= 4]
    return len(long), (sum(w[:1].isupper() for w in long) / len(long) if long else 0.0)


def _glued_link(text: str) -> tuple[str, str] | None:
    """A paragraph with a link's headline glued to its end (`... PM Modi said. PM Narendra Modi
    Replies to Australian PM Scott Morrison, Says he is ‘Glad to Join’ the First Summit.`) ->
    (the paragraph, the headline); None when its last sentence reads as text."""
    parts = _LAST_SENTENCE.split(text)
    if len(parts) < 2:
        return None
    tail = parts[-1]
    head = text[: len(text) - len(tail)].rstrip()
    long, share = _capitalised_share(tail.split())
    if word_count(tail) < GLUED_LINK_WORDS or long < GLUED_LINK_LONG_WORDS or share < 0.95:
        return None
    _, body_share = _capitalised_share(head.split())
    return (head, tail) if word_count(head) >= 10 and body_share < 0.7 else None


def _split_glued_links(blocks: list[Block]) -> list[Block]:
    """Paragraphs with a link's headline glued to their end -> the paragraph, then the link as chrome."""
    out: list[Block] = []
    for block in blocks:
        split = _glued_link(block.text) if block.kind == PARAGRAPH else None
        if split is None:
            out.append(block)
            continue
        out += [Block(PARAGRAPH, split[0], block.reason), Block(CHROME, split[1], "link headline glued to a paragraph")]
    return out


# `(MENAFN- Nam News Network) CAIRO, ...`: an aggregator's credit for the outlet it reprints
_SYNDICATION = r"\((?P<credit>[A-Z][A-Za-z]{1,12}\s*[-–:]\s*[^()]{2,50}(?:\([^()]{1,15}\))?)\)"  # (`(KUNA)` inside)
_SYNDICATION_CREDIT = re.compile(r"^(?:" + _SYNDICATION + r"|\((?P<bare>[A-Z]{3,10})\))\s+(?=[A-Z“\"])")  # opening it
_SYNDICATION_LINE = re.compile(_SYNDICATION + r"$")  # split off as its own source line
SYNDICATION_REASON = "syndication credit opening the first paragraph"
# `... the Gaza conflict.– NNN-MENA`: a wire's sign-off glued to the last sentence
_WIRE_SIGNOFF = re.compile(
    r"(?<=[.!?\"”’])\s*[-–—]{1,2}\s*(?P<wire>[A-Z]{2,10}(?:-[A-Z]{2,10})?|(?-i:[A-Z][a-z]{3,11}))\s*$"  # `.- Bernama`
)
WIRE_SIGNOFF_REASON = "wire sign-off glued to the last sentence"


def _split_wire_credits(blocks: list[Block]) -> list[Block]:
    """An aggregator's credit opening the first paragraph (a source line) and a wire's sign-off
    closing the last one (chrome) -> blocks of their own, beside the paragraph's text."""
    out = list(blocks)
    paragraphs = [i for i, b in enumerate(out) if b.kind == PARAGRAPH]
    if not paragraphs:
        return out
    first, last = paragraphs[0], paragraphs[-1]
    m = _WIRE_SIGNOFF.search(out[last].text)
    if m:
        text = out[last].text
        out[last : last + 1] = [
            Block(PARAGRAPH, text[: m.start()], out[last].reason),
            Block(CHROME, text[m.start() :].strip(), WIRE_SIGNOFF_REASON),
        ]
    m = _SYNDICATION_CREDIT.match(out[first].text)
    if m:
        text = out[first].text
        out[first : first + 1] = [
            Block(SOURCE_LINE, text[: m.end()].strip(), SYNDICATION_REASON),
            Block(PARAGRAPH, text[m.end() :], out[first].reason),
        ]
    return out


# The opening of a wire story: `Rio de Janeiro(VNA) - `, `BEIJING, Nov. 16 (Xinhua) -- `,
# `MOSCOW, June 26. /TASS/. `, `KYIV, Ukraine (AP) — `
_WIRE_DATELINE = re.compile(
    r"^[A-Z][\w.'’ -]{1,40}?(?:\s*\[[^\]]{1,30}\])?(?:,\s*[^,()\n]{2,30}?){0,2}\s*"
    r"(?:\((?-i:[A-Z][\w .&-]{1,25})\)\.?\s*[-–—:]|\.\s*/[A-Z][\w-]{1,15}/)"
)
# A city in capitals and a dash or colon: `WASHINGTON – Following ...`, `ISLAMABAD: Prime ...`
_CAPITALS_DATELINE = re.compile(
    r"^(?!(?:BREAKING|UPDATE[DS]?|EXCLUSIVE|WATCH|LIVE|ANALYSIS|OPINION|EDITORIAL|NOTE|PHOTOS?|VIDEO)\b)"
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}(?:,\s*[A-Z][\w.]+(?: [A-Z][\w.]+)?)?\s*(?:[-–—]|:)\s+[A-Z“\"]"
)
DATELINE_REACH = 3  # the wire story's dateline opens one of the first this many paragraphs


def _opens_with_dateline(text: str) -> bool:
    """True if a paragraph opens with a wire dateline or a city in capitals and a dash."""
    return bool(_WIRE_DATELINE.match(text) or _CAPITALS_DATELINE.match(text))


def _lede_at_dateline(blocks: list[Block]) -> list[Block]:
    """Paragraphs above the one that opens with a dateline (a deck or summary the page
    put first) are the standfirst: the article, and its lede, start at the dateline."""
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == PARAGRAPH][:DATELINE_REACH]
    if not paragraphs or _opens_with_dateline(blocks[paragraphs[0]].text):
        return blocks
    at = next((i for i in paragraphs[1:] if _opens_with_dateline(blocks[i].text)), None)
    if at is None:
        return blocks
    out = list(blocks)
    for i in paragraphs:
        if i < at:
            out[i] = Block(STANDFIRST, blocks[i].text, "above the paragraph that opens with the dateline")
    return out


QUOTE_HEADLINE_LEAD_WORDS = 15


def _join_quote_headline(blocks: list[Block]) -> list[Block]:
    """A headline in two lines, `Armenian PM at meeting with Georgian PM in Tbilisi:` above
    `“Our relationship with Georgia is special”` -> one headline."""
    for i, block in enumerate(blocks[1:], start=1):
        if block.kind != HEADLINE:
            continue
        lead = blocks[i - 1]
        text = lead.text.strip()
        if (
            block.text.lstrip()[:1] in "“\"‘'"
            and lead.kind == CHROME
            and text.endswith(":")
            and word_count(text) <= QUOTE_HEADLINE_LEAD_WORDS
            and _title_like(text.rstrip(":"))
        ):
            joined = Block(HEADLINE, f"{text} {block.text.strip()}", "headline in two lines: a lead and a quotation")
            return [*blocks[: i - 1], joined, *blocks[i + 1 :]]
        break
    return blocks


def _drop_duplicates(blocks: list[Block]) -> list[Block]:
    """Turn teasers and repeated paragraphs (text found again in another block) into chrome.

    A block repeated word for word keeps its last copy; a block near the top whose text
    (less a trailing ellipsis) is part of another block is a teaser. Linear in the number of
    blocks, so a very long seed stays fast."""
    texts = [" ".join(b.text.split()) for b in blocks]  # whitespace runs as one space
    body = [i for i, b in enumerate(blocks) if b.kind in (STANDFIRST, PARAGRAPH)]
    last_copy = {texts[i]: i for i in body}
    out = list(blocks)
    for n, i in enumerate(body):
        core = texts[i].rstrip("….").strip()
        if len(core) <= 20:
            continue
        repeated = last_copy[texts[i]] != i
        teaser = n < TEASER_ZONE and any(core in texts[j] and texts[j] != texts[i] for j in body if j != i)
        if repeated or teaser:
            out[i] = Block(CHROME, blocks[i].text, "repeats text found in another paragraph")
    # a short line printed twice in a row near the top (a byline, a widget): page furniture
    for i in range(min(len(blocks), TEASER_ZONE) - 1):
        pair = (blocks[i].kind, blocks[i + 1].kind)
        short = texts[i] == texts[i + 1] and 0 < word_count(texts[i]) <= TWICE_MAX_WORDS
        if short and not _FULL_STOP.search(texts[i]) and all(k in (STANDFIRST, PARAGRAPH, SUBHEADING) for k in pair):
            for j in (i, i + 1):
                out[j] = Block(CHROME, blocks[j].text, "a short line printed twice in a row")
    # a "subheading" that is a copy of a chrome line (image alt text printed again in the body)
    # or of the headline (printed again above the text, or as a photo's title)
    chrome = {texts[i] for i, b in enumerate(blocks) if b.kind in (CHROME, CAPTION)}
    headlines = {texts[i].lower() for i, b in enumerate(blocks) if b.kind == HEADLINE}
    for i, b in enumerate(blocks):
        if b.kind == SUBHEADING and texts[i] in chrome:
            out[i] = Block(CHROME, b.text, "repeats a line of page chrome")
        elif b.kind in (SUBHEADING, STANDFIRST, PARAGRAPH) and _repeats_headline(texts[i].lower(), headlines):
            out[i] = Block(CHROME, b.text, "repeats the headline")
    return out


HEADLINE_CREDIT_WORDS = 3  # `<the headline> Yonhap News`: a photo titled with the headline and credited


def _repeats_headline(low: str, headlines: set[str]) -> bool:
    """True if a (lower-cased) line is the headline, alone or followed by a short credit."""
    for headline in headlines:
        if low == headline:
            return True
        rest = low[len(headline) :] if low.startswith(headline) else ""
        if rest[:1] == " " and word_count(rest) <= HEADLINE_CREDIT_WORDS and not _SENTENCE_END.search(rest):
            return True
    return False


# A name's pop-up card glued into a sentence: `President TrumpDonald John TrumpNew Bob Woodward
# book ... MORE on Thursday spoke with ...` (the full name, teaser headlines, then `MORE`)
_NAME_WIDGET = re.compile(
    r"\b(?P<last>[A-Z][\w'’-]*[a-z])(?P<card>[A-Z][a-z][\w'’-]*(?:\s[A-Z][\w.'’-]*){0,3}\s(?P=last)(?=[A-Z])"
    r"[^\n]{0,800}?\sMORE)(?=\s)"
)


def _without_name_widgets(text: str) -> str:
    """`text` without the name cards glued into its sentences (the name itself is kept)."""
    return _NAME_WIDGET.sub(r"\g<last>", text) if " MORE" in text else text


def clean(text: str, rules: ChromeRules | None = None) -> CleanDoc:
    """Classify the lines of a seed's text. Text -> CleanDoc (blocks in source order)."""
    rules = rules or load_chrome_rules()
    iso, text = dates.prefix_date(text)
    lines = _lines(unwrap(_without_name_widgets(text)))
    fixed: list[Block | None] = [_classify_line(ln, rules) for ln in lines]
    _mark_foreign_notices(lines, fixed)
    _mark_inline_boxes(lines, fixed)
    _mark_media_cards(lines, fixed)
    stop = _article_end(lines, fixed, rules)
    start = _body_start(lines[:stop], fixed)
    if start >= stop:  # a one-paragraph wire item signed `... on Monday. AFP` (no full stop at its end)
        signed = (i for i in range(stop) if fixed[i] is None and word_count(lines[i]) >= 10)
        start = next((i for i in signed if rules.credit_after_sentence.search(lines[i])), start)
    # (the first paragraph-like line too: a long caption right above the lede)
    for i in range(min(start + 1, stop) if start < stop else 0):  # (not when no line reads as the article)
        if fixed[i] is None and rules.credit_after_sentence.search(lines[i]):
            fixed[i] = Block(CAPTION, lines[i], "above the article: a sentence, then an agency's name")
            if i == start:  # only when the wire story's dateline opens the next paragraph
                after = _body_start(lines[:stop], fixed)
                if after < stop and _WIRE_DATELINE.match(lines[after]):
                    start = after
                else:
                    fixed[i] = None
    _mark_caption_copies(lines, fixed)
    _mark_teaser_runs(lines, fixed, start, stop)
    _mark_ranked_lists(lines, fixed)
    _mark_photo_labels(lines[:start], fixed)
    _mark_crumb_titles(lines[:start], fixed)
    _free_media_headlines(lines, fixed, start)
    headline = _pick_headline(lines, fixed, start)
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        known = fixed[i]
        if i >= stop:
            marker = end_marker(lines[stop], rules) or "after the end of the article"
            blocks.append(known if known and known.kind == SOURCE_LINE else Block(CHROME, line, marker))
        elif known is not None:
            blocks.append(known)
        elif i == headline:
            blocks.append(Block(HEADLINE, line, "title-like line that shares words with the lede"))
        elif i < start:
            blocks.append(_header_block(i, lines, fixed, headline, start))
        else:
            blocks.append(_body_block(i, lines, fixed))
    blocks = _split_wire_credits(_split_glued_links(_trim_tail(_top_dates(_credited_titles(blocks)), rules)))
    blocks = _lede_at_dateline(_join_quote_headline(blocks))
    return CleanDoc(blocks=tuple(_drop_duplicates(blocks)), prefix_date=iso)


FOREIGN_SAMPLE = 20_000  # characters of the text that tell its script
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_LETTER = re.compile(r"[^\W\d_]")


def _latin_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_LATIN.findall(text)) / letters if letters else 1.0


# a letter of a script other than Latin (Greek, Cyrillic, Arabic, CJK...)
_OTHER_SCRIPT = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
FOREIGN_LINE_SHARE = 0.2  # a line of a page in Latin script with fewer Latin letters is in another script


def _mark_foreign_notices(lines: list[str], fixed: list[Block | None]) -> None:
    """In a page in Latin script, lines in another script are page chrome: at the top, up to
    the first line in Latin script (an archive's notice in Korean above an English readout),
    and, further down, lines of two or more words in another script (a comment form in
    Russian under an English report)."""
    text = "\n".join(lines)
    if not _OTHER_SCRIPT.search(text) or _latin_share(text[:FOREIGN_SAMPLE]) < 0.8:
        return
    top = _latin_share(lines[0]) < 0.5
    for i, line in enumerate(lines):
        if line.isascii() or not _OTHER_SCRIPT.search(line):
            top = False
            continue
        share = _latin_share(line)
        top = top and share < 0.5
        if top:
            fixed[i] = fixed[i] or Block(CHROME, line, "a notice in another script above the article")
        elif share < FOREIGN_LINE_SHARE and word_count(line) >= 2:
            fixed[i] = fixed[i] or Block(CHROME, line, "a line in another script")


_MEDIA_HEADLINE = re.compile(r"^(?:watch|video|listen|live)\s*:\s+\S", re.I)


def _free_media_headlines(lines: list[str], fixed: list[Block | None], start: int) -> None:
    """`Watch: Prime Minister Luxon and Australian PM Albanese` above the article, sharing
    words with the lede, may be the headline of a video report (elsewhere such a line is a
    link to one)."""
    lede = signature(" ".join(lines[start : start + 2]))
    for i in range(start):
        block = fixed[i]
        media = block is not None and block.kind == CHROME and _MEDIA_HEADLINE.match(lines[i])
        if media and len(signature(lines[i]) & lede) >= 2:
            fixed[i] = None


PHOTO_LABEL_WORDS = 7
_NAME_CONNECTORS = frozenset({"of", "the", "and", "de", "bin", "al", "von", "van"})  # `President X of Tanzania`
# words of a headline in title case, never of a name (a headline printed twice is no photo label)
_HEADLINE_VERBS = frozenset(
    {
        "hold",
        "holds",
        "held",
        "meet",
        "meets",
        "met",
        "talk",
        "talks",
        "discuss",
        "discusses",
        "call",
        "calls",
        "say",
        "says",
        "agree",
        "agrees",
        "sign",
        "signs",
        "visit",
        "visits",
        "urge",
        "urges",
        "vow",
        "vows",
    }
)


_NUMBERED = re.compile(r"^\s*(?P<n>\d{1,2})\.\s+(?P<text>\S.*)$")
CRUMB_PREFIX_WORDS = 5  # at most this many words of breadcrumbs glued before a title


def _mark_crumb_titles(header: list[str], fixed: list[Block | None]) -> None:
    """Breadcrumbs above the article: a numbered trail (`1. Latest News` / `2. India News` /
    `3. <the headline>`, its last item chrome too when the headline follows on its own line),
    and a line that is crumbs glued to the title printed on the next line
    (`HomeBreaking NewsPM John Briceño Reaffirms ...` / `PM John Briceño Reaffirms ...`)."""
    free = [i for i in range(len(header)) if fixed[i] is None]
    later = {" ".join(header[i].split()) for i in free}
    i = 0
    while i < len(header):
        run, first = i, None
        while run < len(header) and fixed[run] is None:
            m = _NUMBERED.match(header[run])
            first = int(m.group("n")) if m and first is None else first
            if not m or int(m.group("n")) != (first or 0) + run - i:
                break
            run += 1
        if run - i >= 2:
            for j in range(i, run):
                text = " ".join(_NUMBERED.match(header[j]).group("text").split())  # type: ignore[union-attr]
                if j < run - 1 or (text in later and text != " ".join(header[j].split())):
                    fixed[j] = Block(CHROME, header[j], "a numbered breadcrumb trail")
        i = max(run, i + 1)
    for i, j in pairwise(free):
        title = " ".join(header[j].split())
        glued = " ".join(header[i].split())
        crumbs = glued[: -len(title)] if glued != title and glued.endswith(title) else ""
        if j == i + 1 and word_count(title) >= 4 and 0 < word_count(crumbs) <= CRUMB_PREFIX_WORDS:
            fixed[i] = Block(CHROME, header[i], "breadcrumbs glued to the title below")


def _mark_photo_labels(header: list[str], fixed: list[Block | None]) -> None:
    """A name alone, printed twice in a row above the article (`Turkish President Recep Tayyip
    Erdogan`: a photo's alt text and its caption), is a caption, never the headline."""
    for i in range(len(header) - 1):
        line = header[i]
        words = line.split()
        label = 1 <= word_count(line) <= PHOTO_LABEL_WORDS and all(
            w[:1].isupper() or w in _NAME_CONNECTORS for w in words
        )
        label = label and not any(w.lower() in _HEADLINE_VERBS for w in words)  # (`Xi, Trump Hold Phone Talks`)
        if label and header[i + 1] == line and fixed[i] is None and fixed[i + 1] is None:
            fixed[i] = fixed[i + 1] = Block(CAPTION, line, "a name printed twice above the article (a photo's label)")


CAPTION_COPY_REACH = 2  # lines between a caption and its copy without the credit


def _mark_caption_copies(lines: list[str], fixed: list[Block | None]) -> None:
    """A line that repeats a caption less its credit (a photo's alt text and its caption) is
    a caption too."""
    # (a gallery's caption is compared without its counter: `1 of 3 | President ...`)
    captions = sorted(
        {
            _GALLERY_COUNTER.sub("", ln)
            for ln, b in zip(lines, fixed, strict=True)
            if b is not None and b.kind == CAPTION
        }
    )
    if not captions:
        return
    first = next((i for i, b in enumerate(fixed) if b is None), -1)
    for i, raw in enumerate(lines):
        if fixed[i] is not None or (i == first and _title_like(raw)):  # (a photo titled with the headline)
            continue
        line = _BULLET.sub("", raw)
        at = bisect.bisect_right(captions, line)  # the captions that start with `line` sort right after it
        if at < len(captions) and captions[at].startswith(line) and word_count(line) >= 4:
            near = [
                _GALLERY_COUNTER.sub("", n) for n in lines[max(0, i - CAPTION_COPY_REACH) : i + CAPTION_COPY_REACH + 1]
            ]
            if any(c.startswith(line) and c != line for c in near):  # (a copy stands next to its caption)
                fixed[i] = Block(CAPTION, raw, "repeats a photo caption without its credit")
                continue
        if word_count(line) >= 10 and not _FULL_STOP.search(line) and _reworded_caption(i, lines, fixed):
            fixed[i] = Block(CAPTION, raw, "a photo caption reworded next to its credited copy")


CAPTION_REWORD_SHARE = 0.85  # share of a line's word stems that a caption next to it says too


def _reworded_caption(i: int, lines: list[str], fixed: list[Block | None]) -> bool:
    """True if the line next to line `i` is a caption that says nearly the same words (the
    photo's alt text and its credited caption: `U.S. President Joe Biden speaks ... Feb. 23` /
    `President Biden speaks ... on Tuesday. Photo: ...`)."""
    own = signature(lines[i])
    beside = [j for j in (i - 1, i + 1) if 0 <= j < len(lines) and _is_kind(fixed[j], CAPTION)]
    return bool(own) and any(len(own & signature(lines[j])) >= CAPTION_REWORD_SHARE * len(own) for j in beside)


def _credited_titles(blocks: list[Block]) -> list[Block]:
    """A short line that is no sentence (the photo's title or alt text) right above a caption
    (or a bare photo credit: `Image: Getty Images`) is part of the caption."""
    out = list(blocks)
    for i in range(len(out) - 2, -1, -1):  # upwards: a photo's alt text above its title above its credit
        block, after = out[i], out[i + 1]
        short = word_count(block.text) <= 12 and not _SENTENCE_END.search(block.text)
        stamp = _only_a_date(block.text) or _BYLINE.match(block.text)
        if short and not stamp and after.kind == CAPTION and block.kind in (PARAGRAPH, SUBHEADING):
            out[i] = Block(CAPTION, block.text, "the title of a photo captioned on the next line")
    return out


def _top_dates(blocks: list[Block]) -> list[Block]:
    """A date alone on a line among the first body blocks is the report's date line
    (official readouts put it under the first sentence)."""
    out, seen = [], 0
    for block in blocks:
        if block.kind in (PARAGRAPH, SUBHEADING):
            seen += 1
            quiet = not _BULLET.match(block.text) and "@" not in block.text
            if seen <= 3 and quiet and word_count(block.text) <= 6 and date_line(block.text):
                block = Block(DATE_LINE, block.text, "date alone under the first lines")
        out.append(block)
    return out


def _trim_tail(blocks: list[Block], rules: ChromeRules) -> list[Block]:
    """Short lines after the last real paragraph (signatures, editors' initials) and legal or
    subscription notices there are chrome."""
    out = list(blocks)
    for i in range(len(out) - 1, -1, -1):
        block = out[i]
        if block.kind not in (PARAGRAPH, SUBHEADING):
            continue
        low = block.text.lower()
        if word_count(block.text) <= 4 and not _SENTENCE_END.search(block.text.rstrip(":")):  # (`By period:`)
            out[i] = Block(CHROME, block.text, dates.TAIL_REASON)
        elif any(p in low for p in rules.trailers):
            out[i] = Block(CHROME, block.text, "legal or subscription notice after the article")
        elif _signature_line(block.text):
            out[i] = Block(CHROME, block.text, SIGNATURE_REASON)
        else:
            break
    return out


SIGNATURE_WORDS = 12
SIGNATURE_REASON = "the issuing office's signature after the article"


def _signature_line(text: str) -> bool:
    """`PUBLIC RELATIONS SERVICE OF THE GOVERNMENT OF MONTENEGRO`: a short line in capitals,
    no sentence, under an official release."""
    return text.isupper() and word_count(text) <= SIGNATURE_WORDS and not _SENTENCE_END.search(text)
