"""Table-driven tests for the topic vocabulary and the topic finder.

Each row: (headline, paragraphs, topics that must be found, topics that must not be found).
The first table holds reports written for these tests; the regression table adapts short
passages of real reports (source given per row).
"""

from __future__ import annotations

import pytest
from briefings.model import Found
from briefings.topics import (
    _ANCHORED,
    _JOIN,
    MAX_TOPICS,
    Vocabulary,
    build_vocabulary,
    canonical_topic,
    compile_phrase,
    find_topics,
    load_vocabulary,
    normalise,
    text_blocks,
)

WRITTEN = [
    pytest.param(
        "Scholz, Biden discuss Ukraine war and European gas supplies in phone call",
        [
            "German Chancellor Olaf Scholz and U.S. President Joe Biden discussed Russia's war against Ukraine "
            "and the security of Europe's energy supplies in a phone call on Tuesday, a spokesman said.",
            "The two leaders agreed to continue military and financial support for Kyiv and to keep up pressure "
            "on Moscow through sanctions.",
            "Scholz briefed Biden on Germany's efforts to replace Russian natural gas with liquefied natural gas "
            "imports. Biden reaffirmed that the United States would increase LNG deliveries to Europe.",
            "Russia cut gas flows through the Nord Stream 1 pipeline last month, citing a turbine held in Canada.",
        ],
        {"Ukraine", "Gas Supplies", "Sanctions"},
        {"Energy", "European Security", "Russia", "Nord Stream"},
        id="scholz-biden-gas-2022",
    ),
    pytest.param(
        "Modi, Xi agree to ease border tensions at first formal talks in five years",
        [
            "KAZAN: Prime Minister Narendra Modi and Chinese President Xi Jinping on Wednesday endorsed an "
            "agreement on patrolling along the Line of Actual Control in eastern Ladakh, saying peace in the "
            "border areas should remain the priority.",
            "The two leaders met on the sidelines of the BRICS summit in Kazan, Russia.",
            "The Special Representatives on the boundary question will meet soon, the foreign secretary said.",
        ],
        {"India-China Border"},
        {"Armenia-Azerbaijan Border", "Kuril Islands Dispute", "Territorial Dispute"},
        id="modi-xi-border",
    ),
    pytest.param(
        "Erdogan, Putin agree ceasefire in Syria's Idlib after Moscow talks",
        [
            "MOSCOW - Turkish President Tayyip Erdogan and Russian President Vladimir Putin agreed on Thursday "
            "a ceasefire in Syria's northwest Idlib region from midnight, after six hours of talks.",
            "The deal also sets up a security corridor along the M4 highway with joint patrols.",
            "Putin said the two countries did not always agree on Syria but had always found common ground.",
            "Nearly a million people have fled the fighting in Idlib since December, in what the United Nations "
            "calls the worst humanitarian crisis of the war.",
        ],
        {"Syria", "Ceasefire"},
        {"Middle East", "Humanitarian Aid", "Migration"},
        id="erdogan-putin-idlib",
    ),
    pytest.param(
        "Biden presses Netanyahu on hostages, aid to Gaza in call",
        [
            "WASHINGTON - President Joe Biden spoke with Israeli Prime Minister Benjamin Netanyahu on Sunday about "
            "efforts to secure the release of hostages held by Hamas and to increase the flow of humanitarian "
            "aid into Gaza, the White House said.",
            "The two leaders discussed the humanitarian pause and Biden welcomed the release of an American girl.",
            "The war began after Hamas militants attacked southern Israel on October 7.",
        ],
        {"Gaza", "Hostages", "Humanitarian Aid"},
        {"Terrorism", "Israeli-Palestinian Conflict"},
        id="biden-netanyahu-gaza-2023",
    ),
    pytest.param(
        "Trump, Kim sign pledge on denuclearization at Singapore summit",
        [
            "SINGAPORE - U.S. President Donald Trump and North Korean leader Kim Jong Un pledged on Tuesday to "
            "work toward complete denuclearization of the Korean Peninsula.",
            "The two leaders agreed to establish new U.S.-DPRK relations and to recover the remains of prisoners "
            "of war from the Korean War.",
            "Trump said he would halt joint military exercises with South Korea.",
        ],
        {"Korean Peninsula"},
        {"Prisoner Exchange", "European Security", "United States", "Nuclear Energy"},
        id="trump-kim-2018",
    ),
    pytest.param(
        "Obama, Merkel warn Russia of tougher sanctions over Crimea",
        [
            "WASHINGTON - President Barack Obama and German Chancellor Angela Merkel on Friday warned Russia that "
            "it would face broader sanctions if it continues to destabilise eastern Ukraine after its "
            "annexation of Crimea.",
            "The two leaders said they were united in supporting Ukraine's sovereignty.",
            "Merkel acknowledged that Germany's reliance on Russian gas made the decision difficult.",
        ],
        {"Sanctions", "Crimea", "Ukraine"},
        {"Gas Supplies", "Energy", "United States"},
        id="merkel-obama-crimea-2014",
    ),
    pytest.param(
        "Xi, Macron pledge to uphold Paris climate accord, open markets",
        [
            "BEIJING - French President Emmanuel Macron and Chinese President Xi Jinping on Monday pledged to "
            "defend the Paris Agreement on climate change and to keep markets open, as the two met amid a trade "
            "war between China and the United States.",
            "Macron urged Xi to give European companies fairer market access and to rebalance trade relations.",
        ],
        {"Climate Change", "Trade"},
        {"United States", "Taiwan"},
        id="xi-macron-trade-climate",
    ),
    pytest.param(
        "Lula, Biden pledge to work together on climate, democracy",
        [
            "WASHINGTON - U.S. President Joe Biden and Brazilian President Luiz Inacio Lula da Silva pledged to "
            "work together to fight climate change and to defend democracy.",
            "The leaders said the United States intends to provide funds for the Amazon Fund to protect the "
            "rainforest and stop deforestation.",
        ],
        {"Climate Change", "Democracy", "Amazon Rainforest"},
        {"United States", "Elections"},
        id="lula-biden-amazon",
    ),
    pytest.param(
        "Biden, Xi agree to resume military communications and curb fentanyl",
        [
            "WOODSIDE, California - President Joe Biden and Chinese leader Xi Jinping agreed on Wednesday to "
            "resume military-to-military communications and to cooperate on curbing the flow of fentanyl.",
            "The two leaders also discussed artificial intelligence and Taiwan, the White House said.",
        ],
        {"Military Communications", "Drug Trafficking", "Technology", "Taiwan"},
        {"Indo-Pacific", "APEC"},
        id="biden-xi-2023",
    ),
]

