"""SVG snapshots of the main screens at 120×40 with the reader-dark theme and a frozen clock.

Review a changed image before accepting it with ``--snapshot-update``.
"""

from __future__ import annotations

import re

from reader.annotations import annotate
from tests.tui.tui_helpers import jump_to_entity, settle, widest_entity

SIZE = (120, 40)


def annotate_first_sentence(store) -> int:
    article_id = store.list_articles(limit=1)[0].id
    text = store.get_article(article_id).clean_text
    end = re.search(r"[.!?][\"”’]?(?=\s|$)", text).end()
    annotate(
        store, article_id, start=0, end=end, note="Why now?", tags=["diplomacy"], color="green"
    )
    return article_id


def test_library(snap_compare, make_app):
    """The library: five seed articles newest first, unread ones in bold, with the
    filter line, the count "5 articles · sorted by date" and the column header."""

    async def run_before(pilot):
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_article_with_highlights_and_an_annotation(snap_compare, make_app, store):
    """The newest article: title and metadata on top; people, organisations and places
    coloured by kind, dates underlined, quotes in italics; the first sentence on a green
    annotation background; the side panel lists entities by type and the annotation."""
    annotate_first_sentence(store)

    async def run_before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        pilot.app.screen.view.blur()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_entity_page(snap_compare, make_app, store):
    """The page of the newest article's entity found in the most articles: name, type,
    mention and article counts, aliases, a month timeline, keyword-in-context mentions
    grouped by article (several articles, each under its date and title), and the
    entities it appears with."""

    async def run_before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        await jump_to_entity(pilot, widest_entity(store, pilot.app.screen.article_id))
        await pilot.press("enter")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_annotation_dialog(snap_compare, make_app):
    """The annotation dialog over the article: the selected second sentence quoted,
    a two-line note, two tags and the colour picker on yellow."""

    async def run_before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        await pilot.press("right_parenthesis", "s", "a")
        await pilot.pause()
        await pilot.press(*"Contradicts the earlier statement", "enter", *"check the transcript")
        await pilot.press("tab", *"syria/bases, diplomacy")
        dialog = pilot.app.screen
        dialog.query_one("#annotation-note").cursor_blink = False
        dialog.query_one("#annotation-tags").cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)
