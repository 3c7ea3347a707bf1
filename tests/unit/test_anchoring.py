"""Re-anchoring of annotations when an article's text changes, on the seed articles.

Article texts are built from the gold bodies (paragraphs joined by a blank line); ten
passages are annotated, the article is re-imported in a modified version, and every
annotation must end anchored, moved or orphaned exactly where the edit puts it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.anchoring import (
    QuoteSelector,
    anchor,
    count_quote,
    describe,
    find_quote,
    map_position,
    reanchor_article,
)
from reader.annotations import annotate, get_annotation, list_annotations
from reader.models import PARAGRAPH_SEP, ParsedArticle
from reader.store import Store

GOLD = Path(__file__).parents[1] / "data" / "gold"
SEED = "002_d97c2c8cca8a9d47.json"
NEW_PARAGRAPH = (
    "Editor's note: this story was updated with comments from the Syrian foreign ministry."
)

# (quote as annotated, occurrence, a slightly edited version of it)
QUOTES: list[tuple[str, int, str]] = [
    ("Ahmed al-Sharaa has said Damascus has", 1, "Ahmed al-Sharaa said Damascus has"),
    ("Khmeimim Air Base", 1, "Hmeimim Air Base"),
    ("“strategic interests”", 2, "“strategic interest”"),
    (
        "second most powerful country in the world",
        1,
        "second-most powerful country in the world",
    ),
    ("We don’t want Russia to exit Syria", 1, "We do not want Russia to exit Syria"),
    (
        "opportunity to re-evaluate the relationship with Syria",
        1,
        "opportunity to reevaluate the relationship with Syria",
    ),
    ("Sergey Lavrov", 1, "Sergei Lavrov"),
    ("which runs until March 1", 1, "which lasts until March 1"),
    ("Kremlin spokesman Dmitry Peskov", 1, "Kremlin spokesperson Dmitry Peskov"),
    ("secured temporary security guarantees", 1, "secured temporary safety guarantees"),
]

CLOCK = datetime(2025, 1, 10, 12, 0, tzinfo=UTC)


def gold_text(name: str) -> str:
    return PARAGRAPH_SEP.join(json.loads((GOLD / name).read_text(encoding="utf-8"))["body"])


def parsed(text: str, key: str = "seed-002", title: str = "Seed") -> ParsedArticle:
    return ParsedArticle(
        title=title,
        body=tuple(text.split(PARAGRAPH_SEP)),
        source_key=key,
        format="text",
        raw_text=text,
    )


def reimport(store: Store, text: str, key: str = "seed-002") -> dict[str, int]:
    """Store a new version of the article and re-anchor, as the importer does."""
    with store.transaction():
        article_id, status, previous = store.save_article(parsed(text, key))
        assert status == "updated" and previous is not None
        return reanchor_article(store, article_id, previous, text)


@pytest.fixture
def seeded() -> tuple[Store, int, str, list[int]]:
    store = Store.memory(clock=lambda: CLOCK)
    text = gold_text(SEED)
    article_id, _, _ = store.save_article(parsed(text))
    ids = [
        annotate(store, article_id, quote, occurrence=n, note=f"note {i}", tags=[f"q/{i}"]).id
        for i, (quote, n, _) in enumerate(QUOTES)
    ]
    return store, article_id, text, ids


def spans(text: str) -> list[tuple[int, int]]:
    out = []
    for quote, n, _ in QUOTES:
        span = find_quote(text, quote, n)
        assert span is not None and text[span[0] : span[1]] == quote
        out.append(span)
    return out


def test_ten_quotes_are_annotated_where_they_are(seeded: tuple[Store, int, str, list[int]]) -> None:
    store, _, text, ids = seeded
    for annotation_id, (start, end), (quote, _, _) in zip(ids, spans(text), QUOTES, strict=True):
        annotation = get_annotation(store, annotation_id)
        assert (annotation.start, annotation.end, annotation.exact) == (start, end, quote)
        assert annotation.prefix == text[max(0, start - 32) : start]
        assert annotation.suffix == text[end : end + 32]
        assert annotation.status == "anchored"


def test_paragraph_inserted_before_moves_every_annotation(seeded) -> None:
    store, _, text, ids = seeded
    old_spans = spans(text)
    counts = reimport(store, NEW_PARAGRAPH + PARAGRAPH_SEP + text)
    shift = len(NEW_PARAGRAPH) + len(PARAGRAPH_SEP)
    assert counts == {"anchored": 0, "moved": 10, "orphaned": 0}
    for annotation_id, (start, end) in zip(ids, old_spans, strict=True):
        annotation = get_annotation(store, annotation_id)
        assert (annotation.status, annotation.start, annotation.end) == (
            "moved",
            start + shift,
            end + shift,
        )


def test_paragraph_inserted_in_the_middle_moves_only_what_follows(seeded) -> None:
    store, _, text, ids = seeded
    paragraphs = text.split(PARAGRAPH_SEP)
    cut = len(PARAGRAPH_SEP.join(paragraphs[:5])) + len(PARAGRAPH_SEP)
    new_text = PARAGRAPH_SEP.join([*paragraphs[:5], NEW_PARAGRAPH, *paragraphs[5:]])
    counts = reimport(store, new_text)
    shift = len(NEW_PARAGRAPH) + len(PARAGRAPH_SEP)
    assert counts == {"anchored": 5, "moved": 5, "orphaned": 0}
    for annotation_id, (start, end) in zip(ids, spans(text), strict=True):
        annotation = get_annotation(store, annotation_id)
        expected = (start, end) if start < cut else (start + shift, end + shift)
        assert (annotation.start, annotation.end) == expected
        assert annotation.status == ("anchored" if start < cut else "moved")


@pytest.mark.parametrize("index", range(len(QUOTES)))
def test_words_changed_before_the_quote_move_it(seeded, index: int) -> None:
    """A word inserted just before the passage shifts it; quote and status follow."""
    store, _, text, ids = seeded
    start, end = spans(text)[index]
    inserted = "reportedly "
    new_text = text[:start] + inserted + text[start:]
    counts = reimport(store, new_text)
    annotation = get_annotation(store, ids[index])
    assert (annotation.status, annotation.start, annotation.end) == (
        "moved",
        start + len(inserted),
        end + len(inserted),
    )
    assert annotation.exact == QUOTES[index][0]
    assert annotation.prefix.endswith(inserted)
    assert counts["orphaned"] == 0


@pytest.mark.parametrize("index", range(len(QUOTES)))
def test_words_changed_after_the_quote_keep_it_anchored(seeded, index: int) -> None:
    store, _, text, ids = seeded
    start, end = spans(text)[index]
    match = re.compile(r"\W*(\w+)").match(text, end)
    assert match is not None
    new_text = text[: match.start(1)] + "allegedly" + text[match.end(1) :]
    reimport(store, new_text)
    annotation = get_annotation(store, ids[index])
    assert (annotation.status, annotation.start, annotation.end) == ("anchored", start, end)
    assert annotation.suffix == new_text[end : end + 32]


@pytest.mark.parametrize("index", range(len(QUOTES)))
def test_quote_edited_slightly_is_followed(seeded, index: int) -> None:
    store, _, text, ids = seeded
    start, end = spans(text)[index]
    edited = QUOTES[index][2]
    new_text = text[:start] + edited + text[end:]
    reimport(store, new_text)
    annotation = get_annotation(store, ids[index])
    assert (annotation.status, annotation.start, annotation.end) == (
        "moved",
        start,
        start + len(edited),
    )
    assert annotation.exact == edited
    assert annotation.note == f"note {index}"


@pytest.mark.parametrize("index", range(len(QUOTES)))
def test_quote_deleted_leaves_an_orphan_with_its_quote_and_note(seeded, index: int) -> None:
    store, article_id, text, ids = seeded
    start, end = spans(text)[index]
    reimport(store, text[:start] + text[end:])
    annotation = get_annotation(store, ids[index])
    assert annotation.status == "orphaned"
    assert (annotation.exact, annotation.start, annotation.end) == (QUOTES[index][0], start, end)
    assert annotation.note == f"note {index}"
    assert annotation.tags == (f"q/{index}",)
    assert [a.id for a in list_annotations(store, orphaned=True)] == [ids[index]]
    assert len(list_annotations(store, article_id=article_id)) == len(QUOTES)


def test_second_occurrence_stays_the_second_when_text_moves(seeded) -> None:
    """Two identical quotes: the annotated one is followed, not the first match."""
    store, _, text, ids = seeded
    index = 2
    assert count_quote(text, QUOTES[index][0]) == 2
    reimport(store, NEW_PARAGRAPH + PARAGRAPH_SEP + text)
    annotation = get_annotation(store, ids[index])
    _, second = (m.start() for m in re.finditer(re.escape(QUOTES[index][0]), text))
    assert annotation.start == second + len(NEW_PARAGRAPH) + len(PARAGRAPH_SEP)


def test_orphan_is_found_again_when_the_text_comes_back(seeded) -> None:
    store, _, text, ids = seeded
    start, end = spans(text)[6]
    reimport(store, text[:start] + text[end:])
    assert get_annotation(store, ids[6]).status == "orphaned"
    counts = reimport(store, text)
    assert get_annotation(store, ids[6]).status == "anchored"
    # the three passages after it had moved back by the deleted name's length; now forward again
    assert counts == {"anchored": 7, "moved": 3, "orphaned": 0}
    for annotation_id, span in zip(ids, spans(text), strict=True):
        annotation = get_annotation(store, annotation_id)
        assert (annotation.start, annotation.end) == span


def test_every_seed_survives_a_paragraph_insert_and_a_rewrite() -> None:
    """All five seeds: annotate a sentence in each paragraph, insert a paragraph, check spans."""
    for name in sorted(p.name for p in GOLD.glob("0*.json")):
        store = Store.memory(clock=lambda: CLOCK)
        text = gold_text(name)
        article_id, _, _ = store.save_article(parsed(text, key=name))
        chosen = []
        for para_start, para in zip(_starts(text), text.split(PARAGRAPH_SEP), strict=True):
            words = para.split(" ")
            if len(words) < 8:
                continue
            quote = " ".join(words[2:7])
            offset = para.index(quote)
            if count_quote(text, quote) != 1:
                continue
            annotation = annotate(
                store, article_id, start=para_start + offset, end=para_start + offset + len(quote)
            )
            chosen.append((annotation.id, para_start + offset, quote))
        assert chosen, name
        new_text = NEW_PARAGRAPH + PARAGRAPH_SEP + text
        with store.transaction():
            store.save_article(parsed(new_text, key=name))
            counts = reanchor_article(store, article_id, text, new_text)
        assert counts == {"anchored": 0, "moved": len(chosen), "orphaned": 0}, name
        shift = len(NEW_PARAGRAPH) + len(PARAGRAPH_SEP)
        for annotation_id, start, quote in chosen:
            annotation = get_annotation(store, annotation_id)
            assert (annotation.start, annotation.exact) == (start + shift, quote), name


def _starts(text: str) -> list[int]:
    out, pos = [], 0
    for para in text.split(PARAGRAPH_SEP):
        out.append(pos)
        pos += len(para) + len(PARAGRAPH_SEP)
    return out


# ---------------------------------------------------------------- pure functions, own texts

REPORT = PARAGRAPH_SEP.join(
    [
        "The port authority said on Monday that the harbour would reopen within a week.",
        "Officials in the capital gave no timetable. Lavrov, speaking in Geneva, called the "
        "blockade unacceptable and demanded talks.",
        "Shipping firms said insurance costs had tripled since the start of the crisis.",
        "A spokesman for the coalition said it would review the request from Lavrov.",
    ]
)


def selector_for(text: str, quote: str, occurrence: int = 1) -> QuoteSelector:
    span = find_quote(text, quote, occurrence)
    assert span is not None
    return describe(text, *span)


EditCase = tuple[str, str, Callable[[str], str], str, str | None]

EDIT_CASES: list[EditCase] = [
    # name, quote, edit, expected status, expected exact (None: orphan)
    ("unchanged", "harbour would reopen", lambda t: t, "anchored", "harbour would reopen"),
    (
        "sentence added before",
        "insurance costs had tripled",
        lambda t: t.replace("Shipping firms", "Analysts agreed. Shipping firms"),
        "moved",
        "insurance costs had tripled",
    ),
    (
        "short name, its sentence rewritten away",
        "Lavrov",
        lambda t: t.replace("Lavrov, speaking in Geneva, called", "The minister called"),
        "orphaned",
        None,
    ),
    (
        "quote replaced by different words",
        "harbour would reopen within a week",
        lambda t: t.replace("harbour would reopen within a week", "port stays shut indefinitely"),
        "orphaned",
        None,
    ),
]


@pytest.mark.parametrize("case", EDIT_CASES, ids=[c[0] for c in EDIT_CASES])
def test_anchor_on_own_texts(case: EditCase) -> None:
    _, quote, edit, status, exact = case
    selector = selector_for(REPORT, quote)
    new_text = edit(REPORT)
    result = anchor(selector, new_text, map_position(REPORT, new_text, selector.start))
    assert result.status == status
    if exact is None:
        assert result.start is None
    else:
        assert result.start is not None and result.end is not None
        assert new_text[result.start : result.end] == exact


def test_typo_fixed_in_the_article_is_followed() -> None:
    old = REPORT.replace("unacceptable", "unaceptable")
    selector = selector_for(old, "called the blockade unaceptable and demanded")
    result = anchor(selector, REPORT, map_position(old, REPORT, selector.start))
    assert result.status == "moved"
    assert REPORT[result.start : result.end] == "called the blockade unacceptable and demanded"


def test_a_misplacement_is_refused_for_a_near_miss_elsewhere() -> None:
    """A fuzzy look-alike in another sentence, with other surroundings, is not taken."""
    old = "The talks in Vienna ended without agreement on Tuesday.\n\nMarkets fell."
    new = "Markets fell.\n\nThe walks in Vienna ended without agreement on Thursday, it said."
    selector = selector_for(old, "talks in Vienna ended without agreement on Tuesday")
    result = anchor(selector, new, map_position(old, new, selector.start))
    assert result.status in {"moved", "orphaned"}
    if result.found:
        assert new[result.start : result.end].startswith("walks in Vienna")


def test_cyrillic_text_paragraph_inserted() -> None:
    old = "Министр заявил, что переговоры продолжатся.\n\nВ Дамаске прошла встреча."
    new = "Срочно.\n\n" + old
    selector = selector_for(old, "переговоры продолжатся")
    result = anchor(selector, new, map_position(old, new, selector.start))
    assert (result.status, result.start) == ("moved", selector.start + len("Срочно.\n\n"))


def test_find_quote_tolerates_spaces_and_quote_marks() -> None:
    text = "Lavrov\u00a0said relations were \u201clong-term\u201d."
    assert find_quote(text, 'Lavrov said relations were "long-term"') == (0, len(text) - 1)
    assert find_quote(text, "absent") is None
    assert find_quote(text, "Lavrov", 2) is None


@pytest.mark.parametrize(
    ("old", "new", "offset", "expected"),
    [
        ("a\n\nb\n\nc", "a\n\nb\n\nc", 5, 5),
        ("a\n\nb\n\nc", "x\n\na\n\nb\n\nc", 3, 6),
        ("aaaa\n\nbbbb", "aaaa\n\nbbbbbbbb", 8, 8),
        ("aaaa\n\nbbbb\n\ncccc", "aaaa\n\ncccc", 12, 6),
    ],
)
def test_map_position(old: str, new: str, offset: int, expected: int) -> None:
    assert map_position(old, new, offset) == expected