REGRESSION = [
    pytest.param(
        # https://dailysabah.com/politics/diplomacy/erdogan-zelenskyy-discuss-russia-ukraine-war-grain-deal/amp
        "Erdoğan, Zelenskyy discuss Russia-Ukraine war, grain deal",
        [
            "President Recep Tayyip Erdoğan and his Ukrainian counterpart Volodymyr Zelenskyy discussed "
            "developments in the Russia-Ukraine war, and the grain corridor initiative over the phone on Friday.",
            "He also said they discussed security and energy cooperation.",
            "Shipments of wheat have reached 3.2 million tons. Other commodities shipped include sunflower oil.",
        ],
        {"Ukraine", "Grain Deal"},
        {"Trade", "Food Security", "Oil", "Agriculture"},
        id="dailysabah-erdogan-zelensky",
    ),
    pytest.param(
        # https://rima.media/document/2021-11-26-meduza-792692-putin-holds-trilateral-talks-with-armenia-s-pashinyan-and
        "Putin holds trilateral talks with Armenia's Pashinyan and Azerbaijan's Aliyev in Sochi",
        [
            "Following three hours of negotiations, the three leaders signed a joint statement promising to work "
            "towards the creation of a bilateral commission to delimit and demarcate the border between "
            "Azerbaijan and Armenia.",
            "Putin stated that the mechanism for the demarcation of the border would be formed before the end of "
            "the year.",
            "Putin met with Aliyev one-on-one before the trilateral discussion.",
            "In early November, on the anniversary of the end of hostilities in Nagorno-Karabakh, fighting broke "
            "out on the border once again.",
        ],
        {"Armenia-Azerbaijan Border"},
        {"Nagorno-Karabakh", "Territorial Dispute", "Ukraine"},
        id="meduza-putin-aliyev-pashinyan",
    ),
    pytest.param(
        # https://jmh.usembassy.gov/20190507122581/
        "President Trump, PM Abe speak by phone",
        [
            "Abe told reporters that he and the President exchanged views on the North Korea situation and "
            "closely coordinated on a response to its launch of projectiles on May 4.",
            "NHK also reported online that the two leaders agreed to step up the U.S.-Japan trade talks and "
            "exchanged views on the U.S.-China trade friction.",
        ],
        {"Korean Peninsula", "Trade"},
        {"United States", "China", "G7"},
        id="usembassy-abe-trump",
    ),
    pytest.param(
        # https://www.japantimes.co.jp/news/2018/05/27/national/politics-diplomacy/abe-putin-reconfirm-readiness-peace-treaty-economic-cooperation/
        None,
        [
            "Prime Minister Shinzo Abe and Russian President Vladimir Putin reaffirmed Saturday they will make "
            "efforts to conclude a postwar peace treaty and accelerate bilateral economic cooperation.",
            "Abe said he and Putin confirmed the two countries will work closely together toward North Korea's "
            "denuclearization.",
            "In their 21st meeting, Abe and Putin discussed how to foster joint economic activities on four "
            "disputed islands held by Moscow and claimed by Japan.",
        ],
        {"Kuril Islands Dispute", "Korean Peninsula", "Economic Cooperation"},
        {"Territorial Dispute", "United States"},
        id="japantimes-abe-putin",
    ),
    pytest.param(
        # https://keepedge.krnewsserving.com/html/265c95998775.html (CBS News mirror)
        None,
        [
            "President Biden held a phone call Sunday with Ukrainian President Volodymyr Zelenskyy to discuss "
            "the United States' continued support for Ukraine, the White House said in a statement.",
            "The two leaders also discussed recent events in Russia, the readout said without elaborating.",
            "The conversation came after Yevgeny Prigozhin, the head of the Wagner mercenary group, had ordered "
            "his troops to march toward Moscow. The revolt ended when Prigozhin accepted a deal to take his "
            "troops to Belarus.",
        ],
        {"Ukraine", "Wagner Mutiny"},
        {"Belarus", "United States"},
        id="cbs-biden-zelensky",
    ),
    pytest.param(
        "PM Modi, Shinzo Abe hold talks",
        [
            "Prime Minister Narendra Modi on Friday held wide-ranging talks with his Japanese counterpart Shinzo Abe "
            "in Tokyo, with the civil nuclear deal expected to be signed.",
            "The two sides had sealed a broad agreement on the nuclear deal during Mr. Abe's visit to India.",
        ],
        {"Nuclear Energy"},
        {"Iran Nuclear Deal", "Iran"},
        id="a-nuclear-deal-without-iran-is-not-iran's",
    ),
    pytest.param(
        "Xi holds virtual summit with Macron and Merkel",
        [
            "Chinese President Xi Jinping held a virtual summit with French President Emmanuel Macron and German "
            "Chancellor Angela Merkel, discussing climate change, China-EU relations and anti-epidemic cooperation.",
        ],
        {"Coronavirus", "Climate Change"},
        {"Global Health"},
        id="anti-epidemic-cooperation-is-covid",
    ),
]


