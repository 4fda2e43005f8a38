"""Table-driven tests for line classification: headline, chrome, captions, subheadings."""

import datetime as dt

import pytest
from briefings.clean import clean, split_title_block, unwrap
from briefings.dates import extract_date
from briefings.model import CAPTION, CHROME, DATE_LINE, HEADLINE, PARAGRAPH, SOURCE_LINE, STANDFIRST, SUBHEADING

LEDE = "Russian President Vladimir Putin and French President Emmanuel Macron discussed Ukraine by phone on Friday."
LEDE2 = "The two leaders also agreed to stay in close contact and to meet again before the end of the year."


def kinds(text):
    return {b.text: b.kind for b in clean(text).blocks}


def test_a_date_and_time_line_is_no_video_card_and_a_cut_off_tag_is_dropped():
    doc = clean(f"Putin and Macron discuss Ukraine\n\nFRANCE | 22-11-2023 18:17\n\np>{LEDE}\n\nThey spoke for an hour.")
    assert extract_date(doc)[0].value == dt.date(2023, 11, 22)
    assert doc.paragraphs[0] == LEDE


def test_a_date_glued_before_the_headline_is_split_off():
    doc = clean(f"November 14, 2022 Putin and Macron discuss Ukraine\n\n{LEDE}\n\nThey spoke for an hour.")
    assert doc.headline == "Putin and Macron discuss Ukraine"
    assert extract_date(doc)[0].value == dt.date(2022, 11, 14)


def test_a_bracketed_issuer_and_date_and_a_caption_glued_to_the_dateline_are_split():
    doc = clean(
        "[Ministry of Foreign Affairs of Japan] [Tuesday, Dec 1, 2015]\n\nJapan-Israel Summit Meeting\n\n"
        "On November 30, Prime Minister Shinzo Abe held a summit meeting with Prime Minister Benjamin Netanyahu.\n\n"
        "They spoke."
    )
    assert doc.headline == "Japan-Israel Summit Meeting"
    assert extract_date(doc)[0].value == dt.date(2015, 12, 1)
    glued = (
        '"We want to strengthen the cooperation," President Joko Widodo said.Antalya, Turkey (ANTARA News) - '
        "Indonesia and Canada have agreed to intensify cooperation in various fields."
    )
    parts = [b.text for b in clean(f"{glued}\n\nThey spoke.").blocks]
    assert parts[:2] == [glued[: glued.index("Antalya")], glued[glued.index("Antalya") :]]


def test_a_numbered_most_viewed_list_is_chrome_anywhere():
    teasers = [
        "Seoul to be illuminated in violet to celebrate a concert",
        "Denial of entry casts shadow over much-celebrated home concerts",
        "Major labor group warns of general strike following arrest of its chief",
    ]
    listed = "\n".join(f"{n}\n{t}\n-" for n, t in enumerate(teasers, 1))
    found = kinds(f"{LEDE}\n\nThey spoke for an hour.\n\n(END)\n{listed}\n")
    assert {found[t] for t in teasers} == {CHROME}


def test_a_donation_appeal_above_the_article_is_chrome():
    appeal = (
        "You are visiting us because we have something you value. Independent, unbiased news that tells the truth "
        "needs support from readers like you, so please contribute what you can."
    )
    assert kinds(f"We need your help now\n\n{appeal}\n\n{LEDE}\n\nThey spoke.")[appeal] == CHROME


def test_teaser_headlines_under_a_chrome_label_are_chrome():
    teasers = [
        "Japan Presses U.S. to Scrap 25% Auto Tariffs as Ishiba Refuses Partial Trade Deal; No Deal Without Rollback",
        "LDP to Forgo Compiling Selective Surname Bill During Current Diet Session",
        "Ishiba: Japan-U.S. Tariff Talks Should Produce Desirable Model for Other Countries",
        "Japanese Govt on High Alert after Chinese Aircraft Intrusion into Territorial Airspace",
    ]
    text = f"{LEDE}\n\nThey spoke for an hour.\n\nPOPULAR ARTICLE\n-\n" + "\n-\n".join(teasers)
    found = kinds(text)
    assert {found[t] for t in teasers} == {CHROME}


def test_an_outlet_glued_to_the_weekday_of_its_date_is_split():
    doc = clean(
        f"Putin and Macron discuss Ukraine\n\nEuropean PravdaMonday, 29 May 2023, 23:02\n\n{LEDE}\n\nThey spoke."
    )
    assert extract_date(doc)[0].value == dt.date(2023, 5, 29)


def test_a_run_of_related_story_links_inside_the_article_is_chrome():
    teasers = [
        "What you missed from Trudeau's first meeting with Trump",
        "How Trudeau recruited a key businesswoman for the council",
        "Strong trade relations tied to what happens in border states",
    ]
    text = "\n\n".join(
        [LEDE, *teasers, "“We have an outstanding trade relationship,” Mr. Trump told a news conference."]
    )
    found = kinds(text)
    assert {found[t] for t in teasers} == {CHROME}
    assert found[LEDE] == PARAGRAPH


def test_a_headline_printed_twice_is_the_headline_not_a_photo_label():
    lede = "Chinese President Xi Jinping and US President Donald Trump held a phone conversation on Friday."
    doc = clean(f"International\n\nXi, Trump Hold Phone Talks\n\nXi, Trump Hold Phone Talks\n\n{lede}\n\n{LEDE}")
    assert doc.headline == "Xi, Trump Hold Phone Talks"


def test_a_hard_wrapped_lede_opening_with_a_dateline_is_not_split_into_a_headline():
    text = (
        "PARIS — French President\nEmmanuel Macron hosted German\nChancellor Olaf Scholz for lunch Wednesday, "
        "with both sides saying they made\nprogress towards easing differences on energy and defense dogging\n"
        "the EU's vital double act. The two leaders were of one mind on the major\ndirections of policy, a German "
        "source said after the meeting, while\na source in the French presidency called it constructive.\n"
    )
    doc = clean(text)
    assert doc.headline is None
    assert doc.paragraphs[0].startswith("PARIS — French President Emmanuel Macron hosted German Chancellor")


