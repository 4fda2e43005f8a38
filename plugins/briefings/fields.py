"""Scalar fields of a briefing: title, summary, source, location and format of the talks.

Pure functions over a `CleanDoc`; each returns a `Found` (value + rule + matched text), with
value None when the text does not say. Photo credits, teasers and other chrome never feed a
field, except where chrome *is* the evidence (a byline naming the outlet, a `Source:` line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from . import dates
from .clean import (
    OUTLET_BIO,
    SIGNATURE_REASON,
    WIRE_SIGNOFF_REASON,
    load_chrome_rules,
    source_line_name,
    word_count,
)
from .model import CHROME, DATE_LINE, HEADLINE, PARAGRAPH, SOURCE_LINE, CleanDoc, Found
from .people import TITLE_VARIANTS, fold
from .wordtrie import CASE_ODD_RE
from .yamlio import load_yaml

REGISTRY = Path(__file__).parent / "registry"
TITLE_MAX = 100

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"  # upper- and lower-case letters of city names (Latin-1 accents too)
_MONTH_LOW = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"  # `14 mar` (Spanish wires)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_MONTH = rf"(?:[A-Z][a-z]{{2,8}}\.?\s+{_DAY}|{_DAY}\s+(?:[A-Z][a-z]{{2,8}}\.?|{_MONTH_LOW}))"
_COUNTRY_TAG = r"(?:\s*\[[A-Za-z][\w .'-]{1,30}\])?"  # ANI's `[India]`
_AGENCY_DATELINE = re.compile(
    rf"^[{_UP}][\w.' /-]{{1,40}}?{_COUNTRY_TAG}(?:,\s*[\w .'-]{{2,30}}?){{0,2}}\s*"
    r"\((?!(?:re)?translated|updated|video|photos?|live|file\b)(?P<agency>[A-Za-z][\w .&-]{1,30})\)\.?\s*[-–—:]"
)
# `NUR-SULTAN. KAZINFORM – President ...`: the city, a dot, the agency in capitals;
# `Astana. July 4. KazTAG - President ...`: a city in mixed case, a dotted date, the agency
_DOTTED_AGENCY = re.compile(
    rf"^(?P<city>[{_UP}][{_UP}'’-]+(?:\s[{_UP}][{_UP}'’-]+){{0,2}})\.\s+(?P<agency>[A-Z][A-Z-]{{2,20}})\s*[-–—]\s"
)
_DOTTED_DATE_AGENCY = re.compile(
    rf"^(?P<city>[{_UP}][{_LOW}'’-]+(?:\s[{_UP}][{_LOW}'’-]+){{0,2}})\.\s+{_DAY_MONTH}\.\s+"
    r"(?P<agency>[A-Z][A-Za-z-]{2,20})\s*[-–—]\s"
)
# `Rio de Janeiro(VNA) - `: a city in mixed case, then the agency
_CITY_AGENCY = re.compile(
    rf"^(?P<city>[{_UP}][{_LOW}'’-]+(?:\s(?:(?:de|da|do|del|la|el|es)\s)?[{_UP}][{_LOW}'’-]+){{0,3}})"
    rf"(?:,\s*[{_UP}][{_LOW}]+(?:\s[{_UP}][{_LOW}]+)?)?\s*"  # (`Antalya, Turkey (ANTARA News) -`)
    r"\((?P<agency>[A-Z][\w .&-]{1,25})\)\.?\s*[-–—:]"
)
# `Jakarta, The Gulf Observer: President ...`: the city, then the outlet itself
_CITY_OUTLET = re.compile(
    rf"^(?P<city>[{_UP}][{_LOW}'’-]+(?:\s[{_UP}][{_LOW}'’-]+){{0,2}}),\s+"
    r"(?P<agency>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3}):\s+(?=[A-Z“\"])"
)


# `Dushanbe, IRNA – Iran's President ...`: the city, then a wire's initials and a dash
_CITY_WIRE = re.compile(
    rf"^(?P<city>[{_UP}][{_LOW}'’-]+(?:\s[{_UP}][{_LOW}'’-]+){{0,2}}),\s+(?P<agency>[A-Z]{{2,8}})\s*[-–—]\s+(?=[A-Z“\"])"
)


def _city_outlet(lede: str) -> re.Match[str] | None:
    """`_CITY_OUTLET` or `_CITY_WIRE` at the start of the lede, unless its second part is a
    place (`Kyiv, Ukraine:`, `Cairo, EGYPT -`)."""
    m = _CITY_OUTLET.match(lede) or _CITY_WIRE.match(lede)
    places = load_places()
    name = m.group("agency").lower().removeprefix("the ") if m else ""
    return m if m and name not in places.countries and name not in places.not_venues else None


def _dotted_agency(lede: str) -> re.Match[str] | None:
    """`_DOTTED_AGENCY` or `_DOTTED_DATE_AGENCY` at the start of the lede (its agency no country)."""
    m = _DOTTED_AGENCY.match(lede) or _DOTTED_DATE_AGENCY.match(lede)
    return m if m and m.group("agency").lower() not in load_places().countries else None


# `Cairo: Saudi Arabia's King ...`, `Kampala. Embattled ...`, `Addis Ababa — Prime Minister ...`:
# a capital in mixed case opening the lede (or, before a colon, the headline)
_CAPITAL_DATELINE = re.compile(
    rf"^(?P<city>[{_UP}][{_LOW}'’-]+(?:\s[{_UP}][{_LOW}'’-]+){{0,2}})(?:[.:]|\s[-–—]{{1,2}})\s+(?=[A-Z“\"])"
)


def _capital_dateline(lede: str) -> re.Match[str] | None:
    """`_CAPITAL_DATELINE` at the start of the lede when its city is a known capital."""
    m = _CAPITAL_DATELINE.match(lede)
    return m if m and m.group("city").lower() in load_places().capitals else None


def _folded(place: str) -> str:
    """A place name lower-cased and without accents (`Brasília` -> `brasilia`), as capitals are keyed."""
    return fold(place).lower()


# An agency credit that opens the lede: `(CNN) — President ...`
_BARE_AGENCY = re.compile(r"^\((?P<agency>[A-Z][\w.&-]{1,15}(?: [A-Z][\w.&-]+){0,2})\)\s*[-–—:]*\s+(?=[A-Z“\"])")
_SLASH_AGENCY = re.compile(
    r"^[^\n]{0,60}?/(?P<agency>[A-Z][A-Za-z-]{1,15})/"
    r"|^(?P<agency2>[A-Z][\w]+(?:\s[A-Z][\w]+){0,2})/\s+(?=[A-Z])"  # `Shafaq News/ Iraq's Prime Minister ...`
)
_DATELINE_CITY = re.compile(
    rf"^(?P<city>[{_UP}][{_UP}.'’-]+(?:\s[{_UP}][{_UP}.'’-]+){{0,3}})\b(?:/[A-Z][A-Z.'’ -]+)?"
    r"(?:,\s*(?P<region>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}))?"
    rf"(?=\s*(?:\([^)]{{1,30}}\)\s*)?(?:[-–—:]|,\s*{_DAY_MONTH}))"
)
# `Beijing, Jan 5 (IANS)`, `New Delhi [India], June 4 (ANI):`, `Nairobi, Kenya, March 14 —`
_MIXED_DATELINE = re.compile(
    rf"^(?P<city>[{_UP}][{_LOW}]+(?:\s[{_UP}][{_LOW}]+){{0,2}})(?:\s[A-Z]\.?[A-Z]\.?)?{_COUNTRY_TAG}"
    rf"(?:,\s*(?:[{_UP}][{_LOW}]+(?:\s[{_UP}][{_LOW}]+){{0,2}}|[{_UP}]{{3,}}(?:\s[{_UP}]{{2,}}){{0,2}}))?,\s*{_DAY_MONTH}(?:,?\s*\d{{4}})?\s*"
    r"(?:\((?P<agency>[^)]{1,25})\)|(?=[-–—]))"
)
_BYLINE_OUTLET = re.compile(
    r"\bBy\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3},\s*(?P<outlet>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})\s+(?:Staff|Reporter|Correspondent)\b"
    r"|^(?P<outlet2>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+(?:staff\s+)?(?:reporter|correspondent)\s+[A-Z]"
    r"|^Team\s+(?P<outlet3>\w[\w.]*)$"
    r"|\b(?:editor|reporter|correspondent|writer|journalist|producer)\s+(?:for|at|with)\s+(?P<outlet4>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})"
    r"|^By\s+(?P<outlet5>(?:[A-Z][\w.]*\s+){0,3}(?:News\s+Service|News\s+Desk|Web\s+Desk|Bureau|News\s+Agency))\b"
    # `by The Kyiv Independent news desk April 15, 2023`, `By JT - Apr 20,2023`
    r"|^(?i:by)\s+(?P<outlet7>The\s+[A-Z][\w'’]*(?:\s[A-Z][\w'’]*){0,3})\s+(?i:news\s+desk|newsroom|staff|web\s+desk)\b"
    r"|^By\s+(?P<outlet8>[A-Z]{2,6})\s*(?:[-–—|,]|$)"
    # `By Sasa Dragojlo-Beligrad/BalkanInsight/*`
    r"|^By\s+[A-Z][\w.'’]+(?:[\s-][A-Z][\w.'’]+){0,3}/(?P<outlet9>[A-Z][A-Za-z]{2,30})/",
)
_ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:published|appeared)\s+(?:by|in|on|at)\s+(?:the\s+)?"
    r"(?![A-Z][a-z]+\.?\s+\d)"  # (not a date: `first published on November 22, 2015`)
    r"(?P<src>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})"
)
_INSTITUTION = (
    r"(?:the\s+)?(?P<src>(?:[A-Z][\w'’.-]*\s+|(?:foreign|defen[cs]e|presidential|prime\s+minister's|press)\s+){0,4}"
    r"(?:(?:press\s+service|office|Office|House|Kremlin|Street|Ministry"
    r"|ministry|Presidency|Directorate(?:\s+of\s+[A-Z]\w+)?|Department|Palace|Government|Cabinet|Secretariat"
    r"|Embassy|Commission|Council)(?:\s+press\s+service)?(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?))"
)
_ATTRIBUTION = [
    re.compile(r"\ba\s+statement\s+(?:by|from)\s+(?:the\s+)?(?P<src>[A-Z][^,.;\"“]{2,80}?)\s+(?:said|says|read)\b"),
    re.compile(_INSTITUTION + r"\s+(?:said|says|stated|reported|announced)\b(?:\s+in\s+a\s+(?:statement|readout))?"),
    re.compile(r"\baccording\s+to\s+" + _INSTITUTION),
    re.compile(
        r"\b(?P<src>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:said|stated)\s+in\s+a\s+(?:statement|readout)\b"
    ),
    # `... in London on Friday, BSS reports.`, `..., ARY News reported on Thursday.`
    re.compile(
        r",\s+(?P<src>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+report(?:s|ed)"
        r"(?:\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\s+(?:today|yesterday))?\.(?=\s|$)"
    ),
]
_OFFICIAL_SITE = re.compile(r"^Official website of (?:the\s+)?(?P<src>.+)$", re.I)
_CAP = r"[A-Z][\w'’.&-]*"
# An issuing office named alone above the headline: `Prime Minister's Office`, `Ministry of
# External Affairs`, `Presidency of the Republic of Türkiye` (a bare `Government` is a label).
_ISSUER_LINE = re.compile(
    rf"^(?:The\s+)?(?P<src>(?:(?:{_CAP}\s+){{1,3}}(?:Ministry|Office|Presidency|Cabinet|Chancellery|Secretariat)"
    rf"|(?:Ministry|Office|Presidency|Cabinet|Chancellery|Secretariat|Department|Government|President|Prime\s+Minister)"
    rf"\s+of\s+(?:the\s+)?{_CAP}(?:\s+(?:of\s+(?:the\s+)?|and\s+)?{_CAP}){{0,5}}))\.?$"
)
# The publisher named in its own page furniture: `© 2024 The Korea Herald`, `Register on
# BusinessLIVE at no cost...`, `Subscribe to The Straits Times`.
_PUBLISHER_CHROME = re.compile(
    rf"^(?:(?:(?:©|\(c\))\s*(?:[Cc]opyright\s*)?|[Cc]opyright\s*(?:©\s*)?)(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*)?"
    rf"|(?i:register|sign\s+up|subscribe)\s+(?i:on|to|for|with)\s+)"
    rf"(?P<src>(?:The\s+)?{_CAP}(?:\s+{_CAP}){{0,3}}?)"
    rf"(?:[.,]?\s*(?:(?i:all\s+rights\s+reserved|at\s+no\s+cost|for\s+free|today|now|and|to|newsletters?)\b.*)?|[.!]?)$"
)
# The outlet pointing to its own coverage: `For Infobae's complete coverage of the G20 summit: ...`
_OWN_COVERAGE = re.compile(
    rf"^(?:For|Read|See)\s+(?:more\s+of\s+|all\s+of\s+)?(?P<src>{_CAP}(?:\s+{_CAP}){{0,3}}?)['’]s\s+"
    r"(?:complete|full|latest|live|special|extensive)\s+coverage\b"
)
_OUTLET_WORD = (
    r"(?:Times|Post|Herald|News|Daily|Tribune|Journal|Gazette|Express|Telegraph|Guardian|Independent|Chronicle"
    r"|Star|Mail|Observer|Standard|Mirror|Sun|Nation|Review|Today|Insider|Monitor|Dispatch|Courier|Record|Week)"
)
_OUTLET_WORD_RE = re.compile(rf"\b{_OUTLET_WORD}\b")
# A masthead: the page's first line naming a newspaper (`The Times Australia`).
_MASTHEAD = re.compile(rf"^(?:The\s+)?(?:{_CAP}\s+){{0,2}}{_OUTLET_WORD}(?:\s+{_CAP}){{0,2}}$")
# The outlet speaking of itself: `PUNCH reports that ...`, `The Herald has learnt that ...`.
_SELF_REPORT = re.compile(
    rf"^(?:The\s+)?(?P<src>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:reports|reported|has\s+learn[te]d?|gathered|understands)"
    rf"\s+that\b"
)
# The outlet naming where it took a report from: `..., Azernews reports citing AZERTAC.`
_REPORTS_CITING = re.compile(rf"(?:^|[,;]\s+)(?P<src>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?:reports|reported),?\s+citing\b")
# The site's logo, named by its alt text: `logo Agência Brasil`, `The Herald logo`
_LOGO_LINE = re.compile(
    rf"^(?:(?i:logo)\s+(?P<src>{_CAP}(?:\s+{_CAP}){{0,3}})|(?P<src2>{_CAP}(?:\s+{_CAP}){{0,3}})\s+(?i:logo))$"
)
# First words of section labels that look like mastheads ("World News", "Latest News").
_SECTION_WORDS = frozenset(
    {
        "Top", "Breaking", "Latest", "More", "World", "Local", "National", "International", "Business", "Sports",
        "Related", "Trending", "Live", "Other", "Global", "Politics", "Opinion", "Today's", "Most",
        "Your", "Our",
    }
)  # fmt: skip
_NOT_PUBLISHER = re.compile(r"\b(?:Photo|Photos|Image|Images|Getty|Pool|File|Handout)\b|/")

FORMAT_CUES = {
    "video": (
        r"video\s?conferenc\w*|video[- ]?(?:link|call|summit|meeting|talks|conversation|chat)|videoconferenc\w*"
        r"|virtual(?:ly)?"
        r"|online (?:summit|meeting|talks)|via video|by video"
    ),
    "phone": (
        r"(?i:phone|telephone|telephonic(?:ally)?|phoned|teleconference|by phone|over the phone|dial(?:l)?ed)"
        r"|[Cc]all(?:ed|s)?(?=\s+(?:with\s+)?(?:[A-Z]|his|her|their)\w*\s+(?:[A-Z]|counterpart))"
        r"|spoke(?:\s+today|\s+on\s+\w+day)?\s+(?:with|to)(?=\s+(?:the\s+)?(?:[A-Z]|his|her)\w*)"
        r"|(?:had|held)\s+an?\s+(?:[\w-]+\s+){0,3}conversation\s+with(?=\s+(?:the\s+)?(?:[A-Z]|his|her)\w*)"
        r"|(?:a|the|first|their|his|her)\s+call\b(?!\s+(?:for|on)\b)"
    ),
    "in-person": (
        r"met|meet|meeting|visit\w*|summit|face-to-face|arrived|hosted|host|traveled|travelled"
        r"|joint (?:news|press) conference|talks in|held talks|welcomed|received"
    ),
}
_FORMAT_RES = {k: re.compile(r"\b(?:" + v + r")\b", 0 if k == "phone" else re.I) for k, v in FORMAT_CUES.items()}
_IGNORING_CASE = frozenset(k for k, rx in _FORMAT_RES.items() if rx.flags & re.I)
# The cues that ignore case and are written in lower case, matched with case in the lower-cased
# text: where that text holds no character of `CASE_ODD`, the same answer, found faster.
_FORMAT_LOW = {
    k: re.compile(rx.pattern) for k, rx in _FORMAT_RES.items() if k in _IGNORING_CASE and rx.pattern.islower()
}
# Texts one of which every cue of a kind holds (lower-case where case is ignored): a cheap test.
FORMAT_HINTS = {
    "video": ("video", "virtual", "online"),
    "phone": ("call", "Call", "spoke", "conversation"),
    "in-person": (
        "met", "meet", "visit", "summit", "face-to-face", "arrived", "host", "traveled", "travelled", "joint",
        "talks in", "held talks", "welcomed", "received",
    ),
}  # fmt: skip
# Any of a kind's hints, as one search (the same answer as trying each as a substring).
# Hints of the cues written inside `(?i:...)` in a kind whose other cues keep their case: searched
# in the lower-cased text.
FORMAT_HINTS_ANY_CASE = {"phone": ("phon", "teleconference", "dial")}
_HINT_RES = {k: re.compile("|".join(re.escape(h) for h in hints)) for k, hints in FORMAT_HINTS.items()}
_ANY_CASE_HINT_RES = {k: re.compile("|".join(map(re.escape, hints))) for k, hints in FORMAT_HINTS_ANY_CASE.items()}
_OTHER_TIME = re.compile(
    r"\b(?:will|would|plan(?:s|ned)?|previous(?:ly)?|earlier|last(?!\s+(?:night|evening))|next"
    r"|in (?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December))\b",
    re.I,
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_PARTICLE = r"(?:(?:de|da|do|dos|das|del|la|el|es)\s)?"  # `Rio de Janeiro`, `Dar es Salaam`
_VENUE = re.compile(
    rf"\b(?:[Ii]n|[Aa]t)\s+(?:[Tt]he\s+)?(?:\d{{1,4}}\s+(?=[{_UPPER}]))?"  # (`in 10 Downing Street`)
    rf"(?P<place>[{_UPPER}][\w'’.-]+(?:[ -]{_PARTICLE}[{_UPPER}][\w'’.-]+){{0,2}})"
)
# `who was on his visit to New York to attend ...`, `Luxon travelled to Sydney on Wednesday`
_VISIT_TO = re.compile(
    rf"\b(?:visit|travell?ed|flew)\s+to\s+(?P<place>[{_UPPER}][\w'’.-]+(?:[ -][{_UPPER}][\w'’.-]+){{0,2}})"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_THE_LEADERS = re.compile(r"\b(?:their|the two leaders|both leaders|the two presidents|the leaders)\b", re.I)
_FUTURE = re.compile(r"\b(?:to be held|upcoming|planned|scheduled|due to)\b", re.I)
_TALK = re.compile(
    r"\b(?:talks?|met|meets?|meeting|summit|visit\w*|dialogue|negotiations|conference|held|host(?:s|ed)?|receiv(?:ed|es|ing)"
    r"|welcom(?:ed|es|ing))\b",
    re.I,
)


# (not after an initial or a title: `Tommy E. Remengesau Jr.`, `Mr. Abe`, `Nov. 12`)
# (`(?<=[.!?])` comes first: the engine tries the assertions in order at every position)
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])(?<![\s.][A-Z]\.)(?<!\b(?:Mr|Ms|Dr|Jr|Sr|St)\.)(?<!\bMrs\.)(?<!\b(?:Gen|Col|Gov|Sen|Rep|Nov|Dec|Jan|Feb|Mar|Apr|Aug|Oct)\.)"
    r"(?<!\b(?:Sept|Prof)\.)[\"”’]?\s+(?=[\"“A-Z])"
)


def _sentences(text: str) -> list[str]:
    """The sentences of `text`: pieces of it, each but the last ending in . ! or ?"""
    return [s for s in _SENTENCE_BREAK.split(text) if s.strip()]


def _clip(text: str, limit: int) -> str:
    """Shorten to at most `limit` characters at a clause or word boundary."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for sep in ("; ", ", ", " – ", " — ", " and ", " "):
        pos = cut.rfind(sep)
        if pos > limit * 0.5:
            return cut[:pos].rstrip(" ,;:–—")
    return cut.rstrip()


