"""Linking an article's mentions to canonical entities shared across articles.

Each group of mentions that one text's analysis put together (same in-text key) is
matched to a stored entity: an exact alias (case, accents, hyphens, possessives folded),
then a variant of a person's full name (same surname and compatible first name after
transliteration folding: "Sergei"/"Sergey", "Ahmed"/"Ahmad"), then an acronym
("HTS" <-> "Hayat Tahrir al-Sham"), else a new entity. A bare surname joins a known
full name only through an alias or a single person with that surname; two full names
that differ in the first name never merge. User corrections are respected: aliases the
user split off stay blocked, and user-set names and types are never overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.analysis.entities import KnownNames, _same_person
from reader.analysis.names import acronym, core_words, norm, skeleton, slug
from reader.models import EntityMention

if TYPE_CHECKING:
    from reader.store import Store

__all__ = ["EntityIndex", "entity_index", "link_groups"]


@dataclass(slots=True)
class IndexedEntity:
    id: int
    key: str
    name: str
    type: str
    ignored: bool
    origin: str
    aliases: set[str] = field(default_factory=set)
    """Normalised aliases."""
    surfaces: set[str] = field(default_factory=set)


@dataclass(slots=True)
class EntityIndex:
    """An in-memory view of the store's entities and aliases, for fast linking."""

    entities: dict[int, IndexedEntity] = field(default_factory=dict)
    by_norm: dict[str, list[int]] = field(default_factory=dict)
    by_surname: dict[str, set[int]] = field(default_factory=dict)
    by_acronym: dict[str, set[int]] = field(default_factory=dict)
    by_compact: dict[str, set[int]] = field(default_factory=dict)
    keys: set[str] = field(default_factory=set)
    blocked: set[tuple[int, str]] = field(default_factory=set)
    known: KnownNames = field(default_factory=KnownNames)
    signature: tuple[object, ...] = ()

    def add_entity(self, entity: IndexedEntity) -> None:
        self.entities[entity.id] = entity
        self.keys.add(entity.key)
        self._index_name(entity, entity.name)

    def _index_name(self, entity: IndexedEntity, name: str) -> None:
        if entity.type == "ORG":
            initials = acronym(name)
            if len(initials) >= 2:
                self.by_acronym.setdefault(initials, set()).add(entity.id)
        if entity.type == "PERSON":
            words = core_words(name)
            if words:
                self.by_surname.setdefault(skeleton(words[-1]), set()).add(entity.id)
        if entity.type in ("ORG", "PLACE"):
            self.by_compact.setdefault(compact(name), set()).add(entity.id)

    def add_alias(self, entity_id: int, alias: str) -> None:
        entity = self.entities[entity_id]
        key = norm(alias)
        if key in entity.aliases:
            return
        entity.aliases.add(key)
        entity.surfaces.add(alias)
        self.by_norm.setdefault(key, []).append(entity_id)
        self._index_name(entity, alias)
        self.known.add(alias, entity.type, entity.name)


def compact(name: str) -> str:
    """A name with spaces and hyphens gone ("Khmeimim Air Base" ~ "Khmeimim Airbase")."""
    return norm(name).replace(" ", "")


def _signature(store: Store) -> tuple[object, ...]:
    row = store.execute(
        "SELECT (SELECT max(id) FROM entities), (SELECT count(*) FROM entities), "
        "(SELECT max(id) FROM entity_aliases), (SELECT max(id) FROM entity_corrections)"
    ).fetchone()
    return tuple(row)


def entity_index(store: Store) -> EntityIndex:
    """The store's entity index, rebuilt only when the entity tables changed."""
    local = store._local
    cached: EntityIndex | None = getattr(local, "entity_index", None)
    signature = _signature(store)
    if cached is not None and cached.signature == signature:
        return cached
    index = EntityIndex()
    for row in store.execute("SELECT id, key, name, type, ignored, origin FROM entities"):
        index.add_entity(IndexedEntity(row[0], row[1], row[2], row[3], bool(row[4]), row[5]))
    for entity_id, alias in store.execute(
        "SELECT entity_id, alias FROM entity_aliases ORDER BY id"
    ):
        if entity_id in index.entities:
            index.add_alias(entity_id, alias)
    for (payload,) in store.execute("SELECT payload FROM entity_corrections WHERE op = 'split'"):
        data = json.loads(payload)
        index.blocked.add((int(data["entity_id"]), data["norm"]))
        # The extractor must not read a split-off alias as the entity's name either.
        index.known.surnames[data["norm"]] = None
        known = index.known.names.get(data["norm"])
        entity = index.entities.get(int(data["entity_id"]))
        if known is not None and entity is not None and known[1] == entity.name:
            del index.known.names[data["norm"]]
    index.signature = signature
    local.entity_index = index
    return index


def invalidate(store: Store) -> None:
    """Forget the cached index (after deletes that the signature might not show)."""
    store._local.entity_index = None


@dataclass(slots=True)
class Group:
    """The mentions of one thing inside one text."""

    key: str
    type: str
    name: str
    surfaces: list[str]


def groups_of(mentions: Iterable[EntityMention]) -> dict[str, Group]:
    groups: dict[str, Group] = {}
    for m in mentions:
        group = groups.get(m.key)
        if group is None:
            groups[m.key] = Group(m.key, m.type, m.name, [m.text])
        elif m.text not in group.surfaces:
            group.surfaces.append(m.text)
    return groups


def _compatible(index: EntityIndex, entity: IndexedEntity, group: Group) -> bool:
    if entity.type != group.type and entity.origin != "user":
        return False
    if group.type != "PERSON":
        return True
    full = [s for s in [group.name, *group.surfaces] if len(core_words(s)) >= 2]
    if not full:
        return True
    names = [s for s in [entity.name, *entity.surfaces] if len(core_words(s)) >= 2]
    if not names:
        return True
    return any(_same_person(core_words(a), core_words(b)) for a in full for b in names)