def test_a_date_glued_to_the_outlet_and_an_arabic_comma_are_read_as_dates():
    lede = "Egyptian President Abdel Fattah El-Sisi met Kenyan President William Ruto on Thursday in Lusaka."
    for stamp, day in (
        ("The Age06-05-2025", dt.date(2025, 5, 6)),
        ("Thursday\u060c 08 June 2023", dt.date(2023, 6, 8)),
    ):
        doc = clean(f"Sisi meets Ruto\n\n{stamp}\n\n{lede}\n\n{LEDE}")
        assert extract_date(doc)[0].value == day, stamp


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("All news", CHROME),
        ("INTERNATIONAL RELATIONS", CHROME),
        ("NEWSLETTER SUBSCRIPTION", CHROME),
        ("Also read: Ukraine accelerating preparations, according to US intelligence", CHROME),
        ("( Also on POLITICO: Ukraine vote pushed to next week)", CHROME),
        ("(See POLITICO’s full coverage of Obama’s overseas trip)", CHROME),
        ("© AP Photo / Michael Sohn Merkel: Germany Remains Committed to Iran Nuclear Deal", CHROME),
        ("20m agoTory rebels could still vote against reform", CHROME),
        ("about 2 hours ago", CHROME),
        ("2025-05-03 09:022117 view", CHROME),
        ("| | 0 |", CHROME),
        ("Документ   /", CHROME),
        ("• G7 Summit", CHROME),
        ("Putin and Macron talk, left, in Moscow, Feb. 7, 2022. (AP Photo/Thibault Camus, Pool)", CAPTION),
        ("Yoon and Kishida shake hands in Seoul on May 7, 2023./ Source: Yonhap |", CAPTION),
        ("Trump speaks with Macron in Paris on November 10 | Christophe Petit-Tesson/AFP via Getty Images", CAPTION),
        ("Merkel and Putin met in Sochi and held a joint press conference afterwards. / Kremlin.Ru", CAPTION),
        ("Erdogan (L) and Zelensky (R) attend a news conference in Lviv. (Reuters File Photo)", CAPTION),
        ('Boric said after the meeting that "our objective is to deepen the alliance". |', CAPTION),
        ("Official White House Photo by Andrea Hanks", CAPTION),
        ("gallery-photogallery-photogallery-photogallery", CHROME),
        ("Tweet Share", CHROME),
        ("President Tsai Ing-wen and Tommy Remengesau in Taipei City. (Courtesy of Office of the President)", CAPTION),
        ("Estonian Prime Minister Kaja Kallas (Reform). Source: Ken Mürk/ERR", CAPTION),
        ("President Aliyev meets with President Putin in Samarkand [PHOTOVIDEO] - Gallery Image", CAPTION),
        ("Translated by Mayra Borges", CHROME),
        ("Live updates: Follow the latest on Israel-Gaza", CHROME),
        ("Source: AMNA", SOURCE_LINE),
        ("Home | China | World | Business | Culture | Sports", CHROME),
        ("Home » Media Center » Press Releases » Bilateral", CHROME),
        ("Kazakhstan and Uzbekistan    President of Kazakhstan    Akorda presidential residence", CHROME),
        ("Diplomacy\tUkraine\tG7", CHROME),
        ("We'd like to set additional cookies to understand how you use this site and improve our services.", CHROME),
        ("Duration 1:52", CHROME),
        ("• Written by Michelle Grattan, Professorial Fellow, University of Canberra", CHROME),
        ("Anthony Albanese and partner Jodie Haydon arrive in Beijing, China. Lukas Coch/AAP", CAPTION),
        ("Comments() Print Mail Large Medium Small", CHROME),
        ("Share on Facebook Twitter WhatsApp", CHROME),
        ("Read more...", CHROME),
        ("Advertising", CHROME),
        ("ADVT", CHROME),
        (
            "President Sheikh Mohamed is received by Sheikh Tamim in Doha. Mohamed Al Hammadi / Presidential Court",
            CAPTION,
        ),
        (
            "New Zealand Prime Minister John Key © Fiona Goodall/Getty Images for The Department of Internal Affairs",
            CAPTION,
        ),
        ("Macri speaking with Trump from his office     Macri speaking with Trump from his office", CAPTION),
        ("Presiden Joko Widodo berbincang dengan PM Australia Scott Morrison (Foto: istimewa)", CAPTION),
        ("You are using an older browser version. Please use a supported version for the best experience.", CHROME),
        ("Keep our news free from ads and paywalls by making a donation to support our work!", CHROME),
        ("Share post:", CHROME),
        ("Story Highlights", CHROME),
        ("To Read The Full Story", CHROME),
        ("Distributed by APO Group on behalf of Presidency of the Arab Republic of Egypt.", CHROME),
        ("| Photo: Twitter/ @CARICOMorg", CHROME),
        ("Is this page useful?", CHROME),
        ("Please note: The page below represents the archived content relating to the previous Government.", CHROME),
        ("Disclaimer: All the comments will be moderated by the AD editorial.", CHROME),
        ("Leaders meet #PMImranKhan #DonaldTrump Posted by ARY News on Thursday, November 21, 2019", CHROME),
        ("https://arab.news/yne42", CHROME),
        ("Ezgi ToperEzgi Toper", CHROME),
        (
            "Prime Minister Benjamin Netanyahu (left) with Egyptian President Abdel-Fattah el-Sissi (right) in New York",
            CAPTION,
        ),
        ("Article continues after advertisement", CHROME),
        ("Write a comment", CHROME),
        ("1 of 17", CAPTION),
        ("This was published under the 2010 to 2015 Conservative and Liberal Democrat coalition government", CHROME),
        ("Photos = Yonhap News", CHROME),
        ("We are a distributor, not a publisher, of 3rd party content.", CHROME),
        ("President Lee Jae Myung (second from left) is welcomed by U.S. President Donald Trump", CAPTION),
        ("If you found a typo you can notify us by selecting the text area and pressing CTRL+Enter", CHROME),
        ("Photo source: picture from an open source", CHROME),
        ("yanliang@sph.com.sg", CHROME),
        ("[[nid:239095]]", CHROME),
        ("2 min reading time", CHROME),
        ("This website is best viewed using the latest versions of web browsers.", CHROME),
        ('play videoOuattara in Accra <a href="//ads.example.net/w/1.0/rc?cs=b2"> <br /> <img src="x.jpg">', CHROME),
        # markup in a headline or a sentence is text (shown escaped), not a banner
        ("<script>alert(1)</script> Putin and Macron discuss Ukraine", HEADLINE),
        # an icon font's leaked labels; footers of blogs, reposts and aggregators
        ("icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon", CHROME),
        ("This entry was posted in Exchanges. Bookmark the permalink.", CHROME),
        ("Read the original article on ENA.", CHROME),
        ("Connect With Us : 0242202447 | 0551484843", CHROME),
        ("This post is also available in:", CHROME),
        # live-blog and video-card chrome, a photo's label glued on, a chrome line printed twice, a cut-off tag
        ("40 Posts", CHROME),
        ("No Widgets found in the Sidebar", CHROME),
        ("Trump holds Singapore news conference 07:42", CHROME),
        ("Boris Johnson and Emmanuel MacronImage source, Reuters", CHROME),
        ("Write a Comment Write a Comment", CHROME),
        ("Covered by: Ronn Blitzer and Peter Aitken", CHROME),
        ("Market data provided by Factset.", CHROME),
        # a sentence, then its photo credit; Reuters' notes to editors
        (
            "Fijian prime minister Sitiveni Rabuka shakes hands with Christopher Luxon. Photo: RNZ / Giles Dexter",
            CAPTION,
        ),
        ("ATTENTION EDITORS - THIS PICTURE WAS PROVIDED BY A THIRD PARTY", CHROME),
        # a caption with a press unit's initials glued on
        (
            "President Kenyatta receives President Sahle-Work Zewde at State House during a visit in May 2019/PSCU",
            CAPTION,
        ),
        # a gallery's caption with its counter
        (
            "1 of 3 | President Joe Biden participates in a virtual meeting in the Roosevelt Room. | License Photo",
            CAPTION,
        ),
        # a dated caption with a `- AFP` credit
        ("WASHINGTON: Biden meets Sheikh Mohamed in the Oval Office on Sept 23, 2024. - AFP", CAPTION),
    ],
)
def test_line_kinds(line, kind):
    assert kinds(f"{line}\n\n{LEDE}\n\n{LEDE} More.")[line] == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "Prime Minister Narendra Modi being greeted by his Japanese counterpart Shinzo Abe in Tokyo, on Friday.",
            CAPTION,
        ),
        ("Presidents Xi Jinping and Joe Biden shaking hands before their talks in Woodside.", CAPTION),
        (
            "Prime Minister Narendra Modi was greeted by his Japanese counterpart Shinzo Abe in Tokyo on Friday.",
            PARAGRAPH,
        ),
        ("Being greeted by crowds, the two leaders walked to the palace. They then held talks.", PARAGRAPH),
    ],
)
def test_a_caption_without_a_credit_is_told_by_its_missing_verb(line, kind):
    assert kinds(f"{LEDE}\n\n{line}\n\n{LEDE} More.")[line] == kind


