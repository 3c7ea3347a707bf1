"""Decoded text of one format in, ``ParsedArticle`` records out.

One function per format: page dumps, HTML, Markdown and feeds. Each hands back clean
paragraphs, metadata, and the lines it dropped with the rule that dropped them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from reader.errors import IngestError
from reader.ingest.markdown import Block, markdown_blocks, split_front_matter
from reader.ingest.metadata import guess_language, parse_byline, parse_iso_datetime
from reader.ingest.textdump import CleanedDump, clean_dump, clean_paragraphs
from reader.models import ParsedArticle
from reader.sanitize import safe_line

NO_CONTENT = "no article content found"


def title_from_name(name: str, body: Sequence[str] = ()) -> str:
    """A fallback title: the file name made readable, else the first words of the body.

    >>> title_from_name("/tmp/ferry_strike-ends.txt")
    'ferry strike ends'
    """
    stem = PurePath(name).stem if name not in ("-", "<stdin>", "") else ""
    stem = " ".join(re.sub(r"[_\-]+", " ", stem).split())
    if stem:
        return stem
    if body:
        words = body[0].split()
        return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return "Untitled"


def parse_text(text: str, *, name: str, source_key: str, path: str | None) -> ParsedArticle:
    """A plain-text page dump: find the article, drop the rest, read the metadata."""
    cleaned = clean_dump(text)
    if not cleaned.body:
        raise IngestError(name, NO_CONTENT)
    return ParsedArticle(
        title=cleaned.title or title_from_name(name, cleaned.body),
        body=cleaned.body,
        source_key=source_key,
        format="text",
        raw_text=text,
        path=path,
        published=cleaned.published,
        published_has_time=cleaned.published_has_time,
        byline=cleaned.byline,
        source=cleaned.source,
        agency=cleaned.agency,
        language=guess_language(" ".join(cleaned.body[:3])),
        dropped=cleaned.dropped,
    )


def _clean_blocks(blocks: list[Block], title: str) -> tuple[CleanedDump, str]:
    """Clean Markdown blocks as paragraphs; returns the result and the kept blocks' Markdown."""
    cleaned = clean_paragraphs([(b.line_no, b.text) for b in blocks], title)
    kept = set(cleaned.kept_line_numbers)
    markdown = "\n\n".join(b.markdown.strip() for b in blocks if b.line_no in kept)
    return cleaned, markdown


def _title_block(blocks: list[Block]) -> tuple[str, list[Block]]:
    """The first level-1 heading (or a heading that opens the text) and the other blocks."""
    for index, block in enumerate(blocks):
        if block.heading == 1 or (index == 0 and block.heading):
            return block.text, blocks[:index] + blocks[index + 1 :]
    return "", blocks


def parse_markdown(text: str, *, name: str, source_key: str, path: str | None) -> ParsedArticle:
    """A Markdown document: front matter for metadata, first ``#`` heading as title."""
    fields, body_text = split_front_matter(text)
    offset = text[: len(text) - len(body_text)].count("\n")
    blocks = markdown_blocks(body_text, first_line=offset)
    title = safe_line(fields.get("title", ""))
    heading_title, rest = _title_block(blocks)
    if not title:
        title = heading_title
        blocks = rest
    elif heading_title and heading_title.casefold() == title.casefold():
        blocks = rest
    cleaned, markdown = _clean_blocks(blocks, title)
    if not cleaned.body:
        raise IngestError(name, NO_CONTENT)
    date_text = fields.get("published") or fields.get("date") or fields.get("pubdate")
    published = parse_iso_datetime(date_text) if date_text else None
    author = fields.get("author") or fields.get("byline")
    if author:
        author = parse_byline(author) or author
    return ParsedArticle(
        title=title or cleaned.title or title_from_name(name, cleaned.body),
        body=cleaned.body,
        source_key=source_key,
        format="markdown",
        raw_text=text,
        path=path,
        url=_first(fields, "url", "link", "canonical", "source_url"),
        published=published[0] if published else cleaned.published,
        published_has_time=published[1] if published else cleaned.published_has_time,
        byline=safe_line(author) if author else cleaned.byline,
        source=_first(fields, "source", "outlet", "site", "publisher", "site_name")
        or cleaned.source,
        agency=cleaned.agency,
        language=_first(fields, "lang", "language") or guess_language(" ".join(cleaned.body[:3])),
        markdown=markdown,
        dropped=cleaned.dropped,
    )


def _first(fields: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if fields.get(key):
            return safe_line(fields[key])
    return None


def parse_html(
    text: str, *, name: str, source_key: str, path: str | None, url: str | None = None
) -> ParsedArticle:
    """An HTML page: main content to Markdown and plain text, metadata from the head."""
    from reader.ingest.html import extract_html

    content = extract_html(text)
    meta = content.meta
    blocks = content.blocks
    title = meta.title or ""
    heading_title, rest = _title_block(blocks)
    if heading_title and (not title or heading_title.casefold() == title.casefold()):
        title = title or heading_title
        blocks = rest
    cleaned, markdown = _clean_blocks(blocks, title)
    if not cleaned.body:
        raise IngestError(name, NO_CONTENT)
    return ParsedArticle(
        title=title or cleaned.title or title_from_name(name, cleaned.body),
        body=cleaned.body,
        source_key=source_key,
        format="html",
        raw_text=text,
        path=path,
        url=meta.url or url,
        published=meta.published or cleaned.published,
        published_has_time=meta.published_has_time
        if meta.published
        else cleaned.published_has_time,
        byline=meta.author or cleaned.byline,
        source=meta.site_name or cleaned.source,
        agency=cleaned.agency,
        language=meta.language or guess_language(" ".join(cleaned.body[:3])),
        markdown=markdown,
        dropped=cleaned.dropped,
    )


def parse_feed_articles(
    data: bytes, *, name: str, source_key: str, path: str | None
) -> list[ParsedArticle]:
    """Every entry of an RSS/Atom feed as an article; the feed title is the outlet."""
    from reader.ingest.feed import parse_feed
    from reader.ingest.html import html_to_markdown

    feed = parse_feed(data, name)
    articles = []
    for entry in feed.entries:
        if entry.content_is_html:
            markdown = html_to_markdown(entry.content)
            blocks = markdown_blocks(markdown)
        else:
            paragraphs = [p for p in re.split(r"\n\s*\n", entry.content) if p.strip()]
            blocks = [Block(p, " ".join(p.split()), i) for i, p in enumerate(paragraphs)]
        cleaned, markdown = _clean_blocks(blocks, entry.title)
        body = cleaned.body or ((entry.title,) if entry.title else ())
        if not body:
            continue
        articles.append(
            ParsedArticle(
                title=entry.title or title_from_name("", body),
                body=body,
                source_key=f"{source_key}#{entry.key}",
                format="feed",
                raw_text=entry.content,
                path=path,
                url=entry.link,
                published=entry.published or cleaned.published,
                published_has_time=entry.published_has_time
                if entry.published
                else cleaned.published_has_time,
                byline=entry.author or cleaned.byline,
                source=feed.title or cleaned.source,
                agency=cleaned.agency,
                language=_short_language(entry.language) or guess_language(" ".join(body[:3])),
                markdown=markdown or None,
                dropped=cleaned.dropped,
            )
        )
    if not articles:
        raise IngestError(name, "feed entries have no content")
    return articles


def _short_language(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value)[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None
