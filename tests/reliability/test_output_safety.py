"""Nothing the program prints or exports can act on a terminal, even when the store holds
hostile text (written by an older version or another tool, bypassing ingest)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.models import ParsedArticle
from reader.store import Store
from tests.reliability.conftest import TRACEBACK, assert_inert, forbidden_chars, run_cli
from tests.reliability.hostile import (
    BIDI,
    C1_CSI,
    CSI_CLEAR,
    OSC8_LINK,
    OSC52_CLIPBOARD,
    OSC_TITLE,
    RICH_MARKUP,
    ZERO_WIDTH,
    html_page,
    text_dump,
)

EVIL = (
    CSI_CLEAR
    + OSC8_LINK
    + OSC52_CLIPBOARD
    + OSC_TITLE
    + C1_CSI
    + BIDI
    + ZERO_WIDTH
    + "\x00\x07\r\x7f"
)
ARG_EVIL = EVIL.replace("\x00", "")
"""The same, fit for a command-line argument or a text file (NUL marks a binary file)."""
WORD = "corridor"


def _hostile_store(home: Path, clock) -> dict[str, int]:
    """A store whose every text field carries escapes, bidi controls and Rich markup."""
    store = Store(home / "reader.db", clock=clock)
    body = (
        f"Foreign Minister {EVIL}Elena Petrova said the grain {WORD} would reopen {EVIL}.",
        f"{RICH_MARKUP} Officials in Ankara {EVIL} agreed to meet on 12 June.",
    )
    parsed = ParsedArticle(
        title=f"{EVIL}Grain {WORD} talks {RICH_MARKUP}{EVIL}",
        body=body,
        source_key="/clips/evil.txt",
        format="text",
        raw_text="\n\n".join(body),
        path=f"/clips/{EVIL}evil.txt",
        url=f"https://example.org/{EVIL}",
        published=datetime(2024, 3, 12, tzinfo=UTC),
        byline=f"{EVIL}Jonas{RICH_MARKUP}",
        source=f"{EVIL}Wire",
    )
    article_id, _, _ = store.save_article(parsed)
    text = store.get_article(article_id).clean_text
    start = text.index("Elena")
    end = text.index(WORD) + len(WORD)
    now = store.now_iso()
    with store.transaction():
        annotation_id = store.execute(
            'INSERT INTO annotations (uuid, article_id, exact, prefix, suffix, start, "end", '
            "note, created_at, modified_at) VALUES ('u-evil', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                text[start:end],
                text[max(0, start - 32) : start],
                text[end : end + 32],
                start,
                end,
                f"{EVIL}my {WORD} note {RICH_MARKUP} [[{EVIL}Nowhere]]",
                now,
                now,
            ),
        ).lastrowid
        tag_id = store.execute("INSERT INTO tags (name) VALUES (?)", (f"evil{EVIL}tag",)).lastrowid
        store.execute("INSERT INTO annotation_tags VALUES (?, ?)", (annotation_id, tag_id))
        entity_id = store.execute(
            "INSERT INTO entities (key, name, type, created_at) VALUES (?, ?, 'PERSON', ?)",
            (f"elena{EVIL}", f"Elena{EVIL}Petrova{RICH_MARKUP}", now),
        ).lastrowid
        store.execute(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text, type) '
            "VALUES (?, ?, ?, ?, ?, 'PERSON')",
            (article_id, entity_id, start, start + 5, text[start : start + 5]),
        )
        store.execute(
            "INSERT INTO links (annotation_id, target) VALUES (?, ?)",
            (annotation_id, f"{EVIL}Nowhere"),
        )
    store.close()
    return {"article": article_id, "annotation": int(annotation_id or 0)}


COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["list", "--filter", f"{ARG_EVIL}{WORD}"],
    ["show", "{article}"],
    ["show", "{article}", "--json"],
    ["search", WORD],
    ["search", WORD, "--json"],
    ["search", f"{ARG_EVIL}"],
    ["annotations"],
    ["annotations", "--json"],
    ["tags"],
    ["links"],
    ["check"],
    ["entities"],
    ["entity", "Elena"],
    ["show", "999"],
    ["annotate", "{article}", "--quote", f"{ARG_EVIL}not there"],
    ["tag", "{article}", f"x{ARG_EVIL}y"],
]


@pytest.fixture(scope="module")
def hostile_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    from tests.conftest import FROZEN_NOW, FakeClock

    home = tmp_path_factory.mktemp("hostile-home")
    return home, _hostile_store(home, FakeClock(FROZEN_NOW))


@pytest.mark.parametrize(
    "args", COMMANDS, ids=lambda a: " ".join(a)[:40].encode("ascii", "backslashreplace").decode()
)
def test_printed_output_is_inert(
    hostile_home: tuple[Path, dict[str, int]], args: list[str]
) -> None:
    home, ids = hostile_home
    result = run_cli(home, *[a.format(**ids) for a in args], timeout=60)
    assert TRACEBACK not in result.stderr, str(result)
    assert "No such command" not in result.stderr, f"command missing: {result}"
    assert_inert("stdout", result.stdout)
    assert_inert("stderr", result.stderr)
    if "--json" in args and result.returncode == 0:
        json.loads(result.stdout)


def test_markdown_export_is_inert(
    hostile_home: tuple[Path, dict[str, int]], tmp_path: Path
) -> None:
    home, _ = hostile_home
    out = tmp_path / "export"
    result = run_cli(home, "export", "markdown", "--all", "--out", str(out), timeout=60)
    assert result.returncode == 0, str(result)
    assert_inert("export output", result.stdout + result.stderr)
    files = [p for p in out.rglob("*") if p.is_file()]
    assert len(files) >= 2, files
    for path in files:
        assert not forbidden_chars(path.name), f"unsafe export file name {path.name!r}"
        assert_inert(f"exported {path.name}", path.read_text(encoding="utf-8"))


def test_json_export_is_valid(hostile_home: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    home, _ = hostile_home
    result = run_cli(home, "export", "json", timeout=60)
    assert TRACEBACK not in result.stderr, str(result)
    assert_inert("json export", result.stdout + result.stderr)


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "evil.txt",
            text_dump(
                title=f"{ARG_EVIL}Grain {WORD}",
                paragraphs=[f"{ARG_EVIL} Petrova said {WORD} {ARG_EVIL}" * 3] * 4,
            ),
        ),
        (
            "evil.html",
            html_page(
                title=f"&#x1b;]52;c;eA==&#x7;{WORD}&#x9d;",
                paragraphs=[f"Petrova said {WORD} &#x1b;[2J&#x9d;&#x7f;&#x202e; " * 5] * 4,
            ),
        ),
        (
            "evil.md",
            f"# {ARG_EVIL}{WORD}\n\n" + f"{ARG_EVIL} Petrova said {WORD} {ARG_EVIL}\n\n" * 4,
        ),
    ],
)
@pytest.mark.parametrize("flags", [[], ["--json"], ["--explain"]])
def test_clean_output_is_inert(tmp_path: Path, name: str, data: str, flags: list[str]) -> None:
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    result = run_cli(tmp_path / "home", "clean", str(path), *flags, timeout=60)
    assert result.returncode == 0, str(result)
    assert WORD in result.stdout
    assert_inert("stdout", result.stdout)
    assert_inert("stderr", result.stderr)
    if "--json" in flags:
        for value in _strings(json.loads(result.stdout)):
            assert_inert("a JSON string", value)


def test_clean_from_stdin_is_inert(tmp_path: Path) -> None:
    data = text_dump(title=f"{ARG_EVIL}Grain {WORD}").encode() + b"\x1b]52;c;eA==\x07"
    result = run_cli(tmp_path / "home", "clean", "-", stdin=data, timeout=60)
    assert result.returncode == 0, str(result)
    assert_inert("stdout", result.stdout)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
