"""The library: listing, filtering with operators, sorting, opening."""

from __future__ import annotations

from reader.query import parse_filter
from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.library import LibraryScreen
from tests.tui.tui_helpers import settle


async def test_library_lists_the_seeds_and_opens_one(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        articles = screen.article_list
        assert articles.count == store.count_articles() == 5
        first = articles.current
        assert first is not None
        assert not first.read
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == first.id
        assert store.get_article(first.id).read, "opening an article marks it read"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.article_list.row(0).read


async def test_filter_with_free_text_and_operators(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        articles = screen.article_list
        total = articles.count
        await pilot.press("slash")
        await pilot.press(*"Putin")
        await settle(app, pilot)
        putin = articles.count
        assert 0 < putin < total
        assert all(
            "putin" in store.get_article(articles.row(i).id).clean_text.lower()
            for i in range(putin)
        )
        await pilot.press(*" is:unread")
        await settle(app, pilot)
        assert articles.count == putin
        await pilot.press("enter")  # back to the list
        await pilot.press("enter")  # open the first match: it becomes read
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen.article_list.count == putin - 1
        status = str(app.screen.query_one("#library-status").render())
        assert f"{putin - 1} article" in status
        await pilot.press("slash")
        filter_input = app.screen.query_one("#filter")
        filter_input.value = "after:2099-01-01"
        await settle(app, pilot)
        assert app.screen.article_list.count == 0
        filter_input.value = "after:2024-13-45"
        await settle(app, pilot)
        assert "not a date" in str(app.screen.query_one("#library-status").render())
        filter_input.value = "-is:starred"
        await settle(app, pilot)
        assert app.screen.article_list.count == store.count_articles(parse_filter("-is:starred"))


async def test_sort_and_star(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        articles = app.screen.article_list
        await pilot.press("o", "o")  # date -> source -> title
        await settle(app, pilot)
        assert articles.sort == "title"
        titles = [articles.row(i).title.lower() for i in range(articles.count)]
        assert titles == sorted(titles)
        await pilot.press("asterisk")
        await settle(app, pilot)
        starred = articles.current
        assert starred.starred and store.get_article(starred.id).starred
        app.screen.query_one("#filter").value = "is:starred"
        await settle(app, pilot)
        assert articles.count == 1
