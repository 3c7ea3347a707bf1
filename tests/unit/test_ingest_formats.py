"""HTML, Markdown and feed input, format sniffing, directory walking and error cases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader import ingest
from reader.errors import IngestError

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


# ---------------------------------------------------------------- HTML


def test_html_main_content_and_metadata() -> None:
    [article] = ingest.parse_file(PAGES / "sample_page.html")
    assert article.format == "html"
    assert article.title == "Port workers end strike after pay deal"
    assert article.published is not None
    assert article.published.isoformat() == "2025-03-04T07:15:00+00:00"
    assert article.published_has_time
    assert article.byline == "Ines Varga"
    assert article.source == "Harbour Post"
    assert article.url == "https://harbourpost.example/news/port-strike-ends"
    assert article.language == "en"
    assert article.body[0].startswith("Dock workers at the city's container port")
    assert article.body[-1].startswith("Exporters welcomed the deal")
    assert "Night-shift bonus of 600 euros" in article.body
    joined = " ".join(article.body)
    for junk in (
        "Home",
        "Subscribe to our newsletter",
        "Council approves new bridge",
        "All rights",
    ):
        assert junk not in joined
    assert article.title not in article.body


def test_html_markdown_keeps_structure_and_drops_scripts() -> None:
    [article] = ingest.parse_file(PAGES / "sample_page.html")
    markdown = article.markdown or ""
    assert "**4.5 per cent**" in markdown
    assert "[brokered by the state mediator](https://harbourpost.example/mediation)" in markdown
    assert "> " in markdown
    assert "- Night-shift bonus of 600 euros" in markdown
    assert "*cost of the delays*" in markdown
    for unsafe in ("alert", "document.title", "color: red", "ads.example", "\x1b"):
        assert unsafe not in markdown
        assert unsafe not in " ".join(article.body)


def test_small_html_page_uses_fallback() -> None:
    html = (
        b"<html><head><title>Tiny page</title><script>evil()</script></head><body>"
        b"<nav>Home | About</nav><main><h1>Tiny page</h1><p>One short paragraph.</p></main>"
        b"<footer>Contact</footer></body></html>"
    )
    [article] = ingest.parse_bytes(html, name="tiny.html", fmt="html")
    assert article.title == "Tiny page"
    assert article.body == ("One short paragraph.",)


# ---------------------------------------------------------------- Markdown


def test_markdown_front_matter_and_body() -> None:
    [article] = ingest.parse_file(PAGES / "sample_article.md")
    assert article.format == "markdown"
    assert article.title == "Glacier retreat speeds up in the Alps"
    assert article.published is not None
    assert article.published.isoformat() == "2024-09-18T06:30:00+00:00"
    assert article.byline == "Lena Moser"
    assert article.source == "Alpine Review"
    assert article.url == "https://alpinereview.example/glaciers"
    assert article.body[0].startswith("Swiss glaciers lost 2.4 per cent of their remaining volume")
    assert "\n" not in article.body[0]
    assert (
        '"We are watching the glaciers disappear in real time," said glaciologist Matthias Huss.'
        in article.body
    )
    assert "The Rhône glacier retreated 40 metres" in article.body
    assert article.body[-1] == "The network will publish a full report in the spring."
    assert "[dry winter](https://alpinereview.example/winter)" in (article.markdown or "")
    assert not (article.markdown or "").startswith("---")


def test_markdown_without_front_matter_takes_first_heading() -> None:
    data = b"Intro line before\n\n# Bridge reopens after repairs\n\nTraffic flows *again*.\n"
    [article] = ingest.parse_bytes(data, name="note.md", fmt="markdown")
    assert article.title == "Bridge reopens after repairs"
    assert article.body == ("Intro line before", "Traffic flows again.")


# ---------------------------------------------------------------- feeds


def test_rss_feed_entries() -> None:
    articles = ingest.parse_file(PAGES / "sample_feed.rss")
    assert [a.title for a in articles] == [
        "Ferry service resumes after storm",
        "Council votes to expand cycle lanes",
    ]
    first, second = articles
    assert first.format == "feed"
    assert first.source == "Lakeside Gazette"
    assert first.byline == "Tom Okafor"
    assert first.url == "https://lakeside.example/ferry"
    assert first.source_key.endswith("sample_feed.rss#https://lakeside.example/ferry")
    assert first.published is not None
    assert first.published.isoformat() == "2024-12-10T12:05:00+00:00"
    assert first.body == (
        "The lake ferry resumed its full timetable on Tuesday after three days of cancellations.",
        "Operators said the winter timetable would apply until March.",
    )
    assert "**full timetable**" in (first.markdown or "")
    assert "alert" not in (first.markdown or "")
    assert second.body == ("The town council approved 12 km of new cycle lanes on Monday.",)
    assert first.language == "en"


def test_feed_strings_are_sanitised() -> None:
    articles = ingest.parse_file(PAGES / "sample_feed.rss")
    for article in articles:
        for text in (article.title, article.source or "", *article.body):
            assert "\x1b" not in text and "\x07" not in text


def test_atom_feed_entry() -> None:
    [entry] = ingest.parse_file(PAGES / "sample_feed.atom")
    assert entry.title == "Rail line to reopen in spring"
    assert entry.source == "Valley Observer"
    assert entry.byline == "Ada Kim"
    assert entry.source_key.endswith("#urn:uuid:rail-1")
    assert entry.body == (
        "The valley rail line will reopen in April after a two-year rebuild, the operator said.",
        "Trains will run every 30 minutes.",
    )


def test_feed_with_entity_declarations_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<rss version='2.0'><channel><title>T</title>"
        b"<item><title>&b;</title></item></channel></rss>"
    )
    with pytest.raises(IngestError, match="entities"):
        ingest.parse_bytes(data, name="bomb.xml", fmt="feed")


@pytest.mark.parametrize(
    "data",
    [b"just some words, not xml", b"<?xml version='1.0'?><root><a>1</a></root>"],
)
def test_invalid_feed(data: bytes) -> None:
    with pytest.raises(IngestError, match="invalid feed") as info:
        ingest.parse_bytes(data, name="bad.xml", fmt="feed")
    assert str(info.value).startswith("bad.xml: ")


# ---------------------------------------------------------------- sniffing


def test_extension_that_lies_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_bytes((PAGES / "sample_page.html").read_bytes())
    [article] = ingest.parse_file(page)
    assert article.format == "html"
    feed = tmp_path / "feed.unknown"
    feed.write_bytes((PAGES / "sample_feed.atom").read_bytes())
    assert ingest.parse_file(feed)[0].format == "feed"


def test_unknown_extension_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "dump.page"
    path.write_text("Storm closes mountain pass\n\nSnow blocked the road on Sunday.\n")
    [article] = ingest.parse_file(path)
    assert (article.format, article.title) == ("text", "Storm closes mountain pass")
    assert article.source_key == str(path.resolve())
    assert article.path == str(path)


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"%PDF-1.4 binary", "not a text file"),
        (bytes(range(256)) * 4, "not a text file"),
        (b"Skip to main content\n\nSubscribe to our newsletter\n", "no article content"),
    ],
    ids=["empty", "blank", "bom-only", "pdf", "binary", "no-content"],
)
def test_file_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason) as info:
        ingest.parse_file(path)
    assert info.value.source == str(path)
    assert "\n" not in str(info.value)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Headline of a large page\n\n" + b"word " * 400)
    with pytest.raises(IngestError, match="too large"):
        ingest.parse_file(path, max_bytes=1000)
    with pytest.raises(IngestError, match="too large"):
        ingest.parse_bytes(path.read_bytes(), name="-", max_bytes=1000)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="cannot read"):
        ingest.parse_file(tmp_path / "nope.txt")
    with pytest.raises(IngestError, match="directory"):
        ingest.parse_file(tmp_path)


# ---------------------------------------------------------------- directory walking


def test_iter_source_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b" / "c.md").write_text("x")
    (tmp_path / "b" / "d.HTML").write_text("x")
    (tmp_path / "b" / "skip.pdf").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "e.txt").write_text("x")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)
    explicit = tmp_path / "notes.page"
    explicit.write_text("x")
    found = list(ingest.iter_source_files([tmp_path, explicit, tmp_path / "missing.txt"]))
    paths = [p for p in found if isinstance(p, Path)]
    errors = [e for e in found if isinstance(e, IngestError)]
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "a.txt",
        "b/c.md",
        "b/d.HTML",
        "notes.page",
    ]
    assert len(errors) == 1 and "no such file" in errors[0].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read everything")
def test_unreadable_directory_yields_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        found = list(ingest.iter_source_files([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert any(isinstance(item, IngestError) for item in found)


def test_supported_extensions() -> None:
    assert {".txt", ".html", ".htm", ".md", ".markdown", ".xml", ".rss", ".atom"} <= (
        ingest.SUPPORTED_EXTENSIONS
    )