def strip_dateline(text: str) -> str:
    """The lede without its dateline (`MOSCOW, June 26. /TASS/. `, `PARIS — `, `NEW DELHI: `,
    `Moscow (dpa) - `, `Beijing, Jan 5 (IANS) `)."""
    m = re.match(
        r"^[^\n]{0,60}?(?:/[A-Z][\w-]{1,15}/\.?\s+|\([A-Za-z][\w .&-]{1,30}\)\.?(?:\s*[-–—:]+\s*|\s+)"
        r"|\s[-–—]{1,2}\s+|:\s+)(?=[A-Z“\"])",
        text,
    )
    if not m:
        return text
    agency = _AGENCY_DATELINE.match(text) or _MIXED_DATELINE.match(text) or _BARE_AGENCY.match(text)
    agency = agency or "/" in m.group(0) or _city_outlet(text) or _dotted_agency(text)
    if agency or _DATELINE_CITY.match(text) or _capital_dateline(text):
        rest = text[m.end() :]
        # `(AGI) Milan, June 21 - The ...`: an agency's credit, then the dateline
        return strip_dateline(rest) if _BARE_AGENCY.match(text) and _MIXED_DATELINE.match(rest) else rest
    return text


# a breadcrumb glued before the headline: `Home > `, `Home / Cultural / `
_CRUMBS = re.compile(r"^Home\s*[>/»›|]\s*(?:[\w&'’-]+(?:\s[\w&'’-]+){0,5}\s*[>/»›|]\s*)*(?=\S)")


