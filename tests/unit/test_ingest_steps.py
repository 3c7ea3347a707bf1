"""Each cleaning step and line rule on its own, as tables of cases."""

from __future__ import annotations

import doctest
import importlib

import pytest

from reader.ingest import junk, metadata, textdump
from reader.ingest.textdump import CleanContext, split_lines

LINE_RULES = [
    ("Skip to main content", "navigation"),
    ("Home › World › Europe", "navigation"),
    ("Daily Planet | Politics", "navigation"),
    ("°®Âþµº", "mojibake"),
    ("Ìý", "mojibake"),
    ("icon closeicon menuicon searchicon share", "icon-names"),
    ("|", "separator"),
    ("* * *", "separator"),
    ("2 min read", "reading-time"),
    ("1 min", "reading-time"),
    ("Reading time: 6 minutes", "reading-time"),
    ("0:00", "podcast-timestamp"),
    ("1:02:33", "podcast-timestamp"),
    ("Podcasts", "podcast"),
    ("We use cookies to improve your experience on our website.", "cookie-notice"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Subscribe to our newsletter", "newsletter"),
    ("Comments are closed for this article.", "comment-policy"),
    ("Dear readers! Please register to comment and read our commenting policy.", "comment-policy"),
    ("(This article was auto-generated from a syndicated feed.)", "syndication-note"),
    ("© 2025 Daily Planet. All rights reserved.", "footer"),
    ("Privacy Policy | Terms of Use", "footer"),
    ("Advertisement", "advert"),
    ("Story continues below advertisement", "advert"),
    ("Tags: energy, gas, Europe", "tags"),
    ("Read more: Ministers reject pipeline plan", "related-link"),
    ("Facebook Twitter WhatsApp Email", "share-list"),
    ("Follow us on Telegram", "share-list"),
    ("Reporting by Ana Ruiz; Editing by Tom Lee", "credits"),
    ("Rescue teams search the rubble in Antakya [AFP via Getty Images]", "caption"),
    ("Protesters gather outside parliament © Daily Planet", "caption"),
    ("Photo: Police at the scene on Sunday", "caption"),
    ("Firefighters battle the blaze near Athens (Reuters)", "caption"),
    ("3 / 12", "caption"),
    ("Image source, Getty Images", "caption"),
    ("Image caption, Troops patrol the border near Kursk", "caption"),
    ("Cargo ships wait off the port, May 2, 2025. REUTERS/Ann Lee/File Photo", "caption"),
    ("Smoke rises over the ridge on Monday. (Jo Park/The Valley Times)", "caption"),
    ("Next image", "navigation"),
    ("View all 14 photos", "navigation"),
    ("Show key events only", "navigation"),
    ("Skip next section Related content", "navigation"),
    ("Click here to share on social media", "share-list"),
    ("https://example.com/p/4xYz2", "navigation"),
    ("share2", "navigation"),
    ("Home | News | Business | Opinion", "navigation"),
    ("Please enable JavaScript to view this page.", "navigation"),
    ("Larger text size", "navigation"),
    ("Advertisement - Scroll to continue", "advert"),
    ("Sponsored Content by Acme Motors", "advert"),
    ("Video Ad Feedback", "advert"),
    ("Already a subscriber? Log in", "paywall"),
    ("Get unlimited digital access for $2 a week.", "paywall"),
    ("The views expressed here are the author's own.", "disclaimer"),
    ("Our Standards: The Trust Principles.", "footer"),
    ("License this article", "footer"),
    ("Citation: Snails slow down (2025, March 4) retrieved 5 March 2025", "footer"),
    ("Your email address will not be published. Required fields are marked *", "comment-policy"),
    ("Leia também: Câmara aprova novo orçamento", "related-link"),
    ("Click to share on WhatsApp", "share-list"),
    ("Connect via Twitter or email.", "share-list"),
    ("Edited by: Sean Lee", "credits"),
    ("(With inputs from PTI)", "credits"),
    ("01:12 - Source: CNN", "caption"),
    ("list 2 of 3", "related-list"),
    ("An official website of the United States government", "navigation"),
    ("Here’s how you know", "navigation"),
    ("FOR IMMEDIATE RELEASE", "release-label"),
    ("Embargoed until 00:01 GMT, 5 June", "release-label"),
    ("Media contact: Jo Park, 555-0142", "contact"),
    ("(555) 201-4470 | press@agency.example.gov", "contact"),
    ("Tel: +44 20 7946 0958", "contact"),
    ("Contact Ann Lee at alee@example.com or follow her on X @annlee.", "contact"),
    ("Share your feedback to help improve our site experience!", "feedback"),
    ("1.2K Likes", "engagement"),
    ("3 Restacks", "engagement"),
    ("Updated: 2 hours ago", "relative-time"),
    ("This article has been translated from Spanish.", "translation-note"),
    ("Translated by Ana Ruiz", "translation-note"),
    ("Read this article in German", "translation-note"),
    ("Deutsch | English | Français", "navigation"),
    ("Thanks for reading The Dispatch! Subscribe for free to receive new posts.", "newsletter"),
    ("Thanks for reading! Grid Notes is a reader-supported publication.", "newsletter"),
    ("The post Dock reopens appeared first on Pier Times.", "syndication-note"),
    ("12. https://www.example.org/reports/2025.pdf", "link-reference"),
    ("With material from dpa", "credits"),
]
CONTENT_LINES = [
    "The minister said talks would resume in spring.",
    "Future of Russian Military Bases in Syria",
    "By contrast, exports rose by 4 per cent in March.",
    "He said the decision was final (Reuters).",
    "Subscribers to the service will see prices rise, the company said in a statement on Monday.",
    "The report cited a “cookie-cutter approach” to regulation.",
    "Moscow, July 31 (AP) – Russia's top diplomat welcomed the visit.",
    "Kyiv/Moscow talks collapse",
    "Show trials resumed in the capital on Monday.",
    "Access to the site was restricted after the attack, officials said.",
    "The court heard the photos were taken by a neighbour (Jo Park/The Valley Times).",
    "The views of residents were mixed, a survey found.",
    "Click Frenzy sales rose 12% this year.",
    "Correction: An earlier version of this article misstated the size of the grant.",
    "Q: You turned down the commission. Why?",
    "A: No.",
    "Call the hotline on 0800 555 0199 if you are worried about your water.",
    "The 2024-2025 budget rose by 4 per cent.",
    "Contact with the crew was lost at 14:20, the coastguard said.",
    "Thanks to the new rules, 120 projects moved up the queue.",
    "The post office in the village closed in 2019.",
    "English and German are both official languages there.",
]


@pytest.mark.parametrize(("line", "rule"), LINE_RULES)
def test_classify_line_drops(line: str, rule: str) -> None:
    assert junk.classify_line(line) == rule


@pytest.mark.parametrize("line", CONTENT_LINES)
def test_classify_line_keeps_content(line: str) -> None:
    assert junk.classify_line(line) is None


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Tags", "tags"),
        ("Related", "related-list"),
        ("Recommended For You", "related-list"),
        ("More from Europe", "related-list"),
        ("You may also like", "related-list"),
        ("12 Comments", "comment-policy"),
        ("comments (123)", "comment-policy"),
        ("Have your say", "comment-policy"),
        ("Most viewed", "related-list"),
        ("Most Viewed in National", "related-list"),
        ("Explore more on these topics", "related-list"),
        ("Suggested Topics:", "related-list"),
        ("More Opinion", "related-list"),
        ("Latest News", "related-list"),
        ("Subscribe to continue reading", "paywall"),
        ("Sponsored", "advert"),
        ("Discussion about this post", "comment-policy"),
        ("Related Press Releases", "related-list"),
        ("Mehr zum Thema", "related-list"),
        ("References", "link-references"),
        ("###", "end-mark"),
        ("-30-", "end-mark"),
        ("More storms expected on the coast this week", None),
        ("A quiet revolution in farming", None),
    ],
)
def test_tail_heading(line: str, rule: str | None) -> None:
    assert junk.tail_heading(line) == rule


