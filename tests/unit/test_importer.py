"""The import pipeline: seeding, per-article atomicity, re-anchoring on update."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader import importer
from reader.annotations import annotate, get_annotation
from reader.errors import ReaderError
from reader.importer import ensure_seeded, import_paths
from reader.store import Store
from tests.conftest import SEEDS

RT_SEED = "002_d97c2c8cca8a9d47.txt"


def test_fresh_store_is_seeded_once(store: Store) -> None:
    assert ensure_seeded(store) is True
    assert store.count_articles() == 5
    assert store.list_entities(limit=1), "seeds are analysed on first run"
    assert ensure_seeded(store) is False
    assert store.count_articles() == 5


def test_progress_reports_every_file(store: Store) -> None:
    seen: list[tuple[int, int, str]] = []
    import_paths(
        store, [SEEDS], progress=lambda done, total, o: seen.append((done, total, o.status))
    )
    assert seen == [(i, 5, "imported") for i in range(1, 6)]


def test_failed_analysis_leaves_no_trace_of_that_article(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clips = tmp_path / "clips"
    clips.mkdir()
    for name in sorted(p.name for p in SEEDS.glob("*.txt"))[:2]:
        shutil.copy(SEEDS / name, clips / name)
    calls = {"n": 0}
    real = importer._analyse

    def flaky(db: Store, article_id: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise ReaderError("analysis interrupted")
        real(db, article_id)

    monkeypatch.setattr(importer, "_analyse", flaky)
    report = import_paths(store, [clips])
    assert [o.status for o in report] == ["imported", "failed"]
    assert "analysis interrupted" in (report.failed[0].error or "")
    assert store.count_articles() == 1
    assert store.integrity_problems() == []
    mentions = store.query("SELECT DISTINCT article_id FROM mentions")
    assert [row[0] for row in mentions] == [report.outcomes[0].article_id]


def test_reimport_of_changed_page_reanchors_annotations(store: Store, tmp_path: Path) -> None:
    page = tmp_path / RT_SEED
    shutil.copy(SEEDS / RT_SEED, page)
    article_id = import_paths(store, [page]).outcomes[0].article_id
    assert article_id is not None
    note = annotate(store, article_id, "Khmeimim Air Base", note="the air base", tags=["bases"])
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace(
            "After the militant groups", "Inserted paragraph.\n\nAfter the militant groups"
        ),
        encoding="utf-8",
    )
    report = import_paths(store, [page])
    assert [o.status for o in report] == ["updated"]
    moved = get_annotation(store, note.id)
    article = store.get_article(article_id)
    assert moved.status == "moved"
    assert moved.start is not None and moved.end is not None
    assert article.clean_text[moved.start : moved.end] == "Khmeimim Air Base"
    assert moved.start > note.start
    assert (moved.note, moved.tags) == ("the air base", ("bases",))


def test_a_file_that_parses_too_long_is_skipped_with_a_reason(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clips = tmp_path / "clips"
    clips.mkdir()
    shutil.copy(SEEDS / RT_SEED, clips / "a_stuck.txt")
    shutil.copy(SEEDS / RT_SEED, clips / "b_fine.txt")
    real_parse = importer.ingest.parse_file

    def stuck_on_first(path: Path) -> list:
        if path.name.startswith("a_"):
            while True:  # a parser that never returns; only the timer ends it
                pass
        return real_parse(path)

    monkeypatch.setattr(importer.ingest, "parse_file", stuck_on_first)
    report = import_paths(store, [clips], limit=0.2)
    assert [o.status for o in report] == ["failed", "imported"]
    assert "parsing took longer than 0.2 s; skipped" in (report.failed[0].error or "")
    assert "a_stuck.txt" in (report.failed[0].error or "")


def test_analysis_that_runs_too_long_rolls_the_article_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def endless(db: Store, article_id: int) -> None:
        while True:
            pass

    monkeypatch.setattr(importer, "_analyse", endless)
    report = import_paths(store, [SEEDS / RT_SEED], limit=0.2)
    assert [o.status for o in report] == ["failed"]
    assert "analysis took longer than 0.2 s" in (report.failed[0].error or "")
    assert store.count_articles() == 0
    assert store.integrity_problems() == []
