"""reader: a terminal news reader for people who study the news.

The headless core is importable on its own (no Textual, no Rich): open a store,
import files, query articles, entities and annotations, export notes.
"""

from __future__ import annotations

__version__ = "0.1.0"

from reader.app_context import open_store
from reader.errors import ReaderError
from reader.importer import ensure_seeded, import_paths
from reader.models import Annotation, Article, ArticleSummary, Entity, ParsedArticle, SearchHit
from reader.query import ArticleFilter, parse_filter
from reader.store import Store

__all__ = [
    "Annotation",
    "Article",
    "ArticleFilter",
    "ArticleSummary",
    "Entity",
    "ParsedArticle",
    "ReaderError",
    "SearchHit",
    "Store",
    "__version__",
    "ensure_seeded",
    "import_paths",
    "open_store",
    "parse_filter",
]