@pytest.mark.parametrize(
    ("line", "iso", "has_time"),
    [
        ("26 December, 2024", "2024-12-26T00:00:00+00:00", False),
        ("29 Dec, 2024 15:53", "2024-12-29T15:53:00+00:00", True),
        ("Updated : Jul 31, 2025 17:54", "2025-07-31T17:54:00+00:00", True),
        ("Published: March 4, 2025 9:30 am GMT", "2025-03-04T09:30:00+00:00", True),
        ("Thursday 6 March 2025 14.20 GMT", "2025-03-06T14:20:00+00:00", True),
        ("2025-01-02T10:00:00+02:00", "2025-01-02T08:00:00+00:00", True),
        ("Last updated: 05/11/2025 18:40 CET", "2025-05-11T17:40:00+00:00", True),
        ("December 3rd, 2024 at 4 p.m.", "2024-12-03T16:00:00+00:00", True),
        ("26.12.2024", "2024-12-26T00:00:00+00:00", False),
        ("Updated 0412 GMT (1212 HKT) March 3, 2025", "2025-03-03T04:12:00+00:00", True),
        ("March 5, 2025 11:42 AM GMT+1 Updated 2 hours ago", "2025-03-05T10:42:00+00:00", True),
        ("Fri 7 Mar 2025 07.12 CET", "2025-03-07T06:12:00+00:00", True),
        ("March 6, 2025 — 5.47pm", "2025-03-06T17:47:00+00:00", True),
        ("Published 6:05 a.m. MT March 21, 2025", "2025-03-21T12:05:00+00:00", True),
        ("14.03.2025, 09:12 Uhr", "2025-03-14T09:12:00+00:00", True),
        ("Jan. 9, 2025 8:00 a.m. MT", "2025-01-09T15:00:00+00:00", True),
    ],
)
def test_parse_date_line(line: str, iso: str, has_time: bool) -> None:
    found = metadata.parse_date_line(line)
    assert found is not None
    assert found.value.isoformat() == iso
    assert found.has_time is has_time


