"""Import and search benchmark: 10,000 generated page dumps without entity analysis,
and 2,000 with it.

Run: READER_BENCH=1 python -m pytest tests/bench/bench_import.py -s
(READER_BENCH_ARTICLES and READER_BENCH_ANALYSED change the corpus sizes.)
Targets (2-core machine): >= 300 articles/s without analysis, >= 100 with it;
search p95 <= 20 ms at 10,000 articles.
"""

from __future__ import annotations

import os
import statistics
import time
from itertools import islice
from pathlib import Path

from reader.importer import import_paths
from reader.store import Store
from tests.bench.corpus import query_words, write_corpus

ARTICLES = int(os.environ.get("READER_BENCH_ARTICLES", "10000"))
QUERIES_PER_SIZE = 200


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def test_import_and_search_speed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, ARTICLES)
    store = Store(tmp_path / "reader.db")

    started = time.perf_counter()
    report = import_paths(store, [corpus], analyse=False)
    elapsed = time.perf_counter() - started
    assert report.count("imported") == ARTICLES, report.failed[:3]
    rate = ARTICLES / elapsed
    store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_mb = os.path.getsize(tmp_path / "reader.db") / 1e6

    words = query_words()
    print(
        f"\nimport: {ARTICLES} articles in {elapsed:.1f} s = {rate:.0f} articles/s; "
        f"store {size_mb:.1f} MB"
    )
    for size in (1, 2, 3):
        timings = []
        for _ in range(QUERIES_PER_SIZE):
            query = " ".join(islice(words, size))
            t0 = time.perf_counter()
            store.search(query, limit=20)
            timings.append((time.perf_counter() - t0) * 1000)
        print(
            f"search {size}-word: median {statistics.median(timings):.2f} ms, "
            f"p95 {percentile(timings, 0.95):.2f} ms"
        )
    store.close()


def test_import_with_analysis_speed(tmp_path: Path) -> None:
    """End to end: files -> clean -> store -> entities, dates, quotes (target >= 100/s)."""
    count = int(os.environ.get("READER_BENCH_ANALYSED", "2000"))
    corpus = tmp_path / "corpus"
    write_corpus(corpus, count, seed=13)
    store = Store(tmp_path / "reader.db")
    started = time.perf_counter()
    report = import_paths(store, [corpus], analyse=True)
    elapsed = time.perf_counter() - started
    assert report.count("imported") == count, report.failed[:3]
    mentions = store.execute("SELECT count(*) FROM mentions").fetchone()[0]
    print(
        f"\nimport with analysis: {count} articles in {elapsed:.1f} s = "
        f"{count / elapsed:.0f} articles/s ({mentions} mentions stored)"
    )
    store.close()
