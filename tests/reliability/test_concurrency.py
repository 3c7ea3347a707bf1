"""Several processes at once: no write lost, no "database is locked" shown, readers never wait.

``WRITES`` annotation writes per writer process (1,000; ``RELIABILITY_WRITES`` overrides,
and with the ``CI`` env var set it is 1,000 as well unless overridden).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.store import Store
from tests.bench.corpus import write_corpus
from tests.reliability.conftest import (
    REPO,
    TRACEBACK,
    assert_store_sound,
    cli_env,
    reader_command,
    run_cli,
)

WRITES = int(os.environ.get("RELIABILITY_WRITES", "1000"))
INCOMING = 600
"""Articles imported while the annotation writers run (enough to outlast them)."""
PROMPT_READ_SECONDS = 2.0
"""A read during another process's write transaction must return well within this
(the busy timeout is 30 s, so a blocked read would show)."""

pytestmark = pytest.mark.slow


def _writer(home: Path, label: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.reliability.drivers",
            "annotate",
            str(home),
            label,
            str(count),
        ],
        cwd=REPO,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _seed(home: Path, tmp_path: Path, count: int = 5) -> None:
    corpus = tmp_path / "seed"
    write_corpus(corpus, count, seed=5, words=300)
    result = run_cli(home, "import", str(corpus), timeout=180)
    assert result.returncode == 0, str(result)


def test_two_writers_and_an_import_lose_nothing(tmp_path: Path, clock) -> None:
    home = tmp_path / "home"
    _seed(home, tmp_path)
    corpus = tmp_path / "incoming"
    write_corpus(corpus, INCOMING, seed=6, words=400)

    importer = subprocess.Popen(
        reader_command(home, "import", str(corpus)),
        cwd=REPO,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watcher = Store(home / "reader.db", clock=clock)
    while watcher.count_articles() == 5 and importer.poll() is None:
        time.sleep(0.01)
    watcher.close()
    writers = {label: _writer(home, label, WRITES) for label in ("alpha", "beta")}
    overlapped = False
    outputs = {}
    for label, proc in writers.items():
        assert proc.stdout is not None and proc.stderr is not None
        lines = []
        for line in proc.stdout:
            lines.append(line)
            overlapped = overlapped or importer.poll() is None
        proc.wait(timeout=600)
        outputs[label] = (proc.returncode, "".join(lines), proc.stderr.read())
    imp_out, imp_err = importer.communicate(timeout=600)
    assert overlapped, "the import ended before any annotation was written: no race was tested"

    for label, (code, out, err) in outputs.items():
        assert "locked" not in out + err, f"{label}: {err[-2000:]}"
        assert TRACEBACK not in err, f"{label}: {err[-2000:]}"
        errors = [line for line in out.splitlines() if line.startswith("error ")]
        assert not errors and code == 0, f"{label}: {errors[:5]} {err[-1000:]}"
        assert sum(line.startswith("done ") for line in out.splitlines()) == WRITES
    assert importer.returncode == 0, imp_err[-2000:]
    assert "locked" not in imp_out + imp_err

    store = Store(home / "reader.db", clock=clock)
    assert_store_sound(store)
    assert not store.integrity_problems()
    notes = {row[0] for row in store.execute("SELECT note FROM annotations")}
    expected = {f"{label}-{i} note" for label in writers for i in range(WRITES)}
    lost = expected - notes
    assert not lost, f"{len(lost)} of {len(expected)} writes lost, e.g. {sorted(lost)[:5]}"
    tagged = store.query_one(
        "SELECT count(*) AS n FROM annotation_tags at JOIN tags t ON t.id = at.tag_id "
        "WHERE t.name IN ('alpha/all', 'beta/all')"
    )["n"]
    assert tagged == 2 * WRITES
    assert store.count_articles() == 5 + INCOMING
    print(
        f"\nconcurrent writes: {2 * WRITES} annotation writes from 2 processes during an "
        f"import of {INCOMING} articles; {len(lost)} lost"
    )
    store.close()


def test_readers_do_not_wait_for_a_writer(tmp_path: Path, clock) -> None:
    home = tmp_path / "home"
    _seed(home, tmp_path, count=3)
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.drivers", "hold-write", str(home), "2"],
        cwd=REPO,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding", (
        holder.stderr.read() if holder.stderr else ""
    )

    store = Store(home / "reader.db", clock=clock)
    timings = {}
    started = time.monotonic()
    summaries = store.list_articles()
    timings["list"] = time.monotonic() - started
    started = time.monotonic()
    store.search("talks")
    timings["search"] = time.monotonic() - started
    started = time.monotonic()
    store.get_article(summaries[0].id)
    timings["get"] = time.monotonic() - started
    assert all(s.title != "Uncommitted article" for s in summaries), "saw uncommitted data"

    written: list[object] = []

    def write_while_held() -> None:
        from reader.annotations import annotate

        other = Store(home / "reader.db", clock=clock)
        try:
            written.append(annotate(other, summaries[0].id, start=0, end=10, note="waited"))
        except Exception as exc:
            written.append(exc)
        finally:
            other.close()

    writer = threading.Thread(target=write_while_held)
    started = time.monotonic()
    writer.start()
    cli_started = time.monotonic()
    listing = run_cli(home, "list", timeout=30)
    timings["cli list (incl. start-up)"] = time.monotonic() - cli_started
    writer.join(timeout=60)
    waited = time.monotonic() - started
    assert holder.wait(timeout=30) == 0
    assert listing.returncode == 0, str(listing)

    print(
        "\nreads during a held write transaction: "
        + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.items())
    )
    slow = {
        k: v
        for k, v in timings.items()
        if k != "cli list (incl. start-up)" and v > PROMPT_READ_SECONDS
    }
    assert not slow, f"reads blocked by the writer: {slow}"
    assert not isinstance(written[0], Exception), f"a writer got {written[0]!r} instead of waiting"
    assert waited >= 0.5, "the second writer did not wait for the first"
    assert store.find_article_id("/held/uncommitted.txt") is not None
    store.close()


def test_backup_while_another_process_writes(tmp_path: Path, clock) -> None:
    home = tmp_path / "home"
    _seed(home, tmp_path, count=3)
    writer = _writer(home, "bk", 100_000)
    assert writer.stdout is not None
    counts = []
    for index in range(4):
        while True:
            line = writer.stdout.readline()
            if not line or (line.startswith("done ") and int(line.split()[1]) >= 100 * (index + 1)):
                break
        dest = tmp_path / "backups" / f"copy-{index}.db"
        result = run_cli(home, "backup", str(dest), timeout=60)
        assert result.returncode == 0, str(result)
        copy = Store(dest, clock=clock)
        assert_store_sound(copy)
        assert not copy.integrity_problems()
        rows = copy.query(
            "SELECT n.note, (SELECT count(*) FROM annotation_tags at "
            "WHERE at.annotation_id = n.id) AS tags FROM annotations n WHERE n.note LIKE 'bk-%'"
        )
        assert all(row["tags"] == 2 for row in rows), "a backup holds a half-written annotation"
        counts.append(len(rows))
        copy.close()
    assert writer.poll() is None, "the writer finished before the last backup"
    writer.kill()
    writer.communicate(timeout=60)
    assert counts == sorted(counts) and counts[-1] > counts[0], counts