def find_entity_for(index: EntityIndex, group: Group) -> int | None:
    """The stored entity a group of mentions refers to, if any."""
    norms = [norm(s) for s in [group.name, *group.surfaces]]
    refused = {i for i, key in index.blocked if key in {norm(s) for s in group.surfaces}}
    scores: dict[int, int] = {}
    for position, key in enumerate(norms):
        for entity_id in index.by_norm.get(key, ()):
            if (entity_id, key) in index.blocked:
                continue
            entity = index.entities[entity_id]
            if not _compatible(index, entity, group):
                continue
            scores[entity_id] = scores.get(entity_id, 0) + (3 if position == 0 else 1)
    if scores:
        return max(scores, key=lambda i: (scores[i], len(index.entities[i].aliases), -i))
    if group.type == "PERSON":
        full = [s for s in [group.name, *group.surfaces] if len(core_words(s)) >= 2]
        words = core_words(full[0] if full else group.name)
        candidates = [
            index.entities[i]
            for i in index.by_surname.get(skeleton(words[-1]), ())
            if index.entities[i].type == "PERSON" and i not in refused
        ]
        if full:
            for entity in candidates:
                names = [s for s in [entity.name, *entity.surfaces] if len(core_words(s)) >= 2]
                if any(_same_person(words, core_words(n)) for n in names):
                    return entity.id
            # A surname-only entity takes the first full name that comes along.
            for entity in candidates:
                if all(len(core_words(s)) < 2 for s in [entity.name, *entity.surfaces]):
                    return entity.id
        elif len(candidates) == 1:
            return candidates[0].id
    if group.type in ("ORG", "PLACE"):
        for surface in [group.name, *group.surfaces]:
            ids = [
                i
                for i in index.by_compact.get(compact(surface), ())
                if index.entities[i].type == group.type
            ]
            if len(ids) == 1:
                return ids[0]
    if group.type == "ORG":
        # Two-letter acronyms ("UN", "AU") are too ambiguous to link by initials.
        only_acronyms = all(s.isupper() for s in [group.name, *group.surfaces])
        for surface in [group.name, *group.surfaces]:
            if only_acronyms and 3 <= len(surface) <= 8:
                ids = [
                    i for i in index.by_acronym.get(surface, ()) if index.entities[i].type == "ORG"
                ]
                if len(ids) == 1:
                    return ids[0]
            initials = acronym(surface)
            if len(initials) >= 3:
                ids = [
                    i for i in index.by_norm.get(initials.lower(), ())
                    if index.entities[i].type == "ORG"
                ]  # fmt: skip
                if len(ids) == 1:
                    return ids[0]
    return None


def _preferred(group: Group) -> str:
    names = [group.name, *group.surfaces]
    if group.type in ("PERSON", "ORG"):
        full = [n for n in names if len(core_words(n)) >= 2 and not n.isupper()]
        if full:
            return full[0]
    return group.name


def _unique_key(index: EntityIndex, name: str) -> str:
    base = slug(name)
    key, n = base, 2
    while key in index.keys:
        key, n = f"{base}_{n}", n + 1
    return key


def create_entity(
    store: Store, index: EntityIndex, name: str, kind: str, *, origin: str = "auto"
) -> IndexedEntity:
    key = _unique_key(index, name)
    cur = store.execute(
        "INSERT INTO entities (key, name, type, origin, created_at) VALUES (?, ?, ?, ?, ?)",
        (key, name, kind, origin, store.now_iso()),
    )
    entity = IndexedEntity(int(cur.lastrowid or 0), key, name, kind, False, origin)
    index.add_entity(entity)
    return entity


def add_alias(
    store: Store, index: EntityIndex, entity_id: int, alias: str, origin: str = "auto"
) -> None:
    key = norm(alias)
    if not key or (entity_id, key) in index.blocked or key in index.entities[entity_id].aliases:
        return
    store.execute(
        "INSERT OR IGNORE INTO entity_aliases (entity_id, alias, norm, origin) VALUES (?, ?, ?, ?)",
        (entity_id, alias, key, origin),
    )
    index.add_alias(entity_id, alias)


def link_groups(store: Store, index: EntityIndex, groups: dict[str, Group]) -> dict[str, int]:
    """Canonical entity id for every in-text key, creating entities and aliases as needed."""
    linked: dict[str, int] = {}
    # Full names first, so that bare surnames find the person named in full.
    order = sorted(
        groups.values(), key=lambda g: -max(len(core_words(s)) for s in [g.name, *g.surfaces])
    )
    for group in order:
        entity_id = find_entity_for(index, group)
        if entity_id is None:
            entity = create_entity(store, index, _preferred(group), group.type)
        else:
            entity = index.entities[entity_id]
            _maybe_upgrade_name(store, index, entity, group)
        for surface in dict.fromkeys([*group.surfaces, group.name]):
            add_alias(store, index, entity.id, surface)
        linked[group.key] = entity.id
    index.signature = _signature(store)
    return linked


def _maybe_upgrade_name(
    store: Store, index: EntityIndex, entity: IndexedEntity, group: Group
) -> None:
    """An automatic entity named by a surname or an acronym takes the fuller name."""
    if entity.origin == "user":
        return
    better = _preferred(group)
    if len(core_words(entity.name)) < 2 and len(core_words(better)) >= 2 and not better.isupper():
        store.execute("UPDATE entities SET name = ? WHERE id = ?", (better, entity.id))
        entity.name = better
        index._index_name(entity, better)
