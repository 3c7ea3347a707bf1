"""Property-based tests: random bytes and random (hostile) Unicode through the whole ingest
path. Nothing but a ReaderError comes out, and nothing stored carries control, escape or
bidi characters.

``RELIABILITY_EXAMPLES`` sets the examples per property (default 150; 60 with ``CI`` set).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.models import ParsedArticle
from reader.store import Store
from tests.reliability.conftest import assert_inert, assert_store_sound, scaled
from tests.reliability.hostile import html_page, markdown_doc, rss_feed, text_dump

EXAMPLES = int(os.environ.get("RELIABILITY_EXAMPLES", scaled(150, 60)))
FORMATS = ["text", "html", "markdown", "feed", None]
EXTENSIONS = {"text": ".txt", "html": ".html", "markdown": ".md", "feed": ".xml"}

SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)

HOSTILE_PIECES = st.sampled_from(
    [
        "\x1b[2J",
        "\x1b[H",
        "\x1b[31m",
        "\x1b]8;;https://evil.example\x1b\\",
        "\x1b]8;;\x07",
        "\x1b]52;c;cm0gLXJm\x07",
        "\x1b]2;title\x07",
        "\x1bP$q\x1b\\",
        "\x1b",
        "\x9b31m",
        "\x9d0;t\x9c",
        "\x00",
        "\x07",
        "\x08",
        "\r",
        "\r\n",
        "\x7f",
        "\u202e",
        "\u202d",
        "\u2066",
        "\u2069",
        "\u200b",
        "\u200f",
        "\ufeff",
        "\u2028",
        "\ud800",
        "[bold]",
        "[/]",
        "[link=https://evil.example]",
        "<script>x</script>",
        "&#x1b;",
        "&#27;[2J",
        "&#x9b;",
        "&#x202e;",
        "&#0;",
        "&#x9d;",
        "&#x7f;",
        "&#x81;",
        "&#x1b;]8;;x&#x1b;\\",
        "<!ENTITY x 'y'>",
        "]]>",
        "<![CDATA[",
        "\t",
        "\n\n",
        "é",
        "e\u0301",
        "Ã©",
        "â€™",
        "Geneva",
        "Petrova said on Monday",
        " ",
    ]
)
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=20)), max_size=40).map("".join)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _wrapped(fmt: str | None, text: str) -> str:
    """The hostile text placed where a real document has its title and body."""
    paragraphs = [
        text,
        "Foreign Minister Elena Petrova said on Monday that talks would resume.",
        text,
    ]
    if fmt == "html":
        return html_page(title=text, paragraphs=paragraphs)
    if fmt == "markdown":
        return markdown_doc(title=text, paragraphs=paragraphs)
    if fmt == "feed":
        return rss_feed([(text, " ".join(paragraphs))])
    return text_dump(title=text, paragraphs=paragraphs)


def check_parsed(articles: list[ParsedArticle]) -> None:
    for article in articles:
        assert_inert("title", article.title)
        assert "\n" not in article.title
        for para in article.body:
            assert_inert("paragraph", para)
            assert "\n" not in para
        for label in ("raw_text", "markdown", "byline", "source", "agency", "url", "language"):
            assert_inert(label, getattr(article, label))


def _parse(data: bytes, fmt: str | None) -> list[ParsedArticle]:
    from reader.ingest import parse_bytes

    try:
        return parse_bytes(data, name="random-input", fmt=fmt)
    except ReaderError:
        return []


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(data=st.binary(max_size=4096))
def test_random_bytes_parse_or_fail_cleanly(fmt: str | None, data: bytes) -> None:
    check_parsed(_parse(data, fmt))


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(text=HOSTILE_TEXT)
def test_random_unicode_parses_inert(fmt: str | None, text: str) -> None:
    check_parsed(_parse(_encode(text), fmt))


@pytest.mark.parametrize("fmt", FORMATS)
@SETTINGS
@given(text=HOSTILE_TEXT)
def test_hostile_text_inside_documents_parses_inert(fmt: str | None, text: str) -> None:
    check_parsed(_parse(_encode(_wrapped(fmt, text)), fmt))


@pytest.mark.parametrize("fmt", ["text", "html", "markdown", "feed"])
@SETTINGS
@given(text=HOSTILE_TEXT, raw=st.binary(max_size=512), utf16=st.booleans())
def test_import_of_random_files_stores_only_inert_text(
    fmt: str, text: str, raw: bytes, utf16: bool
) -> None:
    from reader.importer import import_paths

    content = _wrapped(fmt, text)
    data = content.encode("utf-16-le", "surrogatepass") if utf16 else _encode(content) + raw
    store = Store.memory()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{EXTENSIONS[fmt]}"
        path.write_bytes(data)
        report = import_paths(store, [path])
    for outcome in report.failed:
        assert outcome.error and "\n" not in outcome.error
        assert_inert("error message", outcome.error.replace(str(path), ""))
    assert_store_sound(store)
    store.close()
