"""Import files into the store: ingest, store, analyse and re-anchor, one article at a time.

Each article is written in one transaction together with its analysis and the
re-anchoring of its annotations, so an interrupted import leaves the store as it was
before that article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reader import ingest
from reader.anchoring import reanchor_article
from reader.errors import IngestError, ReaderError
from reader.models import ImportOutcome, ImportReport, ParsedArticle
from reader.paths import bundled_dir
from reader.store import Store

ProgressCallback = Callable[[int, int, ImportOutcome], None]

SEEDED_KEY = "seeded"


def _analyse(store: Store, article_id: int) -> None:
    from reader.analysis import analyse_article

    analyse_article(store, article_id)


def store_parsed(store: Store, parsed: ParsedArticle, *, analyse: bool = True) -> ImportOutcome:
    """Write one parsed article with its analysis and re-anchored annotations, atomically."""
    with store.transaction():
        article_id, status, previous = store.save_article(parsed)
        if status != "unchanged" and analyse:
            _analyse(store, article_id)
        if previous is not None:
            reanchor_article(store, article_id, previous, parsed.clean_text)
    return ImportOutcome(parsed.source_key, status, article_id, parsed.title)


def import_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    analyse: bool = True,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import files and folders (recursively); a bad file is reported, never fatal."""
    sources = list(ingest.iter_source_files(Path(p) for p in paths))
    report = ImportReport()
    total = len(sources)
    for done, source in enumerate(sources, start=1):
        for outcome in _import_one(store, source, analyse=analyse):
            report.outcomes.append(outcome)
            if progress is not None:
                progress(done, total, outcome)
    return report


def _import_one(store: Store, source: Path | IngestError, *, analyse: bool) -> list[ImportOutcome]:
    if isinstance(source, IngestError):
        return [ImportOutcome(source.source, "failed", error=str(source))]
    try:
        articles = ingest.parse_file(source)
    except ReaderError as exc:
        return [ImportOutcome(str(source), "failed", error=str(exc))]
    outcomes = []
    for parsed in articles:
        try:
            outcomes.append(store_parsed(store, parsed, analyse=analyse))
        except ReaderError as exc:
            outcomes.append(ImportOutcome(parsed.source_key, "failed", error=f"{source}: {exc}"))
    return outcomes


def ensure_seeded(store: Store, *, analyse: bool = True) -> bool:
    """On a fresh store, import the bundled seed articles once; True if it did."""
    if store.query_one("SELECT value FROM meta WHERE key = ?", (SEEDED_KEY,)) is not None:
        return False
    if store.count_articles() == 0:
        import_paths(store, [bundled_dir("seeds")], analyse=analyse)
    with store.transaction():
        store.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (SEEDED_KEY, store.now_iso())
        )
    return True