# a page title's site name after the headline: `... in Jordan | ASHARQ AL-AWSAT English Archive 2005`
_SITE_SUFFIX = re.compile(r"\s+\|\s+(?P<site>[A-Z0-9][^|]{1,60})$")
SITE_SUFFIX_WORDS = 7


def _site_suffix_off(title: str) -> str:
    """The headline without a trailing `| <Site Name>` (short, every word capitalised or a number)."""
    m = _SITE_SUFFIX.search(title)
    if m is None or m.start() < 15:
        return title
    site = m.group("site").split()
    names_only = all(
        w[:1].isupper() or w.lstrip("-–—")[:1].isdigit() or w in {"of", "the", "and", "&", "-"} for w in site
    )
    return title[: m.start()] if len(site) <= SITE_SUFFIX_WORDS and names_only else title


def extract_title(doc: CleanDoc) -> Found:
    """The headline, or a concise title written from the lede (at most TITLE_MAX characters)."""
    if doc.headline:
        return Found(_site_suffix_off(_CRUMBS.sub("", doc.headline.strip())), "headline", doc.headline)
    paras = [b.text for b in doc.body if b.kind != "subheading"]
    if not paras:
        return Found("", "none", "no headline and no article text")
    lede = _sentences(strip_dateline(paras[0]))[0].rstrip(".")
    return Found(_clip(lede, TITLE_MAX), "lede", lede[:200])