def test_the_headline_printed_again_with_a_photo_credit_is_chrome():
    headline = "President Lee and Prime Minister Ishiba Hold First Summit"
    text = f"{headline}\n\n{LEDE}\n\n{headline} Yonhap News\n\n{LEDE} More."
    assert kinds(text)[f"{headline} Yonhap News"] == CHROME
    text = f"{headline}\n\n{LEDE}\n\n{headline} in Canada, the first of many, said officials.\n\n{LEDE} More."
    assert kinds(text)[f"{headline} in Canada, the first of many, said officials."] == PARAGRAPH


def test_a_caption_printed_twice_is_a_caption_both_times_and_its_date_stays_the_reports():
    caption = "Presidents Rouhani, Erdogan and Putin hold a joint news conference in Ankara, Turkey April 4, 2018"
    text = (
        f"Putin urges Turkey, Iran to help promote dialogue\n\nBy REUTERS\nJULY 1, 2020 16:08\n"
        f"{caption} (photo credit: UMIT BEKTAS / REUTERS)\n{caption}\n(photo credit: UMIT BEKTAS / REUTERS)\n{LEDE}"
    )
    got = kinds(text)
    assert got[caption] == CAPTION
    assert got["JULY 1, 2020 16:08"] == DATE_LINE


def test_a_sentence_credited_to_an_agency_above_the_article_is_a_caption_not_the_headline():
    caption = "Crown Prince Mohammed bin Salman meets with Iranian Foreign Minister Abbas Araghchi in Riyadh. SPA"
    headline = "Saudi Crown Prince and Iranian President discussed Middle East developments in phone call"
    lede = "Crown Prince Mohammed bin Salman and Iranian President Masoud Pezeshkian held talks on Middle East developments."
    doc = clean(f"{caption}\n{caption}\n\n{headline}\n\n{lede}\n\n{LEDE}")
    assert doc.headline == headline
    assert {b.kind for b in doc.blocks if b.text == caption} == {CAPTION}
    # in the article, the same shape is the text's own (a wire's sign-off after the last sentence)
    assert kinds(f"{LEDE}\n\nThe two leaders will meet again in May. AFP")[
        "The two leaders will meet again in May. AFP"
    ] in (PARAGRAPH,)


