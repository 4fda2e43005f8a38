"""Escaping and front matter: rendered text equals the seed text; YAML values round-trip."""

import datetime as dt
import html
import re

import markdown
import pytest
import yaml
from briefings.markdown_out import SAFE_DUMPER, dump_yaml, escape_markdown, parse_front_matter, render_body
from briefings.model import PARAGRAPH, SUBHEADING, Block
from hypothesis import given, settings
from hypothesis import strategies as st

MD = markdown.Markdown(extensions=[], output_format="html5")


def rendered_text(source: str) -> str:
    """Markdown -> HTML -> visible text (tags dropped, entities decoded)."""
    out = MD.reset().convert(source)
    assert "<script" not in out and "<img" not in out and "<a " not in out
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    "text",
    [
        "*x*",
        "__init__",
        "#tag",
        "> quote",
        "2020. The year",
        "- item",
        "+ item",
        "* item",
        "---",
        "===",
        "    four-space indent",
        "[1]: http://x",
        "<http://x>",
        "trailing double spaces  ",
        "a | b | c",
        "`code`",
        "![img](x.png)",
        "[link](javascript:alert(1))",
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '" onmouseover="alert(1)',
        "</title>",
        "AT&T &amp; &#169; &copy;",
        "1) first",
        "\\ backslash \\* star",
        "~~~",
        "```",
        "Q&A <b>bold</b>",
        "a_b_c and 3*4*5",
    ],
)
def test_specials_render_as_the_same_text(text):
    assert rendered_text(escape_markdown(text)) == squash(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80))
def test_escaping_round_trips_any_text(text):
    if not text.strip():
        return
    assert rendered_text(escape_markdown(text)) == squash(text)


def test_subheadings_become_level_two_headings():
    body = render_body([Block(SUBHEADING, "#Iran deal"), Block(PARAGRAPH, "Text *here*.")])
    out = MD.reset().convert(body)
    assert out.startswith("<h2>#Iran deal</h2>")
    assert "<p>Text *here*.</p>" in out


YAML_HAZARDS = [
    "no",
    "on",
    "yes",
    "off",
    "null",
    "~",
    "2020-06-26",
    "12:30",
    "#",
    "a: b",
    "'quoted'",
    '"dq"',
    "line\nbreak",
    "---",
    "...",
    "- dash",
    "{x}",
    "[y]",
    "@at",
    "`tick`",
    "%pct",
    "!tag",
    "&anchor",
    "*alias",
    "| pipe",
    "> fold",
    "1e3",
    "0x1F",
    "0o17",
    ".inf",
    "  padded  ",
]


@pytest.mark.parametrize("value", YAML_HAZARDS)
def test_front_matter_round_trips_hazards(value):
    text = "---\n" + dump_yaml({"title": value, "people": [value]}) + "---\nbody\n"
    meta, body = parse_front_matter(text)
    assert meta["title"] == value and meta["people"] == [value]
    assert body == "body\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_front_matter_round_trips_any_string(value):
    # YAML cannot carry some control characters; seeds.normalise removes them before here.
    value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]", "", value)
    data = yaml.safe_load(dump_yaml({"summary": value}))
    assert data["summary"] == value


def test_dates_are_written_as_iso_dates():
    data = yaml.safe_load(dump_yaml({"date": "2020-06-26"}))
    assert data["date"] in ("2020-06-26", dt.date(2020, 6, 26))


# --- Stronger properties (issue #5): hazards mixed into any text, through the full pipeline ----

HAZARD_PIECES = [
    "*x*", "__init__", "#tag", "> quote", "2020. The year", "- item", "---", "===", "    indent",
    "[1]: http://x", "<http://x>", "  ", "|", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "[a](javascript:alert(1))", '" onmouseover=alert(1) x="', "</title>", "&amp;", "&#169;", "\\", "`", "\n",
    "no", "on", "12:30", ": ", "#", "'", '"', "...", "1)", "!", "<!--", "-->", "<![CDATA[", "~~~",
]  # fmt: skip
hazard_text = st.lists(
    st.one_of(
        st.sampled_from(HAZARD_PIECES),
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    ),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(hazard_text)
def test_escaping_round_trips_hazard_mixes_through_markdown_and_sanitizer(text):
    from briefings.sanitize import clean_html

    if not text.strip():
        return
    out = clean_html(MD.reset().convert(escape_markdown(text)))
    assert re.fullmatch(r"<p>.*</p>", out, re.S), out  # one paragraph, nothing else
    assert "<" not in out[3:-4], out  # no element inside: every tag character is text
    assert html.unescape(out[3:-4]).strip() == squash(text)


@settings(max_examples=200, deadline=None)
@given(hazard_text)
def test_subheading_round_trips(text):
    if not text.strip():
        return
    out = MD.reset().convert(render_body([Block(SUBHEADING, text)]))
    assert out.startswith("<h2>") and out.endswith("</h2>") and out.count("<") == 2, out
    assert html.unescape(out[4:-5]).strip() == squash(text)


yaml_text = st.one_of(st.sampled_from(YAML_HAZARDS), hazard_text).map(
    lambda v: re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\r]", "", v)
)


@settings(max_examples=300, deadline=None)
@given(yaml_text, yaml_text, st.lists(yaml_text, max_size=5))
def test_whole_briefing_front_matter_round_trips_and_pelican_reads_it(title, summary, names):
    """render_briefing -> parse_front_matter and Pelican's yaml_metadata header regex."""
    from briefings.markdown_out import render_briefing
    from briefings.model import Briefing, Found
    from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE

    none = Found(None, "none")
    b = Briefing(
        seed="seeds/x.txt", title=Found(title, "t"), date=Found(None, "none"), date_source="none",
        participants=[Found(n, "p") for n in names], people=[Found(n, "p") for n in names[::-1]],
        topics=[], source=none, location=none, format=none, summary=Found(summary, "s"),
        body=[Block(PARAGRAPH, "Body text.")], slug="x",
    )  # fmt: skip
    text = render_briefing(b)
    meta, body = parse_front_matter(text)
    assert meta["title"] == title and meta["summary"] == summary
    assert meta["participants"] == names and meta["people"] == names[::-1]
    assert body == "\nBody text.\n"
    m = HEADER_RE.fullmatch(text)
    assert m and yaml.safe_load(m.group("metadata")) == yaml.safe_load(text.split("\n", 1)[1].rsplit("\n---\n", 1)[0])
    assert m.group("content") == "\n\nBody text.\n"


@pytest.mark.parametrize("text", ["#", "##", "Iran #", "a\\#", "a\\\\#", "x ## y ##", "# closing #"])
def test_subheading_keeps_closing_hashes(text):
    out = MD.reset().convert(render_body([Block(SUBHEADING, text)]))
    assert html.unescape(out[4:-5]) == squash(text), out


_PLAIN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.sampled_from(["null", "yes", "1.5", "a: b", "- x", "#"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _PLAIN, max_size=5))
def test_dump_yaml_writes_what_the_safe_dumper_writes(data):
    expected = yaml.dump(
        data, Dumper=SAFE_DUMPER, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )
    assert dump_yaml(data) == expected


def test_dump_yaml_hands_other_data_to_the_representer():
    shared = ["a"]
    data = {"a": shared, "b": shared, "day": dt.date(2024, 1, 2), "x": 1.5, "t": (1, 2)}
    expected = yaml.dump(
        data, Dumper=SAFE_DUMPER, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
    )
    assert dump_yaml(data) == expected
    assert "&id001" in expected
