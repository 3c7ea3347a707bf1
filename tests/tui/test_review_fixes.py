"""Tab completion in inputs, entity KWIC lines, timeline granularity, panel titles, counts."""

from __future__ import annotations

import pytest

from reader.tui.screens.annotation_dialog import AnnotationDialog
from reader.tui.screens.entity import kwic
from reader.tui.screens.import_dialog import ImportDialog
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets.side_panel import wrap_title
from reader.tui.widgets.timeline import period_counts
from tests.tui.tui_helpers import settle


async def test_tab_completes_the_import_path_then_enter_imports(make_app, store, tmp_path):
    folder = tmp_path / "incoming-clips"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Talks resume in Amman\n\nDiplomats from Jordan and Iraq met in Amman on Monday "
        "to discuss water rights along the Euphrates.\n",
        encoding="utf-8",
    )
    before = store.count_articles()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        assert not dialog.query_one("#import-progress").display
        path_input = dialog.query_one("#import-path")
        path_input.insert_text_at_cursor(str(tmp_path / "incoming-c"))
        await settle(app, pilot)
        await pilot.press("tab")
        assert path_input.value == str(folder) + "/"
        assert app.focused is path_input
        await pilot.press("enter")
        await settle(app, pilot)
        assert dialog.query_one("#import-progress").display
        assert dialog.report is not None and dialog.report.count("imported") == 1
        assert store.count_articles() == before + 1


async def test_tab_completes_a_known_tag_in_the_annotation_dialog(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        dialog = AnnotationDialog("a passage", tags=["syria/bases", "russia/diplomacy"])
        app.push_screen(dialog)
        await pilot.pause()
        tags = dialog.query_one("#annotation-tags")
        tags.focus()
        tags.insert_text_at_cursor("to-check, syr")
        await settle(app, pilot)
        await pilot.press("tab")
        assert tags.value == "to-check, syria/bases"
        assert app.focused is tags
        await pilot.press("tab")
        assert app.focused is not tags


async def test_annotation_dialog_does_not_double_a_closing_quote(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        dialog = AnnotationDialog("He said: “we will stay.”")
        app.push_screen(dialog)
        await pilot.pause()
        shown = str(dialog.query_one("#annotation-quote").render())
        assert shown.count("”") == 1


async def test_match_count_agrees_with_one_article(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await pilot.press("slash", *"source:rt")
        await settle(app, pilot)
        status = str(screen.query_one("#library-status").render())
        assert screen.article_list.count == 1
        assert "1 article matches the filter" in status


@pytest.mark.parametrize(
    ("before", "mention", "after", "expected"),
    [
        ("ties with ", "Syria", "’s new leaders", "ties with Syria’s new leaders"),
        ("ties with ", "Syria", "'s new leaders", "ties with Syria's new leaders"),
        ("the ", "Kremlin", ", he said", "the Kremlin, he said"),
        ("", "Moscow", " said", "Moscow said"),
        ("(", "HTS", ")", "(HTS)"),
    ],
)
def test_kwic_keeps_the_mention_spacing_of_the_text(before, mention, after, expected):
    assert kwic(before, mention, after, width=30).plain.strip() == expected


def test_kwic_cuts_long_context_at_a_word_with_an_ellipsis():
    line = kwic(
        "officials in Damascus said that relations with ",
        "Russia",
        " remained long-term and strategic despite the change of government",
        width=24,
    ).plain
    left, _, right = line.partition("Russia")
    assert len(left) == 24 and left.lstrip().startswith("…")
    assert right.endswith("…") and len(right) <= 24
    assert "relations with " in left


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["2024-12-01", "2024-12-29", "2025-01-03"], [("2024-12", 2), ("2025-01", 1)]),
        (["2024-12-01", "2025", "2025-01-03"], [("2024", 1), ("2025", 2)]),
        ([f"2020-{month:02d}-01" for month in range(1, 11)], [("2020", 10)]),
        (["someday", ""], []),
    ],
)
def test_timeline_rows_are_all_months_or_all_years(values, expected):
    assert period_counts(values, max_rows=8) == expected


def test_related_titles_wrap_at_words_within_the_panel():
    title = "Russia to seek 'long-term and strategic ties' with post-Assad Syria, Kremlin says"
    lines = wrap_title(title, 36).split("\n")
    assert len(lines) == 2
    assert all(len(line) <= 36 for line in lines)
    assert lines[0].strip() == "Russia to seek 'long-term and"
    assert lines[1].endswith("…")
    assert wrap_title("Short title", 36) == "  Short title"


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 mentions"), (1, "1 mention"), (5, "5 mentions")]
)
def test_entity_counts_agree_in_number(count, expected):
    from reader.tui.screens.entity import plural

    assert plural(count, "mention") == expected