@pytest.mark.parametrize(
    "line",
    [
        "The vote took place on 26 December, 2024.",
        "Flight 2024 landed",
        "Room 12:30 booked by staff",
    ],
)
def test_parse_date_line_rejects_sentences(line: str) -> None:
    assert metadata.parse_date_line(line) is None


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Yuri Pokov", "Yuri Pokov"),
        ("By JANE DOE", "JANE DOE"),
        ("By Maria de la Cruz in Madrid", "Maria de la Cruz"),
        ("Written by: Omar Haddad", "Omar Haddad"),
        ("Coastline Times News Desk", "Coastline Times News Desk"),
        ("By the end of the week, the talks had stalled.", None),
        ("By 2030 the plant will close", None),
        ("By Owen Tremblay · The Valley Wire", "Owen Tremblay"),
        ("By Wendy Leung and Marcus Hale, CNN", "Wendy Leung and Marcus Hale"),
        ("by University of Otago", "University of Otago"),
        ("Anna Schmidt (with AFP, Reuters)", "Anna Schmidt"),
        ("By MARK DELGADO Associated Press", "MARK DELGADO"),
        ("By Ann Lee, Reuters", "Ann Lee"),
        ("Interview by Samuel Achebe", "Samuel Achebe"),
        ("Story by Jo Park", "Jo Park"),
        ("Newsroom", None),
    ],
)
def test_parse_byline(line: str, byline: str | None) -> None:
    assert metadata.parse_byline(line) == byline


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("questions to feedback@rttv.ru please", "RT"),
        ("see https://www.theguardian.com/world", "The Guardian"),
        ("mail desk@unknown-outlet.example", None),
    ],
)
def test_outlet_from_domain(text: str, outlet: str | None) -> None:
    assert metadata.outlet_from_domain(text) == outlet


@pytest.mark.parametrize(
    ("text", "footer", "outlet"),
    [
        (
            "© 2025 Valley News Network. A Acme Company. All Rights Reserved.",
            True,
            "Valley News Network",
        ),
        ("© 2025 Folha do Planalto. Todos os direitos reservados.", True, "Folha do Planalto"),
        ("Copyright The Pacific Times Ltd 2025. All rights reserved.", True, "The Pacific Times"),
        ("Harbour Daily © 2025", True, "Harbour Daily"),
        ("Copyright 2025 The Associated Press. All Rights Reserved.", True, "AP"),
        ("Copyright 2025 The Associated Press. All Rights Reserved.", False, None),
        ("© 2025 Al Jazeera Media Network", True, "Al Jazeera"),
        ("Troops on patrol © AFP / Getty Images", False, None),
    ],
)
def test_outlet_from_copyright(text: str, footer: bool, outlet: str | None) -> None:
    assert metadata.outlet_from_copyright(text, agency_is_outlet=footer) == outlet


