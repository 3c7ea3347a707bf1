"""The annotation filter line of the tags screen."""

from __future__ import annotations

import pytest

from reader.tui.screens.tags import parse_annotation_filter

CASES = [
    ("", {}),
    ("tag:syria/bases", {"tag": "syria/bases"}),
    ('entity:"Sergei Lavrov"', {"entity": "Sergei Lavrov"}),
    ("entity:Lavrov port visit", {"entity": "Lavrov", "text": "port visit"}),
    ("article:12 tag:x", {"article_id": 12, "tag": "x"}),
    ("article:twelve", {"text": "article:twelve"}),
    ("it's tag:x", {"tag": "x", "text": "it's"}),
    ("'minister's tag:a b'", {"tag": "a", "text": "'minister's b'"}),
]


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_parse_annotation_filter(line: str, expected: dict[str, object]) -> None:
    assert parse_annotation_filter(line) == expected
