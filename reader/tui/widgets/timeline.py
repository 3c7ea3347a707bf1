"""A one-line-per-month (or per-year) timeline of the dates around an entity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from textual.content import Content

BAR = "▇"


def period_counts(values: Iterable[str], *, max_rows: int = 8) -> list[tuple[str, int]]:
    """Dated mentions counted per month, or per year when months would not fit.

    One granularity for the whole timeline: a date known only to the year, or more
    months than ``max_rows``, turns every row into a year, so rows never mix the two.
    """
    months: Counter[str] = Counter()
    years: Counter[str] = Counter()
    year_only = False
    for value in values:
        if len(value) >= 7 and value[:4].isdigit() and value[4] == "-" and value[5:7].isdigit():
            months[value[:7]] += 1
            years[value[:4]] += 1
        elif len(value) == 4 and value.isdigit():
            years[value] += 1
            year_only = True
    if not year_only and len(months) <= max_rows:
        return sorted(months.items())
    return sorted(years.items())


def timeline_content(values: Iterable[str], *, width: int = 30, max_rows: int = 8) -> Content:
    """Bars per month or per year (the latest ``max_rows`` periods with dates)."""
    rows = period_counts(values, max_rows=max_rows)[-max_rows:]
    if not rows:
        return Content("No dates found around this entity.")
    top = max(count for _, count in rows)
    lines = [
        Content.assemble(
            (f"{period:<8} ", "$text-muted"),
            (BAR * max(1, round(count / top * width)), "$primary"),
            f" {count}",
        )
        for period, count in rows
    ]
    return Content("\n").join([Content.styled("Dates around it", "bold"), *lines])
