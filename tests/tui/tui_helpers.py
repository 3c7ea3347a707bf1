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


def widest_entity(store: Any, article_id: int) -> int:
    """The entity of an article that the store links to the most other articles."""
    counts = {
        mention.entity_id: len(store.entity_articles(mention.entity_id))
        for mention in store.article_mentions(article_id)
        if mention.entity_id is not None and mention.type != "NORP"
    }
    return max(sorted(counts), key=lambda entity_id: counts[entity_id])


async def jump_to_entity(pilot: Any, entity_id: int) -> None:
    """Press ``n`` until the article's cursor rests on the entity (or every span is passed)."""
    screen = pilot.app.screen
    for _ in range(len(screen.view.spans)):
        await pilot.press("n")
        if screen.entity_at_cursor() == entity_id:
            return
