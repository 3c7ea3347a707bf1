"""Annotations, tags and links in the store.

An annotation's tags live in ``annotation_tags`` (tag names compare case-insensitively
through ``COLLATE NOCASE``); links parsed from its note live in ``links``. Entity
lookups for link resolution and entity filters read the analysis tables directly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reader.models import Annotation, Link, Tag
from reader.store.articles import parse_utc

if TYPE_CHECKING:
    from reader.store import Store

TAG_SEPARATOR = "\x1f"
"""Joins tag names in one SQL column; tags never contain control characters."""

_ANNOTATION_COLUMNS = f"""
    n.id, n.uuid, n.article_id, n.exact, n.prefix, n.suffix, n.start, n."end", n.note,
    n.color, n.content_hash, n.status, n.created_at, n.modified_at,
    (SELECT group_concat(t.name, '{TAG_SEPARATOR}') FROM annotation_tags at
        JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = n.id) AS tag_names
"""

_ORDER = 'n.article_id, n.exact IS NOT NULL, n.start, n."end", n.id'


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def annotation_from_row(row: sqlite3.Row) -> Annotation:
    tags = tuple(sorted((row["tag_names"] or "").split(TAG_SEPARATOR), key=str.casefold))
    return Annotation(
        id=row["id"],
        article_id=row["article_id"],
        created=parse_utc(row["created_at"]),
        modified=parse_utc(row["modified_at"]),
        exact=row["exact"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        start=row["start"],
        end=row["end"],
        note=row["note"],
        tags=tuple(t for t in tags if t),
        color=row["color"],
        content_hash=row["content_hash"],
        status=row["status"],
        uuid=row["uuid"],
    )


class AnnotationsMixin:
    """Store methods for the user's annotations, tags, notes and links."""

    # ------------------------------------------------------------ annotations

    def insert_annotation(self: Store, fields: dict[str, Any]) -> int:
        """Insert one annotation row (``fields`` are column values; ``id`` optional)."""
        columns = list(fields)
        quoted = ", ".join(f'"{c}"' for c in columns)
        cur = self.execute(
            f"INSERT INTO annotations ({quoted}) VALUES ({', '.join(':' + c for c in columns)})",
            fields,
        )
        return int(cur.lastrowid or 0)

    def update_annotation_fields(self: Store, annotation_id: int, fields: dict[str, Any]) -> None:
        if not fields:
            return
        assignments = ", ".join(f'"{c}" = :{c}' for c in fields)
        self.execute(
            f"UPDATE annotations SET {assignments} WHERE id = :id", {**fields, "id": annotation_id}
        )

    def delete_annotation_row(self: Store, annotation_id: int) -> None:
        self.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
        self.prune_unused_tags()

    def annotation(self: Store, annotation_id: int) -> Annotation | None:
        row = self.query_one(
            f"SELECT {_ANNOTATION_COLUMNS} FROM annotations n WHERE n.id = ?", (annotation_id,)
        )
        return None if row is None else annotation_from_row(row)

    def annotation_id_by_uuid(self: Store, uuid: str) -> int | None:
        row = self.query_one("SELECT id FROM annotations WHERE uuid = ?", (uuid,))
        return None if row is None else int(row["id"])

    def article_level_annotation_id(self: Store, article_id: int) -> int | None:
        row = self.query_one(
            "SELECT id FROM annotations WHERE article_id = ? AND exact IS NULL ORDER BY id LIMIT 1",
            (article_id,),
        )
        return None if row is None else int(row["id"])

    def select_annotations(
        self: Store,
        *,
        annotation_ids: Sequence[int] | None = None,
        article_ids: Sequence[int] | None = None,
        tag: str | None = None,
        entity_ids: Sequence[int] | None = None,
        fts_match: str | None = None,
        status: str | None = None,
        passages_only: bool = False,
    ) -> list[Annotation]:
        """Annotations meeting every given condition, in text order within each article.

        ``tag`` matches the tag and its nested tags; ``entity_ids`` matches passages that
        overlap a mention of one of the entities and notes that link to one of them.
        """
        clauses: list[str] = ["1"]
        params: list[Any] = []
        if annotation_ids is not None:
            ids = list(annotation_ids)
            clauses.append(f"n.id IN ({', '.join('?' * len(ids)) or 'NULL'})")
            params.extend(ids)
        if article_ids is not None:
            ids = list(article_ids)
            clauses.append(f"n.article_id IN ({', '.join('?' * len(ids)) or 'NULL'})")
            params.extend(ids)
        if tag is not None:
            clauses.append(
                """EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
                   WHERE at.annotation_id = n.id AND (t.name = ? OR t.name LIKE ? ESCAPE '\\'))"""
            )
            params.extend([tag, _like_escape(tag) + "/%"])
        if entity_ids is not None:
            ids = list(entity_ids)
            marks = ", ".join("?" * len(ids)) or "NULL"
            clauses.append(
                f"""(EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = n.article_id
                        AND m.entity_id IN ({marks}) AND n.exact IS NOT NULL
                        AND m.start < n."end" AND m."end" > n.start)
                     OR EXISTS (SELECT 1 FROM links l WHERE l.annotation_id = n.id
                        AND l.target_kind = 'entity' AND l.target_id IN ({marks})))"""
            )
            params.extend(ids + ids)
        if fts_match is not None:
            clauses.append(
                "n.id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)"
            )
            params.append(fts_match)
        if status is not None:
            clauses.append("n.status = ? AND n.exact IS NOT NULL")
            params.append(status)
        if passages_only:
            clauses.append("n.exact IS NOT NULL")
        rows = self.query(
            f"SELECT {_ANNOTATION_COLUMNS} FROM annotations n WHERE {' AND '.join(clauses)} "
            f"ORDER BY {_ORDER}",
            params,
        )
        return [annotation_from_row(row) for row in rows]

    def passage_selectors(self: Store, article_id: int) -> list[sqlite3.Row]:
        """Selector columns of an article's passage annotations (for re-anchoring)."""
        return self.query(
            'SELECT id, exact, prefix, suffix, start, "end", status FROM annotations '
            'WHERE article_id = ? AND exact IS NOT NULL ORDER BY start, "end", id',
            (article_id,),
        )

    def set_annotation_anchor(
        self: Store,
        annotation_id: int,
        *,
        exact: str,
        prefix: str,
        suffix: str,
        start: int,
        end: int,
        status: str,
        content_hash: str,
    ) -> None:
        self.execute(
            'UPDATE annotations SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?, '
            "status = ?, content_hash = ? WHERE id = ?",
            (exact, prefix, suffix, start, end, status, content_hash, annotation_id),
        )

    def set_annotation_status(self: Store, annotation_id: int, status: str) -> None:
        self.execute("UPDATE annotations SET status = ? WHERE id = ?", (status, annotation_id))

    # ------------------------------------------------------------ tags

    def tag_ids(self: Store, names: Iterable[str]) -> list[int]:
        """Ids of the named tags, creating the missing ones (names compare case-insensitively)."""
        ids = []
        for name in names:
            self.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", (name,))
            row = self.query_one("SELECT id FROM tags WHERE name = ?", (name,))
            assert row is not None
            ids.append(int(row["id"]))
        return ids

    def add_annotation_tags(self: Store, annotation_id: int, names: Iterable[str]) -> None:
        self.executemany(
            "INSERT OR IGNORE INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)",
            [(annotation_id, tag_id) for tag_id in self.tag_ids(names)],
        )

    def remove_annotation_tags(self: Store, annotation_id: int, names: Iterable[str]) -> None:
        for name in names:
            self.execute(
                "DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id IN "
                "(SELECT id FROM tags WHERE name = ?)",
                (annotation_id, name),
            )
        self.prune_unused_tags()

    def clear_annotation_tags(self: Store, annotation_id: int) -> None:
        self.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (annotation_id,))

    def prune_unused_tags(self: Store) -> None:
        """Drop tags that no annotation carries any more."""
        self.execute(
            "DELETE FROM tags WHERE NOT EXISTS "
            "(SELECT 1 FROM annotation_tags at WHERE at.tag_id = tags.id)"
        )

    def tag_counts(self: Store) -> list[Tag]:
        """Every tag with the number of annotations carrying it, by name."""
        rows = self.query(
            "SELECT t.name, count(at.annotation_id) AS n FROM tags t "
            "LEFT JOIN annotation_tags at ON at.tag_id = t.id "
            "GROUP BY t.id ORDER BY t.name COLLATE NOCASE"
        )
        return [Tag(row["name"], row["n"]) for row in rows]

    def tags_under(self: Store, name: str) -> list[tuple[int, str]]:
        """The tag ``name`` and its nested tags (``name/…``), as (id, name)."""
        rows = self.query(
            "SELECT id, name FROM tags WHERE name = ? OR name LIKE ? ESCAPE '\\' ORDER BY name",
            (name, _like_escape(name) + "/%"),
        )
        return [(int(row["id"]), row["name"]) for row in rows]

    def tagged_annotation_ids(self: Store, tag_id: int) -> list[int]:
        rows = self.execute(
            "SELECT annotation_id FROM annotation_tags WHERE tag_id = ?", (tag_id,)
        ).fetchall()
        return [int(row[0]) for row in rows]

    def tag_names(self: Store) -> list[str]:
        return [row[0] for row in self.execute("SELECT name FROM tags ORDER BY id")]

    def delete_tag(self: Store, tag_id: int) -> None:
        self.execute("DELETE FROM tags WHERE id = ?", (tag_id,))

    def touch_annotations(self: Store, annotation_ids: Iterable[int], when: str) -> None:
        self.executemany(
            "UPDATE annotations SET modified_at = ? WHERE id = ?",
            [(when, annotation_id) for annotation_id in annotation_ids],
        )

    # ------------------------------------------------------------ links

    def replace_links(
        self: Store, annotation_id: int, links: Iterable[tuple[str, str | None, int | None]]
    ) -> None:
        """Store the links of one note: (target as written, kind, id) each."""
        self.execute("DELETE FROM links WHERE annotation_id = ?", (annotation_id,))
        self.executemany(
            "INSERT INTO links(annotation_id, target, target_kind, target_id) VALUES (?, ?, ?, ?)",
            [(annotation_id, *link) for link in links],
        )

    def link_rows(self: Store) -> list[sqlite3.Row]:
        return self.query("SELECT id, annotation_id, target, target_kind, target_id FROM links")

    def set_link_target(self: Store, link_id: int, kind: str | None, target_id: int | None) -> None:
        self.execute(
            "UPDATE links SET target_kind = ?, target_id = ? WHERE id = ?",
            (kind, target_id, link_id),
        )

    def links_of(self: Store, annotation_ids: Sequence[int] | None = None) -> list[Link]:
        """Links of the given annotations (all when None), in note order."""
        if annotation_ids is None:
            rows = self.query(
                "SELECT annotation_id, target, target_kind, target_id FROM links ORDER BY id"
            )
        else:
            ids = list(annotation_ids)
            rows = self.query(
                "SELECT annotation_id, target, target_kind, target_id FROM links "
                f"WHERE annotation_id IN ({', '.join('?' * len(ids)) or 'NULL'}) ORDER BY id",
                ids,
            )
        return [
            Link(row["annotation_id"], row["target"], row["target_kind"], row["target_id"])
            for row in rows
        ]

    def article_link_pairs(self: Store) -> list[tuple[int, int]]:
        """(article whose note links, article linked to) for every resolved article link."""
        rows = self.execute(
            "SELECT n.article_id, l.target_id FROM links l JOIN annotations n "
            "ON n.id = l.annotation_id WHERE l.target_kind = 'article' ORDER BY l.id"
        ).fetchall()
        return [(int(row[0]), int(row[1])) for row in rows]

    def unresolved_link_rows(self: Store) -> list[Link]:
        rows = self.query(
            "SELECT annotation_id, target FROM links WHERE target_id IS NULL ORDER BY id"
        )
        return [Link(row["annotation_id"], row["target"]) for row in rows]

    def linking_annotation_ids(self: Store, kind: str, target_id: int) -> list[int]:
        rows = self.execute(
            "SELECT DISTINCT annotation_id FROM links WHERE target_kind = ? AND target_id = ?",
            (kind, target_id),
        ).fetchall()
        return [int(row[0]) for row in rows]

    def link_target_names(self: Store) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """What a ``[[link]]`` can point to: (article id, title) and (entity id, name or alias).

        Entity names come first, then keys, then aliases, so a name wins over an alias.
        """
        articles = [
            (int(row[0]), row[1])
            for row in self.execute("SELECT id, title FROM articles ORDER BY id")
        ]
        entities = [
            (int(row[0]), row[1])
            for row in self.execute("SELECT id, name FROM entities WHERE ignored = 0 ORDER BY id")
        ]
        entities += [
            (int(row[0]), row[1])
            for row in self.execute("SELECT id, key FROM entities WHERE ignored = 0 ORDER BY id")
        ]
        entities += [
            (int(row[0]), row[1])
            for row in self.execute(
                "SELECT al.entity_id, al.alias FROM entity_aliases al "
                "JOIN entities e ON e.id = al.entity_id WHERE e.ignored = 0 ORDER BY al.id"
            )
        ]
        return articles, entities

    # ------------------------------------------------------------ entities (read only)

    def entity_ids_named(self: Store, name: str) -> list[int]:
        """Entities whose name, key or alias is ``name`` (case-insensitively)."""
        rows = self.execute(
            """SELECT id FROM entities WHERE ignored = 0 AND (name = ? COLLATE NOCASE OR key = ?)
               UNION SELECT al.entity_id FROM entity_aliases al JOIN entities e
                   ON e.id = al.entity_id WHERE e.ignored = 0 AND al.alias = ? COLLATE NOCASE""",
            (name, name, name),
        ).fetchall()
        return sorted(int(row[0]) for row in rows)

    def entity_label(self: Store, entity_id: int) -> tuple[str, str] | None:
        """(key, name) of an entity."""
        row = self.query_one("SELECT key, name FROM entities WHERE id = ?", (entity_id,))
        return None if row is None else (row["key"], row["name"])

    def entity_id_by_key(self: Store, key: str) -> int | None:
        row = self.query_one("SELECT id FROM entities WHERE key = ?", (key,))
        return None if row is None else int(row["id"])

    def article_entity_names(self: Store, article_ids: Sequence[int]) -> dict[int, list[str]]:
        """Names of the (non-NORP, not ignored) entities each article mentions, first seen first."""
        result: dict[int, list[str]] = {article_id: [] for article_id in article_ids}
        ids = list(article_ids)
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            rows = self.execute(
                f"""SELECT m.article_id, e.name, min(m.start) AS first FROM mentions m
                    JOIN entities e ON e.id = m.entity_id
                    WHERE m.article_id IN ({", ".join("?" * len(chunk))})
                      AND e.ignored = 0 AND e.type != 'NORP'
                    GROUP BY m.article_id, e.id ORDER BY m.article_id, first, e.name""",
                chunk,
            ).fetchall()
            for article_id, name, _ in rows:
                result[article_id].append(name)
        return result

    def article_ids_mentioning(self: Store, entity_ids: Sequence[int]) -> list[int]:
        ids = list(entity_ids)
        rows = self.execute(
            f"SELECT DISTINCT article_id FROM mentions WHERE entity_id IN "
            f"({', '.join('?' * len(ids)) or 'NULL'}) ORDER BY article_id",
            ids,
        ).fetchall()
        return [int(row[0]) for row in rows]

    # ------------------------------------------------------------ articles (read only)

    def annotated_article_ids(self: Store) -> list[int]:
        rows = self.execute(
            "SELECT DISTINCT article_id FROM annotations ORDER BY article_id"
        ).fetchall()
        return [int(row[0]) for row in rows]

    def article_id_matching(
        self: Store, *, source_key: str | None, url: str | None, content_hash: str | None
    ) -> int | None:
        """An existing article with this source key, else this URL, else this clean text."""
        keys = (("source_key", source_key), ("url", url), ("content_hash", content_hash))
        for column, value in keys:
            if value:
                row = self.query_one(
                    f"SELECT id FROM articles WHERE {column} = ? ORDER BY id LIMIT 1", (value,)
                )
                if row is not None:
                    return int(row["id"])
        return None

    # ------------------------------------------------------------ entity corrections

    def entity_correction_rows(self: Store) -> list[dict[str, str]]:
        """The user's entity corrections, oldest first; ``payload`` is kept verbatim."""
        rows = self.query("SELECT op, payload, created_at FROM entity_corrections ORDER BY id")
        return [
            {"op": row["op"], "payload": row["payload"], "created": row["created_at"]}
            for row in rows
        ]

    def add_entity_correction_row(self: Store, op: str, payload: str, created: str) -> bool:
        """Store a correction unless the same one (op, payload, time) is already there."""
        exists = self.query_one(
            "SELECT 1 FROM entity_corrections WHERE op = ? AND payload = ? AND created_at = ?",
            (op, payload, created),
        )
        if exists is not None:
            return False
        self.execute(
            "INSERT INTO entity_corrections(op, payload, created_at) VALUES (?, ?, ?)",
            (op, payload, created),
        )
        return True
