"""Hostile and broken files through the import, in-process and on the command line.

For every case the import either stores a clean article or reports one clear line
naming the file and the reason; it never raises, never hangs, never leaves partial rows,
and never reads what an external XML entity points at.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import pathlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.models import ImportReport
from reader.store import Store
from tests.reliability.conftest import (
    TRACEBACK,
    assert_inert,
    assert_store_sound,
    deadline,
    run_cli,
    run_forked,
)
from tests.reliability.hostile import CASES, PAYLOAD_MARK, SECRET, Case

LEAKS = (SECRET, "root:x:0:0", "/bin/bash", "/usr/sbin/nologin")
ARTICLE_WORDS = ("grain corridor", "Geneva", "Petrova")
SUMMARY = re.compile(r"imported (\d+), updated (\d+), unchanged (\d+), failed (\d+)")


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Case], Path]:
    """Build each case once per module, each in a folder of its own."""
    root = tmp_path_factory.mktemp("hostile")
    built: dict[str, Path] = {}

    def get(case: Case) -> Path:
        if case.id not in built:
            folder = root / case.id
            folder.mkdir()
            built[case.id] = case.build(folder)
        return built[case.id]

    return get


def _stored_values(store: Store) -> list[str]:
    values = []
    for row in store.execute(
        "SELECT title, clean_text, coalesce(raw_text, ''), coalesce(markdown, ''), "
        "coalesce(byline, ''), coalesce(source, ''), coalesce(url, '') FROM articles"
    ):
        values.extend(row)
    return values


def check_stored_articles(store: Store) -> None:
    """What was stored is inert, one-line where it must be, and leaks nothing."""
    assert_store_sound(store)
    for article_id in store.article_ids():
        article = store.get_article(article_id)
        assert_inert(f"title of #{article_id}", article.title)
        assert "\n" not in article.title and "\t" not in article.title, article.title
        assert article.title.strip(), f"article #{article_id} has an empty title"
        for para in article.body:
            assert para.strip() and "\n" not in para, f"bad paragraph in #{article_id}: {para!r}"
        assert PAYLOAD_MARK not in article.clean_text, "script/style/handler text reached the body"
        assert PAYLOAD_MARK not in article.title
        assert "javascript:" not in (article.markdown or "").lower(), "javascript: link kept"
    for value in _stored_values(store):
        for leak in LEAKS:
            assert leak not in value, f"external entity content {leak!r} was stored"


def check_report(case: Case, path: Path, report: ImportReport, store: Store) -> None:
    failed = report.failed
    for outcome in failed:
        error = outcome.error or ""
        assert "\n" not in error, f"error is not one line: {error!r}"
        assert TRACEBACK not in error
        assert path.name in error or str(path) in error or outcome.source in error, (
            f"error does not name the file: {error!r}"
        )
        reason = error.replace(str(path), "").replace(outcome.source, "")
        assert len(re.findall(r"[A-Za-z]{3,}", reason)) >= 1, f"error gives no reason: {error!r}"
    stored = store.count_articles()
    if case.expect == "fail":
        assert failed and stored == 0, f"{case.id} should be refused: {report.outcomes}"
    elif case.expect == "store":
        assert not failed, f"{case.id} should import cleanly: {failed}"
        assert stored >= 1
        bodies = " ".join(store.get_article(i).clean_text for i in store.article_ids())
        assert any(w in bodies for w in ARTICLE_WORDS), (
            f"{case.id}: article text lost: {bodies[:300]!r}"
        )
    else:
        assert report.outcomes or stored == 0, f"{case.id}: nothing reported"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_import_paths_survives(case: Case, build, tmp_path: Path, clock) -> None:
    from reader.importer import import_paths

    path = build(case)
    db = tmp_path / "api.db"

    def run() -> ImportReport:
        store = Store(db, clock=clock)
        try:
            return import_paths(store, [path])
        finally:
            store.close()

    report = run_forked(run, case.seconds, f"import of {case.id}")
    store = Store(db, clock=clock)
    check_report(case, path, report, store)
    check_stored_articles(store)
    store.close()


def _cli_batches() -> dict[str, list[Case]]:
    """The cases grouped for one command-line run each: the quick ones by kind, every slow
    one alone (so that a hang shows against its own name)."""
    batches: dict[str, list[Case]] = {}
    for case in CASES:
        if not case.in_cli:
            continue
        key = case.id if case.seconds > 20 else case.kind
        batches.setdefault(key, []).append(case)
    return batches


CLI_BATCHES = _cli_batches()


def _under(source: str, path: Path) -> bool:
    return source == str(path) or source.startswith(f"{path}/") or source == str(path.resolve())


@pytest.mark.parametrize("batch", list(CLI_BATCHES))
def test_cli_import_survives(batch: str, build, home: Path, clock) -> None:
    cases = CLI_BATCHES[batch]
    paths = {case.id: build(case) for case in cases}
    seconds = sum(case.seconds for case in cases) + 20
    result = run_cli(home, "import", "--json", *map(str, paths.values()), timeout=seconds)

    output = result.stdout + result.stderr
    assert TRACEBACK not in output, str(result)
    assert_inert("import output", output)
    data = json.loads(result.stdout)
    outcomes = data["outcomes"]
    failed = [o for o in outcomes if o["status"] == "failed"]
    assert result.returncode == (1 if failed else 0), str(result)
    store = Store(home / "reader.db", clock=clock)
    check_stored_articles(store)
    for case in cases:
        path = paths[case.id]
        mine = [o for o in outcomes if _under(o["source"], path) or str(path) in (o["error"] or "")]
        mine_failed = [o for o in mine if o["status"] == "failed"]
        for outcome in mine_failed:
            assert outcome["error"] and "\n" not in outcome["error"], outcome
        if case.expect == "fail":
            assert mine_failed and len(mine_failed) == len(mine), f"{case.id}: {mine}"
        elif case.expect == "store":
            assert mine and not mine_failed, f"{case.id}: {mine}"
    store.close()


def test_cli_reports_each_refused_file_on_one_line(build, home: Path) -> None:
    """The human output: one ``error:`` line per refused file, naming it; exit status 1."""
    refused = [c for c in CASES if c.expect == "fail" and c.in_cli and c.seconds <= 20]
    paths = [build(case) for case in refused]
    result = run_cli(home, "import", *map(str, paths), timeout=120)
    assert TRACEBACK not in result.stderr, str(result)
    assert_inert("import output", result.stdout + result.stderr)
    assert result.returncode == 1, str(result)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    summary = SUMMARY.search(result.stdout)
    assert summary and int(summary.group(4)) == len(errors), str(result)
    for path in paths:
        named = [e for e in errors if path.name in e]
        assert named, f"no error line names {path}: {result}"
        assert all(len(re.findall(r"[A-Za-z]{3,}", e.split(path.name, 1)[-1])) for e in named)


# ------------------------------------------------------------------ unreadable files


def _deny(monkeypatch: pytest.MonkeyPatch, victim: Path) -> None:
    """Make every way of opening ``victim`` raise PermissionError, as for another user's file."""
    victim_str = str(victim)

    def denied(name: object) -> bool:
        try:
            return os.fspath(name) == victim_str  # type: ignore[arg-type]
        except TypeError:
            return False

    def error() -> PermissionError:
        return PermissionError(13, "Permission denied", victim_str)

    real_open, real_os_open = builtins.open, os.open
    real_read_bytes, real_read_text = pathlib.Path.read_bytes, pathlib.Path.read_text

    def fake_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if denied(file):
            raise error()
        return real_open(file, *args, **kwargs)

    def fake_os_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if denied(path):
            raise error()
        return real_os_open(path, *args, **kwargs)

    def fake_read_bytes(self):  # type: ignore[no-untyped-def]
        if denied(self):
            raise error()
        return real_read_bytes(self)

    def fake_read_text(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if denied(self):
            raise error()
        return real_read_text(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", fake_read_bytes)
    monkeypatch.setattr(pathlib.Path, "read_text", fake_read_text)


def _folder_with_locked_file(root: Path) -> tuple[Path, Path]:
    from tests.reliability.hostile import text_dump

    folder = root / "clips"
    folder.mkdir()
    (folder / "good.txt").write_text(text_dump(), encoding="utf-8")
    locked = folder / "locked.txt"
    locked.write_text(text_dump(title="Secret locked page"), encoding="utf-8")
    return folder, locked


def test_unreadable_file_in_a_folder_is_reported(tmp_path: Path, clock, monkeypatch) -> None:
    from reader.importer import import_paths

    folder, locked = _folder_with_locked_file(tmp_path)
    store = Store(tmp_path / "s.db", clock=clock)
    _deny(monkeypatch, locked)
    with deadline(20, "import with an unreadable file"):
        report = import_paths(store, [folder])
    monkeypatch.undo()
    assert [o.status for o in report.failed] == ["failed"]
    error = report.failed[0].error or ""
    assert "locked.txt" in error and "\n" not in error
    assert "permission" in error.lower() or "denied" in error.lower() or "read" in error.lower()
    assert store.count_articles() == 1
    check_stored_articles(store)


def test_cli_reports_an_unreadable_file(tmp_path: Path) -> None:
    """chmod 000 does not stop root; as root the unreadable file is a link to
    /proc/self/mem, whose read fails with an I/O error even for root."""
    folder, locked = _folder_with_locked_file(tmp_path)
    if os.geteuid() == 0:
        locked.unlink()
        locked.symlink_to("/proc/self/mem")
    else:
        locked.chmod(0)
    result = run_cli(tmp_path / "home", "import", str(folder), timeout=60)
    assert TRACEBACK not in result.stderr, str(result)
    assert result.returncode == 1, str(result)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "locked.txt" in errors[0], str(result)
    assert "cannot read" in errors[0] or "denied" in errors[0], str(result)
    summary = SUMMARY.search(result.stdout)
    assert summary and summary.groups() == ("1", "0", "0", "1"), str(result)
