"""Table-driven tests for title, summary, source, location and format."""

import re

import pytest
from briefings.clean import clean
from briefings.fields import (
    _FORMAT_RES,
    FORMAT_CUES,
    _hinted,
    extract_format,
    extract_location,
    extract_source,
    extract_summary,
    extract_title,
    strip_dateline,
)
from briefings.wordtrie import CASE_ODD_RE
from hypothesis import given, settings
from hypothesis import strategies as st

SOURCES = [
    ("Jakarta, The Gulf Observer: President Prabowo Subianto and Donald Trump held a phone call.", "The Gulf Observer"),
    (
        "Tsai receives Palau President Remengesau\nFrom Taiwan Today\n2018-11-13\nPresident Tsai Ing-wen received "
        "Palau President Tommy Remengesau at the Office of the President.",
        "Taiwan Today",
    ),
    ("Rio de Janeiro(VNA) - Prime Minister Pham Minh Chinh met with Chinese Premier Li Qiang.", "VNA"),
    ("logo Agência Brasil\n\nObama and Rousseff spoke by phone on Monday about the climate deal.", "Agência Brasil"),
    ("Newsroom logo\n\nPutin and Merkel met in Sochi on Tuesday to discuss Ukraine and Syria.", None),
    (
        "On September 16, President Ilham Aliyev met with Vladimir Putin in Samarkand, Azernews reports citing AZERTAC.",
        "Azernews",
    ),
    (
        "(MENAFN- Nam News Network) CAIRO, Dec 24 (NNN-MENA) – Sisi received a phone call from Raisi.",
        "Nam News Network",
    ),
    ("CAIRO, Dec 24 (NNN-MENA) – Egyptian President Sisi received a phone call from Ebrahim Raisi.", "NNN-MENA"),
    ("WASHINGTON/MOSCOW (Reuters) - Joe Biden and Vladimir Putin spoke by phone on Thursday about Ukraine.", "Reuters"),
    ("KYIV, Ukraine (AP) — Volodymyr Zelenskyy met British Prime Minister Rishi Sunak in Kyiv on Saturday.", "AP"),
    ("Putin and Erdogan discussed Syria by phone on Friday, the Kremlin press service said.", "Kremlin"),
    (
        "MOSCOW, June 26. /TASS/. Vladimir Putin and Emmanuel Macron discussed the coronavirus, the Kremlin said.",
        "TASS",
    ),
    (
        "ST. PETERSBURG (Sputnik) - French President Emmanuel Macron said Thursday after talks with Putin that it is so.",
        "Sputnik",
    ),
    (
        "WASHINGTON (Reuters) - U.S. President Joe Biden spoke by phone with German Chancellor Olaf Scholz on Friday.",
        "Reuters",
    ),
    (
        "Beijing, Jan 5 (IANS) Chinese President Xi Jinping held talks with visiting Prime Minister of Pakistan today.",
        "IANS",
    ),
    ("(CNN) — President Joe Biden spoke by phone with Emmanuel Macron on Tuesday, the White House said.", "CNN"),
    ("Bogotá, 14 mar (EFE).- Gustavo Petro met Luiz Inácio Lula da Silva on Tuesday, the presidency said.", "EFE"),
    (
        "Washington DC [US], March 14 (ANI): President Joe Biden spoke by phone with Emmanuel Macron, the White "
        "House said.",
        "ANI",
    ),
    (
        "RIYADH, Saudi Arabia — Russian President Vladimir Putin called President Barack Obama, the White House said in "
        "a statement Friday.",
        "White House",
    ),
    (
        "President Erdogan and Volodymyr Zelensky discussed the war over the phone on Friday, a statement by the "
        "Presidency's Directorate of Communications said.",
        "Presidency's Directorate of Communications",
    ),
    (
        "NEW DELHI: Narendra Modi and Joe Biden discussed the pandemic in a virtual meeting on Monday.\n\nDuring the "
        "meeting the two leaders reviewed developments in bilateral relations, the Prime Minister’s office stated.",
        "Prime Minister’s Office",
    ),
    (
        "Politico 11 Nov 2018\n\nTruce in Paris after Trump’s offense at Macron’s pledge\n\nPARIS — It was an awkward "
        "truce to avert a Twitter war between Emmanuel Macron and Donald Trump.",
        "Politico",
    ),
    (
        "| | 0 |\nAsiaToday reporter Lee Wook-jae\nSouth Korean President Yoon Suk-yeol and Japanese Prime Minister Fumio "
        "Kishida held a summit in Seoul on Sunday.",
        "AsiaToday",
    ),
    (
        "Xi and Putin hold video call\n\nTeam upday\nAP\nAP\n\nChinese President Xi Jinping and Russian President "
        "Vladimir Putin held a video call on Monday, state media reported.",
        "upday",
    ),
    (
        "• Kyodo\n\nPrime Minister Shinzo Abe and Russian President Vladimir Putin reaffirmed Saturday they will make "
        "efforts to conclude a treaty.",
        "Kyodo",
    ),
    ("Putin described the talks with Macron as useful and meaningful in every respect, he said.\nSource: AMNA", "AMNA"),
    (
        "Russian President Vladimir Putin, right, listens to Macron in Moscow. (AP Photo/Thibault Camus, Pool)\n\n"
        "French President Emmanuel Macron called his dialogue with Russian President Vladimir Putin rich.",
        None,
    ),
    # the issuing office named alone above the headline
    (
        "10 Downing Street\nPM call with President Zelenskyy\nPrime Minister Liz Truss spoke to Ukrainian President "
        "Zelenskyy yesterday afternoon.",
        "10 Downing Street",
    ),
    (
        "Ministry of External Affairs\nGovernment of India\nPrime Minister's telephone conversation with the "
        "President of France\nPrime Minister Narendra Modi spoke on the phone today with President Emmanuel Macron.",
        "Ministry of External Affairs",
    ),
    (
        "The White House\nReadout of President Biden's Call with Prime Minister Albanese\nPresident Biden spoke "
        "today with Prime Minister Anthony Albanese of Australia to discuss their alliance.",
        "The White House",
    ),
    # a section label above the headline is not an issuer
    (
        "Government\nModi and Macron discuss defence ties\nPrime Minister Narendra Modi spoke on the phone today "
        "with President Emmanuel Macron.",
        None,
    ),
    # the publisher named in its own furniture, when the text names no other source
    (
        "The Times Australia\nThe Times World News\nXi tells Albanese China ready to push ties further\nChinese "
        "President Xi Jinping has told Anthony Albanese China stands ready to work with Australia.",
        "The Times Australia",
    ),
    # a section label on the first line is not a masthead
    (
        "World News\nXi tells Albanese China ready to push ties further\nChinese President Xi Jinping has told "
        "Anthony Albanese China stands ready to work with Australia.",
        None,
    ),
    (
        "Ramaphosa welcomes Tinubu in Cape Town\nPresident Bola Tinubu was welcomed by South African President Cyril "
        "Ramaphosa on Tuesday.\nPUNCH reports that Tinubu departed France on Monday for Cape Town.",
        "PUNCH",
    ),
    (
        "Register on BusinessLIVE at no cost to receive newsletters, read exclusive articles & more.\nRegister now\n"
        "Ukraine confirms call between Ramaphosa and Zelensky\nAfter weeks of waiting, President Cyril Ramaphosa "
        "has finally had a phone call with Ukrainian president Volodymyr Zelensky.",
        "BusinessLIVE",
    ),
    (
        "Albanese meets Xi in Beijing\nPrime Minister Anthony Albanese met President Xi Jinping in Beijing on "
        "Tuesday.\nThe two leaders discussed trade.\n© 2025 The Korea Herald. All rights reserved.",
        "The Korea Herald",
    ),
    (
        "Albanese meets Xi in Beijing\nPrime Minister Anthony Albanese met President Xi Jinping in Beijing on "
        "Tuesday.\n© AP Photo / Mark Schiefelbein\nThe two leaders discussed trade.",
        None,
    ),
    (
        "Milei meets Biden in Washington\nTelam | 23-11-2023 14:02\nArgentine President Javier Milei met US "
        "President Joe Biden in Washington on Tuesday.\nThe two leaders discussed trade.",
        "Telam",
    ),
    (
        # a section named after a country, not an outlet
        "Milei meets Biden in Washington\nARGENTINA | 23-11-2023 14:02\nArgentine President Javier Milei met US "
        "President Joe Biden in Washington on Tuesday.\nThe two leaders discussed trade.",
        None,
    ),
    (
        # a site's clock (its city and the day it was read) and a stamp label name no outlet
        "Trump on the phone with Macri\nMontevideo, March 28th 2024 - 20:06 UTC\nAdded On February 16, 2017\n"
        "United States president Donald Trump was on the phone on Wednesday with Mauricio Macri.\nThey spoke.",
        None,
    ),
    (
        "General News of Monday, 16 October 2017\nAkufo-Addo and Ouattara hold talks in Accra\nPresident Nana "
        "Akufo-Addo held talks with Alassane Ouattara in Accra on Monday.\nThey spoke.",
        None,
    ),
    (
        # the outlet's name alone above the byline date
        "President Sheikh Mohamed speaks with Qatar's Sheikh Tamim\nThe National\nDec 30, 2022\nPresident Sheikh "
        "Mohamed and Sheikh Tamim reviewed ties during a phone call on Friday.\nThey spoke.",
        "The National",
    ),
    (
        "Sheikh Tamim meets leaders in Sharm El Sheikh\nQNA/Sharm El Sheikh\nHH the Emir Sheikh Tamim bin Hamad "
        "al-Thani met a number of Arab leaders in Sharm El Sheikh.\nThey spoke.",
        "QNA",
    ),
    (
        # a press release put out by a wire: its issuer
        "President El-Sisi speaks with President Macron\nDistributed by APO Group on behalf of Presidency of the "
        "Arab Republic of Egypt.\nPresident Abdel Fattah El-Sisi received a phone call today from President "
        "Emmanuel Macron.\nThey spoke.",
        "Presidency of the Arab Republic of Egypt",
    ),
    (
        "Hasina and Sunak meet in London\nBangladesh Prime Minister Sheikh Hasina and her British counterpart Rishi "
        "Sunak had their maiden bilateral meeting in London on Friday, BSS reports.\nThey spoke.",
        "BSS",
    ),
    (
        "Khan and Trump speak by phone\nISLAMABAD - Prime Minister Imran Khan held a telephone conversation with US "
        "President Donald Trump, ARY News reported on Thursday.\nThey spoke.",
        "ARY News",
    ),
    (
        "Matangi Tonga\nPublished on Matangi Tonga (https://matangitonga.to)\nForum leaders disagree\nAustralian "
        "Prime Minister Scott Morrison met Tuvalu's Prime Minister Enele Sopoaga in Funafuti.\nThey spoke.",
        "Matangi Tonga",
    ),
    (
        "Anwar receives Brunei's Sultan\nPrime Minister Anwar Ibrahim received Sultan Hassanal Bolkiah in Kuala "
        "Lumpur.\nThe Sultan is also to attend the Royal Banquet at Istana Negara tonight.- Bernama",
        "Bernama",
    ),
    (
        "Leaders meet\nMarkovic meets Plenkovic\nPrime Minister Dusko Markovic met his Croatian counterpart Andrej "
        "Plenkovic in Zagreb.\nThey spoke.\nPUBLIC RELATIONS SERVICE OF THE GOVERNMENT OF MONTENEGRO",
        "Public Relations Service of the Government of Montenegro",
    ),
    (
        "Source: ghananewsagency.org\nAkufo-Addo receives Ouattara\nPresident Nana Akufo-Addo received Alassane "
        "Ouattara in Accra on Monday.\nThey spoke.",
        "ghananewsagency.org",
    ),
    (
        "King meets Saudi crown prince in Jeddah\nBy JT - Apr 20,2023 - Last updated at Apr 20,2023\nAMMAN — His "
        "Majesty King Abdullah met Saudi Crown Prince Mohammed bin Salman in Jeddah.\nThey spoke.",
        "JT",
    ),
    (
        "Sissi calls to congratulate Netanyahu\nLazar Berman is The Times of Israel's diplomatic reporter\n"
        "Egyptian President Abdel Fattah el-Sissi urged Prime Minister Benjamin Netanyahu on Sunday to avoid "
        "escalation.\nThey spoke.",
        "The Times of Israel",
    ),
    (
        "Pre-order our magazine now.\nZelensky holds phone call with Macron\nby The Kyiv Independent news desk "
        "April 15, 2023 6:39 PM 1 min read\nPresident Volodymyr Zelensky said he and Emmanuel Macron had a phone "
        "call.\nThey spoke.",
        "The Kyiv Independent",
    ),
    (
        "Anastasiades and Mitsotakis agree on common line\nPresident Nicos Anastasiades spoke by phone with Prime "
        "Minister Kyriakos Mitsotakis.\nThey spoke.\n(CNA)\nBy Maria Bitar",
        "CNA",
    ),
    (
        # a wire's credit opening the first paragraph
        "Italy and France commit to stop conflict\n(AGI) Milan, June 21 - French President Francois Hollande was "
        "greeted by Italian Prime Minister Matteo Renzi.\nThey spoke.",
        "AGI",
    ),
    (
        # a wire's `(END)` is no agency
        "Park, Xi agree to cooperate\nSeoul, Sept 2 (Yonhap) -- Park Geun-hye and Xi Jinping agreed Wednesday to work "
        "together.\nThey spoke.\n(END)",
        "Yonhap",
    ),
    (
        # a syndication's copyright footer naming the agency; a byline with the outlet between slashes
        "It's all smiles as Obama meets Xi\nNovember 12, 2014 10:00 IST\nChinese President Xi Jinping on Wednesday "
        "held formal talks with Barack Obama.\nThey spoke.\n© Copyright 2024 PTI. All rights reserved.",
        "PTI",
    ),
    (
        "Vucic and Kurti meet in Brussels\nBy Sasa Dragojlo-Beligrad/BalkanInsight/*\nThe long-awaited resumption "
        "of dialogue between Serbia and Kosovo took place on Tuesday in Brussels.\nThey spoke.",
        "BalkanInsight",
    ),
    (
        # a label before the date names no outlet
        "Marin and Karins discuss Europe\nPublication date 12.2.2020 15.03\nPrime Minister Sanna Marin met "
        "Prime Minister Krisjanis Karins in Helsinki on Wednesday.\nThey spoke.",
        None,
    ),
    (
        # an outlet's name and a slash opening the lede
        "Sudani and Biden discuss energy\nShafaq News/ Iraq's Prime Minister Mohammed Shia al-Sudani received a "
        "phone call from US President Joe Biden on Friday.\nThey spoke.",
        "Shafaq News",
    ),
    (
        # an issuing office in brackets above the article
        "[Ministry of Foreign Affairs of Japan] [Tuesday, Dec 1, 2015]\nJapan-Israel Summit Meeting\nOn November 30, "
        "Prime Minister Shinzo Abe held a summit meeting with Prime Minister Benjamin Netanyahu.\nThey spoke.",
        "Ministry of Foreign Affairs of Japan",
    ),
    (
        # an aggregator's credit naming the agency with its initials
        "Amir and Sisi hold talks\n(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, April 15 (KUNA) -- His Highness the "
        "Amir and President Abdel Fattah Al-Sisi chaired on Tuesday the official rounds of talks.\nThey spoke.",
        "Kuwait News Agency",
    ),
    (
        # a wire's credit line in a repost's footer
        "Abiy confers with leaders\nPrime Minister Abiy Ahmed conferred with five African leaders today.\n"
        "They spoke.\nRead the original article on ENA.",
        "ENA",
    ),
    (
        # the outlet's own correspondent
        "Akufo-Addo and Abiy hold talks\nThe two leaders met on Monday.\nGraphic Online's presidential "
        "correspondent reports that the talks were cordial.",
        "Graphic Online",
    ),
    (
        # an agency's byline above the date
        "Modi and Kishida hold talks\nThe talks covered regional issues.\nPTI\nMarch 19, 2022 / 07:52 PM IST\n"
        "Prime Minister Narendra Modi held talks with Fumio Kishida.",
        "PTI",
    ),
    (
        # an outlet glued to its date in the header
        "Quiet diplomacy? Albanese's post-victory call caught on camera\nThe Age06-05-2025\nAnthony Albanese is a "
        "fan of quiet diplomacy, and he spoke to President Prabowo Subianto after the election.\nThey spoke.",
        "The Age",
    ),
    (
        # a reprint's note names a date, not an outlet
        "PM Lee holds talks with Abe\nPrime Minister Lee Hsien Loong held talks with Shinzo Abe on Saturday.\n"
        "They spoke.\nThis article was first published on November 22, 2015.",
        None,
    ),
    (
        # the outlet pointing to its own coverage under the story
        "Trump and Macri meet\nUS President Donald Trump and Argentina's Mauricio Macri met privately on Friday.\n"
        "They spoke about trade.\nFor Infobae's complete coverage of the Group of 20 summit in Argentina: "
        "www.infobae.com/america/g20-summit-2018/",
        "Infobae",
    ),
]