def names(found: list[Found]) -> set[str]:
    """Return the topic names of a find_topics result."""
    return {f.value for f in found}


@pytest.mark.parametrize(("headline", "paragraphs", "present", "absent"), WRITTEN + REGRESSION)
def test_find_topics(headline: str | None, paragraphs: list[str], present: set[str], absent: set[str]) -> None:
    got = names(find_topics(headline, paragraphs))
    assert present <= got, f"missing {present - got}, got {got}"
    assert not (absent & got), f"unexpected {absent & got}"


@pytest.mark.parametrize(
    ("paragraphs", "topic", "expected"),
    [
        # one passing mention deep in background does not count beside the topics discussed ...
        (
            [
                "The two presidents discussed Syria on Tuesday.",
                "They talked.",
                "Aides spoke.",
                "Earlier, sanctions were imposed on a bank.",
            ],
            "Sanctions",
            False,
        ),
        # ... though a report that discusses nothing else still gets it rather than no topic
        (
            ["Leaders met.", "They talked.", "Aides spoke.", "Earlier, sanctions were imposed on a bank."],
            "Sanctions",
            True,
        ),
        # ... but a topic the leaders discussed in the lede does, even once
        (["The two presidents discussed sanctions on Tuesday.", "They met for an hour."], "Sanctions", True),
        # generic topics count only when discussed, not by repetition in background
        (
            ["Leaders met.", "Aides spoke.", "A ceasefire broke down in May.", "The ceasefire had held."],
            "Ceasefire",
            False,
        ),
        (["Leaders met.", "Aides spoke.", "They also discussed a possible ceasefire."], "Ceasefire", True),
    ],
)
def test_strength_rules(paragraphs: list[str], topic: str, expected: bool) -> None:
    assert (topic in names(find_topics(None, paragraphs))) is expected


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a specific topic takes its words away from generic ones
        ("Leaders discussed the Iran nuclear deal.", "Iran Nuclear Deal", {"Iran", "Nuclear Energy"}),
        ("Leaders discussed the extension of the grain deal.", "Grain Deal", {"Trade", "Food Security"}),
        ("Leaders discussed the IAEA mission and nuclear safety.", "Nuclear Safety", {"Nuclear Energy", "Energy"}),
        ("Leaders discussed the UN Security Council reform.", "UN Security Council", {"Security"}),
        # official titles are not topics
        ("The defence minister and the trade minister discussed cybersecurity.", "Cybersecurity", {"Trade"}),
    ],
)
def test_overlaps(text: str, present: str, absent: set[str]) -> None:
    got = names(find_topics(text, []))
    assert present in got
    assert not (absent & got)


