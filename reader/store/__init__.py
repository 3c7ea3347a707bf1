"""The Store facade: the only place that talks SQL.

One SQLite file in WAL mode, foreign keys on, a connection per thread, a busy timeout
so that concurrent writers wait rather than fail. The facade is assembled from one
mixin per domain (articles, search, entities, annotations); each keeps its SQL to itself.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import StoreError
from reader.store.annotations import AnnotationsMixin
from reader.store.articles import ArticlesMixin
from reader.store.entities import EntitiesMixin
from reader.store.schema import MIGRATIONS, SCHEMA_VERSION
from reader.store.search import SearchMixin

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["Store", "utc_now"]

BUSY_TIMEOUT_MS = 30_000


def utc_now() -> datetime:
    """The real clock, UTC-aware."""
    return datetime.now(UTC)


class Store(ArticlesMixin, SearchMixin, EntitiesMixin, AnnotationsMixin):
    """The local SQLite store of articles, analysis results and the user's annotations."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] = utc_now,
        backup_dir: Path | None = None,
    ) -> None:
        self._uri = str(path)
        self._is_memory = self._uri.startswith("file:") and "mode=memory" in self._uri
        self._clock = clock
        self._local = threading.local()
        self._keepalive: sqlite3.Connection | None = None
        if self._is_memory:
            self._keepalive = self._connect()
        else:
            _create_private_file(Path(self._uri))
        self._migrate(backup_dir)

    @classmethod
    def memory(cls, *, clock: Callable[[], datetime] = utc_now) -> Store:
        """A private in-memory store shared by this process's threads (for tests)."""
        return cls(f"file:reader-{uuid.uuid4().hex}?mode=memory&cache=shared", clock=clock)

    @property
    def path(self) -> str:
        return self._uri

    def now(self) -> datetime:
        """The injected clock's current time."""
        return self._clock()

    def now_iso(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="seconds")

    # ------------------------------------------------------------ connections

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self._uri,
                uri=self._uri.startswith("file:"),
                isolation_level=None,
                check_same_thread=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not self._is_memory:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise StoreError(f"{self._uri}: cannot open the store ({exc})") from exc
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            self._local.depth = 0
        return conn

    @property
    def db(self) -> sqlite_utils.Database:
        """This thread's sqlite-utils view of the store, for introspection and ad-hoc reads.

        Imported on first use: start-up of the reading room does not need it.
        """
        db = getattr(self._local, "db", None)
        if db is None:
            import sqlite_utils

            db = sqlite_utils.Database(self.conn)
            self._local.db = db
        return db

    def close(self) -> None:
        """Close this thread's connection (and, for a memory store, the store itself)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
            self._local.db = None
        if self._keepalive is not None and threading.current_thread() is threading.main_thread():
            self._keepalive.close()
            self._keepalive = None

    # ------------------------------------------------------------ statements

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        """Rows as ``sqlite3.Row`` (indexable by column name)."""
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return cur.fetchall()

    def query_one(self, sql: str, params: Any = ()) -> sqlite3.Row | None:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return cur.fetchone()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: ``BEGIN IMMEDIATE`` at the outermost level, a savepoint inside.

        IMMEDIATE takes the write lock up front, so a read-then-write never fails with
        "database is locked" half-way; the busy timeout makes other writers wait.
        """
        conn = self.conn
        depth = self._local.depth
        if depth == 0:
            conn.execute("BEGIN IMMEDIATE")
        else:
            conn.execute(f"SAVEPOINT sp{depth}")
        self._local.depth = depth + 1
        try:
            yield
        except BaseException:
            self._local.depth = depth
            if depth == 0:
                conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO sp{depth}")
                conn.execute(f"RELEASE sp{depth}")
            raise
        self._local.depth = depth
        if depth == 0:
            conn.execute("COMMIT")
        else:
            conn.execute(f"RELEASE sp{depth}")

    # ------------------------------------------------------------ schema

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, backup_dir: Path | None) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self._uri}: the store is at schema version {current}, newer than this "
                f"program ({SCHEMA_VERSION}); upgrade the program"
            )
        if current == SCHEMA_VERSION:
            return
        if current > 0 and not self._is_memory:
            backup = _backup_path(Path(self._uri), backup_dir, current, self.now())
            try:
                self.backup(backup)
            except (OSError, sqlite3.Error) as exc:
                raise StoreError(
                    f"{self._uri}: cannot back up the store to {backup} before upgrading "
                    f"it ({exc}); nothing was changed"
                ) from exc
        try:
            with self.transaction():
                for version in range(current, SCHEMA_VERSION):
                    for statement in MIGRATIONS[version]:
                        self.execute(statement)
                self.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (str(SCHEMA_VERSION),),
                )
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self._uri}: cannot upgrade the store from schema version {current} to "
                f"{SCHEMA_VERSION} ({exc}); it was left unchanged"
            ) from exc

    # ------------------------------------------------------------ maintenance

    def backup(self, dest: str | os.PathLike[str]) -> Path:
        """A consistent copy of the store through SQLite's online backup API."""
        target = Path(dest)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = target.with_name(target.name + ".part")
        tmp.unlink(missing_ok=True)
        _create_private_file(tmp)
        out = sqlite3.connect(tmp)
        try:
            self.conn.backup(out)
        finally:
            out.close()
        os.replace(tmp, target)
        return target

    def table_counts(self) -> dict[str, int]:
        """Rows in each of the store's own tables (FTS shadow tables left out)."""
        return {
            name: self.db[name].count
            for name in self.db.table_names()
            if not name.startswith(("articles_fts", "annotations_fts"))
        }

    def integrity_problems(self) -> list[str]:
        """``PRAGMA integrity_check``, foreign keys and orphaned rows; empty when healthy.

        Orphans: rows pointing at a missing row (also where no foreign key is declared,
        as for resolved links), search indexes out of step with their tables, analysis
        spans outside their article, anchored annotations whose text is not there.
        """
        problems = [row[0] for row in self.execute("PRAGMA integrity_check") if row[0] != "ok"]
        for table, rowid, parent, _ in self.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} points to a missing {parent} row")
        for fts, table in (("articles_fts", "articles"), ("annotations_fts", "annotations")):
            try:
                self.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError:
                problems.append(f"the search index {fts} is out of step with {table}")
        for kind, table in (("article", "articles"), ("entity", "entities")):
            for link_id, target_id in self.execute(
                f"SELECT l.id, l.target_id FROM links l WHERE l.target_kind = ? "
                f"AND l.target_id IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {table} t WHERE t.id = l.target_id)",
                (kind,),
            ):
                problems.append(f"link {link_id} points to a missing {kind} {target_id}")
        for table in ("mentions", "dates", "quotes"):
            for row_id, article_id in self.execute(
                f"SELECT x.id, x.article_id FROM {table} x JOIN articles a ON a.id = x.article_id "
                f'WHERE x.start < 0 OR x."end" < x.start OR x."end" > length(a.clean_text)'
            ):
                problems.append(f"{table} row {row_id} lies outside article {article_id}")
        for row_id, article_id in self.execute(
            "SELECT n.id, n.article_id FROM annotations n JOIN articles a ON a.id = n.article_id "
            "WHERE n.exact IS NOT NULL AND n.status != 'orphaned' AND ("
            'n.start IS NULL OR n."end" IS NULL OR '
            'substr(a.clean_text, n.start + 1, n."end" - n.start) != n.exact)'
        ):
            problems.append(
                f"annotation {row_id} is marked anchored but its quote is not at its "
                f"place in article {article_id}"
            )
        return problems


def _create_private_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable by the owner only, if it does not exist."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)


def _backup_path(store: Path, backup_dir: Path | None, version: int, now: datetime) -> Path:
    folder = backup_dir or store.parent / "backups"
    stamp = now.strftime("%Y%m%dT%H%M%S")
    return folder / f"{store.stem}-v{version}-{stamp}{store.suffix}"