@pytest.mark.parametrize(("text", "source"), SOURCES)
def test_source(text, source):
    assert extract_source(clean(text)).value == source


FORMATS = [
    (
        "Modi, Trump Talk Over Phone, Discuss Key Issues\n\nNarendra Modi and Donald Trump held a telephonic "
        "conversation last evening.\n\nIt was the first conversation since they met at the G20 summit in November.",
        "phone",
    ),
    ("According to the White House statement, PM Modi dialled Trump to wish him a happy new year.", "phone"),
    ("Xi Jinping Held a Video Summit with French and German Leaders\nXi spoke with Macron and Merkel.", "video"),
    # a leader's office telling of a call without the word
    (
        "UK PM and Carney hold talks\nThe Prime Minister spoke to the Prime Minister of Canada, Mark Carney, this evening.",
        "phone",
    ),
    (
        "Today, the Prime Minister, Mark Carney, had a productive and wide-ranging conversation with the President of "
        "the United States, Donald J. Trump.\nThe leaders agreed to reconvene shortly.",
        "phone",
    ),
    ("Carney meets Trump\nCarney met Trump at the White House and held a long conversation with him.", "in-person"),
    ("Putin and Macron held talks in the videoconference format on Friday, the Kremlin said.", "video"),
    ("President Biden held a phone call Sunday with Ukrainian President Volodymyr Zelenskyy.", "phone"),
    ("Chinese President Xi Jinping and Russian President Vladimir Putin held a video call on Monday.", "video"),
    (
        "Putin and Macron held talks in the Kremlin and gave a joint news conference afterwards. It was agreed that "
        "there will be a telephone conversation between the two later.",
        "in-person",
    ),
    (
        "President Trump, PM Abe speak by phone\n\nAll TV networks reported on a teleconference between the leaders.",
        "phone",
    ),
    (
        "Modi and Biden discussed the pandemic in a virtual meeting on Monday.\n\n“I spoke today with Prime Minister "
        "Modi,” Biden said in a tweet.",
        "video",
    ),
    ("Merkel made a one-day visit to Russia on Tuesday to meet with President Putin in Sochi.", "in-person"),
    ("The leaders signed the agreement, the ministry said. Relations are stable.", None),
    # a meeting said to be held by video tells what the report's other words for it mean
    (
        "Biden, Lopez Obrador talk immigration at first bilateral meeting\n\nPresident Joe Biden held a bilateral "
        "meeting with President Andres Manuel Lopez Obrador on Monday.\n\nBiden and Lopez Obrador met via video "
        "conference as Biden declared the relationship vital.",
        "video",
    ),
]


