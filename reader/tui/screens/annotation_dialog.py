"""The annotation dialog: a note, tags (with completion) and a colour for a passage."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from reader.highlight import ANNOTATION_COLORS
from reader.sanitize import safe_line, safe_text
from reader.tui.widgets.completing_input import CompletingInput
from reader.tui.widgets.tag_suggester import TagSuggester, split_tags

QUOTE_PREVIEW = 280


@dataclass(frozen=True, slots=True)
class AnnotationDraft:
    """What the reader typed: saved by the screen that opened the dialog."""

    note: str
    tags: tuple[str, ...]
    color: str


class AnnotationDialog(ModalScreen[AnnotationDraft | None]):
    """Write or edit an annotation; ctrl+s saves, Escape cancels.

    The title and the row of colour and buttons stay in view; on a short terminal the
    passage, note and tags scroll between them, and the note grows as it is written.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        quote: str,
        *,
        note: str = "",
        tags: Iterable[str] = (),
        chosen_tags: Sequence[str] = (),
        color: str = "yellow",
        editing: bool = False,
    ) -> None:
        super().__init__()
        self.quote = quote
        self.note = note
        self.known_tags = list(tags)
        self.chosen_tags = list(chosen_tags)
        self.color = color if color in ANNOTATION_COLORS else "yellow"
        self.editing = editing

    def compose(self) -> ComposeResult:
        preview = " ".join(safe_text(self.quote).split())
        if len(preview) > QUOTE_PREVIEW:
            preview = preview[: QUOTE_PREVIEW - 1] + "…"
        with VerticalScroll(classes="dialog", id="annotation-dialog"):
            title = "Edit annotation" if self.editing else "New annotation"
            yield Static(Content(title), classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Label("Colour", classes="inline-label")
                yield Select(
                    [(colour, colour) for colour in ANNOTATION_COLORS],
                    value=self.color,
                    allow_blank=False,
                    id="annotation-color",
                )
                yield Button("Cancel", id="cancel")
                yield Button("Save (ctrl+s)", id="save", variant="primary")
            yield Static(Content(preview), classes="quote", id="annotation-quote")
            yield Label("Note")
            yield TextArea(safe_text(self.note), id="annotation-note", soft_wrap=True)
            yield Label("Tags (comma-separated; Tab or → completes)")
            yield CompletingInput(
                ", ".join(safe_line(tag) for tag in self.chosen_tags),
                placeholder="e.g. russia/diplomacy, to-check",
                id="annotation-tags",
                suggester=TagSuggester(self.known_tags),
            )

    def on_mount(self) -> None:
        self.query_one("#annotation-note", TextArea).focus()

    def draft(self) -> AnnotationDraft:
        note = self.query_one("#annotation-note", TextArea).text.strip()
        tags = split_tags(self.query_one("#annotation-tags", Input).value)
        colour = self.query_one("#annotation-color", Select).value
        return AnnotationDraft(note, tags, str(colour) if isinstance(colour, str) else "yellow")

    def action_save(self) -> None:
        self.dismiss(self.draft())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted, "#annotation-tags")
    def tags_submitted(self) -> None:
        self.action_save()
