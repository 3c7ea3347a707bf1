"""The article's side panel: its entities by type, annotations, backlinks, related articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from textual import events
from textual.content import Content
from textual.geometry import Region
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.highlight import KIND_LABELS
from reader.sanitize import safe_line

TYPE_ORDER = (("PERSON", "person"), ("ORG", "org"), ("PLACE", "place"), ("NORP", "norp"))

PANEL_SHARE = 0.3
PANEL_MIN_WIDTH = 32
PANEL_MAX_WIDTH = 48
READING_CHROME = 3
"""Cells the reading pane needs beside its measure (margins and scrollbar)."""


def panel_width(screen_width: int) -> int:
    """The panel's width on a screen this wide (the share of the width, within min and max)."""
    return min(PANEL_MAX_WIDTH, max(PANEL_MIN_WIDTH, int(screen_width * PANEL_SHARE)))


def panel_fits(screen_width: int, reading_width: int) -> bool:
    """Whether the panel fits beside the full reading measure (else it starts closed)."""
    return screen_width - panel_width(screen_width) >= reading_width + READING_CHROME


def heading(text: str) -> Option:
    return Option(Content.styled(text, "bold $text-accent"), disabled=True)


def clip(text: str, width: int = 60) -> str:
    text = safe_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def wrap_title(text: str, width: int, *, lines: int = 2, indent: str = "  ") -> str:
    """A title on up to ``lines`` lines broken at spaces, an ellipsis where it is cut."""
    room = max(8, width - len(indent))
    out: list[str] = []
    current = ""
    words = safe_line(text).split()
    for index, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= room:
            current = candidate
            continue
        if len(out) + 1 < lines:
            if current:
                out.append(current)
            current = clip(word, room)
            continue
        rest = " ".join(words[index:])
        current = clip(f"{current} {rest}", room) if len(current) + 2 > room else current + " …"
        break
    if current:
        out.append(current)
    return "\n".join(indent + line for line in out[:lines])


class SidePanel(OptionList):
    """A list of what the article links to; choosing an entry posts ``OptionSelected``.

    Option ids say what an entry is: ``entity:<id>``, ``annotation:<id>`` (one of this
    article's), ``backlink:<annotation id>`` (a note elsewhere linking here) and
    ``article:<id>`` (a related article).

    The list scrolls with the wheel and, once focused, with the arrows, Page Up/Down,
    Home and End; moving to a section's first entry also brings its heading into view.
    """

    DEFAULT_CSS = f"""
    SidePanel {{
        width: {int(PANEL_SHARE * 100)}%;
        min-width: {PANEL_MIN_WIDTH};
        max-width: {PANEL_MAX_WIDTH};
    }}
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: tuple[Sequence[object], ...] | None = None
        self._shown_width = 0

    def on_resize(self, event: events.Resize) -> None:
        """Wrap the entries again when the panel's width changes."""
        if self._shown is not None and self.text_width != self._shown_width:
            self.show(*self._shown)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll to the highlighted entry and, above it, the heading of its section."""
        super().scroll_to_highlight(top)
        index = self.highlighted
        if index is None or index == 0 or not self.is_mounted:
            return
        if not self.get_option_at_index(index - 1).disabled:
            return
        first = self._index_to_line.get(index - 1)
        last = self._index_to_line.get(index)
        if first is None or last is None:
            return
        height = last - first + self._heights[index]
        self.scroll_to_region(
            Region(0, first, self.scrollable_content_region.width, height),
            animate=False,
            immediate=True,
        )

    def action_first(self) -> None:
        super().action_first()
        self.scroll_home(animate=False, immediate=True)

    def action_last(self) -> None:
        super().action_last()
        self.scroll_end(animate=False, immediate=True)

    @property
    def text_width(self) -> int:
        """Cells an option's text can use (the panel less its border, padding and scrollbar)."""
        inner = self.scrollable_content_region.width
        return max(20, inner - 2 if inner else 36)

    def show(
        self,
        mentions: Sequence[object],
        annotations: Sequence[object],
        backlinks: Sequence[object] = (),
        related: Iterable[tuple[object, float, list[str]]] = (),
    ) -> None:
        backlinks = list(backlinks)
        related = list(related)
        self._shown = (mentions, annotations, backlinks, related)
        self._shown_width = self.text_width
        highlighted = self.highlighted
        self.clear_options()
        options: list[Option] = []
        by_type: dict[str, Counter[int]] = defaultdict(Counter)
        names: dict[int, str] = {}
        for mention in mentions:
            entity_id = getattr(mention, "entity_id", None)
            if entity_id is None:
                continue
            by_type[mention.type][entity_id] += 1
            names.setdefault(entity_id, mention.entity_name or mention.text)
        for entity_type, kind in TYPE_ORDER:
            counts = by_type.get(entity_type)
            if not counts:
                continue
            options.append(heading(f"{KIND_LABELS[kind]} ({len(counts)})"))
            for entity_id, count in sorted(
                counts.items(), key=lambda item: (-item[1], names[item[0]])
            ):
                options.append(
                    Option(
                        Content(f"  {clip(names[entity_id], 30)}  ×{count}"),
                        id=f"entity:{entity_id}",
                    )
                )
        width = self.text_width
        passages = [note for note in annotations if getattr(note, "exact", None)]
        options.append(heading(f"Annotations ({len(passages)})"))
        for note in passages:
            tags = " ".join(f"#{tag}" for tag in note.tags)
            label = clip(" ".join((note.exact or "").split()), width - 4)
            extra = f"\n    {clip(tags, width - 4)}" if tags else ""
            options.append(Option(Content(f"  “{label}”{extra}"), id=f"annotation:{note.id}"))
        if backlinks:
            options.append(heading(f"Backlinks ({len(backlinks)})"))
            for note in backlinks:
                options.append(
                    Option(
                        Content(f"  {clip(note.note or note.exact or '', width - 2)}"),
                        id=f"backlink:{note.id}",
                    )
                )
        if related:
            options.append(heading(f"Related articles ({len(related)})"))
            for summary, _score, shared in related:
                shared_text = ", ".join(shared[:3])
                options.append(
                    Option(
                        Content(
                            f"{wrap_title(summary.title, width)}\n"
                            f"    {clip(shared_text, width - 4)}"
                        ),
                        id=f"article:{summary.id}",
                    )
                )
        self.add_options(options)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
