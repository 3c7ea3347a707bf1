"""Programs the reliability tests run in subprocesses (to kill them, or to race them).

Run as ``python -m tests.reliability.drivers COMMAND HOME ...``:

- ``annotate HOME LABEL COUNT``: make COUNT annotations (each with a note and two tags),
  printing ``done I`` after each commit; errors are printed as ``error I: message``.
- ``hold-write HOME SECONDS``: open a write transaction, insert an article, print
  ``holding``, keep the transaction open for SECONDS, then commit and print ``committed``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from reader.models import ParsedArticle
from reader.store import Store


def _store(home: str) -> Store:
    from reader.app_context import open_store

    return open_store(Path(home))


def annotate_loop(home: str, label: str, count: int) -> int:
    from reader.annotations import annotate

    store = _store(home)
    ids = store.article_ids()
    texts = {i: store.get_article(i).clean_text for i in ids}
    rng = random.Random(label)
    failures = 0
    for i in range(count):
        article_id = ids[i % len(ids)]
        text = texts[article_id]
        start = rng.randrange(0, max(1, len(text) - 40))
        end = start + rng.randint(5, 30)
        while end > start + 1 and text[end - 1].isspace():
            end -= 1
        while start < end - 1 and text[start].isspace():
            start += 1
        try:
            annotate(
                store,
                article_id,
                start=start,
                end=end,
                note=f"{label}-{i} note",
                tags=(f"{label}/all", f"{label}/t{i % 5}"),
            )
        except Exception as exc:
            failures += 1
            print(f"error {i}: {type(exc).__name__}: {exc}", flush=True)
            continue
        print(f"done {i}", flush=True)
    store.close()
    return 1 if failures else 0


def hold_write(home: str, seconds: float) -> int:
    store = _store(home)
    parsed = ParsedArticle(
        title="Uncommitted article",
        body=("This article is written inside a long transaction.",),
        source_key="/held/uncommitted.txt",
        format="text",
        raw_text="held",
    )
    with store.transaction():
        store.save_article(parsed)
        print("holding", flush=True)
        time.sleep(seconds)
    print("committed", flush=True)
    store.close()
    return 0


def main(argv: list[str]) -> int:
    command, home, *rest = argv
    if command == "annotate":
        return annotate_loop(home, rest[0], int(rest[1]))
    if command == "hold-write":
        return hold_write(home, float(rest[0]))
    raise SystemExit(f"unknown driver command {command!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
