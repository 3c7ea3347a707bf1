"""The user's annotations, tags, notes and links: the core behind the CLI and the TUI.

An annotation is a highlighted passage of an article's clean text (see
``reader.anchoring`` for its selectors) with a note, tags and a colour. An article's
own tags and note are kept in one annotation without a passage (``exact`` is None).

Tags compare case-insensitively (also beyond ASCII: a new tag takes the spelling of
an existing tag that differs only by case) and nest with ``/``: ``syria/bases`` is
found under ``syria``. Notes may link to articles and entities with ``[[Title]]``,
``[[Entity name]]`` or ``[[target|label]]``; links are resolved when written and
re-resolved before backlinks are read, and unresolved ones are kept.
"""

from __future__ import annotations

import re
import unicodedata
import uuid as uuidlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from reader.anchoring import describe, find_quote
from reader.errors import AnnotationError, NotFoundError
from reader.models import Annotation, Link, Tag
from reader.query import fts_query
from reader.sanitize import safe_line, safe_text
from reader.store.articles import content_hash

if TYPE_CHECKING:
    from reader.store import Store

__all__ = [
    "LinkResolver",
    "annotate",
    "article_note",
    "article_tags",
    "backlinks",
    "delete_annotation",
    "get_annotation",
    "list_annotations",
    "list_tags",
    "normalize_tag",
    "parse_links",
    "reattach",
    "reattach_quote",
    "refresh_links",
    "rename_tag",
    "restore_annotation",
    "set_article_note",
    "tag_annotation",
    "tag_article",
    "unresolved_links",
    "untag_annotation",
    "untag_article",
    "update_annotation",
]

DEFAULT_COLOR = "yellow"
MAX_TAG_LENGTH = 200
_COLOR = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,31}|#[0-9A-Fa-f]{6}")
LINK_PATTERN = re.compile(r"\[\[([^\[\]|\n]+)(?:\|([^\[\]\n]*))?\]\]")
"""``[[target]]`` or ``[[target|label]]`` in a note."""

LinkKind = Literal["article", "entity"]


# ------------------------------------------------------------------ tags


def normalize_tag(tag: str) -> str:
    """A tag as stored: one line, no leading ``#``, ``/``-separated parts trimmed.

    >>> normalize_tag("  #Syria / Naval  bases/ ")
    'Syria/Naval bases'
    """
    parts = [" ".join(part.split()) for part in safe_line(tag).split("/")]
    parts = [part for part in parts if part]
    while parts and parts[0].startswith("#"):
        parts[0] = parts[0].lstrip("#").strip()
        if not parts[0]:
            parts.pop(0)
    name = "/".join(parts)
    if not name:
        raise AnnotationError(f"not a tag: {tag!r}")
    if len(name) > MAX_TAG_LENGTH:
        raise AnnotationError(f"tag longer than {MAX_TAG_LENGTH} characters: {name[:40]}…")
    return name


def _canonical_tag(name: str, existing: Iterable[str]) -> str:
    """``name`` spelled as the existing tags spell each of its leading parts.

    SQLite's NOCASE folds ASCII only; this makes ``Сирия`` and ``сирия`` one tag too.
    """
    spelled: dict[str, str] = {}
    for tag in existing:
        parts = tag.split("/")
        for i in range(1, len(parts) + 1):
            spelled.setdefault("/".join(parts[:i]).casefold(), "/".join(parts[:i]))
    parts = name.split("/")
    result = name
    for i in range(len(parts), 0, -1):
        prefix = "/".join(parts[:i])
        known = spelled.get(prefix.casefold())
        if known is not None:
            result = known + name[len(prefix) :]
            break
    return result


def canonical_tags(store: Store, tags: Iterable[str]) -> list[str]:
    existing = store.tag_names()
    out: list[str] = []
    for tag in tags:
        name = _canonical_tag(normalize_tag(tag), [*existing, *out])
        if name.casefold() not in {t.casefold() for t in out}:
            out.append(name)
    return out


