"""Fixtures for the TUI tests: a store seeded from seeds/, the app built as the CLI builds it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.config import Config
from reader.paths import Paths, resolve_paths
from reader.store import Store

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
FROZEN_NOW = datetime(2025, 1, 15, 9, 30, tzinfo=UTC)


def frozen_clock() -> datetime:
    return FROZEN_NOW


@pytest.fixture(autouse=True)
def reader_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Data and config dirs under tmp_path: tests never touch the developer's own store."""
    home = tmp_path / "home"
    monkeypatch.setenv("READER_HOME", str(home))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store with the seed articles imported and analysed; tests get copies."""
    from reader.importer import import_paths

    path = tmp_path_factory.mktemp("template") / "reader.db"
    store = Store(path, clock=frozen_clock)
    report = import_paths(store, [SEEDS])
    assert not report.failed, [o.error for o in report.failed]
    store.close()
    return path


@pytest.fixture
def paths(reader_home: Path) -> Paths:
    found = resolve_paths()
    found.ensure()
    return found


@pytest.fixture
def store(seeded_template: Path, paths: Paths) -> Store:
    """A private copy of the seeded store (fast: a file copy, not a re-import)."""
    source = Store(seeded_template, clock=frozen_clock)
    source.backup(paths.store)
    source.close()
    copy = Store(paths.store, clock=frozen_clock)
    yield copy
    copy.close()


@pytest.fixture
def make_app(store: Store, paths: Paths) -> Callable[..., object]:
    """Build the app as ``reader.tui.run`` does, on the test store."""
    from reader.tui.app import ReaderApp

    def build(config: Config | None = None) -> ReaderApp:
        return ReaderApp(store=store, paths=paths, config=config or Config(theme="reader-dark"))

    return build
