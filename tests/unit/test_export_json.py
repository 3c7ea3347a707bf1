"""W3C Web Annotation JSON-LD: required fields, lossless round trip, idempotent import."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from reader.anchoring import reanchor_article
from reader.annotations import (
    annotate,
    backlinks,
    list_annotations,
    list_tags,
    set_article_note,
    tag_article,
    update_annotation,
)
from reader.errors import AnnotationError
from reader.export.jsonld import (
    ANNO_CONTEXT,
    export_json,
    import_annotations,
    read_json,
    write_json,
)
from reader.models import PARAGRAPH_SEP, ParsedArticle
from reader.store import Store

GOLD = Path(__file__).parents[1] / "data" / "gold"
TEXTS = [
    PARAGRAPH_SEP.join(json.loads(path.read_text(encoding="utf-8"))["body"])
    for path in sorted(GOLD.glob("0*.json"))[:3]
]
TITLES = ["Russia seeks ties", "Новый лидер Сирии", "Syria's FM visits Moscow"]


def ticking_clock() -> Callable[[], datetime]:
    ticks = count()
    start = datetime(2025, 1, 1, tzinfo=UTC)
    return lambda: start + timedelta(minutes=next(ticks))


def save(store: Store, n: int, text: str | None = None) -> int:
    body = TEXTS[n] if text is None else text
    parsed = ParsedArticle(
        title=TITLES[n],
        body=tuple(body.split(PARAGRAPH_SEP)),
        source_key=f"/seeds/{n}.txt",
        format="text",
        raw_text=body,
        path=f"/seeds/{n}.txt",
        url=f"https://example.org/{n}" if n != 1 else None,
        published=datetime(2024, 12, 20 + n, tzinfo=UTC),
        byline="A. Writer" if n == 2 else None,
        source="Example News",
    )
    return store.save_article(parsed)[0]


def roundtrip(data: dict) -> dict:
    """What a file holds: JSON text parsed back."""
    return json.loads(json.dumps(data, ensure_ascii=False))


SEGMENTS = ["syria", "Syria", "bases", "BASES", "Сирия", "сирия", "ÄÖ", "äö", "tartus port", "日本"]
tag_strategy = st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=3).map("/".join)
note_strategy = st.one_of(
    st.just(""),
    st.text(max_size=60),
    st.tuples(st.text(max_size=20), st.sampled_from([*TITLES, "Nowhere", "russia SEEKS ties"])).map(
        lambda pair: f"{pair[0]} [[{pair[1]}]]"
    ),
)
annotation_strategy = st.tuples(
    st.integers(0, 2),  # article
    st.floats(0, 0.95),  # start, as a fraction of the text
    st.integers(1, 120),  # length
    note_strategy,
    st.lists(tag_strategy, max_size=3),
    st.sampled_from(["yellow", "green", "#ff00aa"]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    passages=st.lists(annotation_strategy, max_size=8),
    article_notes=st.lists(
        st.tuples(st.integers(0, 2), note_strategy, st.lists(tag_strategy, max_size=2)), max_size=3
    ),
    corrections=st.lists(
        st.tuples(st.sampled_from(["merge", "rename"]), st.text(max_size=20)), max_size=2
    ),
    edit_article=st.booleans(),
)
def test_export_import_export_is_lossless(
    passages, article_notes, corrections, edit_article
) -> None:
    source = Store.memory(clock=ticking_clock())
    ids = [save(source, n) for n in range(3)]
    for n, fraction, length, note, tags, color in passages:
        text = TEXTS[n]
        start = int(fraction * (len(text) - 1))
        end = min(len(text), start + length)
        annotate(source, ids[n], start=start, end=end, note=note, tags=tags, color=color)
    for n, note, tags in article_notes:
        if tags:
            tag_article(source, ids[n], *tags)
        set_article_note(source, ids[n], note)
    with source.transaction():
        for op, payload in corrections:
            source.execute(
                "INSERT INTO entity_corrections(op, payload, created_at) VALUES (?, ?, ?)",
                (op, json.dumps({"value": payload}), source.now_iso()),
            )
    if edit_article:  # some passages move, some may be orphaned
        new_text = TEXTS[0][:40] + " (updated)" + TEXTS[0][900:]
        with source.transaction():
            save(source, 0, new_text)
            reanchor_article(source, ids[0], TEXTS[0], new_text)

    exported = roundtrip(export_json(source))
    for item in exported["items"]:
        event(f"status {item.get('reader:status', 'article-level')}")
        event(f"links {sorted(str(link['kind']) for link in item.get('reader:links', []))}")
    target = Store.memory(clock=ticking_clock())
    imported = import_annotations(target, exported, analyse=False)
    assert imported == exported["total"]
    assert roundtrip(export_json(target)) == exported
    assert import_annotations(target, exported, analyse=False) == 0
    assert roundtrip(export_json(target)) == exported
    assert {t.name: t.count for t in list_tags(target)} == {
        t.name: t.count for t in list_tags(source)
    }


@pytest.fixture
def store() -> Store:
    s = Store.memory(clock=ticking_clock())
    a, b = save(s, 0), save(s, 1)
    annotate(
        s,
        a,
        "long-term and strategic",
        occurrence=2,
        note="See [[Новый лидер Сирии]]",
        tags=["x/y"],
    )
    tag_article(s, b, "syria")
    return s


def test_collection_has_the_web_annotation_required_fields(store: Store) -> None:
    data = roundtrip(export_json(store))
    assert data["@context"] == ANNO_CONTEXT
    assert data["type"] == "AnnotationCollection" and data["id"]
    assert data["total"] == len(data["items"]) == 2
    for item in data["items"]:
        assert item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:")
        assert item["motivation"] in {"commenting", "highlighting", "tagging"}
        assert item["target"]["source"]
        for body in item.get("body", []):
            assert body["type"] == "TextualBody" and body["purpose"] in {"commenting", "tagging"}
    passage = next(i for i in data["items"] if "selector" in i["target"])
    selectors = {s["type"]: s for s in passage["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == "long-term and strategic"
    quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
    assert TEXTS[0][position["start"] : position["end"]] == quote["exact"]
    assert TEXTS[0][: position["start"]].endswith(quote["prefix"])
    assert TEXTS[0][position["end"] :].startswith(quote["suffix"])
    assert passage["target"]["source"] == "https://example.org/0"
    article_level = next(i for i in data["items"] if "selector" not in i["target"])
    assert article_level["target"]["source"] == "file:///seeds/1.txt"


def test_import_re_anchors_against_the_stores_own_text(store: Store) -> None:
    data = roundtrip(export_json(store))
    other = Store.memory(clock=ticking_clock())
    changed = "Breaking: a new first paragraph." + PARAGRAPH_SEP + TEXTS[0]
    article_id = save(other, 0, changed)
    assert import_annotations(other, data, analyse=False) == 2
    (passage,) = [a for a in list_annotations(other, article_id=article_id) if a.is_passage]
    assert passage.status == "moved"
    assert changed[passage.start : passage.end] == "long-term and strategic"
    assert passage.start == TEXTS[0].index("long-term and strategic", 100) + len(
        "Breaking: a new first paragraph." + PARAGRAPH_SEP
    )


def test_import_matches_articles_by_url_then_text(store: Store) -> None:
    data = roundtrip(export_json(store))
    other = Store.memory(clock=ticking_clock())
    parsed = ParsedArticle(
        title="Elsewhere",
        body=tuple(TEXTS[0].split(PARAGRAPH_SEP)),
        source_key="https://example.org/0#feed",
        format="feed",
        raw_text=TEXTS[0],
        url="https://example.org/0",
    )
    by_url = other.save_article(parsed)[0]
    parsed_b = ParsedArticle(
        title="Same text",
        body=tuple(TEXTS[1].split(PARAGRAPH_SEP)),
        source_key="copy.txt",
        format="text",
        raw_text=TEXTS[1],
    )
    by_text = other.save_article(parsed_b)[0]
    import_annotations(other, data, analyse=False)
    assert other.article_ids() == [by_url, by_text]
    assert [a.article_id for a in list_annotations(other)] == [by_url, by_text]


def test_a_newer_copy_updates_and_an_older_one_does_not(store: Store) -> None:
    data = roundtrip(export_json(store))
    other = Store.memory(clock=ticking_clock())
    import_annotations(other, data, analyse=False)
    (passage,) = [a for a in list_annotations(store) if a.is_passage]
    update_annotation(store, passage.id, note="changed later", tags=["z"])
    newer = roundtrip(export_json(store))
    assert import_annotations(other, newer, analyse=False) == 1
    assert import_annotations(other, data, analyse=False) == 0
    (copied,) = [a for a in list_annotations(other) if a.is_passage]
    assert (copied.note, copied.tags) == ("changed later", ("z",))


def test_article_notes_merge_without_loss(store: Store) -> None:
    other = Store.memory(clock=ticking_clock())
    article_id = save(other, 1)
    set_article_note(other, article_id, "Mine.")
    tag_article(other, article_id, "Local")
    data = roundtrip(export_json(store))
    import_annotations(other, data, analyse=False)
    import_annotations(other, data, analyse=False)
    own = [a for a in list_annotations(other, article_id=article_id) if not a.is_passage]
    assert len(own) == 1
    assert own[0].note == "Mine." and own[0].tags == ("Local", "syria")


def test_entity_links_resolve_in_the_new_store(store: Store) -> None:
    def add_lavrov(s: Store) -> int:
        with s.transaction():
            cur = s.execute(
                "INSERT INTO entities(key, name, type, created_at) "
                "VALUES ('sergei_lavrov', 'Sergei Lavrov', 'PERSON', ?)",
                (s.now_iso(),),
            )
        return int(cur.lastrowid or 0)

    add_lavrov(store)
    annotate(store, 1, "Sergei Lavrov", note="[[sergei lavrov]]")
    data = roundtrip(export_json(store))
    links = [link for item in data["items"] for link in item.get("reader:links", [])]
    assert {"target": "sergei lavrov", "kind": "entity", "ref": "sergei_lavrov"} in links
    other = Store.memory(clock=ticking_clock())
    other.execute("SELECT 1")
    lavrov = add_lavrov(other)
    imported_with_analysis: list[int] = []
    import_annotations(other, data, analyser=lambda s, i: imported_with_analysis.append(i))
    assert imported_with_analysis == other.article_ids()
    assert len(backlinks(other, entity_id=lavrov)) == 1
    assert roundtrip(export_json(other)) == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected an object"),
        ({"@context": "x", "items": []}, "@context"),
        ({"@context": ANNO_CONTEXT}, "items"),
        (
            {"@context": ANNO_CONTEXT, "items": [{"id": "urn:uuid:1", "target": "nowhere"}]},
            "annotation 1",
        ),
        (
            {
                "@context": ANNO_CONTEXT,
                "items": [],
                "reader:articles": [{"title": "no source key"}],
            },
            "source_key",
        ),
    ],
)
def test_bad_files_change_nothing(store: Store, data: object, message: str) -> None:
    before = roundtrip(export_json(store))
    with pytest.raises(AnnotationError, match=message):
        import_annotations(store, data, analyse=False)
    assert roundtrip(export_json(store)) == before


def test_files_are_written_atomically_and_read_back(store: Store, tmp_path: Path) -> None:
    path = write_json(tmp_path / "notes.jsonld", export_json(store))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.jsonld"]
    assert read_json(path) == roundtrip(export_json(store))
    (tmp_path / "bad.json").write_text("{nope", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"bad\.json: not a JSON file"):
        read_json(tmp_path / "bad.json")
