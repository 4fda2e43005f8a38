"""Extraction: one seed's text -> a `Briefing` record (no I/O).

The orchestrating function calls the small typed extractors in order: clean, date, people,
topics, fields. Each returns values with their provenance.
"""

from __future__ import annotations

from .clean import clean
from .dates import date_from_terms, extract_date
from .fields import TITLE_MAX, extract_format, extract_location, extract_source, extract_summary, extract_title
from .model import Briefing, CleanDoc, Found
from .people import PeopleFinding, find_people, load_registry, short_name
from .topics import find_topics

FORMAT_PHRASES = {"phone": "by phone", "video": "by video link"}


def extract(text: str, seed_path: str) -> Briefing:
    """Seed text (already decoded) and its `seeds/<name>.txt` path -> Briefing."""
    doc = clean(text)
    return extract_from_doc(doc, seed_path)


def extract_from_doc(doc: CleanDoc, seed_path: str) -> Briefing:
    """A cleaned document -> Briefing: every field with the rule and text it came from."""
    date, date_source = extract_date(doc)
    people = find_people(doc.headline, doc.paragraphs, date.value)
    if date.value is None:
        inferred = _date_from_participants(doc, people)
        if inferred is not None:
            date, date_source = inferred, inferred.rule
            people = find_people(doc.headline, doc.paragraphs, date.value)
    talk_format = extract_format(doc)
    topics = find_topics(doc.headline, doc.paragraphs)
    location = extract_location(doc, talk_format.value)
    title = extract_title(doc)
    if title.rule == "lede":
        title = compose_title(people.participants, topics, talk_format, location) or title
    return Briefing(
        seed=seed_path,
        title=title,
        date=date,
        date_source=date_source,
        participants=people.participants,
        people=people.people,
        topics=topics,
        source=extract_source(doc),
        location=location,
        format=talk_format,
        summary=extract_summary(doc),
        body=doc.body,
    )


def _date_from_participants(doc: CleanDoc, people: PeopleFinding) -> Found | None:
    """For an undated report with a month-day date: the year from the participants' terms in
    office (`dates.date_from_terms`), or None."""
    names = [str(p.value) for p in people.participants]
    registry = load_registry()
    in_office = registry.all_in_office(names) if len(names) > 1 else None
    if in_office is None:
        return None
    return date_from_terms(doc, in_office, registry.as_of, _join([short_name(n) for n in names]))


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def compose_title(participants: list[Found], topics: list[Found], talk_format: Found, location: Found) -> Found | None:
    """A title for a report without a headline, from what was extracted:
    "Putin and Macron discuss Ukraine and Syria by phone". None without two participants."""
    if len(participants) < 2:
        return None
    names = _join([short_name(p.value) for p in participants[:3]])
    how = FORMAT_PHRASES.get(str(talk_format.value), "")
    if talk_format.value == "in-person" and location.value:
        how = f"in {location.value}"
    subjects = [str(t.value) for t in topics[:3]]
    while subjects:
        title = f"{names} discuss {_join(subjects)} {how}".strip()
        if len(title) <= TITLE_MAX:
            return Found(title, "composed", "participants, topics, format and place of the talks")
        subjects.pop()
    title = f"{names} hold talks {how}".strip()
    return Found(title, "composed", "participants, format and place of the talks")
