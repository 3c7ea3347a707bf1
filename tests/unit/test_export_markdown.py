"""Markdown export: golden files, escaping, links, block ids, and re-export keeping user text."""

from __future__ import annotations

import html
import os
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.anchoring import reanchor_article
from reader.annotations import annotate, set_article_note, tag_article
from reader.errors import ExportError
from reader.export.markdown import escape_markdown, export_markdown, yaml_string
from reader.models import PARAGRAPH_SEP, ParsedArticle
from reader.store import Store

GOLDEN = Path(__file__).parents[1] / "data" / "export"
UPDATE = os.environ.get("READER_UPDATE_GOLDEN") == "1"
NOW = datetime(2025, 3, 4, 8, 15, tzinfo=UTC)

BASES = PARAGRAPH_SEP.join(
    [
        "Russia's naval base in Tartus and the #Khmeimim air base are *key* to its reach.",
        'Sergei Lavrov said: "We will talk" — 1. first, 2. later. '
        "<b>Not bold</b> & [not a link](x).",
        "- Not a list item, and > not a quote, ==not highlighted== and $not math$.",
    ]
)
TALKS = PARAGRAPH_SEP.join(
    [
        "Talks in Damascus continued on Friday with a Russian delegation.",
        "The delegation visited the port of Tartus.",
    ]
)


def save(store: Store, text: str, **meta: object) -> int:
    fields: dict[str, object] = {"format": "text", "raw_text": text, **meta}
    parsed = ParsedArticle(body=tuple(text.split(PARAGRAPH_SEP)), **fields)  # type: ignore[arg-type]
    return store.save_article(parsed)[0]


def add_entity(store: Store, article_id: int, key: str, name: str, text: str, at: int) -> int:
    with store.transaction():
        row = store.query_one("SELECT id FROM entities WHERE key = ?", (key,))
        if row is None:
            cur = store.execute(
                "INSERT INTO entities(key, name, type, created_at) VALUES (?, ?, 'PLACE', ?)",
                (key, name, store.now_iso()),
            )
            entity_id = int(cur.lastrowid or 0)
        else:
            entity_id = int(row["id"])
        store.execute(
            'INSERT INTO mentions(article_id, entity_id, start, "end", text, type) '
            "VALUES (?, ?, ?, ?, ?, 'PLACE')",
            (article_id, entity_id, at, at + len(text), text),
        )
    return entity_id


def build_store() -> tuple[Store, int, int]:
    store = Store.memory(clock=lambda: NOW)
    bases = save(
        store,
        BASES,
        title='Bases: *Tartus* & #Khmeimim — "why" [they] matter',
        source_key="/clips/bases.txt",
        path="/clips/bases.txt",
        published=datetime(2024, 12, 26, tzinfo=UTC),
        byline='Jane "JD" Doe',
        source="The Example Times",
    )
    talks = save(
        store,
        TALKS,
        title="Talks in Damascus",
        source_key="https://example.org/talks#entry-1",
        url="https://example.org/talks",
        published=datetime(2024, 12, 27, 14, 30, tzinfo=UTC),
        published_has_time=True,
    )
    add_entity(store, bases, "tartus", "Tartus", "Tartus", BASES.index("Tartus"))
    add_entity(store, bases, "khmeimim", "Khmeimim Air Base", "Khmeimim", BASES.index("Khmeimim"))
    add_entity(store, talks, "damascus", "Damascus", "Damascus", TALKS.index("Damascus"))
    add_entity(store, talks, "tartus", "Tartus", "Tartus", TALKS.index("Tartus"))
    tag_article(store, bases, "syria/bases", "Russia")
    set_article_note(store, bases, "Background for the *bases* story; see [[Talks in Damascus]].")
    annotate(
        store,
        bases,
        "the #Khmeimim air base are *key*",
        note="A `#hashtag` in the quote must stay text.\nSecond line: [[Tartus]] and [[Nowhere]].",
        tags=["syria/bases/khmeimim"],
    )
    annotate(store, bases, "naval base in Tartus", tags=["ports_&_bases"], color="blue")
    annotate(
        store, bases, '"We will talk" — 1. first, 2. later. <b>Not bold</b> & [not a link](x).'
    )
    annotate(
        store, bases, "- Not a list item, and > not a quote", note="1. not a list\n# not a heading"
    )
    annotate(
        store,
        talks,
        "Talks in Damascus continued",
        note='Follows [[bases: *tartus* & #khmeimim — "why" they matter]]?',
    )
    gone = annotate(store, talks, "visited the port of Tartus", note="kept when orphaned")
    new_talks = TALKS.replace("The delegation visited the port of Tartus.", "The delegation left.")
    with store.transaction():
        save(
            store,
            new_talks,
            title="Talks in Damascus",
            source_key="https://example.org/talks#entry-1",
            url="https://example.org/talks",
            published=datetime(2024, 12, 27, 14, 30, tzinfo=UTC),
            published_has_time=True,
        )
        reanchor_article(store, talks, TALKS, new_talks)
    assert store.annotation(gone.id).status == "orphaned"  # type: ignore[union-attr]
    return store, bases, talks


