"""Everything the user created, as a W3C Web Annotation JSON-LD AnnotationCollection.

``export_json`` writes every annotation (passages and article-level tags and notes)
with its note and tags as bodies (purposes ``commenting`` and ``tagging``) and a
target of the article with a TextQuoteSelector and a TextPositionSelector. What the
Web Annotation vocabulary has no term for is kept under ``reader:`` keys (absolute
IRIs in JSON-LD terms, so standard processors pass them through): the colour, the
anchoring status, the links parsed from notes, the user's entity corrections, and
the articles themselves (``reader:articles``, with their clean text), so that
``import_annotations`` can rebuild everything in an empty store.

Importing matches an existing article by source key, then URL, then clean-text hash,
and recreates it when there is none; annotations are matched by uuid, so importing
the same file twice changes nothing. When the store's text of an article differs
from the exported one, imported passages are re-anchored against it.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sys
import uuid as uuidlib
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from reader.anchoring import QuoteSelector, anchor, describe, map_position
from reader.annotations import (
    LinkResolver,
    canonical_tags,
    check_color,
    clean_note,
    get_annotation,
    normalize_tag,
    refresh_links,
    store_links,
)
from reader.errors import AnnotationError, ExportError
from reader.models import PARAGRAPH_SEP, Annotation, Article, ParsedArticle
from reader.sanitize import safe_line, safe_text
from reader.store.articles import content_hash

if TYPE_CHECKING:
    from reader.store import Store

__all__ = ["ANNO_CONTEXT", "export_json", "import_annotations", "read_json", "write_json"]

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
COLLECTION_ID = "urn:reader-desk:annotations"
FORMAT_VERSION = 1
_FORMATS = ("text", "html", "markdown", "feed")
_STATUSES = ("anchored", "moved", "orphaned")


def article_ref(source_key: str) -> str:
    """The key an exported annotation uses to name its article (stable across stores)."""
    return "article-" + hashlib.sha256(source_key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_iri(article: Article) -> str:
    """The IRI of an article for ``target.source``: its URL, else its file, else a URN."""
    if article.url:
        return article.url
    if article.path and article.path.startswith("/"):
        return PurePosixPath(article.path).as_uri()
    return "urn:reader-desk:" + article_ref(article.source_key)


def _time(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="seconds")


# ------------------------------------------------------------------ export


def export_json(store: Store) -> dict[str, Any]:
    """The whole annotation collection of the store, as JSON-LD data."""
    refresh_links(store)
    annotations = store.select_annotations()
    article_ids = {a.article_id for a in annotations}
    links = store.links_of() if annotations else []
    links_by_annotation: dict[int, list[Any]] = {}
    for link in links:
        links_by_annotation.setdefault(link.annotation_id, []).append(link)
        if link.target_kind == "article" and link.target_id is not None:
            article_ids.add(link.target_id)
    articles = {article_id: store.get_article(article_id) for article_id in article_ids}
    entity_keys: dict[int, str] = {}
    for link in links:
        if link.target_kind == "entity" and link.target_id is not None:
            label = store.entity_label(link.target_id)
            if label is not None:
                entity_keys[link.target_id] = label[0]

    def link_data(link: Any) -> dict[str, Any]:
        ref = None
        if link.target_kind == "article" and link.target_id in articles:
            ref = article_ref(articles[link.target_id].source_key)
        elif link.target_kind == "entity":
            ref = entity_keys.get(link.target_id)
        return {"target": link.target, "kind": link.target_kind if ref else None, "ref": ref}

    def sort_key(a: Annotation) -> tuple[Any, ...]:
        return (articles[a.article_id].source_key, a.is_passage, a.start or 0, a.end or 0, a.uuid)

    items = [
        _annotation_item(
            a, articles[a.article_id], [link_data(k) for k in links_by_annotation.get(a.id, [])]
        )
        for a in sorted(annotations, key=sort_key)
    ]
    return {
        "@context": ANNO_CONTEXT,
        "id": COLLECTION_ID,
        "type": "AnnotationCollection",
        "label": "reader annotations",
        "total": len(items),
        "items": items,
        "reader:version": FORMAT_VERSION,
        "reader:articles": [
            _article_data(article)
            for article in sorted(articles.values(), key=lambda a: a.source_key)
        ],
        "reader:entity_corrections": store.entity_correction_rows(),
    }


def _annotation_item(
    annotation: Annotation, article: Article, links: list[dict[str, Any]]
) -> dict[str, Any]:
    body: list[dict[str, Any]] = []
    if annotation.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "format": "text/markdown",
                "value": annotation.note,
            }
        )
    body.extend(
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags
    )
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": article_iri(article),
        "reader:article": article_ref(article.source_key),
    }
    if annotation.is_passage:
        target["selector"] = [
            {
                "type": "TextQuoteSelector",
                "exact": annotation.exact,
                "prefix": annotation.prefix,
                "suffix": annotation.suffix,
            },
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
        ]
    target["reader:content_hash"] = annotation.content_hash
    if annotation.note:
        motivation = "commenting"
    elif annotation.is_passage:
        motivation = "highlighting"
    else:
        motivation = "tagging"
    item: dict[str, Any] = {
        "id": f"urn:uuid:{annotation.uuid}",
        "type": "Annotation",
        "motivation": motivation,
        "created": _time(annotation.created),
        "modified": _time(annotation.modified),
    }
    if body:
        item["body"] = body
    item["target"] = target
    item["reader:color"] = annotation.color
    if annotation.is_passage:
        item["reader:status"] = annotation.status
    if links:
        item["reader:links"] = links
    return item


def _article_data(article: Article) -> dict[str, Any]:
    return {
        "id": article_ref(article.source_key),
        "source_key": article.source_key,
        "title": article.title,
        "url": article.url,
        "path": article.path,
        "published": article.published.isoformat() if article.published else None,
        "published_has_time": article.published_has_time,
        "byline": article.byline,
        "source": article.source,
        "agency": article.agency,
        "language": article.language,
        "format": article.format,
        "content_hash": article.content_hash,
        "clean_text": article.clean_text,
    }


def write_json(path: str | os.PathLike[str], data: Any) -> Path:
    """Write JSON data to a file atomically (temporary file in the same folder + rename)."""
    target = Path(path)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "x", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"{target}: cannot write ({exc.strerror})") from exc
    return target


def read_json(path: str | os.PathLike[str]) -> Any:
    """JSON data from a file (``-``: standard input); one clear error when it is not JSON."""
    name = str(path)
    try:
        if name == "-":
            return json.load(sys.stdin)
        with open(path, encoding="utf-8-sig") as handle:
            return json.load(handle)
    except OSError as exc:
        raise AnnotationError(f"{name}: cannot read ({exc.strerror})") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise AnnotationError(f"{name}: not a JSON file ({exc})") from exc


# ------------------------------------------------------------------ import


class _Reader:
    """Typed access to one JSON object, with errors that say where the problem is."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, Mapping):
            raise AnnotationError(f"{where}: expected an object")
        self.data = data
        self.where = where

    def get(
        self, key: str, kind: type | tuple[type, ...], default: Any = None, required: bool = False
    ) -> Any:
        value = self.data.get(key, default)
        if value is None:
            if required:
                raise AnnotationError(f"{self.where}: {key!r} is missing")
            return default
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise AnnotationError(f"{self.where}: {key!r} has the wrong type")
        return value


