"""The reading pane: an article's clean text, wrapped to a readable width, with highlights.

A line-API widget: only the lines in view are rendered, and their strips are cached
until the text, the highlights, the cursor or the theme change. It holds a keyboard
cursor (moving by word, sentence or paragraph) and a selection (keyboard or mouse).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.highlight import ANNOTATION, DATE, ENTITY, QUOTE, HighlightSpan, token_kind
from reader.sanitize import safe_text
from reader.tui.text_layout import (
    VisualLine,
    char_width,
    layout_text,
    line_at_offset,
    next_boundary,
    paragraph_spans,
    sentence_spans,
    span_containing,
    word_starts,
)

JUMP_TOKENS = {"entity": ENTITY, "date": DATE, "quote": QUOTE, "annotation": ANNOTATION}

_LAYER_ORDER = {"quote": 0, "date": 1, "entity": 2, "annotation": 3}


def _layer(span: HighlightSpan) -> int:
    for name, token in JUMP_TOKENS.items():
        if span.token in token:
            return _LAYER_ORDER[name]
    return 0


@dataclass(frozen=True, slots=True)
class Selection:
    start: int
    end: int


class ArticleView(ScrollView, can_focus=True):
    """Clean text with highlights, a cursor and a selection, drawn line by line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,w", "word(1)", "Next word", show=False),
        Binding("left,b", "word(-1)", "Prev word", show=False),
        Binding("shift+right", "word(1, True)", "Extend by word", show=False),
        Binding("shift+left", "word(-1, True)", "Extend back by word", show=False),
        Binding("right_parenthesis", "sentence(1)", "Next sentence", show=False),
        Binding("left_parenthesis", "sentence(-1)", "Prev sentence", show=False),
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", show=False),
        Binding("left_curly_bracket", "paragraph(-1)", "Prev paragraph", show=False),
        Binding("s", "select_sentence", "Select sentence"),
        Binding("S", "extend_sentence", "Extend selection", show=False),
        Binding("v", "toggle_extend", "Extend mode", show=False),
        Binding("up,k", "scroll_lines(-1)", "Up", show=False),
        Binding("down,j", "scroll_lines(1)", "Down", show=False),
        Binding("pageup", "scroll_lines(-20)", "Page up", show=False),
        Binding("pagedown,space", "scroll_lines(20)", "Page down", show=False),
        Binding("home", "to_edge(0)", "Top", show=False),
        Binding("end", "to_edge(1)", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    ArticleView { height: 1fr; }
    """

    reading_width: reactive[int] = reactive(80)
    extending: reactive[bool] = reactive(False)

    class SelectionChanged(Message):
        """The cursor or the selection moved."""

        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = ""
        self.spans: list[HighlightSpan] = []
        self.hidden_kinds: set[str] = set()
        self.kind_styles: dict[str, Style] = {}
        self.cursor = 0
        self.anchor: int | None = None
        self._lines: list[VisualLine] = []
        self._line_starts: list[int] = []
        self._line_spans: list[list[int]] = []
        self._layout_width = 0
        self._strips: dict[int, Strip] = {}
        self._words: list[int] = []
        self._sentences: list[tuple[int, int]] = []
        self._paragraphs: list[tuple[int, int]] = []
        self._dragging = False

    # ------------------------------------------------------------ content

    def set_text(self, text: str) -> None:
        """Show a new text (made safe again here: the store is not trusted blindly)."""
        self.text = safe_text(text)
        self._words = word_starts(self.text)
        self._sentences = sentence_spans(self.text)
        self._paragraphs = paragraph_spans(self.text)
        self.cursor = 0
        self.anchor = None
        self._layout_width = 0
        self._relayout()

    def set_spans(self, spans: Iterable[HighlightSpan]) -> None:
        limit = len(self.text)
        self.spans = [s for s in spans if 0 <= s.start < s.end <= limit]
        self.spans.sort(key=lambda span: (span.start, -span.end))
        self._index_spans()
        self.invalidate()

    def set_styles(self, styles: dict[str, Style]) -> None:
        self.kind_styles = styles
        self.invalidate()

    def set_hidden(self, kinds: set[str]) -> None:
        self.hidden_kinds = set(kinds)
        self.invalidate()

    def invalidate(self) -> None:
        """Forget cached strips and repaint."""
        self._strips.clear()
        self.refresh()

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def text_width(self) -> int:
        available = max(10, self.scrollable_content_region.width - 2)
        return min(self.reading_width, available)

    def _relayout(self) -> None:
        width = self.text_width
        self._lines = layout_text(self.text, width)
        self._line_starts = [line.start for line in self._lines]
        self._layout_width = width
        self._index_spans()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
        self.invalidate()

    def _index_spans(self) -> None:
        per_line: list[list[int]] = [[] for _ in self._lines]
        starts = self._line_starts
        for index, span in enumerate(self.spans):
            line = max(0, bisect.bisect_right(starts, span.start) - 1)
            while line < len(self._lines) and self._lines[line].start < span.end:
                per_line[line].append(index)
                line += 1
        self._line_spans = per_line

    def on_resize(self, event: events.Resize) -> None:
        if self.text_width != self._layout_width:
            anchor_offset = self.top_offset()
            self._relayout()
            self.scroll_to(y=self.line_of(anchor_offset), animate=False)
        else:
            self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))
            self.invalidate()

    def watch_reading_width(self) -> None:
        if self.is_mounted:
            self._relayout()

    # ------------------------------------------------------------ geometry

    def line_of(self, offset: int) -> int:
        if not self._lines:
            return 0
        return line_at_offset(self._lines, self._line_starts, offset)

    def top_offset(self) -> int:
        """Offset of the first character on the top visible line."""
        y = int(self.scroll_offset.y)
        return self._lines[y].start if 0 <= y < len(self._lines) else 0

    @property
    def left_margin(self) -> int:
        return max(0, (self.scrollable_content_region.width - self._layout_width) // 2)

    def offset_at(self, x: int, y: int) -> int:
        """Text offset under a point of the content area (scroll included)."""
        if not self._lines:
            return 0
        row = min(max(0, y), len(self._lines) - 1)
        line = self._lines[row]
        if line.blank:
            return line.start
        column = x - self.left_margin
        position = line.start
        cells = 0
        while position < line.end:
            width = char_width(self.text[position])
            if cells + width > column:
                break
            cells += width
            position += 1
        return min(position, len(self.text))

    def keep_visible(self, offset: int, *, center: bool = False) -> None:
        line = self.line_of(offset)
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_offset.y)
        if center:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)
        elif line < top:
            self.scroll_to(y=line, animate=False, immediate=True)
        elif line >= top + height:
            self.scroll_to(y=line - height + 1, animate=False, immediate=True)

    # ------------------------------------------------------------ rendering

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = y + scroll_y
        strip = self._strips.get(row)
        if strip is None:
            strip = self._render_row(row)
            self._strips[row] = strip
        width = self.scrollable_content_region.width
        return strip.crop(scroll_x, scroll_x + width)

    def _render_row(self, row: int) -> Strip:
        base = self.rich_style
        width = self.scrollable_content_region.width
        if row >= len(self._lines) or self._lines[row].blank:
            return Strip.blank(width, base)
        line = self._lines[row]
        text = self.text[line.start : line.end]
        visible = text.rstrip()
        points = {0, len(visible)}
        layers: list[tuple[int, int, int, Style]] = []
        for index in self._line_spans[row] if row < len(self._line_spans) else ():
            span = self.spans[index]
            kind = span.kind
            if kind in self.hidden_kinds:
                continue
            style = self.kind_styles.get(token_kind(span.token))
            if style is None:
                continue
            start = max(span.start, line.start) - line.start
            end = min(span.end, line.end) - line.start
            if start < end:
                layers.append((_layer(span), start, end, style))
                points.update((min(start, len(visible)), min(end, len(visible))))
        selection = self.selection
        select_style = self.kind_styles.get("selection", Style(reverse=True))
        if selection is not None:
            start = max(selection.start, line.start) - line.start
            end = min(selection.end, line.end) - line.start
            if start < end:
                layers.append((8, start, end, select_style))
                points.update((min(start, len(visible)), min(end, len(visible))))
        cursor = self.cursor - line.start
        if self.has_focus and line.start <= self.cursor < max(line.end, line.start + 1):
            cursor_style = self.kind_styles.get("cursor", Style(reverse=True, underline=True))
            if cursor < len(visible):
                layers.append((9, cursor, cursor + 1, cursor_style))
                points.update((cursor, cursor + 1))
        layers.sort(key=lambda layer: layer[0])
        ordered = sorted(p for p in points if 0 <= p <= len(visible))
        segments = [Segment(" " * self.left_margin, base)]
        for start, end in pairwise(ordered):
            style = base
            for _, layer_start, layer_end, layer_style in layers:
                if layer_start <= start and end <= layer_end:
                    style = style + layer_style
            segments.append(Segment(visible[start:end], style))
        if self.has_focus and cursor >= len(visible) and line.start <= self.cursor <= line.end:
            segments.append(Segment(" ", base + Style(reverse=True)))
        strip = Strip(segments)
        return strip.extend_cell_length(width, base)

    def on_focus(self) -> None:
        self.invalidate()

    def on_blur(self) -> None:
        self.invalidate()

    # ------------------------------------------------------------ cursor and selection

    @property
    def selection(self) -> Selection | None:
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return Selection(min(self.anchor, self.cursor), max(self.anchor, self.cursor))

    @property
    def selected_text(self) -> str:
        selection = self.selection
        return "" if selection is None else self.text[selection.start : selection.end]

    def move_cursor(self, offset: int, *, extend: bool = False, center: bool = False) -> None:
        offset = min(max(0, offset), len(self.text))
        if extend or self.extending:
            if self.anchor is None:
                self.anchor = self.cursor
        else:
            self.anchor = None
        self.cursor = offset
        self.keep_visible(offset, center=center)
        self.invalidate()
        self.post_message(self.SelectionChanged(self))

    def select(self, start: int, end: int) -> None:
        """Select ``[start, end)`` and show it."""
        self.anchor = min(max(0, start), len(self.text))
        self.cursor = min(max(0, end), len(self.text))
        self.keep_visible(self.anchor, center=True)
        self.invalidate()
        self.post_message(self.SelectionChanged(self))

    def clear_selection(self) -> bool:
        had = self.anchor is not None or self.extending
        self.anchor = None
        self.extending = False
        self.invalidate()
        return had

    def action_word(self, direction: int, extend: bool = False) -> None:
        self.move_cursor(next_boundary(self._words, self.cursor, direction > 0), extend=extend)

    def action_sentence(self, direction: int) -> None:
        starts = [start for start, _ in self._sentences]
        self.move_cursor(next_boundary(starts, self.cursor, direction > 0))

    def action_paragraph(self, direction: int) -> None:
        starts = [start for start, _ in self._paragraphs]
        self.move_cursor(next_boundary(starts, self.cursor, direction > 0))

    def current_sentence(self) -> tuple[int, int]:
        if not self._sentences:
            return (0, 0)
        return self._sentences[span_containing(self._sentences, self.cursor)]

    def action_select_sentence(self) -> None:
        start, end = self.current_sentence()
        self.anchor, self.cursor = start, end
        self.keep_visible(end)
        self.invalidate()
        self.post_message(self.SelectionChanged(self))

    def action_extend_sentence(self) -> None:
        """Grow the selection to the end of the next sentence (or select this one)."""
        if self.selection is None:
            self.action_select_sentence()
            return
        selection = self.selection
        index = span_containing(self._sentences, max(selection.start, selection.end - 1))
        if index + 1 < len(self._sentences):
            self.anchor = selection.start
            self.cursor = self._sentences[index + 1][1]
            self.keep_visible(self.cursor)
            self.invalidate()
            self.post_message(self.SelectionChanged(self))

    def action_toggle_extend(self) -> None:
        self.extending = not self.extending
        if self.extending:
            self.anchor = self.cursor
        self.notify(
            "Extending the selection: move the cursor, press v again to stop"
            if self.extending
            else "Selection fixed",
            timeout=2,
        )

    def action_scroll_lines(self, count: int) -> None:
        self.scroll_to(y=max(0, self.scroll_offset.y + count), animate=False, immediate=True)
        top = self.line_of(self.cursor)
        first = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if not first <= top < first + height and self._lines and not self.extending:
            row = min(first if count > 0 else first + height - 1, len(self._lines) - 1)
            self.cursor = self._lines[row].start
            self.anchor = None
            self.invalidate()

    def action_to_edge(self, end: int) -> None:
        self.move_cursor(len(self.text) if end else 0)

    def jump(self, kind: str, direction: int) -> HighlightSpan | None:
        """Move the cursor to the next (or previous) visible highlight of a kind."""
        token = JUMP_TOKENS[kind]
        candidates = [
            span
            for span in self.spans
            if span.token in token and span.kind not in self.hidden_kinds
        ]
        if direction > 0:
            found = next((s for s in candidates if s.start > self.cursor), None)
        else:
            found = next((s for s in reversed(candidates) if s.start < self.cursor), None)
        if found is not None:
            self.anchor = None
            self.extending = False
            self.move_cursor(found.start, center=True)
        return found

    def spans_at(self, offset: int | None = None) -> list[HighlightSpan]:
        """Visible highlights covering an offset (default: the cursor)."""
        position = self.cursor if offset is None else offset
        return [
            span
            for span in self.spans
            if span.start <= position < span.end and span.kind not in self.hidden_kinds
        ]

    # ------------------------------------------------------------ mouse

    def _event_offset(self, event: events.MouseEvent) -> int:
        point = event.get_content_offset_capture(self)
        return self.offset_at(
            point.x + int(self.scroll_offset.x), point.y + int(self.scroll_offset.y)
        )

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        self.focus()
        offset = self._event_offset(event)
        self.anchor = offset
        self.cursor = offset
        self._dragging = True
        self.capture_mouse()
        self.invalidate()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self.cursor = self._event_offset(event)
            self.invalidate()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            self.cursor = self._event_offset(event)
            if self.anchor == self.cursor:
                self.anchor = None
            self.invalidate()
            self.post_message(self.SelectionChanged(self))
