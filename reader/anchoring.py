"""Quote selectors and re-anchoring of annotations when an article's text changes.

An annotation remembers its passage twice, as the W3C Web Annotation model does: a
TextQuoteSelector (the exact text with ~32 characters of prefix and suffix) and a
TextPositionSelector (code-point offsets into the clean text). When the text changes,
each annotation is looked for again:

1. at its old position (mapped through the edit), if the text there is still the quote
   and its surroundings agree;
2. among the exact occurrences of the quote, scored by prefix, suffix and position;
3. by a fuzzy search for the quote near where it should be, then anywhere.

Candidates are scored the way Hypothesis scores them (quote 50, prefix 20, suffix 20,
position 2). A candidate that is not convincing leaves the annotation ``orphaned``
with its quote and note intact: an honest orphan is better than a silent misplacement.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from reader.models import PARAGRAPH_SEP, AnchorStatus

if TYPE_CHECKING:
    from reader.store import Store

CONTEXT_CHARS = 32
"""Length of the prefix and suffix kept around a quote."""

QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 2.0

SHORT_QUOTE = 32
"""Quotes shorter than this are common enough that an exact match elsewhere needs context."""
MIN_CONTEXT = 0.6
"""Similarity of the better of prefix and suffix that confirms a short quote's new place."""
MIN_FUZZY_QUOTE = 0.8
"""Similarity a changed quote must keep with the original to be followed at all."""
SURE_FUZZY_QUOTE = 0.9
"""Similarity at which a changed quote is followed even when its context changed too."""
MIN_FUZZY_LENGTH = 12
"""Quotes shorter than this are never followed fuzzily: too many near-misses in any text."""
SEARCH_RADIUS = 2000
"""Characters either side of the expected position searched first for a changed quote."""


@dataclass(frozen=True, slots=True)
class QuoteSelector:
    """What an annotation remembers of its passage."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote was found in a new text, or that it was not (``orphaned``)."""

    status: AnchorStatus
    start: int | None = None
    end: int | None = None
    score: float = 0.0

    @property
    def found(self) -> bool:
        return self.status != "orphaned"


def describe(text: str, start: int, end: int) -> QuoteSelector:
    """The selector of ``text[start:end]``: the quote, its context and its position."""
    return QuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        start=start,
        end=end,
    )


