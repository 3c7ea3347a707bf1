"""Completion of file-system paths in an Input."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester


class PathSuggester(Suggester):
    """Suggest the first file or folder that completes what has been typed."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        folder, _, stem = expanded.rpartition(os.sep)
        base = Path(folder or (os.sep if expanded.startswith(os.sep) else "."))
        try:
            names = sorted(entry.name for entry in os.scandir(base) if entry.name.startswith(stem))
        except OSError:
            return None
        for name in names:
            if name == stem or (name.startswith(".") and not stem.startswith(".")):
                continue
            suffix = name[len(stem) :]
            if (base / name).is_dir():
                suffix += os.sep
            return value + suffix
        return None
