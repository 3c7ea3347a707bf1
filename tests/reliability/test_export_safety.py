"""``reader export markdown --out DIR`` never writes outside DIR, whatever the titles say,
never follows a symlink out of it, and writes each file atomically."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.models import ParsedArticle
from reader.store import Store
from tests.reliability.conftest import TRACEBACK, assert_inert, forbidden_chars, run_cli

WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.I)
UNSAFE_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def hostile_titles(outside: Path) -> list[str]:
    return [
        "../../etc/passwd",
        "../../../outside/escaped",
        "..",
        ".",
        "...",
        str(outside / "absolute-target"),
        "/etc/passwd",
        "C:\\Windows\\System32\\drivers\\etc\\hosts",
        "..\\..\\windows\\win.ini",
        "CON",
        "con.txt",
        "NUL",
        "aux.md",
        "COM1",
        "LPT9.notes",
        "PRN ",
        "Report on the talks",
        "REPORT ON THE TALKS",
        "report on the talks",
        "Ünïcödé résumé",
        "ÜNÏCÖDÉ RÉSUMÉ",
        "a" * 400,
        "é" * 300,
        "日本語のタイトル" * 40,
        "title with trailing dots...",
        "   ",
        "name\x00with nul",
        "~/.bashrc",
        "$(rm -rf ~)",
        "new\nline",
        "tab\there",
        ".hidden",
        "-rf",
        "index",
        "_index",
        "sub/dir/name",
    ]


def _seed(home: Path, outside: Path, clock) -> dict[int, str]:
    """One annotated article per hostile title; returns article id -> the quote's marker."""
    store = Store(home / "reader.db", clock=clock)
    markers = {}
    now = store.now_iso()
    for index, title in enumerate(hostile_titles(outside)):
        marker = f"marker{index:03d}word"
        body = (f"The report {marker} was read in Geneva on Monday by the delegates.",)
        article_id, status, _ = store.save_article(
            ParsedArticle(
                title=title,
                body=body,
                source_key=f"/clips/{index}.txt",
                format="text",
                raw_text=body[0],
                published=None
                if index % 2 == 0 or WINDOWS_RESERVED.match(title.strip())
                else datetime(2024, 3, 12, tzinfo=UTC),
            )
        )
        assert status == "imported"
        start = body[0].index(marker)
        with store.transaction():
            store.execute(
                'INSERT INTO annotations (uuid, article_id, exact, start, "end", note, '
                "created_at, modified_at) VALUES (?, ?, ?, ?, ?, 'note', ?, ?)",
                (f"u{index}", article_id, marker, start, start + len(marker), now, now),
            )
        markers[article_id] = marker
    store.close()
    return markers


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (not following symlinks) with its content."""
    found = {}
    for folder, _dirs, files in os.walk(root, followlinks=False):
        for name in files:
            path = Path(folder) / name
            if not path.is_symlink():
                found[str(path.relative_to(root))] = path.read_bytes()
    return found


@pytest.fixture
def layout(tmp_path: Path, clock) -> dict[str, object]:
    root = tmp_path / "a" / "b" / "c"
    home, out, outside = root / "home", root / "out", tmp_path / "outside"
    outside.mkdir(parents=True)
    (outside / "victim.md").write_text("VICTIM\n", encoding="utf-8")
    markers = _seed(home, outside, clock)
    return {"root": tmp_path, "home": home, "out": out, "outside": outside, "markers": markers}


def _export(layout: dict[str, object]):
    return run_cli(
        layout["home"], "export", "markdown", "--all", "--out", str(layout["out"]), timeout=120
    )


def _check_names(out: Path) -> None:
    names = [p.name for p in out.iterdir()]
    folded = [n.casefold() for n in names]
    assert len(set(folded)) == len(folded), "two exported names differ only by case"
    for name in names:
        stem = name.split(".")[0]
        assert not WINDOWS_RESERVED.match(name) and not WINDOWS_RESERVED.match(stem.strip()), name
        assert not UNSAFE_CHARS.search(name), f"unsafe character in {name!r}"
        assert not forbidden_chars(name), name
        assert not name.endswith((".", " ")), name
        assert not name.startswith(("-", ".")), name
        assert len(name.encode("utf-8")) <= 255, f"{len(name.encode())}-byte name"


def test_export_stays_inside_the_folder(layout: dict[str, object]) -> None:
    root, out = layout["root"], layout["out"]
    before = _tree(root)
    result = _export(layout)
    assert result.returncode == 0, str(result)
    assert TRACEBACK not in result.stderr
    assert_inert("export output", result.stdout + result.stderr)

    after = _tree(root)
    new = {path for path in after if path not in before}
    outside_new = [
        p
        for p in new
        if not (root / p).resolve().is_relative_to(out.resolve()) and "home" not in Path(p).parts
    ]
    assert not outside_new, f"export wrote outside --out: {outside_new}"
    changed = [p for p in before if after.get(p) != before[p] and "home" not in Path(p).parts]
    assert not changed, f"export changed files outside --out: {changed}"
    assert all(p.parent == out for p in out.rglob("*")), "export created sub-folders"
    _check_names(out)

    markers = layout["markers"]
    contents = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    for marker in markers.values():
        holders = [name for name, text in contents.items() if marker in text]
        assert len(holders) == 1, f"{marker} is in {holders}: an article file was lost or shared"


def test_symlinks_in_the_export_folder_are_not_followed(layout: dict[str, object]) -> None:
    out, outside = layout["out"], layout["outside"]
    assert _export(layout).returncode == 0
    victims = {}
    for index, path in enumerate(sorted(out.iterdir())):
        victim = outside / f"victim-{index}.md"
        victim.write_text(f"VICTIM {index}\n", encoding="utf-8")
        victims[victim] = victim.read_bytes()
        path.unlink()
        path.symlink_to(victim)
    (out / "linked-dir").symlink_to(outside, target_is_directory=True)

    result = _export(layout)
    assert TRACEBACK not in result.stderr, str(result)
    assert result.returncode == 0, str(result)
    for victim, content in victims.items():
        assert victim.read_bytes() == content, f"export wrote through a symlink into {victim}"
    assert (outside / "victim.md").read_text() == "VICTIM\n"
    assert sorted(p.name for p in outside.iterdir()) == sorted(
        ["victim.md", *(v.name for v in victims)]
    ), "export created files through the symlinked folder"
    _check_names(out)


def test_export_writes_atomically(layout: dict[str, object], monkeypatch, clock) -> None:
    """If the final rename fails, every file already there keeps its old content whole."""
    from reader.errors import ReaderError
    from reader.export.markdown import export_markdown

    out = layout["out"]
    assert _export(layout).returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    store = Store(Path(layout["home"]) / "reader.db", clock=clock)
    with store.transaction():
        store.execute("UPDATE annotations SET note = 'a much longer note than before ' || id")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    monkeypatch.setattr(os, "rename", broken)
    with pytest.raises((ReaderError, OSError)):
        export_markdown(store, out)
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before, "a failed export left files changed or half-written"
    export_markdown(store, out)
    assert all(
        "a much longer note" in p.read_text() for p in out.iterdir() if "index" not in p.name
    )
    assert not [p for p in out.iterdir() if p.name.startswith(".") or p.suffix != ".md"]
    store.close()
