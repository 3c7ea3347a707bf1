"""Helpers shared by the TUI tests."""

from __future__ import annotations

from typing import Any


async def settle(app: Any, pilot: Any) -> None:
    """Let workers finish and their messages be handled (no sleeps)."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def line_text(view: Any, row: int) -> str:
    """The plain text the reading pane paints on one of its lines."""
    return "".join(segment.text for segment in view._render_row(row))
