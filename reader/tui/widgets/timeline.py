"""A one-line-per-month timeline of the dates around an entity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from textual.content import Content

BAR = "▇"


def month_counts(values: Iterable[str]) -> list[tuple[str, int]]:
    """``YYYY-MM`` months with the number of dated mentions in each, in order."""
    counts: Counter[str] = Counter()
    for value in values:
        if len(value) >= 7 and value[:4].isdigit() and value[4] == "-" and value[5:7].isdigit():
            counts[value[:7]] += 1
        elif len(value) == 4 and value.isdigit():
            counts[value] += 1
    return sorted(counts.items())


def timeline_content(values: Iterable[str], *, width: int = 30, max_rows: int = 8) -> Content:
    """Bars per month (the last ``max_rows`` months with dates)."""
    rows = month_counts(values)[-max_rows:]
    if not rows:
        return Content("No dates found around this entity.")
    top = max(count for _, count in rows)
    lines = [
        Content.assemble(
            (f"{month:<8} ", "$text-muted"),
            (BAR * max(1, round(count / top * width)), "$primary"),
            f" {count}",
        )
        for month, count in rows
    ]
    return Content("\n").join([Content.styled("Timeline", "bold"), *lines])