def test_a_long_caption_credited_to_an_agency_right_above_the_lede_is_a_caption():
    caption = (
        "El presidente de Chile, Sebastián Piñera, conversa hoy con su homólogo peruano, Martín Vizcarra, en el "
        "Palacio de la Moneda, en Santiago. Piñera y Vizcarra se reunieron hoy en Santiago. EFE"
    )
    lede = "Santiago, Nov 27 (EFE).- Chilean President Sebastian Pinera and Martin Vizcarra met here Tuesday."
    doc = clean(f"Presidents of Chile, Peru confirm good bilateral relations\n\n{caption}\n\n{lede}\n\n{LEDE}")
    assert (
        kinds(f"Presidents of Chile, Peru confirm good bilateral relations\n\n{caption}\n\n{lede}")[caption] == CAPTION
    )
    assert doc.lede == lede


@pytest.mark.parametrize(
    "lede",
    [
        "Rio de Janeiro(VNA) - Prime Minister Pham Minh Chinh met with Chinese Premier Li Qiang on July 7.",
        "WASHINGTON – Following Prime Minister Pham Minh Chinh's meeting on Monday with Premier Li Qiang, he spoke.",
        "ISLAMABAD: Prime Minister Pham Minh Chinh held a telephone conversation with Premier Li Qiang on Thursday.",
    ],
)
def test_the_lede_is_the_paragraph_that_opens_with_the_dateline(lede):
    deck = "Prime Minister Pham Minh Chinh emphasised that Vietnam valued the outcomes of recent high-level exchanges."
    doc = clean(f"Vietnam, China agree to beef up cooperation\n{deck}\n{lede}\n{LEDE}")
    assert doc.lede == lede
    assert kinds(f"Vietnam, China agree to beef up cooperation\n{deck}\n{lede}\n{LEDE}")[deck] == STANDFIRST
    # without a dateline further down, the first paragraph stays the lede
    assert clean(f"Vietnam, China agree to beef up cooperation\n{deck}\n{LEDE}").lede == deck


def test_a_label_in_capitals_opening_a_later_paragraph_is_not_a_dateline():
    deck = "Prime Minister Pham Minh Chinh emphasised that Vietnam valued the outcomes of recent high-level exchanges."
    later = "BREAKING: Prime Minister Pham Minh Chinh held a telephone conversation with Premier Li Qiang on Thursday."
    assert clean(f"Vietnam, China agree to beef up cooperation\n{deck}\n{later}\n{LEDE}").lede == deck


def test_a_short_line_printed_twice_near_the_top_and_a_link_arrow_teaser_leave_the_body():
    teaser = ">>FULL TEXT: Trump, Netanyahu talk Jerusalem, Iran, Mideast peace at White House"
    caption = "U.S. President Donald Trump shakes hands with Prime Minister Benjamin Netanyahu.Credit: MANDEL NGAN/AFP"
    text = f"Netanyahu and Trump talk Iran\n\n{caption}\n\nNoa Landau\n\nNoa Landau\n\n{LEDE}\n\n{teaser}\n\n{LEDE2}"
    body = [b.text for b in clean(text).body]
    assert body == [LEDE, LEDE2]
    assert kinds(text)[teaser] == CHROME


def test_a_bulleted_copy_of_a_caption_is_a_caption():
    caption = "President Nicolas Maduro (L) visits the Alley of Martyrs in Baku, Azerbaijan, June 17, 2022."
    text = (
        f"Maduro analyzes cooperation with Aliyev\n\n  • {caption}\n\n{caption} | Photo: Prensa Presidencial\n\n{LEDE}"
    )
    assert kinds(text)[f"• {caption}"] == CAPTION


def test_a_name_printed_twice_above_the_article_is_a_photo_label_not_the_headline():
    lede = "Greece's Prime Minister Kyriakos Mitsotakis met with Turkish President Recep Tayyip Erdogan on Wednesday."
    for label in ("Turkish President Recep Tayyip Erdogan", "President Recep Tayyip Erdogan of Turkey"):
        doc = clean(f"Mitsotakis meets Erdogan\n\n{label}\n\n{label}\n\n{lede}\n\n{LEDE}")
        assert doc.headline == "Mitsotakis meets Erdogan"
        assert {b.kind for b in doc.blocks if b.text == label} == {CAPTION}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Ana Cristina Campos reports from Agência Brasil", CHROME),
        ("Yoni Kempinski ,", CHROME),
        ("Reazul Bashar from Baku, bdnews24.com", CHROME),
        ("Mitsotakis reports from the summit that talks went well.", PARAGRAPH),
    ],
)
def test_reporter_credits_in_the_article_are_chrome(line, kind):
    assert kinds(f"{LEDE}\n\n{line}\n\n{LEDE} More.")[line] == kind


def test_sentences_set_apart_by_wide_gaps_are_article_text():
    line = "The two leaders met in Rome.   They spoke for an hour.   Both agreed to meet again."
    assert kinds(f"{LEDE}\n\n{line}")[line] == PARAGRAPH


def test_headline_is_the_title_line_sharing_words_with_the_lede():
    doc = clean(f"World News\n\nLatest\n\nPutin and Macron discuss Ukraine by phone\n\nTeam upday\n\nAP\n\n{LEDE}")
    assert doc.headline == "Putin and Macron discuss Ukraine by phone"
    assert kinds(doc and f"World News\n\n{LEDE}")["World News"] == CHROME


def test_no_headline_when_the_text_starts_with_the_article():
    assert clean(f"{LEDE}\n{LEDE} Again.").headline is None


def test_page_date_away_from_the_headline_is_chrome_and_header_date_is_kept():
    text = f"Thu 18 Apr 2024\n\nMasthead\n\nLatest\n\nLatest\n\nPutin and Macron discuss Ukraine\n\n10 February, 2022, 11:40 am\n\n{LEDE}"
    k = kinds(text)
    assert k["Thu 18 Apr 2024"] == CHROME
    assert k["10 February, 2022, 11:40 am"] == DATE_LINE


def test_standfirst_is_kept_and_teaser_repeating_the_lede_is_dropped():
    standfirst = "'We will always stand with Ukraine,' Macron said after speaking to Vladimir Putin on Friday night"
    teaser = "Russian President Vladimir Putin and French President Emmanuel Macron discussed…"
    k = kinds(f"Macron and Putin discuss Ukraine\n\n{standfirst}\n\n{teaser}\n\n{LEDE}")
    assert k[standfirst] == STANDFIRST
    assert k[teaser] == CHROME
    assert k[LEDE] == PARAGRAPH