def _parse_time(value: str | None, where: str) -> str | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise AnnotationError(f"{where}: not a date-time: {safe_line(value)[:40]!r}") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return _time(parsed)


def _uuid_of(item_id: str, where: str) -> str:
    text = item_id.removeprefix("urn:uuid:")
    try:
        return str(uuidlib.UUID(text))
    except ValueError:
        if not item_id:
            raise AnnotationError(f"{where}: the annotation has no id") from None
        return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, item_id))


def _items(data: Any) -> tuple[list[Any], _Reader]:
    root = _Reader(data, "annotation file")
    context = root.data.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if ANNO_CONTEXT not in contexts:
        raise AnnotationError(f"annotation file: @context is not {ANNO_CONTEXT}")
    kind = root.data.get("type")
    if kind == "Annotation":
        return [root.data], root
    items = root.data.get("items")
    if items is None and isinstance(root.data.get("first"), Mapping):
        items = root.data["first"].get("items")
    if not isinstance(items, list):
        raise AnnotationError("annotation file: no list of annotations ('items')")
    return items, root


def import_annotations(
    store: Store,
    data: Any,
    *,
    analyse: bool = True,
    analyser: Callable[[Store, int], None] | None = None,
) -> int:
    """Read an annotation collection (as ``export_json`` writes it) into the store.

    Missing articles are recreated from ``reader:articles`` (and analysed, when
    ``analyse``); annotations already present (same uuid) are updated only when the
    file's copy is newer. Returns how many annotations were added or updated.
    All or nothing: a malformed file changes nothing.
    """
    items, root = _items(data)
    changed = 0
    with store.transaction():
        for index, row in enumerate(root.get("reader:entity_corrections", list, [])):
            entry = _Reader(row, f"entity correction {index + 1}")
            store.add_entity_correction_row(
                entry.get("op", str, required=True),
                entry.get("payload", str, required=True),
                _parse_time(entry.get("created", str, required=True), entry.where) or "",
            )
        articles = _import_articles(store, root.get("reader:articles", list, []), analyse, analyser)
        resolver = LinkResolver.from_store(store)
        for index, item in enumerate(items):
            if _import_item(store, _Reader(item, f"annotation {index + 1}"), articles, resolver):
                changed += 1
    refresh_links(store)
    return changed


