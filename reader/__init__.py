"""reader: a terminal news reader for people who study the news.

The headless core is importable on its own (no Textual, no Rich): open a store,
query articles and search. Importing lives in ``reader.importer``, annotations in
``reader.annotations``, analysis in ``reader.analysis``, export in ``reader.export``.
"""

# No ``from __future__ import annotations`` here: it would bind ``reader.annotations``
# to a __future__ feature and shadow the ``reader.annotations`` module.

__version__ = "0.1.0"

from reader.app_context import open_store
from reader.errors import ReaderError
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
    "open_store",
    "parse_filter",
]
