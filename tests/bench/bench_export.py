"""Benchmark: Markdown export of 10,000 annotations across 1,000 articles (target ≤ 2 s).

Run with ``READER_BENCH=1 /work/venv/bin/pytest tests/bench/bench_export.py -s``;
skipped otherwise. Prints the seconds taken by the export itself (store already built).
"""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.export.markdown import export_markdown
from reader.models import PARAGRAPH_SEP, ParsedArticle
from reader.store import Store

pytestmark = [
    pytest.mark.bench,
    pytest.mark.skipif(os.environ.get("READER_BENCH") != "1", reason="set READER_BENCH=1"),
]

ARTICLES = 1_000
PER_ARTICLE = 10
TARGET_SECONDS = 2.0

PARAGRAPH = (
    "Officials in Damascus said on Tuesday that talks with the Russian delegation about the "
    "naval base in Tartus and the Khmeimim air base would continue next week, according to "
    "a statement carried by the state news agency, while analysts cautioned that *nothing* "
    "was settled and #sanctions remained [a problem]."
)


def build(store: Store) -> None:
    now = store.now_iso()
    with store.transaction():
        for n in range(ARTICLES):
            body = tuple(f"{PARAGRAPH} ({n}.{p})" for p in range(8))
            text = PARAGRAPH_SEP.join(body)
            article_id = store.save_article(
                ParsedArticle(
                    title=f"Talks on the bases, day {n}",
                    body=body,
                    source_key=f"/bench/{n}.txt",
                    format="text",
                    raw_text=text,
                    published=datetime(2024, 1, 1, tzinfo=UTC),
                )
            )[0]
            tag_ids = store.tag_ids([f"syria/bases/{n % 50}", "russia"])
            for k in range(PER_ARTICLE):
                start = (k * 97) % (len(text) - 80)
                annotation_id = store.insert_annotation(
                    {
                        "uuid": str(uuid.uuid4()),
                        "article_id": article_id,
                        "exact": text[start : start + 60],
                        "prefix": text[max(0, start - 32) : start],
                        "suffix": text[start + 60 : start + 92],
                        "start": start,
                        "end": start + 60,
                        "note": f"Note {k} on [[Talks on the bases, day {(n + 1) % ARTICLES}]] #x",
                        "color": "yellow",
                        "content_hash": "x",
                        "status": "anchored",
                        "created_at": now,
                        "modified_at": now,
                    }
                )
                store.executemany(
                    "INSERT INTO annotation_tags(annotation_id, tag_id) VALUES (?, ?)",
                    [(annotation_id, tag_id) for tag_id in tag_ids],
                )
                store.execute(
                    "INSERT INTO links(annotation_id, target) VALUES (?, ?)",
                    (annotation_id, f"Talks on the bases, day {(n + 1) % ARTICLES}"),
                )


def test_export_10k_annotations(tmp_path: Path) -> None:
    store = Store(tmp_path / "bench.db", clock=lambda: datetime(2025, 1, 1, tzinfo=UTC))
    build(store)
    began = time.perf_counter()
    paths = export_markdown(store, tmp_path / "out")
    first = time.perf_counter() - began
    began = time.perf_counter()
    export_markdown(store, tmp_path / "out")
    again = time.perf_counter() - began
    print(
        f"\nexport markdown: {ARTICLES} articles, {ARTICLES * PER_ARTICLE} annotations: "
        f"{first:.2f} s (re-export into the same folder: {again:.2f} s; target {TARGET_SECONDS} s)"
    )
    assert len(paths) == ARTICLES + 1
