"""Finding where any of many patterns can match, in one pass over a text.

Most vocabulary patterns (topic triggers, registry names, titles) start with a literal word.
A regex of all those words folded into a trie (`trie_regex`) lists, in one pass, the places
where one of them starts; each pattern is then tried only there (`matches_at`), which finds
what its `finditer` finds without scanning the whole text once per pattern.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

# The characters that match an ASCII letter when case is ignored but do not lower-case to it
# (İ also lower-cases to two characters). In a text without them, a pattern of ASCII letters
# matches ignoring case exactly where its lower-case form occurs in the lower-cased text.
CASE_ODD = "\u0130\u0131\u017f"
CASE_ODD_RE = re.compile(f"[{CASE_ODD}]")
# What separates the words of a name in a vocabulary pattern: a run of spaces and hyphens.
SEP_RUN = r"[\s\-]+"


def trie_regex(words: Iterable[str], sep: str = "", dotted: Collection[str] = ()) -> str:
    """A regex (nested alternations, one branch per next character) that matches the longest
    of `words` that starts where it is tried; one that never matches if there are no words.

    With `sep`, that character of a word matches a run of spaces and hyphens, and after a
    prefix of a word in `dotted` one dot may stand before the next character (then the words
    hold no dot, space or hyphen: `sep` stands for them)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any], prefix: str) -> str:
        edges = sorted((ch, child) for ch, child in node.items() if ch)
        branches = [(SEP_RUN if ch == sep else re.escape(ch)) + build(child, prefix + ch) for ch, child in edges]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if prefix in dotted:
            body = r"\.?" + body
        return f"(?:{body})?" if "" in node else body

    return build(root, "") or r"(?!x)x"


class StartFinder:
    """`finditer` of `(?<!\\w)` + `body` (a zero-width regex with one group): (position, the
    group) where `body` matches at the start of a text or after a non-word character. Faster
    than that regex: one that starts with `\\W` lets the engine skip to non-word characters.
    It is compiled once (a vocabulary's regex is large) and run on the text after a space,
    which stands for the text's start."""

    def __init__(self, body: str) -> None:
        self.after = re.compile(r"\W" + body)

    def finditer(self, text: str) -> Iterator[tuple[int, str | None]]:
        for m in self.after.finditer(" " + text):
            yield m.start(), m.group(1)

    def grouped(self, text: str) -> dict[str | None, list[int]]:
        """`finditer`'s positions grouped by the group's text: group -> its positions (ascending).
        Built in one loop, without a generator (this runs once per paragraph or report)."""
        out: dict[str | None, list[int]] = {}
        for m in self.after.finditer(" " + text):
            key = m.group(1)
            positions = out.get(key)
            if positions is None:
                out[key] = [m.start()]
            else:
                positions.append(m.start())
        return out


def matches_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text)` gives, when every match must start at one of
    `starts` (ascending) and none is empty: `pattern` is tried at those positions only."""
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None and m.end() > pos:
            end = m.end()
            yield m
