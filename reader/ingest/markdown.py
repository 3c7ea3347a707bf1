"""Markdown input, and Markdown-to-plain-text for every format that carries Markdown.

A Markdown document is split into blocks (paragraphs, headings, list items, quotes);
each block becomes one plain-text paragraph with the inline syntax removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX_HEADING = re.compile(r"^\s{0,3}(?P<level>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_LIST_ITEM = re.compile(r"^\s{0,8}(?:[-*+]|\d{1,3}[.)])\s+")
_HR = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`+([^`]+)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_UNSAFE_LINK = re.compile(
    r"\[([^\]]*)\]\(\s*(?:javascript|vbscript|data):(?:[^()]|\([^)]*\))*\)", re.I
)


@dataclass(frozen=True, slots=True)
class Block:
    """One Markdown block: its source text, its plain text, its 0-based line number, and
    whether it is a heading (and of which level)."""

    markdown: str
    text: str
    line_no: int
    heading: int = 0


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML-style front matter (``key: value`` lines between ``---``) from the body.

    >>> split_front_matter("---\\ntitle: 'Hi'\\ndate: 2024-01-02\\n---\\nBody")
    ({'title': 'Hi', 'date': '2024-01-02'}, 'Body')
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group("body").split("\n"):
        key_value = _FRONT_KEY.match(line)
        if key_value:
            value = key_value.group("value").strip().strip("\"'").strip()
            if value and not value.startswith(("[", "{", "|", ">")):
                fields[key_value.group("key").lower()] = value
    return fields, text[match.end() :]


def inline_to_text(markdown: str) -> str:
    """Plain text of one Markdown block: links keep their text, emphasis and code marks go.

    >>> inline_to_text("**Bold** and *it* with [a link](http://x.org) and `code`\\\\*")
    'Bold and it with a link and code*'
    """
    text = _IMAGE.sub("", markdown)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = _STRIKE.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def neutralise_links(markdown: str) -> str:
    """Drop ``javascript:``/``data:`` link targets, keeping the link text.

    >>> neutralise_links("[x](javascript:alert(1)) [y](https://a.org)")
    'x [y](https://a.org)'
    """
    return _UNSAFE_LINK.sub(r"\1", markdown)


def markdown_blocks(markdown: str, first_line: int = 0) -> list[Block]:
    """Split Markdown into blocks; each list item, heading and table row is its own block.

    >>> [b.text for b in markdown_blocks("# T\\n\\nA para\\nwrapped.\\n\\n- one\\n- two\\n> q")]
    ['T', 'A para wrapped.', 'one', 'two', 'q']
    """
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line
    heading = 0
    in_fence = False

    def flush() -> None:
        nonlocal current, heading
        if current:
            source = "\n".join(current)
            text = inline_to_text(" ".join(_strip_block_marks(line) for line in current))
            if text:
                blocks.append(Block(source, text, start, heading))
        current, heading = [], 0

    lines = markdown.split("\n")
    for offset, line in enumerate(lines):
        number = first_line + offset
        if _FENCE.match(line):
            if in_fence:
                current.append(line)
                in_fence = False
                flush()
            else:
                flush()
                in_fence, start = True, number
                current.append(line)
            continue
        if in_fence:
            current.append(line)
            continue
        if not line.strip() or _HR.match(line) or _REF_DEF.match(line) or _TABLE_RULE.match(line):
            if current and _SETEXT.match(line) and line.strip() and len(current) == 1:
                heading = 1 if line.strip().startswith("=") else 2
            flush()
            continue
        if _SETEXT.match(line) and current:
            heading = 1 if line.strip().startswith("=") else 2
            flush()
            continue
        atx = _ATX_HEADING.match(line)
        if atx:
            flush()
            start, heading = number, len(atx.group("level"))
            current.append(line)
            flush()
            continue
        starts_quote = _QUOTE.match(line) is not None and not (current and _QUOTE.match(current[0]))
        if _LIST_ITEM.match(line) or line.lstrip().startswith("|") or starts_quote:
            flush()
            start = number
        elif not current:
            start = number
        current.append(line)
    flush()
    return blocks


def _strip_block_marks(line: str) -> str:
    line = _QUOTE.sub("", line)
    while _QUOTE.match(line):
        line = _QUOTE.sub("", line)
    atx = _ATX_HEADING.match(line)
    if atx:
        return atx.group("text")
    if _FENCE.match(line):
        return ""
    line = _LIST_ITEM.sub("", line, count=1)
    if line.strip().startswith("|"):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        return " | ".join(cell for cell in cells if cell)
    return line