def extract_summary(doc: CleanDoc) -> Found:
    """One or two sentences from the lede (the dateline removed), at most ~300 characters."""
    paras = [b.text for b in doc.body if b.kind != "subheading"]
    if not paras:
        return Found("", "none", "")
    sentences = _sentences(strip_dateline(paras[0]))
    summary = sentences[0]
    if len(sentences) > 1 and len(summary) + len(sentences[1]) < 300:
        summary += " " + sentences[1]
    return Found(_clip(summary, 400), "lede", paras[0][:120])


_FUNCTION_WORDS = frozenset({"of", "on", "at", "in", "from", "the", "and", "for", "to"})


def _outlet_like(name: str) -> bool:
    """False for what stands before a date in a header but names no outlet: a section
    (`ARGENTINA |`), the place of a site's clock (`Montevideo, March 28th 2024`) or a label
    that runs on into the date (`General News of Monday, 16 October 2017`)."""
    low = name.lower().removeprefix("the ")
    places = load_places()
    if low in places.not_venues or low in places.capitals or low in places.seats:
        return False
    return name.split()[-1].lower() not in _FUNCTION_WORDS


_STAMP_WORD = re.compile(r"\b(?:published|publication|updated|posted|date|period|modified)\b", re.I)
_THE_OUTLET = re.compile(r"^The(?:\s[A-Z][\w'’&.-]*){1,3}$")  # `The National` alone above the byline date


def _header_outlet(doc: CleanDoc) -> Found | None:
    for i, block in enumerate(doc.blocks):
        if block.kind == DATE_LINE and i and doc.blocks[i - 1].kind == CHROME:
            label = doc.blocks[i - 1].text.strip()
            if label in ("|", "-", "–", "—", "•") and i > 1 and doc.blocks[i - 2].kind == CHROME:
                label = doc.blocks[i - 2].text.strip()  # (`The Straits Times` / `|` / `November 07, 2024`)
            if _THE_OUTLET.match(label) and _outlet_like(label):
                return Found(label, "header", f"{label} / {block.text}")
        if block.kind == DATE_LINE:
            hits = dates.find_dates(block.text)
            before = block.text[: hits[0].start].strip(" ,|-–—") if hits else ""
            stamp = re.match(r"^(?:last\s+)?(?:modified|updated?|posted|published|added|date|by)\b", before, re.I)
            stamp = stamp or before.endswith(":") or _STAMP_WORD.search(before)  # (`Publication date`, `X Published`)
            if before and 1 <= word_count(before) <= 3 and before[:1].isupper() and not stamp and _outlet_like(before):
                return Found(before, "header", block.text)
        if block.kind in (CHROME, DATE_LINE):
            m = _BYLINE_OUTLET.search(block.text) or OUTLET_BIO.match(block.text.strip())
            bare = re.match(r"^By\s+(?P<name>[\w.&-]+(?:\s[\w.&-]+)?)\s*$", block.text.strip())
            if bare and bare.group("name").lower() in _agency_names():
                return Found(bare.group("name"), "byline", block.text)
            if m:
                outlet = next(v for k, v in m.groupdict().items() if v)
                return Found(outlet.rstrip("."), "byline", block.text)
            m = _OFFICIAL_SITE.match(block.text)
            if m:
                return Found(m.group("src").strip(), "site-name", block.text)
    return None


HEADER_BLOCKS = 12  # blocks at the top of a page where a byline can stand


