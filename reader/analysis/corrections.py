"""User corrections to entities: merge, rename, split an alias, change a type, ignore, add.

Each correction is recorded in ``entity_corrections`` and applied at once to every
article. They survive re-import and re-analysis because linking reads the state they
leave behind: moved aliases (origin ``user``), user-owned names and types, and blocked
(entity, alias) pairs for split aliases.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from reader.analysis.linking import add_alias, create_entity, entity_index, invalidate
from reader.analysis.names import norm
from reader.errors import ReaderError
from reader.models import Entity

if TYPE_CHECKING:
    from reader.store import Store

__all__ = [
    "add_entity",
    "ignore_entity",
    "merge_entities",
    "rename_entity",
    "set_entity_type",
    "split_alias",
]

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "NORP")
_UPSERT_USER_ALIAS = (
    "INSERT INTO entity_aliases (entity_id, alias, norm, origin) VALUES (?, ?, ?, 'user') "
    "ON CONFLICT(entity_id, norm) DO UPDATE SET origin = 'user'"
)


class CorrectionError(ReaderError):
    """A correction cannot be applied as asked."""


def _record(store: Store, op: str, payload: dict[str, Any]) -> None:
    store.execute(
        "INSERT INTO entity_corrections (op, payload, created_at) VALUES (?, ?, ?)",
        (op, json.dumps(payload, ensure_ascii=False), store.now_iso()),
    )


def _type(value: str) -> str:
    kind = value.upper()
    if kind in ("LOC", "GPE", "LOCATION"):
        kind = "PLACE"
    if kind not in ENTITY_TYPES:
        raise CorrectionError(
            f"unknown entity type {value!r}: use one of {', '.join(ENTITY_TYPES)}"
        )
    return kind


def merge_entities(store: Store, keep: str | int, absorb: str | int) -> Entity:
    """Make ``absorb`` part of ``keep``: its aliases, mentions and quotes move over."""
    with store.transaction():
        kept, gone = store.get_entity(keep), store.get_entity(absorb)
        if kept.id == gone.id:
            raise CorrectionError(f"{kept.key} and {gone.key} are already the same entity")
        for (alias,) in store.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ?", (gone.id,)
        ).fetchall():
            store.execute(
                _UPSERT_USER_ALIAS,
                (kept.id, alias, norm(alias)),
            )
        store.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (kept.id, gone.id))
        store.execute(
            "UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ?",
            (kept.id, gone.id),
        )
        store.execute(
            "UPDATE links SET target_id = ? WHERE target_kind = 'entity' AND target_id = ?",
            (kept.id, gone.id),
        )
        store.execute("DELETE FROM entities WHERE id = ?", (gone.id,))
        _record(
            store,
            "merge",
            {
                "keep": kept.key,
                "absorb": gone.key,
                "aliases": list(gone.aliases),
                "name": gone.name,
            },
        )
        invalidate(store)
    return store.get_entity(kept.id)


def rename_entity(store: Store, entity: str | int, new_name: str) -> Entity:
    """Give an entity a new preferred name (its key stays, so links keep working)."""
    name = " ".join(new_name.split())
    if not name:
        raise CorrectionError("the new name is empty")
    with store.transaction():
        target = store.get_entity(entity)
        store.execute(
            "UPDATE entities SET name = ?, origin = 'user' WHERE id = ?", (name, target.id)
        )
        store.execute(
            _UPSERT_USER_ALIAS,
            (target.id, name, norm(name)),
        )
        _record(store, "rename", {"entity": target.key, "old": target.name, "new": name})
        invalidate(store)
    return store.get_entity(target.id)


def split_alias(store: Store, entity: str | int, alias: str) -> Entity:
    """Detach a wrong alias from an entity; its mentions are linked afresh, never back here."""
    from reader.analysis.pipeline import analyse_article

    with store.transaction():
        target = store.get_entity(entity)
        key = norm(alias)
        if key not in {norm(a) for a in target.aliases}:
            raise CorrectionError(f"{target.key} has no alias {alias!r}")
        store.execute(
            "DELETE FROM entity_aliases WHERE entity_id = ? AND norm = ?", (target.id, key)
        )
        _record(
            store,
            "split",
            {"entity": target.key, "entity_id": target.id, "alias": alias, "norm": key},
        )
        affected = [
            row[0]
            for row in store.execute(
                "SELECT DISTINCT article_id, text FROM mentions WHERE entity_id = ?", (target.id,)
            ).fetchall()
            if norm(row[1]) == key
        ]
        invalidate(store)
        for article_id in dict.fromkeys(affected):
            analyse_article(store, article_id)
    return store.get_entity(target.id)


def set_entity_type(store: Store, entity: str | int, type: str) -> Entity:
    """Change an entity's type (PERSON, ORG, PLACE or NORP) everywhere it is mentioned."""
    kind = _type(type)
    with store.transaction():
        target = store.get_entity(entity)
        store.execute(
            "UPDATE entities SET type = ?, origin = 'user' WHERE id = ?", (kind, target.id)
        )
        store.execute("UPDATE mentions SET type = ? WHERE entity_id = ?", (kind, target.id))
        _record(store, "set_type", {"entity": target.key, "old": target.type, "type": kind})
        invalidate(store)
    return store.get_entity(target.id)


