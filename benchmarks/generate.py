"""Synthetic seed archive: N raw news reports about leaders' talks, deterministic for N.

The reports look like the real seeds (`seeds/*.txt`, `tests/data/devset/raw/*.txt`): some
start with a ` date YYYY-MM-DD` prefix, some with a header date line or a byline; most carry
a dateline (`MOSCOW, June 26. /TASS/.`, `PARIS (Reuters) -`, `NEW DELHI:`); page chrome
(`All news`, photo captions with credits, `Also read:` lines, newsletter and teaser blocks)
surrounds the text; a headline or none; two or three leaders from the people registry who
were in office in the report's year; topics from the topic vocabulary; phone, video or
in-person talks; years 2014-2025; 4-12 paragraphs, sometimes with subheadings.

    python -m benchmarks.generate 1000 /tmp/seeds
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REGISTRY = Path(__file__).resolve().parent.parent / "plugins" / "briefings" / "registry"
LEADER_TITLES = ("President", "Prime Minister", "Chancellor", "Premier", "King", "Emir", "Crown Prince")
MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Office:
    person: str
    short: str
    title: str
    country: str
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Country:
    name: str
    adjective: str
    capital: str
    seat: str


def _date(value: object, default: dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)) if value else default


_STYLED = re.compile(r"^(?:King|Queen|Emperor|Empress|Sultan|Emir)\s")
_REGNAL = re.compile(r"^[IVX]+$")


def _short_form(person: dict) -> str:
    """A headline's name for a registry entry: its first surname form, else (for a monarch) its
    shortest styled alias less the regnal number (`King Frederik`), else its last word."""
    if person.get("short"):
        return str(person["short"][0])
    styled = sorted(
        (str(a) for a in person.get("aliases") or [] if _STYLED.match(str(a)) and " of " not in str(a)), key=len
    )
    words = (styled[0] if styled else str(person["name"])).split()
    if len(words) > 1 and _REGNAL.match(words[-1]):
        words = words[:-1]
    return " ".join(words) if styled else words[-1]


def load_registry() -> tuple[list[Office], dict[str, Country], list[tuple[str, list[str]]]]:
    """Leaders' offices, countries by name, and (topic name, plain trigger phrases)."""
    people = yaml.safe_load((REGISTRY / "people.yaml").read_text(encoding="utf-8"))
    countries_raw = yaml.safe_load((REGISTRY / "countries.yaml").read_text(encoding="utf-8"))
    topics_raw = yaml.safe_load((REGISTRY / "topics.yaml").read_text(encoding="utf-8"))
    countries = {}
    for c in countries_raw:
        if c.get("kind") != "country" or not c.get("adjectives") or not c.get("capital"):
            continue
        seats = c.get("seats") or []
        countries[c["name"]] = Country(c["name"], c["adjectives"][0], c["capital"], seats[0] if seats else "")
    offices = []
    for p in people:
        short = _short_form(p)
        for o in p.get("offices") or []:
            if o.get("title") in LEADER_TITLES and o.get("of") in countries:
                start = _date(o.get("from"), dt.date(1990, 1, 1))
                end = _date(o.get("to"), dt.date(2030, 1, 1))
                offices.append(Office(p["name"], short, o["title"], o["of"], start, end))
    topics = []
    for t in topics_raw.get("topics") or []:
        phrases = [
            str(x).replace("*", "s").replace("?", "s")
            for x in (t.get("triggers") or [])
            if isinstance(x, str) and not x.startswith("re:")
        ]
        if phrases:
            topics.append((str(t["name"]), phrases))
    return offices, countries, topics


