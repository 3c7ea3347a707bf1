"""An Input whose Tab accepts the suggestion shown after the cursor."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class CompletingInput(Input):
    """Tab takes the greyed completion (like →); without one, Tab moves focus on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete", show=False),
    ]

    def action_complete(self) -> None:
        suggestion = self._suggestion
        if suggestion and len(suggestion) > len(self.value) and self.cursor_at_end:
            self.value = suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()
