"""The store looks after itself: orphan reports, backups before migrations, private files."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.config import Config, save_config
from reader.errors import StoreError
from reader.models import ParsedArticle
from reader.paths import resolve_paths
from reader.store import Store
from reader.store import schema as schema_module

ARTICLE = ParsedArticle(
    title="Talks on the grain corridor resume in Geneva",
    body=(
        "Foreign Minister Elena Petrova said on Monday that talks would resume in Geneva.",
        "Officials in Ankara confirmed the meeting on 12 June.",
    ),
    source_key="/clips/geneva.txt",
    format="text",
    raw_text="raw",
    path="/clips/geneva.txt",
    published=datetime(2024, 3, 12, tzinfo=UTC),
)


def _add_annotation(store: Store, article_id: int, start: int, end: int, note: str = "") -> int:
    text = store.get_article(article_id).clean_text
    with store.transaction():
        cur = store.execute(
            'INSERT INTO annotations (uuid, article_id, exact, start, "end", note, '
            "created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                f"u-{start}-{end}-{note}",
                article_id,
                text[start:end],
                start,
                end,
                note,
                store.now_iso(),
                store.now_iso(),
            ),
        )
    return int(cur.lastrowid or 0)


# ------------------------------------------------------------------ reader check: orphans


def test_a_healthy_store_has_no_problems(store: Store) -> None:
    article_id, _, _ = store.save_article(ARTICLE)
    _add_annotation(store, article_id, 0, 15, "note")
    assert store.integrity_problems() == []


def _without_foreign_keys(store: Store, *statements: tuple[str, tuple]) -> None:
    store.execute("PRAGMA foreign_keys = OFF")
    try:
        for sql, params in statements:
            store.execute(sql, params)
    finally:
        store.execute("PRAGMA foreign_keys = ON")


ORPHANS = {
    "annotation of a deleted article": (
        [("DELETE FROM articles WHERE id = :article", {})],
        "annotations row",
    ),
    "mention of a missing entity": (
        [
            (
                'INSERT INTO mentions (article_id, entity_id, start, "end", text, type) '
                "VALUES (:article, 999, 0, 7, 'Foreign', 'ORG')",
                {},
            )
        ],
        "mentions row",
    ),
    "link to a missing annotation": (
        [("INSERT INTO links (annotation_id, target) VALUES (777, 'x')", {})],
        "links row",
    ),
    "resolved link to a deleted article": (
        [
            (
                "INSERT INTO links (annotation_id, target, target_kind, target_id) "
                "VALUES (:annotation, 'Gone', 'article', 4242)",
                {},
            )
        ],
        "link",
    ),
    "resolved link to a missing entity": (
        [
            (
                "INSERT INTO links (annotation_id, target, target_kind, target_id) "
                "VALUES (:annotation, 'Nobody', 'entity', 4242)",
                {},
            )
        ],
        "missing entity",
    ),
    "search index missing an article": (
        [
            (
                "INSERT INTO articles_fts(articles_fts, rowid, title, clean_text) "
                "SELECT 'delete', id, title, clean_text FROM articles WHERE id = :article",
                {},
            )
        ],
        "articles_fts",
    ),
    "search index missing an annotation": (
        [
            (
                "INSERT INTO annotations_fts(annotations_fts, rowid, exact, note) "
                "SELECT 'delete', id, coalesce(exact, ''), note FROM annotations "
                "WHERE id = :annotation",
                {},
            )
        ],
        "annotations_fts",
    ),
    "date span beyond the text": (
        [
            (
                'INSERT INTO dates (article_id, start, "end", text, value, kind) '
                "VALUES (:article, 100000, 100010, 'Monday', '2024-03-11', 'date')",
                {},
            )
        ],
        "dates row",
    ),
    "anchored annotation whose quote moved away": (
        [
            (
                'UPDATE annotations SET start = start + 3, "end" = "end" + 3 '
                "WHERE id = :annotation",
                {},
            )
        ],
        "annotation",
    ),
}


@pytest.mark.parametrize("case", list(ORPHANS), ids=list(ORPHANS))
def test_check_reports_orphaned_rows(store: Store, case: str) -> None:
    article_id, _, _ = store.save_article(ARTICLE)
    annotation_id = _add_annotation(store, article_id, 0, 15, "note")
    statements, expected = ORPHANS[case]
    _without_foreign_keys(
        store,
        *[
            (sql, {"article": article_id, "annotation": annotation_id, **p})
            for sql, p in statements
        ],
    )
    problems = store.integrity_problems()
    assert problems, f"{case} went unreported"
    assert any(expected in p for p in problems), problems


# ------------------------------------------------------------------ migrations back up first


@pytest.fixture
def version_two(monkeypatch: pytest.MonkeyPatch):
    """Pretend the program knows a schema version 2 (the migration given by the test)."""

    def install(*statements: str) -> None:
        migrations = [*schema_module.MIGRATIONS, list(statements)]
        monkeypatch.setattr("reader.store.MIGRATIONS", migrations)
        monkeypatch.setattr("reader.store.SCHEMA_VERSION", len(migrations))

    return install


def _store_v1_with_article(path: Path, clock) -> int:
    store = Store(path, clock=clock)
    article_id, _, _ = store.save_article(ARTICLE)
    _add_annotation(store, article_id, 0, 15, "my note")
    store.close()
    return article_id


def test_migration_backs_up_the_store_first(tmp_path: Path, clock, version_two) -> None:
    path = tmp_path / "data" / "reader.db"
    _store_v1_with_article(path, clock)
    version_two("CREATE TABLE extra (x TEXT)", "INSERT INTO extra VALUES ('v2')")
    backups = tmp_path / "backups"

    store = Store(path, clock=clock, backup_dir=backups)

    assert store.schema_version == 2
    copies = list(backups.iterdir())
    assert len(copies) == 1 and "-v1-" in copies[0].name
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    with sqlite3.connect(copies[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert old.execute("SELECT note FROM annotations").fetchall() == [("my note",)]
        assert not old.execute("SELECT 1 FROM sqlite_master WHERE name = 'extra'").fetchall()
    store.close()


def test_a_failed_migration_leaves_the_store_as_it_was(tmp_path: Path, clock, version_two) -> None:
    path = tmp_path / "reader.db"
    _store_v1_with_article(path, clock)
    version_two("CREATE TABLE extra (x TEXT)", "THIS IS NOT SQL")

    with pytest.raises(StoreError) as raised:
        Store(path, clock=clock, backup_dir=tmp_path / "backups")

    assert str(path) in str(raised.value)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'extra'").fetchall()
        assert db.execute("SELECT note FROM annotations").fetchall() == [("my note",)]
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_a_store_from_a_newer_program_is_refused(tmp_path: Path, clock) -> None:
    path = tmp_path / "reader.db"
    _store_v1_with_article(path, clock)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer"):
        Store(path, clock=clock)


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path, clock) -> None:
    path = tmp_path / "reader.db"
    path.write_bytes(b"this is not a database at all\n" * 200)
    with pytest.raises(StoreError, match=str(path)):
        Store(path, clock=clock)


# ------------------------------------------------------------------ private files


@pytest.fixture
def open_umask():
    """Run with umask 000, so only the program's own choice of modes protects the files."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_store_files_and_data_dir_are_private(tmp_path: Path, open_umask) -> None:
    from reader.app_context import open_store

    paths = resolve_paths(tmp_path / "home")
    store = open_store(paths=paths)
    store.save_article(ARTICLE)
    store.backup(paths.data_dir / "copies" / "copy.db")

    assert _mode(paths.data_dir) == 0o700
    assert _mode(paths.store) == 0o600
    for sidecar in ("-wal", "-shm"):
        companion = paths.store.with_name(paths.store.name + sidecar)
        if companion.exists():
            assert _mode(companion) == 0o600, companion
    assert _mode(paths.data_dir / "copies" / "copy.db") == 0o600
    store.close()


def test_config_file_is_private(tmp_path: Path, open_umask) -> None:
    paths = resolve_paths(tmp_path / "home")
    save_config(paths, dataclasses.replace(Config(), theme="reader-light"))
    assert _mode(paths.config_dir) == 0o700
    assert _mode(paths.config_file) == 0o600
    assert not list(paths.config_dir.glob("*.tmp"))


def test_migration_backup_folder_is_private(tmp_path: Path, clock, version_two, open_umask) -> None:
    from reader.app_context import open_store

    paths = resolve_paths(tmp_path / "home")
    open_store(paths=paths).close()
    version_two("CREATE TABLE extra (x TEXT)")
    open_store(paths=paths).close()
    assert _mode(paths.backups_dir) == 0o700
    assert all(_mode(p) == 0o600 for p in paths.backups_dir.iterdir())
