"""Analysis: people, organisations, places, nationalities, dates and quotes in news text,
linked to canonical entities shared across articles.

``analyse`` is pure (text in, :class:`~reader.models.Analysis` out); ``analyse_article``
analyses a stored article and links its mentions; corrections live in
:mod:`reader.analysis.corrections`.
"""

from reader.analysis.corrections import (
    add_entity,
    ignore_entity,
    merge_entities,
    rename_entity,
    set_entity_type,
    split_alias,
)
from reader.analysis.entities import KnownNames, extract_entities
from reader.analysis.pipeline import (
    analyse,
    analyse_article,
    article_analysis_dict,
    configure,
    reanalyse,
    reference_date,
)

__all__ = [
    "KnownNames",
    "add_entity",
    "analyse",
    "analyse_article",
    "article_analysis_dict",
    "configure",
    "extract_entities",
    "ignore_entity",
    "merge_entities",
    "reanalyse",
    "reference_date",
    "rename_entity",
    "set_entity_type",
    "split_alias",
]
