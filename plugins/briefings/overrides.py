"""Editor overrides: `seeds/<stem>.yaml` values win over extraction and survive rebuilds.

An override file is plain YAML with any of the keys in `FIELDS`, plus `remove_lines` /
`keep_lines` (line starts) to correct what cleaning dropped or kept. Reading validates it
and raises `OverrideError` naming the key and the problem.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from .model import BODY_KINDS, CHROME, PARAGRAPH, Block, Briefing, CleanDoc, Found

LIST_FIELDS = ("participants", "people", "topics")
TEXT_FIELDS = ("title", "source", "location", "format", "summary", "slug")
LINE_FIELDS = ("remove_lines", "keep_lines")
FIELDS = ("date", *LIST_FIELDS, *TEXT_FIELDS, *LINE_FIELDS)
FORMATS = ("in-person", "phone", "video")
_SLUG = re.compile(r"(?=.{1,80}\Z)[a-z0-9]+(?:-[a-z0-9]+)*")


class OverrideError(ValueError):
    """An override file that cannot be applied; the message says which key and why."""


def override_path(seed_path: Path) -> Path:
    """seeds/<stem>.txt -> seeds/<stem>.yaml"""
    return seed_path.with_suffix(".yaml")


def read_overrides(path: Path) -> dict[str, Any]:
    """Read and validate an override file. Missing file -> {}. Raises OverrideError."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise OverrideError(f"not valid YAML: {exc}") from exc
    return validate(data or {})


def validate(data: Any) -> dict[str, Any]:
    """Plain YAML data -> checked overrides. Raises OverrideError on unknown keys or bad values."""
    if not isinstance(data, dict):
        raise OverrideError("must be a mapping of field: value")
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in FIELDS:
            raise OverrideError(f"unknown key {key!r} (allowed: {', '.join(FIELDS)})")
        out[key] = _check(key, value)
    return out


def _check(key: str, value: Any) -> Any:
    if key == "date":
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise OverrideError(f"date {value!r} is not YYYY-MM-DD (or null for undated)") from exc
    if key in LIST_FIELDS + LINE_FIELDS:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise OverrideError(f"{key} must be a list of names or phrases")
        return [v.strip() for v in value]
    if value is not None and not isinstance(value, str):
        raise OverrideError(f"{key} must be text (or null)")
    if key == "format" and value not in (None, *FORMATS):
        raise OverrideError(f"format must be one of {', '.join(FORMATS)} or null")
    if key in ("title", "slug") and not (value or "").strip():
        raise OverrideError(f"{key} cannot be empty")
    if key == "slug" and not _SLUG.fullmatch(str(value).strip()):
        raise OverrideError(f"slug {value!r} must be lower-case ASCII letters and digits joined by '-' (at most 80)")
    return value.strip() if isinstance(value, str) else value


def apply_to_doc(doc: CleanDoc, overrides: dict[str, Any]) -> CleanDoc:
    """Move lines between body and chrome as `remove_lines` / `keep_lines` say."""
    remove = tuple(overrides.get("remove_lines") or ())
    keep = tuple(overrides.get("keep_lines") or ())
    if not remove and not keep:
        return doc
    blocks = []
    for b in doc.blocks:
        if b.kind in BODY_KINDS and remove and b.text.startswith(remove):
            b = Block(CHROME, b.text, "removed by editor override")
        elif b.kind not in BODY_KINDS and keep and b.text.startswith(keep):
            b = Block(PARAGRAPH, b.text, "kept by editor override")
        blocks.append(b)
    return replace(doc, blocks=tuple(blocks))


def apply_to_briefing(briefing: Briefing, overrides: dict[str, Any], where: str) -> Briefing:
    """Overridden values win; each records rule `override` and the file it came from."""
    changes: dict[str, Any] = {}
    for key, value in overrides.items():
        if key in LINE_FIELDS or key == "slug":
            continue
        if key in LIST_FIELDS:
            changes[key] = [Found(v, "override", where) for v in value]
        else:
            changes[key] = Found(value, "override", where)
        if key == "date":
            changes["date_source"] = "override"
    if "slug" in overrides:
        changes["slug"] = overrides["slug"]
    changed = [k for k in overrides if k not in LINE_FIELDS] + [k for k in LINE_FIELDS if overrides.get(k)]
    return replace(briefing, **changes, overridden=sorted(changed))