def _agency_line(doc: CleanDoc, agencies: frozenset[str]) -> Found | None:
    """A bare agency credit above the article (`• Kyodo`)."""
    first_body = next((i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"), len(doc.blocks))
    for block in doc.blocks[:first_body]:
        name = re.sub(r"^[•·▪●*\-–—]\s*", "", block.text).strip()
        if block.kind == CHROME and name.lower() in agencies and block.text != name:
            return Found(name, "agency-credit", block.text)
    return None


def _originally(doc: CleanDoc) -> Found | None:
    """A repost's credit line (`This article was originally published by Azertac.`, `Read the
    original article on ENA.`)."""
    for block in doc.of_kind(CHROME):
        m = _ORIGINALLY.search(block.text) or _READ_ORIGINAL.match(block.text.strip())
        if m:
            return Found(m.group("src").rstrip("."), "repost-credit", block.text)
    return None


_READ_ORIGINAL = re.compile(r"^Read the original article on\s+(?P<src>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\.?$")
# `Graphic Online's presidential correspondent, ... reports`, `The ABC's Jakarta bureau has confirmed`
# `NPR's Brian Naylor reports.`, `CBS News' Major Garrett asked`, `Press TV's website can also be accessed`
_OWN_REPORTER = re.compile(
    r"(?:^|[.!?][\"”’]?\s+)(?P<src>(?:The\s+)?[A-Z][\w]+(?:\s+[A-Z][\w]+){0,2})(?:['’]s|(?<=s)['’])\s+"
    r"(?:(?:[\w-]+\s+){0,2}(?:correspondent|bureau|reporter)\b"
    r"|[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\s+(?:reports|reported|asked|contributed)\b|website\b)"
)


def _own_reporter(doc: CleanDoc) -> Found | None:
    """The outlet whose own correspondent, bureau or website the page cites (`The ABC's Jakarta
    bureau`, `NPR's Brian Naylor reports`), when it is no person or country."""
    countries = load_places().countries
    texts = [*doc.paragraphs, *(b.text for b in doc.of_kind(CHROME) if "'" in b.text or "’" in b.text)]
    for para in texts:
        for m in _OWN_REPORTER.finditer(para):
            src = m.group("src")
            bare = src.lower().removeprefix("the ")
            if bare not in countries and bare not in load_places().not_venues and not _titled(bare):
                return Found(src.removeprefix("The ") if src.isupper() else src, "own-reporter", m.group(0).strip(" ."))
    return None


# `VGP – Prime Minister Pham Minh Chinh ...`: an agency's initials and a dash opening the lede
_INITIALS_DASH = re.compile(r"^(?P<agency>[A-Z]{2,6})\s+[-–—]\s+(?=[A-Z])")
# `Dawn Logo`: the site's logo, by its alt text, above the article
_LOGO = re.compile(r"^(?P<src>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+[Ll]ogo$")


# what a logo's alt text names that is no outlet (an author's avatar, a download button)
_NOT_LOGO_NAMES = frozenset({"newsroom", "download", "site", "author", "staff", "main", "brand", "company", "home"})


def _initials_dash(lede: str) -> re.Match[str] | None:
    """`_INITIALS_DASH` at the start of the lede when the capitals are a known agency or an
    initialism (at most one vowel: `VGP`, `QNA`), not a place (`PARIS —`, `UFA —`, `US –`)."""
    m = _INITIALS_DASH.match(lede)
    if m is None:
        return None
    low = m.group("agency").lower()
    places = load_places()
    if low in places.countries or low in places.not_venues or low in places.capitals or low in places.seats:
        return None
    return m if low in _agency_names() or sum(c in "aeiou" for c in low) <= 1 else None


# `[Ministry of Foreign Affairs of Japan]` alone above the article: the issuing office
_BRACKETED_ISSUER = re.compile(
    r"^\[(?P<src>(?:[A-Z][\w'’ ,.&-]*\s)?(?:Ministry|Office|Department|Government|Agency|Presidency|Cabinet"
    r"|Secretariat)\b[\w'’ ,.&-]{0,60})\]$"
)


def _bracketed_issuer(doc: CleanDoc) -> Found | None:
    """An office of state named in brackets above the article (`[Ministry of Foreign Affairs of Japan]`)."""
    for block in doc.blocks[:HEADER_BLOCKS]:
        if block.kind == PARAGRAPH:
            return None
        m = _BRACKETED_ISSUER.match(block.text.strip())
        if m:
            return Found(m.group("src").strip(), "issuer-header", block.text)
    return None


def _logo(doc: CleanDoc) -> Found | None:
    """The outlet named by its logo's alt text above the article (`Dawn Logo`)."""
    for block in doc.blocks[:HEADER_BLOCKS]:
        if block.kind in (HEADLINE, PARAGRAPH):
            return None
        m = _LOGO.match(block.text.strip())
        if m and m.group("src").lower() not in _NOT_LOGO_NAMES and _outlet_like(m.group("src")):
            return Found(m.group("src"), "logo", block.text)
    return None


def _agency_byline(doc: CleanDoc, agencies: frozenset[str]) -> Found | None:
    """A known agency named alone on a line just above a date (`PTI` / `March 19, 2022 / 07:52
    PM IST`): the agency's byline."""
    for block, after in pairwise(doc.blocks[:HEADER_BLOCKS]):
        name = block.text.strip()
        if name.lower() in agencies and dates.find_dates(after.text) and word_count(after.text) <= 10:
            return Found(name, "agency-byline", f"{block.text} / {after.text}")
    return None


def _issuer_header(doc: CleanDoc) -> Found | None:
    """An official issuer named alone above the headline (`10 Downing Street`, `The White
    House`, `Ministry of External Affairs`): a seat of government or an office of state."""
    seats = load_places().seats
    for block in doc.blocks:
        if block.kind in (HEADLINE, PARAGRAPH):
            return None
        text = block.text.strip()
        if block.kind != CHROME or word_count(text) > 10:
            continue
        bare = re.sub(r"^the\s+", "", text, flags=re.I).rstrip(".")
        if bare.lower() in seats and (bare[:1].isupper() or bare[:1].isdigit()):
            return Found(text.rstrip("."), "issuer-header", block.text)
        m = _ISSUER_LINE.match(text)
        if m:
            return Found(m.group("src"), "issuer-header", block.text)
    return None


def _publisher_chrome(doc: CleanDoc) -> Found | None:
    """The publisher a page names in its own furniture (a copyright line, a sign-up box, the
    masthead on its first line) or in its own voice (`PUNCH reports that`)."""
    for block in doc.of_kind(CHROME):
        m = _PUBLISHER_CHROME.match(block.text.strip())
        if m and not _NOT_PUBLISHER.search(block.text) and m.group("src").lower() not in {"our", "the"}:
            return Found(m.group("src").rstrip("."), "publisher-chrome", block.text)
        m = _OWN_COVERAGE.match(block.text.strip())
        if m:
            return Found(m.group("src"), "publisher-chrome", block.text)
        m = _LOGO_LINE.match(block.text.strip())
        name = (m.group("src") or m.group("src2")) if m else ""
        if name and (len(name.split()) > 1 or name.isupper() or _OUTLET_WORD_RE.search(name)):  # not `Newsroom logo`
            return Found(name, "publisher-logo", block.text)
    for para in doc.paragraphs[:4]:
        m = _SELF_REPORT.match(para)
        if m and (m.group("src").isupper() or _OUTLET_WORD_RE.search(m.group("src"))):
            return Found(m.group("src"), "self-report", m.group(0))
        m = _REPORTS_CITING.search(para)
        if m:
            return Found(m.group("src"), "self-report", m.group(0).lstrip(",; "))
    first = next((b for b in doc.blocks if b.text.strip()), None)
    name = first.text.strip() if first is not None and first.kind == CHROME else ""
    words = name.removeprefix("The ").split()
    label = len(words) < 2 or words[0] in _SECTION_WORDS or name.lower() in load_chrome_rules().lines
    return None if label or not _MASTHEAD.match(name) else Found(name, "masthead", name)


def _agency_names() -> frozenset[str]:
    return load_chrome_rules().agency_names


def extract_source(doc: CleanDoc) -> Found:
    """The agency or issuer the report names: Source line, dateline agency, byline outlet,
    or the official body whose statement it relays. Photo credits are never the source."""
    for block in doc.of_kind(SOURCE_LINE):
        found = source_line_name(block)
        if found:
            name = re.split(r"\s*\|\s*|\s+[•·]\s+", found)[0]
            name = re.sub(r"\s+(?:and|with|&)\s+(?:other\s+)?(?:news\s+)?agencies$", "", name, flags=re.I)
            return Found(name.strip(), "source-line", block.text)
    issuer = _distributed_for(doc)
    if issuer:
        return issuer
    lede = doc.lede
    m = _SLASH_AGENCY.match(lede) or _AGENCY_DATELINE.match(lede) or _MIXED_DATELINE.match(lede)
    m = (
        m
        if m and (m.group("agency") or m.groupdict().get("agency2"))
        else _BARE_AGENCY.match(lede) or _dotted_agency(lede) or _city_outlet(lede)
    )
    m = m or _initials_dash(lede)
    if m:
        agency = (m.group("agency") or m.groupdict().get("agency2") or "").strip()
        if agency.isupper() and agency.isalpha() and len(agency) > 5:  # KAZINFORM (not NNN-MENA)
            agency = agency.capitalize()
        return Found(agency, "dateline", lede[: m.end()])
    found = _header_outlet(doc) or _issuer_header(doc) or _agency_line(doc, _agency_names()) or _originally(doc)
    found = found or _agency_byline(doc, _agency_names()) or _logo(doc) or _bracketed_issuer(doc)
    if found:
        return found
    for para in doc.paragraphs[:3]:
        for pattern in _ATTRIBUTION:
            m = pattern.search(para)
            if m and any(w[:1].isupper() for w in m.group("src").split()):
                src = re.sub(r"^(?:the|a|an)\s+", "", m.group("src").strip(), flags=re.I)
                return Found(_title_case_institution(src), "attribution", m.group(0))
    found = _wire_signoff(doc) or _publisher_chrome(doc) or _office_signature(doc) or _own_reporter(doc)
    return found or Found(None, "none", "the text names no agency or issuer")


def _wire_signoff(doc: CleanDoc) -> Found | None:
    """The wire that signs the last sentence (`... installation ceremony.- Bernama`)."""
    for block in doc.of_kind(CHROME):
        if block.reason == WIRE_SIGNOFF_REASON:
            return Found(block.text.lstrip("-–— ").strip(), "sign-off", block.text)
    return None


def _office_signature(doc: CleanDoc) -> Found | None:
    """The issuing office that signs a release in capitals under it."""
    for block in doc.of_kind(CHROME):
        if block.reason == SIGNATURE_REASON:
            return Found(_title_case_institution(block.text.lower()), "signature", block.text)
    return None


_ON_BEHALF = re.compile(
    r"^(?:Distributed by\s.{1,60}?\son behalf of|Content provided by)\s(?P<src>[A-Z][^.;]{2,80}?)(?:\.$|\.\s|$)", re.I
)


def _distributed_for(doc: CleanDoc) -> Found | None:
    """The issuer of a press release put out by a wire: `Distributed by APO Group on behalf of
    Presidency of the Arab Republic of Egypt.`"""
    for block in doc.of_kind(CHROME):
        m = _ON_BEHALF.search(block.text.strip())
        if m:
            return Found(m.group("src").strip(), "issuer", block.text.strip())
    return None


def _title_case_institution(name: str) -> str:
    """`the Kremlin press service` -> `Kremlin`; `prime minister's office` -> `Prime Minister's Office`."""
    name = re.sub(r"\s+press\s+(?:service|office)$", "", name.strip(), flags=re.I) or name
    return " ".join(w if w[:1].isupper() or w in {"of", "the", "and"} else w.capitalize() for w in name.split())


@dataclass(frozen=True)
class Places:
    """Place knowledge from `registry/countries.yaml`, for telling venues from countries."""

    not_venues: frozenset[str]  # countries, adjectives, months, weekdays (lower case)
    seats: dict[str, str]  # seat of government (lower case) -> its city
    capitals: dict[str, str]  # capital (lower case) -> capital
    countries: dict[str, str]  # a country's name or alias (lower case) -> its name


@lru_cache(maxsize=1)
def load_places(path: Path | None = None) -> Places:
    """Read countries.yaml once into the lookups the location rules need."""
    path = path or REGISTRY / "countries.yaml"
    entries = load_yaml(path.read_text(encoding="utf-8")) if path.exists() else []
    not_venues: set[str] = {m.lower() for m in dates.MONTHS} | set(dates.WEEKDAYS) | set(_MONTH_NAMES)
    seats: dict[str, str] = {}
    capitals: dict[str, str] = {}
    countries: dict[str, str] = {}
    for entry in entries or []:
        if not isinstance(entry, dict):
            continue
        if entry.get("kind", "country") == "country":
            for name in (entry.get("name"), *(entry.get("aliases") or [])):
                countries.setdefault(str(name).lower().removeprefix("the "), str(entry.get("name")))
        for key in ("name", "aliases", "adjectives"):
            values = entry.get(key) or []
            not_venues.update(str(v).lower() for v in ([values] if isinstance(values, str) else values))
        capital = entry.get("capital")
        if capital:
            capitals[str(capital).lower()] = str(capital)
            seats.update({str(seat).lower(): str(capital) for seat in entry.get("seats") or []})
    # a capital also names its government ("Beijing said"), but where talks are held it is a city
    return Places(frozenset(not_venues - set(capitals)), seats, capitals, countries)


def _title_city(raw: str) -> str:
    """`NUR-SULTAN` -> `Nur-Sultan`; words not all in capitals are kept."""
    return " ".join("-".join(p.capitalize() for p in w.split("-")) if w.isupper() else w for w in raw.split())


# What follows a header's date before a place: `, 03:39 pm IST - Tokyo`
_HEADER_TIME = re.compile(
    r"^[\s,|–—-]*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?\s*"
    r"(?:(?:IST|GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CDT|PST|PDT|JST|KST|MSK|AEST|AEDT|WIB|PHT|SGT|HKT)(?:[+-]\d{1,2})?\b)?"
    r"[\s,|–—-]*",
    re.I,
)


def extract_location(doc: CleanDoc, talk_format: str | None) -> Found:
    """The dateline city, a place in the header, or (for meetings in person) where the talks
    took place according to the lede. None when the text does not say."""
    lede = doc.lede
    credit = _BARE_AGENCY.match(lede)  # `(AGI) Milan, June 21 - ...`
    lede = lede[credit.end() :] if credit else lede
    m = _dotted_agency(lede) or _DATELINE_CITY.match(lede) or _MIXED_DATELINE.match(lede)
    m = m or _CITY_AGENCY.match(lede) or _city_outlet(lede) or _capital_dateline(lede)
    if m and len(m.group("city")) > 2 and not _initials_dash(lede):  # (`VGP – Prime Minister ...`: a wire)
        city = _title_city(m.group("city"))
        moved = _arrival(doc, city) or _venue(doc, lede_only=True) if talk_format == "in-person" else None
        return moved if _moved_from(moved, city, doc) else Found(city, "dateline", lede[: m.end()])
    city = _city_line(doc) or _place_line(doc)
    if city:
        return city
    for block in doc.of_kind(DATE_LINE):
        hits = dates.find_dates(block.text)
        after = block.text[hits[-1].end :] if hits else ""
        after = _HEADER_TIME.sub("", after)
        stamp = re.match(r"^\s*(?:by|posted|published|updated)\b", block.text, re.I)
        stamp = stamp or re.match(r"^\s*by\s", after, re.I)  # (`24 April 2020 - 11:16 By Unathi Nkanjeni`)
        stamp = stamp or "&" in after or any(w in _SECTION_WORDS for w in after.split())  # (`- Politics & Policy`)
        if after and 1 <= word_count(after) <= 3 and after[:1].isupper() and not after.isupper() and not stamp:
            return Found(after.strip(" ,."), "header", block.text)
    if talk_format == "in-person":
        found = _venue(doc)
        if found:
            return found
    return Found(None, "none", "no dateline or place of the talks")


def _moved_from(venue: Found | None, dateline: str, doc: CleanDoc) -> bool:
    """True if the lede's `venue` of talks in person, not the `dateline` city, is where they were:
    another place that is a capital, a seat of government, named as a city (`in Vietnam's city
    of Da Nang`), arrived in, or the headline's venue too (`King meets crown prince in Jeddah`)."""
    if venue is None or not venue.value or _folded(str(venue.value)) == _folded(dateline):
        return False
    place = str(venue.value)
    if venue.rule in ("arrival", "venue-seat", "venue-capital", "venue-city"):
        return True
    headline = doc.headline or ""
    named = re.search(rf"\b(?:in|at)\s+(?:the\s+)?{re.escape(place)}\b", headline)
    return _folded(place) in load_places().capitals or named is not None


_ARRIVED = re.compile(
    r"\barrived\b[^.;]{0,40}?\bin\s+(?:the\s+(?:capital|city)(?:\s+of)?\s+)?"
    r"(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})"
)


def _arrival(doc: CleanDoc, dateline: str) -> Found | None:
    """The capital a leader arrived in, by the lede, when it is not the dateline's city
    (`SINGAPORE: ... He arrived on Monday evening in Kuala Lumpur`: the reporter's city)."""
    capitals = load_places().capitals
    for para in doc.paragraphs[:2]:
        for m in _ARRIVED.finditer(para):
            place = m.group("place").rstrip(".,")
            if _FUTURE.search(para[max(0, m.start() - 25) : m.start()]):
                continue
            if place.lower() in capitals and place.lower() != dateline.lower():
                return Found(capitals[place.lower()], "arrival", m.group(0))
    return None


def _city_line(doc: CleanDoc) -> Found | None:
    """A dateline alone on its line just above the lede (`ANKARA`): a capital city."""
    first = next((i for i, b in enumerate(doc.blocks) if b.kind == "paragraph"), 0)
    if first == 0:
        return None
    line = doc.blocks[first - 1].text.strip(" -–—:")
    capitals = load_places().capitals
    if line.isupper() and line.title().lower() in capitals:
        return Found(capitals[line.title().lower()], "dateline", line)
    return None


_PLACE_LINE = re.compile(
    r"^(?P<city>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}),\s*(?P<country>[A-Z][\w'’. -]{2,40}?)\.?$"
)


def _place_line(doc: CleanDoc) -> Found | None:
    """A `City, Country` line alone above the article (`Toluca, Mexico`): the city."""
    countries = load_places().countries
    for block in doc.blocks:
        if block.kind == PARAGRAPH:
            return None
        m = _PLACE_LINE.match(block.text.strip())
        if m and m.group("country").lower().removeprefix("the ") in countries:
            return Found(m.group("city"), "header-place", block.text)
    return None


_COUNTRY_VENUE = re.compile(
    r"\b(?i:summit|talks|meeting|visit|conference|forum)\s+in\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2})"
)
# `at State House, Nairobi`, `welcomed to Jakarta`: the capital named after a building or a welcome
_AT_CAPITAL = re.compile(
    r"\b(?:at\s+(?:the\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,5},|(?:welcomed|received|arrived)\s+to)"
    r"\s+(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)"
)
# `in Vietnam's city of Da Nang`, `in Tajikistan's capital Dushanbe`, `the truce village of Panmunjom`
_CITY_OF = re.compile(
    rf"\b(?:city|capital|town|village|resort|port)\s+(?:of\s+)?"
    rf"(?P<place>[{_UPPER}][\w'’.-]+(?:[ -]{_PARTICLE}[{_UPPER}][\w'’.-]+){{0,2}})"
)
# `during an Oval Office meeting`: a seat of government naming the meeting
_SEAT_MEETING = re.compile(
    r"\b(?:an?|the)\s+(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3})\s+(?:meeting|talks|summit|session)\b"
)
# `held ... in southern Antalya province`: a province named after its city
_PROVINCE = re.compile(rf"\bin\s+(?:the\s+)?(?:[a-z]+\s+)?(?P<place>[{_UPPER}][\w'’.-]+)\s+province\b")
# `after reaching Bishkek, Kyrgyzstan`
_REACHING = re.compile(rf"\breach(?:ed|ing)\s+(?P<place>[{_UPPER}][\w'’.-]+(?:[ -][{_UPPER}][\w'’.-]+){{0,2}})")
# what an `in <Place>` is not: an event (`in Surprise Summit`), or where someone spoke from
_EVENT_WORDS = frozenset({"summit", "talks", "meeting", "conference", "forum", "visit", "session", "call", "dialogue"})
_SPEAKERS_BEFORE = re.compile(
    r"\b(?:sources|officials|diplomats|reporters|journalists|analysts|observers)\s+(?:\w+\s+)?$"
    r"|\b(?:said|told\s+reporters)\s+$",
    re.I,
)
# `in Motoakasaka, Tokyo`, `in Prague Polish-Czech`: the capital after a comma, or opening the place
_THEN_CAPITAL = re.compile(r",\s*(?P<place>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)")


def _venue_place(place: str, after: str, places: Places) -> str:
    """A place found after `in`, as the venue: a known capital that opens it before an adjective
    (`Prague Polish-Czech`, not `Taipei City`) or follows it after a comma (`Motoakasaka, Tokyo`:
    `after` is the text that follows)."""
    words = place.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n]).lower()
        if head in places.capitals and words[n].lower().split("-")[0] in places.not_venues:
            return places.capitals[head]
    m = _THEN_CAPITAL.match(after)
    if m and place.lower() not in places.capitals:
        for candidate in (m.group("place"), m.group("place").split()[0]):
            if candidate.rstrip(".").lower() in places.capitals:
                return places.capitals[candidate.rstrip(".").lower()]
    return place


