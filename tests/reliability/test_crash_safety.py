"""Kill -9 at random moments: the store stays whole and nothing the user made is lost.

The number of kills is ``KILLS`` (30; ``RELIABILITY_KILLS`` overrides it, and when the
``CI`` env var is set it is still 30 unless overridden). The kill moments come from a
seeded random generator, so a failing run can be replayed.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.store import Store
from tests.bench.corpus import article_dump, write_corpus
from tests.reliability.conftest import (
    REPO,
    assert_store_sound,
    cli_env,
    reader_command,
)

KILLS = int(os.environ.get("RELIABILITY_KILLS", "30"))
SEED = int(os.environ.get("RELIABILITY_SEED", "20260115"))
ARTICLES_PER_ROUND = 300
ANNOTATED = 4

pytestmark = pytest.mark.slow


@dataclass
class KillStats:
    kills: int = 0
    mid_write: int = 0
    """Kills that landed after some but not all of the round's articles were stored."""
    before_first: int = 0
    after_last: int = 0
    notes: list[str] = field(default_factory=list)


def annotation_snapshot(store: Store) -> dict[str, tuple]:
    rows = store.query(
        'SELECT n.uuid, n.exact, n.prefix, n.start, n."end", n.note, n.color, n.status, '
        "(SELECT group_concat(t.name, '|') FROM (SELECT t.name FROM annotation_tags at "
        "JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = n.id ORDER BY t.name) t) "
        "AS tags FROM annotations n"
    )
    return {row["uuid"]: tuple(row) for row in rows}


def assert_articles_complete(store: Store) -> None:
    """Every stored article has its text, its search row (checked by the FTS integrity
    check in assert_store_sound), and its analysis rows."""
    incomplete = [
        (row["id"], row["mentions"], row["dates"])
        for row in store.query(
            "SELECT a.id, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS mentions,"
            " (SELECT count(*) FROM dates d WHERE d.article_id = a.id) AS dates "
            "FROM articles a WHERE a.clean_text != ''"
        )
        if row["mentions"] == 0 or row["dates"] == 0
    ]
    assert not incomplete, (
        f"articles without their analysis rows (id, mentions, dates): {incomplete[:10]}"
    )


def _write_annotated(folder: Path, round_no: int) -> None:
    """The annotated articles, each with a round-specific closing paragraph (an update)."""
    rng = random.Random(99)
    for index in range(ANNOTATED):
        text = article_dump(rng, 10_000 + index, words=250)
        update = f"\n\nUpdate {round_no}: the talks in Geneva were adjourned on Friday.\n"
        (folder / f"annotated_{index}.txt").write_text(text + update, encoding="utf-8")


