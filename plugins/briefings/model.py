"""Plain records that flow through the pipeline: seed -> cleaned document -> briefing.

Every extraction step takes these records (or plain strings) and returns them; none touches
files. Only `seeds.py` (reading) and `writer.py` (writing) do I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Kinds of block a cleaned document is made of.
HEADLINE = "headline"  # the report's own headline
STANDFIRST = "standfirst"  # deck / teaser line under the headline, kept in the body
PARAGRAPH = "paragraph"  # article text
SUBHEADING = "subheading"  # section heading inside the article
CAPTION = "caption"  # photo caption, kept once, never used for names or dates
CHROME = "chrome"  # page furniture: removed from the body
SOURCE_LINE = "source"  # "Source: X" line, moved into the metadata
DATE_LINE = "dateline"  # a header line that only carries the report date (and maybe source)

BODY_KINDS = (STANDFIRST, PARAGRAPH, SUBHEADING)


@dataclass(frozen=True)
class Seed:
    """A seed file as read from disk: its name (`x.txt`), decoded text and content hash."""

    name: str
    text: str
    sha256: str
    notes: tuple[str, ...] = ()  # what reading had to repair (encoding, NUL bytes...)


@dataclass(frozen=True)
class Block:
    """One paragraph-sized piece of a seed and what it was classified as (and why)."""

    kind: str
    text: str
    reason: str = ""


@dataclass(frozen=True)
class CleanDoc:
    """A seed split into classified blocks, in source order.

    `prefix_date` holds an ISO date from a leaked ` date YYYY-MM-DD` prefix, if any.
    """

    blocks: tuple[Block, ...]
    prefix_date: str | None = None

    @property
    def headline(self) -> str | None:
        return next((b.text for b in self.blocks if b.kind == HEADLINE), None)

    @property
    def lede(self) -> str:
        """The first article paragraph (not the standfirst), where datelines sit."""
        return next((b.text for b in self.blocks if b.kind == PARAGRAPH), "")

    @property
    def body(self) -> list[Block]:
        """Blocks that make up the article body (standfirst, paragraphs, subheadings)."""
        return [b for b in self.blocks if b.kind in BODY_KINDS]

    @property
    def paragraphs(self) -> list[str]:
        """Text of the body blocks, in order."""
        return [b.text for b in self.body]

    def of_kind(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]


@dataclass(frozen=True)
class Found:
    """An extracted value with its provenance: the rule that produced it and the text it matched."""

    value: Any
    rule: str
    text: str = ""

    def provenance(self) -> dict[str, str]:
        return {"rule": self.rule, "text": self.text}


@dataclass
class Briefing:
    """Everything the writer needs for one briefing file."""

    seed: str  # seeds/<name>.txt
    title: Found
    date: Found  # value: dt.date | None
    date_source: str  # prefix | header | dateline | inferred | override | none
    participants: list[Found]
    people: list[Found]
    topics: list[Found]
    source: Found
    location: Found
    format: Found
    summary: Found
    body: list[Block]
    slug: str = ""
    overridden: list[str] = field(default_factory=list)

    @property
    def day(self) -> dt.date | None:
        value = self.date.value
        return value if isinstance(value, dt.date) else None