def test_golden_export(tmp_path: Path) -> None:
    store, _, _ = build_store()
    paths = export_markdown(store, tmp_path)
    names = sorted(p.name for p in paths)
    assert names == sorted(p.name for p in GOLDEN.glob("*.md")) or UPDATE
    for path in paths:
        golden = GOLDEN / path.name
        if UPDATE:
            golden.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        assert path.read_text(encoding="utf-8") == golden.read_text(encoding="utf-8"), path.name


def test_export_is_idempotent_and_keeps_user_text(tmp_path: Path) -> None:
    store, bases, _ = build_store()
    first = {p.name: p.read_text(encoding="utf-8") for p in export_markdown(store, tmp_path)}
    note = next(tmp_path.glob("2024-12-26-*.md"))
    text = note.read_text(encoding="utf-8")
    text = text.replace("---\n", '---\naliases: ["my alias"]\n', 1)  # user's own front matter
    text = text.replace(
        "\n<!-- reader:begin", "\nMy line before the region.\n\n<!-- reader:begin", 1
    )
    text += "\nMy own conclusion, written by hand.\n"
    note.write_text(text, encoding="utf-8")
    annotate(store, bases, "air base", note="added later")
    export_markdown(store, tmp_path)
    export_markdown(store, tmp_path)
    after = note.read_text(encoding="utf-8")
    assert after.count("My own conclusion, written by hand.") == 1
    assert after.count("My line before the region.") == 1
    assert after.count('aliases: ["my alias"]') == 1
    assert after.count("added later") == 1
    assert after.count("<!-- reader:begin") == 1 and after.count("<!-- reader:end -->") == 1
    assert after.startswith("---\ntitle: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(first)


def test_a_broken_region_is_left_alone(tmp_path: Path) -> None:
    store, _, _ = build_store()
    export_markdown(store, tmp_path)
    note = next(tmp_path.glob("2024-12-26-*.md"))
    broken = note.read_text(encoding="utf-8").replace("<!-- reader:end -->", "")
    note.write_text(broken, encoding="utf-8")
    with pytest.raises(ExportError, match="end marker"):
        export_markdown(store, tmp_path)
    assert note.read_text(encoding="utf-8") == broken


def test_filters_select_articles(tmp_path: Path) -> None:
    store, bases, talks = build_store()
    by_tag = export_markdown(store, tmp_path / "tag", tag="SYRIA")
    assert [p.name for p in by_tag][-1] == "_index-tag-syria.md"
    assert len(by_tag) == 2
    by_entity = export_markdown(store, tmp_path / "entity", entity="damascus")
    assert len(by_entity) == 2 and by_entity[0].name.startswith("2024-12-27-talks")
    one = export_markdown(store, tmp_path / "one", article_ids=[talks])
    assert [p.name for p in one] == ["2024-12-27-talks-in-damascus.md", "_index-article-2.md"]
    assert bases != talks


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered_text(markdown: str) -> tuple[str, list[str]]:
    parser = _Text()
    parser.feed(MarkdownIt("commonmark").render(markdown))
    return " ".join("".join(parser.parts).split()), parser.tags


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab #*_-+=>[]()!`\\<&;.:1|~^$%\n\t{}\"'")), max_size=60)
)
def test_escaped_text_renders_exactly_as_written(text: str) -> None:
    """CommonMark renders the escaped text as the same words: no markup of any kind."""
    shown, tags = rendered_text(escape_markdown(text))
    assert shown == " ".join(html.unescape(text).split()) or shown == " ".join(text.split())
    assert set(tags) <= {"p"}


@given(st.text(max_size=40))
def test_yaml_strings_are_json_compatible(text: str) -> None:
    import json

    assert json.loads(yaml_string(text)) == text
    assert "\n" not in yaml_string(text)


def test_hashtag_in_a_quote_is_not_a_tag(tmp_path: Path) -> None:
    store, _, _ = build_store()
    export_markdown(store, tmp_path)
    note = next(tmp_path.glob("2024-12-26-*.md")).read_text(encoding="utf-8")
    assert re.search(r"(?<!\\)#Khmeimim", note.split("---", 2)[2]) is None
    assert "\\#Khmeimim" in note
