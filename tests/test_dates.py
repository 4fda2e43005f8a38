"""Table-driven tests for date finding, year inference and the report-date rules."""

import datetime as dt

import pytest
from briefings.clean import clean
from briefings.dates import extract_date, find_dates, infer_year

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
]


@pytest.mark.parametrize(("text", "expected", "source"), CASES)
def test_report_date(text, expected, source):
    found, date_source = extract_date(clean(text))
    assert (found.value, date_source) == (expected, source)
    assert found.text  # provenance names the text it came from
