"""Messages the screens send up to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenArticle(Message):
    """Open an article, optionally with a passage selected."""

    article_id: int
    start: int | None = None
    end: int | None = None


@dataclass
class OpenEntity(Message):
    """Open an entity's page."""

    entity_id: int


@dataclass
class StoreChanged(Message):
    """The store changed (import, annotation, correction): lists should reload."""

    what: str = ""
