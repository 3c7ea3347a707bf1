"""The store: idempotent saves, update in place, FTS kept in sync, filters, transactions."""

from __future__ import annotations

import dataclasses
import os
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.errors import NotFoundError, StoreError
from reader.models import ParsedArticle
from reader.query import parse_filter
from reader.store import Store
from reader.store.schema import SCHEMA_VERSION


def make_article(key: str = "/clips/a.txt", **changes: object) -> ParsedArticle:
    base = ParsedArticle(
        title="Kremlin weighs future of naval base",
        body=(
            "The Kremlin said on Monday it was reviewing its naval base at Tartus.",
            "Officials in Damascus declined to comment.",
        ),
        source_key=key,
        format="text",
        raw_text="raw page text",
        path=key,
        published=datetime(2024, 12, 29, 15, 53, tzinfo=UTC),
        published_has_time=True,
        source="Example Wire",
    )
    return dataclasses.replace(base, **changes)


def test_same_file_twice_is_unchanged(store: Store) -> None:
    first = store.save_article(make_article())
    second = store.save_article(make_article())
    assert first[1] == "imported"
    assert second == (first[0], "unchanged", None)
    assert store.count_articles() == 1


def test_same_content_from_another_file_is_not_duplicated(store: Store) -> None:
    first_id, _, _ = store.save_article(make_article("/clips/a.txt"))
    twin_id, status, _ = store.save_article(make_article("/elsewhere/copy.txt"))
    assert (twin_id, status) == (first_id, "unchanged")
    assert store.count_articles() == 1


def test_changed_file_updates_in_place_and_keeps_id(store: Store, clock) -> None:
    article_id, _, _ = store.save_article(make_article())
    clock.advance(hours=1)
    new_body = ("The Kremlin said on Tuesday the naval base would stay.",)
    same_id, status, previous = store.save_article(make_article(body=new_body))
    assert (same_id, status) == (article_id, "updated")
    assert previous is not None and previous.startswith("The Kremlin said on Monday")
    stored = store.get_article(article_id)
    assert stored.body == list(new_body)
    assert stored.updated_at > stored.imported_at


def test_metadata_change_alone_is_an_update_without_text_change(store: Store) -> None:
    article_id, _, _ = store.save_article(make_article())
    _, status, previous = store.save_article(make_article(byline="Jane Roe"))
    assert status == "updated" and previous is None
    assert store.get_article(article_id).byline == "Jane Roe"


def test_fts_follows_updates(store: Store) -> None:
    article_id, _, _ = store.save_article(make_article())
    assert [h.article_id for h in store.search("Tartus")] == [article_id]
    store.save_article(make_article(body=("An entirely different story about Aleppo.",)))
    assert store.search("Tartus") == []
    assert [h.article_id for h in store.search("aleppo")] == [article_id]


def test_search_ranks_title_matches_and_marks_snippets(store: Store) -> None:
    store.save_article(make_article("/a", title="Naval base talks", body=("Talks went on.",)))
    store.save_article(
        make_article("/b", title="Other news", body=("A naval base was mentioned once.",))
    )
    hits = store.search("naval base")
    assert [h.title for h in hits] == ["Naval base talks", "Other news"]
    second = hits[1]
    assert [second.snippet[s:e].lower() for s, e in second.highlights] == ["naval", "base"]


def test_search_ignores_fts_syntax_in_user_text(store: Store) -> None:
    store.save_article(make_article())
    assert store.search('"unbalanced AND ( NEAR') == []
    assert len(store.search("kremlin*")) == 1


def test_get_missing_article_raises(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.get_article(42)


def test_word_count_and_reading_time(store: Store) -> None:
    words = " ".join(["word"] * 460)
    article_id, _, _ = store.save_article(make_article(body=(words,)))
    article = store.get_article(article_id)
    assert (article.word_count, article.reading_minutes) == (460, 2)


def test_published_round_trips_as_utc(store: Store) -> None:
    article_id, _, _ = store.save_article(make_article())
    published = store.get_article(article_id).published
    assert published == datetime(2024, 12, 29, 15, 53, tzinfo=UTC)
    assert published.tzinfo is not None


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.save_article(make_article())
        raise RuntimeError("interrupted")
    assert store.count_articles() == 0
    assert store.search("Kremlin") == []


def test_nested_transaction_rolls_back_only_inner(store: Store) -> None:
    with store.transaction():
        store.save_article(make_article("/a"))
        with pytest.raises(RuntimeError), store.transaction():
            store.save_article(make_article("/b", title="Inner"))
            raise RuntimeError
    assert [a.source_key for a in store.list_articles()] == ["/a"]


def test_filters(store: Store) -> None:
    a, _, _ = store.save_article(make_article("/a", source="RT"))
    b, _, _ = store.save_article(
        make_article(
            "/b",
            title="Old story",
            body=("Nothing about bases.",),
            published=datetime(2023, 5, 1, tzinfo=UTC),
            source="Mena Wire",
        )
    )
    store.set_starred(b)
    store.set_read(a)

    def ids(line: str) -> list[int]:
        return sorted(r.id for r in store.list_articles(parse_filter(line)))

    assert ids("source:rt") == [a]
    assert ids("-source:rt") == [b]
    assert ids("after:2024-01-01") == [a]
    assert ids("before:2024") == [b]
    assert ids("is:starred") == [b]
    assert ids("is:unread") == [b]
    assert ids("tartus") == [a]
    assert ids("bases is:starred") == [b]
    assert store.count_articles(parse_filter("is:read")) == 1


def test_sorting(store: Store) -> None:
    store.save_article(make_article("/a", title="beta", source="Zeta"))
    store.save_article(
        make_article("/b", title="Alpha", body=("x",), published=datetime(2020, 1, 1, tzinfo=UTC))
    )
    assert [r.title for r in store.list_articles(sort="title", descending=False)] == [
        "Alpha",
        "beta",
    ]
    assert [r.title for r in store.list_articles(sort="published")] == ["beta", "Alpha"]
    assert [r.title for r in store.list_articles(limit=1, offset=1)] == ["Alpha"]


def test_file_store_is_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "data" / "reader.db"
    db = Store(path)
    db.save_article(make_article())
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.schema_version == SCHEMA_VERSION
    db.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "reader.db"
    db = Store(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_each_thread_gets_its_own_connection(tmp_path: Path) -> None:
    db = Store(tmp_path / "reader.db")
    db.save_article(make_article())
    seen: list[int] = []

    def worker() -> None:
        seen.append(db.count_articles())
        assert db.conn is not None
        db.close()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [1]
    db.close()


def test_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    db = Store(tmp_path / "reader.db")
    db.save_article(make_article())
    target = db.backup(tmp_path / "copies" / "backup.db")
    copy = Store(target)
    assert copy.count_articles() == 1
    assert copy.integrity_problems() == []
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