def test_subheadings_inside_the_body():
    k = kinds(f"{LEDE}\n\nUkrainian crisis\n\n{LEDE} Second.\n\nOther issues\n\n{LEDE} Third.")
    assert k["Ukrainian crisis"] == SUBHEADING and k["Other issues"] == SUBHEADING


def test_everything_after_an_end_marker_is_chrome():
    text = f"{LEDE}\n\nYou may also like\n\nTrump says plans will shock people\n\nDonald Trump signed a slew of orders on the first day."
    k = kinds(text)
    assert k["Donald Trump signed a slew of orders on the first day."] == CHROME


def test_author_note_ends_the_article():
    k = kinds(
        f"{LEDE}\n\nS. Dev is a news editor for CBSNews.com.\n\n2025-05-03 09:022117 view\n\nAfter Luigi Mangionemade a choice."
    )
    assert k["After Luigi Mangionemade a choice."] == CHROME


def test_prefix_date_is_split_off():
    doc = clean(f" date 2018-05-24 {LEDE}")
    assert doc.prefix_date == "2018-05-24"
    assert doc.paragraphs == [LEDE]


def test_body_keeps_every_article_line_in_order():
    paras = [f"{LEDE} Number {i}." for i in range(5)]
    doc = clean("All news\n\nPutin and Macron discuss Ukraine\n\n" + "\n\n".join(paras))
    assert doc.paragraphs == paras
    assert doc.of_kind(HEADLINE)[0].text == "Putin and Macron discuss Ukraine"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "World / President Biden China's Xi to Biden: US 'Playing With Fire' on Taiwan Warning comes in "
            "otherwise cordial 3-hour virtual meeting",
            [
                "World / President Biden",
                "China's Xi to Biden: US 'Playing With Fire' on Taiwan",
                "Warning comes in otherwise cordial 3-hour virtual meeting",
            ],
        ),
        ("Putin and Xi Hold Talks in Moscow", ["Putin and Xi Hold Talks in Moscow"]),
    ],
)
def test_glued_title_block_splits_breadcrumb_headline_and_deck(text, parts):
    assert split_title_block(text) == parts


def test_glued_page_header_is_split_into_lines():
    line = (
        "World / Asia / Putin and Xi Meet in Moscow Talks cover trade and the war in Ukraine By Jane Roe, "
        "Newser Staff Posted Mar 21, 2023 6:36 AM CST Xi and Putin shake hands. (AP Photo/Sergei Karpukhin) "
        + "Chinese President Xi Jinping and Russian President Vladimir Putin held talks in Moscow on Tuesday. "
        * 3
    )
    doc = clean(line)
    assert doc.headline == "Putin and Xi Meet in Moscow"
    assert kinds(line)["By Jane Roe, Newser Staff"] == CHROME
    assert doc.paragraphs[-1].startswith("Chinese President Xi Jinping")


def test_a_short_lede_with_a_dateline_starts_the_article():
    doc = clean(
        "Putin and Xi talk by phone\n\nMOSCOW, June 26. /TASS/. Putin and Xi spoke on Friday.\n\nMore text follows here."
    )
    assert doc.lede == "MOSCOW, June 26. /TASS/. Putin and Xi spoke on Friday."


def test_a_headline_with_no_word_in_common_with_the_lede_is_still_found_above_it():
    text = (
        "World\n\nHistoric handshake at the border\n\nBy Jane Roe\n\n"
        "North Korean leader Kim Jong Un and South Korean President Moon Jae-in met at Panmunjom on Friday.\n\nMore."
    )
    assert clean(text).headline == "Historic handshake at the border"
    # a short label right above the article is not a headline
    assert (
        clean("Home\n\nA handshake\n\nKim Jong Un and Moon Jae-in met at Panmunjom on Friday morning.").headline is None
    )


def test_an_inline_related_box_is_dropped_and_the_article_goes_on():
    text = (
        "Putin and Xi hold talks in Moscow\n"
        "Russian President Vladimir Putin and Chinese President Xi Jinping held talks in Moscow on Tuesday.\n"
        "Related\nXi arrives in Moscow for state visit\nRussia and China sign energy deals\n"
        "Putin said Russia and China would expand trade in national currencies, and Xi agreed.\n"
    )
    k = kinds(text)
    assert k["Xi arrives in Moscow for state visit"] == CHROME and k["Russia and China sign energy deals"] == CHROME
    assert k["Putin said Russia and China would expand trade in national currencies, and Xi agreed."] == PARAGRAPH


def test_a_marker_dropped_inside_the_article_does_not_end_it():
    """A `More from World` label with the article going on for long paragraphs right under it."""
    lede = (
        "Chinese President Xi Jinping spoke by phone with US President Joe Biden on the eve of the Lunar New Year, "
        "the first top-level exchange between Beijing and Washington."
    )
    after = [
        "The two presidents exchanged Lunar New Year greetings and views on bilateral relations and major "
        "international issues, according to China's Foreign Ministry.",
        "Xi told Biden that the foreign affairs departments of the two countries can deepen communication on a "
        "broad range of issues in bilateral relations.",
    ]
    k = kinds(
        "\n".join(
            [
                "Xi, Biden talk on eve of holiday",
                lede,
                "Xi, Biden talk on eve of holiday",
                "More from World, Xi",
                *after,
            ]
        )
    )
    assert k["More from World, Xi"] == CHROME and all(k[p] == PARAGRAPH for p in after)