def test_order_is_by_strength_then_name_and_capped() -> None:
    lede = (
        "The presidents discussed Syria, Libya, Yemen, Iraq, Afghanistan, Taiwan, Cyprus, Venezuela, Kosovo, "
        "Belarus, Moldova, Cuba and the Korean Peninsula."
    )
    found = find_topics("Talks on Syria", [lede, "Syria was the focus."])
    assert len(found) == MAX_TOPICS
    assert found[0].value == "Syria"
    rest = [f.value for f in found[1:]]
    assert rest == sorted(rest)


def test_found_carries_provenance() -> None:
    found = find_topics("Leaders discuss JCPOA", ["They discussed the Joint Comprehensive Plan of Action."])
    assert found[0].value == "Iran Nuclear Deal"
    assert found[0].rule == "trigger:headline+1-paragraph"
    assert "jcpoa" in found[0].text


def test_diacritics_and_case_are_ignored() -> None:
    assert "Nagorno-Karabakh" in names(find_topics("TALKS ON NAGORNO KARABAKH", []))
    assert "Korean Peninsula" in names(find_topics("Leaders discuss the Korean Peninsula", []))
    assert "Turkiye" in normalise("Türkiye").title()


def test_us_is_not_the_pronoun_us() -> None:
    assert normalise("Relations with the US") == "relations with the u.s."
    assert normalise("He told us") == "he told us"
    assert "United States" in names(find_topics("Xi, Putin discuss relations with the US", []))
    assert "United States" not in names(find_topics("Xi, Putin: relations with us are strong", []))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("JCPOA", "Iran Nuclear Deal"),
        ("covid-19", "Coronavirus"),
        ("Black Sea Grain Initiative", "Grain Deal"),
        ("defense cooperation", "Defence Cooperation"),
        ("Taiwan", "Taiwan"),
        ("Quidditch", None),
    ],
)
def test_canonical_topic(name: str, expected: str | None) -> None:
    assert canonical_topic(name) == expected