@pytest.mark.parametrize(("text", "fmt"), FORMATS)
def test_format(text, fmt):
    assert extract_format(clean(text)).value == fmt


LOCATIONS = [
    (
        # a place in someone's words (a meeting planned elsewhere) is not the venue
        "Turkish President Recep Tayyip Erdogan said another meeting would be held after hosting Swedish Prime "
        'Minister Ulf Kristersson.\n\n"We hope to see a more positive picture when the joint meeting is organised '
        'in Stockholm," Erdogan said after the talks.',
        "in-person",
        None,
    ),
    (
        # a visit to a person names no place
        "Robert Golob, the new Prime Minister of Slovenia, paid his inaugural visit to Federal Chancellor Olaf "
        "Scholz.\n\nBoth leaders stressed their close ties.",
        "in-person",
        None,
    ),
    (
        "Prime Minister Christopher Luxon and Anthony Albanese say they want to strengthen ties.\n\nLuxon "
        "travelled to Sydney on Wednesday and was officially welcomed to Australia.",
        "in-person",
        "Sydney",
    ),
    ("Jakarta, The Gulf Observer: President Prabowo Subianto and Donald Trump held a phone call.", "phone", "Jakarta"),
    (
        "President Irfaan Ali met Prime Minister Mia Mottley on Tuesday. During a meeting at the Lloyd Erskine "
        "Sandiford Conference Centre, Bridgetown, Barbados, they discussed agriculture.",
        "in-person",
        "Bridgetown",
    ),
    (
        "President Tsai Ing-wen received Palau President Tommy E. Remengesau Jr. at the Office of the President "
        "Nov. 12 in Taipei City, vowing to enhance relations.",
        "in-person",
        "Taipei City",
    ),
    (
        "Rio de Janeiro(VNA) - Prime Minister Pham Minh Chinh met with Chinese Premier Li Qiang on the sidelines of "
        "the BRICS summit.",
        "in-person",
        "Rio de Janeiro",
    ),
    ("Chinh met Li Qiang on Monday at the BRICS summit in Rio de Janeiro, Brazil.", "in-person", "Rio de Janeiro"),
    (
        "PM welcomes North American Leaders' Summit outcomes\n\nToluca, Mexico\n19 February 2014\n\n"
        "Prime Minister Stephen Harper today met with Enrique Pena Nieto and Barack Obama for the summit.",
        "in-person",
        "Toluca",
    ),
    (
        "Mr. Shinzo Abe, who was on his visit to New York to attend the United Nations General Assembly, held a "
        "summit meeting with Tony Abbott.",
        "in-person",
        "New York",
    ),
    ("Modi met Abe on Friday during his visit to Japan, and they held talks on trade.", "in-person", None),
    ("(AGI) Milan, June 21 - French President Hollande arrived at the Milan Expo to meet Renzi.", "in-person", "Milan"),
    (
        "NUR-SULTAN. KAZINFORM – President Kassym-Jomart Tokayev had a telephone conversation with Shavkat Mirziyoyev.",
        "phone",
        "Nur-Sultan",
    ),
    # a section label after the header's date is no place
    (
        "Feb 23, 2021 - Politics & Policy\nBiden and Trudeau announce partnership roadmap after first virtual "
        "meeting\nPresident Biden and Canadian Prime Minister Justin Trudeau held a virtual meeting on Tuesday.",
        "video",
        None,
    ),
    (
        "Modi meets Abe\nNovember 11, 2016 03:39 pm | Updated December 04, 2021 11:04 pm IST - Tokyo\n"
        "Prime Minister Narendra Modi held talks with Shinzo Abe on Friday.",
        "in-person",
        "Tokyo",
    ),
    (
        "President Lee, who is attending the G7 summit in Canada, held his first meeting with Ishiba.",
        "in-person",
        "Canada",
    ),
    (
        "President William Ruto on Wednesday held talks with Somalia and South Sudan Presidents in two separate "
        "meetings at State House, Nairobi.",
        "in-person",
        "Nairobi",
    ),
    (
        "Turnbull and Widodo meet\nTurnbull held his first talks with Joko Widodo.\nThe prime minister was "
        "welcomed to Jakarta with a billboard to mark his visit.",
        "in-person",
        "Jakarta",
    ),
    ("Modi and Trump held talks in November, their offices said.", "in-person", None),
    (
        "Sheikh Mohammed met the Emir on the sidelines of a summit to ease tensions in the Middle East.",
        "in-person",
        None,
    ),
    ("BRASÍLIA — Lula met Emmanuel Macron at the Planalto Palace on Tuesday.", "in-person", "Brasília"),
    ("ASUNCIÓN, 14 mar (EFE) — Santiago Peña met Javier Milei on Tuesday.", "in-person", "Asunción"),
    ("Nairobi, Kenya, March 14 — William Ruto held talks with Abiy Ahmed on Tuesday.", "in-person", "Nairobi"),
    ("Abu Dhabi, 14th March, 2023 (WAM) -- Mohamed bin Zayed received Narendra Modi.", "in-person", "Abu Dhabi"),
    (
        "New Delhi [India], June 4 (ANI): Prime Minister Narendra Modi held talks with Sheikh Hasina on Friday.",
        "in-person",
        "New Delhi",
    ),
    (
        "Washington D.C. [USA], Mar 14 (ANI): Joe Biden spoke by phone with Emmanuel Macron on Tuesday.",
        "phone",
        "Washington",
    ),
    (
        "WASHINGTON/MOSCOW (Reuters) - Joe Biden and Vladimir Putin spoke by phone on Thursday about Ukraine.",
        "phone",
        "Washington",
    ),
    (
        "KYIV, Ukraine (AP) — Volodymyr Zelenskyy met British Prime Minister Rishi Sunak in Kyiv on Saturday.",
        "in-person",
        "Kyiv",
    ),
    (
        "ST. PETERSBURG (Sputnik) - French President Emmanuel Macron said Thursday after talks with Putin that it is so.",
        "in-person",
        "St. Petersburg",
    ),
    ("MOSCOW, June 26. /TASS/. Putin and Macron discussed the coronavirus by videoconference.", "video", "Moscow"),
    # the dateline is the reporter's city when the lede has the leader arrive in another capital
    (
        "SINGAPORE: Prime Minister Lawrence Wong is in Malaysia for the Leaders’ Retreat. He arrived on Monday "
        "evening (Jan 6) in Kuala Lumpur and met Prime Minister Anwar Ibrahim on Tuesday.",
        "in-person",
        "Kuala Lumpur",
    ),
    # no dateline: the capital a leader arrived in, at another leader's invitation
    (
        "President of the Republic of Kyrgyzstan Sadyr Japarov arrived in Moscow at the invitation of Russian President "
        "Vladimir Putin on February 24. During the trip, Japarov met with Putin.",
        "in-person",
        "Moscow",
    ),
    (
        "MOSCOW, Feb 7 (Reuters) - French President Emmanuel Macron arrived in Moscow on Monday and met Russian "
        "President Vladimir Putin for talks.",
        "in-person",
        "Moscow",
    ),
    (
        "In Kiev, Polish leader Tusk pledges strong support for Ukraine\nDonald Tusk, the new Polish prime minister, "
        "pledged support in a meeting with Ukrainian President Volodymyr Zelensky on Monday.",
        "in-person",
        "Kyiv",  # a seat of government names its city
    ),
    (
        "NEW DELHI: Prime Minister Narendra Modi and US President Joe Biden discussed the pandemic on Monday.",
        "video",
        "New Delhi",
    ),
    (
        "RIYADH, Saudi Arabia — Russian President Vladimir Putin called President Barack Obama on Friday.",
        "phone",
        "Riyadh",
    ),
    (
        "Statement for media following Astana format talks\n\nJuly 19, 2022, Tehran\n\nFollowing the trilateral talks, "
        "the presidents of Russia, Iran and Turkiye issued a statement.",
        "in-person",
        "Tehran",
    ),
    (
        "South Korean President Yoon Suk-yeol and Japanese Prime Minister Fumio Kishida held a summit at the "
        "presidential office in Seoul on Sunday.",
        "in-person",
        "Seoul",
    ),
    (
        "Putin held trilateral talks with Azerbaijan’s President Ilham Aliyev and Armenia’s Prime Minister Nikol "
        "Pashinyan in Sochi on Friday, November 26.",
        "in-person",
        "Sochi",
    ),
    (
        "President Erdogan and his Ukrainian counterpart discussed the war in Ukraine over the phone on Friday.",
        "phone",
        None,
    ),
    # mixed-case datelines: a dotted date and an agency, a wire's initials, a capital and a colon or dash
    ("Bishkek. May 3. AKIpress - President Japarov held talks with President Mirziyoyev.", "in-person", "Bishkek"),
    (
        "Tashkent, UZA – President Shavkat Mirziyoyev received President Kassym-Jomart Tokayev of Kazakhstan for "
        "talks on trade and water on Friday.",
        "in-person",
        "Tashkent",
    ),
    ("Nairobi: Kenya's President William Ruto hosted President Yoweri Museveni for talks.", "in-person", "Nairobi"),
    ("Addis Ababa — Prime Minister Abiy Ahmed held talks with President Isaias Afwerki.", "in-person", "Addis Ababa"),
    ("Maputo, MOZAMBIQUE, May 4 - President Nyusi met President Hichilema for talks.", "in-person", "Maputo"),
    # the lede's venue, not the reporter's dateline
    (
        "AMMAN — King Abdullah and President Sisi held a meeting at Al Ittihadiya Palace in Cairo on Monday.",
        "in-person",
        "Cairo",
    ),
    (
        "Caracas, May 30, 2023 (VTV)—During the summit of South American presidents held in Brasília on Tuesday, "
        "President Maduro met President Petro.",
        "in-person",
        "Brasília",
    ),
    # a place named only as the subject of the talks, not in a venue phrase of the headline, stays the dateline's
    (
        "Gaza truce at heart of emir's visit\nPARIS, France - Efforts to free the hostages held in Gaza dominated "
        "the emir's state visit to France.",
        "in-person",
        "Paris",
    ),
    # a city of, a capital, a village; a capital after a district; a capital opening a longer name
    (
        "President Xi met Prime Minister Phuc on the sidelines of the summit in Vietnam's city of Da Nang.",
        "in-person",
        "Da Nang",
    ),
    ("The two leaders met on the northern side of the truce village of Panmunjom.", "in-person", "Panmunjom"),
    ("Trump held a summit with Takaichi at the State Guest House in Akasaka, Tokyo.", "in-person", "Tokyo"),
    (
        "On 15 November in Prague Polish-Czech consultations were held by the two prime ministers.",
        "in-person",
        "Prague",
    ),
    ("Prime Minister David Cameron and Erna Solberg met today in 10 Downing Street.", "in-person", "London"),
    # an event in title case and the place sources spoke from are no venue
    ("Leaders of 2 Koreas in Surprise Summit at Border\nMoon and Kim met on Saturday.", "in-person", None),
    ("The July 11 meeting of Modi and Sharif had its lighter moments, said sources in New Delhi.", "in-person", None),
    # a seat of government in title case, naming the meeting, or a capital's possessive; a headline's `meets`
    (
        "Obama Hosts Indian Prime Minister At The White House\nThe two leaders discussed climate change.",
        "in-person",
        "Washington",
    ),
    ("Trudeau won assurances from Trump during an Oval Office meeting on Monday.", "in-person", "Washington"),
    ("Xi arrives at Riyadh’s al-Yamamah Palace for Saudi-China summit\nXi met King Salman.", "in-person", "Riyadh"),
    (
        "Prayut meets May in London\nPrime Minister Prayut Chan-o-cha and British counterpart Theresa May shook "
        "hands in the traditional photo op as small groups welcomed and protested against the visit.\nThey spoke.",
        "in-person",
        "London",
    ),
    # a province named after its city; a summit's country in title case when no city is named
    (
        "The two presidents met on the sidelines of the G20 Summit in southern Antalya province Sunday.",
        "in-person",
        "Antalya",
    ),
    (
        "Duterte got the last slot for a meeting with Xi on the sidelines of the APEC Summit in Vietnam",
        "in-person",
        "Vietnam",
    ),
    # an acronym of a meeting is no place
    ("Biden describes what he discussed with Xi in G20 meeting.", "in-person", None),
    # a headline opening with a capital and a colon
    (
        "Accra: Akufo-Addo, Abiy Ahmed hold bilateral discussions\nThe Ethiopian Prime Minister is in Ghana this "
        "week to hold bilateral discussions with President Nana Addo Dankwa Akufo-Addo.\nThey spoke.",
        "in-person",
        "Accra",
    ),
]


