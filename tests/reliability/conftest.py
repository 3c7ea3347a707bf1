"""Helpers for the reliability tests: the CLI in a subprocess, deadlines, and checks
that what the store holds is consistent and inert."""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reader.store import Store

REPO = Path(__file__).resolve().parents[2]

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ufff9-\ufffb"
    "\ud800-\udfff]"
)
"""Characters nothing stored, printed or exported may contain: C0/C1 controls other than
newline and tab (ESC among them), bidi embeddings, overrides, isolates and marks,
zero-width spaces, stray BOMs and lone surrogates. Written independently of
reader.sanitize so that a gap there shows here."""

TRACEBACK = "Traceback (most recent call last)"


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def scaled(full: int, ci: int) -> int:
    """``full`` in a normal run, ``ci`` when the CI env var is set; RELIABILITY_SCALE overrides."""
    override = os.environ.get("RELIABILITY_SCALE")
    if override:
        return max(1, int(full * float(override)))
    return ci if in_ci() else full


def forbidden_chars(text: str | None) -> list[str]:
    """The forbidden characters in ``text``, as code-point names (empty when clean)."""
    if not text:
        return []
    return sorted({f"U+{ord(c):04X}" for c in FORBIDDEN.findall(text)})


def assert_inert(label: str, text: str | None) -> None:
    found = forbidden_chars(text)
    assert not found, f"{label} holds control/escape/bidi characters {found}: {text[:200]!r}"


@dataclass
class CliResult:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return (
            f"reader {' '.join(self.args)} -> {self.returncode}\n"
            f"stdout: {self.stdout[-2000:]}\nstderr: {self.stderr[-2000:]}"
        )


def cli_env(home: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    env["PYTHONPATH"] = str(REPO)
    env.pop("READER_HOME", None)
    if home is not None:
        env["READER_HOME"] = str(home)
    return env


def reader_command(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--home", str(home), *args]


def run_cli(
    home: Path,
    *args: str,
    timeout: float = 60,
    stdin: bytes | None = None,
    user: int | None = None,
) -> CliResult:
    """Run ``reader --home HOME ARGS`` in a subprocess; a hang past ``timeout`` fails the test."""
    cmd = reader_command(home, *args)
    try:
        done = subprocess.run(
            cmd,
            input=stdin,
            capture_output=True,
            timeout=timeout,
            cwd=REPO,
            env=cli_env(),
            user=user,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"hang: reader {' '.join(args)} did not finish within {timeout} s")
    return CliResult(
        list(args),
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def run_forked(target: Callable[[], Any], seconds: float, what: str) -> Any:
    """Run ``target`` in a forked child and return its result; kill it and fail the test
    if it runs past ``seconds`` (a hang inside C code cannot be interrupted in-process)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            sender.send(("ok", target()))
        except BaseException as exc:
            sender.send(("raised", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()
    ready = receiver.poll(seconds)
    if not ready:
        process.kill()
        process.join()
        pytest.fail(f"hang: {what} still running after {seconds} s")
    try:
        status, value = receiver.recv()
    except EOFError:
        process.join()
        pytest.fail(f"{what} died with exit code {process.exitcode}")
    process.join(timeout=30)
    if status == "raised":
        pytest.fail(f"{what} raised {value}")
    return value


class Hang(BaseException):
    """Raised in the main thread when a deadline passes (a BaseException, so that broad
    ``except Exception`` handlers in libraries cannot swallow it)."""


@contextmanager
def deadline(seconds: float, what: str) -> Iterator[None]:
    """Fail with ``Hang`` if the block runs longer than ``seconds`` (SIGALRM, main thread)."""

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"hang: {what} still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------ store checks

TEXT_COLUMNS = {
    # ``path`` and ``source_key`` are left out: they name the user's own files and must stay
    # exact to find them again; they are made inert where they are printed.
    "articles": [
        "title",
        "clean_text",
        "raw_text",
        "markdown",
        "byline",
        "source",
        "agency",
        "language",
        "url",
    ],
    "entities": ["name", "key"],
    "entity_aliases": ["alias"],
    "mentions": ["text"],
    "dates": ["text", "value"],
    "quotes": ["text", "speaker"],
    "annotations": ["exact", "prefix", "suffix", "note"],
    "tags": ["name"],
}


def _columns(store: Store, table: str) -> set[str]:
    return {row[1] for row in store.execute(f"PRAGMA table_info({table})")}


def stored_text_problems(store: Store) -> list[str]:
    """Every stored text cell that holds a forbidden character, as ``table.column#id``."""
    problems = []
    for table, columns in TEXT_COLUMNS.items():
        present = [c for c in columns if c in _columns(store, table)]
        for column in present:
            for row in store.execute(f'SELECT rowid, "{column}" FROM {table}'):
                value = row[1]
                if isinstance(value, bytes):
                    problems.append(f"{table}.{column}#{row[0]} is a blob")
                elif isinstance(value, str) and forbidden_chars(value):
                    problems.append(
                        f"{table}.{column}#{row[0]}: {forbidden_chars(value)} in {value[:80]!r}"
                    )
    return problems


def consistency_problems(store: Store) -> list[str]:
    """Partial or dangling rows: integrity, FTS in step with its content, spans inside texts."""
    problems = [row[0] for row in store.execute("PRAGMA integrity_check") if row[0] != "ok"]
    problems += [
        f"{table} row {rowid} points to a missing {parent} row"
        for table, rowid, parent, _ in store.execute("PRAGMA foreign_key_check")
    ]
    for fts in ("articles_fts", "annotations_fts"):
        try:
            store.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        except Exception as exc:
            problems.append(f"{fts} out of step with its table: {exc}")
    texts = {row[0]: row[1] for row in store.execute("SELECT id, clean_text FROM articles")}
    for table in ("mentions", "dates", "quotes"):
        for article_id, start, end, text in store.execute(
            f'SELECT article_id, start, "end", text FROM {table}'
        ):
            clean = texts.get(article_id)
            if clean is None:
                problems.append(f"{table} row for missing article {article_id}")
            elif not (0 <= start <= end <= len(clean)):
                problems.append(f"{table} span {start}-{end} outside article {article_id}")
            elif table != "quotes" and clean[start:end] != text:
                problems.append(
                    f"{table} span {start}-{end} of article {article_id} reads "
                    f"{clean[start:end]!r}, not {text!r}"
                )
    return problems


def assert_store_sound(store: Store) -> None:
    problems = consistency_problems(store) + stored_text_problems(store)
    assert not problems, "\n".join(problems[:30])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir(exist_ok=True)
    return path
