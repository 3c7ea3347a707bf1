"""Theme files: the built-in ones in ``themes/`` and the user's in the config dir.

A theme file is TOML: a name, whether it is dark, the interface colours (a Textual
theme's fields) and a style for every highlight kind (see ``reader.highlight``).
Loading is lenient: a broken file is reported in ``failed`` and skipped, never fatal.
Headless: the TUI turns these specs into Textual themes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from reader.highlight import DEFAULT_STYLES, KIND_TOKENS, HighlightStyle, parse_style
from reader.paths import Paths, bundled_dir

COLOR_FIELDS: tuple[str, ...] = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
"""Interface colours a theme file may set (``primary`` is required)."""

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,62}")


@dataclass(frozen=True, slots=True)
class ThemeSpec:
    """A theme as read from a file, before it becomes a Textual theme."""

    name: str
    dark: bool
    colors: dict[str, str]
    highlight: dict[str, HighlightStyle] = field(default_factory=dict)
    source: Path | None = None

    def style(self, kind: str) -> HighlightStyle:
        """The style of a highlight kind, falling back to the built-in default."""
        return self.highlight.get(kind) or DEFAULT_STYLES.get(kind, HighlightStyle())


@dataclass(frozen=True, slots=True)
class ThemeFailure:
    """A theme file that could not be used, and why (one line)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ThemeFileError(ValueError):
    """A theme file's content is not a valid theme."""


def parse_theme(text: str, source: Path | None = None) -> ThemeSpec:
    """Parse one theme file's TOML text; ``ThemeFileError`` names what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ThemeFileError(f"not valid TOML ({exc})") from exc
    name = data.get("name", source.stem if source else None)
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ThemeFileError(f"name must be lower-case letters, digits, - or _, not {name!r}")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(f"dark must be true or false, not {dark!r}")
    colors = data.get("colors")
    if not isinstance(colors, dict):
        raise ThemeFileError("missing [colors] table")
    checked: dict[str, str] = {}
    for key, value in colors.items():
        if key not in COLOR_FIELDS:
            raise ThemeFileError(f"unknown colour {key!r} (known: {', '.join(COLOR_FIELDS)})")
        if not isinstance(value, str) or not _HEX.fullmatch(value):
            raise ThemeFileError(f"colour {key} must be #rrggbb, not {value!r}")
        checked[key] = value
    if "primary" not in checked:
        raise ThemeFileError("[colors] needs at least primary")
    highlight_table = data.get("highlight", {})
    if not isinstance(highlight_table, dict):
        raise ThemeFileError("[highlight] must be a table")
    highlight: dict[str, HighlightStyle] = {}
    for kind, value in highlight_table.items():
        if kind not in KIND_TOKENS:
            raise ThemeFileError(f"unknown highlight kind {kind!r}")
        if not isinstance(value, str):
            raise ThemeFileError(f"highlight {kind} must be a style string, not {value!r}")
        try:
            highlight[kind] = parse_style(value)
        except ValueError as exc:
            raise ThemeFileError(f"highlight {kind}: {exc}") from exc
    return ThemeSpec(name=name, dark=dark, colors=checked, highlight=highlight, source=source)


def theme_files(paths: Paths) -> list[Path]:
    """Built-in theme files first, then the user's (a user theme may replace a built-in one)."""
    files: list[Path] = []
    for folder in (bundled_dir("themes"), paths.themes_dir):
        if folder.is_dir():
            files.extend(sorted(folder.glob("*.toml")))
    return files


def load_themes(paths: Paths) -> tuple[list[ThemeSpec], list[ThemeFailure]]:
    """Every usable theme, and every theme file that could not be used."""
    loaded: dict[str, ThemeSpec] = {}
    failed: list[ThemeFailure] = []
    for path in theme_files(paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            failed.append(ThemeFailure(path, f"cannot read ({exc})"))
            continue
        try:
            spec = parse_theme(text, path)
        except ThemeFileError as exc:
            failed.append(ThemeFailure(path, str(exc)))
            continue
        loaded[spec.name] = spec
    return list(loaded.values()), failed
