"""The adversarial seed corpus: hostile, odd and broken seeds, written into a temp folder.

Nothing here is ever added to `seeds/`. Each seed is built from one report template so that
cleaning keeps its headline and paragraphs; the hostile or odd part is put where it ends up in
the title (headline line), the summary (first sentence of the lede) or the body.
"""

from __future__ import annotations

from pathlib import Path

import yaml

LEDE_TAIL = (
    "discussed {topic} by phone on Friday, the Kremlin said in a statement. The two leaders agreed to stay in contact."
)
FILLER = (
    "The conversation lasted about an hour and covered bilateral trade, energy security and the humanitarian "
    "situation in the region, according to the statement released afterwards by both offices."
)


def report(headline: str, *, date: str = "June 26, 2020", lede_prefix: str = "", topic: str = "the war in Ukraine",
           extra: tuple[str, ...] = ()) -> str:  # fmt: skip
    """A plain Putin-Macron phone call report with the given headline and extra paragraphs."""
    lede = (
        f"MOSCOW, {date} - {lede_prefix}Russian President Vladimir Putin and French President Emmanuel Macron "
        + LEDE_TAIL.format(topic=topic)
    )
    return headline + "\n\n" + "\n\n".join([lede, FILLER, *extra]) + "\n"


# --- HTML and script --------------------------------------------------------------------------
HOSTILE_TITLE = '<script>alert(101)</script> Putin and Macron discuss Ukraine " onmouseover=alert(102) x=" talks'
HOSTILE_LEDE = "<img src=x onerror=alert(103)> </title> "
HOSTILE_BODY = (
    'Officials shared a link [click here](javascript:alert(104)) and <a href="javascript:alert(105)">this one</a> '
    "with reporters, and the statement was posted online later that evening for everyone to read.",
    '<iframe src="javascript:alert(106)"></iframe> <svg onload=alert(107)> The leaders also discussed '
    '<b onclick="alert(108)">energy</b> supplies and gas transit through Ukraine in the coming winter months.',
    "&lt;script&gt;alert(109)&lt;/script&gt; was printed as text in the statement, which also mentioned "
    "<style>body{display:none}</style> sanctions, prisoners and the grain corridor across the Black Sea region.",
)
# Values an editor (or a pasted page) might put in an override file.
HOSTILE_OVERRIDE = {
    "title": '</title><script>alert(111)</script> Talks " onmouseover="alert(112)" end',
    "summary": '" onmouseover="alert(113)" <script>alert(114)</script> javascript:alert(115) </title>',
    "participants": ["<script>alert(116)</script> Putin", "Emmanuel <img src=x onerror=alert(117)> Macron"],
    "people": ['" onmouseover=alert(118) x="'],
    "topics": ["<script>alert(119)</script> Topic", '" onfocus=alert(120) autofocus x="'],
    "location": "<svg onload=alert(121)>",
    "source": "javascript:alert(122)",
}
HOSTILE_MARKERS = [f"alert({n})" for n in range(101, 123) if n != 110]

# --- Markdown specials (each starts a paragraph, and appears inside one) ----------------------
MD_SPECIALS = [
    "*x*", "__init__", "#tag", "> quote", "2020. The year", "- item", "+ item", "* item", "1) first",
    "    four-space indent", "[1]: http://x", "<http://x>", "trailing double spaces  ", "a | b | c",
    "`code`", "![img](x.png)", "\\ backslash \\* star", "~~~", "```", "AT&T &amp; &#169; &copy;",
]  # fmt: skip
MD_TITLE = "Putin and Macron discuss *Ukraine* and __init__ #tag | a > b by phone"


def md_paragraph(special: str, n: int) -> str:
    return (
        f"{special} opens paragraph {n}, in which the two presidents discussed {special} grain exports, "
        "energy prices and the fate of the nuclear power plant at Zaporizhzhia in some detail."
    )


# --- YAML hazards (via an override file) -------------------------------------------------------
YAML_HAZARDS = ["no", "on", "2020-06-26", "12:30", "#", "a: b", "'single' \"double\"", "line\nbreak", "---", "..."]

