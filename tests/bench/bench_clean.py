"""Text-dump cleaner speed: parse the seeds and the test pages many times over.

Run: READER_BENCH=1 python -m pytest tests/bench/bench_clean.py -s
Target: well under 2 ms per ~5 KB dump, so that import can reach 300 articles/s.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from reader.ingest import parse_bytes

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 200


def test_clean_speed() -> None:
    files = sorted((REPO / "seeds").glob("*.txt")) + sorted(
        (REPO / "tests" / "data" / "pages").glob("*.txt")
    )
    documents = [path.read_bytes() for path in files]
    timings: list[float] = []
    for _ in range(ROUNDS):
        for data in documents:
            start = time.perf_counter()
            parse_bytes(data, name="bench.txt", fmt="text")
            timings.append(time.perf_counter() - start)
    per_kb = sum(timings) / (ROUNDS * sum(len(d) for d in documents) / 1024)
    print(
        f"\nclean: {len(timings) / sum(timings):.0f} docs/s, "
        f"median {statistics.median(timings) * 1000:.3f} ms, "
        f"{per_kb * 1000 * 5:.3f} ms per 5 KB"
    )
    assert timings
