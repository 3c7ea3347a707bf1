"""The core never imports Textual or Rich: checked in a clean interpreter."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "reader",
    "reader.models",
    "reader.store",
    "reader.ingest",
    "reader.analysis",
    "reader.annotations",
    "reader.anchoring",
    "reader.export.markdown",
    "reader.export.jsonld",
    "reader.importer",
    "reader.query",
    "reader.highlight",
    "reader.themes",
    "reader.cli",
]


def test_core_modules_do_not_import_textual_or_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core pulled in: {result.stdout.strip()}"
