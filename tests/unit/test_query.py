"""The library's filter language and the FTS query builder."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reader.query import ArticleFilter, FilterError, fts_query, parse_date_bound, parse_filter

CASES = [
    ("", ArticleFilter()),
    ("naval base", ArticleFilter(text="naval base")),
    ("tag:syria/bases", ArticleFilter(tags=("syria/bases",))),
    ("-tag:x tag:y", ArticleFilter(tags=("y",), not_tags=("x",))),
    ('entity:"Sergei Lavrov"', ArticleFilter(entities=("Sergei Lavrov",))),
    ("source:RT -source:TASS", ArticleFilter(sources=("RT",), not_sources=("TASS",))),
    ("after:2024-12-01", ArticleFilter(after=datetime(2024, 12, 1, tzinfo=UTC))),
    ("before:2025", ArticleFilter(before=datetime(2025, 1, 1, tzinfo=UTC))),
    ("is:unread", ArticleFilter(read=False)),
    ("is:read", ArticleFilter(read=True)),
    ("-is:unread", ArticleFilter(read=True)),
    ("is:starred", ArticleFilter(starred=True)),
    ("has:notes", ArticleFilter(has_notes=True)),
    ("-has:notes", ArticleFilter(has_notes=False)),
    (
        '"long-term and strategic" tag:a',
        ArticleFilter(text='"long-term and strategic"', tags=("a",)),
    ),
    ("TAG:Mixed", ArticleFilter(tags=("Mixed",))),
    ("russia tag:", ArticleFilter(text="russia")),
]


@pytest.mark.parametrize(("line", "expected"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_parse_filter(line: str, expected: ArticleFilter) -> None:
    assert parse_filter(line) == expected


@pytest.mark.parametrize("line", ["after:soon", "before:2024-13", "is:happy", "has:cats"])
def test_bad_filters_raise(line: str) -> None:
    with pytest.raises(FilterError):
        parse_filter(line)


def test_unbalanced_quote_does_not_crash() -> None:
    assert parse_filter('entity:"Lavrov').entities == ("Lavrov",)


def test_date_bounds() -> None:
    assert parse_date_bound("2024-02", end=True) == datetime(2024, 3, 1, tzinfo=UTC)
    assert parse_date_bound("2024-12", end=True) == datetime(2025, 1, 1, tzinfo=UTC)
    assert parse_date_bound("2024-02-29", end=True) == datetime(2024, 3, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lavrov", '"Lavrov"'),
        ('"naval base" Tartus', '"naval base" "Tartus"'),
        ("NEAR(a b) OR c*", '"NEAR" "a" "b" "OR" "c"'),
        ("al-Sharaa", '"al" "Sharaa"'),
        ('""', ""),
        ("«ёлка»", '"ёлка"'),
    ],
)
def test_fts_query_is_always_safe(text: str, expected: str) -> None:
    assert fts_query(text) == expected
