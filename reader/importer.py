"""Import files into the store: ingest, store, analyse and re-anchor, one article at a time.

Each article is written in one transaction together with its analysis and the
re-anchoring of its annotations, so an interrupted import leaves the store as it was
before that article.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader import ingest
from reader.anchoring import reanchor_article
from reader.errors import IngestError, ReaderError
from reader.models import ImportOutcome, ImportReport, ParsedArticle
from reader.paths import bundled_dir
from reader.store import Store

ProgressCallback = Callable[[int, int, ImportOutcome], None]

SEEDED_KEY = "seeded"
DEFAULT_TIME_LIMIT = 120.0
"""Seconds one file may spend in parsing, and one article in analysis, before it is skipped."""


@contextmanager
def time_limit(seconds: float, source: str, stage: str) -> Iterator[None]:
    """Raise ``IngestError`` if the block runs longer than ``seconds``.

    Uses a one-shot ``SIGALRM`` timer, so it applies in the main thread on POSIX and
    interrupts Python code (a parser stuck inside one C call is stopped when it returns).
    Elsewhere, or with ``seconds <= 0``, the block runs unlimited.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise IngestError(source, f"{stage} took longer than {seconds:g} s; skipped")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _analyse(store: Store, article_id: int) -> None:
    from reader.analysis import analyse_article

    analyse_article(store, article_id)


def store_parsed(
    store: Store,
    parsed: ParsedArticle,
    *,
    analyse: bool = True,
    limit: float = DEFAULT_TIME_LIMIT,
) -> ImportOutcome:
    """Write one parsed article with its analysis and re-anchored annotations, atomically."""
    with store.transaction():
        article_id, status, previous = store.save_article(parsed)
        if status != "unchanged" and analyse:
            with time_limit(limit, parsed.source_key, "analysis"):
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
    limit: float = DEFAULT_TIME_LIMIT,
) -> ImportReport:
    """Import files and folders (recursively); a bad or too slow file is reported, never fatal.

    ``limit`` bounds the seconds spent parsing one file and analysing one article.
    """
    sources = list(ingest.iter_source_files(Path(p) for p in paths))
    report = ImportReport()
    total = len(sources)
    for done, source in enumerate(sources, start=1):
        for outcome in _import_one(store, source, analyse=analyse, limit=limit):
            report.outcomes.append(outcome)
            if progress is not None:
                progress(done, total, outcome)
    return report


def _import_one(
    store: Store, source: Path | IngestError, *, analyse: bool, limit: float
) -> list[ImportOutcome]:
    if isinstance(source, IngestError):
        return [ImportOutcome(source.source, "failed", error=str(source))]
    try:
        with time_limit(limit, str(source), "parsing"):
            articles = ingest.parse_file(source)
    except ReaderError as exc:
        return [ImportOutcome(str(source), "failed", error=str(exc))]
    outcomes = []
    for parsed in articles:
        try:
            outcomes.append(store_parsed(store, parsed, analyse=analyse, limit=limit))
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