def run(step: textdump.Step, text: str, title: str = "") -> tuple[list[str], list[str]]:
    ctx = CleanContext(title=title)
    kept = step(split_lines(text), ctx)
    return [line.text for line in kept], [d.rule for d in ctx.dropped]


STEP_CASES = [
    (textdump.drop_furniture, "Skip to main content\nBody.", "", ["Body."], ["navigation"]),
    (textdump.drop_furniture, "3 Jan 2025\nBody.", "", ["Body."], ["date line (-> published)"]),
    (
        textdump.take_title,
        "Opinion\nA long headline about ports\nBody.",
        "",
        ["Body."],
        ["navigation", "headline (-> title)"],
    ),
    (
        textdump.take_title,
        "Daily Planet\nCouncil approves new harbour bridge\nBody.",
        "",
        ["Body."],
        ["navigation", "headline (-> title)"],
    ),
    (
        textdump.cut_tail_sections,
        "Body one.\nRelated\nHeadline one\nHeadline two",
        "",
        ["Body one."],
        ["related-list"] * 3,
    ),
    (textdump.cut_tail_sections, "Related\nBody one.", "", ["Related", "Body one."], []),
    (
        textdump.strip_link_labels,
        "Shares in Acme (ACME.L), opens new tab rose.",
        "",
        ["Shares in Acme (ACME.L) rose."],
        ["link-label"],
    ),
    (
        textdump.drop_furniture,
        "Image caption,\nVillagers wade through floodwater\nBody.",
        "",
        ["Body."],
        ["caption", "caption"],
    ),
    (
        textdump.drop_furniture,
        "1 of 8\nA ferry leaves the harbour\nBody.",
        "",
        ["Body."],
        ["caption", "caption"],
    ),
    (
        textdump.drop_furniture,
        "Sign up to Morning Brief\nThe day's news in five minutes\nFree daily newsletter\nBody.",
        "",
        ["Body."],
        ["newsletter", "newsletter", "newsletter"],
    ),
    (
        textdump.drop_furniture,
        "Body.\nlist of 2 items\nlist 1 of 2\nOther story\nlist 2 of 2\nThird story\n"
        "end of list\nMore text.",
        "",
        ["Body.", "More text."],
        ["related-list"] * 6,
    ),
    (
        textdump.drop_table_of_contents,
        "In this article\nThe site\nThe findings\nIntro.\nThe site\nA.\nThe findings\nB.",
        "",
        ["Intro.", "The site", "A.", "The findings", "B."],
        ["table-of-contents"] * 3,
    ),
    (
        textdump.drop_pull_quotes,
        "Body.\n“We will rebuild every house”\n“We will rebuild every house,” the mayor said.",
        "",
        ["Body.", "“We will rebuild every house,” the mayor said."],
        ["pull-quote"],
    ),
    (
        textdump.take_title,
        "The Harbour Herald\nNews\nWorld\nAsia\nSport\nQuake shakes the northern coast\n"
        "Standfirst on the damage\nA strong earthquake struck the northern coast early on "
        "Monday, damaging homes and cutting power to thousands of people, officials said.",
        "",
        [
            "Standfirst on the damage",
            "A strong earthquake struck the northern coast early on Monday, damaging homes and "
            "cutting power to thousands of people, officials said.",
        ],
        ["navigation"] * 5 + ["headline (-> title)"],
    ),
    (
        textdump.drop_repeated_title,
        "Standfirst\nHarbour reopens\nBody.",
        "Harbour reopens",
        ["Standfirst", "Body."],
        ["repeated-headline"],
    ),
    (textdump.drop_duplicates, "Lead.\nMore.\nLead.", "", ["Lead.", "More."], ["duplicate"]),
    (
        textdump.drop_about_boilerplate,
        "Lead.\nMore.\nAbout Acme Water\nAcme Water supplies 2 million homes.",
        "",
        ["Lead.", "More."],
        ["boilerplate", "boilerplate"],
    ),
    (
        textdump.drop_about_boilerplate,
        "Lead.\nMore.\nAbout the plan\nCouncillors said it would cost more.",
        "",
        ["Lead.", "More.", "About the plan", "Councillors said it would cost more."],
        [],
    ),
    (
        textdump.drop_duplicates,
        "Standfirst\nFull sentence here\nMore.\nFull sentence here.",
        "",
        ["Standfirst", "More.", "Full sentence here."],
        ["caption"],
    ),
    (
        textdump.trim_trailing_agency_tag,
        "Body.\nIt ended, he said. (AP) SKS NPK",
        "",
        ["Body.", "It ended, he said."],
        ["agency-tag"],
    ),
    (
        textdump.trim_trailing_agency_tag,
        "He joined the AP (Associated Press) in 1990 (aged 20).",
        "",
        ["He joined the AP (Associated Press) in 1990 (aged 20)."],
        [],
    ),
]