def _existing_tag(store: Store, tag: str) -> str | None:
    """The stored spelling of ``tag`` or of a tag nested under it, if any exists."""
    name = _canonical_tag(normalize_tag(tag), store.tag_names())
    return name if store.tags_under(name) else None


def list_tags(store: Store) -> list[Tag]:
    """Every tag with the number of annotations (passages and articles) carrying it."""
    return store.tag_counts()


def rename_tag(store: Store, old: str, new: str) -> int:
    """Rename a tag and its nested tags; renaming into an existing tag merges the two.

    ``rename_tag(s, "syria", "levant/syria")`` also turns ``syria/bases`` into
    ``levant/syria/bases``. Returns how many annotations changed.
    """
    source = _existing_tag(store, old)
    if source is None:
        raise NotFoundError(f"no tag named {normalize_tag(old)!r}")
    target = normalize_tag(new)
    with store.transaction():
        moves: list[tuple[list[int], str]] = []
        for tag_id, name in store.tags_under(source):
            moves.append((store.tagged_annotation_ids(tag_id), target + name[len(source) :]))
            store.delete_tag(tag_id)
        changed: set[int] = set()
        for annotation_ids, name in moves:
            (canonical,) = canonical_tags(store, [name])
            for annotation_id in annotation_ids:
                store.add_annotation_tags(annotation_id, [canonical])
                changed.add(annotation_id)
        store.touch_annotations(sorted(changed), store.now_iso())
    return len(changed)


# ------------------------------------------------------------------ links


def link_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def parse_links(note: str) -> list[tuple[str, str | None]]:
    """The ``[[target]]`` / ``[[target|label]]`` links of a note, in order, each target once.

    >>> parse_links("see [[Sergei Lavrov]] and [[Tartus|the port]], [[sergei  lavrov]]")
    [('Sergei Lavrov', None), ('Tartus', 'the port')]
    """
    seen: set[str] = set()
    links: list[tuple[str, str | None]] = []
    for match in LINK_PATTERN.finditer(note):
        target = " ".join(match[1].split())
        key = link_key(target)
        if not target or key in seen:
            continue
        seen.add(key)
        links.append((target, match[2]))
    return links


class LinkResolver:
    """Resolves link targets to an article (by title) or an entity (by name, key or alias).

    Case-insensitive and whitespace-insensitive; an article title wins over an entity
    name, and the oldest article wins among articles with the same title.
    """

    def __init__(self, articles: Iterable[tuple[int, str]], entities: Iterable[tuple[int, str]]):
        self._articles: dict[str, int] = {}
        for article_id, title in articles:
            self._articles.setdefault(link_key(title), article_id)
        self._entities: dict[str, int] = {}
        for entity_id, name in entities:
            self._entities.setdefault(link_key(name), entity_id)

    @classmethod
    def from_store(cls, store: Store) -> LinkResolver:
        return cls(*store.link_target_names())

    def resolve(self, target: str) -> tuple[LinkKind | None, int | None]:
        key = link_key(target)
        if key in self._articles:
            return "article", self._articles[key]
        if key in self._entities:
            return "entity", self._entities[key]
        return None, None

    def entity(self, name: str) -> int | None:
        return self._entities.get(link_key(name))


def store_links(store: Store, annotation_id: int, note: str, resolver: LinkResolver | None) -> None:
    links = parse_links(note)
    if links and resolver is None:
        resolver = LinkResolver.from_store(store)
    store.replace_links(
        annotation_id,
        [(target, *resolver.resolve(target)) for target, _ in links] if resolver else [],
    )


def refresh_links(store: Store) -> int:
    """Resolve every stored link again (after imports, renames or entity corrections).

    Returns how many links now point somewhere else.
    """
    rows = store.link_rows()
    if not rows:
        return 0
    resolver = LinkResolver.from_store(store)
    changed = 0
    with store.transaction():
        for row in rows:
            kind, target_id = resolver.resolve(row["target"])
            if (kind, target_id) != (row["target_kind"], row["target_id"]):
                store.set_link_target(row["id"], kind, target_id)
                changed += 1
    return changed