class _ImportedArticle:
    __slots__ = ("article_id", "exported_text", "text")

    def __init__(self, article_id: int, exported_text: str | None, text: str) -> None:
        self.article_id = article_id
        self.exported_text = exported_text
        self.text = text


def _import_articles(
    store: Store,
    rows: Sequence[Any],
    analyse: bool,
    analyser: Callable[[Store, int], None] | None,
) -> dict[str, _ImportedArticle]:
    found: dict[str, _ImportedArticle] = {}
    for index, row in enumerate(rows):
        entry = _Reader(row, f"article {index + 1}")
        source_key = entry.get("source_key", str, required=True)
        ref = entry.get("id", str, article_ref(source_key))
        clean_text = _clean_article_text(entry.get("clean_text", str, ""))
        url = entry.get("url", str)
        article_id = store.article_id_matching(
            source_key=source_key, url=url, content_hash=content_hash(clean_text)
        )
        if article_id is None:
            published = _parse_time(entry.get("published", str), entry.where)
            fmt = entry.get("format", str, "text")
            parsed = ParsedArticle(
                title=safe_line(entry.get("title", str, "")) or source_key,
                body=tuple(clean_text.split(PARAGRAPH_SEP)) if clean_text else (),
                source_key=source_key,
                format=fmt if fmt in _FORMATS else "text",
                raw_text=clean_text,
                path=entry.get("path", str),
                url=url,
                published=datetime.fromisoformat(published) if published else None,
                published_has_time=bool(entry.get("published_has_time", bool, False)),
                byline=entry.get("byline", str),
                source=entry.get("source", str),
                agency=entry.get("agency", str),
                language=entry.get("language", str),
            )
            article_id, status, _ = store.save_article(parsed)
            if status == "imported" and analyse:
                (analyser or _default_analyser)(store, article_id)
        current = store.get_article(article_id)
        found[ref] = _ImportedArticle(article_id, clean_text, current.clean_text)
        if url:
            found.setdefault("url:" + url, found[ref])
    return found


def _default_analyser(store: Store, article_id: int) -> None:
    from reader.analysis import analyse_article

    analyse_article(store, article_id)


def _clean_article_text(text: str) -> str:
    """Untrusted clean text made safe; paragraphs keep no newline (identity on our own exports)."""
    return PARAGRAPH_SEP.join(p.replace("\n", " ") for p in safe_text(text).split(PARAGRAPH_SEP))


def _import_item(
    store: Store, item: _Reader, articles: dict[str, _ImportedArticle], resolver: LinkResolver
) -> bool:
    where = item.where
    uuid = _uuid_of(item.get("id", str, ""), where)
    target = item.data.get("target")
    if isinstance(target, str):
        target = {"source": target}
    target_reader = _Reader(target, where + " target")
    ref = target_reader.get("reader:article", str)
    source = target_reader.get("source", str)
    article = articles.get(ref or "") or articles.get(f"url:{source}")
    if article is None and source:
        article_id = store.article_id_matching(source_key=None, url=source, content_hash=None)
        if article_id is not None:
            article = _ImportedArticle(article_id, None, store.get_article(article_id).clean_text)
    if article is None:
        raise AnnotationError(f"{where}: its article is neither in the file nor in the store")
    note, tags = _bodies(item)
    created = _parse_time(item.get("created", str), where) or store.now_iso()
    modified = _parse_time(item.get("modified", str), where) or created
    color = check_color(item.get("reader:color", str, "yellow"))
    fields: dict[str, Any] = {
        "uuid": uuid,
        "article_id": article.article_id,
        "note": note,
        "color": color,
        "content_hash": target_reader.get("reader:content_hash", str),
        "created_at": created,
        "modified_at": modified,
    }
    selector = _quote_selector(target_reader)
    if selector is not None:
        status = item.get("reader:status", str, "anchored")
        fields.update(_placed(selector, status if status in _STATUSES else "anchored", article))
    existing_id = store.annotation_id_by_uuid(uuid)
    if existing_id is not None:
        existing = get_annotation(store, existing_id)
        if _time(existing.modified) >= modified:
            return False
        fields.pop("uuid")
        fields["article_id"] = existing.article_id
        store.update_annotation_fields(existing_id, fields)
        store.clear_annotation_tags(existing_id)
        annotation_id = existing_id
    elif selector is None and (own := store.article_level_annotation_id(article.article_id)):
        return _merge_article_level(store, own, note, tags, resolver)
    else:
        annotation_id = store.insert_annotation(fields)
    store.add_annotation_tags(annotation_id, canonical_tags(store, tags))
    store.prune_unused_tags()
    store_links(store, annotation_id, note, resolver)
    return True


