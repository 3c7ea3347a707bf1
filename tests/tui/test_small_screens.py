"""Small terminals and dialogs: library columns, filter errors, the side panel, dialog layout."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Button, Input, Static, TextArea

from reader.annotations import list_annotations
from reader.tui.screens.annotation_dialog import AnnotationDialog
from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.import_dialog import ImportDialog
from reader.tui.screens.library import FILTER_PLACEHOLDER, LibraryScreen
from reader.tui.widgets.article_list import TITLE_SHARE, columns_for, title_room
from reader.tui.widgets.side_panel import PANEL_MAX_WIDTH, PANEL_MIN_WIDTH, panel_fits
from tests.tui.tui_helpers import settle

SIZES = [(80, 24), (120, 36), (200, 50)]


def fully_visible(widget) -> bool:
    """Whether every cell of the widget is on screen and not clipped by a scrolling parent."""
    geometry = widget.screen.find_widget(widget)
    region = geometry.region
    return geometry.clip.intersection(region) == region and widget.screen.region.contains_region(
        region
    )


def status_text(screen) -> str:
    return str(screen.query_one("#library-status", Static).render())


async def open_first(app, pilot) -> ArticleScreen:
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    assert isinstance(app.screen, ArticleScreen)
    return app.screen


# ------------------------------------------------------------ library columns


@pytest.mark.parametrize("width", [30, 60, 79, 100, 119, 160, 199, 400])
def test_the_title_keeps_its_share_whatever_the_width(width):
    columns = columns_for(width)
    assert title_room(width, columns) >= width * TITLE_SHARE or columns == ()


@pytest.mark.parametrize(
    ("width", "dropped", "kept"),
    [
        (79, {"Notes"}, {"Source", "Published", "Min", "Tags"}),
        (60, {"Notes", "Tags", "Min"}, {"Source", "Published"}),
        (199, set(), {"Source", "Published", "Min", "Tags", "Notes"}),
    ],
)
def test_counts_go_before_source_and_date(width, dropped, kept):
    names = {column.name for column in columns_for(width)}
    assert not names & dropped
    assert kept <= names


@pytest.mark.parametrize("size", SIZES)
async def test_library_columns_fit_the_terminal(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        articles = app.screen.article_list
        width = articles.scrollable_content_region.width
        assert articles.title_width >= width * TITLE_SHARE
        header = str(app.screen.query_one("#list-header", Static).render())
        assert header.split() == articles.column_names
        assert len(header) == width
        row = articles.render_line(0).text
        assert app.screen.article_list.row(0).title[:20] in row


async def test_library_columns_follow_a_resize(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        articles = app.screen.article_list
        assert "Notes" in articles.column_names
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        header = str(app.screen.query_one("#list-header", Static).render())
        assert "Notes" not in header.split()
        assert header.split() == articles.column_names
        assert articles.title_width >= articles.scrollable_content_region.width * TITLE_SHARE


# ------------------------------------------------------------ filter line


async def test_the_filter_placeholder_fits_at_80_columns(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        filter_input = app.screen.query_one("#filter", Input)
        assert filter_input.placeholder == FILTER_PLACEHOLDER
        assert len(FILTER_PLACEHOLDER) <= filter_input.content_region.width


async def test_f1_in_the_filter_shows_the_operators(make_app):
    from textual.widgets import HelpPanel, Markdown

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "f1")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#filter")
        panel = app.screen.query_one(HelpPanel)
        shown = panel.query_one(Markdown).source
        assert "entity:" in shown and "has:notes" in shown


async def test_a_bad_filter_dims_the_old_rows_and_says_so_first(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        articles = screen.article_list
        filter_input = screen.query_one("#filter", Input)
        await pilot.press("slash", *"source:rt")
        await settle(app, pilot)
        assert articles.count == 1 and not articles.stale
        await pilot.press(*" after:yesterday")
        await settle(app, pilot)
        status = status_text(screen)
        assert status.startswith("✗ ")
        assert "yesterday" in status
        assert "previous 1 article" in status
        assert articles.stale and articles.count == 1
        assert filter_input.has_class("-invalid")
        await pilot.press("enter")
        assert app.focused is filter_input, "Enter on a bad filter leaves the reader in it"
        for _ in range(len("yesterday")):
            await pilot.press("backspace")
        await pilot.press(*"2024-12-01")
        await settle(app, pilot)
        assert not articles.stale
        assert not filter_input.has_class("-invalid")
        assert articles.count == 1
        assert status_text(screen).startswith("reader · 1 article matches the filter")


# ------------------------------------------------------------ side panel


@pytest.mark.parametrize(
    ("size", "opened"), [((80, 24), False), ((120, 36), True), ((200, 50), True)]
)
async def test_the_panel_opens_only_where_it_fits_beside_the_text(make_app, size, opened):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_first(app, pilot)
        panel = screen.panel
        assert panel.display is opened
        await pilot.press("p")
        await pilot.pause()
        assert panel.display is not opened
        if panel.display:
            assert PANEL_MIN_WIDTH <= panel.outer_size.width <= PANEL_MAX_WIDTH
            assert screen.view.text_width >= min(
                screen.view.reading_width, size[0] - PANEL_MAX_WIDTH - 3
            )
        if opened:
            assert screen.view.text_width == screen.view.reading_width


async def test_the_panel_follows_the_width_until_the_reader_chooses(make_app):
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_first(app, pilot)
        panel = screen.panel
        assert panel.display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not panel.display
        await pilot.press("p")
        await pilot.pause()
        assert panel.display
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert panel.display, "the reader opened it: a resize does not close it"


def test_panel_fits_needs_room_for_the_reading_measure():
    assert not panel_fits(80, 80)
    assert panel_fits(120, 80)
    assert panel_fits(100, 60)
    assert not panel_fits(119, 90)


async def test_every_section_of_the_panel_is_reachable_by_keys_and_wheel(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(app, pilot)
        panel = screen.panel
        await pilot.press("P")
        await pilot.pause()
        assert panel.display and app.focused is panel
        assert panel.max_scroll_y > 0, "the seeds' panel is taller than 24 rows"
        last = panel.option_count - 1
        assert (panel.get_option_at_index(last).id or "").startswith("article:")
        await pilot.press("end")
        await pilot.pause()
        assert panel.highlighted == last
        assert panel.scroll_y == panel.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert panel.scroll_y == 0, "the first heading shows again"
        for _ in range(panel.option_count):
            await pilot.press("down")
        await pilot.pause()
        index = panel.highlighted
        top = panel._index_to_line[index]
        bottom = top + panel._heights[index]
        assert panel.scroll_y <= top and bottom <= panel.scroll_y + panel.scrollable_size.height
        await pilot.press("home")
        await pilot.pause()
        # The pilot has no wheel helper; this posts the wheel event a terminal would send.
        for _ in range(3):
            await pilot._post_mouse_events([events.MouseScrollDown], widget=panel, offset=(4, 4))
        assert panel.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.focused is screen.view


# ------------------------------------------------------------ dialogs


async def test_the_import_dialog_closes_with_its_button_and_focuses_it_when_done(
    make_app, store, tmp_path
):
    folder = tmp_path / "clips"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Talks resume in Amman\n\nDiplomats from Jordan and Iraq met in Amman on Monday.\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        close = dialog.query_one("#close", Button)
        assert fully_visible(close)
        await pilot.click("#close")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)

        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#import-path", Input).value = str(folder)
        await pilot.press("enter")
        await settle(app, pilot)
        close = dialog.query_one("#close", Button)
        assert app.focused is close
        assert "Import finished: 1 imported" in str(dialog.query_one("#import-log").render())
        assert dialog.report is not None and dialog.report.count("imported") == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)

        await pilot.press("i")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_the_annotation_dialog_keeps_its_buttons_in_view(make_app, store, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        article = await open_first(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AnnotationDialog)
        assert fully_visible(dialog.query_one("#save"))
        assert fully_visible(dialog.query_one("#cancel"))
        assert fully_visible(dialog.query_one("#annotation-color"))
        note = dialog.query_one("#annotation-note", TextArea)
        short = note.outer_size.height
        await pilot.press(*"first line", "enter", *"second", "enter", *"third", "enter", *"fourth")
        await pilot.pause()
        assert note.outer_size.height > short, "the note grows as it is written"
        assert fully_visible(dialog.query_one("#save"))
        await pilot.press("tab")
        await pilot.pause()
        tags = dialog.query_one("#annotation-tags", Input)
        assert app.focused is tags
        assert fully_visible(tags), "the body scrolls the focused field into view"
        await pilot.press(*"to-check")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is article
        saved = list_annotations(store, article_id=article.article_id)
        assert [(n.note, n.tags) for n in saved] == [
            ("first line\nsecond\nthird\nfourth", ("to-check",))
        ]
