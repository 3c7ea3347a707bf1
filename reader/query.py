"""The library's filter language and safe full-text queries.

A filter line mixes free text (full-text search) with operators, all combinable:
``tag:syria/bases entity:"Lavrov" source:RT after:2024-12-01 before:2025 is:unread
is:starred has:notes -tag:x``. A leading ``-`` negates an operator.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from reader.errors import ReaderError


class FilterError(ReaderError):
    """A filter line that cannot be understood (bad date, unknown ``is:`` value…)."""


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Conditions an article must meet; empty fields impose nothing."""

    text: str = ""
    tags: tuple[str, ...] = ()
    not_tags: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    not_entities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    not_sources: tuple[str, ...] = ()
    after: datetime | None = None
    before: datetime | None = None
    read: bool | None = None
    starred: bool | None = None
    has_notes: bool | None = None
    has_annotations: bool | None = None
    ids: tuple[int, ...] | None = None
    prefix_last: bool = False
    """Treat the last free-text word as a prefix (search as you type)."""

    @property
    def is_empty(self) -> bool:
        return self == ArticleFilter(prefix_last=self.prefix_last)


_OPERATOR = re.compile(r"^(-?)(tag|entity|source|after|before|is|has):(.*)$", re.IGNORECASE)


def parse_date_bound(value: str, *, end: bool = False) -> datetime:
    """``2024``, ``2024-12`` or ``2024-12-01`` as a UTC datetime at the start of that span,
    or (``end=True``) at the start of the next span."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    if not match:
        raise FilterError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    try:
        start = datetime(year, month, day, tzinfo=UTC)
    except ValueError as exc:
        raise FilterError(f"not a date: {value!r} ({exc})") from exc
    if not end:
        return start
    if match[3]:
        from datetime import timedelta

        return start + timedelta(days=1)
    if match[2]:
        return datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
    return datetime(year + 1, 1, 1, tzinfo=UTC)


def _split_words(line: str) -> list[str]:
    """Shell-like words; an unclosed quote runs to the end of the line."""
    for attempt in (line, line + '"'):
        try:
            return shlex.split(attempt, posix=True)
        except ValueError:
            continue
    return line.replace('"', " ").replace("\\", " ").split()


def parse_filter(line: str) -> ArticleFilter:
    """Parse a library filter line.

    >>> f = parse_filter('lavrov tag:syria/bases -tag:x entity:"Sergei Lavrov" is:unread')
    >>> f.text, f.tags, f.not_tags, f.entities, f.read
    ('lavrov', ('syria/bases',), ('x',), ('Sergei Lavrov',), False)
    """
    words = _split_words(line)
    result = ArticleFilter()
    free: list[str] = []
    for word in words:
        match = _OPERATOR.match(word)
        if match and not match[3]:
            continue  # an operator still being typed ("tag:") restricts nothing yet
        if not match:
            free.append(f'"{word}"' if " " in word else word)
            continue
        negate, op, value = match[1] == "-", match[2].lower(), match[3]
        if op in ("tag", "entity", "source"):
            name = {"tag": "tags", "entity": "entities", "source": "sources"}[op]
            if negate:
                name = "not_" + name
            result = replace(result, **{name: (*getattr(result, name), value)})
        elif op == "after":
            result = replace(result, after=parse_date_bound(value))
        elif op == "before":
            result = replace(result, before=parse_date_bound(value))
        elif op == "is":
            flag = value.lower()
            if flag in ("unread", "read"):
                result = replace(result, read=(flag == "read") != negate)
            elif flag in ("starred", "unstarred"):
                result = replace(result, starred=(flag == "starred") != negate)
            else:
                raise FilterError(f"unknown is:{value} (use is:unread, is:read, is:starred)")
        elif op == "has":
            flag = value.lower()
            if flag in ("notes", "note"):
                result = replace(result, has_notes=not negate)
            elif flag in ("annotations", "annotation", "highlights"):
                result = replace(result, has_annotations=not negate)
            else:
                raise FilterError(f"unknown has:{value} (use has:notes or has:annotations)")
    return replace(result, text=" ".join(free))


_FTS_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str, *, prefix_last: bool = False) -> str:
    """Turn user text into a safe FTS5 query: every word quoted, all words required.

    Quoted phrases stay phrases; FTS syntax characters in the input have no effect.

    >>> fts_query('lavrov "strategic ties" AND-x')
    '"lavrov" "strategic ties" "AND" "x"'
    >>> fts_query("syri", prefix_last=True)
    '"syri"*'
    """
    parts: list[str] = []
    for phrase, word in _FTS_TOKEN.findall(text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        else:
            parts.extend(f'"{w}"' for w in _WORD.findall(word))
    if prefix_last and parts and not text.rstrip().endswith('"'):
        parts[-1] += "*"
    return " ".join(parts)
