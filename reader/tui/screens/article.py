"""The article: clean text with highlights, a side panel, selection and annotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static

from reader.highlight import ENTITY, KIND_LABELS, TOGGLE_KINDS, article_spans
from reader.models import Annotation, Article
from reader.sanitize import safe_line
from reader.tui.messages import OpenArticle, OpenEntity
from reader.tui.screens.annotation_dialog import AnnotationDialog, AnnotationDraft
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.key_hints import KeyHints
from reader.tui.widgets.side_panel import SidePanel, panel_fits

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


@dataclass
class ArticleData:
    """Everything the screen shows, loaded in one go by a worker."""

    article: Article
    mentions: list[Any] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)
    quotes: list[Any] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)


class ArticleLoaded(Message):
    def __init__(self, data: ArticleData) -> None:
        super().__init__()
        self.data = data


class AnnotationsLoaded(Message):
    def __init__(self, annotations: list[Annotation], focus_id: int | None = None) -> None:
        super().__init__()
        self.annotations = annotations
        self.focus_id = focus_id


class AnalysisReloaded(Message):
    def __init__(self, mentions: list[Any], dates: list[Any], quotes: list[Any]) -> None:
        super().__init__()
        self.mentions = mentions
        self.dates = dates
        self.quotes = quotes


class PanelLoaded(Message):
    def __init__(self, backlinks: list[Any], related: list[Any]) -> None:
        super().__init__()
        self.backlinks = backlinks
        self.related = related


class Failed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


def header_content(article: Article) -> Content:
    """Title and metadata as plain text (never markup)."""
    title = Content.styled(safe_line(article.title) or "(untitled)", "bold $text-primary")
    parts = [
        safe_line(article.source or ""),
        safe_line(article.byline or ""),
        article.published.strftime("%d %B %Y") if article.published else "",
        f"{article.word_count} words · {article.reading_minutes} min",
        "★ starred" if article.starred else "",
    ]
    meta = Content.styled(" · ".join(part for part in parts if part), "$text-muted")
    return Content("\n").join([title, meta])


class ArticleScreen(Screen[None]):
    """One article, for reading and annotating."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("a", "annotate", "Annotate"),
        Binding("e", "edit_annotation", "Edit note", show=False),
        Binding("d", "delete_annotation", "Delete note", show=False),
        Binding("u", "undo_delete", "Undo delete", show=False),
        Binding("enter", "open_entity", "Entity page"),
        Binding("n", "jump('entity', 1)", "Next entity"),
        Binding("N", "jump('entity', -1)", "Prev entity", show=False),
        Binding("t", "jump('date', 1)", "Next date", show=False),
        Binding("T", "jump('date', -1)", "Prev date", show=False),
        Binding("q", "jump('quote', 1)", "Next quote", show=False),
        Binding("Q", "jump('quote', -1)", "Prev quote", show=False),
        Binding("m", "jump('annotation', 1)", "Next note", show=False),
        Binding("M", "jump('annotation', -1)", "Prev note", show=False),
        Binding("1", "toggle_kind('person')", "People", show=False),
        Binding("2", "toggle_kind('org')", "Orgs", show=False),
        Binding("3", "toggle_kind('place')", "Places", show=False),
        Binding("4", "toggle_kind('date')", "Dates", show=False),
        Binding("5", "toggle_kind('quote')", "Quotes", show=False),
        Binding("6", "toggle_kind('annotation')", "Notes", show=False),
        Binding("7", "toggle_kind('norp')", "Nationalities", show=False),
        Binding("p", "toggle_panel", "Panel"),
        Binding("P", "focus_panel", "Panel focus", show=False),
        Binding("asterisk", "star", "Star", key_display="*"),
        Binding("x", "export", "Export"),
    ]

    PALETTE_COMMANDS: ClassVar[list[tuple[str, str, str]]] = [
        ("export", "Export this article to Markdown", "Write its annotations as Markdown"),
        ("toggle_panel", "Toggle the side panel", "Entities, annotations, related"),
        ("focus_panel", "Move into the side panel", "Scroll and choose with the keys"),
        ("star", "Star or unstar this article", ""),
        *(
            (f"toggle_kind('{kind}')", f"Toggle highlights: {KIND_LABELS[kind]}", "")
            for kind in TOGGLE_KINDS
        ),
    ]

    def __init__(
        self, article_id: int, select: tuple[int | None, int | None] = (None, None)
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.initial_selection = select
        self.data: ArticleData | None = None
        self.hidden_kinds: set[str] = set()
        self.deleted: list[Annotation] = []
        self.backlinks: list[Annotation] = []
        self.related: list[Any] = []
        self.panel_chosen: bool | None = None
        """Whether the reader opened (True) or closed (False) the panel; None follows the width."""

    @property
    def reader_app(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> SidePanel:
        return self.query_one(SidePanel)

    def compose(self) -> ComposeResult:
        yield Static(Content("Loading…"), id="article-header")
        with Horizontal(id="article-body"):
            yield ArticleView(id="reading")
            yield SidePanel(id="side-panel")
        yield KeyHints()

    def on_mount(self) -> None:
        config = self.reader_app.config
        self.view.reading_width = max(20, config.reading_width)
        self._fit_panel()
        if not config.show_nationalities:
            self.hidden_kinds.add("norp")
        self.view.set_hidden(self.hidden_kinds)
        self.view.set_styles(self.reader_app.highlight_styles())
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self.view.focus()
        self._load()

    def _theme_changed(self, _theme: object) -> None:
        self.view.set_styles(self.reader_app.highlight_styles())

    # ------------------------------------------------------------ loading

    @work(thread=True, group="article", exit_on_error=False)
    def _load(self) -> None:
        store = self.reader_app.store
        from reader.annotations import list_annotations

        try:
            article = store.get_article(self.article_id)
            data = ArticleData(
                article=article,
                mentions=list(store.article_mentions(self.article_id)),
                dates=list(store.article_dates(self.article_id)),
                quotes=list(store.article_quotes(self.article_id)),
                annotations=list(list_annotations(store, article_id=self.article_id)),
            )
            if not article.read:
                store.set_read(self.article_id, True)
        except Exception as exc:
            self.post_message(Failed(f"Cannot open the article: {exc}"))
            return
        self.post_message(ArticleLoaded(data))
        self._load_panel()

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self._reload_analysis()

    @work(thread=True, group="article-reload", exclusive=True, exit_on_error=False)
    def _reload_analysis(self) -> None:
        """Fetch the highlights again (an entity page may have merged, renamed or ignored one)."""
        store = self.reader_app.store
        try:
            found = AnalysisReloaded(
                list(store.article_mentions(self.article_id)),
                list(store.article_dates(self.article_id)),
                list(store.article_quotes(self.article_id)),
            )
        except Exception as exc:
            self.post_message(Failed(f"Cannot reload the highlights: {exc}"))
            return
        self.post_message(found)
        self._post_annotations()
        self._load_panel()

    def on_analysis_reloaded(self, message: AnalysisReloaded) -> None:
        if self.data is None:
            return
        self.data.mentions = message.mentions
        self.data.dates = message.dates
        self.data.quotes = message.quotes
        self._refresh_highlights()

    @work(thread=True, group="article-panel", exit_on_error=False)
    def _load_panel(self) -> None:
        store = self.reader_app.store
        from reader.annotations import backlinks

        try:
            links = list(backlinks(store, article_id=self.article_id))
            related = list(store.related_articles(self.article_id, limit=8))
        except Exception as exc:
            self.post_message(Failed(f"Cannot load related articles: {exc}"))
            return
        self.post_message(PanelLoaded(links, related))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        self.data = message.data
        self.query_one("#article-header", Static).update(header_content(self.data.article))
        self.view.set_text(self.data.article.clean_text)
        self._refresh_highlights()
        start, end = self.initial_selection
        if start is not None:
            if end is not None and end > start:
                self.view.select(start, end)
            else:
                self.view.move_cursor(start, center=True)

    def on_panel_loaded(self, message: PanelLoaded) -> None:
        self.backlinks = message.backlinks
        self.related = message.related
        if self.data is not None:
            self.panel.show(self.data.mentions, self.data.annotations, self.backlinks, self.related)

    def on_annotations_loaded(self, message: AnnotationsLoaded) -> None:
        if self.data is None:
            return
        self.data.annotations = message.annotations
        self._refresh_highlights()

    def on_failed(self, message: Failed) -> None:
        self.notify(message.error, severity="error", markup=False)

    def _refresh_highlights(self) -> None:
        data = self.data
        if data is None:
            return
        self.view.set_spans(article_spans(data.mentions, data.dates, data.quotes, data.annotations))
        self.panel.show(data.mentions, data.annotations, self.backlinks, self.related)

    def _post_annotations(self, focus_id: int | None = None) -> None:
        """Read this article's annotations (in the calling worker thread) and post them."""
        from reader.annotations import list_annotations

        try:
            notes = list(list_annotations(self.reader_app.store, article_id=self.article_id))
        except Exception as exc:
            self.post_message(Failed(str(exc)))
            return
        self.post_message(AnnotationsLoaded(notes, focus_id))

    # ------------------------------------------------------------ highlights

    def action_toggle_kind(self, kind: str) -> None:
        if kind in self.hidden_kinds:
            self.hidden_kinds.discard(kind)
            state = "shown"
        else:
            self.hidden_kinds.add(kind)
            state = "hidden"
        self.view.set_hidden(self.hidden_kinds)
        self.notify(f"{KIND_LABELS[kind]} {state}", timeout=1.5, markup=False)

    def action_jump(self, kind: str, direction: int) -> None:
        if self.view.jump(kind, direction) is None:
            self.notify(
                f"No {'next' if direction > 0 else 'previous'} {kind}", timeout=1.5, markup=False
            )

    def on_resize(self) -> None:
        self._fit_panel()

    def _fit_panel(self) -> None:
        """Open the panel only where it fits beside the reading measure (until the reader chose)."""
        if self.panel_chosen is None:
            shown = panel_fits(self.size.width or self.app.size.width, self.view.reading_width)
            self.panel.set_class(not shown, "hidden")

    def action_toggle_panel(self) -> None:
        self._show_panel(self.panel.has_class("hidden"))

    def _show_panel(self, shown: bool) -> None:
        self.panel_chosen = shown
        self.panel.set_class(not shown, "hidden")
        if not shown and self.panel.has_focus:
            self.view.focus()

    def action_focus_panel(self) -> None:
        """Move between the text and the panel (opening the panel if it is closed)."""
        if self.panel.has_focus:
            self.view.focus()
            return
        if self.panel.has_class("hidden"):
            self._show_panel(True)
        self.panel.focus()

    def entity_at_cursor(self) -> int | None:
        for span in self.view.spans_at():
            if span.token in ENTITY and isinstance(span.ref, int):
                return span.ref
        return None

    def annotation_at_cursor(self) -> Annotation | None:
        if self.data is None:
            return None
        position = self.view.cursor
        for note in self.data.annotations:
            if (
                note.start is not None
                and note.end is not None
                and note.start <= position < note.end
            ):
                return note
        return None

    def action_open_entity(self) -> None:
        entity_id = self.entity_at_cursor()
        if entity_id is None:
            self.notify(
                "The cursor is not on a highlighted entity (n jumps to the next one)", timeout=2
            )
            return
        self.post_message(OpenEntity(entity_id))

    @on(OptionList.OptionSelected, "#side-panel")
    def panel_choice(self, event: OptionList.OptionSelected) -> None:
        kind, _, ident = (event.option.id or "").partition(":")
        if not ident:
            return
        if kind == "entity":
            self.post_message(OpenEntity(int(ident)))
        elif kind == "article":
            self.post_message(OpenArticle(int(ident)))
        elif kind == "backlink":
            for note in self.backlinks:
                if note.id == int(ident):
                    self.post_message(OpenArticle(note.article_id, note.start, note.end))
        elif kind == "annotation" and self.data is not None:
            for note in self.data.annotations:
                if note.id == int(ident) and note.start is not None and note.end is not None:
                    self.view.select(note.start, note.end)
                    self.view.focus()

    # ------------------------------------------------------------ annotations

    def action_annotate(self) -> None:
        if self.data is None:
            return
        selection = self.view.selection
        if selection is None:
            existing = self.annotation_at_cursor()
            if existing is not None:
                self.action_edit_annotation()
                return
            self.view.action_select_sentence()
            selection = self.view.selection
            if selection is None:
                return
        quote = self.view.text[selection.start : selection.end]
        start, end = selection.start, selection.end

        def saved(draft: AnnotationDraft | None) -> None:
            if draft is not None:
                self._create(start, end, draft)

        self.app.push_screen(AnnotationDialog(quote, tags=self._known_tags()), saved)

    def _known_tags(self) -> list[str]:
        from reader.annotations import list_tags

        try:
            return [tag.name for tag in list_tags(self.reader_app.store)]
        except Exception:  # completion is a convenience: without it the dialog still works
            return []

    @work(thread=True, group="article-annotations", exit_on_error=False)
    def _create(self, start: int, end: int, draft: AnnotationDraft) -> None:
        from reader.annotations import annotate

        try:
            note = annotate(
                self.reader_app.store,
                self.article_id,
                start=start,
                end=end,
                note=draft.note,
                tags=draft.tags,
                color=draft.color,
            )
        except Exception as exc:
            self.post_message(Failed(f"Cannot save the annotation: {exc}"))
            return
        self.app.call_from_thread(self.view.clear_selection)
        self.app.call_from_thread(self.notify, "Annotation saved", timeout=1.5)
        self._post_annotations(note.id)

    def action_edit_annotation(self) -> None:
        note = self.annotation_at_cursor()
        if note is None:
            self.notify("No annotation under the cursor (m jumps to the next one)", timeout=2)
            return

        def saved(draft: AnnotationDraft | None) -> None:
            if draft is not None:
                self._update(note.id, draft)

        dialog = AnnotationDialog(
            note.exact or "",
            note=note.note,
            tags=self._known_tags(),
            chosen_tags=note.tags,
            color=note.color,
            editing=True,
        )
        self.app.push_screen(dialog, saved)

    @work(thread=True, group="article-annotations", exit_on_error=False)
    def _update(self, annotation_id: int, draft: AnnotationDraft) -> None:
        from reader.annotations import update_annotation

        try:
            update_annotation(
                self.reader_app.store,
                annotation_id,
                note=draft.note,
                tags=list(draft.tags),
                color=draft.color,
            )
        except Exception as exc:
            self.post_message(Failed(f"Cannot update the annotation: {exc}"))
            return
        self.app.call_from_thread(self.notify, "Annotation updated", timeout=1.5)
        self._post_annotations(annotation_id)

    def action_delete_annotation(self) -> None:
        note = self.annotation_at_cursor()
        if note is None:
            self.notify("No annotation under the cursor", timeout=2)
            return
        self._delete(note.id)

    @work(thread=True, group="article-annotations", exit_on_error=False)
    def _delete(self, annotation_id: int) -> None:
        from reader.annotations import delete_annotation

        try:
            removed = delete_annotation(self.reader_app.store, annotation_id)
        except Exception as exc:
            self.post_message(Failed(f"Cannot delete the annotation: {exc}"))
            return
        self.deleted.append(removed)
        self.app.call_from_thread(self.notify, "Annotation deleted — press u to undo", timeout=4)
        self._post_annotations()

    def action_undo_delete(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo", timeout=1.5)
            return
        self._restore(self.deleted.pop())

    @work(thread=True, group="article-annotations", exit_on_error=False)
    def _restore(self, note: Annotation) -> None:
        from reader.annotations import restore_annotation

        try:
            restore_annotation(self.reader_app.store, note)
        except Exception as exc:
            self.deleted.append(note)
            self.post_message(Failed(f"Cannot restore the annotation: {exc}"))
            return
        self.app.call_from_thread(self.notify, "Annotation restored", timeout=1.5)
        self._post_annotations(note.id)

    # ------------------------------------------------------------ other actions

    def action_back(self) -> None:
        if self.panel.has_focus:
            self.view.focus()
            return
        if self.view.clear_selection():
            return
        self.app.pop_screen()

    def action_star(self) -> None:
        if self.data is not None:
            self._star(not self.data.article.starred)

    @work(thread=True, group="article-flags", exit_on_error=False)
    def _star(self, starred: bool) -> None:
        store = self.reader_app.store
        try:
            store.set_starred(self.article_id, starred)
            article = store.get_article(self.article_id)
        except Exception as exc:
            self.post_message(Failed(str(exc)))
            return
        self.app.call_from_thread(self._apply_article, article)

    def _apply_article(self, article: Article) -> None:
        if self.data is not None:
            self.data.article = article
            self.query_one("#article-header", Static).update(header_content(article))
            self.notify("Starred" if article.starred else "Unstarred", timeout=1.5)

    def action_export(self) -> None:
        from reader.tui.exporting import export_in_worker

        export_in_worker(self, article_ids=[self.article_id])