AGENCIES = [
    ("{CITY}, {Month} {d}. /TASS/.", "TASS"),
    ("{CITY} (Reuters) -", "Reuters"),
    ("{CITY} (AP) —", "AP"),
    ("{CITY}, {Month} {d} (Xinhua) --", "Xinhua"),
    ("{CITY}:", ""),
    ("{CITY} —", ""),
    ("{City}, {Month} {d} (AFP) -", "AFP"),
]
CHROME_TOP = [
    "All news",
    "Latest news",
    "World",
    "Politics",
    "print PRINT",
    "Summary",
    "INTERNATIONAL RELATIONS",
    "View settings",
    "Copy link",
]
CHROME_END = [
    "You may also like\n\n{teaser}\n{teaser2}",
    "Sign up for our newsletter\n\nGet the day's top stories in your inbox every morning.\n\nSubscribe",
    "Read more from World News\n\n{teaser}",
    "Related stories\n\n{teaser}\n\n{teaser2}",
    "Source: AMNA",
]
PHOTO = [
    "{A} and {B} shake hands during their meeting in {place}, {Month} {d}, {y}. (AP Photo/{photog})",
    "© AP Photo / {photog} {A} and {B} at a joint news conference",
    "{A} (L) and {B} (R) attend a ceremony in {place}. (Reuters File Photo)",
    "{A} speaks with {B} by phone. Photo: {photog}/AFP via Getty Images",
]
PHOTOGS = ["Michael Sohn", "Susan Walsh", "Evan Vucci", "Alexei Nikolsky", "Ludovic Marin", "Kay Nietfeld"]
SOURCES = [
    "the Kremlin press service",
    "the White House",
    "a government statement",
    "the presidential office",
    "state media",
    "the foreign ministry",
    "officials familiar with the talks",
    "a joint statement",
]
VERBS = ["discussed", "exchanged views on", "focused on", "touched upon", "reviewed", "addressed", "talked about"]
FILLER = [
    "The two sides agreed to maintain contacts at various levels and to continue the dialogue.",
    "Both leaders stressed the importance of regular consultations between their governments.",
    "Officials did not give further details of the conversation, which lasted about an hour.",
    "Analysts said the talks reflected a cautious effort to keep channels of communication open.",
    "The leaders last met on the sidelines of an international summit the previous year.",
    "According to the statement, the conversation was constructive and businesslike.",
    "Ministers and senior advisers of both countries took part in the expanded round of talks.",
    "The meeting came amid heightened tension and was closely watched by neighbouring capitals.",
]


def _styled(country: Country, office: Office) -> str:
    """ "French President Emmanuel Macron"; "Saudi Crown Prince Mohammed bin Salman"; no "King King"."""
    if office.person.split()[0] in office.title.split():
        return f"{country.adjective} {office.person}"
    return f"{country.adjective} {office.title} {office.person}"


def _people_in_office(offices: list[Office], day: dt.date) -> list[Office]:
    return [o for o in offices if o.start <= day < o.end]


KIND = {"phone": "phone ", "video": "video "}


def _headline(rng: random.Random, a: Office, b: Office, topics: list[str], fmt: str) -> str:
    t = " and ".join(topics[:2])
    forms = [
        f"{a.short}, {b.short} discuss {t}",
        f"{a.short} and {b.short} hold {KIND.get(fmt, '')}talks on {t}",
        f"{a.short} tells {b.short} {t.lower()} must be settled",
        f"{a.short}, {b.short} confirm readiness for further cooperation on {t}",
        f"W.H.: {a.short} calls {b.short} on {topics[0]}",
    ]
    return rng.choice(forms)


