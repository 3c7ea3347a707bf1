"""Analysis of texts and stored articles: extract, resolve dates, attribute quotes, link."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from reader.analysis.dates import extract_dates
from reader.analysis.entities import KnownNames, extract_entities
from reader.analysis.linking import Group, entity_index, groups_of, invalidate, link_groups
from reader.analysis.quotes import extract_quotes
from reader.models import Analysis, Article, EntityMention, locate, paragraph_offsets

if TYPE_CHECKING:
    from reader.store import Store

__all__ = [
    "analyse",
    "analyse_article",
    "article_analysis_dict",
    "configure",
    "reanalyse",
    "reference_date",
]

_settings: dict[str, str] = {"extractor": "builtin", "spacy_model": "en_core_web_sm"}

EntityExtractor = Callable[
    [str, KnownNames | Mapping[str, str] | None], tuple[list[EntityMention], list[EntityMention]]
]


def configure(extractor: str = "builtin", spacy_model: str = "en_core_web_sm") -> None:
    """Choose the entity extractor for this process (``builtin`` or ``spacy``)."""
    if extractor not in ("builtin", "spacy"):
        from reader.errors import ConfigError

        raise ConfigError(f"unknown extractor {extractor!r}: use 'builtin' or 'spacy'")
    _settings["extractor"] = extractor
    _settings["spacy_model"] = spacy_model


def _extractor(name: str | None) -> EntityExtractor:
    choice = name or _settings["extractor"]
    if choice == "spacy":
        from reader.analysis.backends.spacy_backend import spacy_extractor

        return spacy_extractor(_settings["spacy_model"])
    return extract_entities


def analyse(
    text: str,
    published: datetime | None = None,
    *,
    known: KnownNames | Mapping[str, str] | None = None,
    reference: datetime | None = None,
    extractor: str | None = None,
) -> Analysis:
    """Entities, nationalities, dates and quotes in ``text`` (pure; nothing is stored).

    Dates resolve against ``published``; failing that, against ``reference`` (the best
    available date), in which case the values that depend on it are marked approximate.
    """
    entities, nationalities = _extractor(extractor)(text, known)
    anchor = published or reference
    dates = extract_dates(text, anchor, approx=published is None and reference is not None)
    quotes = extract_quotes(text, entities, nationalities)
    return Analysis(tuple(entities), tuple(nationalities), tuple(dates), tuple(quotes))


def reference_date(article: Article) -> tuple[datetime, bool]:
    """The date to resolve an article's dates against, and whether it is only a guess.

    The publication date when known; else the latest full date the text itself gives
    (never later than the import); else the import time.
    """
    if article.published is not None:
        return article.published, False
    latest: datetime | None = None
    for mention in extract_dates(article.clean_text, None):
        if mention.kind in ("date", "time") and len(mention.value) >= 10:
            value = datetime.fromisoformat(mention.value[:10]).replace(tzinfo=UTC)
            if value <= article.imported_at and (latest is None or value > latest):
                latest = value
    return (latest or article.imported_at), True


def analyse_article(store: Store, article_id: int, *, reference: datetime | None = None) -> None:
    """Analyse a stored article and replace its mentions, dates and quotes.

    Runs inside the caller's transaction (or its own). Mentions are linked to canonical
    entities, creating entities and aliases as needed and honouring user corrections.
    ``reference`` overrides the inferred date for articles without a publication date.
    """
    article = store.get_article(article_id)
    with store.transaction():
        index = entity_index(store)
        if article.published is not None:
            anchor, guessed = article.published, False
        elif reference is not None:
            anchor, guessed = reference, True
        else:
            anchor, guessed = reference_date(article)
        result = analyse(
            article.clean_text,
            None if guessed else anchor,
            known=index.known,
            reference=anchor if guessed else None,
        )
        mentions = [*result.entities, *result.nationalities]
        linked = link_groups(store, index, groups_of(mentions))
        _write_rows(store, article_id, mentions, linked, result)
        store.execute(
            "UPDATE articles SET analysed_at = ?, analyser = ? WHERE id = ?",
            (store.now_iso(), _settings["extractor"], article_id),
        )


def _write_rows(
    store: Store,
    article_id: int,
    mentions: list[EntityMention],
    linked: dict[str, int],
    result: Analysis,
) -> None:
    for table in ("mentions", "dates", "quotes"):
        store.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    types = {
        row[0]: (row[1], row[2])
        for row in store.execute(
            "SELECT id, type, origin FROM entities WHERE id IN "
            f"({','.join('?' * len(set(linked.values())))})",
            tuple(set(linked.values())),
        )
    } if linked else {}  # fmt: skip
    rows = []
    for m in mentions:
        entity_id = linked.get(m.key)
        kind = m.type
        if entity_id is not None and types.get(entity_id, ("", ""))[1] == "user":
            kind = types[entity_id][0]
        rows.append((article_id, entity_id, m.start, m.end, m.text, kind, m.metonym_for))
    store.executemany(
        'INSERT INTO mentions (article_id, entity_id, start, "end", text, type, metonym_for) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    store.executemany(
        'INSERT INTO dates (article_id, start, "end", text, value, kind, approx, vague, mod) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                d.start,
                d.end,
                d.text,
                d.value,
                d.kind,
                int(d.approx),
                int(d.vague),
                d.mod,
            )
            for d in result.dates
        ],
    )
    store.executemany(
        'INSERT INTO quotes (article_id, start, "end", text, partial, speaker, speaker_entity_id) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                q.start,
                q.end,
                q.text,
                int(q.partial),
                q.speaker,
                linked.get(q.speaker_key) if q.speaker_key else None,
            )
            for q in result.quotes
        ],
    )


def reanalyse(store: Store, progress: Callable[[int, int], None] | None = None) -> int:
    """Re-run analysis on every article (after a change of extractor or of corrections).

    Corrections are kept; automatic entities and aliases no mention uses any more are
    removed at the end. Returns the number of articles analysed.
    """
    ids = store.article_ids()
    for done, article_id in enumerate(ids, 1):
        with store.transaction():
            analyse_article(store, article_id)
        if progress is not None:
            progress(done, len(ids))
    with store.transaction():
        store.prune_entities()
    invalidate(store)
    return len(ids)


def article_analysis_dict(store: Store, article: Article) -> dict[str, Any]:
    """An article's analysis in the gold files' format (offsets into body paragraphs)."""
    offsets = paragraph_offsets(article.clean_text)

    def place(start: int, end: int) -> dict[str, int]:
        if not offsets:
            return {"para": 0, "start": start, "end": end}
        para, local = locate(offsets, start)
        return {"para": para, "start": local, "end": local + (end - start)}

    entities: list[dict[str, Any]] = []
    nationalities: list[dict[str, Any]] = []
    for m in store.article_mentions(article.id):
        item: dict[str, Any] = {"text": m.text, "type": m.type, "entity": m.entity_key}
        item.update(place(m.start, m.end))
        if m.metonym_for:
            item["metonym_for"] = m.metonym_for
        (nationalities if m.type == "NORP" else entities).append(item)
    dates = []
    for d in store.article_dates(article.id):
        item = {"text": d.text, **place(d.start, d.end), "value": d.value, "kind": d.kind}
        item["approx"] = d.approx
        if d.vague:
            item["vague"] = True
        if d.mod:
            item["mod"] = d.mod
        dates.append(item)
    quotes = [
        {"text": q.text, "speaker": q.speaker_key, **place(q.start, q.end), "partial": q.partial}
        for q in store.article_quotes(article.id)
    ]
    return {"entities": entities, "nationalities": nationalities, "dates": dates, "quotes": quotes}


def group_for(name: str, kind: str) -> Group:
    """A one-name group, for corrections that add names by hand."""
    return Group(key=name, type=kind, name=name, surfaces=[name])