def backlinks(
    store: Store, *, article_id: int | None = None, entity_id: int | None = None
) -> list[Annotation]:
    """Annotations whose notes link to the article or the entity."""
    if (article_id is None) == (entity_id is None):
        raise ValueError("give exactly one of article_id and entity_id")
    refresh_links(store)
    if article_id is not None:
        ids = store.linking_annotation_ids("article", article_id)
    else:
        assert entity_id is not None
        ids = store.linking_annotation_ids("entity", entity_id)
    return store.select_annotations(annotation_ids=ids) if ids else []


def unresolved_links(store: Store) -> list[Link]:
    """Links that point at no known article or entity, in the order they were written."""
    refresh_links(store)
    return store.unresolved_link_rows()


# ------------------------------------------------------------------ annotations


def clean_note(note: str) -> str:
    return safe_text(note).strip()


def check_color(color: str) -> str:
    if not _COLOR.fullmatch(color):
        raise AnnotationError(f"not a colour name: {safe_line(color)[:40]!r}")
    return color


def get_annotation(store: Store, annotation_id: int) -> Annotation:
    annotation = store.annotation(annotation_id)
    if annotation is None:
        raise NotFoundError(f"no annotation with id {annotation_id}")
    return annotation


def _span(
    text: str,
    article_id: int,
    quote: str | None,
    start: int | None,
    end: int | None,
    occurrence: int,
) -> tuple[int, int]:
    """The passage asked for, by quote or by offsets; AnnotationError when there is none."""
    if quote is not None:
        wanted = quote.strip()
        if not wanted:
            raise AnnotationError("the quote is empty")
        if occurrence < 1:
            raise AnnotationError(f"occurrence must be 1 or more, not {occurrence}")
        span = find_quote(text, wanted, occurrence)
        if span is None:
            shown = safe_line(wanted)
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            which = f" (occurrence {occurrence})" if occurrence > 1 else ""
            raise AnnotationError(f"quote not found in article {article_id}{which}: {shown!r}")
        return span
    if start is None or end is None:
        raise AnnotationError("give a quote, or both start and end")
    if not 0 <= start < end <= len(text):
        raise AnnotationError(
            f"passage {start}..{end} is outside article {article_id} (0..{len(text)})"
        )
    return start, end


def annotate(
    store: Store,
    article_id: int,
    quote: str | None = None,
    *,
    start: int | None = None,
    end: int | None = None,
    occurrence: int = 1,
    note: str = "",
    tags: Iterable[str] = (),
    color: str = DEFAULT_COLOR,
) -> Annotation:
    """Highlight a passage, given by its text (``occurrence``-th match) or by offsets.

    The article is read inside the write transaction, so a concurrent re-import cannot
    change the text between finding the passage and storing its offsets.
    """
    now = store.now_iso()
    note = clean_note(note)
    with store.transaction():
        article = store.get_article(article_id)
        span_start, span_end = _span(article.clean_text, article_id, quote, start, end, occurrence)
        selector = describe(article.clean_text, span_start, span_end)
        annotation_id = store.insert_annotation(
            {
                "uuid": str(uuidlib.uuid4()),
                "article_id": article_id,
                "exact": selector.exact,
                "prefix": selector.prefix,
                "suffix": selector.suffix,
                "start": selector.start,
                "end": selector.end,
                "note": note,
                "color": check_color(color),
                "content_hash": article.content_hash,
                "status": "anchored",
                "created_at": now,
                "modified_at": now,
            }
        )
        store.add_annotation_tags(annotation_id, canonical_tags(store, tags))
        store_links(store, annotation_id, note, None)
    return get_annotation(store, annotation_id)


