"""RSS and Atom feeds: one entry per article, read with feedparser.

Feeds that declare XML entities are refused before parsing (entity expansion and
external entities are a classic attack on XML parsers). Every string that comes out of
feedparser is sanitised again: it happily decodes ``&#x1b;`` into a real escape.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.errors import IngestError
from reader.ingest.decode import normalize_text
from reader.sanitize import safe_line

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry, its strings already sanitised."""

    key: str
    title: str
    content: str
    content_is_html: bool
    link: str | None
    published: datetime | None
    published_has_time: bool
    author: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: its title (the outlet), language and entries."""

    title: str | None
    language: str | None
    entries: list[FeedEntry]


def looks_like_feed(text: str) -> bool:
    """An RSS, RDF or Atom root element near the start of the text.

    >>> looks_like_feed('<?xml version="1.0"?>\\n<rss version="2.0"><channel>')
    True
    >>> looks_like_feed("<html><body>rss</body></html>")
    False
    """
    head = text[:4096]
    match = _FEED_ROOT.search(head)
    return match is not None and "<html" not in head[: match.start()].lower()


def check_feed_bytes(data: bytes, source: str) -> None:
    """Refuse documents that declare XML entities (billion laughs, external entities)."""
    head = data[:65536]
    if _ENTITY_DECLARATION.search(data) and _DOCTYPE.search(head):
        raise IngestError(
            source, "invalid feed: it declares XML entities, which are refused for safety"
        )


def _struct_to_datetime(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


def _entry_content(entry: Any) -> tuple[str, bool]:
    """The fullest content of an entry (``content:encoded``/Atom content, else summary)."""
    best, best_is_html = "", False
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if len(value) > len(best):
            best, best_is_html = value, (item.get("type") or "text/html").lower() in _HTML_TYPES
    if not best.strip():
        detail = entry.get("summary_detail") or {}
        best = entry.get("summary") or ""
        best_is_html = (detail.get("type") or "text/html").lower() in _HTML_TYPES
    return best, best_is_html


def _clean_line(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = safe_line(normalize_text(value))
    return text or None


def parse_feed(data: bytes, source: str) -> Feed:
    """Parse RSS/Atom bytes into sanitised entries; ``IngestError`` when it is not a feed.

    >>> rss = (b'<rss version="2.0"><channel><title>Pier Times</title><item><title>Dock'
    ...        b' reopens</title><guid>a1</guid><description>It reopened.</description>'
    ...        b'</item></channel></rss>')
    >>> feed = parse_feed(rss, "x.rss")
    >>> feed.title, [(e.key, e.title, e.content) for e in feed.entries]
    ('Pier Times', [('a1', 'Dock reopens', 'It reopened.')])
    """
    import feedparser

    check_feed_bytes(data, source)
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f": {str(reason).splitlines()[0][:120]}" if reason else ""
        raise IngestError(source, f"invalid feed (no RSS or Atom structure){detail}")
    if not parsed.entries:
        raise IngestError(source, "feed has no entries")
    feed_info = parsed.get("feed", {})
    feed_language = _clean_line(feed_info.get("language"))
    entries = []
    for index, entry in enumerate(parsed.entries):
        content, is_html = _entry_content(entry)
        raw_date = entry.get("published") or entry.get("updated") or ""
        published = _struct_to_datetime(
            entry.get("published_parsed") or entry.get("updated_parsed")
        )
        title = _clean_line(entry.get("title")) or ""
        if (entry.get("title_detail") or {}).get("type", "") in _HTML_TYPES:
            title = safe_line(re.sub(r"<[^>]+>", "", title))
        key = _clean_line(entry.get("id")) or _clean_line(entry.get("link")) or str(index)
        entries.append(
            FeedEntry(
                key=key,
                title=title,
                content=normalize_text(content),
                content_is_html=is_html,
                link=_clean_line(entry.get("link")),
                published=published,
                published_has_time=bool(published and _HAS_TIME.search(raw_date)),
                author=_clean_line(entry.get("author")),
                language=_clean_line(entry.get("language")) or feed_language,
            )
        )
    return Feed(_clean_line(feed_info.get("title")), feed_language, entries)
