"""The command palette's entries for the reading room."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


class ReaderCommands(Provider):
    """Library, tags, import, export, highlight toggles and themes."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app: ReaderApp = self.app  # type: ignore[assignment]
        screen = self.screen
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("Library", app.action_library, "Back to the list of articles"),
            ("Tags and annotations", app.action_tags, "Every tag and annotation, filterable"),
            ("Import files or a folder", app.action_import_files, "Import into the store"),
            ("Show keys", app.action_toggle_keys, "The keys of the current screen"),
            ("Next theme", app.action_next_theme, "Cycle the reader's themes"),
        ]
        for name in app.reader_theme_names:
            commands.append((f"Theme: {name}", partial(app.set_theme, name), "Switch theme"))
        for action, title, help_text in getattr(screen, "PALETTE_COMMANDS", ()):
            commands.append((title, partial(app.run_action, action, screen), help_text))
        return commands

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
