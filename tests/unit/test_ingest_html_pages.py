"""Realistic HTML article pages (navigation, cookie banner, figures, related lists, ads,
JSON-LD): the HTML path must find the metadata and keep only the article in the body.

Each ``tests/data/pages/html/NAME.html`` has a ``NAME.json`` with the expected title,
published, byline, source, first and last paragraph, text that must not reach the body
(captions, related links, cookie and newsletter text) and text that must stay.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import ingest

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages" / "html"
CASES = sorted(PAGES.glob("*.json"))


def test_enough_cases() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_html_page(case: Path) -> None:
    want = json.loads(case.read_text(encoding="utf-8"))
    [article] = ingest.parse_file(case.with_suffix(".html"))
    published = None
    if article.published:
        fmt = "%Y-%m-%dT%H:%M" if article.published_has_time else "%Y-%m-%d"
        published = article.published.strftime(fmt)
    assert article.title == want["title"]
    assert published == want["published"]
    assert article.byline == want["byline"]
    assert article.source == want["source"]
    assert article.body[0] == want["first"]
    assert article.body[-1] == want["last"]
    joined = "\n".join(article.body)
    assert [text for text in want["not_in_body"] if text in joined] == []
    assert [text for text in want["in_body"] if text not in joined] == []
    assert article.markdown and "<script" not in article.markdown
