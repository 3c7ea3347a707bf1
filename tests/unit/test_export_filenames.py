"""Export file names: never outside the folder, safe on every platform, unique, stable."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.annotations import annotate
from reader.export.filenames import MAX_STEM_CHARS, WINDOWS_RESERVED, safe_stem, slugify
from reader.export.markdown import export_markdown
from reader.models import ParsedArticle
from reader.store import Store

NOW = datetime(2025, 3, 4, tzinfo=UTC)


def store_with(titles: list[str]) -> Store:
    store = Store.memory(clock=lambda: NOW)
    for n, title in enumerate(titles):
        text = f"Body number {n} of an article."
        parsed = ParsedArticle(
            title=title, body=(text,), source_key=f"src-{n}", format="text", raw_text=text
        )
        article_id = store.save_article(parsed)[0]
        annotate(store, article_id, "Body number")
    return store


def written(store: Store, out: Path) -> list[Path]:
    paths = export_markdown(store, out)
    root = out.resolve()
    for path in paths:
        assert path.parent == root and path.resolve().parent == root
        assert len(path.name.encode("utf-8")) <= 255
    return paths


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("../../etc/passwd", "etc-passwd.md"),
        ("/etc/passwd", "etc-passwd.md"),
        ("C:\\Windows\\system32", "c-windows-system32.md"),
        ("..", "article-1.md"),
        ("", "article-1.md"),
        ("CON", "con-file.md"),
        ("nul", "nul-file.md"),
        ("Com1", "com1-file.md"),
        ("LPT9", "lpt9-file.md"),
        (".hidden", "hidden.md"),
        ("Путин и Асад", "путин-и-асад.md"),
        ("سوريا وروسيا", "سوريا-وروسيا.md"),
    ],
)
def test_hostile_and_odd_titles_become_safe_names(
    tmp_path: Path, title: str, expected: str
) -> None:
    out = tmp_path / "out"
    paths = written(store_with([title]), out)
    assert paths[0].name == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_long_titles_are_cut_readably(tmp_path: Path) -> None:
    long_title = "Сирия " * 200
    paths = written(store_with([long_title, long_title]), tmp_path)
    stems = [p.stem for p in paths[:2]]
    assert stems[0].startswith("сирия-сирия") and len(stems[0]) <= MAX_STEM_CHARS
    assert stems[1] == stems[0] + "-2"


def test_names_differing_only_by_case_are_made_unique(tmp_path: Path) -> None:
    paths = written(store_with(["Syria Talks", "SYRIA TALKS", "syria talks"]), tmp_path)
    names = [p.name for p in paths[:3]]
    assert names == ["syria-talks.md", "syria-talks-2.md", "syria-talks-3.md"]
    assert len({n.casefold() for n in names}) == 3


def test_a_users_file_with_the_same_name_is_not_touched(tmp_path: Path) -> None:
    mine = tmp_path / "Syria-Talks.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    paths = written(store_with(["Syria talks"]), tmp_path)
    assert paths[0].name == "syria-talks-2.md"
    assert mine.read_text(encoding="utf-8") == "my own notes\n"


def test_symlinks_in_the_folder_are_not_followed_out(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "victim.md"
    # even a file that carries our marker is not ours when reached through a link
    first = tmp_path / "first"
    written(store_with(["Syria talks"]), first)
    target.write_text((first / "syria-talks.md").read_text(encoding="utf-8"), encoding="utf-8")
    before = target.read_text(encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "syria-talks.md").symlink_to(target)
    (out / "_index.md").symlink_to(outside / "index-victim.md")
    (out / "sub").symlink_to(outside, target_is_directory=True)
    paths = written(store_with(["Syria talks"]), out)
    assert [p.name for p in paths] == ["syria-talks-2.md", "_index-2.md"]
    assert target.read_text(encoding="utf-8") == before
    assert not (outside / "index-victim.md").exists()
    assert sorted(p.name for p in outside.iterdir()) == ["victim.md"]


def test_export_folder_that_is_a_symlink_is_used_as_chosen(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    written(store_with(["A"]), tmp_path / "link")
    assert sorted(p.name for p in real.iterdir()) == ["_index.md", "a.md"]


def test_name_is_stable_when_the_title_changes(tmp_path: Path) -> None:
    store = store_with(["Old title"])
    assert written(store, tmp_path)[0].name == "old-title.md"
    with store.transaction():
        store.execute("UPDATE articles SET title = 'New title'")
    paths = written(store, tmp_path)
    assert paths[0].name == "old-title.md"
    assert "# New title" in paths[0].read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_index.md", "old-title.md"]


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    written(store_with(["A", "B"]), tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("name", sorted(WINDOWS_RESERVED))
def test_reserved_names_never_come_out(name: str) -> None:
    assert safe_stem(name, "x").split(".")[0] not in WINDOWS_RESERVED
    assert safe_stem(name.upper() + ".txt", "x").split(".")[0] not in WINDOWS_RESERVED


def test_slugify_keeps_words_and_drops_separators() -> None:
    assert slugify('A/B\\C:D*E?F"G<H>I|J\0K') == "a-b-c-d-e-f-g-h-i-j-k"
    assert slugify("Assad’s fall") == "assads-fall"