@pytest.mark.parametrize(("text", "fmt", "location"), LOCATIONS)
def test_location(text, fmt, location):
    assert extract_location(clean(text), fmt).value == location


LEDE_TASS = (
    "MOSCOW, December 22. /TASS/. Vladimir Putin and Emmanuel Macron confirmed their readiness for cooperation, "
    "the Kremlin said."
)


@pytest.mark.parametrize(
    ("header", "title"),
    [
        (
            "All news\n\nPutin, Macron confirm readiness for cooperation",
            "Putin, Macron confirm readiness for cooperation",
        ),
        # a breadcrumb glued before the headline
        ("Home > Putin, Macron confirm readiness for cooperation", "Putin, Macron confirm readiness for cooperation"),
        (
            "Home / World / Putin, Macron confirm readiness for cooperation",
            "Putin, Macron confirm readiness for cooperation",
        ),
        # a page title's site name after the headline
        (
            "Putin, Macron confirm readiness for cooperation | ASHARQ AL-AWSAT English Archive 2005 -2017",
            "Putin, Macron confirm readiness for cooperation",
        ),
        # a headline's `(photos)` is no photo credit
        (
            "Putin and Macron confirm readiness for cooperation (photos)",
            "Putin and Macron confirm readiness for cooperation (photos)",
        ),
        # a headline in two lines: a lead, then the quotation
        (
            "Putin after talks with Macron:\n“We confirm our readiness for cooperation”",
            "Putin after talks with Macron: “We confirm our readiness for cooperation”",
        ),
        # the headline, then a photo titled with it and credited
        (
            "Putin, Macron confirm readiness for cooperation\n\nPutin, Macron confirm readiness for cooperation ảnh 1Putin in Moscow (Photo: TASS)",
            "Putin, Macron confirm readiness for cooperation",
        ),
    ],
)
def test_title_is_the_headline_when_there_is_one(header, title):
    assert extract_title(clean(f"{header}\n\n{LEDE_TASS}")).value == title


