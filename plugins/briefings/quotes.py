"""Key quotes: direct quotations in a briefing's body and who said them.

Works on plain text paragraphs. A quotation is kept only when its speaker can be named:
a known person (a participant or person of the briefing, matched by full or last name,
or by "he"/"she" referring back to the last one named) or a named body such as
"the Kremlin press service". Nothing is guessed beyond that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An opening mark starts a word (after a space, bracket, colon or dash); a closing mark ends
# one (before a space or punctuation). This keeps a closing quote from being read as the
# opening of the next one when a paragraph has nested or unbalanced straight quotes.
_QUOTE = re.compile(r"(?:^|(?<=[\s(\[:—–-]))[\"“„«](?=\S)([^\"“”„«»]{20,800}?)(?<=\S)[\"”»](?=[\s,.;:!?)\]—–-]|$)")
_VERBS = (
    r"said|says|stressed|noted|added|told|stated|emphasi[sz]ed|underlined|underscored|"
    r"remarked|declared|insisted|explained|recalled|warned|wrote|pointed out|"
    r"according to|announced|asserted|observed|continued"
)
_AFTER = re.compile(rf"^\s*[,.]?\s*(?P<who>[^.!?\"“”]{{0,80}}?)\s*\b(?:{_VERBS})\b", re.I)
_AFTER_VERB_FIRST = re.compile(rf"^\s*[,.]?\s*(?:{_VERBS})\s+(?P<who>[^.,!?;\"“”]{{1,80}})", re.I)
_BEFORE = re.compile(rf"(?P<who>[^.!?\"“”]{{1,100}}?)\s*\b(?:{_VERBS})\b[^.!?\"“”]{{0,40}}[:,]?\s*$", re.I)
_BODY = re.compile(
    r"((?:[A-Z][\w'’-]*\s+){0,3}(?:press service|press office|spokesman|spokeswoman|"
    r"spokesperson|ministry|office|statement|readout|embassy|government))",
)
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
MAX_QUOTES = 3
MAX_CHARS = 400


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str


def _name_tokens(name: str) -> set[str]:
    """Short forms a report may use for `name`: its later capitalised words, and for a
    two-word name with a short first word (Xi Jinping, Li Qiang) that first word too."""
    parts = [p for p in name.split() if p]
    tokens = {p for p in parts[1:] if len(p) > 2 and p[:1].isupper()}
    if len(parts) == 2 and len(parts[0]) <= 3 and parts[0][:1].isupper():
        tokens.add(parts[0])
    return tokens


def _name_patterns(names: list[str]) -> list[tuple[str, re.Pattern[str]]]:
    names = sorted({n.strip() for n in names if n and n.strip()})
    tokens = {n: _name_tokens(n) for n in names}
    shared = {t for n in names for t in tokens[n] if sum(t in tokens[o] for o in names) > 1}
    pats = []
    for name in names:
        alts = {re.escape(name)} | {re.escape(t) for t in tokens[name] - shared}
        pats.append((name, re.compile(r"\b(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")\b")))
    return pats


def _find_person(text: str, pats: list[tuple[str, re.Pattern[str]]], last: bool) -> str | None:
    best: tuple[int, str] | None = None
    for name, pat in pats:
        for m in pat.finditer(text):
            pos = m.start()
            if best is None or (pos > best[0] if last else pos < best[0]):
                best = (pos, name)
    return best[1] if best else None


def _trim(text: str) -> str:
    text = " ".join(text.split()).strip(" ,")
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def extract_quotes(paragraphs: list[str], names: list[str]) -> list[Quote]:
    """Return up to MAX_QUOTES attributed direct quotations, in text order."""
    pats = _name_patterns(names)
    found: list[Quote] = []
    seen: set[str] = set()
    history = ""  # text read so far, to resolve "he"/"she" and "the press service"
    for para in paragraphs:
        for m in _QUOTE.finditer(para):
            text = _trim(m.group(1))
            if len(text.split()) < 5 or text in seen:
                continue
            after = para[m.end() : m.end() + 120]
            before = para[max(0, m.start() - 160) : m.start()]
            who = None
            for regex, chunk in ((_AFTER, after), (_AFTER_VERB_FIRST, after), (_BEFORE, before)):
                mm = regex.search(chunk)
                if mm and mm.group("who").strip():
                    who = mm.group("who").strip()
                    break
            if who is None:
                continue
            speaker = _find_person(who, pats, last=False)
            context = history + " " + para[: m.start()]
            if speaker is None and _PRONOUN.search(who):
                speaker = _find_person(context, pats, last=True)
            if speaker is None:
                body = _BODY.search(who)
                if body:
                    speaker = body.group(1).strip()
                    if speaker[:1].islower():
                        # "the press service": only with its full name found earlier.
                        fuller = [b.strip() for b in _BODY.findall(context) if b.endswith(speaker)]
                        named = [b for b in fuller if b[:1].isupper() and " " in b]
                        speaker = named[-1] if named else None
            if speaker:
                seen.add(text)
                found.append(Quote(speaker=speaker, text=text))
                if len(found) >= MAX_QUOTES:
                    return found
        history += " " + para
    return found