def _venue(doc: CleanDoc, lede_only: bool = False) -> Found | None:
    """Where the talks took place: `in <Place>` in the headline or a lede sentence about the
    talks (seats of government map to their city; `at State House, Nairobi` and `welcomed to
    Jakarta` give the capital; `in Tajikistan's capital Dushanbe` the city); countries, regions,
    events and places of other (future or past) events or of who spoke are skipped, but a
    country is the venue when no city is named (`summit in Canada`). With `lede_only`, only
    the headline and the first paragraph are read."""
    places = load_places()
    not_venues, seats = places.not_venues, places.seats
    headline = _CRUMBS.sub("", doc.headline) if doc.headline else None
    texts = [headline] if headline else []
    country: Found | None = None
    for text in texts + doc.paragraphs[: 1 if lede_only else 3]:
        for sentence in _sentences(text):
            # a headline that opens with the place: "In Kiev, Polish leader Tusk pledges ..."
            lead = text is headline and re.match(r"^In\s+[A-Z][^,]{1,30},", sentence)
            # "Accra: Akufo-Addo, Ethiopian PM Abiy Ahmed hold bilateral discussions"
            opening = text is headline and _capital_dateline(sentence)
            if opening and opening.group(0).rstrip().endswith(":"):
                return Found(load_places().capitals[opening.group("city").lower()], "venue-headline", opening.group(0))
            if not lead and not _TALK.search(sentence):
                continue
            for m in _VENUE.finditer(sentence):
                place = re.sub(r"['’]s$", "", m.group("place")).rstrip(".,")
                low = place.lower()
                if _elsewhere(sentence, m.start()) or low.split()[-1] in _EVENT_WORDS or dates.has_digit(place):
                    continue  # (`in Surprise Summit`, `in G20`)
                if low.removeprefix("the ") in seats:
                    return Found(seats[low.removeprefix("the ")], "venue-seat", m.group(0))
                if low in places.capitals and m.group("place").endswith(("'s", "’s")):  # `at Riyadh's palace`
                    return Found(places.capitals[low], "venue-capital", m.group(0))
                if low in not_venues or low.split()[0] in not_venues:
                    continue
                if m.group(0).lower().startswith("in ") and len(place) > 2:
                    return Found(_venue_place(place, sentence[m.end() :], places), "venue", m.group(0))
            for rx, rule in (
                (_CITY_OF, "venue-city"),
                (_PROVINCE, "venue-city"),
                (_VISIT_TO, "venue-visit"),
                (_REACHING, "venue-visit"),
            ):
                for m in rx.finditer(sentence):
                    place = m.group("place").rstrip(".,")
                    low = place.lower()
                    if (
                        not _titled(low)  # (a visit to `Federal Chancellor Olaf Scholz`)
                        and low not in not_venues
                        and low.split()[0] not in not_venues
                        and not _elsewhere(sentence, m.start())
                    ):
                        return Found(seats.get(low, place), rule, m.group(0))
            for m in _SEAT_MEETING.finditer(sentence):
                low = m.group("place").lower()
                if low in seats and not _other_time_before(sentence, m.start()):
                    return Found(seats[low], "venue-seat", m.group(0))
            for m in _AT_CAPITAL.finditer(sentence):
                place = m.group("place").rstrip(".,")
                if place.lower() in places.capitals and not _other_time_before(sentence, m.start()):
                    return Found(places.capitals[place.lower()], "venue-capital", m.group(0))
            for m in _COUNTRY_VENUE.finditer(sentence):
                name = places.countries.get(m.group("place").rstrip(".,").lower())
                if country is None and name and not _other_time_before(sentence, m.start()):
                    country = Found(name, "venue-country", m.group(0))
    # a leader who arrived in a capital (`arrived in Moscow at the invitation of ...`) met there
    return (None if lede_only else _arrival(doc, "")) or country


