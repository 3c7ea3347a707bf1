"""Linking across articles, user corrections, related articles, and the commands."""

from __future__ import annotations

import importlib
import sys
import types
from datetime import UTC, datetime
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reader.analysis import (
    add_entity,
    analyse_article,
    article_analysis_dict,
    ignore_entity,
    merge_entities,
    reanalyse,
    rename_entity,
    set_entity_type,
    split_alias,
)
from reader.models import ParsedArticle
from reader.store import Store

CLOCK = datetime(2025, 6, 1, tzinfo=UTC)


def _store() -> Store:
    return Store.memory(clock=lambda: CLOCK)


def _add(store: Store, key: str, *paragraphs: str, published: datetime | None = CLOCK) -> int:
    parsed = ParsedArticle(
        title=key,
        body=paragraphs,
        source_key=key,
        format="text",
        raw_text="\n".join(paragraphs),
        published=published,
    )
    article_id, _, _ = store.save_article(parsed)
    with store.transaction():
        analyse_article(store, article_id)
    return article_id


def _entity_of(store: Store, article_id: int, text: str) -> str | None:
    for m in store.article_mentions(article_id):
        if m.text == text:
            return m.entity_key
    return None


def test_spelling_variants_link_to_one_entity() -> None:
    store = _store()
    a = _add(store, "a", "Foreign Minister Sergei Lavrov said Moscow was ready.")
    b = _add(store, "b", "Russian Foreign Minister Sergey Lavrov met his counterpart.")
    c = _add(store, "c", "Lavrov said the talks went well.")
    d = _add(store, "d", "The Islamist group Hayat Tahrir al-Sham (HTS) took the city.")
    e = _add(store, "e", "Fighters from HTS entered the town.", "Hayat Tahrir-al-Sham denied it.")
    key = _entity_of(store, a, "Sergei Lavrov")
    assert _entity_of(store, b, "Sergey Lavrov") == key
    assert _entity_of(store, c, "Lavrov") == key
    assert _entity_of(store, e, "HTS") == _entity_of(store, d, "Hayat Tahrir al-Sham")
    assert _entity_of(store, e, "Hayat Tahrir-al-Sham") == _entity_of(store, d, "HTS")
    assert key == "sergei_lavrov"


def test_two_people_sharing_a_surname_are_not_merged() -> None:
    store = _store()
    a = _add(store, "a", "President Bashar al-Assad spoke. Assad said the war was over.")
    b = _add(
        store,
        "b",
        "His brother Maher al-Assad commanded the division. Maher al-Assad said nothing.",
    )
    c = _add(store, "c", "Rifaat al-Assad returned from exile.")
    keys = {_entity_of(store, a, "Bashar al-Assad"), _entity_of(store, b, "Maher al-Assad")}
    keys.add(_entity_of(store, c, "Rifaat al-Assad"))
    assert len(keys) == 3 and None not in keys
    assert _entity_of(store, a, "Assad") == _entity_of(store, a, "Bashar al-Assad")


def test_corrections_apply_everywhere_and_survive_reanalysis_and_reimport() -> None:
    store = _store()
    a = _add(store, "a", "Abu Mohammad al-Jolani led the group.")
    b = _add(store, "b", "Interim President Ahmed al-Sharaa visited Riyadh.")
    merge_entities(store, "ahmed_al_sharaa", "Abu Mohammad al-Jolani")
    assert _entity_of(store, a, "Abu Mohammad al-Jolani") == "ahmed_al_sharaa"
    rename_entity(store, "ahmed_al_sharaa", "Ahmed Hussein al-Sharaa")
    add_entity(store, "Zarqa Brigade", "ORG", aliases=["the Brigade"])
    c = _add(store, "c", "Members of Zarqa Brigade clashed with police.")
    assert _entity_of(store, c, "Zarqa Brigade") == "zarqa_brigade"
    set_entity_type(store, "riyadh", "ORG")
    ignore_entity(store, "zarqa_brigade")
    assert _entity_of(store, c, "Zarqa Brigade") is None
    for _ in range(2):
        reanalyse(store)
        # Re-import of the same source with changed text runs the analysis again.
        _add(store, "a", "Abu Mohammad al-Jolani led the group, reports said.")
        assert _entity_of(store, a, "Abu Mohammad al-Jolani") == "ahmed_al_sharaa"
        assert store.get_entity("ahmed_al_sharaa").name == "Ahmed Hussein al-Sharaa"
        assert [m.type for m in store.article_mentions(b) if m.text == "Riyadh"] == ["ORG"]
        assert _entity_of(store, c, "Zarqa Brigade") is None
        assert store.get_entity("zarqa_brigade").ignored