TRAILING_CASES = [
    ("Ann Lee is a senior fellow at the Ocean Institute.", ["Ann Lee"], "author-bio"),
    ("Lee covers energy for the paper.", ["Ann Lee"], "author-bio"),
    ("ANN LEE", ["Ann Lee"], "author-bio"),
    ("Omar Haddad is a professor of economics at Cairo University.", [], "author-bio"),
    ("Energy", [], "tags"),
    ("Lee said the vote would go ahead.", ["Ann Lee"], None),
    ("The vote is on Friday, the council said in a statement.", [], None),
]


@pytest.mark.parametrize(("line", "bylines", "rule"), TRAILING_CASES)
def test_trailing_furniture(line: str, bylines: list[str], rule: str | None) -> None:
    ctx = CleanContext(bylines=bylines)
    kept = textdump.trim_trailing_furniture(split_lines(f"The story ended there.\n{line}"), ctx)
    assert [d.rule for d in ctx.dropped] == ([rule] if rule else [])
    assert len(kept) == (1 if rule else 2)


def test_header_reads_bare_author_line() -> None:
    text = (
        "Standfirst on the day's talks\nHelena Markou in Athens\n7 Mar 2025\nPolitics\n"
        "The government survived a vote of no confidence on Thursday night after a three-day "
        "debate in parliament, officials said."
    )
    ctx = CleanContext()
    kept = textdump.clean_header(textdump.drop_furniture(split_lines(text), ctx), ctx)
    assert ctx.bylines == ["Helena Markou"]
    assert [line.text[:10] for line in kept] == ["Standfirst", "The govern"]


def test_live_blog_entry_times_are_kept_and_podcast_times_dropped() -> None:
    entry = "Rescuers reached the village after a long night of work in the rain, officials said."
    text = "\n".join(
        ["Body starts here with a first paragraph of reasonable length, as pages have it."]
        + [f"1{i}:0{i} GMT\nEntry {i}\n{entry}" for i in range(3)]
        + ["Podcasts", "0:00", "27:20"]
    )
    ctx = CleanContext()
    kept = [line.text for line in textdump.drop_furniture(split_lines(text), ctx)]
    assert "10:00 GMT" in kept and "12:02 GMT" in kept
    assert "27:20" not in kept


def test_headline_is_found_below_a_lone_banner_sentence() -> None:
    text = (
        "Member Login\nWe bring you independent local journalism every day of the year, and "
        "it is paid for by readers like you.\nNews\nQuake shakes the northern coast\n"
        "A strong earthquake struck the northern coast early on Monday, damaging homes and "
        "cutting power to thousands, officials said.\nRescue teams were searching two "
        "collapsed buildings in the port town, the fire service said in a statement."
    )
    dump = textdump.clean_dump(text)
    assert dump.title == "Quake shakes the northern coast"
    assert dump.body[0].startswith("A strong earthquake")


def test_dates_in_related_lists_are_not_the_publication_date() -> None:
    body = "Floods forced thousands from their homes on Tuesday, officials said in a statement."
    dump = textdump.clean_dump(
        f"Floods force thousands from homes\n{body}\n{body} Again.\nMore on this story\n"
        "Older flood story\n12 July 2024"
    )
    assert dump.published is None