def _import(home: Path, *folders: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        reader_command(home, "import", *map(str, folders)),
        cwd=REPO,
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _round_folder(root: Path, round_no: int) -> Path:
    folder = root / f"round_{round_no:03d}"
    write_corpus(folder, ARTICLES_PER_ROUND, seed=1000 + round_no, words=250)
    return folder


def _stored_from(store: Store, folder: Path) -> int:
    return int(
        store.query_one("SELECT count(*) AS n FROM articles WHERE path LIKE ?", (f"{folder}/%",))[
            "n"
        ]
    )


def test_import_killed_at_random_moments(tmp_path: Path, clock) -> None:
    from reader.annotations import annotate

    home = tmp_path / "home"
    annotated = tmp_path / "annotated"
    annotated.mkdir()
    empty = tmp_path / "empty"
    empty.mkdir()
    _write_annotated(annotated, 0)
    first = _import(home, annotated, _round_folder(tmp_path, 0))
    started = time.monotonic()
    assert first.wait(timeout=300) == 0, first.stderr.read().decode() if first.stderr else ""
    full_import = time.monotonic() - started
    started = time.monotonic()
    _import(home, empty).wait(timeout=120)
    start_up = time.monotonic() - started

    store = Store(home / "reader.db", clock=clock)
    assert_store_sound(store)
    assert_articles_complete(store)
    for article_id in store.article_ids()[:ANNOTATED]:
        text = store.get_article(article_id).clean_text
        annotate(store, article_id, start=10, end=60, note=f"note on {article_id}", tags=("kept",))
        annotate(store, article_id, start=len(text) // 3, end=len(text) // 3 + 40, note="second")
    before = annotation_snapshot(store)
    assert len(before) == 2 * ANNOTATED
    store.close()

    rng = random.Random(SEED)
    stats = KillStats()
    for round_no in range(1, KILLS + 1):
        _write_annotated(annotated, round_no)
        folder = _round_folder(tmp_path, round_no)
        proc = _import(home, annotated, folder)
        delay = start_up + rng.uniform(0.0, 1.05) * max(0.2, full_import - start_up)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        if proc.returncode != -signal.SIGKILL:
            stats.notes.append(f"round {round_no}: import finished before the kill")
        stats.kills += proc.returncode == -signal.SIGKILL

        store = Store(home / "reader.db", clock=clock)
        assert_store_sound(store)
        assert_articles_complete(store)
        after = annotation_snapshot(store)
        changed = {k: (before[k], after.get(k)) for k in before if after.get(k) != before[k]}
        assert not changed, f"round {round_no}: annotations changed by a killed import: {changed}"
        stored = _stored_from(store, folder)
        if stored == 0:
            stats.before_first += 1
        elif stored == ARTICLES_PER_ROUND:
            stats.after_last += 1
        else:
            stats.mid_write += 1
        store.close()

    finish = _import(home, folder)
    assert finish.wait(timeout=300) == 0
    store = Store(home / "reader.db", clock=clock)
    assert _stored_from(store, folder) == ARTICLES_PER_ROUND
    assert_store_sound(store)
    assert_articles_complete(store)
    store.close()

    print(
        f"\nimport kills: {stats.kills} SIGKILLs in {KILLS} rounds, {stats.mid_write} mid-import, "
        f"{stats.before_first} before the first article, {stats.after_last} after the last "
        f"(full import {full_import:.2f} s, start-up {start_up:.2f} s)"
    )
    assert stats.kills >= KILLS * 0.8, stats
    assert stats.mid_write >= KILLS // 3, f"too few kills landed mid-import: {stats}"


def test_annotation_writes_killed_at_random_moments(tmp_path: Path, clock) -> None:
    from reader.annotations import annotate

    home = tmp_path / "home"
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 5, seed=3, words=300)
    assert (
        subprocess.run(
            reader_command(home, "import", "--no-analysis", str(corpus)),
            cwd=REPO,
            env=cli_env(),
            capture_output=True,
            timeout=120,
        ).returncode
        == 0
    )
    store = Store(home / "reader.db", clock=clock)
    annotate(store, store.article_ids()[0], start=5, end=40, note="made before", tags=("old",))
    before = annotation_snapshot(store)
    store.close()

    rng = random.Random(SEED + 1)
    acknowledged: set[str] = set()
    kills = 0
    for round_no in range(KILLS):
        label = f"r{round_no}"
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability.drivers",
                "annotate",
                str(home),
                label,
                "400",
            ],
            cwd=REPO,
            env=cli_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        wanted = rng.randint(1, 60)
        done = 0
        for line in proc.stdout:
            if line.startswith("done "):
                acknowledged.add(f"{label}-{line.split()[1]} note")
                done += 1
                if done >= wanted:
                    time.sleep(rng.uniform(0, 0.01))
                    break
            elif line.startswith("error "):
                pytest.fail(f"annotation write failed: {line}")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        kills += proc.returncode == -signal.SIGKILL
        if proc.stdout is not None:
            for line in proc.stdout:
                if line.startswith("done "):
                    acknowledged.add(f"{label}-{line.split()[1]} note")

        store = Store(home / "reader.db", clock=clock)
        assert_store_sound(store)
        now = annotation_snapshot(store)
        assert {k: now.get(k) for k in before} == before, "an older annotation changed"
        notes = {row[5]: row for row in now.values()}
        lost = acknowledged - set(notes)
        assert not lost, f"acknowledged annotations lost after a kill: {sorted(lost)[:5]}"
        for note, row in notes.items():
            if note.startswith("r"):
                label_part, index = note.split()[0].rsplit("-", 1)
                expected = f"{label_part}/all|{label_part}/t{int(index) % 5}"
                assert row[8] == expected, f"annotation {note!r} has tags {row[8]!r}"
        store.close()
    print(f"\nannotation kills: {kills} SIGKILLs, {len(acknowledged)} acknowledged writes, 0 lost")
    assert kills == KILLS
