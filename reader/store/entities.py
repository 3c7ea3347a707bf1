"""Analysis results in the store: mentions, dates, quotes, canonical entities, relations."""

from __future__ import annotations

import math
import sqlite3
from typing import TYPE_CHECKING

from reader.errors import NotFoundError
from reader.models import (
    ArticleSummary,
    DateMention,
    Entity,
    EntityMentionInContext,
    StoredMention,
    StoredQuote,
)

if TYPE_CHECKING:
    from reader.store import Store

CONTEXT_CHARS = 80

_ENTITY_COLUMNS = """
    e.id, e.key, e.name, e.type, e.ignored,
    (SELECT group_concat(alias, char(31)) FROM
        (SELECT alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY a.id)) AS aliases,
    (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
    (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id) AS article_count
"""


def _entity_from_row(row: sqlite3.Row) -> Entity:
    aliases = tuple(row["aliases"].split("\x1f")) if row["aliases"] else ()
    return Entity(
        id=row["id"],
        key=row["key"],
        name=row["name"],
        type=row["type"],
        aliases=aliases,
        ignored=bool(row["ignored"]),
        mention_count=row["mention_count"],
        article_count=row["article_count"],
    )


class EntitiesMixin:
    """Store methods for analysis results and canonical entities."""

    # ------------------------------------------------------------ per article

    def article_mentions(self: Store, article_id: int) -> list[StoredMention]:
        """Entity mentions of an article (NORP included), sorted by start; ignored ones left out."""
        rows = self.query(
            'SELECT m.start, m."end", m.text, m.type, m.entity_id, e.key, e.name, m.metonym_for '
            "FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id "
            "WHERE m.article_id = ? AND coalesce(e.ignored, 0) = 0 ORDER BY m.start",
            (article_id,),
        )
        return [StoredMention(*row) for row in rows]

    def article_dates(self: Store, article_id: int) -> list[DateMention]:
        rows = self.query(
            'SELECT start, "end", text, value, kind, approx, vague, mod FROM dates '
            "WHERE article_id = ? ORDER BY start",
            (article_id,),
        )
        return [
            DateMention(r[0], r[1], r[2], r[3], r[4], bool(r[5]), bool(r[6]), r[7]) for r in rows
        ]

    def article_quotes(self: Store, article_id: int) -> list[StoredQuote]:
        rows = self.query(
            'SELECT q.start, q."end", q.text, q.partial, q.speaker, q.speaker_entity_id, e.key '
            "FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id "
            "WHERE q.article_id = ? ORDER BY q.start",
            (article_id,),
        )
        return [StoredQuote(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6]) for r in rows]

    # ------------------------------------------------------------ entities

    def list_entities(
        self: Store,
        type: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        include_ignored: bool = False,
    ) -> list[Entity]:
        """Canonical entities with mention and article counts, most mentioned first."""
        clauses, params = ["1"], []
        if type:
            clauses.append("e.type = ?")
            params.append(type.upper())
        if not include_ignored:
            clauses.append("e.ignored = 0")
        if query:
            like = f"%{query}%"
            clauses.append(
                "(e.name LIKE ? OR e.key LIKE ? OR EXISTS (SELECT 1 FROM entity_aliases a "
                "WHERE a.entity_id = e.id AND a.alias LIKE ?))"
            )
            params += [like, like, like]
        sql = (
            f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE {' AND '.join(clauses)} "
            "ORDER BY mention_count DESC, e.name COLLATE NOCASE LIMIT ?"
        )
        rows = self.query(sql, [*params, -1 if limit is None else limit])
        return [_entity_from_row(r) for r in rows]

    def find_entity(self: Store, name: str | int) -> Entity | None:
        """An entity by id, key, name or alias (case-insensitive); None when there is none."""
        from reader.analysis.names import norm

        if isinstance(name, int) or (isinstance(name, str) and name.isdigit()):
            row = self.query_one(
                f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.id = ?", (int(name),)
            )
            if row is not None:
                return _entity_from_row(row)
        text = str(name)
        for sql, arg in (
            (f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.key = ?", text),
            (f"SELECT {_ENTITY_COLUMNS} FROM entities e WHERE e.name = ? COLLATE NOCASE", text),
            (
                f"SELECT {_ENTITY_COLUMNS} FROM entities e JOIN entity_aliases a "
                "ON a.entity_id = e.id WHERE a.norm = ? ORDER BY mention_count DESC",
                norm(text),
            ),
        ):
            row = self.query_one(sql, (arg,))
            if row is not None:
                return _entity_from_row(row)
        return None

    def get_entity(self: Store, id_or_key_or_name: str | int) -> Entity:
        entity = self.find_entity(id_or_key_or_name)
        if entity is None:
            raise NotFoundError(f"no entity called {id_or_key_or_name!r}")
        return entity

    def entity_mentions(self: Store, entity_id: int) -> list[EntityMentionInContext]:
        """Every mention of an entity with some context, ordered by article date."""
        rows = self.query(
            'SELECT m.article_id, a.title, a.published, m.start, m."end", m.text, '
            "substr(a.clean_text, max(1, m.start + 1 - ?), min(m.start, ?)) AS before, "
            'substr(a.clean_text, m."end" + 1, ?) AS after '
            "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? "
            "ORDER BY coalesce(a.published, a.imported_at), a.id, m.start",
            (CONTEXT_CHARS, CONTEXT_CHARS, CONTEXT_CHARS, entity_id),
        )
        from reader.store.articles import from_iso

        return [
            EntityMentionInContext(
                article_id=r[0],
                article_title=r[1],
                published=from_iso(r[2]),
                start=r[3],
                end=r[4],
                text=r[5],
                context_before=r[6].split("\n")[-1],
                context_after=r[7].split("\n")[0],
            )
            for r in rows
        ]

    def entity_articles(self: Store, entity_id: int) -> list[ArticleSummary]:
        from reader.query import ArticleFilter

        ids = [
            r[0]
            for r in self.execute(
                "SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?", (entity_id,)
            )
        ]
        if not ids:
            return []
        return self.list_articles(ArticleFilter(ids=tuple(ids)))

    def related_articles(
        self: Store, article_id: int, limit: int = 10
    ) -> list[tuple[ArticleSummary, float, list[str]]]:
        """Other articles ranked by the entities they share with this one.

        Each shared entity weighs log(N / articles mentioning it): a rare entity counts
        far more than one that appears everywhere. Nationalities are left out.
        """
        from reader.query import ArticleFilter

        total = self.execute("SELECT count(*) FROM articles").fetchone()[0] or 1
        rows = self.execute(
            """
            WITH mine AS (
                SELECT DISTINCT m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id
                WHERE m.article_id = ? AND e.ignored = 0 AND e.type != 'NORP'
            ),
            df AS (
                SELECT entity_id, count(DISTINCT article_id) AS n FROM mentions
                WHERE entity_id IN (SELECT entity_id FROM mine) GROUP BY entity_id
            )
            SELECT DISTINCT m.article_id, m.entity_id, df.n, e.name
            FROM mentions m JOIN df ON df.entity_id = m.entity_id
            JOIN entities e ON e.id = m.entity_id
            WHERE m.article_id != ?
            """,
            (article_id, article_id),
        ).fetchall()
        scores: dict[int, float] = {}
        shared: dict[int, list[tuple[float, str]]] = {}
        for other, _entity, df, name in rows:
            weight = math.log((total + 1) / df)
            scores[other] = scores.get(other, 0.0) + weight
            shared.setdefault(other, []).append((weight, name))
        ranked = sorted(scores, key=lambda i: (-scores[i], i))[:limit]
        if not ranked:
            return []
        summaries = {s.id: s for s in self.list_articles(ArticleFilter(ids=tuple(ranked)))}
        return [
            (
                summaries[i],
                round(scores[i], 4),
                [name for _, name in sorted(shared[i], key=lambda p: (-p[0], p[1]))],
            )
            for i in ranked
            if i in summaries
        ]

    def cooccurring_entities(
        self: Store, entity_id: int, limit: int = 10
    ) -> list[tuple[Entity, int]]:
        """Entities mentioned in the same articles, with the number of shared articles."""
        rows = self.query(
            f"""
            SELECT {_ENTITY_COLUMNS}, shared FROM entities e JOIN (
                SELECT o.entity_id AS id, count(DISTINCT o.article_id) AS shared
                FROM mentions o WHERE o.article_id IN
                    (SELECT article_id FROM mentions WHERE entity_id = ?)
                AND o.entity_id IS NOT NULL AND o.entity_id != ?
                GROUP BY o.entity_id
            ) c ON c.id = e.id
            WHERE e.ignored = 0 AND e.type != 'NORP'
            ORDER BY shared DESC, mention_count DESC, e.name LIMIT ?
            """,
            (entity_id, entity_id, limit),
        )
        return [(_entity_from_row(r), r["shared"]) for r in rows]

    def entity_dates(self: Store, entity_id: int) -> list[tuple[str, int]]:
        """Date values found in the articles that mention an entity, in time order."""
        rows = self.execute(
            "SELECT DISTINCT d.value, d.article_id FROM dates d WHERE d.article_id IN "
            "(SELECT article_id FROM mentions WHERE entity_id = ?) AND d.kind != 'duration' "
            "AND d.vague = 0 ORDER BY d.value, d.article_id",
            (entity_id,),
        )
        return [(r[0], r[1]) for r in rows]

    # ------------------------------------------------------------ maintenance

    def prune_entities(self: Store) -> int:
        """Drop automatic entities and aliases that nothing refers to any more."""
        self.execute(
            """
            DELETE FROM entity_aliases WHERE origin = 'auto'
            AND norm != (SELECT lower(e.name) FROM entities e WHERE e.id = entity_aliases.entity_id)
            AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entity_aliases.entity_id
                AND m.text = entity_aliases.alias)
            AND EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entity_aliases.entity_id)
            """
        )
        cur = self.execute(
            """
            DELETE FROM entities WHERE origin = 'auto' AND ignored = 0
            AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
            AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_entity_id = entities.id)
            AND NOT EXISTS (SELECT 1 FROM links l WHERE l.target_kind = 'entity'
                AND l.target_id = entities.id)
            AND NOT EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = entities.id
                AND a.origin = 'user')
            """
        )
        return cur.rowcount
