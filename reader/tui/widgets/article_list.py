"""The library's article list: a line-API list that only builds the rows in view.

Rows come from the store a page at a time, fetched in a thread worker; a row not yet
fetched shows as a placeholder until its page arrives. 10,000 articles cost one
count and one page query, not 10,000 widgets.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.models import ArticleSummary
from reader.query import ArticleFilter
from reader.sanitize import safe_line

PAGE_SIZE = 100

TITLE_SHARE = 0.45
"""The least share of the list's width the title keeps; other columns give way first."""


@dataclass(frozen=True, slots=True)
class Column:
    """One fixed-width column beside the title: its header, width and cell text."""

    name: str
    width: int
    cell: Callable[[ArticleSummary], str]


def _published(summary: ArticleSummary) -> str:
    return summary.published.strftime("%Y-%m-%d") if summary.published else "—"


SOURCE = Column("Source", 16, lambda s: safe_line(s.source or "—"))
NARROW_SOURCE = Column("Source", 10, SOURCE.cell)
PUBLISHED = Column("Published", 10, _published)
MINUTES = Column("Min", 3, lambda s: str(s.reading_minutes))
TAGS = Column("Tags", 4, lambda s: str(s.tag_count or ""))
NOTES = Column("Notes", 5, lambda s: str(s.annotation_count or ""))
MARKS_WIDTH = 3

LAYOUTS: tuple[tuple[Column, ...], ...] = (
    (SOURCE, PUBLISHED, MINUTES, TAGS, NOTES),
    (SOURCE, PUBLISHED, MINUTES, TAGS),
    (SOURCE, PUBLISHED, MINUTES),
    (SOURCE, PUBLISHED),
    (NARROW_SOURCE, PUBLISHED),
    (PUBLISHED,),
    (),
)
"""The columns beside the title, widest first: on a narrow list the first that leaves
the title its share wins (notes, tags and minutes go before source and date)."""


def title_room(width: int, columns: tuple[Column, ...]) -> int:
    """Cells left for the title when ``columns`` sit beside it (one space between columns)."""
    return width - MARKS_WIDTH - sum(column.width + 1 for column in columns) - 1


def columns_for(width: int) -> tuple[Column, ...]:
    """The widest set of columns that leaves the title at least ``TITLE_SHARE`` of ``width``."""
    wanted = math.ceil(width * TITLE_SHARE)
    for columns in LAYOUTS:
        if title_room(width, columns) >= wanted:
            return columns
    return LAYOUTS[-1]


