"""Entity extraction with spaCy (optional: needs the ``[spacy]`` extra and a model).

spaCy labels map onto ours (GPE/LOC/FAC -> PLACE); spans get the same treatment as the
built-in extractor's (no leading "the", no possessive), and in-text keys group a
surname with the full name seen earlier.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from reader.analysis.entities import KnownNames
from reader.analysis.names import core_words, norm
from reader.errors import ConfigError
from reader.models import EntityMention

LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
}


@lru_cache(maxsize=2)
def _load(model: str) -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise ConfigError(
            "extractor 'spacy' needs spaCy: pip install 'reader-desk[spacy]'"
        ) from exc
    try:
        return spacy.load(model, disable=["lemmatizer"])
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed: python -m spacy download {model}"
        ) from exc


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    for article in ("the ", "The "):
        if span.startswith(article):
            start += len(article)
            span = span[len(article) :]
    for suffix in ("’s", "'s"):
        if span.endswith(suffix):
            end -= len(suffix)
    return start, end


def spacy_extractor(
    model: str = "en_core_web_sm",
) -> Callable[
    [str, KnownNames | Mapping[str, str] | None], tuple[list[EntityMention], list[EntityMention]]
]:
    """An extractor function with the built-in one's signature, backed by a spaCy model."""
    nlp = _load(model)

    def extract(
        text: str, known: KnownNames | Mapping[str, str] | None = None
    ) -> tuple[list[EntityMention], list[EntityMention]]:
        doc = nlp(text)
        surnames: dict[str, tuple[str, str]] = {}
        entities: list[EntityMention] = []
        norps: list[EntityMention] = []
        for ent in doc.ents:
            kind = LABELS.get(ent.label_)
            if kind is None:
                continue
            start, end = _trim(text, ent.start_char, ent.end_char)
            surface = text[start:end]
            if not surface:
                continue
            key, name = norm(surface), surface
            words = core_words(surface)
            if kind == "PERSON":
                if len(words) >= 2:
                    surnames[words[-1]] = (key, name)
                elif words and words[0] in surnames:
                    key, name = surnames[words[0]]
            mention = EntityMention(start, end, surface, kind, key, name)  # type: ignore[arg-type]
            (norps if kind == "NORP" else entities).append(mention)
        return entities, norps

    return extract
