"""The annotation commands: one line per result, JSON where asked, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reader.app_context import open_store
from reader.cli import cli
from reader.models import PARAGRAPH_SEP, ParsedArticle

TEXT = PARAGRAPH_SEP.join(
    [
        "Russia is negotiating the future of its naval base in Tartus.",
        "Lavrov said the #talks were *constructive*.",
    ]
)


def run(home: Path, *args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, ["--home", str(home), *args], obj={})


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    store = open_store(home)
    store.save_article(
        ParsedArticle(
            title="Tartus talks",
            body=tuple(TEXT.split(PARAGRAPH_SEP)),
            source_key="tartus.txt",
            format="text",
            raw_text=TEXT,
        )
    )
    store.close()
    return home


def test_annotate_list_tag_note_and_rename(home: Path) -> None:
    result = run(
        home,
        "annotate",
        "1",
        "--quote",
        "naval base in Tartus",
        "--tag",
        "Syria/Bases",
        "--note",
        "see [[Nowhere]]",
    )
    assert result.exit_code == 0, result.output
    start = TEXT.index("naval base in Tartus")
    assert result.output == f"annotation #1 at {start}..{start + 20}\n"
    # a new tag takes the spelling of an existing one that differs only by case
    assert run(home, "tag", "1", "syria", "russia").output == "tags: russia, Syria\n"
    assert run(home, "note", "1", "Worth following.").exit_code == 0
    listed = json.loads(run(home, "annotations", "--json").output)
    assert [(a["kind"], a["tags"]) for a in listed] == [
        ("article", ["russia", "Syria"]),
        ("passage", ["Syria/Bases"]),
    ]
    assert listed[0]["note"] == "Worth following."
    tags = run(home, "tags").output.splitlines()
    assert [line.split() for line in tags] == [
        ["1", "russia"],
        ["1", "Syria"],
        ["1", "Syria/Bases"],
    ]
    assert run(home, "tag-rename", "SYRIA", "levant").output == "2 annotations retagged\n"
    assert run(home, "annotations", "--tag", "levant/bases").output.startswith("#1 article 1")
    assert run(home, "links").output == "#1: [[Nowhere]]\n"
    assert run(home, "untag", "1", "russia", "levant").output == "tags: (none)\n"


def test_orphans_are_listed_and_reattached(home: Path) -> None:
    run(home, "annotate", "1", "--quote", "constructive")
    store = open_store(home)
    with store.transaction():
        store.execute("UPDATE annotations SET status = 'orphaned' WHERE id = 1")
    store.close()
    assert "[orphaned]" in run(home, "annotations", "--orphaned").output
    result = run(home, "reattach", "1", "--quote", "Lavrov said")
    assert (
        result.output
        == f"annotation #1 attached at {TEXT.index('Lavrov')}..{TEXT.index('Lavrov') + 11}\n"
    )
    assert run(home, "annotations", "--orphaned").stdout == ""


def test_errors_are_one_line(home: Path) -> None:
    result = run(home, "annotate", "1", "--quote", "not in the text")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: quote not found in article 1: 'not in the text'"
    ]
    assert run(home, "annotate", "9", "--quote", "x").exit_code == 1
    assert run(home, "reattach", "1").exit_code != 0
    assert run(home, "tag-rename", "none", "x").output.startswith("Error: no tag named")


def test_export_markdown_and_json_round_trip(home: Path, tmp_path: Path) -> None:
    run(home, "annotate", "1", "--quote", "#talks", "--note", "a *note*")
    out = tmp_path / "notes"
    result = run(home, "export", "markdown", "--all", "--out", str(out))
    assert result.exit_code == 0 and result.output.startswith("wrote 2 files")
    note = (out / "tartus-talks.md").read_text(encoding="utf-8")
    assert "> \\#talks" in note and "a \\*note\\*" in note
    exported = run(home, "export", "json")
    data = json.loads(exported.output)
    assert data["type"] == "AnnotationCollection" and data["total"] == 1
    file = tmp_path / "notes.jsonld"
    assert run(home, "export", "json", "--out", str(file)).exit_code == 0
    fresh = tmp_path / "fresh"
    assert run(fresh, "import-annotations", str(file)).output == "imported 1 annotation\n"
    assert run(fresh, "import-annotations", str(file)).output == "imported 0 annotations\n"
    assert json.loads(run(fresh, "export", "json").output) == data
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    assert run(fresh, "import-annotations", str(bad)).exit_code == 1
