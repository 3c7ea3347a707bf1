"""Entity page, tags and annotations, import, themes, palette, keys help, text safety."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import HelpPanel, OptionList

from reader.annotations import annotate
from reader.config import Config, load_config
from reader.models import ParsedArticle
from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.entity import EntityScreen
from reader.tui.screens.import_dialog import ImportDialog
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.tags import TagsScreen
from tests.tui.conftest import SEEDS
from tests.tui.tui_helpers import jump_to_entity, line_text, settle, widest_entity


async def open_first(app, pilot) -> ArticleScreen:
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    return app.screen


async def test_follow_an_entity_to_its_page_and_into_another_article(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        article = await open_first(app, pilot)
        entity_id = widest_entity(store, article.article_id)
        assert len(store.entity_articles(entity_id)) >= 3
        await jump_to_entity(pilot, entity_id)
        assert article.entity_at_cursor() == entity_id, "n reaches every entity in turn"
        await pilot.press("enter")
        await settle(app, pilot)
        page = app.screen
        assert isinstance(page, EntityScreen)
        assert page.data.entity.id == entity_id
        mentions = page.query_one("#entity-mentions", OptionList)
        option_ids = [mentions.get_option_at_index(i).id for i in range(mentions.option_count)]
        others = [i for i in option_ids if i and not i.startswith(f"mention:{article.article_id}:")]
        assert others, "the entity is mentioned in other seed articles"
        target = others[0]
        mentions.highlighted = option_ids.index(target)
        await pilot.press("enter")
        await settle(app, pilot)
        opened = app.screen
        assert isinstance(opened, ArticleScreen)
        _, article_id, start, end = target.split(":")
        assert opened.article_id == int(article_id) != article.article_id
        assert opened.view.selection is not None
        assert (opened.view.selection.start, opened.view.selection.end) == (int(start), int(end))
        await pilot.press("escape", "escape")  # clear the selection, then back
        await settle(app, pilot)
        assert app.screen is page


async def test_rename_an_entity_from_its_page(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        article = await open_first(app, pilot)
        await pilot.press("n")
        entity_id = article.entity_at_cursor()
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#prompt-input").value = "Renamed Entity"
        await pilot.press("enter")
        await settle(app, pilot)
        assert store.get_entity(entity_id).name == "Renamed Entity"
        assert app.screen.data.entity.name == "Renamed Entity"


async def test_tags_screen_lists_tags_and_jumps_to_the_passage(make_app, store):
    article_id = store.list_articles(limit=1)[0].id
    text = store.get_article(article_id).clean_text
    end = text.index(" ", 30)
    annotate(store, article_id, start=0, end=end, note="check", tags=["syria/bases", "diplomacy"])
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TagsScreen)
        assert {tag.name for tag in screen.tags} == {"syria/bases", "diplomacy"}
        screen.query_one("#annotation-filter").value = "tag:diplomacy"
        await settle(app, pilot)
        assert len(screen.annotations) == 1
        screen.query_one("#annotation-filter").value = "tag:nothing-like-this"
        await settle(app, pilot)
        assert screen.annotations == []
        screen.query_one("#annotation-filter").value = ""
        await settle(app, pilot)
        notes = screen.query_one("#annotations", OptionList)
        notes.focus()
        notes.highlighted = 0
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        selection = app.screen.view.selection
        assert (selection.start, selection.end) == (0, end)


def write_article(path: Path, city: str) -> None:
    """A short wire story about talks in a city, as a text dump."""
    body = [
        f"Talks resume in {city} as ministers meet",
        "",
        f"Foreign ministers met in {city} on Monday to discuss border security and trade, "
        "officials said after the first round of talks.",
        "",
        f"The meeting in {city} followed weeks of preparation by diplomats from both "
        "countries, according to a statement released on Tuesday evening.",
        "",
        f'"We expect progress," one official told reporters in {city}.',
    ]
    path.write_text("\n".join(body) + "\n", encoding="utf-8")


async def test_import_a_folder_with_progress(make_app, store, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    for index, city in enumerate(("Amman", "Baghdad")):
        write_article(folder / f"talks-{index}.txt", city)
    before = store.count_articles()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImportDialog)
        dialog.query_one("#import-path").value = str(folder)
        await pilot.press("enter")
        await settle(app, pilot)
        report = dialog.report
        assert report is not None and not report.failed
        bar = dialog.query_one("#import-progress")
        assert bar.total == 2 and bar.progress == 2
        assert store.count_articles() == before + 2
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.article_list.count == before + 2


async def test_import_of_a_missing_path_is_a_notification(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#import-path").value = str(tmp_path / "nowhere")
        await pilot.press("enter")
        await settle(app, pilot)
        assert any("no such file" in n.message for n in app._notifications)


async def test_switch_theme_and_it_persists(make_app, paths):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "reader-dark"
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert app.theme != "reader-dark"
        assert load_config(paths).theme == app.theme
        chosen = app.theme
    assert chosen in {"reader-high-contrast", "reader-light"}


async def test_palette_lists_our_commands_and_switches_theme(make_app, paths):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Theme: reader-light")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.theme == "reader-light"
        assert load_config(paths).theme == "reader-light"


async def test_question_mark_shows_the_keys(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


async def test_broken_user_theme_is_reported_and_skipped(make_app, paths):
    paths.themes_dir.mkdir(parents=True, exist_ok=True)
    (paths.themes_dir / "broken.toml").write_text("name = [unclosed", encoding="utf-8")
    (paths.themes_dir / "mine.toml").write_text(
        'name = "mine"\n[colors]\nprimary = "#123456"\n', encoding="utf-8"
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "mine" in app.available_themes
        assert [f.path.name for f in app.theme_failures] == ["broken.toml"]
        assert any("broken.toml" in n.message for n in app._notifications)


HOSTILE = "[bold red]x[/] and [/] and \x1b[2J\x1b]2;pwned\x07 end"


async def test_markup_and_escapes_in_title_and_body_render_literally(make_app, store):
    parsed = ParsedArticle(
        title=HOSTILE,
        body=(HOSTILE, "A second paragraph."),
        source_key="hostile",
        format="text",
        raw_text=HOSTILE,
        source="[b]Wire[/b]",
    )
    article_id, _, _ = store.save_article(parsed)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        library = app.screen
        app.screen.query_one(
            "#filter"
        ).value = "pwned"  # nothing: the escape never reached the text
        await settle(app, pilot)
        app.post_message(
            __import__("reader.tui.messages", fromlist=["OpenArticle"]).OpenArticle(article_id)
        )
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        header = str(screen.query_one("#article-header").render())
        assert "[bold red]x[/] and [/] and" in header
        assert "\x1b" not in header
        painted = line_text(screen.view, 0)
        assert painted.strip().startswith("[bold red]x[/] and [/] and")
        assert "\x1b" not in painted and "pwned" not in painted
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is library
        library.query_one("#filter").value = ""
        await settle(app, pilot)
        rows = [library.article_list.row(i) for i in range(library.article_list.count)]
        index = next(i for i, row in enumerate(rows) if row.id == article_id)
        painted_row = "".join(s.text for s in library.article_list.render_line(index))
        assert "[bold red]x[/]" in painted_row and "\x1b" not in painted_row


async def test_wide_and_right_to_left_text_keep_the_layout(make_app, store):
    paragraphs = (
        "東京で外相会談が開かれた。" * 12,
        "مرحبا بالعالم هذا نص تجريبي طويل بما يكفي ليلتف على عدة أسطر في نافذة القراءة " * 3,
        "Emoji 🇸🇾🇷🇺 and 👩‍👩‍👧 in a sentence that is long enough to wrap over the reading width.",
    )
    parsed = ParsedArticle(
        title="Wide 東京 title 🙂", body=paragraphs, source_key="wide", format="text", raw_text=""
    )
    article_id, _, _ = store.save_article(parsed)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        from reader.tui.messages import OpenArticle

        app.post_message(OpenArticle(article_id))
        await settle(app, pilot)
        view = app.screen.view
        width = view.scrollable_content_region.width
        for row in range(view.line_count):
            strip = view._render_row(row)
            assert strip.cell_length == width
        assert view.line_count > 6


def test_seed_folder_is_there():
    assert len(list(Path(SEEDS).glob("*.txt"))) == 5  # the fixtures depend on it


async def test_import_applies_the_configured_extractor(make_app, tmp_path, monkeypatch):
    import reader.analysis

    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(reader.analysis, "configure", lambda *args: calls.append(args))
    folder = tmp_path / "one"
    folder.mkdir()
    write_article(folder / "talks.txt", "Amman")
    app = make_app(Config(theme="reader-dark", extractor="builtin", spacy_model="xx_model"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert calls == []  # start-up does not pay for importing the analysis package
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#import-path").value = str(folder)
        await pilot.press("enter")
        await settle(app, pilot)
        assert calls == [("builtin", "xx_model")]
        assert app.screen.report is not None and not app.screen.report.failed


async def test_an_unknown_extractor_is_reported_when_importing(make_app, store, tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    write_article(folder / "talks.txt", "Amman")
    before = store.count_articles()
    app = make_app(Config(theme="reader-dark", extractor="nonsense"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#import-path").value = str(folder)
        await pilot.press("enter")
        await settle(app, pilot)
        assert any("unknown extractor" in n.message for n in app._notifications)
    assert store.count_articles() == before


async def test_ignore_an_entity_and_its_highlights_go_from_the_article(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        article = await open_first(app, pilot)
        entity_id = widest_entity(store, article.article_id)
        await jump_to_entity(pilot, entity_id)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("I")
        await settle(app, pilot)
        assert store.get_entity(entity_id).ignored
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is article
        assert all(span.ref != entity_id for span in article.view.spans)
        panel_ids = [
            article.panel.get_option_at_index(i).id for i in range(article.panel.option_count)
        ]
        assert f"entity:{entity_id}" not in panel_ids


async def test_backlinks_and_related_articles_in_the_side_panel(make_app, store):
    first, second = store.list_articles(limit=2)
    annotate(store, first.id, start=0, end=12, note=f"compare [[{second.title}]]")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        from reader.tui.messages import OpenArticle

        app.post_message(OpenArticle(second.id))
        await settle(app, pilot)
        screen = app.screen
        assert [note.article_id for note in screen.backlinks] == [first.id]
        assert screen.related, "the seeds share entities"
        panel = screen.panel
        ids = [panel.get_option_at_index(i).id for i in range(panel.option_count)]
        assert any(i and i.startswith("article:") for i in ids)
        panel.focus()
        panel.highlighted = ids.index(f"backlink:{screen.backlinks[0].id}")
        await pilot.press("enter")
        await settle(app, pilot)
        opened = app.screen
        assert isinstance(opened, ArticleScreen) and opened.article_id == first.id
        assert (opened.view.selection.start, opened.view.selection.end) == (0, 12)
