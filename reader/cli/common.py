"""Helpers shared by the command modules: store opening, JSON output, one-line errors."""

from __future__ import annotations

import json
import re
from typing import Any, NoReturn

import click

from reader.app_context import open_store
from reader.config import Config, load_config
from reader.errors import ReaderError
from reader.paths import resolve_paths
from reader.store import Store

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def fail(message: str) -> NoReturn:
    """Print one error line on stderr and exit with status 1."""
    raise click.ClickException(" ".join(message.split()))


def store_from(ctx: click.Context) -> Store:
    """The store for this invocation (``--home`` / ``READER_HOME``), opened once."""
    root = ctx.find_root()
    root.ensure_object(dict)
    store = root.obj.get("store")
    if store is None:
        try:
            paths = resolve_paths(root.obj.get("home"))
            store = open_store(paths=paths)
            apply_config(load_config(paths))
        except ReaderError as exc:
            fail(str(exc))
        root.obj["store"] = store
        root.call_on_close(store.close)
    return store


_UNSAFE_IN_JSON = re.compile(
    "[\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
"""Characters json leaves raw that a terminal may act on (DEL, C1 controls such as the
8-bit CSI) or that reorder or hide text (bidi controls, zero-width characters)."""


def json_text(data: Any) -> str:
    """JSON for a terminal: UTF-8 kept readable, but every control, bidi or zero-width
    character written as a ``\\uXXXX`` escape, so the data round-trips exactly and the
    terminal sees nothing it can act on."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def apply_config(config: Config) -> None:
    """Make process-wide settings take effect (the entity extractor)."""
    if config.extractor != "builtin":
        from reader.analysis import configure

        configure(config.extractor, config.spacy_model)


def echo_json(data: Any) -> None:
    """Print JSON made inert for the terminal (see ``json_text``)."""
    click.echo(json_text(data))
