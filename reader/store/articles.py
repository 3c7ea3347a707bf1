"""Articles in the store: save (idempotent, update in place), read, list, filter, flags."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from reader.errors import NotFoundError
from reader.models import Article, ArticleSummary, ParsedArticle
from reader.query import ArticleFilter, fts_query

if TYPE_CHECKING:
    from reader.store import Store

SaveStatus = Literal["imported", "updated", "unchanged"]

WORDS_PER_MINUTE = 230

SORT_COLUMNS = {
    "published": "coalesce(a.published, a.imported_at)",
    "source": "coalesce(a.source, '') COLLATE NOCASE",
    "title": "a.title COLLATE NOCASE",
    "imported": "a.imported_at",
}

_SUMMARY_COLUMNS = """
    a.id, a.title, a.source_key, a.path, a.url, a.published, a.byline, a.source,
    a.word_count, a.reading_minutes, a.read, a.starred,
    (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.exact IS NOT NULL)
        AS annotation_count,
    (SELECT count(DISTINCT t.tag_id) FROM annotation_tags t
        JOIN annotations n ON n.id = t.annotation_id WHERE n.article_id = a.id) AS tag_count
"""


def content_hash(text: str) -> str:
    """SHA-256 of a text, hex; identifies a clean text or a raw input."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def word_count(text: str) -> int:
    return len(text.split())


def reading_minutes(words: int) -> int:
    """Minutes to read ``words`` at an unhurried pace; at least one for any text."""
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


