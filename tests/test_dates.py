"""Table-driven tests for date finding, year inference and the report-date rules."""

import datetime as dt

import pytest
from briefings.clean import clean
from briefings.dates import date_from_terms, extract_date, find_dates, infer_year
from briefings.extract import extract

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 February, 2022, 11:40 am", (2022, 2, 10)),
        ("29/05/2017", (2017, 5, 29)),
        ("June 15, 14:09 UTC+3", (None, 6, 15)),
        ("Posted on 30 April 2018", (2018, 4, 30)),
        ("MOSCOW, June 26. /TASS/.", (None, 6, 26)),
        ("Monday, Nov. 15, 2021", (2021, 11, 15)),
        ("Thu 18 Apr 2024", (2024, 4, 18)),
        ("Sept. 3, 2019", (2019, 9, 3)),
        ("2018-05-24", (2018, 5, 24)),
        ("2023/03/03 14:10", (2023, 3, 3)),
        ("2023.03.03", (2023, 3, 3)),
        ("on the 3rd of March 2015", (2015, 3, 3)),
        ("29-05-2017", (2017, 5, 29)),
        ("By JT - Apr 20,2023 - Last updated at Apr 20,2023", (2023, 4, 20)),
        # a count after the day is no year
        ("on March 5,2000 soldiers", (None, 3, 5)),
        ("on March 5,2010,500 people", (None, 3, 5)),
        # the year first, alone on its line (a government page's listing date); not inside a sentence
        ("2022 Nov. 17", (2022, 11, 17)),
        ("In 2019 March 5 people", (None, 3, 5)),
        # Russian month names, as Russian-language pages print their stamps
        ("26 фев 2021, 07:58", (2021, 2, 26)),
        ("3 марта 2020 года", (2020, 3, 3)),
        ("12 мая 2019", (2019, 5, 12)),
    ],
)
def test_find_dates_shapes(text, expected):
    hit = find_dates(text)[0]
    assert (hit.year, hit.month, hit.day) == expected


@pytest.mark.parametrize("text", ["in March", "May 2017", "the 21st face-to-face meeting", "the 2+2 format", "G20"])
def test_find_dates_ignores_non_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("month", "day", "weekdays", "years", "expected"),
    [
        (12, 22, [1], [2015, 2019, 2020], 2020),  # Tuesday 22 Dec: 2020, not 2015
        (11, 26, [4], [2020, 2021], 2021),  # Friday 26 Nov 2021
        (6, 26, [], [2020], None),  # no weekday: the years named may all be of earlier events
        (3, 1, [0], [], None),  # no year anywhere: cannot infer
        (5, 6, [6], [2019], None),  # no nearby year fits the weekday
    ],
)
def test_infer_year(month, day, weekdays, years, expected):
    assert infer_year(month, day, weekdays, years)[0] == expected


