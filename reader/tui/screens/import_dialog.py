"""Import a file or a folder from inside the app, with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, ProgressBar, Static

from reader.models import ImportOutcome, ImportReport
from reader.sanitize import safe_line
from reader.tui.messages import StoreChanged
from reader.tui.widgets.completing_input import CompletingInput
from reader.tui.widgets.path_suggester import PathSuggester

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


class ImportProgress(Message):
    """One more file or entry done; floods of these merge into the latest."""

    def __init__(self, done: int, total: int, outcome: ImportOutcome) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.outcome = outcome

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ImportProgress)


class ImportFinished(Message):
    def __init__(self, report: ImportReport | None, error: str = "") -> None:
        super().__init__()
        self.report = report
        self.error = error


def summary_text(report: ImportReport) -> str:
    parts = [
        f"{report.count(status)} {status}"
        for status in ("imported", "updated", "unchanged", "failed")
        if report.count(status)
    ]
    return "Import finished: " + (", ".join(parts) if parts else "nothing to import")


class ImportDialog(ModalScreen[ImportReport | None]):
    """Type a path (Tab completes), Enter imports; Close or Escape closes.

    When an import finishes the summary stays in the dialog and the Close button takes
    the focus, so Enter closes it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self) -> None:
        super().__init__()
        self.report: ImportReport | None = None
        self.running = False

    @property
    def reader_app(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-dialog"):
            yield Static(Content("Import a file or folder"), classes="dialog-title")
            yield CompletingInput(
                placeholder="path, e.g. ~/news/dumps/", id="import-path", suggester=PathSuggester()
            )
            with Horizontal(classes="buttons"):
                yield Button("Close", id="close")
            yield Static(
                Content("Tab completes the path · Enter imports · Escape closes"),
                id="import-log",
            )
            yield ProgressBar(id="import-progress", show_eta=False, classes="hidden")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#import-path")
    def start(self, event: Input.Submitted) -> None:
        if self.running:
            return
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip():
            return
        if not path.exists():
            self.notify(f"{path}: no such file or folder", severity="error", markup=False)
            return
        self.running = True
        bar = self.query_one(ProgressBar)
        bar.remove_class("hidden")
        bar.update(total=None, progress=0)
        self.query_one("#import-log", Static).update(Content(f"Importing {path}…"))
        self._import(path)

    @work(thread=True, group="import", exclusive=True, exit_on_error=False)
    def _import(self, path: Path) -> None:
        from reader.importer import import_paths

        def progress(done: int, total: int, outcome: ImportOutcome) -> None:
            self.post_message(ImportProgress(done, total, outcome))

        try:
            self.reader_app.configure_analysis()
            report = import_paths(self.reader_app.store, [path], progress=progress)
        except Exception as exc:
            self.post_message(ImportFinished(None, str(exc)))
            return
        self.post_message(ImportFinished(report))

    def on_import_progress(self, message: ImportProgress) -> None:
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        title = safe_line(message.outcome.title or message.outcome.source)
        self.query_one("#import-log", Static).update(
            Content(f"{message.done}/{message.total}  {message.outcome.status}: {title}")
        )

    def on_import_finished(self, message: ImportFinished) -> None:
        self.running = False
        log = self.query_one("#import-log", Static)
        if message.report is None:
            log.update(Content(f"Import failed: {message.error}"))
            self.notify(f"Import failed: {message.error}", severity="error", markup=False)
            return
        self.report = report = message.report
        bar = self.query_one(ProgressBar)
        bar.update(total=max(1, bar.total or 1), progress=max(1, bar.total or 1))
        lines = [summary_text(report)]
        lines += [safe_line(o.error or o.source) for o in report.failed[:5]]
        log.update(Content("\n".join(lines)))
        self.notify(summary_text(report), timeout=5, markup=False)
        self.query_one("#close", Button).focus()
        for screen in self.app.screen_stack:
            screen.post_message(StoreChanged("import"))

    def action_close(self) -> None:
        self.dismiss(self.report)

    @on(Button.Pressed, "#close")
    def close_pressed(self) -> None:
        self.action_close()
