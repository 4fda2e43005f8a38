"""Writing a briefing as text: Markdown-escaped body and YAML front matter.

`escape_markdown` makes seed text inert: rendered by Python-Markdown (no extensions), the
text reads exactly as in the seed, and no HTML in it becomes live. Front matter is always
produced by `yaml.safe_dump`, never by string formatting.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import yaml

from .model import SUBHEADING, Block, Briefing
from .yamlio import SAFE_LOADER

# Characters Python-Markdown lets a backslash escape, that change meaning anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# Line starts that Markdown reads as blocks: headings, quotes, lists, rules, code fences.
_BLOCK_START = re.compile(r"^([#>+\-]|\d+(?=[.)]))")
# A closing run of `#` not already escaped (after an even number of backslashes).
_TRAILING_HASHES = re.compile(r"(?<!\\)((?:\\\\)*)(#+)$")


def escape_markdown(text: str) -> str:
    """One line of plain text -> Markdown source that renders back to exactly that text.

    Whitespace runs collapse to one space (as HTML shows them anyway).
    """
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;")
    m = _BLOCK_START.match(text)
    if m:
        end = m.end()
        text = text[:end] + "\\" + text[end:] if m.group(1).isdigit() else "\\" + text
    return text


def render_body(blocks: list[Block]) -> str:
    """Body blocks -> Markdown: one paragraph per block, subheadings as `##`."""
    parts = []
    for block in blocks:
        line = escape_markdown(block.text)
        if not line:
            continue
        if block.kind == SUBHEADING:
            # An ATX heading drops a closing run of `#`: escape it so the text keeps it.
            line = "## " + _TRAILING_HASHES.sub(lambda m: m.group(1) + "\\#" * len(m.group(2)), line)
        parts.append(line)
    return "\n\n".join(parts) + "\n"


def front_matter(briefing: Briefing) -> dict[str, Any]:
    """The briefing's metadata as plain YAML-ready data (keys in a fixed, readable order)."""
    day = briefing.day
    fields = {
        "title": briefing.title,
        "date": briefing.date,
        "participants": briefing.participants,
        "people": briefing.people,
        "topics": briefing.topics,
        "source": briefing.source,
        "location": briefing.location,
        "format": briefing.format,
        "summary": briefing.summary,
    }
    meta: dict[str, Any] = {
        "title": briefing.title.value,
        "slug": briefing.slug,
        "date": day.isoformat() if day else None,
        "undated": day is None,
        "date_source": briefing.date_source,
        "participants": [f.value for f in briefing.participants],
        "people": [f.value for f in briefing.people],
        "topics": [f.value for f in briefing.topics],
        "source": briefing.source.value,
        "location": briefing.location.value,
        "format": briefing.format.value,
        "summary": briefing.summary.value,
        "seed": briefing.seed,
        "overridden": list(briefing.overridden),
        "provenance": {key: _provenance(found) for key, found in fields.items()},
    }
    return meta


def _provenance(found: Any) -> Any:
    if isinstance(found, list):
        return [{"value": f.value, **f.provenance()} for f in found]
    return found.provenance()


SAFE_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when present
_SCALAR_TAGS: dict[str, str] = {}  # string -> the tag the dumper's resolver gives it (implicit)


class _Dumper(SAFE_DUMPER):  # type: ignore[misc, valid-type]
    """SAFE_DUMPER, with the tag a string resolves to remembered: the serializer asks for it
    twice for every scalar, and the same keys and values come back in every briefing."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        if not implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        tag = _SCALAR_TAGS.get(value)
        if tag is None:
            if len(_SCALAR_TAGS) > 100_000:
                _SCALAR_TAGS.clear()
            tag = _SCALAR_TAGS[value] = super().resolve(kind, value, implicit)
        return tag


_DUMP_OPTIONS: dict[str, Any] = {"sort_keys": False, "allow_unicode": True, "default_flow_style": False, "width": 100}
_TAG = "tag:yaml.org,2002:"


def dump_yaml(data: dict[str, Any]) -> str:
    """Plain data -> YAML text (block style, unicode kept, keys in the given order)."""
    try:
        node = _node(data, set())
    except ValueError:  # not only plain data: let the representer handle it
        return str(yaml.dump(data, Dumper=SAFE_DUMPER, **_DUMP_OPTIONS))
    stream = io.StringIO()
    dumper = _Dumper(stream, **_DUMP_OPTIONS)
    try:
        dumper.open()
        dumper.serialize(node)
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue()


def _node(data: Any, seen: set[int]) -> yaml.Node:
    """The node `yaml.dump` (safe representer, block style) makes of `data`, built directly
    for str, None, bool, int, list and dict. ValueError for anything else, and for a list or
    dict met twice (the representer would write an alias)."""
    kind = type(data)
    if kind is str:
        return yaml.ScalarNode(_TAG + "str", data)
    if data is None:
        return yaml.ScalarNode(_TAG + "null", "null")
    if kind is bool:
        return yaml.ScalarNode(_TAG + "bool", "true" if data else "false")
    if kind is int:
        return yaml.ScalarNode(_TAG + "int", str(data))
    if kind not in (list, dict) or id(data) in seen:
        raise ValueError(f"not plain data: {kind.__name__}")
    seen.add(id(data))
    if kind is list:
        return yaml.SequenceNode(_TAG + "seq", [_node(item, seen) for item in data], flow_style=False)
    items = [(_node(key, seen), _node(value, seen)) for key, value in data.items()]
    return yaml.MappingNode(_TAG + "map", items, flow_style=False)


def render_briefing(briefing: Briefing) -> str:
    """A Briefing -> the complete file text: `---` YAML front matter `---` Markdown body."""
    return "---\n" + dump_yaml(front_matter(briefing)) + "---\n\n" + render_body(briefing.body)


def parse_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """File text -> (metadata dict, body). Raises ValueError when there is no front matter."""
    m = re.match(r"\A---\n(.*?)\n---\n(.*)\Z", text, re.S)
    if not m:
        raise ValueError("no YAML front matter between --- lines")
    meta = yaml.load(m.group(1), Loader=SAFE_LOADER) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    if isinstance(meta.get("date"), dt.date):
        meta["date"] = meta["date"].isoformat()
    return meta, m.group(2)
