"""Text safety: remove terminal control and escape sequences from untrusted text.

Used on ingest and again at render, so nothing that reaches the store, the screen
or an export can move the cursor, retitle the terminal, write the clipboard or
reorder text with bidi overrides. Newline and tab are kept.
"""

from __future__ import annotations

import re

_ANSI_ESCAPES = re.compile(
    r"""
    \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?     # OSC … BEL / ST (hyperlinks, titles, clipboard)
    | \x1b[P^_X][^\x1b]*(?:\x1b\\)?        # DCS, PM, APC, SOS strings
    | \x1b\[[0-?]*[ -/]*[@-~]              # CSI sequences (colours, cursor moves, clear)
    | \x1b[ -/]*[0-~]                      # two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]                # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?       # 8-bit OSC
    """,
    re.VERBOSE,
)

_CONTROL_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"
    # zero-width space, word joiner, stray BOM (ZWJ/ZWNJ stay: scripts and emoji need them)
    "\u200b\u2060\ufeff"
    "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"  # bidi embeddings, overrides, isolates, marks
    "\ufff9-\ufffb"  # interlinear annotation controls
    "\ud800-\udfff"  # lone surrogates
    "]"
)


def strip_escapes(text: str) -> str:
    """Remove ANSI CSI/OSC/DCS escape sequences.

    >>> strip_escapes("a\\x1b[2Jb\\x1b]8;;http://evil\\x07c")
    'abc'
    """
    if "\x1b" not in text and "\x9b" not in text and "\x9d" not in text:
        return text
    return _ANSI_ESCAPES.sub("", text)


def strip_controls(text: str) -> str:
    """Remove C0/C1 control characters (except newline and tab), bidi controls and
    zero-width spaces.

    >>> strip_controls("a\\x00b\\u202ec\\td")
    'abc\\td'
    """
    return _CONTROL_CHARS.sub("", text)


def safe_text(text: str) -> str:
    """Untrusted text made inert for a terminal: escapes first, then stray controls.

    A carriage return becomes a newline so that ``\\r\\n`` and old Mac line ends survive.

    >>> safe_text("[bold]x[/]\\x1b]8;;http://evil\\x07")
    '[bold]x[/]'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_controls(strip_escapes(text))


def safe_line(text: str) -> str:
    """``safe_text`` folded to one line (titles, tags, list rows)."""
    return " ".join(safe_text(text).split())
