"""Extraction: one seed's text -> a `Briefing` record (no I/O).

The orchestrating function calls the small typed extractors in order: clean, date, people,
topics, fields. Each returns values with their provenance.
"""

from __future__ import annotations

from .clean import clean
from .dates import extract_date
from .fields import extract_format, extract_location, extract_source, extract_summary, extract_title
from .model import Briefing, CleanDoc
from .people import find_people
from .topics import find_topics


def extract(text: str, seed_path: str) -> Briefing:
    """Seed text (already decoded) and its `seeds/<name>.txt` path -> Briefing."""
    doc = clean(text)
    return extract_from_doc(doc, seed_path)


def extract_from_doc(doc: CleanDoc, seed_path: str) -> Briefing:
    """A cleaned document -> Briefing: every field with the rule and text it came from."""
    date, date_source = extract_date(doc)
    people = find_people(doc.headline, doc.paragraphs, date.value)
    talk_format = extract_format(doc)
    return Briefing(
        seed=seed_path,
        title=extract_title(doc),
        date=date,
        date_source=date_source,
        participants=people.participants,
        people=people.people,
        topics=find_topics(doc.headline, doc.paragraphs),
        source=extract_source(doc),
        location=extract_location(doc, talk_format.value),
        format=talk_format,
        summary=extract_summary(doc),
        body=doc.body,
    )