def test_the_headline_printed_again_is_chrome():
    second = "The two leaders agreed to talk again soon, the Kremlin said in a statement on Friday evening."
    k = kinds(f"Leaders meet in Pretoria\n\n{LEDE}\n\nLeaders meet in Pretoria\n\n{second}")
    assert k[LEDE] == PARAGRAPH and k[second] == PARAGRAPH
    doc = clean(f"Leaders meet in Pretoria\n\n{LEDE}\n\nLeaders meet in Pretoria\n\n{second}")
    assert [b.kind for b in doc.blocks if b.text == "Leaders meet in Pretoria"] == [HEADLINE, CHROME]


@pytest.mark.parametrize(
    "marker",
    [
        "Tags:",
        "Topics: Ukraine, Diplomacy",
        "Keywords",
        "###",
        "Related topics",
        "Share this page",
        "Stay Connected",
        "Explore more",
        "Reporting by Jane Doe in Tunis and John Roe in Rome; Additional reporting by Ann Poe in Brussels; "
        "Editing by Sam Smith and Kim Lee",
        "Our Standards: The Trust Principles.",
        "MORE International ARTICLES",
        "More stories",
        "More like this",
        "Latest News",
        "Top Comments",
        "Leave a Reply",
        "Go to video",
        ">Related articles",
        "Next In Nation",
        "Popular posts from this blog",
        "News Feed",
    ],
)
def test_end_markers_end_the_article(marker):
    blocks = clean(f"{LEDE}\n\n{LEDE} More.\n\n{marker}\n\nTeaser headline about something else").blocks
    assert [b.kind for b in blocks[-2:]] == [CHROME, CHROME]


def test_an_end_marker_in_the_menu_above_the_article_is_no_end():
    doc = clean(f"Topics\n\nGermany\n\nWorld\n\nLeaders meet in Pretoria\n\n{LEDE}\n\n{LEDE} More.")
    assert any(LEDE in block.text for block in doc.body)


def test_the_headline_is_not_a_masthead_that_shares_a_word_or_two_with_the_lede():
    text = (
        "Presidency of the French Republic\n\nPress release\n\nTelephone conversation with the President of "
        "Ukraine, Mr Petro Poroshenko\n\nThe President of the Republic spoke by telephone this evening with the "
        "President of Ukraine, Mr Petro Poroshenko, about the situation in the east of the country."
    )
    assert clean(text).headline.startswith("Telephone conversation")


def test_an_embedded_video_card_is_dropped_and_the_article_goes_on():
    text = (
        f"Carney calls first call with Trump cordial\n{LEDE}\nWATCH | Carney says Trump respected sovereignty:\n"
        "Carney says call with Trump was ‘constructive’ and ‘cordial’\n3 days ago\nDuration 1:52\n"
        "Earlier in the day, Trump described his conversation with Carney as very productive indeed."
    )
    got = kinds(text)
    assert got["Carney says call with Trump was ‘constructive’ and ‘cordial’"] == CHROME
    assert (
        got["Earlier in the day, Trump described his conversation with Carney as very productive indeed."] == PARAGRAPH
    )


def test_a_headline_ending_in_a_closing_quote_is_still_a_headline():
    headline = "President Xi Jinping tells Albanese China ready to ‘push the bilateral relationship further’"
    lede = "Chinese President Xi Jinping has told Anthony Albanese China stands ready to work with Australia."
    assert kinds(f"The Times Australia\n{headline}\n{lede}")[headline] == HEADLINE


def test_image_alt_text_printed_again_in_the_body_is_chrome():
    alt = "Bola Tinubu and Cyril Ramaphosa"
    headline = "South African President Ramaphosa welcomes Tinubu in Cape Town for bilateral talks"
    lede = "President Bola Tinubu was warmly welcomed by South African President Cyril Ramaphosa on Tuesday."
    later = "Presidential spokesman Bayo Onanuga said the two leaders would hold bilateral talks in Cape Town."
    got = clean(f"{headline}\n{alt}\n{alt}\n{lede}\n{alt}\n{later}").blocks
    # (printed twice above the article, the names are a photo's label: a caption)
    assert [b.kind for b in got] == [HEADLINE, CAPTION, CAPTION, PARAGRAPH, CHROME, PARAGRAPH]


@pytest.mark.parametrize(
    ("last", "is_link"),
    [
        ("PM Narendra Modi Replies to Australian PM Scott Morrison, Says he is ‘Glad to Join’ the First Summit.", True),
        ("Prime Minister Narendra Modi later met President Joe Biden at the White House in Washington.", False),
        ("Modi Thanks Biden.", False),  # too short to tell
        ("Vladimir Putin, President of the Russian Federation.", False),  # a letter's signature
    ],
)
def test_a_link_headline_glued_to_a_paragraph_is_split_off(last, is_link):
    para = f"{LEDE} “This is the perfect time to strengthen relations between our countries,” he said. {last}"
    got = clean(f"Putin and Macron discuss Ukraine\n{para}").blocks
    link = [b for b in got if b.text == last]
    assert bool(link) == is_link
    if is_link:
        assert link[0].kind == CHROME and got[-2].kind == PARAGRAPH and got[-2].text.endswith("he said.")


@pytest.mark.parametrize(
    ("text", "kinds_in_order"),
    [
        (
            f"(MENAFN- Nam News Network) CAIRO, Dec 24 (NNN-MENA) – {LEDE}\n\n{LEDE} They met in Riyadh.– NNN-MENA",
            [SOURCE_LINE, PARAGRAPH, PARAGRAPH, CHROME],
        ),
        (f"{LEDE}\n\nThey agreed to talk again. — AFP", [PARAGRAPH, PARAGRAPH, CHROME]),
        # a parenthesis that is no credit, and capitals ending a sentence, stay article text
        (f"(Updated) {LEDE}\n\nThey discussed the role of NATO.", [PARAGRAPH, PARAGRAPH]),
        (f"{LEDE}\n\nHe said it was a fine day - OK", [PARAGRAPH, PARAGRAPH]),
    ],
)
def test_wire_credits_around_the_article_are_split_off(text, kinds_in_order):
    assert [b.kind for b in clean(text).blocks] == kinds_in_order


