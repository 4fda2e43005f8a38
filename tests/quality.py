"""Checking briefings against an editor's gold file (tests/data/**/gold/*.yaml).

Each `check_*` function takes a briefing's metadata (and body) and the gold record and returns
a list of problems (empty when the field is right), so tests can be table-driven per field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml
from briefings.topics import canonical_topic

DATA = Path(__file__).parent / "data"


def norm(text: object) -> str:
    """Lower-case ASCII words, for comparing names and topics."""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def flat(text: str) -> str:
    """Body text with Markdown escapes removed, quotes unified and whitespace folded."""
    t = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>|~<&\"'])", r"\1", text)
    t = t.replace("&lt;", "<").replace("&amp;", "&")
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", t)


def load_gold(folder: Path) -> dict[str, dict]:
    """{seed stem: gold record} for every gold YAML in folder."""
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[Path(gold["seed"]).stem] = gold
    return out


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def check_date(meta: dict, gold: dict) -> list[str]:
    accepted = {_date(gold.get("date"))} | {_date(d) for d in gold.get("date_also_accepted") or []}
    got = _date(meta.get("date"))
    if got not in accepted:
        return [f"date {got} not in {sorted(map(str, accepted))}"]
    if got is None and not meta.get("undated"):
        return ["no date but not marked undated"]
    return []


def check_title(meta: dict, gold: dict) -> list[str]:
    title = str(meta.get("title") or "")
    bad_titles = [norm(b) for b in gold.get("title_must_not_be") or []]
    problems = [f"title is chrome: {title!r}" for bad in bad_titles if bad and bad in norm(title)]
    if not title or len(title) > 140:
        problems.append(f"title empty or too long: {title!r}")
    accepted = {norm(gold["title"])} | {norm(t) for t in gold.get("title_also_accepted") or []}
    if gold.get("title_exact") and norm(title) not in accepted:
        problems.append(f"title {title!r} is not the headline {gold['title']!r}")
    return problems


def _names(values) -> set[str]:
    aliases = {"volodymyr zelenskyy": "volodymyr zelensky", "kim jong un": "kim jong un"}
    return {aliases.get(norm(v), norm(v)) for v in values or []}


def check_participants(meta: dict, gold: dict) -> list[str]:
    got, want = _names(meta.get("participants")), _names(gold.get("participants"))
    return [] if got == want else [f"participants {sorted(got)} != {sorted(want)}"]


def check_people(meta: dict, gold: dict) -> list[str]:
    everyone = _names(meta.get("participants")) | _names(meta.get("people"))
    want = _names(gold.get("participants")) | _names(gold.get("mentioned"))
    optional = _names(gold.get("mentioned_optional"))
    problems = []
    if want - everyone:
        problems.append(f"missed people {sorted(want - everyone)}")
    if everyone - want - optional:
        problems.append(f"extra people {sorted(everyone - want - optional)}")
    chrome = everyone & _names(gold.get("must_not_name"))
    if chrome:
        problems.append(f"names from page chrome {sorted(chrome)}")
    return problems


def topic_matches(ours: str, theirs: str) -> bool:
    """Same topic: equal names, one an alias of the other, or one contains the other as words."""
    a, b = norm(ours), norm(theirs)
    if a == b or norm(canonical_topic(theirs) or "") == a:
        return True
    return bool(re.search(rf"\b{re.escape(b)}\b", a) or re.search(rf"\b{re.escape(a)}\b", b))


def check_topics(meta: dict, gold: dict) -> list[str]:
    ours = meta.get("topics") or []
    required, optional = gold.get("topics") or [], gold.get("topics_optional") or []
    missed = [t for t in required if not any(topic_matches(o, t) for o in ours)]
    extra = [o for o in ours if not any(topic_matches(o, t) for t in required + optional)]
    return [f"missed topics {missed}"] * bool(missed) + [f"extra topics {extra}"] * bool(extra)


def check_scalar(key: str):
    def check(meta: dict, gold: dict) -> list[str]:
        accepted = [gold.get(key), *(gold.get(f"{key}_also_accepted") or [])]
        got = meta.get(key)
        ok = any(
            (a is None and got in (None, "")) or (a is not None and got and norm(a) == norm(got)) for a in accepted
        )
        return [] if ok else [f"{key} {got!r} not in {accepted!r}"]

    return check


def check_body(meta: dict, gold: dict, body: str) -> list[str]:
    text = flat(body)
    problems = [f"chrome left: {b[:50]!r}" for b in gold.get("boilerplate") or [] if flat(b)[:60] in text]
    problems += [f"sentence lost: {k[:50]!r}" for k in gold.get("body_must_keep") or [] if flat(k)[:80] not in text]
    problems += [
        f"repeated: {k[:50]!r}" for k in gold.get("appears_at_most_once") or [] if text.count(flat(k)[:60]) > 1
    ]
    return problems


FIELD_CHECKS = {
    "date": check_date,
    "title": check_title,
    "participants": check_participants,
    "people": check_people,
    "topics": check_topics,
    "source": check_scalar("source"),
    "location": check_scalar("location"),
    "format": check_scalar("format"),
}
