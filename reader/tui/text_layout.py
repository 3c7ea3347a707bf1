"""Plain-text geometry for the reading pane: wrapping by cell width, words, sentences.

No widgets here, so the cursor motions and the wrapping can be tested on their own.
Offsets are code points into an article's clean text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import get_character_cell_size

from reader.models import PARAGRAPH_SEP


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Terminal cells taken by one character (2 for CJK and most emoji)."""
    return get_character_cell_size(char)


def text_cells(text: str) -> int:
    return sum(char_width(c) for c in text) if not text.isascii() else len(text)


@dataclass(frozen=True, slots=True)
class VisualLine:
    """One screen line of the text: ``[start, end)`` of the clean text, or a blank line."""

    start: int
    end: int
    paragraph: int
    blank: bool = False


def wrap_paragraph(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one paragraph into ``(start, end)`` pieces of at most ``width`` cells.

    Spaces at a break stay at the end of the line they follow (so every character
    belongs to exactly one line); a word wider than the line is cut by character,
    which also wraps scripts written without spaces.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    ascii_text = text.isascii()
    lines: list[tuple[int, int]] = []
    line_start = 0
    used = 0
    for match in re.finditer(r"\S+\s*", text):
        word_start, word_end = match.start(), match.end()
        word = text[word_start:word_end]
        stripped = word.rstrip()
        word_cells = len(stripped) if ascii_text else text_cells(stripped)
        space_cells = len(word) - len(stripped)
        if used and used + word_cells > width:
            lines.append((line_start, word_start))
            line_start, used = word_start, 0
        if word_cells > width:
            for index, char in enumerate(stripped):
                cells = char_width(char)
                if used + cells > width and used:
                    lines.append((line_start, word_start + index))
                    line_start, used = word_start + index, 0
                used += cells
        else:
            used += word_cells
        used += space_cells
    lines.append((line_start, len(text)))
    return lines


def layout_text(clean_text: str, width: int) -> list[VisualLine]:
    """All screen lines of a clean text, with a blank line between paragraphs."""
    lines: list[VisualLine] = []
    offset = 0
    for index, paragraph in enumerate(clean_text.split(PARAGRAPH_SEP) if clean_text else []):
        if index:
            lines.append(VisualLine(offset - len(PARAGRAPH_SEP), offset, index - 1, blank=True))
        for start, end in wrap_paragraph(paragraph, width):
            lines.append(VisualLine(offset + start, offset + end, index))
        offset += len(paragraph) + len(PARAGRAPH_SEP)
    return lines


def line_at_offset(lines: list[VisualLine], starts: list[int], offset: int) -> int:
    """Index of the (non-blank) screen line holding ``offset``."""
    index = max(0, bisect.bisect_right(starts, offset) - 1)
    while index > 0 and lines[index].blank:
        index -= 1
    return index


_WORD = re.compile(r"\w[\w'’-]*|[^\w\s]", re.UNICODE)
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
    ]
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+|$)|[。！？]+[」』”]*")


def word_starts(text: str) -> list[int]:
    """Start offsets of the words (and lone punctuation) of a text."""
    return [match.start() for match in re.finditer(r"\w[\w'’-]*", text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of a clean text as ``(start, end)``; never crossing a paragraph.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes) before
    a space, except after a short list of common abbreviations and initials.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split(PARAGRAPH_SEP) if text else []:
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            before = paragraph[start : match.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if match.group().startswith(".") and (
                last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
            ):
                continue
            end = match.end()
            following = paragraph[end:].lstrip()
            if following and following[0].islower() and match.group()[0] in ".…":
                continue
            spans.append((offset + start, offset + end))
            start = end
            while start < len(paragraph) and paragraph[start].isspace():
                start += 1
        if start < len(paragraph):
            spans.append((offset + start, offset + len(paragraph.rstrip())))
        offset += len(paragraph) + len(PARAGRAPH_SEP)
    return spans


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for paragraph in text.split(PARAGRAPH_SEP) if text else []:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEP)
    return spans


def span_containing(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the span holding ``offset`` (or the nearest one before it)."""
    starts = [start for start, _ in spans]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def next_boundary(starts: list[int], offset: int, forward: bool) -> int:
    """The next start after ``offset`` (or the previous one before it)."""
    if not starts:
        return offset
    if forward:
        index = bisect.bisect_right(starts, offset)
        return starts[index] if index < len(starts) else offset
    index = bisect.bisect_left(starts, offset) - 1
    return starts[index] if index >= 0 else starts[0]
