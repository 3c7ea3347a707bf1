"""Full-text search over articles (title, clean text) and annotations (quote, note)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.models import SearchHit
from reader.query import fts_query

if TYPE_CHECKING:
    from reader.store import Store

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
SNIPPET_WORDS = 16
TITLE_WEIGHT = 10.0


def unmark(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Split an FTS snippet with private-use match markers into plain text and spans.

    >>> unmark("the \\ue000Kremlin\\ue001 said")
    ('the Kremlin said', ((4, 11),))
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length, start = 0, None
    for ch in snippet:
        if ch == MARK_OPEN:
            start = length
        elif ch == MARK_CLOSE:
            if start is not None:
                spans.append((start, length))
            start = None
        else:
            out.append(ch)
            length += 1
    return "".join(out), tuple(spans)


class SearchMixin:
    """Store methods for full-text search."""

    def search(
        self: Store, text: str, *, limit: int = 20, include_annotations: bool = True
    ) -> list[SearchHit]:
        """Articles (and annotations) matching ``text``, best first by bm25.

        Ranking and snippets are two queries: snippets are costly, so they are made only
        for the best ``limit`` rows rather than for every match.
        """
        match = fts_query(text)
        if not match:
            return []
        top = self.query(
            f"""SELECT rowid, bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS score
               FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT ?""",
            (match, limit),
        )
        scores = {row["rowid"]: row["score"] for row in top}
        placeholders = ", ".join("?" * len(scores))
        rows = self.query(
            f"""SELECT a.id, a.title,
                   snippet(articles_fts, -1, ?, ?, '…', {SNIPPET_WORDS}) AS snippet
               FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
               WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({placeholders})""",
            (MARK_OPEN, MARK_CLOSE, match, *scores),
        )
        hits = sorted(
            (
                SearchHit(row["id"], row["title"], *unmark(row["snippet"]), score=scores[row["id"]])
                for row in rows
            ),
            key=lambda hit: hit.score,
        )
        if include_annotations:
            rows = self.query(
                f"""SELECT n.id, n.article_id, a.title,
                       snippet(annotations_fts, -1, ?, ?, '…', {SNIPPET_WORDS}) AS snippet,
                       bm25(annotations_fts) AS score
                   FROM annotations_fts
                   JOIN annotations n ON n.id = annotations_fts.rowid
                   JOIN articles a ON a.id = n.article_id
                   WHERE annotations_fts MATCH ? ORDER BY score LIMIT ?""",
                (MARK_OPEN, MARK_CLOSE, match, limit),
            )
            hits.extend(
                SearchHit(
                    row["article_id"],
                    row["title"],
                    *unmark(row["snippet"]),
                    score=row["score"],
                    kind="annotation",
                    annotation_id=row["id"],
                )
                for row in rows
            )
            hits.sort(key=lambda hit: hit.score)
        return hits[:limit]
