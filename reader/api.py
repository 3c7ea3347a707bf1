"""Plain-dict views of articles for scripts (``--json``) and tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reader.models import ParsedArticle
from reader.store import Store


def format_published(value: datetime | None, has_time: bool) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` (UTC), as the gold files write dates."""
    if value is None:
        return None
    return value.strftime("%Y-%m-%dT%H:%M") if has_time else value.date().isoformat()


def article_dict(store: Store, article_id: int) -> dict[str, Any]:
    """An article with metadata, body paragraphs and its analysis, in the gold files' format."""
    from reader.analysis import article_analysis_dict

    article = store.get_article(article_id)
    data: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "published": format_published(article.published, article.published_has_time),
        "byline": article.byline,
        "source": article.source,
        "agency": article.agency,
        "path": article.path or article.url or article.source_key,
        "url": article.url,
        "language": article.language,
        "words": article.word_count,
        "reading_minutes": article.reading_minutes,
        "read": article.read,
        "starred": article.starred,
        "content_hash": article.content_hash,
        "body": article.body,
    }
    data.update(article_analysis_dict(store, article))
    return data


def parsed_dict(article: ParsedArticle, *, explain: bool = False) -> dict[str, Any]:
    """A cleaned, unstored article as ``reader clean --json`` prints it."""
    data: dict[str, Any] = {
        "title": article.title,
        "published": format_published(article.published, article.published_has_time),
        "byline": article.byline,
        "source": article.source,
        "agency": article.agency,
        "language": article.language,
        "url": article.url,
        "path": article.path,
        "format": article.format,
        "body": list(article.body),
    }
    if article.markdown is not None:
        data["markdown"] = article.markdown
    if explain:
        data["dropped"] = [
            {"line": d.line_no + 1, "text": d.text, "rule": d.rule} for d in article.dropped
        ]
    return data
