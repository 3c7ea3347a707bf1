"""The article screen: highlights, toggles, jumps, selection, annotation, undo, star, export."""

from __future__ import annotations

from reader.annotations import annotate, list_annotations
from reader.highlight import ENTITY
from reader.tui.screens.annotation_dialog import AnnotationDialog
from reader.tui.screens.article import ArticleScreen
from tests.tui.tui_helpers import settle


def first_article_id(store) -> int:
    return store.list_articles(limit=1)[0].id


async def open_first(app, pilot) -> ArticleScreen:
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    assert isinstance(app.screen, ArticleScreen)
    return app.screen


async def test_article_shows_text_and_highlights(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(app, pilot)
        article = store.get_article(screen.article_id)
        view = screen.view
        assert view.text == article.clean_text
        assert view.spans, "the seeds have entities, dates and quotes"
        kinds = {span.kind for span in view.spans}
        assert {"person", "place"} <= kinds
        header = str(screen.query_one("#article-header").render())
        assert article.title in header
        assert all(len(view.text[line.start : line.end].rstrip()) <= 80 for line in view._lines)


async def test_toggle_a_highlight_kind(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(app, pilot)
        view = screen.view
        person = next(span for span in view.spans if span.kind == "person")
        row = view.line_of(person.start)
        person_style = view.kind_styles["person"]

        def styled_persons() -> int:
            return sum(
                1
                for segment in view._render_row(row)
                if segment.style
                and segment.style.color == person_style.color
                and segment.style.bold == person_style.bold
            )

        assert styled_persons() >= 1
        await pilot.press("1")
        assert "person" in screen.hidden_kinds
        assert styled_persons() == 0
        jumped = view.jump("entity", 1)
        assert jumped is None or jumped.kind != "person"
        await pilot.press("1")
        assert "person" not in screen.hidden_kinds
        assert styled_persons() >= 1


async def test_jump_between_entities(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(app, pilot)
        view = screen.view
        starts = sorted(
            {s.start for s in view.spans if s.token in ENTITY and s.kind not in screen.hidden_kinds}
        )
        assert view.cursor == 0
        ahead = [start for start in starts if start > 0]
        await pilot.press("n")
        assert view.cursor == ahead[0]
        await pilot.press("n")
        assert view.cursor == ahead[1]
        await pilot.press("N")
        assert view.cursor == ahead[0]
        dates = sorted(s.start for s in view.spans if s.kind == "date")
        assert dates, "the first seed has dates"
        await pilot.press("t")
        assert view.cursor == next(d for d in dates if d > ahead[0])


async def test_select_a_sentence_and_annotate_it(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(app, pilot)
        view = screen.view
        await pilot.press("right_parenthesis")  # the second sentence
        await pilot.press("s")
        sentence = view.selected_text
        assert sentence and sentence[0].isupper() and sentence.rstrip()[-1] in ".!?\"”’'"
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationDialog)
        await pilot.press(*"Key claim", "enter", *"check the source")
        await pilot.press("tab")
        await pilot.press(*"syria/bases, diplomacy")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        notes = list_annotations(store, article_id=screen.article_id)
        assert len(notes) == 1
        note = notes[0]
        assert note.exact == sentence
        assert note.note == "Key claim\ncheck the source"
        assert set(note.tags) == {"syria/bases", "diplomacy"}
        assert any(s.kind == "annotation" for s in view.spans), "the new note is highlighted"


async def test_edit_then_delete_with_undo(make_app, store):
    article_id = first_article_id(store)
    text = store.get_article(article_id).clean_text
    created = annotate(
        store, article_id, start=0, end=text.index(" ", 20), note="first", tags=["a"]
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press("m")
        assert screen.annotation_at_cursor().id == created.id
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AnnotationDialog)
        dialog.query_one("#annotation-note").text = "second thoughts"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        [edited] = list_annotations(store, article_id=article_id)
        assert edited.id == created.id and edited.note == "second thoughts"
        assert edited.tags == ("a",)
        await pilot.press("d")
        await settle(app, pilot)
        assert list_annotations(store, article_id=article_id) == []
        assert not any(s.kind == "annotation" for s in screen.view.spans)
        await pilot.press("u")
        await settle(app, pilot)
        [restored] = list_annotations(store, article_id=article_id)
        assert restored.id == created.id and restored.note == "second thoughts"
        assert any(s.kind == "annotation" for s in screen.view.spans)


async def test_mouse_drag_selects(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(app, pilot)
        view = screen.view
        margin = view.left_margin
        await pilot.mouse_down(view, offset=(margin, 0))
        await pilot.hover(view, offset=(margin + 12, 1))
        await pilot.mouse_up(view, offset=(margin + 12, 1))
        await pilot.pause()
        selection = view.selection
        assert selection is not None and selection.start == 0
        assert selection.end == view.offset_at(margin + 12, 1) > view._lines[1].start


async def test_star_and_export(make_app, store, paths):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press("asterisk")
        await settle(app, pilot)
        assert store.get_article(screen.article_id).starred
        await pilot.press("x")
        await settle(app, pilot)
        written = app.last_export
        assert written and all(path.exists() for path in written)
        assert written[0].is_relative_to(paths.data_dir / "exports")
        assert written[0].suffix == ".md"


async def test_side_panel_toggles_and_lists_entities(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_first(app, pilot)
        panel = screen.panel
        ids = [panel.get_option_at_index(i).id for i in range(panel.option_count)]
        assert any(i and i.startswith("entity:") for i in ids)
        assert panel.display
        await pilot.press("p")
        assert not panel.display
        await pilot.press("p")
        assert panel.display