def report(
    rng: random.Random,
    index: int,
    offices: list[Office],
    countries: dict[str, Country],
    topics: list[tuple[str, list[str]]],
) -> str:
    """One synthetic seed text."""
    while True:
        day = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(12 * 365))
        present = _people_in_office(offices, day)
        by_country: dict[str, Office] = {}
        for o in rng.sample(present, len(present)):
            by_country.setdefault(o.country, o)
        if len(by_country) >= 2:
            break
    n_people = 3 if rng.random() < 0.12 and len(by_country) >= 3 else 2
    leaders = rng.sample(sorted(by_country.values(), key=lambda o: o.person), n_people)
    a, b = leaders[0], leaders[1]
    ca, cb = countries[a.country], countries[b.country]
    fmt = rng.choices(["phone", "video", "in-person"], [0.5, 0.15, 0.35])[0]
    chosen = rng.sample(topics, rng.randint(1, 4))
    names = [t[0] for t in chosen]
    place = ca.capital if rng.random() < 0.6 else cb.capital
    weekday = WEEKDAYS[day.weekday()]
    fill = {
        "Month": MONTHS[day.month - 1],
        "d": day.day,
        "y": day.year,
        "CITY": place.upper(),
        "City": place,
        "A": _styled(ca, a),
        "B": _styled(cb, b),
        "place": place,
        "photog": rng.choice(PHOTOGS),
    }
    how = {
        "phone": "in a telephone conversation",
        "video": "via videoconference",
        "in-person": f"during talks in {place}",
    }[fmt]

    lines: list[str] = []
    r = rng.random()
    if r < 0.25:
        prefix = f" date {day.isoformat()} "
    else:
        prefix = ""
        if r < 0.45:
            lines.append(f"{fill['Month']} {day.day}, {day.year}")
        elif r < 0.55:
            lines.append(f"Posted {fill['Month'][:3]} {day.day}, {day.year} 6:36 AM CST")
    if rng.random() < 0.4:
        lines.append(rng.choice(CHROME_TOP))
    has_headline = rng.random() < 0.8
    if has_headline:
        lines.append(_headline(rng, a, b, names, fmt))
        if rng.random() < 0.3:
            lines.append(f"Previously, the two leaders discussed {names[0]} in {MONTHS[(day.month + 9) % 12]}")
    if rng.random() < 0.3:
        lines.append(rng.choice(PHOTO).format(**fill))
    dateline, _agency = rng.choice(AGENCIES)
    dateline = dateline.format(**fill)
    phrase = lambda t: rng.choice(t[1])  # noqa: E731
    lede = (
        f"{fill['A']} and {fill['B']} {rng.choice(VERBS)} {', '.join(phrase(t) for t in chosen[:-1])}"
        f"{' and ' if len(chosen) > 1 else ''}{phrase(chosen[-1])} {how} on {weekday}, "
        f"{rng.choice(SOURCES)} said."
    )
    paragraphs = [f"{dateline} {lede}" if rng.random() < 0.85 else lede]
    extra = ""
    if n_people == 3:
        c = leaders[2]
        extra = f"{_styled(countries[c.country], c)} joined part of the conversation."
        paragraphs.append(extra)
    body_len = rng.randint(4, 12)
    while len(paragraphs) < body_len:
        kind = rng.random()
        t = rng.choice(chosen)
        if kind < 0.3:
            paragraphs.append(
                f"\u201cWe {rng.choice(['discussed', 'covered', 'spoke about'])} {phrase(t)} in detail, and I believe "
                f"we made progress,\u201d {a.short} told reporters after the {'call' if fmt == 'phone' else 'meeting'}."
            )
        elif kind < 0.55:
            paragraphs.append(
                f"According to {rng.choice(SOURCES)}, {b.short} {rng.choice(VERBS)} {phrase(t)} and "
                f"stressed that {ca.adjective}-{cb.adjective} cooperation on {phrase(t)} should continue. "
                f"{rng.choice(FILLER)}"
            )
        elif kind < 0.65:
            paragraphs.append(t[0] if len(paragraphs) > 2 else rng.choice(FILLER))  # subheading
        elif kind < 0.72:
            paragraphs.append(f"Also read: {rng.choice(topics)[0]} talks stall as {b.short} weighs options")
        elif kind < 0.8:
            paragraphs.append(rng.choice(PHOTO).format(**fill))
        else:
            paragraphs.append(" ".join(rng.sample(FILLER, rng.randint(2, 4))))
    tail = ""
    if rng.random() < 0.35:
        tail = "\n\n" + rng.choice(CHROME_END).format(
            teaser=f"{rng.choice(topics)[0]}: what comes next", teaser2=f"{b.short} faces pressure at home"
        )
    sep = "\n" if rng.random() < 0.2 else "\n\n"
    text = sep.join([*lines, *paragraphs]) + tail + "\n"
    return prefix + text


def generate(n: int, out: Path, seed: int | None = None) -> list[Path]:
    """Write N seeds `NNNNN_<slug>.txt` into `out` (deterministic for N, or for `seed`)."""
    out.mkdir(parents=True, exist_ok=True)
    offices, countries, topics = load_registry()
    rng = random.Random(seed if seed is not None else n)
    paths = []
    for i in range(n):
        text = report(rng, i, offices, countries, topics)
        slug = re.sub(r"[^a-z0-9]+", "_", text[:40].lower()).strip("_")[:24] or "report"
        path = out / f"{i:05d}_{slug}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def extra_seed(out: Path, n: int) -> Path:
    """One more seed (different from the first N), for the 'add one seed, rebuild' timing."""
    offices, countries, topics = load_registry()
    rng = random.Random(f"extra-{n}")
    path = out / f"{n:05d}_extra.txt"
    path.write_text(report(rng, n, offices, countries, topics), encoding="utf-8")
    return path


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
