"""A one-line footer of key hints, drawn as a single widget.

Textual's ``Footer`` builds one widget per key and rebuilds them whenever the
bindings change (every focus change); with a dozen keys that costs more than the
rest of the start-up. This widget paints the same hints as one line of text and
only repaints when the bindings change. Every key stays in ``?`` help and the palette.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Content
from textual.widget import Widget


class KeyHints(Widget, can_focus=False):
    """The shown bindings of the current screen, and the palette key on the right."""

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    KeyHints {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    KEY_STYLE: ClassVar[str] = "bold $footer-key-foreground"
    DESCRIPTION_STYLE: ClassVar[str] = "$footer-description-foreground"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._regions: list[tuple[int, int, str, bool]] = []
        """(first cell, end cell, key, enabled) of each painted hint, for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def _hints(self) -> tuple[list[tuple[str, str, str, bool]], tuple[str, str, str] | None]:
        """(key, key display, description, enabled) per shown action, and the palette key."""
        app = self.app
        seen: set[str] = set()
        hints: list[tuple[str, str, str, bool]] = []
        palette: tuple[str, str, str] | None = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = (binding.key, app.get_key_display(binding), binding.description)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            hints.append(
                (binding.key, app.get_key_display(binding), binding.description, active.enabled)
            )
        return hints, palette

    def render(self) -> Content:
        hints, palette = self._hints()
        width = self.size.width
        parts: list[Content] = []
        regions: list[tuple[int, int, str, bool]] = []
        used = 0
        tail = Content()
        if palette is not None:
            tail = Content.assemble(
                ("│", "$footer-foreground 30%"),
                (palette[1], self.KEY_STYLE),
                (f" {palette[2]}", self.DESCRIPTION_STYLE),
            )
        room = width - tail.cell_length - 1 if width else 10_000
        for key, display, description, enabled in hints:
            hint = Content.assemble(
                (f" {display}", self.KEY_STYLE),
                (f" {description} ", self.DESCRIPTION_STYLE),
            )
            if not enabled:
                hint = hint.stylize("dim")
            if used + hint.cell_length > room:
                break
            regions.append((used, used + hint.cell_length, key, enabled))
            parts.append(hint)
            used += hint.cell_length
        line = Content("").join(parts)
        if palette is not None and width:
            gap = max(1, width - used - tail.cell_length)
            regions.append((used + gap, width, palette[0], True))
            line = Content.assemble(line, " " * gap, tail)
        self._regions = regions
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key, enabled in self._regions:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