def update_annotation(
    store: Store,
    annotation_id: int,
    *,
    note: str | None = None,
    tags: Iterable[str] | None = None,
    color: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Annotation:
    """Change an annotation's note, tags (replacing them), colour or passage."""
    current = get_annotation(store, annotation_id)
    fields: dict[str, object] = {}
    if note is not None:
        fields["note"] = clean_note(note)
    if color is not None:
        fields["color"] = check_color(color)
    with store.transaction():
        if start is not None or end is not None:
            if not current.is_passage:
                raise AnnotationError(
                    f"annotation {annotation_id} is an article note, not a passage"
                )
            reattach(
                store,
                annotation_id,
                start if start is not None else current.start or 0,
                end if end is not None else current.end or 0,
            )
        if tags is not None:
            names = canonical_tags(store, tags)
            store.clear_annotation_tags(annotation_id)
            store.add_annotation_tags(annotation_id, names)
            store.prune_unused_tags()
        fields["modified_at"] = store.now_iso()
        store.update_annotation_fields(annotation_id, fields)
        if note is not None:
            store_links(store, annotation_id, str(fields["note"]), None)
    return get_annotation(store, annotation_id)


def tag_annotation(store: Store, annotation_id: int, *tags: str) -> Annotation:
    """Add tags to an annotation (keeping the ones it has)."""
    current = get_annotation(store, annotation_id)
    return update_annotation(store, annotation_id, tags=[*current.tags, *tags])


def untag_annotation(store: Store, annotation_id: int, *tags: str) -> Annotation:
    """Remove tags from an annotation (case-insensitively)."""
    current = get_annotation(store, annotation_id)
    drop = {normalize_tag(t).casefold() for t in tags}
    return update_annotation(
        store, annotation_id, tags=[t for t in current.tags if t.casefold() not in drop]
    )


def delete_annotation(store: Store, annotation_id: int) -> Annotation:
    """Delete an annotation; returns it as it was, for ``restore_annotation`` (undo)."""
    annotation = get_annotation(store, annotation_id)
    with store.transaction():
        store.delete_annotation_row(annotation_id)
    return annotation


def restore_annotation(store: Store, annotation: Annotation) -> Annotation:
    """Put back a deleted annotation with its id, uuid, tags, note and links."""
    store.get_article(annotation.article_id)
    if store.annotation(annotation.id) is not None:
        raise AnnotationError(f"annotation {annotation.id} already exists")
    with store.transaction():
        store.insert_annotation(
            {
                "id": annotation.id,
                "uuid": annotation.uuid or str(uuidlib.uuid4()),
                "article_id": annotation.article_id,
                "exact": annotation.exact,
                "prefix": annotation.prefix,
                "suffix": annotation.suffix,
                "start": annotation.start,
                "end": annotation.end,
                "note": annotation.note,
                "color": annotation.color,
                "content_hash": annotation.content_hash,
                "status": annotation.status,
                "created_at": annotation.created.isoformat(timespec="seconds"),
                "modified_at": annotation.modified.isoformat(timespec="seconds"),
            }
        )
        store.add_annotation_tags(annotation.id, canonical_tags(store, annotation.tags))
        store_links(store, annotation.id, annotation.note, None)
    return get_annotation(store, annotation.id)


def list_annotations(
    store: Store,
    *,
    article_id: int | None = None,
    tag: str | None = None,
    entity: str | None = None,
    text: str | None = None,
    status: str | None = None,
    orphaned: bool = False,
) -> list[Annotation]:
    """Annotations matching every filter given, in text order within each article.

    ``tag`` includes nested tags; ``entity`` (name, key or alias) matches passages that
    contain a mention of it and notes that link to it; ``text`` searches quotes and notes.
    """
    tag_name: str | None = None
    if tag is not None:
        tag_name = _existing_tag(store, tag)
        if tag_name is None:
            return []
    entity_ids = None
    if entity is not None:
        entity_ids = entity_ids_for(store, entity)
        refresh_links(store)
    match = None
    if text is not None:
        match = fts_query(text)
        if not match:
            return []
    return store.select_annotations(
        article_ids=None if article_id is None else [article_id],
        tag=tag_name,
        entity_ids=entity_ids,
        fts_match=match,
        status="orphaned" if orphaned else status,
    )


def entity_ids_for(store: Store, name: str) -> list[int]:
    """Entities called ``name`` (by name, key or alias); NotFoundError if there is none."""
    ids = set(store.entity_ids_named(name))
    found = LinkResolver.from_store(store).entity(name)
    if found is not None:
        ids.add(found)
    if not ids:
        raise NotFoundError(f"no entity named {safe_line(name)!r}")
    return sorted(ids)


def reattach(store: Store, annotation_id: int, start: int, end: int) -> Annotation:
    """Attach an annotation (typically an orphan) to the passage ``start:end`` of today's text."""
    current = get_annotation(store, annotation_id)
    if not current.is_passage:
        raise AnnotationError(f"annotation {annotation_id} is an article note, not a passage")
    article = store.get_article(current.article_id)
    span = _span(article.clean_text, article.id, None, start, end, 1)
    selector = describe(article.clean_text, *span)
    with store.transaction():
        store.set_annotation_anchor(
            annotation_id,
            exact=selector.exact,
            prefix=selector.prefix,
            suffix=selector.suffix,
            start=selector.start,
            end=selector.end,
            status="anchored",
            content_hash=content_hash(article.clean_text),
        )
        store.touch_annotations([annotation_id], store.now_iso())
    return get_annotation(store, annotation_id)


def reattach_quote(store: Store, annotation_id: int, quote: str, occurrence: int = 1) -> Annotation:
    """``reattach`` to the ``occurrence``-th match of ``quote`` in the article's text."""
    current = get_annotation(store, annotation_id)
    article = store.get_article(current.article_id)
    start, end = _span(article.clean_text, article.id, quote, None, None, occurrence)
    return reattach(store, annotation_id, start, end)


# ------------------------------------------------------------------ article-level


def _article_annotation(store: Store, article_id: int) -> Annotation | None:
    annotation_id = store.article_level_annotation_id(article_id)
    return None if annotation_id is None else get_annotation(store, annotation_id)


def _ensure_article_annotation(store: Store, article_id: int) -> int:
    existing = store.article_level_annotation_id(article_id)
    if existing is not None:
        return existing
    article = store.get_article(article_id)
    now = store.now_iso()
    return store.insert_annotation(
        {
            "uuid": str(uuidlib.uuid4()),
            "article_id": article_id,
            "content_hash": article.content_hash,
            "created_at": now,
            "modified_at": now,
        }
    )


def _drop_if_empty(store: Store, annotation_id: int) -> None:
    annotation = get_annotation(store, annotation_id)
    if not annotation.is_passage and not annotation.tags and not annotation.note:
        store.delete_annotation_row(annotation_id)


def tag_article(store: Store, article_id: int, *tags: str) -> tuple[str, ...]:
    """Add tags to the article itself; returns its tags."""
    names = canonical_tags(store, tags)
    with store.transaction():
        annotation_id = _ensure_article_annotation(store, article_id)
        store.add_annotation_tags(annotation_id, names)
        store.touch_annotations([annotation_id], store.now_iso())
    return article_tags(store, article_id)


def untag_article(store: Store, article_id: int, *tags: str) -> tuple[str, ...]:
    """Remove tags from the article itself (case-insensitively); returns its tags."""
    store.get_article(article_id)
    current = _article_annotation(store, article_id)
    if current is None:
        return ()
    drop = {normalize_tag(t).casefold() for t in tags}
    with store.transaction():
        store.remove_annotation_tags(current.id, [t for t in current.tags if t.casefold() in drop])
        store.touch_annotations([current.id], store.now_iso())
        _drop_if_empty(store, current.id)
    return article_tags(store, article_id)


def article_tags(store: Store, article_id: int) -> tuple[str, ...]:
    """The article's own tags (not those of its passages)."""
    current = _article_annotation(store, article_id)
    return () if current is None else current.tags


def set_article_note(store: Store, article_id: int, note: str) -> Annotation | None:
    """Set (or, with an empty note, clear) the article's own note."""
    note = clean_note(note)
    with store.transaction():
        annotation_id = _ensure_article_annotation(store, article_id)
        store.update_annotation_fields(
            annotation_id, {"note": note, "modified_at": store.now_iso()}
        )
        store_links(store, annotation_id, note, None)
        _drop_if_empty(store, annotation_id)
    return _article_annotation(store, article_id)


def article_note(store: Store, article_id: int) -> str:
    current = _article_annotation(store, article_id)
    return "" if current is None else current.note