def test_title_is_written_from_the_lede_without_dateline_and_short():
    lede = (
        "ST. PETERSBURG (Sputnik) - French President Emmanuel Macron said Thursday after talks with Russian "
        "President Vladimir Putin that Paris recognizes Russia's role in international relations, including in "
        "the Middle East."
    )
    title = extract_title(clean(lede)).value
    assert title.startswith("French President Emmanuel Macron said Thursday")
    assert len(title) <= 100 and "Sputnik" not in title


def test_summary_is_one_or_two_lede_sentences():
    text = (
        "MOSCOW, June 26. /TASS/. Putin and Macron spoke. They agreed on many things. Then more happened.\n\n"
        "A second paragraph follows here with more words in it."
    )
    assert extract_summary(clean(text)).value == "Putin and Macron spoke. They agreed on many things."


@pytest.mark.parametrize(
    ("lede", "rest"),
    [
        ("MOSCOW, March 3, 2024 - Putin met Xi.", "Putin met Xi."),
        ("MOSCOW, June 26. /TASS/. Putin met Xi.", "Putin met Xi."),
        ("ST. PETERSBURG (Sputnik) - Macron said so.", "Macron said so."),
        ("NEW DELHI: Modi met Biden.", "Modi met Biden."),
        ("BEIJING, Nov. 16 (Xinhua) -- Xi held talks.", "Xi held talks."),
        ("Moscow (dpa) - Merkel urged Putin.", "Merkel urged Putin."),
        ("Beijing, Jan 5 (IANS) Chinese President Xi spoke.", "Chinese President Xi spoke."),
        ("Kyiv [Ukraine], March 14 (ANI): Zelensky spoke.", "Zelensky spoke."),
        ("(CNN) — Biden spoke.", "Biden spoke."),
        ("Bogotá, March 14 (EFE).- Petro spoke.", "Petro spoke."),
        ("Nairobi, Kenya, March 14 — Ruto spoke.", "Ruto spoke."),
        ("(AGI) Milan, June 21 - The chill thawed.", "The chill thawed."),
        ("Jakarta, The Gulf Observer: President Prabowo spoke.", "President Prabowo spoke."),
        ("Kyiv, Ukraine: Zelensky spoke.", "Kyiv, Ukraine: Zelensky spoke."),
        ("(AP) Kennedy, the senator, spoke.", "Kennedy, the senator, spoke."),
        ("Putin met Xi: they agreed.", "Putin met Xi: they agreed."),
        (
            "President of Iran Ebrahim Raisi (retranslated): In the name",
            "President of Iran Ebrahim Raisi (retranslated): In the name",
        ),
    ],
)
def test_strip_dateline(lede, rest):
    assert strip_dateline(lede) == rest


