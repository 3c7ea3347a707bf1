"""Plain, frozen records passed between ingest, analysis, store, export and the TUI.

Every datetime is UTC-aware. Character offsets are code points into an article's
``clean_text``, whose paragraphs are joined by one blank line (``PARAGRAPH_SEP``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

PARAGRAPH_SEP = "\n\n"
"""Separator between paragraphs in ``clean_text``; paragraphs never contain a newline."""

EntityType = Literal["PERSON", "ORG", "PLACE", "NORP"]
DateKind = Literal["date", "month", "year", "relative", "duration", "time"]
AnchorStatus = Literal["anchored", "moved", "orphaned"]


def split_paragraphs(clean_text: str) -> list[str]:
    """Paragraphs of a clean text, in order (the inverse of joining with ``PARAGRAPH_SEP``)."""
    return clean_text.split(PARAGRAPH_SEP) if clean_text else []


def paragraph_offsets(clean_text: str) -> list[int]:
    """Start offset of every paragraph of ``clean_text``."""
    starts, pos = [], 0
    for para in split_paragraphs(clean_text):
        starts.append(pos)
        pos += len(para) + len(PARAGRAPH_SEP)
    return starts


def locate(clean_text_offsets: list[int], offset: int) -> tuple[int, int]:
    """Map an absolute offset to ``(paragraph index, offset inside that paragraph)``."""
    import bisect

    para = max(0, bisect.bisect_right(clean_text_offsets, offset) - 1)
    return para, offset - clean_text_offsets[para]


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A line the cleaner removed, with the rule that removed it (for ``--explain``)."""

    line_no: int
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article as ingest produced it from one file or feed entry, before it is stored."""

    title: str
    body: tuple[str, ...]
    """Clean paragraphs, in order; none contains a newline."""
    source_key: str
    """Identity of where it came from: a resolved path, or ``path#entry-id`` for a feed entry."""
    format: Literal["text", "html", "markdown", "feed"]
    raw_text: str
    """The decoded input (control characters already removed)."""
    path: str | None = None
    url: str | None = None
    published: datetime | None = None
    published_has_time: bool = False
    byline: str | None = None
    source: str | None = None
    """Outlet name, e.g. ``RT``."""
    agency: str | None = None
    """News agency the story comes from, e.g. ``AP``, when the page says so."""
    language: str | None = None
    markdown: str | None = None
    """Markdown rendering of the body, for HTML and Markdown input."""
    dropped: tuple[DroppedLine, ...] = ()

    @property
    def clean_text(self) -> str:
        return PARAGRAPH_SEP.join(self.body)


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article."""

    id: int
    source_key: str
    title: str
    clean_text: str
    content_hash: str
    """SHA-256 of ``clean_text``; annotations record it to know when the text changed."""
    format: str
    imported_at: datetime
    updated_at: datetime
    path: str | None = None
    url: str | None = None
    published: datetime | None = None
    published_has_time: bool = False
    byline: str | None = None
    source: str | None = None
    agency: str | None = None
    language: str | None = None
    markdown: str | None = None
    raw_text: str | None = None
    word_count: int = 0
    reading_minutes: int = 0
    read: bool = False
    starred: bool = False

    @property
    def body(self) -> list[str]:
        return split_paragraphs(self.clean_text)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list: enough to show, sort and filter without the text."""

    id: int
    title: str
    source_key: str
    path: str | None
    url: str | None
    published: datetime | None
    byline: str | None
    source: str | None
    word_count: int
    reading_minutes: int
    read: bool
    starred: bool
    annotation_count: int = 0
    tag_count: int = 0


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text search result: the article, its bm25 score and a snippet.

    ``highlights`` are ``(start, end)`` spans of matched words inside ``snippet``;
    the snippet itself is plain text.
    """

    article_id: int
    title: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float
    kind: Literal["article", "annotation"] = "article"
    annotation_id: int | None = None


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What happened to one file or feed entry during an import."""

    source: str
    status: Literal["imported", "updated", "unchanged", "failed"]
    article_id: int | None = None
    title: str | None = None
    error: str | None = None


@dataclass(slots=True)
class ImportReport:
    """Summary of an import run."""

    outcomes: list[ImportOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def __iter__(self) -> Iterator[ImportOutcome]:
        return iter(self.outcomes)

    @property
    def failed(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


# ---------------------------------------------------------------- analysis


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named-entity mention found by analysis, with its span in the analysed text.

    ``key`` groups mentions of the same thing inside one text (e.g. ``sergei lavrov``
    for both "Sergei Lavrov" and "Lavrov"); ``name`` is the fullest form seen there.
    """

    start: int
    end: int
    text: str
    type: EntityType
    key: str
    name: str
    metonym_for: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, time or duration expression, normalised to an ISO value."""

    start: int
    end: int
    text: str
    value: str
    kind: DateKind
    approx: bool = False
    vague: bool = False
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteMention:
    """A direct quotation: ``text`` is what lies between the quote marks."""

    start: int
    end: int
    text: str
    partial: bool
    speaker: str | None = None
    """Surface name of the speaker as written, when the text says who spoke."""
    speaker_key: str | None = None
    """The in-text entity key of the speaker (see ``EntityMention.key``)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything analysis finds in one text."""

    entities: tuple[EntityMention, ...] = ()
    nationalities: tuple[EntityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredMention:
    """An entity mention as stored for an article, linked to its canonical entity."""

    start: int
    end: int
    text: str
    type: EntityType
    entity_id: int | None
    entity_key: str | None
    entity_name: str | None
    metonym_for: str | None = None


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """A quotation as stored for an article, with its speaker's canonical entity."""

    start: int
    end: int
    text: str
    partial: bool
    speaker: str | None = None
    speaker_entity_id: int | None = None
    speaker_key: str | None = None


@dataclass(frozen=True, slots=True)
class EntityMentionInContext:
    """One mention of an entity with the words around it, for an entity's page."""

    article_id: int
    article_title: str
    published: datetime | None
    start: int
    end: int
    text: str
    context_before: str
    context_after: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical real-world entity that mentions across articles point to."""

    id: int
    key: str
    """Stable readable id, e.g. ``sergei_lavrov``."""
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    ignored: bool = False
    mention_count: int = 0
    article_count: int = 0


# ---------------------------------------------------------------- annotations


@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlighted passage (or, with no passage, an article-level note and tags).

    Follows the W3C Web Annotation model: a TextQuoteSelector (``exact``, ``prefix``,
    ``suffix``) plus a TextPositionSelector (``start``, ``end``) over the clean text.
    """

    id: int
    article_id: int
    created: datetime
    modified: datetime
    exact: str | None = None
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    color: str = "yellow"
    content_hash: str | None = None
    status: AnchorStatus = "anchored"
    uuid: str = ""
    """Stable identity across stores (export, import, sync); the integer id is local."""

    @property
    def is_passage(self) -> bool:
        return self.exact is not None


@dataclass(frozen=True, slots=True)
class Tag:
    """A tag and how many annotations carry it."""

    name: str
    count: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    """A ``[[target]]`` link written in a note, and what it resolved to (if anything)."""

    annotation_id: int
    target: str
    target_kind: Literal["article", "entity"] | None = None
    target_id: int | None = None
