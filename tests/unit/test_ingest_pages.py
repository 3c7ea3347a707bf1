"""Realistic page dumps from imagined outlets, one per kind of page furniture.

Each ``tests/data/pages/NAME.txt`` has a ``NAME.json`` with what the cleaner must find:
title, published, byline, source (and agency), lines that must be dropped, text that must
survive intact, and either the whole expected body (``body``) or its first and last
paragraph and paragraph count. ``known_gaps`` names checks the cleaner is known to fail
on that page (with ``known_gaps_reason``); they must keep failing until fixed, and then be
removed from the list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import ingest
from reader.models import ParsedArticle

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
CASES = sorted(PAGES.glob("*.json"))


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def published(article: ParsedArticle) -> str | None:
    if article.published is None:
        return None
    fmt = "%Y-%m-%dT%H:%M" if article.published_has_time else "%Y-%m-%d"
    return article.published.strftime(fmt)


def mismatches(article: ParsedArticle, want: dict) -> dict[str, str]:
    """Each failed check, by name, with what was found."""
    found: dict[str, str] = {}
    checks = {
        "title": (article.title, want["title"]),
        "published": (published(article), want["published"]),
        "byline": (article.byline, want["byline"]),
        "source": (article.source, want["source"]),
    }
    if "agency" in want:
        checks["agency"] = (article.agency, want["agency"])
    for name, (got, expected) in checks.items():
        if got != expected:
            found[name] = f"{got!r} != {expected!r}"
    body = [normalise(p) for p in article.body]
    if "body" in want:
        expected_body = [normalise(p) for p in want["body"]]
        if body != expected_body:
            extra = [p for p in body if p not in expected_body]
            missing = [p for p in expected_body if p not in body]
            found["body"] = f"extra {extra!r}, missing {missing!r}"
    elif (body[0], body[-1], len(body)) != (
        normalise(want["first"]),
        normalise(want["last"]),
        want["paragraphs"],
    ):
        found["body"] = f"first {body[0]!r}, last {body[-1]!r}, {len(body)} paragraphs"
    explained = {normalise(d.text) for d in article.dropped}
    kept = set(body)
    leaked = [line for line in want["dropped"] if normalise(line) in kept]
    unexplained = [line for line in want["dropped"] if normalise(line) not in explained]
    if leaked or unexplained:
        found["dropped"] = f"leaked {leaked!r}, unexplained {unexplained!r}"
    joined = " ".join(article.body)
    lost = [text for text in want.get("contains", []) if text not in joined]
    if lost:
        found["contains"] = f"lost {lost!r}"
    return found


def test_enough_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_page(case: Path) -> None:
    want = json.loads(case.read_text(encoding="utf-8"))
    [article] = ingest.parse_file(case.with_suffix(".txt"))
    found = mismatches(article, want)
    known = set(want.get("known_gaps", []))
    fixed = known - set(found)
    assert not fixed, f"known gaps now pass, remove them from known_gaps: {sorted(fixed)}"
    unexpected = {name: detail for name, detail in found.items() if name not in known}
    assert not unexpected
    if known:
        pytest.xfail(want.get("known_gaps_reason", "known gap"))