_QUOTE_MARKS = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def _lenient_pattern(quote: str) -> re.Pattern[str]:
    """A pattern for ``quote`` that accepts any whitespace run, quote mark or dash style."""
    parts: list[str] = []
    for token in re.split(r"(\s+)", quote):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
            continue
        for ch in token:
            if ch in _QUOTE_MARKS:
                parts.append("[" + re.escape(_QUOTE_MARKS) + "]")
            elif ch in _DASHES:
                parts.append("[" + re.escape(_DASHES) + "]")
            else:
                parts.append(re.escape(ch))
    return re.compile("".join(parts))


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Span of the ``occurrence``-th (1-based) occurrence of ``quote`` in ``text``.

    The exact text is tried first; failing that, a match that differs only in
    whitespace (e.g. a no-break space), quote-mark or dash style.

    >>> find_quote("said \\u201cno\\u201d and \\u201cno\\u201d", '"no"', 2)
    (15, 19)
    """
    if not quote or occurrence < 1:
        return None
    spans = list(_exact_spans(text, quote))
    if not spans:
        spans = [m.span() for m in _lenient_pattern(quote).finditer(text)]
    return spans[occurrence - 1] if occurrence <= len(spans) else None


def count_quote(text: str, quote: str) -> int:
    """How many times ``quote`` occurs in ``text`` (exactly, else leniently)."""
    if not quote:
        return 0
    exact = sum(1 for _ in _exact_spans(text, quote))
    return exact or sum(1 for _ in _lenient_pattern(quote).finditer(text))


def _exact_spans(text: str, quote: str) -> Iterator[tuple[int, int]]:
    start = text.find(quote)
    while start != -1:
        yield start, start + len(quote)
        start = text.find(quote, start + 1)


# ------------------------------------------------------------------ position mapping


def map_position(old_text: str, new_text: str, offset: int) -> int:
    """Where ``offset`` in ``old_text`` most likely is in ``new_text``.

    Paragraphs are matched with a sequence diff (cheap: a few dozen items); an offset
    inside an unchanged paragraph moves with it, one inside a changed stretch is
    placed proportionally.
    """
    if old_text == new_text:
        return offset
    old_paras = old_text.split(PARAGRAPH_SEP)
    new_paras = new_text.split(PARAGRAPH_SEP)
    old_starts = _starts(old_paras)
    new_starts = _starts(new_paras)
    matcher = difflib.SequenceMatcher(None, old_paras, new_paras, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_from = old_starts[i1]
        old_to = old_starts[i2] if i2 < len(old_starts) else len(old_text)
        if not (old_from <= offset < old_to or (i2 == len(old_paras) and offset >= old_from)):
            continue
        new_from = new_starts[j1] if j1 < len(new_starts) else len(new_text)
        new_to = new_starts[j2] if j2 < len(new_starts) else len(new_text)
        if tag == "equal":
            return min(len(new_text), new_from + offset - old_from)
        return new_from + _map_inside(
            old_text[old_from:old_to], new_text[new_from:new_to], offset - old_from
        )
    return min(offset, len(new_text))


def _map_inside(old: str, new: str, offset: int) -> int:
    """Map an offset across one changed stretch: unchanged head and tail keep their
    distance from the edges; the edited middle is scaled."""
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    if offset <= head:
        return offset
    if offset >= len(old) - tail:
        return len(new) - (len(old) - offset)
    middle_old = max(1, len(old) - tail - head)
    middle_new = len(new) - tail - head
    return head + round((offset - head) * middle_new / middle_old)


def _starts(paragraphs: list[str]) -> list[int]:
    starts, pos = [], 0
    for para in paragraphs:
        starts.append(pos)
        pos += len(para) + len(PARAGRAPH_SEP)
    return starts


# ------------------------------------------------------------------ scoring


def _similarity(a: str, b: str) -> float:
    """0..1 similarity of two strings (normalised Indel distance)."""
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def _context_scores(
    selector: QuoteSelector, text: str, start: int, end: int
) -> tuple[float, float]:
    """How well the text around ``start:end`` agrees with the stored prefix and suffix."""
    if selector.prefix:
        prefix = _similarity(selector.prefix, text[max(0, start - len(selector.prefix)) : start])
    else:
        prefix = 1.0 if start == 0 else 0.5
    if selector.suffix:
        suffix = _similarity(selector.suffix, text[end : end + len(selector.suffix)])
    else:
        suffix = 1.0 if end == len(text) else 0.5
    return prefix, suffix


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    quote: float
    prefix: float
    suffix: float
    position: float

    @property
    def score(self) -> float:
        total = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
        return (
            QUOTE_WEIGHT * self.quote
            + PREFIX_WEIGHT * self.prefix
            + SUFFIX_WEIGHT * self.suffix
            + POSITION_WEIGHT * self.position
        ) / total

    @property
    def context(self) -> float:
        return max(self.prefix, self.suffix)


def _candidate(
    selector: QuoteSelector, text: str, start: int, end: int, expected: int, quote: float
) -> _Candidate:
    prefix, suffix = _context_scores(selector, text, start, end)
    position = 1.0 - min(1.0, abs(start - expected) / max(1, len(text)))
    return _Candidate(start, end, quote, prefix, suffix, position)


def _convincing(selector: QuoteSelector, cand: _Candidate) -> bool:
    """Whether a candidate is sure enough to move an annotation there."""
    if cand.quote >= 1.0:
        return len(selector.exact) >= SHORT_QUOTE or cand.context >= MIN_CONTEXT
    if len(selector.exact) < MIN_FUZZY_LENGTH or cand.quote < MIN_FUZZY_QUOTE:
        return False
    return cand.quote >= SURE_FUZZY_QUOTE or cand.context >= MIN_CONTEXT


# ------------------------------------------------------------------ anchoring


def anchor(selector: QuoteSelector, text: str, expected: int | None = None) -> Anchor:
    """Find ``selector``'s passage in ``text``; ``expected`` is its likely new start."""
    exact = selector.exact
    if not exact:
        return Anchor("orphaned")
    expected = selector.start if expected is None else expected
    in_place = [
        (start, start + len(exact))
        for start in {selector.start, expected}
        if start >= 0 and text[start : start + len(exact)] == exact
    ]
    exact_spans = list(_exact_spans(text, exact))
    candidates = [_candidate(selector, text, s, e, expected, 1.0) for s, e in exact_spans]
    if candidates:
        best = max(candidates, key=lambda c: (c.score, -abs(c.start - expected)))
        for start, _ in in_place:
            here = next(c for c in candidates if c.start == start)
            if here.score >= best.score - 1e-9 and _convincing(selector, here):
                return _anchored(selector, here)
        if _convincing(selector, best):
            return _anchored(selector, best)
    fuzzy = _fuzzy_candidate(selector, text, expected, exact_spans)
    if fuzzy is not None and _convincing(selector, fuzzy):
        return _anchored(selector, fuzzy)
    return Anchor("orphaned")


