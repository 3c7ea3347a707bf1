"""Ingest: files and bytes in, clean ``ParsedArticle`` records out.

The format comes from the file extension, checked against the content (a ``.txt``
that is really HTML is read as HTML). Every failure is an ``IngestError`` naming the
file and a short reason; nothing here raises anything else on bad input.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat as stat_module
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from reader.errors import IngestError
from reader.ingest.decode import decode_and_normalize
from reader.ingest.feed import looks_like_feed
from reader.ingest.formats import parse_feed_articles, parse_html, parse_markdown, parse_text
from reader.models import ParsedArticle
from reader.sanitize import safe_line, safe_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMAT_BY_EXTENSION",
    "SUPPORTED_EXTENSIONS",
    "Format",
    "iter_source_files",
    "parse_bytes",
    "parse_file",
    "sniff_format",
]

Format = Literal["text", "html", "markdown", "feed"]

FORMAT_BY_EXTENSION: dict[str, Format] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(FORMAT_BY_EXTENSION)
"""File extensions (lower case, with the dot) picked up when a directory is imported."""

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S
)
_HTML_TAGS = re.compile(
    r"<(?:head|body|div|p|article|main|section|span|h[1-6]|br|ul|table)[\s>/]", re.I
)
_FRONT_MATTER_START = re.compile(r"\A---[ \t]*\n(?:[A-Za-z_][\w-]*\s*:.*\n)+")
_MARKDOWN_HINTS = re.compile(r"^(?:#{1,6} \S|\[[^\]]+\]\([^)]+\)|[-*] \[|```)", re.M)


def sniff_format(text: str) -> tuple[Format | None, bool]:
    """Guess the format from the content: ``(format, strong)``.

    ``strong`` means the content settles it whatever the extension says.

    >>> sniff_format("<!DOCTYPE html><html><body>x</body></html>")
    ('html', True)
    >>> sniff_format("---\\ntitle: x\\n---\\n# x")
    ('markdown', False)
    >>> sniff_format("Just words.")
    (None, False)
    """
    head = text[:4096]
    if looks_like_feed(head):
        return "feed", True
    if _HTML_START.match(head):
        return "html", True
    if len(_HTML_TAGS.findall(head)) >= 3:
        return "html", False
    if _FRONT_MATTER_START.match(head) or len(_MARKDOWN_HINTS.findall(head)) >= 2:
        return "markdown", False
    return None, False


def _resolve_format(declared: Format | None, text: str, name: str) -> Format:
    sniffed, strong = sniff_format(text)
    if declared is None:
        return sniffed or "text"
    if strong and sniffed != declared:
        return sniffed or declared
    if declared == "feed" and sniffed != "feed":
        raise IngestError(name, "invalid feed (no RSS or Atom root element)")
    if declared == "html" and "<" not in text:
        return "text"
    return declared


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def parse_bytes(
    data: bytes,
    *,
    name: str,
    fmt: str | None = None,
    source_key: str | None = None,
    path: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[ParsedArticle]:
    """Parse one document given as bytes (``fmt``: text, html, markdown, feed, or ``None``
    to sniff). ``name`` names it in error messages; ``source_key`` defaults to ``name``.

    >>> data = b"Ferry strike ends after a week\\n\\nCrews returned."
    >>> [a.title for a in parse_bytes(data, name="-")]
    ['Ferry strike ends after a week']
    """
    if fmt is not None and fmt not in ("text", "html", "markdown", "feed"):
        raise IngestError(name, f"unknown format {fmt!r} (expected text, html, markdown or feed)")
    if len(data) > max_bytes:
        raise IngestError(name, f"too large ({_size(len(data))}; the limit is {_size(max_bytes)})")
    if not data.strip():
        raise IngestError(name, "empty file")
    text = decode_and_normalize(data, name)
    if not text.strip():
        raise IngestError(name, "empty file (no text after decoding)")
    key = source_key or name
    resolved = _resolve_format(fmt, text, name)  # type: ignore[arg-type]
    if resolved == "feed":
        articles = parse_feed_articles(data, name=name, source_key=key, path=path)
    elif resolved == "html":
        articles = [parse_html(text, name=name, source_key=key, path=path)]
    elif resolved == "markdown":
        articles = [parse_markdown(text, name=name, source_key=key, path=path)]
    else:
        articles = [parse_text(text, name=name, source_key=key, path=path)]
    return [_made_inert(article, name) for article in articles]


def _made_inert(article: ParsedArticle, name: str) -> ParsedArticle:
    """The article with every text field free of control, escape and bidi characters.

    Parsers decode character references (``&#x1b;``, ``&#x202e;``) after the input was
    sanitised, so the finished article is cleaned once more; a title or body that is
    left empty is an error, not an empty article.
    """
    body = tuple(
        p for p in (" ".join(safe_text(par).split("\n")).strip() for par in article.body) if p
    )
    title = safe_line(article.title)
    if not body:
        raise IngestError(name, "no article content found")
    if not title:
        title = body[0][:80]

    def line(value: str | None) -> str | None:
        return (safe_line(value) or None) if value is not None else None

    return dataclasses.replace(
        article,
        title=title,
        body=body,
        markdown=safe_text(article.markdown) if article.markdown is not None else None,
        byline=line(article.byline),
        source=line(article.source),
        agency=line(article.agency),
        url=line(article.url),
        language=line(article.language),
    )


def parse_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[ParsedArticle]:
    """Parse one file into articles (a feed gives one per entry).

    Raises ``IngestError`` when the file cannot be read, is empty, binary, too large,
    undecodable, an invalid feed, or holds no article.
    """
    path = Path(path)
    name = str(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise IngestError(name, f"cannot read: {exc.strerror or exc}") from None
    if path.is_dir():
        raise IngestError(name, "is a directory")
    if not stat_module.S_ISREG(stat.st_mode):
        raise IngestError(name, "not a regular file (a pipe, socket or device)")
    if stat.st_size > max_bytes:
        raise IngestError(
            name, f"too large ({_size(stat.st_size)}; the limit is {_size(max_bytes)})"
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(name, f"cannot read: {exc.strerror or exc}") from None
    declared = FORMAT_BY_EXTENSION.get(path.suffix.lower())
    return parse_bytes(
        data,
        name=name,
        fmt=declared,
        source_key=str(path.resolve()),
        path=name,
        max_bytes=max_bytes,
    )


def iter_source_files(paths: Iterable[Path]) -> Iterator[Path | IngestError]:
    """Expand files and directories into the files to import, in a stable order.

    Directories are walked recursively (sorted; hidden entries skipped; symlink cycles
    visited once) and only supported extensions are taken from them; a file named
    explicitly is always tried. Problems come out as ``IngestError`` items.
    """
    seen_dirs: set[str] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        elif path.exists():
            yield path
        elif path.is_symlink():
            yield IngestError(str(path), "broken symbolic link")
        else:
            yield IngestError(str(path), "no such file or directory")


def _walk(directory: Path, seen_dirs: set[str]) -> Iterator[Path | IngestError]:
    try:
        real = os.path.realpath(directory)
    except OSError as exc:
        yield IngestError(str(directory), f"cannot read directory: {exc.strerror or exc}")
        return
    if real in seen_dirs:
        return
    seen_dirs.add(real)
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield IngestError(str(directory), f"cannot read directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        entry_path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as exc:
            yield IngestError(str(entry_path), f"cannot read: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(entry_path, seen_dirs)
        elif is_file and entry_path.suffix.lower() in SUPPORTED_EXTENSIONS:
            if os.access(entry_path, os.R_OK):
                yield entry_path
            else:
                yield IngestError(str(entry_path), "cannot read: permission denied")