@pytest.mark.parametrize(
    ("step", "text", "title", "kept", "rules"),
    STEP_CASES,
    ids=[f"{case[0].__name__}-{i}" for i, case in enumerate(STEP_CASES)],
)
def test_step(
    step: textdump.Step, text: str, title: str, kept: list[str], rules: list[str]
) -> None:
    assert run(step, text, title) == (kept, rules)


def test_paraphrased_caption_is_dropped_but_subheading_kept() -> None:
    text = (
        "Officials say the northern bridge will reopen to heavy trucks next month.\n"
        "Northern bridge to reopen to heavy trucks next month, officials say\n"
        "The bridge was closed in May after inspectors found cracks.\n"
        "Future of the bridge\n"
        "Engineers said the future of the bridge depends on funding."
    )
    kept, rules = run(textdump.drop_paraphrased_captions, text)
    assert "Future of the bridge" in kept
    assert rules == ["caption"]
    assert len(kept) == 4


def test_hard_wrapped_paragraphs_are_joined() -> None:
    paragraph = ("word " * 14).strip() + "\n"
    text = "Title of the page\n\n" + (paragraph * 3 + "\n") * 3
    lines = split_lines(text)
    assert len(lines) == 4
    assert "\n" not in lines[1].text


def test_wrapped_sentence_boundary_is_joined_by_line_width() -> None:
    """A wrapped line that ends a sentence still continues when the next word would
    not have fitted; a short line ends its paragraph; list items stay apart."""
    para = [
        "The operator of the ferry service will reduce winter sailings by a third from",
        "next month because it cannot recruit enough qualified crew, the company said.",
        "Islanders said the cuts would leave some communities with two crossings a week",
        "and that hospital visits on the mainland would become very hard to arrange.",
    ]
    text = "\n".join(
        ["Ferry cuts", "", *para, "", *para, "", "1. First related story here", "2. Second one"]
    )
    lines = split_lines(text)
    assert [len(line.raw.split("\n")) for line in lines] == [1, 4, 4, 1, 1]


def test_text_browser_link_numbers_and_bullets_are_removed() -> None:
    text = (
        "By [1]Owen Prys | 22 May 2025\n\n   A [2]survey found it.\n     * [3]first item\n\n"
        "References\n\n   1. https://a.example/x\n   2. https://a.example/y\n   3. https://a.example/z"
    )
    lines = split_lines(text)
    assert [line.text for line in lines[:3]] == [
        "By Owen Prys | 22 May 2025",
        "A survey found it.",
        "first item",
    ]
    assert lines[0].raw == "By [1]Owen Prys | 22 May 2025"


def test_bracketed_numbers_stay_without_a_reference_list() -> None:
    assert split_lines("Footnote[1]here and [2]there and [3]again.")[0].text.count("[") == 3


def test_list_under_a_heading_above_the_headline_is_skipped() -> None:
    body = (
        "Copper production fell 6% in February from a year earlier as drought forced mines to "
        "cut water use, government data showed on Wednesday."
    )
    dump = textdump.clean_dump(
        "Trending\nGold hits record high as dollar slips\nFerry operator fined over late sailings\n"
        f"World\nChile's copper output slides\nBy Ana Ruiz\n{body}\n{body} Again."
    )
    assert dump.title == "Chile's copper output slides"
    assert dump.byline == "Ana Ruiz"


def test_sign_off_line_names_the_agency() -> None:
    dump = textdump.clean_dump(
        "Talks resume in Vienna\nDiplomats from six countries met on Monday to resume talks on "
        "the future of the programme, officials said.\nThey meet again on Friday.\n— Reuters"
    )
    assert dump.body[-1] == "They meet again on Friday."
    assert dump.agency == "Reuters"


def test_outlet_prefers_the_masthead_spelling_and_falls_back_to_it() -> None:
    body = (
        "The county board voted on Monday to replace the bridge, which has been limited to one "
        "lane since inspectors found corroded beams."
    )
    page = f"Harbour & Hill\nBridge to be replaced\n{body}\n{body} Again.\n"
    assert textdump.clean_dump(page + "© 2025 Harbour & Hill Media Ltd").source == "Harbour & Hill"
    assert textdump.clean_dump(page).source == "Harbour & Hill"
    assert textdump.clean_dump("Menu\n" + page.split("\n", 1)[1]).source is None


