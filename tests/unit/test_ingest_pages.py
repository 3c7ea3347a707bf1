"""Realistic page dumps from imagined outlets, one per kind of page furniture.

Each ``tests/data/pages/NAME.txt`` has a ``NAME.json`` with what the cleaner must find:
title, published, byline, source (and agency), first and last paragraph, paragraph
count, lines that must be dropped, and text that must survive intact.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import ingest

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
CASES = sorted(PAGES.glob("*.json"))


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_enough_cases() -> None:
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_page(case: Path) -> None:
    want = json.loads(case.read_text(encoding="utf-8"))
    [article] = ingest.parse_file(case.with_suffix(".txt"))
    published = None
    if article.published:
        fmt = "%Y-%m-%dT%H:%M" if article.published_has_time else "%Y-%m-%d"
        published = article.published.strftime(fmt)
    assert article.title == want["title"]
    assert published == want["published"]
    assert article.byline == want["byline"]
    assert article.source == want["source"]
    if "agency" in want:
        assert article.agency == want["agency"]
    assert article.body[0] == normalise(want["first"])
    assert article.body[-1] == normalise(want["last"])
    assert len(article.body) == want["paragraphs"]
    body = {normalise(p) for p in article.body}
    explained = {normalise(d.text) for d in article.dropped}
    for line in want["dropped"]:
        assert normalise(line) not in body, line
        assert normalise(line) in explained, line
    joined = " ".join(article.body)
    for text in want.get("contains", []):
        assert text in joined
