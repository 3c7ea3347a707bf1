"""Open the user's store and settings: shared by the CLI and the TUI."""

from __future__ import annotations

import os

from reader.paths import Paths, resolve_paths
from reader.store import Store


def open_store(home: str | os.PathLike[str] | None = None, paths: Paths | None = None) -> Store:
    """The store under ``home`` (or ``$READER_HOME``, or the platform's data dir)."""
    paths = paths or resolve_paths(home)
    paths.ensure()
    return Store(paths.store, backup_dir=paths.backups_dir)