BACKGROUND = "\n\n".join(
    [
        "The two leaders discussed trade, energy and the situation in the region.",
        "They agreed to expand cooperation in education, health care and transport.",
        "Both sides praised the friendly relations between their countries.",
        "The visit ended with the signing of several agreements.",
    ]
)
CASES = [
    # (seed text, expected date, expected date_source)
    (
        " date 2018-05-24 ST. PETERSBURG (Sputnik) - Macron said Thursday after talks with Putin that this is so.",
        D(2018, 5, 24),
        "prefix",
    ),
    (
        "Putin and Macron hold phone talks on Karabakh\n\nMOSCOW, December 22. /TASS/. Vladimir Putin and Emmanuel "
        "Macron discussed the situation, the Kremlin said Tuesday. Events of 2019 and of 2020 were recalled.",
        D(2020, 12, 22),
        "inferred",
    ),
    (
        "Macron calls his dialogue with Putin rich\n\n10 February, 2022, 11:40 am\n\nFrench President Emmanuel Macron "
        "called his dialogue with Vladimir Putin in Moscow earlier this week substantive and rich.",
        D(2022, 2, 10),
        "header",
    ),
    (
        "Thu 18 Apr 2024\n\n2024 newspaper of the year\n\nLatest\n\n20m agoTory rebels revolt\n\nLatest\n\n"
        "Sunak tells Zelensky UK will stand firm\n\nRishi Sunak spoke to Volodymyr Zelensky on Tuesday evening, hours "
        "after he entered No 10 as Prime Minister.",
        None,
        "none",
    ),
    (
        "Erdogan, Zelensky discuss grain deal\nErdogan (L) and Zelensky (R) attend a news conference in Lviv, "
        "Aug. 18, 2022. (Reuters File Photo)\n\nPresident Erdogan and his Ukrainian counterpart discussed the war "
        "over the phone on Friday, a statement said.",
        None,
        "none",
    ),
    (
        "Putin holds trilateral talks in Sochi\nRussian President Vladimir Putin held trilateral talks with Ilham "
        "Aliyev and Nikol Pashinyan in Sochi on Friday, November 26.\n- Putin last held talks with them in Moscow on "
        "January 11, 2021.",
        D(2021, 11, 26),
        "inferred",
    ),
    (
        "President Biden held a phone call Sunday with Ukrainian President Volodymyr Zelenskyy to discuss support.\n"
        "I spoke with President @POTUS. A positive conversation.\n— Volodymyr Zelensky (@ZelenskyyUa) June 25, 2023\n"
        "Zelenskyy on Twitter called his conversation with Biden positive and inspiring.",
        D(2023, 6, 25),
        "inferred",
    ),
    (
        "Last update: March 29, 2024 01:04\n\nPutin, Merkel Met In Sochi to Discuss Ukraine\n\nBy Nazrin Gadimova "
        "May 3, 2017\n\nGermany's Chancellor Angela Merkel made a one-day visit to Russia on Tuesday to meet Putin.",
        D(2017, 5, 3),
        "header",
    ),
    (
        "BERLIN, May 3, 2017 (Reuters) - German Chancellor Angela Merkel held talks with the Russian president on "
        "Tuesday in Sochi.",
        D(2017, 5, 3),
        "dateline",
    ),
    (
        "Xi and Modi meet at BRICS summit\n\nChinese President Xi Jinping and Indian Prime Minister Narendra Modi held "
        "talks on October 23, 2024 in Kazan on the sidelines of the summit.",
        D(2024, 10, 23),
        "inferred",
    ),
    (
        # a site's date bar of the day the page was read stands above the headline; the byline
        # date under the headline dates the report
        "Thursday, 3 December 2026\n\nMilei and Biden meet in Washington\n\nNovember 23, 2023\n\nArgentine "
        "President Javier Milei met US President Joe Biden in Washington.",
        D(2023, 11, 23),
        "header",
    ),
    (
        # only an update stamp dates the page: used when nothing else does
        "Updated: 2015-12-29 09:32\n\nLi and Merkel hold talks\n\nChinese Premier Li Keqiang and German "
        "Chancellor Angela Merkel held talks.",
        D(2015, 12, 29),
        "header",
    ),
    (
        # a period in the header (a term of office) is not the report's day; a label's value
        # on the next line is read with it
        "Transcripts from the Prime Ministers of Australia\n\nTurnbull, Malcolm\n\nPeriod of Service: 15/09/2015 - "
        "24/08/2018\nRelease Date:\n17/10/2015\nTranscript - Prime Minister Turnbull and Prime Minister Key Joint "
        "Press Conference\n\nGood afternoon, I want to welcome Malcolm Turnbull, the Prime Minister, to New Zealand today.",
        D(2015, 10, 17),
        "header",
    ),
    (
        # a page put up long after the talks (a repost) is dated by the talks' full date in the lede
        "September 16, 2024\n\nPresident El-Sisi Speaks with US President Biden\n\nPresident Abdel Fattah El-Sisi "
        "received a phone call on Friday 16/8/2024 from US President Joe Biden to discuss the region.",
        D(2024, 8, 16),
        "inferred",
    ),
    (
        # a page date that the dateline contradicts (a crawl's date bar) is not the report's:
        # the dateline's day, its year from the text
        "La Oferta\n\nOctober 1, 2023\n\nPresidents of Chile, Peru confirm good relations\n\nSantiago, Nov 27, "
        "2018 (EFE).- Chilean President Sebastian Pinera and Peruvian counterpart Martin Vizcarra met here Tuesday.",
        D(2018, 11, 27),
        "dateline",
    ),
    (
        # ... while a page dated a day after its dateline keeps its own date
        "Leaders meet in Santiago\n\nNovember 28, 2018\n\nSantiago, Nov 27 (EFE).- Chilean President Sebastian "
        "Pinera and Peruvian counterpart Martin Vizcarra met here Tuesday.",
        D(2018, 11, 28),
        "header",
    ),
    (
        # nothing else dates the report: the sign-off of the post embedded in it does
        "Duda and Zelensky discuss Ukraine\n\nPoland's President Andrzej Duda says he has held a candid "
        "conversation with Volodymyr Zelensky.\n\nA few minutes ago, President @ZelenskyyUA called me.\n\n"
        "— Andrzej Duda (@AndrzejDuda) February 21, 2025\n\nThe Polish president added more.",
        D(2025, 2, 21),
        "inferred",
    ),
    (
        # a site's bar with the day the page was read, above the headline, loses to the page's
        # own publication stamp
        "Tuesday, January 13th, 2026\n\nPM Oli holds talks with Indian PM Modi\n\nKATHMANDU: Prime Minister KP "
        "Oli on Friday spoke to Indian Prime Minister Narendra Modi on the phone.\n\nThey spoke.\n\n"
        "Publish Date : 10 April 2020 14:47 PM",
        D(2020, 4, 10),
        "header",
    ),
    (
        # a reprint dated only by its note under the text
        "PM Lee holds talks with Japanese and NZ leaders\n\nPrime Minister Lee Hsien Loong held talks with Japanese "
        "Prime Minister Shinzo Abe on Saturday.\n\nThey spoke.\n\nThis article was first published on November 22, "
        "2015.",
        D(2015, 11, 22),
        "header",
    ),
    (
        # the byline date under the headline and its standfirst, not the site's date bar above
        "Last Update 9:43\nWednesday, 13 November 2019\n\nRussia's Putin and Egypt's Sisi hold official talks in "
        "Sochi\n\nAide to Russian President Yuri Ushakov announced that a range of new weapons would be offered to "
        "the Egyptian President\n\nAhram Online , Wednesday 17 Oct 2018\n\nRussian President Vladimir Putin held "
        "talks with Egyptian President Abdel-Fattah el-Sisi in Sochi on Wednesday.",
        D(2018, 10, 17),
        "header",
    ),
    (
        # no headline: a date right above the article, with only its `City, Region` between, is the report's
        "August 21, 2025\nMontréal, Québec\nToday, the Prime Minister, Mark Carney, had a productive conversation "
        "with the President of the United States, Donald J. Trump.\n" + BACKGROUND,
        D(2025, 8, 21),
        "header",
    ),
    (
        # ... but not a site's clock above a short headline that was not recognised as one
        "20 January 2018, Saturday, 4:14\nNo more PR\nTalks between Lukashenka and Poroshenko have been held in "
        "Minsk.\n" + BACKGROUND,
        None,
        "none",
    ),
    (
        # nothing above dates the report: the page's own stamp under the article does (Russian month)
        "Japarov meets with Russian and Tatarstan presidents\n\nPresident Sadyr Japarov arrived in Moscow at the "
        "invitation of Russian President Vladimir Putin.\n\n" + BACKGROUND + "\n\n26 фев 2021, 07:58",
        D(2021, 2, 26),
        "header",
    ),
]