# --- Encodings and odd bytes -------------------------------------------------------------------
LATIN_TITLE = "Macron hosts Putin at the Élysée for “frank” talks on Ukraine"


def write_corpus(seeds: Path) -> dict[str, str]:
    """Write every adversarial seed (and override) into `seeds`. -> {seed name: expectation}.

    Expectation is "briefing" or "reported".
    """
    seeds.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}

    def put(name: str, data: str | bytes, expect: str = "briefing", override: dict | None = None) -> None:
        (seeds / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if override is not None:
            (seeds / name).with_suffix(".yaml").write_text(
                yaml.safe_dump(override, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )
        out[name] = expect

    put(
        "hostile_html.txt",
        report(HOSTILE_TITLE, date="March 3, 2024", lede_prefix=HOSTILE_LEDE, extra=HOSTILE_BODY),
    )
    put(
        "hostile_override.txt",
        report("Putin and Macron hold talks on energy", date="March 4, 2024"),
        override=HOSTILE_OVERRIDE,
    )
    put(
        "markdown.txt",
        report(
            MD_TITLE,
            date="March 5, 2024",
            extra=(
                *(md_paragraph(s, i) for i, s in enumerate(MD_SPECIALS)),
                "A paragraph followed by setext underlines, which must not turn it into a heading of any level.",
                "---",
                "===",
                "The last paragraph of the report, again long enough to count as article text for the cleaner.",
            ),
        ),
    )
    for i, hazard in enumerate(YAML_HAZARDS):
        put(
            f"yaml_{i:02d}.txt",
            report(f"Putin and Macron discuss hazard number {i} by phone", date=f"April {i + 1}, 2021"),
            override={"title": hazard, "summary": hazard, "participants": [hazard], "people": [f"{hazard} Smith {i}"]},
        )
    base = report("Putin and Macron discuss encodings by phone", date="May 2, 2022")
    put("latin1.txt", report(LATIN_TITLE, date="May 3, 2022").encode("cp1252"))
    put("bom.txt", b"\xef\xbb\xbf" + report("Putin and Macron discuss the BOM by phone").encode("utf-8"))
    put("crlf.txt", report("Putin and Macron discuss CRLF line ends by phone").replace("\n", "\r\n").encode())
    put("nul_bytes.txt", base.replace("Kremlin", "Krem\x00lin").replace("Friday", "Fri\x00day").encode())
    put(
        "control.txt",
        report("Putin and Macron \x07discuss control\x1b characters by phone").replace("lasted", "la\x0bsted"),
    )
    put("empty.txt", b"", "reported")
    put("whitespace.txt", b"  \n\t\r\n \n", "reported")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "reported")
    put("binary_few_nul.txt", bytes(range(1, 256)) * 40, "reported")
    put("chrome_only.txt", "Home\n\nNews\n\nShare\n\nSubscribe to our newsletter\n\nAll rights reserved\n", "reported")
    dup = report("Putin and Macron discuss duplicates by phone", date="July 7, 2022")
    put("dup_a.txt", dup)
    put("dup_b.txt", dup)
    put("same_title_a.txt", report("Putin and Macron discuss the same title", date="August 1, 2022"))
    put("same_title_b.txt", report("Putin and Macron discuss the same title", date="August 2, 2022", topic="Syria"))
    put("punctuation.txt", report("Putin and Macron discuss punctuation"), override={"title": "?!… — ?!"})
    put(
        "cyrillic.txt",
        "Путин и Макрон обсудили Украину по телефону\n\n"
        "МОСКВА, 26 июня 2020 - Президент России Владимир Путин и президент Франции Эммануэль Макрон обсудили "
        "ситуацию на Украине в телефонном разговоре в пятницу, сообщили в Кремле. Лидеры договорились "
        "продолжить контакты на разных уровнях в ближайшее время и обсудили также положение в Сирии.\n\n"
        + FILLER
        + "\n",
    )
    put("name with spaces & ü.txt", report("Putin and Macron discuss odd file names by phone", date="May 9, 2022"))
    return out


HAND_MADE = (
    "---\ntitle: Hand-made note\nslug: putin-and-macron-discuss-the-same-title\ndate: 2022-08-03\n---\n\nMine.\n"
)