@pytest.mark.parametrize(
    ("title", "credit"),
    [
        ("MH17 Trauer Niederlande 20.07.2014", "Image: Getty Images"),
        ("Australian Prime Minister Malcolm Turnbull", "Joko Widodo honours Malcolm Turnbull with a welcome. (AAP)"),
    ],
)
def test_a_photo_title_above_its_credit_or_caption_is_a_caption(title, credit):
    k = kinds(f"Leaders meet in Pretoria\n\n{LEDE}\n\n{title}\n\n{credit}\n\n{LEDE} More.")
    assert k[title] == CAPTION and k[credit] == CAPTION


def test_a_byline_inside_the_article_is_chrome():
    k = kinds(f"{LEDE}\n\nBy Web report\n\n{LEDE} More.")
    assert k["By Web report"] == CHROME
    assert k[f"{LEDE} More."] == PARAGRAPH


def test_a_short_toolbar_like_sentence_is_still_article_text():
    line = "Leaders will share a link by email."
    assert kinds(f"{LEDE}\n\n{line}\n\n{LEDE} More.")[line] == PARAGRAPH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hard-wrapped at a fixed width: each sentence's lines joined again, blank lines kept
        (
            "Headline of the Report\n\nEgyptian President Sisi and\nEthiopian Prime Minister Abiy stressed on\n"
            "the need to overcome obstacles.\nIn a telephone call, they hoped to reach an\nagreement.\n"
            "Egypt and Ethiopia are locked in a dispute over\nwater shares.",
            "Headline of the Report\n\nEgyptian President Sisi and Ethiopian Prime Minister Abiy stressed on "
            "the need to overcome obstacles.\nIn a telephone call, they hoped to reach an agreement.\n"
            "Egypt and Ethiopia are locked in a dispute over water shares.",
        ),
        # a long line of prose broken without a full stop goes on, whatever the case of the next line
        (
            "Japan, US Leaders End Summit Meeting\n\nTokyo, April 24 (QNA) - Prime Minister Shinzo Abe and US\n"
            "President Barack Obama have indicated they want to strengthen the\nalliance between their countries.\n\n"
            "At the meeting, Abe said Japan and the United\nStates hope to use their alliance to take the\nleading role in ensuring\npeace.",
            "Japan, US Leaders End Summit Meeting\n\nTokyo, April 24 (QNA) - Prime Minister Shinzo Abe and US "
            "President Barack Obama have indicated they want to strengthen the alliance between their countries.\n\n"
            "At the meeting, Abe said Japan and the United States hope to use their alliance to take the leading role in ensuring peace.",
        ),
        # a page with one line per paragraph is left alone, even where a line goes on in lower case
        ("Latest\n20m agoTory rebels vote\nPutin and Xi hold talks on trade\nthe two leaders met.", None),
    ],
)
def test_unwrap_joins_the_lines_of_a_hard_wrapped_text(text, expected):
    assert unwrap(text) == (text if expected is None else expected)


def test_a_notice_in_another_script_above_an_english_article_is_chrome():
    notice = "이 웹사이트는 제19대 대통령 임기 종료에 따라 대통령기록관이 서비스하는 대통령기록물입니다."
    got = kinds(f"{notice}\n{LEDE}\n\n{LEDE} More.")
    assert got[notice] == CHROME
    # a text in that script is left to itself
    korean = "문재인 대통령과 턴불 총리가 전화 통화를 했습니다. 두 정상은 협력을 논의했습니다."
    assert kinds(f"{notice}\n\n{korean}")[korean] != CHROME


def test_the_sites_footer_after_the_article_is_chrome():
    footer = [
        "While citing and using any materials on the Internet, links to the website ukrinform.net are mandatory.",
        "© 2015-2024 Ukrinform. All rights reserved.",
        "Website design Studio Laconica",
        "Extended searchHide extended search",
        "By period:",
    ]
    got = kinds("\n\n".join([LEDE, f"{LEDE} More.", *footer]))
    assert [got[line] for line in footer] == [CHROME] * len(footer)


def test_a_video_reports_headline_above_the_article_is_the_headline():
    headline = "Watch: Prime Minister Christopher Luxon and Australian PM Anthony Albanese"
    lede = (
        "Prime Minister Christopher Luxon and his Australian counterpart, Anthony Albanese, say they want closer ties."
    )
    doc = clean(f"20 Dec 2023\n\n{headline}\n\n2:59 pm on 20 December 2023\n\n{lede}\n\n{LEDE}")
    assert doc.headline == headline
    # a "Watch:" link among the paragraphs stays chrome
    assert kinds(f"{lede}\n\nWatch: Luxon arrives in Sydney\n\n{LEDE}")["Watch: Luxon arrives in Sydney"] == CHROME


def test_a_glued_page_head_with_photo_source_date_and_share_markers_is_split():
    line = (
        "Politics Vučić met with Xi Jinping: ''I am proud of our friendship and achievements'' PHOTO President of "
        "Serbia, Aleksandar Vučić, met today with the President of the People's Republic of China, Xi Jinping, in "
        'Beijing. Source: B92, Novosti Tuesday, October 17, 2023 | 12:32 Tweet Share Screenshot/Instagram "bsav"'
    )
    doc = clean(f"{line}\n\n{LEDE}\n\n{LEDE} More.")
    assert doc.headline == "Vučić met with Xi Jinping: ''I am proud of our friendship and achievements''"
    assert doc.lede.startswith("President of Serbia, Aleksandar Vučić, met today")
    got = {b.text: b.kind for b in doc.blocks}
    assert got["Source: B92, Novosti"] == SOURCE_LINE and got["Tuesday, October 17, 2023 | 12:32"] == DATE_LINE
    assert got["PHOTO"] == got["Tweet Share"] == got["Politics"] == CHROME


