"""Realistic feeds: a WordPress RSS feed with full ``content:encoded`` HTML and an Atom
feed with summaries only. ``tests/data/pages/feeds/expected.json`` holds, per feed file,
what each entry must give: title, published, byline, source and the whole body.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import ingest
from reader.models import ParsedArticle

FEEDS = Path(__file__).resolve().parents[1] / "data" / "pages" / "feeds"
EXPECTED: dict[str, list[dict]] = json.loads((FEEDS / "expected.json").read_text("utf-8"))


def published(article: ParsedArticle) -> str | None:
    if article.published is None:
        return None
    fmt = "%Y-%m-%dT%H:%M" if article.published_has_time else "%Y-%m-%d"
    return article.published.strftime(fmt)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_feed_entries(name: str) -> None:
    articles = ingest.parse_file(FEEDS / name)
    wanted = EXPECTED[name]
    assert len(articles) == len(wanted)
    for article, want in zip(articles, wanted, strict=True):
        found = {
            "title": article.title,
            "published": published(article),
            "byline": article.byline,
            "source": article.source,
            "body": [" ".join(p.split()) for p in article.body],
        }
        assert found == {key: want[key] for key in found}


def test_wordpress_footer_and_figure_captions_are_explained() -> None:
    [first, *_] = ingest.parse_file(FEEDS / "wordpress_valley.rss")
    rules = {d.rule for d in first.dropped}
    assert "syndication-note" in rules
    assert "related-link" in rules
    assert first.markdown is not None and "appeared first" not in first.markdown
