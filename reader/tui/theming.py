"""Textual themes and highlight styles built from the headless theme specs."""

from __future__ import annotations

from rich.style import Style
from textual.theme import Theme

from reader.highlight import KIND_TOKENS, HighlightStyle
from reader.themes import ThemeSpec


def textual_theme(spec: ThemeSpec) -> Theme:
    """A Textual theme carrying the spec's interface colours."""
    return Theme(name=spec.name, dark=spec.dark, **spec.colors)


def rich_style(style: HighlightStyle) -> Style:
    return Style(
        color=style.color,
        bgcolor=style.background,
        bold=style.bold or None,
        italic=style.italic or None,
        underline=style.underline or None,
    )


def highlight_styles(spec: ThemeSpec) -> dict[str, Style]:
    """Rich styles for every highlight kind, plus the cursor and the selection."""
    styles = {kind: rich_style(spec.style(kind)) for kind in KIND_TOKENS}
    accent = spec.colors.get("accent", spec.colors["primary"])
    background = spec.colors.get("background", "#000000" if spec.dark else "#ffffff")
    styles["selection"] = Style(color=background, bgcolor=spec.colors["primary"])
    styles["cursor"] = Style(color=background, bgcolor=accent, bold=True)
    return styles