def _bodies(item: _Reader) -> tuple[str, list[str]]:
    raw = item.data.get("body", [])
    bodies = raw if isinstance(raw, list) else [raw]
    notes: list[str] = []
    tags: list[str] = []
    for index, body in enumerate(bodies):
        if isinstance(body, str):
            notes.append(body)
            continue
        entry = _Reader(body, f"{item.where} body {index + 1}")
        value = entry.get("value", str)
        if value is None:
            continue
        if entry.get("purpose", str) == "tagging":
            tags.append(normalize_tag(value))
        else:
            notes.append(value)
    return clean_note("\n\n".join(notes)), tags


def _quote_selector(target: _Reader) -> QuoteSelector | None:
    raw = target.data.get("selector")
    if raw is None:
        return None
    selectors = raw if isinstance(raw, list) else [raw]
    quote: _Reader | None = None
    position: _Reader | None = None
    for index, entry in enumerate(selectors):
        reader = _Reader(entry, f"{target.where} selector {index + 1}")
        if reader.data.get("type") == "TextQuoteSelector":
            quote = reader
        elif reader.data.get("type") == "TextPositionSelector":
            position = reader
    if quote is None:
        if position is None:
            return None
        raise AnnotationError(f"{target.where}: a TextPositionSelector needs a TextQuoteSelector")
    exact = quote.get("exact", str, required=True)
    start = position.get("start", int, -1) if position else -1
    end = position.get("end", int, -1) if position else -1
    if not exact:
        raise AnnotationError(f"{target.where}: the quote is empty")
    return QuoteSelector(
        exact, quote.get("prefix", str, ""), quote.get("suffix", str, ""), start, end
    )


def _placed(selector: QuoteSelector, status: str, article: _ImportedArticle) -> dict[str, Any]:
    """Selector columns for an imported passage in the store's current text of its article."""
    text = article.text
    same_text = article.exported_text is not None and article.exported_text == text
    fits = (
        0 <= selector.start < selector.end <= len(text)
        and text[selector.start : selector.end] == selector.exact
    )
    if same_text and (status == "orphaned" or fits):
        return {
            "exact": selector.exact,
            "prefix": selector.prefix,
            "suffix": selector.suffix,
            "start": selector.start if selector.start >= 0 else None,
            "end": selector.end if selector.end >= 0 else None,
            "status": status,
        }
    expected = selector.start
    if article.exported_text is not None and selector.start >= 0:
        expected = map_position(article.exported_text, text, selector.start)
    result = anchor(selector, text, expected if expected >= 0 else None)
    if result.found and result.start is not None and result.end is not None:
        found = describe(text, result.start, result.end)
        return {
            "exact": found.exact,
            "prefix": found.prefix,
            "suffix": found.suffix,
            "start": found.start,
            "end": found.end,
            "status": result.status,
            "content_hash": content_hash(text),
        }
    return {
        "exact": selector.exact,
        "prefix": selector.prefix,
        "suffix": selector.suffix,
        "start": selector.start if selector.start >= 0 else None,
        "end": selector.end if selector.end >= 0 else None,
        "status": "orphaned",
    }


def _merge_article_level(
    store: Store, annotation_id: int, note: str, tags: list[str], resolver: LinkResolver
) -> bool:
    """Fold an imported article note and tags into the article's existing ones, losing neither."""
    current = get_annotation(store, annotation_id)
    new_tags = [
        t
        for t in canonical_tags(store, tags)
        if t.casefold() not in {c.casefold() for c in current.tags}
    ]
    merged_note = current.note
    if note and note not in current.note:
        merged_note = f"{current.note}\n\n{note}" if current.note else note
    if not new_tags and merged_note == current.note:
        return False
    store.add_annotation_tags(annotation_id, new_tags)
    store.update_annotation_fields(
        annotation_id, {"note": merged_note, "modified_at": store.now_iso()}
    )
    store_links(store, annotation_id, merged_note, resolver)
    return True