def to_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def parse_utc(value: str) -> datetime:
    """A stored ISO timestamp as a UTC-aware datetime (naive values are taken as UTC)."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def from_iso(value: str | None) -> datetime | None:
    return parse_utc(value) if value else None


class ArticlesMixin:
    """Store methods for articles."""

    def save_article(self: Store, parsed: ParsedArticle) -> tuple[int, SaveStatus, str | None]:
        """Store a parsed article: insert it, update it in place, or leave it be.

        The same source (path or feed entry) updates the existing row, keeping its id;
        the same clean text from another source is recognised and not duplicated.
        Returns the id, what happened, and the previous clean text when it changed.
        """
        clean = parsed.clean_text
        digest = content_hash(clean)
        raw_digest = content_hash(parsed.raw_text)
        now = self.now_iso()
        words = word_count(clean)
        fields: dict[str, Any] = {
            "path": parsed.path,
            "url": parsed.url,
            "format": parsed.format,
            "content_hash": digest,
            "raw_hash": raw_digest,
            "title": parsed.title,
            "published": to_iso(parsed.published),
            "published_has_time": int(parsed.published_has_time),
            "byline": parsed.byline,
            "source": parsed.source,
            "agency": parsed.agency,
            "language": parsed.language,
            "raw_text": parsed.raw_text,
            "clean_text": clean,
            "markdown": parsed.markdown,
            "word_count": words,
            "reading_minutes": reading_minutes(words),
        }
        with self.transaction():
            existing = self.query_one(
                "SELECT * FROM articles WHERE source_key = ?", (parsed.source_key,)
            )
            if existing is not None:
                if all(existing[k] == v for k, v in fields.items() if k != "raw_text"):
                    return existing["id"], "unchanged", None
                assignments = ", ".join(f"{k} = :{k}" for k in fields)
                self.execute(
                    f"UPDATE articles SET {assignments}, updated_at = :now WHERE id = :id",
                    {**fields, "now": now, "id": existing["id"]},
                )
                previous = existing["clean_text"] if existing["clean_text"] != clean else None
                return existing["id"], "updated", previous
            twin = self.query_one(
                "SELECT id FROM articles WHERE content_hash = ? AND title = ?",
                (digest, parsed.title),
            )
            if twin is not None:
                return twin["id"], "unchanged", None
            columns = ["source_key", *fields, "imported_at", "updated_at"]
            cur = self.execute(
                f"INSERT INTO articles ({', '.join(columns)}) "
                f"VALUES ({', '.join(':' + c for c in columns)})",
                {**fields, "source_key": parsed.source_key, "imported_at": now, "updated_at": now},
            )
            return int(cur.lastrowid or 0), "imported", None

    def get_article(self: Store, article_id: int) -> Article:
        row = self.query_one("SELECT * FROM articles WHERE id = ?", (article_id,))
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        return _article_from_row(row)

    def find_article_id(self: Store, source_key: str) -> int | None:
        row = self.query_one("SELECT id FROM articles WHERE source_key = ?", (source_key,))
        return None if row is None else int(row["id"])

    def article_ids(self: Store) -> list[int]:
        return [row[0] for row in self.execute("SELECT id FROM articles ORDER BY id")]

    def count_articles(self: Store, where: ArticleFilter | None = None) -> int:
        clause, params = _filter_sql(where or ArticleFilter())
        return int(
            self.execute(f"SELECT count(*) FROM articles a WHERE {clause}", params).fetchone()[0]
        )

    def list_articles(
        self: Store,
        where: ArticleFilter | None = None,
        *,
        sort: str = "published",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ArticleSummary]:
        """Article rows matching a filter, sorted, one page at a time."""
        clause, params = _filter_sql(where or ArticleFilter())
        order = SORT_COLUMNS.get(sort, SORT_COLUMNS["published"])
        direction = "DESC" if descending else "ASC"
        sql = (
            f"SELECT {_SUMMARY_COLUMNS} FROM articles a WHERE {clause} "
            f"ORDER BY {order} {direction}, a.id {direction} LIMIT ? OFFSET ?"
        )
        rows = self.query(sql, [*params, -1 if limit is None else limit, offset])
        return [_summary_from_row(row) for row in rows]

    def set_read(self: Store, article_id: int, read: bool = True) -> None:
        self._set_flag(article_id, "read", read)

    def set_starred(self: Store, article_id: int, starred: bool = True) -> None:
        self._set_flag(article_id, "starred", starred)

    def _set_flag(self: Store, article_id: int, column: str, value: bool) -> None:
        with self.transaction():
            cur = self.execute(
                f"UPDATE articles SET {column} = ? WHERE id = ?", (int(value), article_id)
            )
            if cur.rowcount == 0:
                raise NotFoundError(f"no article with id {article_id}")

    def sources(self: Store) -> list[tuple[str, int]]:
        """Outlets with their article counts, most frequent first."""
        rows = self.execute(
            "SELECT source, count(*) FROM articles WHERE source IS NOT NULL "
            "GROUP BY source COLLATE NOCASE ORDER BY count(*) DESC, source"
        )
        return [(row[0], row[1]) for row in rows]


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        source_key=row["source_key"],
        title=row["title"],
        clean_text=row["clean_text"],
        content_hash=row["content_hash"],
        format=row["format"],
        imported_at=parse_utc(row["imported_at"]),
        updated_at=parse_utc(row["updated_at"]),
        path=row["path"],
        url=row["url"],
        published=from_iso(row["published"]),
        published_has_time=bool(row["published_has_time"]),
        byline=row["byline"],
        source=row["source"],
        agency=row["agency"],
        language=row["language"],
        markdown=row["markdown"],
        raw_text=row["raw_text"],
        word_count=row["word_count"],
        reading_minutes=row["reading_minutes"],
        read=bool(row["read"]),
        starred=bool(row["starred"]),
    )


def _summary_from_row(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        id=row["id"],
        title=row["title"],
        source_key=row["source_key"],
        path=row["path"],
        url=row["url"],
        published=from_iso(row["published"]),
        byline=row["byline"],
        source=row["source"],
        word_count=row["word_count"],
        reading_minutes=row["reading_minutes"],
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        annotation_count=row["annotation_count"],
        tag_count=row["tag_count"],
    )


_TAG_MATCH = """EXISTS (SELECT 1 FROM annotations n
    JOIN annotation_tags at ON at.annotation_id = n.id
    JOIN tags t ON t.id = at.tag_id
    WHERE n.article_id = a.id AND (t.name = ? OR t.name LIKE ? ESCAPE '\\'))"""

_ENTITY_MATCH = """EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id
    WHERE m.article_id = a.id AND e.ignored = 0 AND (
        e.name LIKE ? ESCAPE '\\' OR e.key = ? OR EXISTS (
            SELECT 1 FROM entity_aliases al WHERE al.entity_id = e.id
            AND al.alias LIKE ? ESCAPE '\\')))"""

_TEXT_MATCH = """(a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
    OR a.id IN (SELECT n.article_id FROM annotations n WHERE n.id IN
        (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)))"""


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filter_sql(where: ArticleFilter) -> tuple[str, list[Any]]:
    """SQL condition over ``articles a`` for a filter, with its parameters."""
    clauses: list[str] = ["1"]
    params: list[Any] = []

    def add(clause: str, values: list[Any], negate: bool = False) -> None:
        clauses.append(f"NOT {clause}" if negate else clause)
        params.extend(values)

    if where.text:
        match = fts_query(where.text, prefix_last=where.prefix_last)
        if match:
            add(_TEXT_MATCH, [match, match])
    for negate, tags in ((False, where.tags), (True, where.not_tags)):
        for tag in tags:
            add(_TAG_MATCH, [tag, _like_escape(tag) + "/%"], negate)
    for negate, entities in ((False, where.entities), (True, where.not_entities)):
        for name in entities:
            pattern = f"%{_like_escape(name)}%"
            add(_ENTITY_MATCH, [pattern, name, pattern], negate)
    for negate, sources in ((False, where.sources), (True, where.not_sources)):
        for source in sources:
            add("coalesce(a.source, '') LIKE ? ESCAPE '\\'", [f"%{_like_escape(source)}%"], negate)
    if where.after is not None:
        add("a.published >= ?", [where.after.isoformat()])
    if where.before is not None:
        add("a.published < ?", [where.before.isoformat()])
    if where.read is not None:
        add("a.read = ?", [int(where.read)])
    if where.starred is not None:
        add("a.starred = ?", [int(where.starred)])
    if where.has_notes is not None:
        add(
            "EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.note != '')",
            [],
            not where.has_notes,
        )
    if where.has_annotations is not None:
        add(
            "EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id "
            "AND n.exact IS NOT NULL)",
            [],
            not where.has_annotations,
        )
    if where.ids is not None:
        ids = list(where.ids)
        add(f"a.id IN ({', '.join('?' * len(ids)) or 'NULL'})", ids)
    return " AND ".join(clauses), params
