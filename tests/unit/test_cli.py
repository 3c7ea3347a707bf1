"""The command line: JSON shapes, summaries, one-line errors and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reader.cli import cli
from tests.conftest import SEEDS


def run(home: Path, *args: str, input: str | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, ["--home", str(home), *args], input=input, obj={})


@pytest.fixture
def seeded_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    result = run(home, "import", str(SEEDS))
    assert result.exit_code == 0, result.output
    return home


def all_commands() -> list[tuple[str, ...]]:
    names: list[tuple[str, ...]] = []
    for name, command in cli.commands.items():
        names.append((name,))
        if isinstance(command, click.Group):
            names.extend((name, sub) for sub in command.commands)
    return names


@pytest.mark.parametrize("command", all_commands(), ids=" ".join)
def test_every_command_has_help(tmp_path: Path, command: tuple[str, ...]) -> None:
    result = run(tmp_path, *command, "-h")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 3


def test_import_summary_then_unchanged(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = run(home, "import", str(SEEDS))
    assert first.exit_code == 0, first.output
    assert "imported 5, updated 0, unchanged 0, failed 0" in first.output
    again = run(home, "import", str(SEEDS))
    assert "imported 0, updated 0, unchanged 5, failed 0" in again.output


def test_changed_file_is_reported_as_updated(tmp_path: Path) -> None:
    home = tmp_path / "home"
    clips = tmp_path / "clips"
    shutil.copytree(SEEDS, clips)
    run(home, "import", str(clips))
    target = sorted(clips.glob("*.txt"))[2]
    target.write_text(
        target.read_text(encoding="utf-8").replace("Several armed", "Many armed"),
        encoding="utf-8",
    )
    result = run(home, "import", str(clips))
    assert result.exit_code == 0, result.output
    assert "updated 1" in result.output
    assert "updated #3: New Syrian leader wants close ties with Russia" in result.output


def test_list_json_shape(seeded_home: Path) -> None:
    result = run(seeded_home, "list", "--json")
    rows = json.loads(result.output)
    assert len(rows) == 5
    for row in rows:
        assert {"id", "title", "published", "byline", "source", "path"} <= row.keys()
    titles = {row["title"] for row in rows}
    assert "New Syrian leader wants close ties with Russia" in titles


def test_show_json_shape(seeded_home: Path) -> None:
    rows = json.loads(run(seeded_home, "list", "--json").output)
    rt = next(r for r in rows if r["title"].startswith("New Syrian leader"))
    data = json.loads(run(seeded_home, "show", str(rt["id"]), "--json").output)
    assert {"id", "title", "published", "byline", "source", "path", "body"} <= data.keys()
    assert data["published"] == "2024-12-29T15:53"
    assert isinstance(data["body"], list) and all(isinstance(p, str) for p in data["body"])
    for key in ("entities", "nationalities", "dates", "quotes"):
        assert isinstance(data[key], list)
    for item in data["entities"]:
        assert data["body"][item["para"]][item["start"] : item["end"]] == item["text"]


def test_search_finds_and_snippets(seeded_home: Path) -> None:
    result = run(seeded_home, "search", "Khmeimim", "--json")
    hits = json.loads(result.output)
    assert hits and hits[0]["title"] == "New Syrian leader wants close ties with Russia"
    snippet = hits[0]["snippet"]
    assert [snippet[s:e] for s, e in hits[0]["highlights"]] == ["Khmeimim"]


def test_search_without_matches(seeded_home: Path) -> None:
    result = run(seeded_home, "search", "zzzqqq")
    assert result.exit_code == 0
    assert "no matches" in result.output


def test_bad_file_gets_one_line_and_non_zero_exit(tmp_path: Path) -> None:
    home = tmp_path / "home"
    clips = tmp_path / "clips"
    clips.mkdir()
    shutil.copy(SEEDS / "000_acfdbaae8cc1b554.txt", clips / "good.txt")
    (clips / "empty.txt").write_bytes(b"")
    (clips / "binary.txt").write_bytes(bytes(range(256)) * 40)
    result = run(home, "import", str(clips))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in line for line in errors)
    assert any("binary.txt" in line for line in errors)
    assert "imported 1" in result.output
    assert "Traceback" not in result.output


def test_missing_article_is_one_line_error(tmp_path: Path) -> None:
    result = run(tmp_path, "show", "999")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no article with id 999"


def test_bad_filter_is_one_line_error(seeded_home: Path) -> None:
    result = run(seeded_home, "list", "--filter", "after:yesterday")
    assert result.exit_code == 1
    assert "not a date" in result.output


def test_clean_explains_dropped_lines(tmp_path: Path) -> None:
    result = run(tmp_path, "clean", str(SEEDS / "001_ab5765967a8e1f53.txt"), "--explain")
    assert result.exit_code == 0
    assert "Skip to main content" not in result.stdout
    assert "dropped line 1" in result.stderr
    assert "Skip to main content" in result.stderr


def test_clean_reads_stdin_as_json(tmp_path: Path) -> None:
    page = (SEEDS / "002_d97c2c8cca8a9d47.txt").read_text(encoding="utf-8")
    result = run(tmp_path, "clean", "-", "--json", input=page)
    data = json.loads(result.output)
    assert data["title"] == "New Syrian leader wants close ties with Russia"
    assert len(data["body"]) > 5


def test_paths_follow_home(tmp_path: Path) -> None:
    data = json.loads(run(tmp_path / "h", "paths", "--json").output)
    assert data["store"] == str((tmp_path / "h" / "reader.db").resolve())


def test_check_and_backup(seeded_home: Path, tmp_path: Path) -> None:
    assert run(seeded_home, "check").output.strip().endswith("store ok")
    result = run(seeded_home, "backup", str(tmp_path / "copy.db"))
    assert result.exit_code == 0
    assert (tmp_path / "copy.db").stat().st_size > 0
