"""Hostile and broken files through the import, in-process and on the command line.

For every case the import either stores a clean article or reports one clear line
naming the file and the reason; it never raises, never hangs, never leaves partial rows,
and never reads what an external XML entity points at.
"""

from __future__ import annotations

import builtins
import io
import os
import pathlib
import re
import shutil
import tempfile
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


@pytest.mark.parametrize("case", [c for c in CASES if c.in_cli], ids=lambda c: c.id)
def test_cli_import_survives(case: Case, build, home: Path, clock) -> None:
    path = build(case)
    result = run_cli(home, "import", str(path), timeout=case.seconds + 20)

    output = result.stdout + result.stderr
    assert TRACEBACK not in output, str(result)
    assert_inert("import output", output)
    summary = SUMMARY.search(result.stdout)
    assert summary, f"no summary line: {result}"
    imported, _, _, failed = (int(n) for n in summary.groups())
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == failed, str(result)
    assert result.returncode == (1 if failed else 0), str(result)
    if case.expect == "fail":
        assert failed and not imported, str(result)
    elif case.expect == "store":
        assert imported and not failed, str(result)
    store = Store(home / "reader.db", clock=clock)
    check_stored_articles(store)
    store.close()


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
    """chmod 000 does not stop root, so as root the CLI runs as the unprivileged 'nobody'."""
    user = None
    if os.geteuid() == 0:
        user = 65534
        root = Path(tempfile.mkdtemp(prefix="reader-unreadable-"))
        root.chmod(0o755)
    else:
        root = tmp_path
    try:
        folder, locked = _folder_with_locked_file(root)
        for p in (folder, folder / "good.txt"):
            p.chmod(0o755 if p.is_dir() else 0o644)
        locked.chmod(0)
        home = root / "home"
        home.mkdir(mode=0o777)
        home.chmod(0o777)
        if user is not None:
            os.chown(home, user, user)
            probe = run_cli(home, "--version", timeout=60, user=user)
            if probe.returncode != 0:
                pytest.skip(
                    f"cannot run the program as an unprivileged user: {probe.stderr[-300:]}"
                )
        result = run_cli(home, "import", str(folder), timeout=60, user=user)
        assert TRACEBACK not in result.stderr, str(result)
        assert result.returncode == 1, str(result)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert len(errors) == 1 and "locked.txt" in errors[0], str(result)
        assert SUMMARY.search(result.stdout).groups() == ("1", "0", "0", "1"), str(result)
    finally:
        if user is not None:
            shutil.rmtree(root, ignore_errors=True)