def test_vocabulary_is_well_formed() -> None:
    vocab = load_vocabulary()
    names_ = [t.name for t in vocab.topics]
    assert len(names_) >= 80
    assert len(names_) == len(set(names_)), "duplicate topic names"
    for topic in vocab.topics:
        assert topic.triggers, f"{topic.name} has no triggers"
        assert topic.broader is None or topic.broader in names_, f"{topic.name}: unknown broader {topic.broader}"
        assert topic.name[0].isupper() or topic.name[0].isdigit()
    assert load_vocabulary() is vocab  # cached


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("sanction*", "new sanctions on banks", True),
        ("nagorno karabakh", "in nagorno-karabakh", True),
        ("defen?e cooperation", "defense cooperation", True),
        ("defen?e cooperation", "defence cooperation", True),
        ("iran", "tirana", False),
        ("re:border between (?:armenia|azerbaijan)", "the border between armenia", True),
    ],
)
def test_trigger_syntax(phrase: str, text: str, matches: bool) -> None:
    assert bool(compile_phrase(phrase).search(text)) is matches


def _scan_by_search(
    vocab: Vocabulary, blocks: list[str]
) -> tuple[frozenset[int], list[dict[int, list[tuple[int, int]]]]]:
    """What `_Scanner.scan` must return, found the slow way: `search` over the joined blocks
    for liveness (anchored patterns are always live), then `finditer` in each block."""
    patterns = {id(p): p for p in [*(t.pattern for x in vocab.topics for t in x.triggers), *vocab.ignore, *vocab.cues]}
    joined = _JOIN.join(blocks)
    live = frozenset(pid for pid, p in patterns.items() if p.search(joined) or _ANCHORED.search(p.pattern))
    found = [{pid: [m.span() for m in patterns[pid].finditer(b)] for pid in live} for b in blocks]
    return live, [{pid: spans for pid, spans in f.items() if spans} for f in found]


SCAN_VOCABULARY = build_vocabulary(
    {
        "topics": [
            {"name": "A", "triggers": ["iran", "iran nuclear deal", "ira", "sanction*", "u.s.-china", "'re:x+y"]},
            {
                "name": "B",
                "triggers": ["re:(?:food|grain) exports?", "re:(?:the )?black sea", "re:a|b"],
                "weak": ["g?"],
            },
            {"name": "C", "triggers": ["re:^opening", "re:end$", "re:(?i:Mixed) case", "iran"]},
        ],
        "ignore": ["re:state (?:media|tv)", "trade union*"],
        "cues": ["discuss*", "agreed"],
    }
)
SCAN_TEXTS = [
    ["iran nuclear deal talks", "iranian sanctions sanctioned; ira. iran-iran"],
    ["u.s.-china trade union state tv", "grain exports and food export", "black sea, the black sea"],
    ["opening end", "not opening", "the end", "mixed case", "g7 g20 gx ga"],
    ["a b ab ba", "xxy x+y", "", "discussed agreed disagreed"],
]


@pytest.mark.parametrize("vocab", [SCAN_VOCABULARY, load_vocabulary()], ids=["tricky", "registry"])
@pytest.mark.parametrize("blocks", SCAN_TEXTS)
def test_scanner_finds_what_finditer_finds(vocab: Vocabulary, blocks: list[str]) -> None:
    assert vocab.scanner.scan(blocks) == _scan_by_search(vocab, blocks)


def test_scanner_on_reports() -> None:
    vocab = load_vocabulary()
    for headline, paragraphs, *_ in (p.values for p in WRITTEN):
        blocks = [normalise(t) for t, _, _ in text_blocks(headline, paragraphs)]
        assert vocab.scanner.scan(blocks) == _scan_by_search(vocab, blocks)
