"""The extractor on news sentences of our own (tests/data/analysis/*.json), pattern by pattern."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reader.analysis import KnownNames, analyse
from reader.analysis.names import acronym, core_words, fold, norm, slug

DATA = Path(__file__).parents[1] / "data" / "analysis"


def _cases(name: str) -> list[dict[str, Any]]:
    return json.loads((DATA / name).read_text("utf-8"))


@pytest.mark.parametrize("case", _cases("entities.json"), ids=lambda c: c["text"][:40])
def test_entities(case: dict[str, Any]) -> None:
    result = analyse(case["text"])
    mentions = sorted((*result.entities, *result.nationalities), key=lambda m: m.start)
    assert [[m.text, m.type] for m in mentions] == case["expect"]
    for m in mentions:
        assert case["text"][m.start : m.end] == m.text


@pytest.mark.parametrize("case", _cases("dates.json"), ids=lambda c: c["text"][:40])
def test_dates(case: dict[str, Any]) -> None:
    published = datetime.fromisoformat(case["published"]).replace(tzinfo=UTC)
    result = analyse(case["text"], published)
    assert [[d.text, d.value, d.kind] for d in result.dates] == case["expect"]
    for d in result.dates:
        assert case["text"][d.start : d.end] == d.text


@pytest.mark.parametrize("case", _cases("quotes.json"), ids=lambda c: c["text"][:40])
def test_quotes(case: dict[str, Any]) -> None:
    result = analyse(case["text"])
    names = {m.key: m.name for m in result.entities}
    got = [[q.text, names.get(q.speaker_key or ""), q.partial] for q in result.quotes]
    assert got == case["expect"]
    for q in result.quotes:
        assert case["text"][q.start : q.end] == q.text


def test_titles_possessives_hyphens_and_determiners_stay_out_of_spans() -> None:
    text = (
        "Interim President Ana Morales spoke. "
        "Morales’s allies rejected the post-Morales plan, the Kremlin said."
    )
    spans = [(m.text, m.type) for m in analyse(text).entities]
    assert spans == [
        ("Ana Morales", "PERSON"),
        ("Morales", "PERSON"),
        ("Morales", "PERSON"),
        ("Kremlin", "ORG"),
    ]


def test_surname_is_the_person_named_in_full_earlier() -> None:
    result = analyse("Opposition leader Tarek Haddad was arrested. Haddad denied the charges.")
    keys = {m.text: m.key for m in result.entities}
    assert keys["Haddad"] == keys["Tarek Haddad"]


def test_known_names_are_recognised_in_other_texts() -> None:
    text = "Okonkwo later returned to the capital."
    assert analyse(text).entities == ()
    known = KnownNames.from_pairs([("Chidi Okonkwo", "PERSON", "Chidi Okonkwo")])
    (mention,) = analyse(text, known=known).entities
    assert (mention.text, mention.type, mention.name) == ("Okonkwo", "PERSON", "Chidi Okonkwo")


def test_headings_yield_only_listed_names() -> None:
    result = analyse("Future of Turkish Military Bases in Libya\n\nThe talks went on.")
    mentions = sorted((*result.entities, *result.nationalities), key=lambda m: m.start)
    assert [(m.text, m.type) for m in mentions] == [
        ("Turkish", "NORP"),
        ("Libya", "PLACE"),
    ]


def test_capital_standing_for_its_state_is_marked() -> None:
    result = analyse("Ankara says it will respond, a diplomat in Ankara said.")
    metonyms = [m.metonym_for for m in result.entities]
    assert metonyms == ["turkey", None]


def test_without_a_date_relative_values_are_approximate() -> None:
    ref = datetime(2025, 3, 14, tzinfo=UTC)
    (day,) = analyse("He spoke on Wednesday.", None, reference=ref).dates
    assert (day.value, day.approx) == ("2025-03-12", True)
    (year,) = analyse("It was built in 2017.", None, reference=ref).dates
    assert year.approx is False
    assert analyse("He spoke on Wednesday.").dates == ()


def test_vague_expressions() -> None:
    ref = datetime(2024, 5, 1, tzinfo=UTC)
    result = analyse(
        "He had previously fought for years and recently won within a matter of weeks.", ref
    )
    assert [(d.text, d.value, d.vague) for d in result.dates] == [
        ("previously", "PAST_REF", True),
        ("years", "PXY", True),
        ("recently", "PAST_REF", True),
        ("a matter of weeks", "PXW", True),
    ]


def test_name_normalisation() -> None:
    assert norm("Hayat Tahrir-al-Sham") == norm("Hayat Tahrir al-Sham")
    assert core_words("Bashar al-Assad") == core_words("Bashar Assad")
    assert fold("sergey") == fold("sergei") and fold("yury") == fold("yuri")
    assert acronym("Syrian Democratic Forces") == "SDF"
    assert slug("Ahmed al-Sharaa") == "ahmed_al_sharaa"
