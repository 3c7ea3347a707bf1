"""HTML pages: main-content extraction, Markdown conversion, metadata from meta tags.

trafilatura finds the article inside the page; markdownify turns it into Markdown
(links, emphasis, lists and quotes kept); the plain-text body is derived from that
Markdown block by block. Scripts, styles and frames are never kept. The heavy
libraries are imported inside the functions so that start-up stays fast.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reader.ingest.markdown import Block, markdown_blocks, neutralise_links
from reader.ingest.metadata import parse_iso_datetime
from reader.sanitize import safe_line

_UNSAFE_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "svg",
    "canvas", "template", "form", "button", "input", "select", "textarea", "link", "meta",
)  # fmt: skip
_BOILERPLATE_TAGS = ("nav", "header", "footer", "aside")
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|NewsArticle|WebPage", re.I)
_MULTI_BLANK = re.compile(r"\n{3,}")
_VOID_EMBEDS = re.compile(
    r"<(?:embed|param|source|track)\b[^>]*>|</(?:embed|param|source|track)\s*>", re.I
)
_OVERLONG_TAG = re.compile(r"<([a-zA-Z][\w:-]{0,30})\b[^>]{20000,}>")


@dataclass(frozen=True, slots=True)
class HtmlMetadata:
    """What a page says about itself in its ``<head>`` and JSON-LD."""

    title: str | None = None
    published: datetime | None = None
    published_has_time: bool = False
    author: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None


def _parse_tree(html: str) -> Any:
    import lxml.html

    try:
        return lxml.html.document_fromstring(html)
    except Exception:
        return None


def _meta(tree: Any, *names: str) -> str | None:
    """First non-empty ``content`` of a ``<meta>`` whose name/property/itemprop is in ``names``."""
    wanted = {n.lower() for n in names}
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (
            element.get("property") or element.get("name") or element.get("itemprop") or ""
        ).lower()
        content = (element.get("content") or "").strip()
        if key in wanted and content and key not in found:
            found[key] = content
    for name in names:
        if name.lower() in found:
            return found[name.lower()]
    return None


def _json_ld_article(tree: Any) -> dict[str, Any]:
    """The first Article-like object in the page's JSON-LD, or ``{}``."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds) and (
                    item.get("headline") or item.get("datePublished")
                ):
                    return item
                stack.extend(v for v in item.values() if isinstance(v, list | dict))
    return {}


