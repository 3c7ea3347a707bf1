"""The app: themes, global keys, and switching between screens. Screens do the work."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen
from textual.theme import Theme

from reader.config import Config, save_config
from reader.highlight import DEFAULT_STYLES
from reader.paths import Paths
from reader.store import Store
from reader.themes import ThemeFailure, ThemeSpec, load_themes
from reader.tui.messages import OpenArticle, OpenEntity
from reader.tui.theming import highlight_styles, textual_theme

DEFAULT_THEME = "reader-dark"
_FALLBACK_DARK = ThemeSpec("fallback-dark", True, {"primary": "#7aa2f7"}, dict(DEFAULT_STYLES))
_FALLBACK_LIGHT = ThemeSpec(
    "fallback-light",
    False,
    {"primary": "#2e5aac", "background": "#ffffff"},
    {},
)


def _reader_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens."""
    from reader.tui.commands import ReaderCommands

    return ReaderCommands


class ReaderApp(App[None]):
    """The reading room: library, article, entity, tags and annotations, import and export."""

    CSS_PATH = "app.tcss"
    TITLE = "reader"
    SUB_TITLE = "the reading room"
    COMMANDS = App.COMMANDS | {_reader_commands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "toggle_keys", "Keys", key_display="?"),
        Binding("ctrl+t", "next_theme", "Theme"),
        Binding("ctrl+o", "import_files", "Import", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, *, store: Store, paths: Paths, config: Config) -> None:
        super().__init__()
        self.store = store
        self.paths = paths
        self.config = config
        loaded, failed = load_themes(paths)
        self.theme_specs: dict[str, ThemeSpec] = {spec.name: spec for spec in loaded}
        self.theme_failures: list[ThemeFailure] = failed
        for spec in loaded:
            self.register_theme(textual_theme(spec))
        wanted = config.theme if config.theme in self.available_themes else DEFAULT_THEME
        if wanted in self.available_themes:
            self.theme = wanted
        self._persisted_theme = self.theme

    # ------------------------------------------------------------ start-up

    def get_default_screen(self) -> Screen[None]:
        """The library is the bottom of the screen stack: every other screen returns to it."""
        from reader.tui.screens.library import LibraryScreen

        return LibraryScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        for failure in self.theme_failures:
            self.notify(f"Theme skipped: {failure}", severity="warning", markup=False)
        if self.config.theme != self.theme and self.config.theme not in self.available_themes:
            self.notify(
                f"Unknown theme {self.config.theme!r}; using {self.theme}",
                severity="warning",
                markup=False,
            )

    # ------------------------------------------------------------ themes

    @property
    def reader_theme_names(self) -> list[str]:
        return list(self.theme_specs)

    def highlight_styles(self) -> dict[str, Style]:
        """Highlight styles of the current theme (defaults for a theme without them)."""
        spec = self.theme_specs.get(self.theme)
        if spec is None:
            theme: Theme | None = self.get_theme(self.theme)
            spec = _FALLBACK_DARK if theme is None or theme.dark else _FALLBACK_LIGHT
        return highlight_styles(spec)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self._persisted_theme:
            self._persisted_theme = theme.name
            self.config = replace(self.config, theme=theme.name)
            self._save_config(self.config)

    @work(thread=True, group="config", exit_on_error=False)
    def _save_config(self, config: Config) -> None:
        try:
            save_config(self.paths, config)
        except OSError as exc:
            self.call_from_thread(
                self.notify, f"Cannot save the settings: {exc}", severity="error", markup=False
            )

    def action_next_theme(self) -> None:
        names = self.reader_theme_names
        if not names:
            return
        index = names.index(self.theme) + 1 if self.theme in names else 0
        self.set_theme(names[index % len(names)])

    def set_theme(self, name: str) -> None:
        self.theme = name
        self.notify(f"Theme: {name}", timeout=2, markup=False)

    # ------------------------------------------------------------ navigation

    def action_toggle_keys(self) -> None:
        from textual.widgets import HelpPanel

        if self.screen.query(HelpPanel):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def on_open_article(self, message: OpenArticle) -> None:
        from reader.tui.screens.article import ArticleScreen

        self.push_screen(ArticleScreen(message.article_id, select=(message.start, message.end)))

    def on_open_entity(self, message: OpenEntity) -> None:
        from reader.tui.screens.entity import EntityScreen

        self.push_screen(EntityScreen(message.entity_id))

    def action_import_files(self) -> None:
        from reader.tui.screens.import_dialog import ImportDialog

        self.push_screen(ImportDialog())

    def action_tags(self) -> None:
        from reader.tui.screens.tags import TagsScreen

        self.push_screen(TagsScreen())

    def action_library(self) -> None:
        from reader.tui.screens.library import LibraryScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()

    def configure_analysis(self) -> None:
        """Apply the config's entity extractor; called in each worker that analyses text.

        Importing the analysis package takes about 50 ms, so start-up does not: the
        first import or correction applies the setting, before it analyses anything.
        Raises ``ConfigError`` for an unknown extractor (shown by the caller).
        """
        from reader.analysis import configure

        configure(self.config.extractor, self.config.spacy_model)

    @property
    def export_dir(self) -> Path:
        return self.paths.data_dir / "exports"


# Modules, classes and functions imported so far live as long as the process: moving
# them out of the collector's generations saves full collections during start-up.
gc.freeze()
