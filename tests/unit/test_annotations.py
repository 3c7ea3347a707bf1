"""The annotation core: passages, article notes and tags, nested tags, links, search, undo."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reader.annotations import (
    annotate,
    article_note,
    article_tags,
    backlinks,
    delete_annotation,
    get_annotation,
    list_annotations,
    list_tags,
    normalize_tag,
    parse_links,
    reattach,
    reattach_quote,
    refresh_links,
    rename_tag,
    restore_annotation,
    set_article_note,
    tag_annotation,
    tag_article,
    unresolved_links,
    untag_annotation,
    untag_article,
    update_annotation,
)
from reader.errors import AnnotationError, NotFoundError
from reader.models import PARAGRAPH_SEP, ParsedArticle
from reader.store import Store

NOW = datetime(2025, 2, 1, 9, 30, tzinfo=UTC)

TARTUS = PARAGRAPH_SEP.join(
    [
        "Russia is negotiating the future of its naval base in Tartus with the new government.",
        "Sergei Lavrov said the talks were constructive. Lavrov added that the base would stay.",
        "The naval base in Tartus is Russia's only Mediterranean repair facility.",
    ]
)
KHMEIMIM = "Khmeimim air base remains busy, satellite images show.\n\nFlights continued overnight."


def article(store: Store, text: str, key: str, title: str) -> int:
    parsed = ParsedArticle(
        title=title,
        body=tuple(text.split(PARAGRAPH_SEP)),
        source_key=key,
        format="text",
        raw_text=text,
    )
    return store.save_article(parsed)[0]


def add_entity(store: Store, key: str, name: str, aliases: tuple[str, ...] = ()) -> int:
    with store.transaction():
        cur = store.execute(
            "INSERT INTO entities(key, name, type, created_at) VALUES (?, ?, 'PERSON', ?)",
            (key, name, store.now_iso()),
        )
        entity_id = int(cur.lastrowid or 0)
        for alias in aliases:
            store.execute(
                "INSERT INTO entity_aliases(entity_id, alias, norm) VALUES (?, ?, ?)",
                (entity_id, alias, alias.lower()),
            )
    return entity_id


def add_mention(store: Store, article_id: int, entity_id: int, start: int, text: str) -> None:
    with store.transaction():
        store.execute(
            'INSERT INTO mentions(article_id, entity_id, start, "end", text, type) '
            "VALUES (?, ?, ?, ?, ?, 'PERSON')",
            (article_id, entity_id, start, start + len(text), text),
        )


@pytest.fixture
def store() -> Store:
    return Store.memory(clock=lambda: NOW)


@pytest.fixture
def tartus(store: Store) -> int:
    return article(store, TARTUS, "tartus.txt", "Talks on the Tartus base")


def test_annotate_by_quote_records_selectors_and_hash(store: Store, tartus: int) -> None:
    a = annotate(
        store, tartus, "naval base in Tartus", occurrence=2, note="  why? ", tags=["Syria"]
    )
    start = TARTUS.rindex("naval base in Tartus")
    assert (a.start, a.end, a.exact) == (start, start + 20, "naval base in Tartus")
    assert a.prefix == TARTUS[start - 32 : start] and a.suffix == TARTUS[a.end : a.end + 32]
    assert a.content_hash == store.get_article(tartus).content_hash
    assert (a.note, a.tags, a.status, a.color) == ("why?", ("Syria",), "anchored", "yellow")
    assert a.created == a.modified == NOW and len(a.uuid) == 36


def test_annotate_by_offsets_and_errors(store: Store, tartus: int) -> None:
    a = annotate(store, tartus, start=0, end=6)
    assert a.exact == "Russia"
    with pytest.raises(AnnotationError, match="not found"):
        annotate(store, tartus, "submarine pens")
    with pytest.raises(AnnotationError, match="occurrence 3"):
        annotate(store, tartus, "naval base in Tartus", occurrence=3)
    with pytest.raises(AnnotationError, match="outside"):
        annotate(store, tartus, start=5, end=10_000)
    with pytest.raises(AnnotationError):
        annotate(store, tartus)
    with pytest.raises(AnnotationError, match="colour"):
        annotate(store, tartus, "Russia", color="red;drop")
    with pytest.raises(NotFoundError):
        annotate(store, 999, "Russia")


def test_overlapping_annotations_keep_their_own_notes(store: Store, tartus: int) -> None:
    a = annotate(store, tartus, "negotiating the future", note="first")
    b = annotate(store, tartus, "the future of its naval base", note="second")
    assert a.end > b.start
    assert [x.note for x in list_annotations(store, article_id=tartus)] == ["first", "second"]


def test_list_is_in_text_order_with_the_article_note_first(store: Store, tartus: int) -> None:
    late = annotate(store, tartus, "repair facility")
    early = annotate(store, tartus, "Sergei Lavrov")
    set_article_note(store, tartus, "Overall: a bargaining chip.")
    listed = list_annotations(store, article_id=tartus)
    assert [x.exact for x in listed] == [None, "Sergei Lavrov", "repair facility"]
    assert {x.id for x in listed} >= {late.id, early.id}


def test_tags_are_case_insensitive_and_nested(store: Store, tartus: int) -> None:
    a = annotate(store, tartus, "Sergei Lavrov", tags=["Syria/Bases", "#russia"])
    b = annotate(store, tartus, "repair facility", tags=["syria/BASES", "Syria/ports"])
    assert b.tags == ("Syria/Bases", "Syria/ports")
    assert [t.name for t in list_tags(store)] == ["russia", "Syria/Bases", "Syria/ports"]
    assert {t.name: t.count for t in list_tags(store)} == {
        "russia": 1,
        "Syria/Bases": 2,
        "Syria/ports": 1,
    }
    assert [x.id for x in list_annotations(store, tag="SYRIA")] == [a.id, b.id]
    assert [x.id for x in list_annotations(store, tag="syria/ports")] == [b.id]
    assert list_annotations(store, tag="syr") == []


def test_unicode_tags_fold_case_beyond_ascii(store: Store, tartus: int) -> None:
    annotate(store, tartus, "Sergei Lavrov", tags=["Сирия/базы"])
    b = annotate(store, tartus, "repair facility", tags=["СИРИЯ/Порты"])
    assert b.tags == ("Сирия/Порты",)
    assert len(list_annotations(store, tag="сирия")) == 2


def test_rename_merges_into_an_existing_tag_losing_nothing(store: Store, tartus: int) -> None:
    a = annotate(store, tartus, "Sergei Lavrov", tags=["syria", "syria/bases"])
    b = annotate(store, tartus, "repair facility", tags=["levant/syria"])
    tag_article(store, tartus, "syria/bases/tartus")
    changed = rename_tag(store, "Syria", "Levant/Syria")
    assert changed == 2
    assert get_annotation(store, a.id).tags == ("levant/syria", "levant/syria/bases")
    assert get_annotation(store, b.id).tags == ("levant/syria",)
    assert article_tags(store, tartus) == ("levant/syria/bases/tartus",)
    assert {t.name: t.count for t in list_tags(store)} == {
        "levant/syria": 2,
        "levant/syria/bases": 1,
        "levant/syria/bases/tartus": 1,
    }
    with pytest.raises(NotFoundError):
        rename_tag(store, "syria", "x")


def test_rename_changes_case_only(store: Store, tartus: int) -> None:
    a = annotate(store, tartus, "Sergei Lavrov", tags=["russia"])
    rename_tag(store, "RUSSIA", "Russia")
    assert get_annotation(store, a.id).tags == ("Russia",)


def test_article_tags_and_note_live_in_one_annotation(store: Store, tartus: int) -> None:
    assert tag_article(store, tartus, "syria", "Bases") == ("Bases", "syria")
    tag_article(store, tartus, "SYRIA", "ports")
    set_article_note(store, tartus, "Key piece.")
    own = [a for a in list_annotations(store, article_id=tartus) if not a.is_passage]
    assert len(own) == 1 and own[0].note == "Key piece."
    assert article_note(store, tartus) == "Key piece."
    assert untag_article(store, tartus, "bases", "PORTS") == ("syria",)
    untag_article(store, tartus, "syria")
    set_article_note(store, tartus, "")
    assert list_annotations(store, article_id=tartus) == []
    assert list_tags(store) == []


def test_update_tag_untag_and_reattach_an_annotation(store: Store, tartus: int) -> None:
    a = annotate(store, tartus, "Sergei Lavrov", tags=["a"])
    assert tag_annotation(store, a.id, "b", "A").tags == ("a", "b")
    assert untag_annotation(store, a.id, "A").tags == ("b",)
    updated = update_annotation(store, a.id, note="new", color="green", tags=["c"])
    assert (updated.note, updated.color, updated.tags) == ("new", "green", ("c",))
    moved = reattach(store, a.id, 0, 6)
    assert (moved.exact, moved.status) == ("Russia", "anchored")
    again = reattach_quote(store, a.id, "Lavrov", occurrence=2)
    assert again.start == TARTUS.index("Lavrov added")


def test_delete_and_restore_keep_id_uuid_tags_note_and_links(store: Store, tartus: int) -> None:
    khmeimim = article(store, KHMEIMIM, "k.txt", "Khmeimim still busy")
    a = annotate(store, tartus, "Sergei Lavrov", note="see [[Khmeimim still busy]]", tags=["x/y"])
    gone = delete_annotation(store, a.id)
    assert list_annotations(store) == [] and list_tags(store) == []
    assert backlinks(store, article_id=khmeimim) == []
    back = restore_annotation(store, gone)
    assert back == a
    assert [x.id for x in backlinks(store, article_id=khmeimim)] == [a.id]
    with pytest.raises(AnnotationError):
        restore_annotation(store, gone)


def test_links_resolve_to_articles_and_entities_and_keep_unresolved(
    store: Store, tartus: int
) -> None:
    khmeimim = article(store, KHMEIMIM, "k.txt", "Khmeimim still busy")
    lavrov = add_entity(
        store, "sergei_lavrov", "Sergei Lavrov", aliases=("Lavrov", "Sergey Lavrov")
    )
    a = annotate(
        store,
        tartus,
        "the talks were constructive",
        note="Compare [[khmeimim  STILL busy]] and [[Sergey Lavrov|the minister]]; [[Hmeimim]]?",
    )
    assert [x.id for x in backlinks(store, article_id=khmeimim)] == [a.id]
    assert [x.id for x in backlinks(store, entity_id=lavrov)] == [a.id]
    assert [link.target for link in unresolved_links(store)] == ["Hmeimim"]
    later = article(store, "Hmeimim is a spelling.", "h.txt", "Hmeimim")
    assert refresh_links(store) == 1
    assert unresolved_links(store) == []
    assert [x.id for x in backlinks(store, article_id=later)] == [a.id]


def test_entity_filter_matches_mentions_inside_passages_and_links(
    store: Store, tartus: int
) -> None:
    lavrov = add_entity(store, "sergei_lavrov", "Sergei Lavrov", aliases=("Lavrov",))
    add_mention(store, tartus, lavrov, TARTUS.index("Sergei Lavrov"), "Sergei Lavrov")
    inside = annotate(store, tartus, "Sergei Lavrov said the talks")
    annotate(store, tartus, "repair facility")
    linking = annotate(store, tartus, "naval base in Tartus", note="cf. [[Lavrov]]")
    found = list_annotations(store, entity="lavrov")
    assert [x.id for x in found] == [linking.id, inside.id]  # text order
    with pytest.raises(NotFoundError):
        list_annotations(store, entity="Nobody")


def test_full_text_search_covers_quotes_and_notes(store: Store, tartus: int) -> None:
    a = annotate(store, tartus, "repair facility", note="Mentions the drydock capacity")
    hits = store.search("drydock")
    assert [(h.kind, h.annotation_id) for h in hits] == [("annotation", a.id)]
    assert [x.id for x in list_annotations(store, text="drydock")] == [a.id]
    update_annotation(store, a.id, note="nothing")
    assert store.search("drydock") == []


def test_notes_and_tags_are_stripped_of_terminal_escapes(store: Store, tartus: int) -> None:
    a = annotate(store, tartus, "Russia", note="ok\x1b]0;owned\x07 fine\x00", tags=["a\x1b[2Jb"])
    assert a.note == "ok fine" and a.tags == ("ab",)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  #Syria / Bases ", "Syria/Bases"), ("a//b", "a/b"), ("##x", "x"), ("/#a", "a")],
)
def test_normalize_tag(raw: str, expected: str) -> None:
    assert normalize_tag(raw) == expected
    assert normalize_tag(expected) == expected


@pytest.mark.parametrize("raw", ["", "  ", "#", "/", "x" * 201])
def test_bad_tags_are_refused(raw: str) -> None:
    with pytest.raises(AnnotationError):
        normalize_tag(raw)


def test_parse_links() -> None:
    assert parse_links("[[A]] [[b|label]] [[a]] [[]] [[x\ny]]") == [("A", None), ("b", "label")]
