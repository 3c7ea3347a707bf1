"""Name normalisation shared by the extractor and the linker.

``norm`` is the exact-match form (case, diacritics, hyphens, possessives folded away);
``fold`` goes further for transliteration variants ("Sergey"/"Sergei", "Ahmad"/"Ahmed",
"al-Shara"/"al-Sharaa"); ``slug`` makes readable entity keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "az",
        "an",
        "ud",
        "ul",
        "bin",
        "ibn",
        "bint",
        "ben",
        "abu",
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "du",
        "dos",
        "das",
        "la",
        "le",
    ]
)
"""Name particles: kept in spans, ignored when names are compared."""

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " "})
_POSSESSIVE = re.compile(r"'s$")
_NON_WORD = re.compile(r"[^\w]+")
_VOWEL_RUNS = re.compile(r"[aeiou]+")
_DOUBLES = re.compile(r"(.)\1+")

_TRANSLIT = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ph", "f"),
    ("kh", "h"),
    ("q", "k"),
    ("dh", "d"),
    ("th", "t"),
    ("ck", "k"),
    ("w", "v"),
    ("j", "y"),
    ("y", "i"),
)


@lru_cache(maxsize=65536)
def strip_accents(text: str) -> str:
    """``text`` without combining marks ("Sánchez" -> "Sanchez")."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """Exact-match form of a name: lower case, no accents, no possessive, words by one space.

    >>> norm("Hayat Tahrir-al-Sham")
    'hayat tahrir al sham'
    >>> norm("Assad’s")
    'assad'
    """
    text = strip_accents(name.translate(_APOSTROPHES)).lower().strip()
    text = _POSSESSIVE.sub("", text)
    if text.startswith("the "):
        text = text[4:]
    return " ".join(_NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=65536)
def core_words(name: str) -> tuple[str, ...]:
    """The words of a name without particles and without a leading "the".

    >>> core_words("Ahmed Hussein al-Sharaa")
    ('ahmed', 'hussein', 'sharaa')
    """
    words = [w for w in norm(name).split() if w not in PARTICLES]
    return tuple(words) or tuple(norm(name).split())


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A transliteration-tolerant form of one lower-case word.

    >>> fold("sergey") == fold("sergei")
    True
    >>> fold("sharaa") == fold("shara")
    True
    """
    text = word
    for old, new in _TRANSLIT:
        text = text.replace(old, new)
    text = _DOUBLES.sub(r"\1", text)
    if len(text) > 3 and text.endswith(("a", "e", "i")):
        text = text[:-1] + "a"
    return text


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of a folded word, keeping its first letter ("ahmad" -> "ahmd")."""
    folded = fold(word)
    return folded[:1] + _VOWEL_RUNS.sub("", folded[1:])


def acronym(name: str) -> str:
    """Initials of a multi-word name, particles and "of/the/and/for" skipped.

    >>> acronym("Hayat Tahrir al-Sham")
    'HTS'
    >>> acronym("North Atlantic Treaty Organization")
    'NATO'
    """
    skip = PARTICLES | {"of", "the", "and", "for", "in", "on"}
    words = [w for w in norm(name).split() if w not in skip]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def slug(name: str) -> str:
    """A readable identifier for a name ("Ahmed al-Sharaa" -> "ahmed_al_sharaa")."""
    return "_".join(norm(name).split()) or "entity"
