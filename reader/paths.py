"""Where the store and the configuration live; the only caller of platformdirs.

``READER_HOME`` (or ``--home DIR`` on the command line) puts both under one folder,
which tests and power users rely on.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "reader"
HOME_ENV = "READER_HOME"


@dataclass(frozen=True, slots=True)
class Paths:
    """The folders and files the application reads and writes."""

    data_dir: Path
    config_dir: Path

    @property
    def store(self) -> Path:
        return self.data_dir / "reader.db"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def themes_dir(self) -> Path:
        return self.config_dir / "themes"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    def ensure(self) -> None:
        """Create the folders, readable by their owner only."""
        for folder in (self.data_dir, self.config_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with contextlib.suppress(OSError):
                folder.chmod(0o700)


def resolve_paths(home: str | os.PathLike[str] | None = None) -> Paths:
    """The paths for ``home``, else ``$READER_HOME``, else the platform's user dirs."""
    chosen = home if home is not None else os.environ.get(HOME_ENV)
    if chosen:
        base = Path(chosen).expanduser().resolve()
        return Paths(data_dir=base, config_dir=base)
    return Paths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )


def bundled_dir(name: str) -> Path:
    """A folder shipped with the package (``seeds`` or ``themes``).

    In a wheel they live in ``reader/_bundled/``; in a source checkout or editable
    install they are the repository's top-level folders.
    """
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "_bundled" / name
    if installed.is_dir():
        return installed
    return package_dir.parent / name