def test_split_alias_sends_mentions_elsewhere_for_good() -> None:
    store = _store()
    a = _add(store, "a", "General Khalid Nasser spoke.", "Nasser said the army was ready.")
    b = _add(store, "b", "Nasser, the singer, cancelled the show.")
    assert _entity_of(store, b, "Nasser") == "khalid_nasser"
    split_alias(store, "khalid_nasser", "Nasser")
    assert _entity_of(store, b, "Nasser") != "khalid_nasser"
    reanalyse(store)
    assert _entity_of(store, b, "Nasser") != "khalid_nasser"
    assert _entity_of(store, a, "Khalid Nasser") == "khalid_nasser"


def test_related_articles_weigh_rare_entities_more() -> None:
    store = _store()
    base = _add(
        store, "base", "Russia and Syria discussed the Tartus port with Governor Omar Haddad."
    )
    common = _add(store, "common", "Russia and Syria signed a grain deal.")
    rare = _add(store, "rare", "Governor Omar Haddad inspected the port.")
    for i in range(4):
        _add(store, f"filler{i}", f"Russia and Syria held talks, round {i + 1}.")
    ranked = store.related_articles(base)
    order = [summary.id for summary, _score, _names in ranked]
    assert order[0] == rare
    assert common in order
    first_names = ranked[0][2]
    assert first_names[0] == "Omar Haddad"


def test_article_analysis_dict_uses_paragraph_offsets_and_keys() -> None:
    store = _store()
    article_id = _add(
        store,
        "a",
        "Syrian Foreign Minister Asaad al-Shibani arrived on Thursday.",
        "“We want peace,” al-Shibani said.",
    )
    data = article_analysis_dict(store, store.get_article(article_id))
    body = store.get_article(article_id).body
    for section in ("entities", "nationalities", "dates", "quotes"):
        for item in data[section]:
            assert body[item["para"]][item["start"] : item["end"]] == item["text"]
    assert data["quotes"][0]["speaker"] == "asaad_al_shibani"
    assert data["dates"][0]["value"] == "2025-05-29"
    assert data["nationalities"][0]["entity"] == "syrian"


def test_article_without_date_resolves_against_a_guess_marked_approx() -> None:
    store = _store()
    article_id = _add(store, "a", "The envoy arrived on Monday.", published=None)
    (date,) = store.article_dates(article_id)
    assert date.approx and date.value == "2025-05-26"


@pytest.fixture
def cli(tmp_path: Path) -> click.Group:
    if "reader.cli" not in sys.modules:
        try:
            importlib.import_module("reader.cli")
        except ImportError:
            package = types.ModuleType("reader.cli")
            package.__path__ = [str(Path(__file__).parents[2] / "reader" / "cli")]
            sys.modules["reader.cli"] = package
    from reader.cli import analysis_cmds

    @click.group()
    @click.pass_context
    def group(ctx: click.Context) -> None:
        ctx.ensure_object(dict)
        ctx.obj["home"] = tmp_path

    analysis_cmds.register(group)
    return group


def test_analyse_command_prints_offsets_into_the_input(cli: click.Group) -> None:
    text = "Ünal said: “Ankara will wait.” It happened on 3 March 2021."
    result = CliRunner().invoke(
        cli, ["analyse", "-", "--json", "--published", "2021-03-10"], input=text
    )
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.output)
    for section in ("entities", "dates", "quotes"):
        for item in data[section]:
            assert text[item["start"] : item["end"]] == item["text"]
    assert data["dates"][0]["value"] == "2021-03-03"


def test_correction_commands_and_errors(cli: click.Group, tmp_path: Path) -> None:
    from reader.app_context import open_store

    store = open_store(tmp_path)
    _add(store, "a", "Abu Mohammad al-Jolani spoke.", "Ahmed al-Sharaa spoke too.")
    store.close()
    runner = CliRunner()
    assert runner.invoke(cli, ["merge", "ahmed_al_sharaa", "Abu Mohammad al-Jolani"]).exit_code == 0
    listing = runner.invoke(cli, ["entities", "--type", "PERSON"])
    assert "Ahmed al-Sharaa" in listing.output and "Jolani" not in listing.output
    shown = runner.invoke(cli, ["entity", "Abu Mohammad al-Jolani", "--json"])
    assert '"key": "ahmed_al_sharaa"' in shown.output
    missing = runner.invoke(cli, ["entity", "Nobody Atall"])
    assert missing.exit_code == 1 and "no entity" in missing.output
    assert runner.invoke(cli, ["reanalyse"]).exit_code == 0


def test_spacy_backend_maps_labels() -> None:
    pytest.importorskip("spacy")
    from reader.analysis.backends.spacy_backend import spacy_extractor

    try:
        extract = spacy_extractor()
    except Exception as exc:  # the model may be missing even when spaCy is installed
        pytest.skip(str(exc))
    entities, _ = extract("President Vladimir Putin visited Paris.", None)
    assert {m.type for m in entities} <= {"PERSON", "ORG", "PLACE"}