def _elsewhere(sentence: str, start: int) -> bool:
    """True if the place at `start` is not where the talks are: another time, someone's
    quoted words, or where sources spoke (`said sources in New Delhi`)."""
    return (
        _other_time_before(sentence, start)
        or _quoted(sentence, start)
        or _SPEAKERS_BEFORE.search(sentence[max(0, start - 30) : start]) is not None
    )


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Lower-case words of the titles of office (`president`, `chancellor`, `king`...)."""
    generic = {"for", "state", "general", "head", "top", "government", "external", "affairs", "foreign", "defence"}
    words = {w for title in TITLE_VARIANTS for w in re.findall(r"[a-z]+", title) if len(w) > 2}
    return frozenset(words - generic - {"defense"})


def _titled(low: str) -> bool:
    """True if a lower-case name holds a word of a title of office: a person, not a place."""
    return any(w in _title_words() for w in low.split())


def _quoted(sentence: str, at: int) -> bool:
    """True if position `at` lies inside a quotation (someone's words: plans, other meetings)."""
    before = sentence[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _other_time_before(sentence: str, start: int) -> bool:
    """True if the words just before `start` put what follows at another time (`will`, `last`)."""
    return bool(
        _OTHER_TIME.search(sentence[max(0, start - 40) : start]) or _FUTURE.search(sentence[max(0, start - 25) : start])
    )


def _hinted(text: str, low: str, kind: str) -> bool:
    """False if `text` (lower-cased: `low`) holds none of the FORMAT_HINTS of `kind` (nor, in
    `low`, of its FORMAT_HINTS_ANY_CASE)."""
    where = low if kind in _IGNORING_CASE else text
    if _HINT_RES[kind].search(where) is not None:
        return True
    any_case = _ANY_CASE_HINT_RES.get(kind)
    return any_case is not None and any_case.search(low) is not None


def _cued(kind: str, text: str, low: str, odd: bool) -> bool:
    """True if `text` (lower-cased: `low`; `odd`: it holds a character of `CASE_ODD`) holds a
    FORMAT_CUES cue of `kind`."""
    rx = None if odd else _FORMAT_LOW.get(kind)
    return (rx.search(low) if rx is not None else _FORMAT_RES[kind].search(text)) is not None


# a meeting said to be held remotely (`met via video conference`, `a virtual bilateral meeting`): it
# tells what the report's other words for the meeting (`held a bilateral meeting`) mean
_REMOTE_MEETING = re.compile(
    r"\b(?:met|meet|meeting|summit|talks)\s+(?:\w+\s+){0,2}(?:via|by|over|through)\s+(?:a\s+)?"
    r"(?:video|videoconference|video\s+link|telephone|phone)\b"
    r"|\bvirtual(?:ly)?\s+(?:\w+\s+)?(?:meeting|summit|talks)\b|\bmet\s+virtually\b",
    re.I,
)


def extract_format(doc: CleanDoc) -> Found:
    """in-person | phone | video, from cue words weighted by place (headline, lede, body);
    sentences about other times (`will`, `previously`, `last`) count for little."""
    scored: dict[str, float] = {k: 0.0 for k in FORMAT_CUES}
    evidence: dict[str, str] = {}
    texts = [(b.text, 3.0) for b in doc.blocks if b.kind == HEADLINE]
    texts += [(p, 2.0 if i < 2 else 1.0) for i, p in enumerate(doc.paragraphs)]
    for text, weight in texts:
        # A cue found in a sentence is found in its text, so only cues of the text are tried.
        odd, low = bool(CASE_ODD_RE.search(text)), text.lower()  # (with odd characters: always try)
        cues = [
            (kind, rx)
            for kind, rx in _FORMAT_RES.items()
            if (odd or _hinted(text, low, kind)) and _cued(kind, text, low, odd)
        ]
        if not cues:
            continue
        for sentence in _sentences(text):
            # the most specific cue of a sentence counts
            kind, m = next(((kind, m) for kind, rx in cues if (m := rx.search(sentence))), ("", None))
            if m is None:
                continue
            w = weight * (0.25 if _OTHER_TIME.search(sentence) or _YEAR.search(sentence) else 1.0)
            w *= 2.0 if _THE_LEADERS.search(sentence) else 1.0
            w *= 2.0 if kind != "in-person" and _REMOTE_MEETING.search(sentence) else 1.0
            scored[kind] += w * (1.5 if kind != "in-person" else 1.0)
            evidence.setdefault(kind, m.group(0) + ": " + sentence.strip()[:160])
    best = max(scored, key=lambda k: scored[k])
    if scored[best] == 0:
        return Found(None, "none", "no word about how the talks were held")
    return Found(best, "cue-words", evidence[best])