def fit(text: str, width: int) -> str:
    """Cut or pad text to exactly ``width`` cells (wide characters count as two)."""
    if width <= 0:
        return ""
    cells = len(text) if text.isascii() else cell_len(text)
    if cells <= width:
        return text + " " * (width - cells)
    out: list[str] = []
    used = 0
    for char in text:
        size = get_character_cell_size(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…" + " " * (width - 1 - used)


def row_cells(summary: ArticleSummary, title_width: int, columns: tuple[Column, ...]) -> list[str]:
    marks = ("★" if summary.starred else " ") + (" " if summary.read else "•") + " "
    cells = [marks, fit(safe_line(summary.title), title_width)]
    cells += [fit(column.cell(summary), column.width) for column in columns]
    return cells


def header_cells(title_width: int, columns: tuple[Column, ...]) -> list[str]:
    cells = [fit("", MARKS_WIDTH), fit("Title", title_width)]
    cells += [fit(column.name, column.width) for column in columns]
    return cells


class ArticleList(ScrollView, can_focus=True):
    """Articles matching the library's filter, in the chosen order."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("enter", "open", "Open"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)
    stale: reactive[bool] = reactive(False)
    """The rows belong to an earlier filter (the current one does not parse): drawn dim."""

    class Opened(Message):
        """The reader chose an article."""

        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class Loaded(Message):
        """The count and first page for a filter arrived."""

        def __init__(self, generation: int, count: int, rows: list[ArticleSummary]) -> None:
            super().__init__()
            self.generation = generation
            self.count = count
            self.rows = rows

    class PageLoaded(Message):
        def __init__(self, generation: int, offset: int, rows: list[ArticleSummary]) -> None:
            super().__init__()
            self.generation = generation
            self.offset = offset
            self.rows = rows

    class ColumnsChanged(Message):
        """The list's width changed which columns fit: the header should follow."""

    class Failed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(self, store: object, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.where = ArticleFilter()
        self.sort = "published"
        self.descending = True
        self.count = 0
        self.loaded = False
        self._rows: dict[int, ArticleSummary] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self._layout_width = -1
        self._layout: tuple[int, tuple[Column, ...]] = (1, ())
        self._posted_layout: tuple[int, tuple[Column, ...]] | None = None

    # ------------------------------------------------------------ data

    def reload(
        self,
        where: ArticleFilter | None = None,
        sort: str | None = None,
        descending: bool | None = None,
    ) -> None:
        """Fetch the count and the first page again (new filter, order, or changed store)."""
        if where is not None:
            self.where = where
        if sort is not None:
            self.sort = sort
        if descending is not None:
            self.descending = descending
        self._generation += 1
        self._pending.clear()
        self.loaded = False
        self._load_first(self._generation, self.where, self.sort, self.descending)

    @work(thread=True, group="library", exclusive=True, exit_on_error=False)
    def _load_first(
        self, generation: int, where: ArticleFilter, sort: str, descending: bool
    ) -> None:
        try:
            count = self.store.count_articles(where)
            rows = self.store.list_articles(
                where, sort=sort, descending=descending, limit=PAGE_SIZE
            )
        except Exception as exc:  # any failure is shown to the reader, never raised
            self.post_message(self.Failed(str(exc)))
            return
        self.post_message(self.Loaded(generation, count, rows))

    @work(thread=True, group="library-pages", exit_on_error=False)
    def _load_page(
        self, generation: int, offset: int, where: ArticleFilter, sort: str, descending: bool
    ) -> None:
        try:
            rows = self.store.list_articles(
                where, sort=sort, descending=descending, limit=PAGE_SIZE, offset=offset
            )
        except Exception as exc:
            self.post_message(self.Failed(str(exc)))
            return
        self.post_message(self.PageLoaded(generation, offset, rows))

    def on_article_list_loaded(self, message: Loaded) -> None:
        if message.generation != self._generation:
            message.stop()
            return
        self.count = message.count
        self._rows = {index: row for index, row in enumerate(message.rows)}
        self.loaded = True
        self.cursor = min(self.cursor, max(0, self.count - 1))
        self.virtual_size = Size(self.scrollable_content_region.width, self.count)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def on_article_list_page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._pending.discard(message.offset)
        for index, row in enumerate(message.rows):
            self._rows[message.offset + index] = row
        self.refresh()

    def _request(self, index: int) -> None:
        offset = index - index % PAGE_SIZE
        if offset in self._pending or not self.loaded:
            return
        self._pending.add(offset)
        self._load_page(self._generation, offset, self.where, self.sort, self.descending)

    def row(self, index: int) -> ArticleSummary | None:
        return self._rows.get(index)

    @property
    def current(self) -> ArticleSummary | None:
        return self._rows.get(self.cursor)

    def replace_row(self, summary: ArticleSummary) -> None:
        """Update a row in place (after a star or read change)."""
        for index, row in self._rows.items():
            if row.id == summary.id:
                self._rows[index] = summary
                self.refresh()
                return

    # ------------------------------------------------------------ rendering

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.count)
        layout = self.layout
        if layout != self._posted_layout:
            self._posted_layout = layout
            self.post_message(self.ColumnsChanged())

    @property
    def layout(self) -> tuple[int, tuple[Column, ...]]:
        """The title's width and the columns beside it, fitted to the list's width."""
        width = self.scrollable_content_region.width
        if width != self._layout_width:
            columns = columns_for(width)
            self._layout = (max(1, title_room(width, columns)), columns)
            self._layout_width = width
        return self._layout

    @property
    def title_width(self) -> int:
        return self.layout[0]

    @property
    def column_names(self) -> list[str]:
        return ["Title", *(column.name for column in self.layout[1])]

    def header_text(self) -> str:
        return " ".join(header_cells(*self.layout))

    def watch_stale(self) -> None:
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= self.count:
            return Strip.blank(width, base)
        summary = self._rows.get(index)
        if summary is None:
            self._request(index)
            return Strip([Segment(fit("   …", width), base + Style(dim=True))])
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("article-list--cursor")
        elif not summary.read:
            style = base + Style(bold=True)
        if self.stale:
            style += Style(dim=True)
        text = " ".join(row_cells(summary, *self.layout))
        return Strip([Segment(text, style)]).crop_extend(0, width, style)

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-list--cursor"}

    DEFAULT_CSS = """
    ArticleList { height: 1fr; overflow-x: hidden; overflow-y: auto; scrollbar-gutter: stable; }
    ArticleList > .article-list--cursor { background: $accent 40%; text-style: bold; }
    ArticleList:focus > .article-list--cursor { background: $accent; color: $text; }
    """

    # ------------------------------------------------------------ movement

    def watch_cursor(self, old: int, new: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_offset.y)
        if new < top:
            self.scroll_to(y=new, animate=False, immediate=True)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False, immediate=True)
        self.refresh()

    def action_move(self, delta: int) -> None:
        if self.count:
            self.cursor = min(max(0, self.cursor + delta), self.count - 1)

    def action_page(self, direction: int) -> None:
        self.action_move(direction * max(1, self.scrollable_content_region.height - 1))

    def action_edge(self, end: int) -> None:
        if self.count:
            self.cursor = self.count - 1 if end else 0

    def action_open(self) -> None:
        summary = self.current
        if summary is not None:
            self.post_message(self.Opened(summary.id))

    def on_click(self, event: events.Click) -> None:
        point = event.get_content_offset(self)
        if point is None:
            return
        index = int(self.scroll_offset.y) + point.y
        if index >= self.count:
            return
        if index == self.cursor and event.chain >= 2:
            self.action_open()
        self.cursor = index
