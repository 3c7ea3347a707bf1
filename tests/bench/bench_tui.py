"""Benchmarks of the reading room (run with ``READER_BENCH=1 pytest tests/bench/bench_tui.py -s``).

- start-up: process start to the first painted library screen with 10,000 articles,
  against a minimal Textual app painting one line (target: ratio ≤ 1.5);
- opening and painting a 5,000-word article with 500 highlights (target ≤ 100 ms);
- peak memory of the app with 10,000 articles (target ≤ 150 MB).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.highlight import DATE, PERSON, PLACE, QUOTE, HighlightSpan, annotation_token
from reader.models import ParsedArticle
from reader.store import Store

pytestmark = [
    pytest.mark.bench,
    pytest.mark.skipif(os.environ.get("READER_BENCH") != "1", reason="set READER_BENCH=1"),
]

ARTICLES = 10_000
RUNS = 5
WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "on",
    "border",
    "security",
    "and",
    "trade",
    "would",
    "resume",
    "next",
    "week",
    "in",
    "the",
    "capital",
]

CHILD_READER = """
import resource, sys, time
from reader.config import Config
from reader.paths import resolve_paths
from reader.store import Store
from reader.tui.app import ReaderApp

paths = resolve_paths()
app = ReaderApp(store=Store(paths.store), paths=paths, config=Config())

async def auto_pilot(pilot):
    while True:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if getattr(screen, "article_list", None) is not None and screen.article_list.loaded:
            break
    await pilot.pause()
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=auto_pilot)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"PEAK_KB {peak}")
"""

CHILD_MINIMAL = """
from textual.app import App
from textual.widgets import Static

class One(App):
    def compose(self):
        yield Static("one line")

app = One()

async def auto_pilot(pilot):
    await pilot.pause()
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=auto_pilot)
"""


def fill_store(path: Path, count: int) -> None:
    store = Store(path)
    base = datetime(2024, 1, 1, tzinfo=UTC)
    with store.transaction():
        for index in range(count):
            body = tuple(
                " ".join(WORDS[(index + p + w) % len(WORDS)] for w in range(60)) + "."
                for p in range(8)
            )
            store.save_article(
                ParsedArticle(
                    title=f"Article {index}: ministers meet over trade and borders",
                    body=body,
                    source_key=f"bench-{index}",
                    format="text",
                    raw_text="",
                    published=base + timedelta(hours=index),
                    source=("RT", "AP", "Reuters", "Al Jazeera")[index % 4],
                )
            )
    store.close()


def run_child(code: str, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, done.stdout


def test_startup_and_memory_with_10000_articles(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    fill_store(home / "reader.db", ARTICLES)
    env = {**os.environ, "READER_HOME": str(home)}
    env.pop("NO_COLOR", None)
    reader_times, minimal_times, peaks = [], [], []
    for _ in range(RUNS):
        elapsed, out = run_child(CHILD_READER, env)
        reader_times.append(elapsed)
        peaks.append(int(out.split("PEAK_KB")[1].split()[0]) / 1024)
        minimal_times.append(run_child(CHILD_MINIMAL, env)[0])
    reader_best, minimal_best = min(reader_times), min(minimal_times)
    ratio = reader_best / minimal_best
    peak = max(peaks)
    print(
        f"\nstart-up to first painted library, {ARTICLES} articles: {reader_best * 1000:.0f} ms"
        f"\nminimal Textual app painting one line:               {minimal_best * 1000:.0f} ms"
        f"\nratio: {ratio:.2f} (target ≤ 1.5)"
        f"\npeak memory with {ARTICLES} articles: {peak:.0f} MB (target ≤ 150)"
    )
    assert ratio <= 1.5
    assert peak <= 150


async def test_open_and_paint_a_long_article_with_500_highlights() -> None:
    from textual.app import App, ComposeResult

    from reader.tui.widgets.article_view import ArticleView

    paragraphs = []
    for p in range(100):
        words = [WORDS[(p * 7 + w) % len(WORDS)] for w in range(50)]
        words[3] = "Lavrov"
        words[20] = "Damascus"
        paragraphs.append(" ".join(words).capitalize() + ".")
    text = "\n\n".join(paragraphs)
    assert len(text.split()) == 5000
    spans: list[HighlightSpan] = []
    offset = 0
    tokens = (PERSON, PLACE, DATE, QUOTE, annotation_token("yellow"))
    for p, paragraph in enumerate(paragraphs):
        for k in range(5):
            start = offset + k * 40
            spans.append(HighlightSpan(start, start + 12, tokens[k % len(tokens)], p))
        offset += len(paragraph) + 2
    assert len(spans) == 500

    class Harness(App[None]):
        def compose(self) -> ComposeResult:
            yield ArticleView()

    timings = []
    for _ in range(RUNS):
        app = Harness()
        async with app.run_test(size=(120, 40)) as pilot:
            view = app.query_one(ArticleView)
            await pilot.pause()
            start = time.perf_counter()
            view.set_text(text)
            view.set_spans(spans)
            for row in range(view.scrollable_content_region.height):
                view.render_line(row)
            await pilot.pause()
            timings.append(time.perf_counter() - start)
            rehighlight = time.perf_counter()
            view.set_hidden({"person"})
            for row in range(view.scrollable_content_region.height):
                view.render_line(row)
            rehighlight = time.perf_counter() - rehighlight
    best = min(timings) * 1000
    print(
        f"\nopen and paint 5,000 words with 500 highlights: {best:.1f} ms (target ≤ 100)"
        f"\ntoggle a kind and repaint: {rehighlight * 1000:.1f} ms"
    )
    assert best <= 100
