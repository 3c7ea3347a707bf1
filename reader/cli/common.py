"""Helpers shared by the command modules: store opening, JSON output, one-line errors."""

from __future__ import annotations

import json
from typing import Any, NoReturn

import click

from reader.app_context import open_store
from reader.errors import ReaderError
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
            store = open_store(root.obj.get("home"))
        except ReaderError as exc:
            fail(str(exc))
        root.obj["store"] = store
        root.call_on_close(store.close)
    return store


def echo_json(data: Any) -> None:
    """Print JSON (UTF-8, not ASCII-escaped; control characters are escaped by json)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
