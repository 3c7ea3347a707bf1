"""An entity's page: names, every mention in context, dates, related entities, notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.models import Entity
from reader.sanitize import safe_line
from reader.tui.messages import OpenArticle, OpenEntity, StoreChanged
from reader.tui.screens.prompt_dialog import PromptDialog
from reader.tui.widgets.key_hints import KeyHints
from reader.tui.widgets.side_panel import clip, heading
from reader.tui.widgets.timeline import timeline_content

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp

CONTEXT_CELLS = 38
TYPE_NAMES = {"PERSON": "person", "ORG": "organisation", "PLACE": "place", "NORP": "nationality"}


@dataclass
class EntityData:
    entity: Entity
    mentions: list[Any] = field(default_factory=list)
    dates: list[tuple[str, int]] = field(default_factory=list)
    related: list[tuple[Entity, int]] = field(default_factory=list)
    notes: list[Any] = field(default_factory=list)


class EntityLoaded(Message):
    def __init__(self, data: EntityData) -> None:
        super().__init__()
        self.data = data


class EntityFailed(Message):
    def __init__(self, error: str, fatal: bool = False) -> None:
        super().__init__()
        self.error = error
        self.fatal = fatal


def kwic(before: str, text: str, after: str, width: int = CONTEXT_CELLS) -> Content:
    """A keyword-in-context line: the mention in bold between its neighbours.

    The context is cut at a word boundary where one is near, and the mention keeps
    its own spacing ("Syria's" stays one word, never "Syria 's").
    """
    before_line = safe_line(before)
    after_line = safe_line(after)
    left = " ".join(before_line.split())
    right = " ".join(after_line.split())
    if before[-1:].isspace() and left:
        left += " "
    if after[:1].isspace() and right:
        right = " " + right
    if len(left) > width:
        cut = left[-width:]
        space = cut.find(" ")
        cut = cut[space + 1 :] if 0 <= space < width // 2 else cut[1:]
        left = "…" + cut
    if len(right) > width:
        cut = right[:width]
        space = cut.rfind(" ")
        cut = cut[:space] if space > width * 2 // 3 else cut[:-1]
        right = cut + "…"
    return Content.assemble(
        (f"{left:>{width}}", "$text-muted"),
        (safe_line(text), "bold $text-accent"),
        (right, "$text-muted"),
    )


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def context_cells(list_width: int) -> int:
    """Cells of context on each side of a mention so a KWIC line fits the list."""
    if list_width <= 0:
        return CONTEXT_CELLS
    return max(12, min(CONTEXT_CELLS, (list_width - 18) // 2))


class EntityScreen(Screen[None]):
    """Everything the store knows about one person, organisation or place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("r", "rename", "Rename"),
        Binding("M", "merge", "Merge"),
        Binding("I", "ignore", "Ignore"),
        Binding("x", "export", "Export"),
        Binding("tab", "app.focus_next", "Next list", show=False),
    ]

    PALETTE_COMMANDS: ClassVar[list[tuple[str, str, str]]] = [
        ("rename", "Rename this entity", "Change its preferred name"),
        ("merge", "Merge another entity into this one", "Same person, other name"),
        ("ignore", "Ignore this entity", "Not a real entity: hide it everywhere"),
        ("export", "Export this entity's notes to Markdown", ""),
    ]

    def __init__(self, entity_id: int) -> None:
        super().__init__()
        self.entity_id = entity_id
        self.data: EntityData | None = None

    @property
    def reader_app(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading…"), id="entity-header")
        yield Static("", id="entity-timeline")
        with Horizontal(id="entity-body"):
            with Vertical(id="entity-mentions-box"):
                yield Static(Content("Mentions"), classes="section-title")
                yield OptionList(id="entity-mentions")
            with Vertical(id="entity-side"):
                yield Static(Content("Appears with"), classes="section-title")
                yield OptionList(id="entity-related")
                yield Static(Content("Notes linking here"), classes="section-title")
                yield OptionList(id="entity-notes")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one("#entity-mentions", OptionList).focus()
        self._load()

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self._load()

    @work(thread=True, group="entity", exclusive=True, exit_on_error=False)
    def _load(self) -> None:
        self._fetch()

    def _fetch(self) -> None:
        """Read everything about the entity (in the calling worker thread) and post it."""
        store = self.reader_app.store
        from reader.annotations import backlinks

        try:
            entity = store.get_entity(self.entity_id)
            data = EntityData(
                entity=entity,
                mentions=list(store.entity_mentions(entity.id)),
                dates=list(store.entity_dates(entity.id)),
                related=list(store.cooccurring_entities(entity.id, limit=12)),
                notes=list(backlinks(store, entity_id=entity.id)),
            )
        except Exception as exc:
            self.post_message(EntityFailed(f"Cannot open the entity: {exc}", fatal=True))
            return
        self.post_message(EntityLoaded(data))

    def on_entity_failed(self, message: EntityFailed) -> None:
        self.notify(message.error, severity="error", markup=False)
        if message.fatal and self.data is None:
            self.app.pop_screen()

    def on_entity_loaded(self, message: EntityLoaded) -> None:
        self.data = data = message.data
        entity = data.entity
        articles = len({m.article_id for m in data.mentions})
        aliases = [a for a in entity.aliases if a != entity.name]
        header = [
            Content.assemble(
                (safe_line(entity.name), "bold $text-primary"),
                (f"  {TYPE_NAMES.get(entity.type, entity.type.lower())}", "$text-muted"),
                ("  (ignored)" if entity.ignored else "", "$text-warning"),
            ),
            Content(f"{plural(len(data.mentions), 'mention')} in {plural(articles, 'article')}"),
        ]
        if aliases:
            header.append(Content("Also: " + ", ".join(safe_line(a) for a in aliases)))
        self.query_one("#entity-header", Static).update(Content("\n").join(header))
        self.query_one("#entity-timeline", Static).update(
            timeline_content(value for value, _ in data.dates)
        )
        self._show_mentions(data.mentions)
        related = self.query_one("#entity-related", OptionList)
        related.clear_options()
        related.add_options(
            [
                Option(Content(f"{clip(other.name, 28)}  ×{count}"), id=f"entity:{other.id}")
                for other, count in data.related
            ]
            or [
                Option(
                    Content.styled("No other entity in its articles", "$text-muted"), disabled=True
                )
            ]
        )
        notes = self.query_one("#entity-notes", OptionList)
        notes.clear_options()
        notes.add_options(
            [
                Option(Content(clip(note.note or note.exact or "", 40)), id=f"note:{note.id}")
                for note in data.notes
            ]
            or [
                Option(Content.styled("No annotation links here yet", "$text-muted"), disabled=True)
            ]
        )
        self._note_targets = {note.id: note for note in data.notes}

    def _show_mentions(self, mentions: list[Any]) -> None:
        options = self.query_one("#entity-mentions", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        by_article: dict[int, list[Any]] = {}
        for mention in mentions:
            by_article.setdefault(mention.article_id, []).append(mention)
        batch: list[Option] = []
        context = context_cells(options.scrollable_content_region.width)
        for group in by_article.values():
            first = group[0]
            date = first.published.strftime("%Y-%m-%d") if first.published else "undated"
            title_room = max(20, options.scrollable_content_region.width - 20)
            batch.append(
                heading(f"{date}  {clip(first.article_title, title_room)}  ({len(group)})")
            )
            batch.extend(
                Option(
                    kwic(mention.context_before, mention.text, mention.context_after, context),
                    id=f"mention:{mention.article_id}:{mention.start}:{mention.end}",
                )
                for mention in group
            )
        options.add_options(batch)
        if highlighted is not None and highlighted < options.option_count:
            options.highlighted = highlighted
        elif options.option_count:
            options.action_first()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        kind, _, rest = (event.option.id or "").partition(":")
        if kind == "mention":
            article_id, start, end = (int(part) for part in rest.split(":"))
            self.post_message(OpenArticle(article_id, start, end))
        elif kind == "entity":
            self.post_message(OpenEntity(int(rest)))
        elif kind == "note":
            note = self._note_targets.get(int(rest))
            if note is not None:
                self.post_message(OpenArticle(note.article_id, note.start, note.end))

    # ------------------------------------------------------------ corrections

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_rename(self) -> None:
        if self.data is None:
            return

        def answer(name: str | None) -> None:
            if name and self.data is not None and name != self.data.entity.name:
                self._correct("rename", name)

        self.app.push_screen(PromptDialog("Rename entity", value=self.data.entity.name), answer)

    def action_merge(self) -> None:
        if self.data is None:
            return
        names = [other.name for other, _ in self.data.related]

        def answer(name: str | None) -> None:
            if name:
                self._correct("merge", name)

        self.app.push_screen(
            PromptDialog(
                f"Merge into {safe_line(self.data.entity.name)}: the other entity's name",
                placeholder="name, key or id of the entity to absorb",
                suggestions=names,
            ),
            answer,
        )

    def action_ignore(self) -> None:
        if self.data is not None:
            self._correct("ignore", "" if self.data.entity.ignored else "yes")

    @work(thread=True, group="entity-corrections", exit_on_error=False)
    def _correct(self, op: str, value: str) -> None:
        from reader.analysis import corrections

        store = self.reader_app.store
        try:
            self.reader_app.configure_analysis()
            if op == "rename":
                corrections.rename_entity(store, self.entity_id, value)
                message = f"Renamed to {value}"
            elif op == "merge":
                corrections.merge_entities(store, self.entity_id, value)
                message = f"Merged {value} into this entity"
            else:
                corrections.ignore_entity(store, self.entity_id, ignored=bool(value))
                message = "Entity ignored" if value else "Entity no longer ignored"
        except Exception as exc:
            self.post_message(EntityFailed(f"Cannot {op}: {exc}"))
            return
        self.app.call_from_thread(self.notify, message, timeout=3, markup=False)
        self.post_message(StoreChanged("entities"))
        self._fetch()

    def action_export(self) -> None:
        from reader.tui.exporting import export_in_worker

        if self.data is not None:
            export_in_worker(self, entity=self.data.entity.key)