@pytest.mark.parametrize(("text", "expected", "source"), CASES)
def test_report_date(text, expected, source):
    found, date_source = extract_date(clean(text))
    assert (found.value, date_source) == (expected, source)
    assert found.text  # provenance names the text it came from


def _terms(*spans):
    """An `in_office` test: every (first, last) span is a term that all participants share."""
    return lambda day: any(first <= day <= last for first, last in spans)


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the one 26 June on a Friday while both held office
        (
            "MOSCOW, June 26. /TASS/. Putin and Macron held a video call on Friday, the Kremlin said.",
            [(D(2017, 5, 14), D(2026, 3, 11))],
            D(2020, 6, 26),
        ),
        # the dispatch is dated the day after the talks' weekday (and a later "Friday" is ignored)
        (
            "Mexico City, November 24 (RHC)-- Boric met Lopez Obrador on Wednesday, in a visit lasting until "
            "tomorrow, Friday.",
            [(D(2022, 3, 11), D(2024, 9, 30))],
            D(2022, 11, 24),
        ),
        # the weekday written with the date decides
        (
            "Leaders meet\n\nThe two leaders held talks in Sochi on Friday, November 26, their aides said.",
            [(D(2018, 5, 8), D(2026, 3, 11))],
            D(2021, 11, 26),
        ),
        # a short shared term needs no weekday
        (
            "LONDON, October 11 (Reuters) - Truss spoke by phone with Zelensky.",
            [(D(2022, 9, 6), D(2022, 10, 25))],
            D(2022, 10, 11),
        ),
        # two years fit: no date
        ("MOSCOW, March 14. /TASS/. Putin met Xi on Tuesday.", [(D(2013, 3, 14), D(2026, 3, 11))], None),
        # a past meeting's date without its weekday is not the report's
        (
            "Leaders meet\n\nThey met in Paris. They last met on January 11 in Moscow.",
            [(D(2022, 9, 6), D(2022, 10, 25))],
            None,
        ),
    ],
)
def test_date_from_terms(text, spans, expected):
    found = date_from_terms(clean(text), _terms(*spans), D(2026, 3, 11), "A and B")
    assert (found.value if found else None) == expected
    if found:
        assert found.rule == "inferred" and "held office" in found.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MOSCOW, December 22. /TASS/. Russian President Vladimir Putin held a phone call with German Chancellor "
            "Olaf Scholz on Thursday.",
            D(2022, 12, 22),
        ),
        (
            "Biden, Macron talk\n\nPresident Joe Biden spoke by phone with French President Emmanuel Macron on "
            "Tuesday, March 14, the White House said.",
            D(2023, 3, 14),
        ),
        ("Putin and Xi\n\nVladimir Putin held talks with Xi Jinping on Tuesday, March 14.", None),
    ],
)
def test_undated_report_gets_the_year_from_the_participants_terms(text, expected):
    briefing = extract(text, "seeds/x.txt")
    assert briefing.date.value == expected
    assert briefing.date.rule == ("inferred" if expected else "none")