def _anchored(selector: QuoteSelector, cand: _Candidate) -> Anchor:
    same = cand.start == selector.start and cand.end == selector.end and cand.quote >= 1.0
    return Anchor("anchored" if same else "moved", cand.start, cand.end, cand.score)


def _fuzzy_candidate(
    selector: QuoteSelector, text: str, expected: int, rejected: list[tuple[int, int]]
) -> _Candidate | None:
    """The best approximate match of the quote: close to the expected place, then further.

    Exact occurrences already rejected (for want of matching context) are masked out, so
    the search can find an edited copy of the quote next to an unedited one elsewhere.
    """
    exact = selector.exact
    if len(exact) < MIN_FUZZY_LENGTH or not text:
        return None
    searched = text
    for start, end in rejected:
        searched = searched[:start] + "\0" * (end - start) + searched[end:]
    best: _Candidate | None = None
    for radius in (2 * len(exact) + CONTEXT_CHARS, SEARCH_RADIUS, len(text)):
        lo = max(0, expected - radius)
        hi = min(len(text), expected + len(exact) + radius)
        alignment = fuzz.partial_ratio_alignment(exact, searched[lo:hi])
        if alignment is not None and alignment.score / 100.0 >= MIN_FUZZY_QUOTE - 0.1:
            start, end = lo + alignment.dest_start, lo + alignment.dest_end
            cand = _refine(selector, text, start, end, expected)
            if best is None or cand.score > best.score:
                best = cand
            if _convincing(selector, cand):
                break
        if lo == 0 and hi == len(text):
            break
    return best


def _refine(selector: QuoteSelector, text: str, start: int, end: int, expected: int) -> _Candidate:
    """Adjust a rough match's edges (to word edges nearby) for the best overall score."""
    slack = max(8, len(selector.exact) // 4)
    starts = _edges_near(text, start, slack, selector.exact[0], start=True)
    ends = _edges_near(text, end, slack, selector.exact[-1], start=False)
    best: _Candidate | None = None
    for s in starts:
        for e in ends:
            if e - s < max(1, len(selector.exact) // 2):
                continue
            quote = _similarity(selector.exact, text[s:e])
            cand = _candidate(selector, text, s, e, expected, quote)
            if best is None or (cand.score, cand.quote) > (best.score, best.quote):
                best = cand
    if best is None:
        quote = _similarity(selector.exact, text[start:end])
        best = _candidate(selector, text, start, end, expected, quote)
    return best


_TOKEN_EDGE = re.compile(r"\b|(?<!\S)(?=\S)|(?<=\S)(?!\S)")


def _edges_near(text: str, offset: int, slack: int, char: str, *, start: bool) -> list[int]:
    """Plausible passage edges near ``offset``: word and token edges, and places where
    the quote's first (or last) character ``char`` stands."""
    lo, hi = max(0, offset - slack), min(len(text), offset + slack)
    edges = {m.start() for m in _TOKEN_EDGE.finditer(text, lo, hi)} | {offset}
    for pos in range(lo, hi + 1):
        neighbour = text[pos : pos + 1] if start else text[pos - 1 : pos]
        if neighbour == char:
            edges.add(pos)
    return sorted(e for e in edges if 0 <= e <= len(text))


def reanchor_article(store: Store, article_id: int, old_text: str, new_text: str) -> dict[str, int]:
    """Re-anchor every passage annotation of an article whose clean text changed.

    Runs inside the caller's transaction (as a savepoint). Positions, quote and context
    follow the new text for anchored and moved annotations; an orphan keeps the quote,
    context and position it had, so it can be found again or re-attached by hand.
    Nothing is deleted. Returns how many annotations ended in each status.
    """
    from reader.store.articles import content_hash

    counts = {"anchored": 0, "moved": 0, "orphaned": 0}
    new_hash = content_hash(new_text)
    with store.transaction():
        for row in store.passage_selectors(article_id):
            selector = QuoteSelector(
                row["exact"], row["prefix"], row["suffix"], row["start"] or 0, row["end"] or 0
            )
            expected = map_position(old_text, new_text, selector.start)
            result = anchor(selector, new_text, expected)
            counts[result.status] += 1
            if result.found and result.start is not None and result.end is not None:
                found = describe(new_text, result.start, result.end)
                store.set_annotation_anchor(
                    row["id"],
                    exact=found.exact,
                    prefix=found.prefix,
                    suffix=found.suffix,
                    start=found.start,
                    end=found.end,
                    status=result.status,
                    content_hash=new_hash,
                )
            else:
                store.set_annotation_status(row["id"], "orphaned")
    return counts