def test_agency_copyright_gives_way_to_the_site_copyright() -> None:
    body = "Federal officials ordered checks on 400 bridges on Thursday after a crack was found."
    dump = textdump.clean_dump(
        f"Bridges to be inspected\n{body}\n{body} Again.\n"
        "Copyright 2025 The Associated Press. All rights reserved.\nCopyright 2025 KXRT."
    )
    assert (dump.source, dump.agency) == ("KXRT", "AP")


def test_press_release_issuer_and_end_mark() -> None:
    body = "The department today announced $48 million in grants to replace lead water pipes."
    dump = textdump.clean_dump(
        f"FOR IMMEDIATE RELEASE\nMarch 3, 2025\nState awards lead pipe grants\n{body}\n"
        f"{body} More.\n###\nMedia contact:\nDana Okafor\ndana@example.gov"
    )
    assert dump.body == (body, f"{body} More.")
    assert {d.rule for d in dump.dropped} >= {"release-label", "end-mark"}


def test_issuer_label_gives_the_source() -> None:
    body = "Three railway lines closed in the 1960s will reopen to passengers by 2028 after the "
    body += "government confirmed its funding today, the department said."
    dump = textdump.clean_dump(
        f"Railway lines to reopen\nFrom:\nDepartment for Transport and Jo Park MP\n{body}\n{body}"
        " Again."
    )
    assert dump.source == "Department for Transport"


def test_author_box_after_the_last_paragraph_is_dropped() -> None:
    ctx = CleanContext(bylines=["Lena Okonkwo"])
    text = (
        "Hold public meetings before drawing a single line.\nLena Okonkwo\n312 Followers\n"
        "Transport planner. Writing about buses and streets."
    )
    kept = textdump.trim_trailing_furniture(split_lines(text), ctx)
    assert [line.text for line in kept] == ["Hold public meetings before drawing a single line."]


def test_programme_label_around_the_headline_is_not_the_title() -> None:
    body = (
        "Wheat growers in Kansas are planting less this year after last spring's drought cut "
        "yields by a third, and some are switching to sorghum."
    )
    dump = textdump.clean_dump(
        "Heard on Morning Edition\nFarmers brace for a second dry spring\nMarch 12, 2025\n"
        f"Heard on Morning Edition\nBy Tomas Rivera\n{body}\n{body} Again."
    )
    assert dump.title == "Farmers brace for a second dry spring"
    assert dump.body[0] == body


def test_header_words_are_not_an_author() -> None:
    body = "South Korea's exports rose for the fifth month in February on chip demand, data showed."
    dump = textdump.clean_dump(
        f"Exports rise for 5th month\nAll News\n12:01 March 1, 2025\n{body}\n{body}"
    )
    assert dump.byline is None


def test_clean_dump_explains_every_drop() -> None:
    dump = textdump.clean_dump("Menu\nTalks resume\n2 min read\nBody text.\nTags\nEurope")
    assert dump.title == "Talks resume"
    assert dump.body == ("Body text.",)
    assert [(d.line_no, d.rule) for d in dump.dropped] == [
        (0, "navigation"),
        (1, "headline (-> title)"),
        (2, "reading-time"),
        (4, "tags"),
        (5, "tags"),
    ]


@pytest.mark.parametrize(
    "module",
    [
        "reader.ingest",
        "reader.ingest.decode",
        "reader.ingest.junk",
        "reader.ingest.metadata",
        "reader.ingest.textdump",
        "reader.ingest.markdown",
        "reader.ingest.html",
        "reader.ingest.feed",
        "reader.ingest.formats",
    ],
)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_wire_byline_names_the_agency() -> None:
    body = "Federal officials ordered checks on 400 bridges on Thursday after a crack was found."
    dump = textdump.clean_dump(
        f"Bridges to be checked\nBy MARK DELGADO Associated Press\n{body}\n{body} Again."
    )
    assert (dump.byline, dump.agency) == ("MARK DELGADO", "AP")
