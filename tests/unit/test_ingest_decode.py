"""Decoding: BOMs, UTF-16, legacy codepages, mojibake, controls and terminal escapes."""

from __future__ import annotations

import codecs

import pytest

from reader.errors import IngestError
from reader.ingest import parse_bytes
from reader.ingest.decode import decode_and_normalize, decode_bytes, normalize_text

TEXT = "Café owners in Zürich say “no” — naïve plans"


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 with BOM"),
        (TEXT.encode("utf-16"), "utf-16 with BOM"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be with BOM"),
        (TEXT.encode("utf-16-le"), "utf-16-le without BOM"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_decodings(data: bytes, label: str) -> None:
    assert decode_and_normalize(data, "x") == TEXT


def test_latin1_bytes() -> None:
    assert decode_and_normalize("Grüße aus Köln".encode("latin-1"), "x") == "Grüße aus Köln"


def test_cyrillic_codepage_is_detected() -> None:
    text = "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе."
    assert decode_and_normalize(text.encode("cp1251"), "x") == text


@pytest.mark.parametrize(
    ("garbled", "fixed"),
    [
        ("CafÃ© Ã©tÃ©", "Café été"),
        ("Syriaâ€™s new leader", "Syria’s new leader"),
        ("â€œquotedâ€\x9d", "“quoted”"),
        ("LavrovÂ said", "Lavrov said"),
        ("It was 5 Â°C", "It was 5 °C"),
        ("word Ìý word", "word   word"),
    ],
)
def test_mojibake_repaired(garbled: str, fixed: str) -> None:
    assert normalize_text(garbled) == fixed


def test_nfc_normalisation() -> None:
    assert normalize_text("e\u0301") == "é"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x1b]8;;http://evil\x07link\x1b]8;;\x07b", "alinkb"),
        ("before\x1b[2Jafter", "beforeafter"),
        ("title\x1b]2;pwned\x1b\\end", "titleend"),
        ("bell\x07 nul\x00 del\x7f c1\x85 done", "bell nul del c1 done"),
        ("bidi\u202eevil\u202c ok", "bidievil ok"),
        ("line\r\nnext\rlast", "line\nnext\nlast"),
        ("tab\tkept", "tab\tkept"),
    ],
)
def test_controls_and_escapes_removed(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean


def test_escapes_removed_through_the_whole_pipeline() -> None:
    data = (
        b"Headline about \x1b[31mred\x1b[0m ports\n\n"
        b"Body \x1b]8;;http://evil\x07text\x1b]8;;\x07 here.\x1b[2J"
    )
    [article] = parse_bytes(data, name="-")
    assert article.title == "Headline about red ports"
    assert article.body == ("Body text here.",)
    assert "\x1b" not in article.raw_text


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n....", b"abc\x00\x01\x02def\x00" * 10, b"PK\x03\x04zip"],
)
def test_binary_rejected(data: bytes) -> None:
    with pytest.raises(IngestError, match="not a text file"):
        decode_bytes(data, "blob.txt")
