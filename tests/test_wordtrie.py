"""The one-pass helpers: a trie regex of words, trying a pattern at given places only."""

import re

from briefings.wordtrie import StartFinder, matches_at, trie_regex
from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = ["a", "an", "and", "iran", "ira", "iraq", "u.s.", "x y", "-x"]
_TEXT = st.lists(st.sampled_from([*WORDS, " ", "  ", "é", "Iran", "(", "\n", "b", "_"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_trie_regex_matches_the_longest_word(text):
    trie = re.compile(trie_regex(WORDS))
    longest = re.compile("|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True)))
    for pos in range(len(text) + 1):
        a, b = trie.match(text, pos), longest.match(text, pos)
        assert (a and a.group()) == (b and b.group())


LEADS = ["a", "a p", "apj", "apj abdul", "the", "the n", "u", "us", "usa", "x y z"]
DOTTED = {"a", "ap", "apj", "a p", "u", "us", "x"}
_SPACED = st.lists(
    st.sampled_from(["a", "p", "j", "the", "n", "u", "s", "x", "y", "z", ".", " ", "-", "\n", "é"]), max_size=14
)


def _spaced_regex(lead: str) -> str:
    """`lead` as `trie_regex(..., " ", DOTTED)` reads it, one word at a time."""
    out = ""
    for n, ch in enumerate(lead):
        out += (r"\.?" if lead[:n] in DOTTED else "") + (r"[\s\-]+" if ch == " " else re.escape(ch))
    return out


@settings(max_examples=300, deadline=None)
@given(_SPACED.map("".join))
def test_trie_regex_with_separators_and_dots_matches_the_longest_word(text):
    trie = re.compile(trie_regex(LEADS, " ", DOTTED))
    each = [(lead, re.compile(_spaced_regex(lead))) for lead in LEADS]
    for pos in range(len(text) + 1):
        ends = [m.end() for _, rx in each if (m := rx.match(text, pos))]
        m = trie.match(text, pos)
        assert (m and m.end()) == (max(ends) if ends else None)


def test_trie_regex_of_no_words_never_matches():
    assert re.compile(trie_regex([])).search("anything") is None


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_start_finder_is_the_lookbehind_regex(text):
    body = r"(?:(?=(" + trie_regex(WORDS) + r"))|(?=[^\x00-\x7f]))"
    plain = [(m.start(), m.group(1)) for m in re.finditer(r"(?<!\w)" + body, text)]
    assert list(StartFinder(body).finditer(text)) == plain


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_matches_at_the_starts_is_finditer(text):
    pattern = re.compile(r"(?<!\w)(?:iran|ira|an?d?)\w*(?:\s+x)?")
    starts = [m.start() for m in re.finditer(r"(?<!\w)(?=[ia])", text)]
    assert [m.span() for m in matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
