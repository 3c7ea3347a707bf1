"""Shared fixtures: every test runs against its own home folder and a frozen clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.store import Store

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "data" / "gold"
FROZEN_NOW = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)

if os.environ.get("READER_BENCH") != "1":
    collect_ignore_glob = ["bench/*"]


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the store and config at a temporary folder, never the user's own."""
    home = tmp_path / "home"
    monkeypatch.setenv("READER_HOME", str(home))
    monkeypatch.setenv("NO_COLOR", "1")
    return home


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(FROZEN_NOW)


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        from datetime import timedelta

        self.now += timedelta(**delta)


@pytest.fixture
def store(clock: FakeClock) -> Iterator[Store]:
    """An empty in-memory store with a frozen clock."""
    db = Store.memory(clock=clock)
    yield db
    db.close()
