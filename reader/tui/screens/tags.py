"""Tags and annotations: every tag with its count, every annotation, filterable."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.models import Annotation, Tag
from reader.sanitize import safe_line
from reader.tui.messages import OpenArticle
from reader.tui.screens.prompt_dialog import PromptDialog
from reader.tui.widgets.key_hints import KeyHints
from reader.tui.widgets.side_panel import clip

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

ALL_TAGS = "__all__"


class TagsLoaded(Message):
    def __init__(
        self, tags: list[Tag], annotations: list[Annotation], titles: dict[int, str]
    ) -> None:
        super().__init__()
        self.tags = tags
        self.annotations = annotations
        self.titles = titles


class TagsFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


def parse_annotation_filter(line: str) -> dict[str, Any]:
    """``tag:x entity:"Sergei Lavrov" article:3 words`` -> ``list_annotations`` keywords.

    Double quotes keep a value with spaces together; an unbalanced quote is taken literally.
    """
    options: dict[str, Any] = {}
    words: list[str] = []
    try:
        parts = shlex.split(line)
    except ValueError:
        parts = line.split()
    for word in parts:
        key, _, value = word.partition(":")
        if value and key in ("tag", "entity"):
            options[key] = value
        elif value and key == "article" and value.isdigit():
            options["article_id"] = int(value)
        else:
            words.append(word)
    if words:
        options["text"] = " ".join(words)
    return options


class TagsScreen(Screen[None]):
    """Tags on the left, annotations on the right; Enter on an annotation opens its passage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("slash", "focus_filter", "Filter", key_display="/"),
        Binding("r", "rename_tag", "Rename/merge tag"),
        Binding("d", "delete", "Delete note"),
        Binding("u", "undo", "Undo delete"),
        Binding("x", "export", "Export tag"),
    ]

    PALETTE_COMMANDS: ClassVar[list[tuple[str, str, str]]] = [
        ("rename_tag", "Rename or merge the selected tag", ""),
        ("export", "Export the selected tag to Markdown", ""),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[Tag] = []
        self.annotations: list[Annotation] = []
        self.titles: dict[int, str] = {}
        self.deleted: list[Annotation] = []

    @property
    def reader_app(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder='Filter annotations: words  tag:x  entity:"Name"  article:12',
            id="annotation-filter",
        )
        with Horizontal(id="tags-body"):
            with Vertical(id="tag-list"):
                yield Static(Content("Tags"), classes="section-title")
                yield OptionList(id="tags")
            with Vertical(id="annotation-list"):
                yield Static(
                    Content("Annotations"), classes="section-title", id="annotations-title"
                )
                yield OptionList(id="annotations")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one("#annotations", OptionList).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._load(self.query_one("#annotation-filter", Input).value)

    @work(thread=True, group="tags", exclusive=True, exit_on_error=False)
    def _load(self, line: str) -> None:
        self._fetch(line)

    def _fetch(self, line: str) -> None:
        from reader.annotations import list_annotations, list_tags

        store = self.reader_app.store
        try:
            tags = list(list_tags(store))
            notes = [n for n in list_annotations(store, **parse_annotation_filter(line))]
            titles = {}
            for article_id in {note.article_id for note in notes}:
                titles[article_id] = store.get_article(article_id).title
        except Exception as exc:
            self.post_message(TagsFailed(str(exc)))
            return
        self.post_message(TagsLoaded(tags, notes, titles))

    def on_tags_failed(self, message: TagsFailed) -> None:
        self.notify(message.error, severity="error", markup=False)

    def on_tags_loaded(self, message: TagsLoaded) -> None:
        self.tags, self.annotations, self.titles = message.tags, message.annotations, message.titles
        tag_list = self.query_one("#tags", OptionList)
        keep = tag_list.highlighted
        tag_list.clear_options()
        tag_list.add_option(Option(Content("All annotations"), id=ALL_TAGS))
        tag_list.add_options(
            Option(Content(f"{clip(tag.name, 24)}  {tag.count}"), id=f"tag:{tag.name}")
            for tag in self.tags
        )
        if keep is not None and keep < tag_list.option_count:
            tag_list.highlighted = keep
        notes = self.query_one("#annotations", OptionList)
        keep = notes.highlighted
        notes.clear_options()
        for note in self.annotations:
            quote = clip(note.exact or "(article note)", 70)
            tags = " ".join(f"#{safe_line(tag)}" for tag in note.tags)
            lines = [
                Content.assemble((clip(self.titles.get(note.article_id, ""), 70), "$text-muted")),
                Content.assemble((f"“{quote}”", "italic")),
            ]
            if note.note or tags:
                lines.append(
                    Content.assemble((clip(note.note, 60), ""), ("  " + tags, "$text-accent"))
                )
            notes.add_option(Option(Content("\n").join(lines), id=f"annotation:{note.id}"))
        if keep is not None and keep < notes.option_count:
            notes.highlighted = keep
        self.query_one("#annotations-title", Static).update(
            Content(f"Annotations ({len(self.annotations)})")
        )

    # ------------------------------------------------------------ events

    @on(Input.Changed, "#annotation-filter")
    def filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#annotation-filter")
    def filter_submitted(self) -> None:
        self.query_one("#annotations", OptionList).focus()

    @on(OptionList.OptionSelected, "#tags")
    def tag_chosen(self, event: OptionList.OptionSelected) -> None:
        filter_input = self.query_one("#annotation-filter", Input)
        if event.option.id == ALL_TAGS:
            filter_input.value = ""
        else:
            name = (event.option.id or "").partition(":")[2]
            filter_input.value = f"tag:{shlex.quote(name)}"
        self.query_one("#annotations", OptionList).focus()

    @on(OptionList.OptionSelected, "#annotations")
    def annotation_chosen(self, event: OptionList.OptionSelected) -> None:
        note = self._annotation(event.option.id)
        if note is not None:
            self.post_message(OpenArticle(note.article_id, note.start, note.end))

    def _annotation(self, option_id: str | None) -> Annotation | None:
        ident = (option_id or "").partition(":")[2]
        return next((n for n in self.annotations if str(n.id) == ident), None)

    def _selected_tag(self) -> str | None:
        tag_list = self.query_one("#tags", OptionList)
        if tag_list.highlighted is None:
            return None
        option_id = tag_list.get_option_at_index(tag_list.highlighted).id or ""
        return option_id.partition(":")[2] if option_id.startswith("tag:") else None

    # ------------------------------------------------------------ actions

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_focus_filter(self) -> None:
        self.query_one("#annotation-filter", Input).focus()

    def action_rename_tag(self) -> None:
        tag = self._selected_tag()
        if tag is None:
            self.notify("Highlight a tag in the tag list first", timeout=2)
            return

        def answer(new: str | None) -> None:
            if new and new != tag:
                self._rename(tag, new)

        self.app.push_screen(
            PromptDialog(
                f"Rename tag {tag} (an existing name merges the two)",
                value=tag,
                suggestions=[t.name for t in self.tags],
            ),
            answer,
        )

    @work(thread=True, group="tags-write", exit_on_error=False)
    def _rename(self, old: str, new: str) -> None:
        from reader.annotations import rename_tag

        try:
            rename_tag(self.reader_app.store, old, new)
        except Exception as exc:
            self.post_message(TagsFailed(f"Cannot rename {old}: {exc}"))
            return
        self.app.call_from_thread(self.notify, f"Tag {old} is now {new}", timeout=3, markup=False)
        self._fetch(
            self.app.call_from_thread(lambda: self.query_one("#annotation-filter", Input).value)
        )

    def action_delete(self) -> None:
        notes = self.query_one("#annotations", OptionList)
        if notes.highlighted is None:
            return
        note = self._annotation(notes.get_option_at_index(notes.highlighted).id)
        if note is not None:
            self._delete(note.id)

    @work(thread=True, group="tags-write", exit_on_error=False)
    def _delete(self, annotation_id: int) -> None:
        from reader.annotations import delete_annotation

        try:
            self.deleted.append(delete_annotation(self.reader_app.store, annotation_id))
        except Exception as exc:
            self.post_message(TagsFailed(f"Cannot delete: {exc}"))
            return
        self.app.call_from_thread(self.notify, "Annotation deleted — press u to undo", timeout=4)
        self._fetch(
            self.app.call_from_thread(lambda: self.query_one("#annotation-filter", Input).value)
        )

    def action_undo(self) -> None:
        if self.deleted:
            self._restore(self.deleted.pop())
        else:
            self.notify("Nothing to undo", timeout=1.5)

    @work(thread=True, group="tags-write", exit_on_error=False)
    def _restore(self, note: Annotation) -> None:
        from reader.annotations import restore_annotation

        try:
            restore_annotation(self.reader_app.store, note)
        except Exception as exc:
            self.deleted.append(note)
            self.post_message(TagsFailed(f"Cannot restore: {exc}"))
            return
        self.app.call_from_thread(self.notify, "Annotation restored", timeout=1.5)
        self._fetch(
            self.app.call_from_thread(lambda: self.query_one("#annotation-filter", Input).value)
        )

    def action_export(self) -> None:
        from reader.tui.exporting import export_in_worker

        tag = self._selected_tag()
        if tag is None:
            self.notify("Highlight a tag in the tag list first", timeout=2)
            return
        export_in_worker(self, tag=tag)
