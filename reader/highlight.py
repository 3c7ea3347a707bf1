"""The one vocabulary of highlight kinds, as pygments token types.

Entity types, dates, quotes and annotation colours each have a token; themes give
every token a style and the Markdown export names the same kinds. Headless: no
Textual or Rich here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pygments.token import Token

TokenType = type(Token)
"""The class of pygments token types (``Token.Reader.Date`` is one)."""

READER = Token.Reader
ENTITY = READER.Entity
PERSON = ENTITY.Person
ORG = ENTITY.Org
PLACE = ENTITY.Place
NORP = ENTITY.Norp
DATE = READER.Date
QUOTE = READER.Quote
ANNOTATION = READER.Annotation

ANNOTATION_COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple", "orange")
"""The colours an annotation may carry, in the order the dialog offers them."""

ANNOTATION_TOKENS: dict[str, TokenType] = {
    colour: getattr(ANNOTATION, colour.capitalize()) for colour in ANNOTATION_COLORS
}

ENTITY_TOKENS: dict[str, TokenType] = {
    "PERSON": PERSON,
    "ORG": ORG,
    "PLACE": PLACE,
    "NORP": NORP,
}

KIND_TOKENS: dict[str, TokenType] = {
    "person": PERSON,
    "org": ORG,
    "place": PLACE,
    "norp": NORP,
    "date": DATE,
    "quote": QUOTE,
    **{f"annotation-{colour}": token for colour, token in ANNOTATION_TOKENS.items()},
}
"""Every highlight kind by the key theme files use for it."""

TOKEN_KINDS: dict[TokenType, str] = {token: kind for kind, token in KIND_TOKENS.items()}

KIND_LABELS: dict[str, str] = {
    "person": "People",
    "org": "Organisations",
    "place": "Places",
    "norp": "Nationalities",
    "date": "Dates",
    "quote": "Quotes",
    "annotation": "Annotations",
}
"""Human names of the kinds a reader can toggle (all annotation colours toggle together)."""

TOGGLE_KINDS: tuple[str, ...] = ("person", "org", "place", "date", "quote", "annotation", "norp")


def entity_token(entity_type: str) -> TokenType:
    """Token of an entity type (``PERSON``, ``ORG``, ``PLACE``, ``NORP``)."""
    return ENTITY_TOKENS.get(entity_type.upper(), ENTITY)


def annotation_token(colour: str) -> TokenType:
    """Token of an annotation colour; unknown colours fall back to yellow."""
    return ANNOTATION_TOKENS.get(colour.lower(), ANNOTATION_TOKENS["yellow"])


def token_kind(token: TokenType) -> str:
    """Theme key of a token (``person``, ``annotation-blue``…)."""
    return TOKEN_KINDS.get(token, "")


def toggle_kind(token: TokenType) -> str:
    """The toggle a token belongs to: the entity kind, ``date``, ``quote`` or ``annotation``."""
    if token in ANNOTATION:
        return "annotation"
    return token_kind(token)


@dataclass(frozen=True, slots=True)
class HighlightStyle:
    """How one highlight kind looks: colours as ``#rrggbb`` (or None) and attributes."""

    color: str | None = None
    background: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False


_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
_ATTRIBUTES = ("bold", "italic", "underline")


def parse_style(text: str) -> HighlightStyle:
    """Parse ``"bold #ffcc00 on #332200"``-style text (colours as hex only).

    >>> parse_style("bold #ff0 on #001122")
    HighlightStyle(color='#ff0', background='#001122', bold=True, italic=False, underline=False)
    """
    words = text.split()
    colour: str | None = None
    background: str | None = None
    flags: set[str] = set()
    index = 0
    while index < len(words):
        word = words[index]
        if word == "on":
            if index + 1 >= len(words) or not _HEX.fullmatch(words[index + 1]):
                raise ValueError(f"'on' must be followed by a #hex colour in {text!r}")
            background = words[index + 1]
            index += 2
            continue
        if _HEX.fullmatch(word):
            colour = word
        elif word.lower() in _ATTRIBUTES:
            flags.add(word.lower())
        else:
            raise ValueError(f"unknown style word {word!r} in {text!r}")
        index += 1
    return HighlightStyle(
        colour, background, "bold" in flags, "italic" in flags, "underline" in flags
    )


DEFAULT_STYLES: dict[str, HighlightStyle] = {
    "person": HighlightStyle(color="#7aa2f7", bold=True),
    "org": HighlightStyle(color="#e0af68", bold=True),
    "place": HighlightStyle(color="#9ece6a", bold=True),
    "norp": HighlightStyle(color="#bb9af7"),
    "date": HighlightStyle(color="#2ac3de", underline=True),
    "quote": HighlightStyle(italic=True, color="#c0caf5"),
    "annotation-yellow": HighlightStyle(background="#5c4b00"),
    "annotation-green": HighlightStyle(background="#1e4d2b"),
    "annotation-blue": HighlightStyle(background="#1f3a5f"),
    "annotation-pink": HighlightStyle(background="#5f1f45"),
    "annotation-purple": HighlightStyle(background="#3f2a5f"),
    "annotation-orange": HighlightStyle(background="#5f3a1a"),
}
"""Styles used for any kind a theme leaves out."""


@dataclass(frozen=True, slots=True)
class HighlightSpan:
    """One highlighted stretch of an article's clean text."""

    start: int
    end: int
    token: TokenType
    ref: int | str | None = None
    """What it points to: an entity id, an annotation id, a date value…"""

    @property
    def kind(self) -> str:
        return toggle_kind(self.token)


def article_spans(
    mentions: list | tuple = (),
    dates: list | tuple = (),
    quotes: list | tuple = (),
    annotations: list | tuple = (),
) -> list[HighlightSpan]:
    """Highlight spans from stored analysis rows and annotations, sorted by start.

    Accepts any objects with ``start``/``end`` (mentions also ``type`` and
    ``entity_id``; annotations ``color`` and ``id``); annotations without a
    passage position are skipped.
    """
    spans: list[HighlightSpan] = []
    for mention in mentions:
        ref = getattr(mention, "entity_id", None)
        spans.append(HighlightSpan(mention.start, mention.end, entity_token(mention.type), ref))
    for date in dates:
        spans.append(HighlightSpan(date.start, date.end, DATE, getattr(date, "value", None)))
    for quote in quotes:
        spans.append(HighlightSpan(quote.start, quote.end, QUOTE, None))
    for note in annotations:
        if note.start is None or note.end is None or note.start >= note.end:
            continue
        if getattr(note, "status", "anchored") == "orphaned":
            continue
        spans.append(HighlightSpan(note.start, note.end, annotation_token(note.color), note.id))
    spans.sort(key=lambda span: (span.start, -span.end))
    return spans
