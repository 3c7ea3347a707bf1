"""The reading room: the Textual app over the core (store, analysis, annotations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.config import Config
    from reader.paths import Paths
    from reader.store import Store

__all__ = ["run"]


def run(store: Store, paths: Paths, config: Config) -> None:
    """Run the app on the user's store until they quit."""
    from reader.tui.app import ReaderApp

    ReaderApp(store=store, paths=paths, config=config).run()