def ignore_entity(store: Store, entity: str | int, ignored: bool = True) -> Entity:
    """Mark a false entity as ignored (hidden from articles and lists), or undo that."""
    with store.transaction():
        found = store.find_entity(entity)
        if found is None:
            row = store.query_one("SELECT id FROM entities WHERE key = ?", (str(entity),))
            if row is None:
                raise CorrectionError(f"no entity called {entity!r}")
            entity_id = int(row[0])
            key = str(entity)
        else:
            entity_id, key = found.id, found.key
        store.execute("UPDATE entities SET ignored = ? WHERE id = ?", (int(ignored), entity_id))
        _record(store, "ignore", {"entity": key, "ignored": ignored})
        invalidate(store)
    row = store.query_one("SELECT key FROM entities WHERE id = ?", (entity_id,))
    return store.list_entities(query=row[0] if row else key, include_ignored=True)[0]


def add_entity(
    store: Store, name: str, type: str, aliases: tuple[str, ...] | list[str] = ()
) -> Entity:
    """Add an entity by hand; articles naming it (or an alias) are analysed again."""
    from reader.analysis.pipeline import analyse_article

    kind = _type(type)
    clean = " ".join(name.split())
    if not clean:
        raise CorrectionError("the entity name is empty")
    with store.transaction():
        index = entity_index(store)
        existing = [i for i in index.by_norm.get(norm(clean), ()) if index.entities[i].type == kind]
        if existing:
            entity = index.entities[existing[0]]
            store.execute("UPDATE entities SET origin = 'user' WHERE id = ?", (entity.id,))
        else:
            entity = create_entity(store, index, clean, kind, origin="user")
        names = [clean, *(" ".join(a.split()) for a in aliases if a.strip())]
        for alias in names:
            add_alias(store, index, entity.id, alias, origin="user")
            store.execute(
                "UPDATE entity_aliases SET origin = 'user' WHERE entity_id = ? AND norm = ?",
                (entity.id, norm(alias)),
            )
        _record(
            store, "add", {"entity": entity.key, "name": clean, "type": kind, "aliases": names[1:]}
        )
        invalidate(store)
        affected: set[int] = set()
        for alias in names:
            for row in store.execute(
                "SELECT id FROM articles WHERE instr(lower(clean_text), ?) > 0", (alias.lower(),)
            ):
                affected.add(row[0])
        for article_id in sorted(affected):
            analyse_article(store, article_id)
    return store.get_entity(entity.id)