def _names(value: Any) -> str | None:
    """Author or publisher names from a JSON-LD value (string, object or list of them)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def html_metadata(html: str, tree: Any = None) -> HtmlMetadata:
    """Title, date, author, site name, canonical URL and language from meta tags and JSON-LD.

    >>> page = ('<html lang="en"><head><meta property="og:site_name" content="Harbour Post">'
    ...         '<meta property="article:published_time" content="2025-03-04T08:15:00Z">'
    ...         '<title>Ferry strike ends | Harbour Post</title></head><body></body></html>')
    >>> meta = html_metadata(page)
    >>> meta.title, meta.site_name, meta.published.isoformat(), meta.language
    ('Ferry strike ends', 'Harbour Post', '2025-03-04T08:15:00+00:00', 'en')
    """
    tree = tree if tree is not None else _parse_tree(html)
    if tree is None:
        return HtmlMetadata()
    ld = _json_ld_article(tree)
    site = _meta(tree, "og:site_name", "application-name", "publisher") or _names(
        ld.get("publisher")
    )
    title = (
        _text(ld.get("headline"))
        or _meta(tree, "og:title", "twitter:title", "headline")
        or _first_text(tree, "h1")
        or _first_text(tree, "title")
    )
    if title and site:
        title = _strip_site_suffix(title, site)
    elif title:
        title = re.split(r"\s+[|–—]\s+(?=[^|–—]{2,40}$)", title)[0]
    date_text = (
        _text(ld.get("datePublished"))
        or _meta(
            tree, "article:published_time", "og:published_time", "datePublished",
            "publication_date", "pubdate", "publishdate", "publish-date", "date", "dc.date",
            "dc.date.issued", "dcterms.date", "parsely-pub-date", "sailthru.date",
        )
        or _first_time(tree)
    )  # fmt: skip
    parsed = parse_iso_datetime(date_text) if date_text else None
    author = _names(ld.get("author")) or _meta(
        tree, "author", "article:author", "byl", "dc.creator"
    )
    if author and author.startswith(("http://", "https://")):
        author = None
    if author:
        author = re.sub(r"^by\s+", "", author, flags=re.I)
    url = _canonical(tree) or _meta(tree, "og:url") or _text(ld.get("url"))
    language = tree.get("lang") or _meta(tree, "og:locale", "language", "content-language")
    return HtmlMetadata(
        title=safe_line(title) if title else None,
        published=parsed[0] if parsed else None,
        published_has_time=parsed[1] if parsed else False,
        author=safe_line(author) if author else None,
        site_name=safe_line(site) if site else None,
        url=safe_line(url) if url else None,
        language=_short_language(language),
    )


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _first_text(tree: Any, tag: str) -> str | None:
    for element in tree.iter(tag):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _first_time(tree: Any) -> str | None:
    for element in tree.iter("time"):
        if element.get("datetime"):
            return str(element.get("datetime"))
    return None


def _canonical(tree: Any) -> str | None:
    for element in tree.iter("link"):
        if "canonical" in (element.get("rel") or "").lower().split() and element.get("href"):
            return str(element.get("href")).strip()
    return None


def _short_language(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _strip_site_suffix(title: str, site: str) -> str:
    """``"Headline | Site"`` becomes ``"Headline"`` when the suffix is the site name."""
    for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
        head, _, tail = title.rpartition(sep)
        if head and tail.strip().lower() == site.strip().lower():
            return head.strip()
    return title


def _drop_elements(tree: Any, tags: tuple[str, ...]) -> None:
    for element in list(tree.iter(*tags)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()


def html_to_markdown(fragment: str) -> str:
    """Convert an HTML fragment to Markdown; unsafe elements and link schemes are removed.

    >>> html_to_markdown('<p>A <em>b</em> <a href="https://x.org">c</a><script>x()</script></p>')
    'A *b* [c](https://x.org)'
    """
    import lxml.html
    from markdownify import markdownify

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return ""
    _drop_elements(root, _UNSAFE_TAGS)
    _drop_elements(root, ("img", "picture", "video", "audio", "figure"))
    cleaned = lxml.html.tostring(root, encoding="unicode")
    markdown = markdownify(cleaned, heading_style="ATX", bullets="-", escape_underscores=False)
    markdown = neutralise_links(markdown)
    markdown = "\n".join(line.rstrip() for line in markdown.split("\n"))
    return _MULTI_BLANK.sub("\n\n", markdown).strip()


def extract_main_html(html: str, tree: Any = None) -> str | None:
    """The main content of a page as an HTML fragment (trafilatura, with a simple fallback).

    Scripts, navigation, footers and asides are removed first (``tree`` is modified).
    """
    import trafilatura

    def run(recall: bool) -> str | None:
        try:
            result = trafilatura.extract(
                html,
                output_format="html",
                include_links=True,
                include_formatting=True,
                include_comments=False,
                include_images=False,
                include_tables=True,
                favor_recall=recall,
            )
        except Exception:
            return None
        return result if result and result.strip() else None

    if tree is not None:
        import lxml.html

        _drop_elements(tree, (*_UNSAFE_TAGS, "nav", "footer", "aside"))
        html = lxml.html.tostring(tree, encoding="unicode")
    return run(False) or _fallback_main_html(html) or run(True)


def _fallback_main_html(html: str, tree: Any = None) -> str | None:
    """Body of ``<article>``, ``<main>`` or ``<body>`` without navigation and page chrome."""
    import lxml.html

    tree = tree if tree is not None else _parse_tree(html)
    if tree is None:
        return None
    _drop_elements(tree, _UNSAFE_TAGS + _BOILERPLATE_TAGS)
    for tag in ("article", "main", "body"):
        for element in tree.iter(tag):
            return str(lxml.html.tostring(element, encoding="unicode"))
    return None


@dataclass(frozen=True, slots=True)
class HtmlContent:
    """Main content of a page: Markdown and its blocks, plus the page metadata."""

    markdown: str
    blocks: list[Block]
    meta: HtmlMetadata


def defuse_markup(html: str) -> str:
    """Markup the parsers mishandle, made harmless before parsing (linear regexes).

    Void media tags (``<embed>``, ``<param>``…) are dropped: an HTML4 parser treats them
    as containers and would swallow the rest of the page into them. A tag longer than
    20,000 characters keeps only its name: thousands of attributes on one element make
    parsing quadratic, and no article needs them.

    >>> defuse_markup("<p>a</p><embed src='x.swf'><p>b</p>")
    '<p>a</p><p>b</p>'
    >>> defuse_markup("<div " + "a=1 " * 6000 + ">x</div>")
    '<div>x</div>'
    """
    html = _VOID_EMBEDS.sub("", html)
    return _OVERLONG_TAG.sub(r"<\1>", html)


def extract_html(html: str) -> HtmlContent:
    """Metadata and main content (as Markdown blocks) of an HTML page."""
    html = defuse_markup(html)
    meta_tree = _parse_tree(html)
    meta = html_metadata(html, meta_tree) if meta_tree is not None else HtmlMetadata()
    fragment = extract_main_html(html, _parse_tree(html))
    markdown = html_to_markdown(fragment) if fragment else ""
    return HtmlContent(markdown, markdown_blocks(markdown), meta)
