"""The library: every article, filtered and sorted, opened with Enter."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from reader.query import ArticleFilter, FilterError, parse_filter
from reader.tui.messages import OpenArticle, StoreChanged
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.key_hints import KeyHints

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

SORTS = ("published", "source", "title")
SORT_LABELS = {"published": "date", "source": "source", "title": "title"}

FILTER_PLACEHOLDER = "Filter: words, tag:, entity:, source:, after:, is:unread … (F1 for help)"

FILTER_HELP = """\
**Filter** — words search the text; operators narrow, and they combine:

- `tag:syria/bases`, `-tag:x` (without the tag)
- `entity:"Sergei Lavrov"`, `source:RT`
- `after:2024-12-01`, `before:2025`
- `is:unread`, `is:starred`, `has:notes`

`/` edits the filter, Enter goes back to the list, Escape clears it.
"""


class LibraryScreen(Screen[None]):
    """The list of articles with a filter line."""

    AUTO_FOCUS = "#articles"
    HELP = FILTER_HELP

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter", key_display="/"),
        Binding("o", "cycle_sort", "Sort"),
        Binding("r", "reverse", "Reverse"),
        Binding("asterisk", "star", "Star", key_display="*"),
        Binding("m", "toggle_read", "Read/unread"),
        Binding("g", "app.tags", "Tags"),
        Binding("i", "app.import_files", "Import"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    PALETTE_COMMANDS: ClassVar[list[tuple[str, str, str]]] = [
        ("cycle_sort", "Sort by date, source or title", "Change the library's order"),
        ("reverse", "Reverse the order", "Newest or oldest first"),
        ("focus_filter", "Filter articles", "Free text and operators"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._filter_error = ""
        self._header = ""

    @property
    def reader_app(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Input(placeholder=FILTER_PLACEHOLDER, id="filter")
        yield Static("", id="library-status", classes="status-line", markup=False)
        yield Static("", id="list-header", markup=False)
        yield ArticleList(self.reader_app.store, id="articles")
        yield KeyHints()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_mount(self) -> None:
        self.article_list.reload()

    def on_screen_resume(self) -> None:
        if self.article_list.loaded:
            self.article_list.reload()

    def _show_header(self) -> None:
        """Column names fitted to the list's width (only repainted when they change)."""
        header = self.article_list.header_text()
        if header != self._header:
            self._header = header
            self.query_one("#list-header", Static).update(Content(header))

    def _update_status(self) -> None:
        articles = self.article_list
        status = self.query_one("#library-status", Static)
        status.set_class(bool(self._filter_error), "error")
        if self._filter_error:
            label = "article" if articles.count == 1 else "articles"
            status.update(
                Content.assemble(
                    ("✗ ", "bold $text-error"),
                    (self._filter_error, "bold $text-error"),
                    (f" · still showing the previous {articles.count} {label}", "$text-muted"),
                )
            )
            return
        sort = SORT_LABELS[articles.sort]
        order = "newest first" if articles.descending else "oldest first"
        if articles.sort != "published":
            order = "Z–A" if articles.descending else "A–Z"
        label = "article" if articles.count == 1 else "articles"
        shown = f"{articles.count} {label}" if articles.loaded else "loading…"
        shown = f"reader · {shown}"
        verb = "matches" if articles.count == 1 else "match"
        filtered = "" if articles.where.is_empty else f" {verb} the filter"
        status.update(Content(f"{shown}{filtered} · sorted by {sort}, {order}"))
        self._show_header()

    # ------------------------------------------------------------ events

    def on_article_list_loaded(self, message: ArticleList.Loaded) -> None:
        self._update_status()

    def on_article_list_columns_changed(self, message: ArticleList.ColumnsChanged) -> None:
        self._show_header()

    def on_article_list_failed(self, message: ArticleList.Failed) -> None:
        self.notify(message.error, title="Library", severity="error", markup=False)

    def on_article_list_opened(self, message: ArticleList.Opened) -> None:
        self.post_message(OpenArticle(message.article_id))

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        try:
            where = parse_filter(event.value)
        except FilterError as exc:
            self._show_filter_error(str(exc))
            return
        self._show_filter_error("")
        self.article_list.cursor = 0
        self.article_list.reload(where=replace(where, prefix_last=True))
        self._update_status()

    def _show_filter_error(self, error: str) -> None:
        """Mark a filter that does not parse: red input, error first on the status line, and
        the earlier rows dimmed (kept, so a half-typed operator does not blank the list)."""
        self._filter_error = error
        self.query_one("#filter", Input).set_class(bool(error), "-invalid")
        self.article_list.stale = bool(error)
        self._update_status()

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        if self._filter_error:
            self.app.bell()
            return
        self.article_list.focus()

    def on_store_changed(self, message: StoreChanged) -> None:
        self.article_list.reload()

    # ------------------------------------------------------------ actions

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.value:
            filter_input.value = ""
        self.article_list.focus()

    def action_cycle_sort(self) -> None:
        articles = self.article_list
        sort = SORTS[(SORTS.index(articles.sort) + 1) % len(SORTS)]
        articles.reload(sort=sort, descending=sort == "published")
        self._update_status()

    def action_reverse(self) -> None:
        self.article_list.reload(descending=not self.article_list.descending)
        self._update_status()

    def action_star(self) -> None:
        current = self.article_list.current
        if current is not None:
            self._set_flag(current.id, "starred", not current.starred)

    def action_toggle_read(self) -> None:
        current = self.article_list.current
        if current is not None:
            self._set_flag(current.id, "read", not current.read)

    @work(thread=True, group="flags", exit_on_error=False)
    def _set_flag(self, article_id: int, flag: str, value: bool) -> None:
        store = self.reader_app.store
        try:
            if flag == "starred":
                store.set_starred(article_id, value)
            else:
                store.set_read(article_id, value)
            rows = store.list_articles(ArticleFilter(ids=(article_id,)), limit=1)
        except Exception as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", markup=False)
            return
        if rows:
            self.app.call_from_thread(self.article_list.replace_row, rows[0])