@pytest.mark.parametrize(
    "text",
    [
        # a one-paragraph wire item signed by its agency: the lede, not a caption
        "Leaders talk trade\n\nPresident Xi Jinping and President Joe Biden spoke by phone on Monday. AFP",
        # a lede that a caption far below repeats is still the lede
        "Leaders talk trade\n\nPutin and Xi met in Moscow on Monday to discuss trade.\n\n"
        + "\n\n".join([LEDE] * 4)
        + "\n\nPutin and Xi met in Moscow on Monday to discuss trade. (AP Photo/Alexander Zemlianichenko)",
        # a parenthesis quoting the readouts is no credit, though it names the White House
        f"Leaders talk trade\n\n{LEDE}\n\nU.S. and Russian accounts of the phone call were friendly. (White House: "
        '"The conversation was a very good one." Kremlin: "The conversation was businesslike.")',
        # a participle after a comma, then the sentence's own verb
        f"Leaders talk trade\n\n{LEDE}\n\nPutin, being pressed by reporters, said he would not attend the summit.",
    ],
)
def test_caption_rules_never_take_an_article_sentence(text):
    body = " ".join(b.text for b in clean(text).body)
    for sentence in (
        "spoke by phone on Monday",
        "met in Moscow on Monday to discuss trade.",
        "being pressed",
        "accounts of the phone call",
    ):
        if sentence in text.split("(AP")[0]:
            assert sentence in body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a line in another script under an English report (a comment form) is chrome
        ("Пожалуйста, введите ваш комментарий!", CHROME),
        # a sentence that opens and ends alike is no caption printed twice
        ("The two leaders said that the talks were held in a friendly way and the two leaders said.", PARAGRAPH),
        # a publication stamp inside the page is not article text
        ("Publish Date : 10 April 2020 14:47 PM", CHROME),
    ],
)
def test_lines_between_article_paragraphs(line, kind):
    k = kinds(f"{LEDE}\n\n{LEDE} More.\n\n{line}\n\n{LEDE} Again.")
    assert k[line] == kind and k[f"{LEDE} Again."] == PARAGRAPH


def test_the_issuing_offices_signature_in_capitals_under_a_release_is_chrome():
    doc = clean(
        f"{LEDE}\n\nThe two leaders also discussed trade.\n\nPUBLIC RELATIONS SERVICE OF THE GOVERNMENT OF MONTENEGRO"
    )
    assert doc.blocks[-1].kind == CHROME and len(doc.paragraphs) == 2


def test_a_reporters_line_under_the_headline_is_chrome_and_no_end_of_the_article():
    text = (
        "Sissi calls to congratulate Netanyahu\n\nPhone call between Egyptian and Israeli leaders comes days after "
        "a warning to Israel.\n\nLazar Berman is The Times of Israel's diplomatic reporter\n\n"
        f"{LEDE}\n\n{LEDE} More."
    )
    k = kinds(text)
    assert k["Lazar Berman is The Times of Israel's diplomatic reporter"] == CHROME
    assert k[f"{LEDE} More."] == PARAGRAPH


def test_a_names_pop_up_card_glued_into_a_sentence_is_cut_and_the_name_kept():
    line = (
        "President TrumpDonald John TrumpNew Bob Woodward book will include details of 25 letters | Trump grabs "
        "'third rail' of politics MORE on Thursday spoke with Turkish President Recep Tayyip Erdogan about Syria."
    )
    body = [b.text for b in clean(f"Trump, Erdogan hold phone call\n\n{line}\n\n{LEDE}").body]
    assert body[0] == "President Trump on Thursday spoke with Turkish President Recep Tayyip Erdogan about Syria."


def test_an_also_read_box_inside_the_article_is_chrome_and_the_article_goes_on():
    text = (
        f"{LEDE}\n\nAlso Read\n\nHeading to India with a clear focus, says Rishi Sunak ahead of G20 Summit\n\n"
        f"{LEDE} More, as the two leaders discussed Ukraine, trade, energy and security in detail."
    )
    k = kinds(text)
    assert k["Heading to India with a clear focus, says Rishi Sunak ahead of G20 Summit"] == CHROME
    assert k[f"{LEDE} More, as the two leaders discussed Ukraine, trade, energy and security in detail."] == PARAGRAPH


@pytest.mark.parametrize(
    "header",
    [
        "You are here:\n  1. Latest News\n  2. India News\n  3. {title}\n{title}",
        "You are here: 1. Latest News\n  2. India News\n  3. {title}\n{title}",
        "HomeBreaking News{title}\n{title}",
        "Home / World / {title}\n{title}",
    ],
)
def test_breadcrumbs_before_the_title_are_chrome_and_the_title_line_is_the_headline(header):
    title = "Modi meets French President Macron for one-on-one talks"
    doc = clean(header.format(title=title) + f"\n{LEDE}\n{LEDE2}")
    assert doc.headline == title
    assert [b.text for b in doc.body] == [LEDE, LEDE2]


def test_a_numbered_list_whose_last_item_is_not_printed_again_keeps_that_item():
    doc = clean(f"  1. Latest News\n  2. Modi meets French President Macron for one-on-one talks\n{LEDE}\n{LEDE2}")
    assert doc.headline is not None and doc.headline.endswith("Modi meets French President Macron for one-on-one talks")


def test_a_caption_reworded_next_to_its_credited_copy_is_a_caption_and_the_lede_stays():
    alt = (
        "U.S. President Joe Biden speaks during a virtual joint press conference with Justin Trudeau, Canada's "
        "prime minister, in the East Room of the White House in Washington, D.C., U.S., on Tuesday, Feb. 23"
    )
    caption = (
        "President Biden speaks during a virtual joint press conference with Justin Trudeau, Canada's prime "
        "minister, in the East Room of the White House in Washington, D.C., U.S., on Tuesday. Photo: Pete "
        "Marovich/The New York Times/Bloomberg via Getty Images"
    )
    lede = (
        "President Biden and Canadian Prime Minister Justin Trudeau held a virtual joint press conference on Tuesday."
    )
    doc = clean(f"Biden and Trudeau announce partnership roadmap\n{alt}\n{caption}\n{lede}\n{LEDE2}")
    assert [b.text for b in doc.body] == [lede, LEDE2]
    assert doc.lede == lede
