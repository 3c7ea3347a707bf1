"""Bytes to clean Unicode text: decoding, mojibake repair, normalisation, control removal.

Every input format passes through here first, so nothing downstream ever sees a BOM,
a terminal escape sequence or a stray control character.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from reader.errors import IngestError
from reader.sanitize import safe_text

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3", "SQLite database"),
)

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (7, 9, 10, 11, 12, 13, 27))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)

# A character that UTF-8 lead bytes become under Latin-1/cp1252, followed by one that
# a continuation byte becomes: the fingerprint of UTF-8 decoded with the wrong codec.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161"
    "\u203a\u0153\u017e\u0178]|\u00c2(?= )"
)

# Artefacts ftfy cannot undo (the bytes were decoded through a double-byte codepage),
# with what they stood for.
_KNOWN_GARBAGE = re.compile("\u00cc\u00fd")

# Seven-bit escape sequences, removed before mojibake repair so that ftfy never sees them;
# the 8-bit forms (CSI 0x9B, OSC 0x9D) can only be told from mojibake after repair.
_ESC_SEQUENCES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"
    r"|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[ -/]*[0-~]"
)

_FIXED_SPACES = re.compile("[\u00a0\u2007\u202f\u3000]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029]")


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary file ``data`` is, or ``None`` when it may be text.

    >>> sniff_binary(b"%PDF-1.7 ...")
    'PDF document'
    >>> sniff_binary(b"plain words") is None
    True
    """
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:8192]
    if b"\x00" in head:
        if _looks_like_bomless_utf16(head):
            return None
        return "binary data (NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > 0.1:
        return "binary data (control bytes)"
    return None


def _looks_like_bomless_utf16(head: bytes) -> bool:
    """UTF-16 text without a BOM: NUL in every other byte of mostly ASCII text."""
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return False
    return odd.count(0) / len(odd) > 0.9 or even.count(0) / len(even) > 0.9


def _bomless_utf16_codec(head: bytes) -> str:
    return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names in the first 4 KB."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` to ``str``: BOM, then UTF-8, then a declared or detected codec.

    Raises ``IngestError`` for binary data.

    >>> decode_bytes("Café".encode("utf-16"), "x")
    'Café'
    >>> decode_bytes("Café".encode("cp1252"), "x")
    'Café'
    """
    kind = sniff_binary(data)
    if kind:
        raise IngestError(source, f"not a text file ({kind})")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(source, f"cannot decode as {codec}: {exc.reason}") from None
    if b"\x00" in data[:8192]:
        codec = _bomless_utf16_codec(data[:8192])
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> str:
    """Decode non-UTF-8 bytes.

    Text with few high bytes is Western European (cp1252, else Latin-1); text dense in
    high bytes (Cyrillic, Greek, CJK codepages) goes to charset detection.
    """
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if high / max(1, min(len(data), 65536)) > 0.15 and len(data) >= 32:
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(data[:65536]).best()
        except Exception:
            best = None
        if best is not None and best.encoding:
            try:
                return data.decode(best.encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def has_mojibake(text: str) -> bool:
    """Cheap test for UTF-8 read through a single-byte codec (``Ã©``, ``â€™``, ``Â``).

    >>> has_mojibake("Syriaâ€™s"), has_mojibake("Syria’s café")
    (True, False)
    """
    return _MOJIBAKE_HINT.search(text) is not None or _KNOWN_GARBAGE.search(text) is not None


def repair_mojibake(text: str) -> str:
    """Repair mojibake with ftfy, only on the lines that show its fingerprint.

    >>> repair_mojibake("CafÃ© au lait\\nfine line")
    'Café au lait\\nfine line'
    """
    if not has_mojibake(text):
        return text
    import ftfy

    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line):
            line = ftfy.fix_text(
                line, uncurl_quotes=False, fix_character_width=False, unescape_html=False
            )
        if _KNOWN_GARBAGE.search(line) and _has_ascii_letters(line):
            line = _KNOWN_GARBAGE.sub(" ", line)
        lines[i] = line
    return "\n".join(lines)


def _has_ascii_letters(text: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in text)


def normalize_text(text: str) -> str:
    """Decoded text made clean and safe: mojibake repaired, NFC, controls and escapes removed.

    No-break and other fixed-width spaces become plain spaces.

    >>> normalize_text("\\ufeffe\\u0301\\x1b[2J\\u00a0x\\r\\n")
    'é x\\n'
    """
    if "\x1b" in text:
        text = _ESC_SEQUENCES.sub("", text)
    text = repair_mojibake(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.isascii():
        text = _LINE_SEPARATORS.sub(
            "\n", _FIXED_SPACES.sub(" ", unicodedata.normalize("NFC", text))
        )
    return safe_text(text)


def decode_and_normalize(data: bytes, source: str) -> str:
    """``decode_bytes`` then ``normalize_text``."""
    return normalize_text(decode_bytes(data, source))