_CUE_WORDS = sorted(
    {w for v in FORMAT_CUES.values() for w in re.findall(r"[A-Za-z-]+", v)}
    | {"Macron", "Call", "CALL", "TELEPHONE", "Telephonic", "pHONE", "Dialled"}
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_CUE_WORDS, " ", "  ", ". ", ", ", "ı", "İ", "ſ"]), max_size=12))
def test_every_format_cue_holds_a_hint(parts):
    text = " ".join(parts)
    for kind, rx in _FORMAT_RES.items():
        if rx.search(text) and not CASE_ODD_RE.search(text):
            assert _hinted(text, text.lower(), kind), (kind, text)


@pytest.mark.parametrize(
    ("kind", "example"),
    [
        *[("video", t) for t in ["video conference", "videoconferencing", "video-link", "video call", "Virtually"]],
        *[("video", t) for t in ["online summit", "via video", "by video"]],
        *[("phone", t) for t in ["phone", "telephone", "phoned", "teleconference", "by phone", "over the phone"]],
        *[("phone", t) for t in ["called his counterpart", "Call with Macron Paris", "spoke with Macron"]],
        *[("phone", t) for t in ["spoke today to his", "a call", "their call"]],
        *[("in-person", t) for t in ["met", "meet", "meeting", "visited", "summit", "face-to-face", "arrived"]],
        *[("in-person", t) for t in ["hosted", "host", "traveled", "travelled", "joint press conference"]],
        *[("in-person", t) for t in ["talks in", "held talks", "welcomed", "Received"]],
    ],
)
def test_format_hints_cover_every_cue(kind, example):
    assert _FORMAT_RES[kind].search(example)
    assert _hinted(example, example.lower(), kind)
