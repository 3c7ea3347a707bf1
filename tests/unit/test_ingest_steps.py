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
        textdump.drop_repeated_title,
        "Standfirst\nHarbour reopens\nBody.",
        "Harbour reopens",
        ["Standfirst", "Body."],
        ["repeated-headline"],
    ),
    (textdump.drop_duplicates, "Lead.\nMore.\nLead.", "", ["Lead.", "More."], ["duplicate"]),
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
