"""The five bundled seeds, cleaned and compared with the hand-made gold files."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from reader import ingest
from reader.models import ParsedArticle

REPO = Path(__file__).resolve().parents[2]
GOLD_FILES = sorted((REPO / "tests" / "data" / "gold").glob("0*.json"))
MOJIBAKE = re.compile("Ã|Â|â€|Ì|\ufffd")
MIN_F1 = 0.97


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+|[^\w\s]", normalise(text)))


def token_f1(got: list[str] | tuple[str, ...], want: list[str]) -> float:
    got_tokens, want_tokens = tokens(" ".join(got)), tokens(" ".join(want))
    overlap = sum((got_tokens & want_tokens).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(got_tokens.values())
    recall = overlap / sum(want_tokens.values())
    return 2 * precision * recall / (precision + recall)


def published_as_gold(article: ParsedArticle) -> str | None:
    if article.published is None:
        return None
    return article.published.strftime(
        "%Y-%m-%dT%H:%M" if article.published_has_time else "%Y-%m-%d"
    )


@pytest.fixture(scope="module")
def cleaned() -> dict[str, tuple[ParsedArticle, dict]]:
    result = {}
    for gold_file in GOLD_FILES:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        [article] = ingest.parse_file(REPO / "seeds" / gold["file"])
        result[gold["file"]] = (article, gold)
    return result


def test_gold_files_present() -> None:
    assert len(GOLD_FILES) == 5


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_body_token_f1(gold_file: Path, cleaned: dict) -> None:
    article, gold = cleaned[json.loads(gold_file.read_text())["file"]]
    f1 = token_f1(article.body, gold["body"])
    print(f"{gold['file']}: token F1 = {f1:.4f}")
    assert f1 >= MIN_F1, f"{gold['file']}: token F1 {f1:.4f} < {MIN_F1}"


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_dropped_lines_not_in_body(gold_file: Path, cleaned: dict) -> None:
    article, gold = cleaned[json.loads(gold_file.read_text())["file"]]
    body = Counter(normalise(p) for p in article.body)
    gold_body = Counter(normalise(p) for p in gold["body"])
    # A dropped duplicate may equal a kept paragraph: then it must appear only as often as in gold.
    leaked = [
        line for line in gold["dropped"] if body[normalise(line)] > gold_body[normalise(line)]
    ]
    assert not leaked
    for inline in gold.get("dropped_inline", []):
        assert all(normalise(inline["text"]) not in normalise(p) for p in article.body)


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_dropped_lines_are_explained(gold_file: Path, cleaned: dict) -> None:
    article, gold = cleaned[json.loads(gold_file.read_text())["file"]]
    explained = {normalise(d.text) for d in article.dropped}
    assert all(d.rule for d in article.dropped)
    assert [line for line in gold["dropped"] if normalise(line) not in explained] == []


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_metadata(gold_file: Path, cleaned: dict) -> None:
    article, gold = cleaned[json.loads(gold_file.read_text())["file"]]
    assert article.title == gold["title"]
    assert gold["title"] not in article.body
    assert published_as_gold(article) == gold["published"]
    assert article.published is None or article.published.tzinfo is not None
    assert article.byline == gold["byline"]
    assert article.source == gold["source"]
    assert article.agency == gold.get("agency")


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=lambda p: p.stem)
def test_no_mojibake_left(gold_file: Path, cleaned: dict) -> None:
    article, _ = cleaned[json.loads(gold_file.read_text())["file"]]
    for text in (article.title, *article.body):
        assert not MOJIBAKE.search(text), text
        assert "\n" not in text
