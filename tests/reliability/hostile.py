"""A generated corpus of hostile and broken inputs for the import path.

Every case is built on demand in a temporary folder (nothing is downloaded or kept
in the repository). ``CASES`` lists them with their kind, the file name they get and
what an import must do with them: ``store`` a clean article, ``fail`` with one clear
line, or ``either`` of the two.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Expectation = Literal["store", "fail", "either"]

SECRET = "CANARY-7f3e9b-do-not-read"
"""Content of a local file that external XML entities point at; must never be stored."""

PAYLOAD_MARK = "PAYLOAD9Q"
"""Marker inside script/style/event-handler payloads; must never reach the clean text."""

CSI_CLEAR = "\x1b[2J\x1b[H"
CSI_MOVES = "\x1b[10;20H\x1b[3A\x1b[5C\x1b[?25l\x1b[31;1m"
OSC8_LINK = "\x1b]8;;https://evil.example/x\x1b\\click me\x1b]8;;\x1b\\"
OSC52_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4vKgo=\x07"
OSC_TITLE = "\x1b]2;pwned terminal title\x07"
C1_CSI = "\x9b2J\x9d0;c1 title\x9c"
DCS = "\x1bP1$r0m\x1b\\"
BIDI = "\u202eevil\u202c \u202d\u202a\u202b\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u2060\ufeff"
RICH_MARKUP = "[bold red]loud[/] [link=https://evil.example]x[/link] [/] [blink]b"

TITLE = "Ministers meet in Geneva over grain corridor"
PARAGRAPHS = [
    "Foreign Minister Elena Petrova said on Monday that talks with the United Nations "
    "on the grain corridor would resume in Geneva next week, after a pause of three months.",
    "Officials in Ankara confirmed that delegations from both sides had agreed to a "
    "technical meeting on 12 June, according to a statement issued late on Friday.",
    '"We will not accept any delay on the shipments," Petrova told reporters in Geneva, '
    "adding that the ports of Odesa and Izmail were ready to load vessels.",
    "Analysts in Berlin expect the corridor to dominate the agenda when the Security "
    "Council meets again in March, with insurers watching the Black Sea closely.",
    "The World Bank estimated last year that the disruption had raised bread prices "
    "across North Africa by a fifth, hitting Cairo and Tunis hardest.",
]


@dataclass(frozen=True)
class Case:
    """One hostile input: how to build it and what the import must do with it."""

    kind: str
    name: str
    expect: Expectation
    build: Callable[[Path], Path]
    """Write the input under the given folder; return the path to import."""
    seconds: float = 20.0
    """Wall-clock limit for one import of this case (a hang beyond it is a failure)."""
    in_cli: bool = True
    """Also run through the command line (a few cases need in-process set-up)."""

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.name}"


# ------------------------------------------------------------------ article builders


def text_dump(title: str = TITLE, paragraphs: list[str] | None = None) -> str:
    """A plain-text page dump in the style of the seeds."""
    paragraphs = PARAGRAPHS if paragraphs is None else paragraphs
    lines = ["Skip to main content", "", title, "", "3 min read", "12 March, 2024", ""]
    for para in paragraphs:
        lines += [para, ""]
    lines += ["By Jonas Lindqvist", "", "Subscribe to our newsletter", ""]
    return "\n".join(lines)


def html_page(title: str = TITLE, paragraphs: list[str] | None = None, extra: str = "") -> str:
    paragraphs = PARAGRAPHS if paragraphs is None else paragraphs
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title>"
        "<meta property='og:site_name' content='Example Wire'>"
        "<meta name='author' content='Jonas Lindqvist'>"
        "<meta property='article:published_time' content='2024-03-12T09:00:00Z'>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
        f"<p class='byline'>By Jonas Lindqvist</p>{extra}{body}</article>"
        "<footer>© 2024 Example Wire</footer></body></html>"
    )


def markdown_doc(title: str = TITLE, paragraphs: list[str] | None = None) -> str:
    paragraphs = PARAGRAPHS if paragraphs is None else paragraphs
    return f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"


def rss_feed(items: list[tuple[str, str]], prolog: str = "") -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>https://example.org/{i}</link>"
        f"<guid>https://example.org/{i}</guid>"
        f"<pubDate>Tue, 12 Mar 2024 09:00:00 GMT</pubDate>"
        f"<description>{d}</description></item>"
        for i, (t, d) in enumerate(items)
    )
    return (
        f"<?xml version='1.0' encoding='utf-8'?>{prolog}"
        "<rss version='2.0'><channel><title>Example Wire</title>"
        f"<link>https://example.org/</link><description>news</description>{entries}"
        "</channel></rss>"
    )


def _feed_body() -> str:
    return " ".join(PARAGRAPHS[:3])


def _write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return build


def _lazy(name: str, make: Callable[[], bytes]) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(make())
        return path

    return build


# ------------------------------------------------------------------ injected text


def _inject(payload: str) -> tuple[str, list[str]]:
    """The base title and paragraphs with ``payload`` spliced into both."""
    title = f"Ministers meet {payload} in Geneva over grain corridor"
    paragraphs = list(PARAGRAPHS)
    paragraphs[0] = paragraphs[0].replace("said on Monday", f"said {payload} on Monday")
    paragraphs[2] = payload + paragraphs[2] + payload
    return title, paragraphs


INJECTIONS: dict[str, str] = {
    "csi-clear": CSI_CLEAR,
    "csi-cursor": CSI_MOVES,
    "osc8-link": OSC8_LINK,
    "osc52-clipboard": OSC52_CLIPBOARD,
    "osc2-title": OSC_TITLE,
    "c1-controls": C1_CSI,
    "dcs": DCS,
    "bidi": BIDI,
    "zero-width": ZERO_WIDTH,
    "rich-markup": RICH_MARKUP,
    "bare-controls": "\x07\x08\x0b\x0c\r\x7f\x1b",
}


def _entity_escaped(payload: str) -> str:
    """The payload written as XML/HTML numeric character references."""
    return "".join(
        f"&#x{ord(c):x};" if ord(c) < 32 or 0x7F <= ord(c) <= 0x9F else c for c in payload
    )


def _injection_cases() -> list[Case]:
    cases = []
    for label, payload in INJECTIONS.items():
        title, paras = _inject(payload)
        kind = (
            "markup"
            if label == "rich-markup"
            else ("bidi" if label in ("bidi", "zero-width") else "escapes")
        )
        cases.append(
            Case(kind, f"{label}-txt", "store", _write(f"{label}.txt", text_dump(title, paras)))
        )
        cases.append(
            Case(kind, f"{label}-md", "store", _write(f"{label}.md", markdown_doc(title, paras)))
        )
        cases.append(
            Case(kind, f"{label}-html", "store", _write(f"{label}.html", html_page(title, paras)))
        )
        ref_title, ref_paras = _inject(_entity_escaped(payload))
        cases.append(
            Case(
                kind,
                f"{label}-html-charref",
                "store",
                _write(f"{label}-ref.html", html_page(ref_title, ref_paras)),
            )
        )
        feed = rss_feed([(ref_title, " ".join(ref_paras[:3]))])
        cases.append(Case(kind, f"{label}-rss-charref", "either", _write(f"{label}.xml", feed)))
        raw_feed = rss_feed([(_xml_text(title), _xml_text(" ".join(paras[:3])))])
        cases.append(Case(kind, f"{label}-rss-raw", "either", _write(f"{label}-raw.rss", raw_feed)))
    return cases


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


# ------------------------------------------------------------------ binary, empty, big


def _random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


BINARY_CASES = [
    Case(
        "binary",
        "png-as-txt",
        "fail",
        _write("image.txt", b"\x89PNG\r\n\x1a\n" + _random_bytes(4000, 1)),
    ),
    Case(
        "binary",
        "elf-as-html",
        "fail",
        _write("program.html", b"\x7fELF\x02\x01\x01" + _random_bytes(4000, 2)),
    ),
    Case("binary", "pdf-as-md", "fail", _write("paper.md", b"%PDF-1.7\n" + _random_bytes(4000, 3))),
    Case(
        "binary",
        "zip-as-xml",
        "fail",
        _write("archive.xml", b"PK\x03\x04" + _random_bytes(4000, 4)),
    ),
    Case("binary", "random-txt", "fail", _write("noise.txt", _random_bytes(64_000, 5))),
    Case("binary", "random-rss", "fail", _write("noise.rss", _random_bytes(64_000, 6))),
    Case("binary", "sqlite-as-txt", "fail", _write("db.txt", b"SQLite format 3\x00" + bytes(4000))),
]

EMPTY_CASES = [
    Case("empty", "txt", "fail", _write("empty.txt", b"")),
    Case("empty", "html", "fail", _write("empty.html", b"")),
    Case("empty", "md", "fail", _write("empty.md", b"")),
    Case("empty", "xml", "fail", _write("empty.xml", b"")),
    Case("empty", "whitespace-txt", "fail", _write("blank.txt", b" \n\t\r\n  \n")),
    Case("empty", "bom-only-txt", "fail", _write("bom.txt", b"\xef\xbb\xbf")),
    Case(
        "empty",
        "empty-html-body",
        "either",
        _write("nobody.html", "<html><head></head><body></body></html>"),
    ),
    Case("empty", "feed-no-items", "either", _write("noitems.xml", rss_feed([]))),
]


def _fifty_megabytes() -> bytes:
    block = text_dump().encode("utf-8")
    return block * (50 * 1024 * 1024 // len(block) + 1)


def _long_line(size: int) -> bytes:
    words = " ".join(PARAGRAPHS).encode("utf-8")
    return (words + b" ") * (size // (len(words) + 1) + 1)


HUGE_CASES = [
    Case("huge", "50mb-txt", "either", _lazy("fifty.txt", _fifty_megabytes), seconds=120),
    Case(
        "huge",
        "5mb-single-line-txt",
        "either",
        _lazy("oneline.txt", lambda: _long_line(5 * 2**20)),
        seconds=120,
    ),
    Case(
        "huge",
        "5mb-single-line-html",
        "either",
        _lazy(
            "oneline.html", lambda: html_page(paragraphs=[_long_line(5 * 2**20).decode()]).encode()
        ),
        seconds=120,
    ),
    Case(
        "huge",
        "5mb-single-line-md",
        "either",
        _lazy("oneline.md", lambda: _long_line(5 * 2**20)),
        seconds=120,
    ),
]

# ------------------------------------------------------------------ encodings


def _invalid_utf8() -> bytes:
    data = bytearray(text_dump().encode("utf-8"))
    rng = random.Random(9)
    for _ in range(40):
        data[rng.randrange(len(data))] = rng.choice([0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF, 0xFE])
    return bytes(data)


def _mixed_encodings() -> bytes:
    parts = [
        PARAGRAPHS[0].encode("utf-8"),
        "Café au lait in Zürich, señor, naïve façade.".encode("latin-1"),
        "Smart “quotes” – and € signs in cp1252.".encode("cp1252"),
        "Тем временем в Москве заявили о переговорах.".encode("koi8_r"),
        "Der Minister sagte, die Gespräche würden fortgesetzt.".encode(),
    ]
    header = f"Skip to main content\n\n{TITLE}\n\n12 March, 2024\n\n".encode()
    return header + b"\n\n".join(parts) + b"\n"


ENCODING_CASES = [
    Case("encoding", "invalid-utf8", "either", _lazy("badutf8.txt", _invalid_utf8)),
    Case(
        "encoding", "utf16le-no-bom", "store", _write("u16le.txt", text_dump().encode("utf-16-le"))
    ),
    Case(
        "encoding", "utf16be-no-bom", "store", _write("u16be.txt", text_dump().encode("utf-16-be"))
    ),
    Case(
        "encoding",
        "utf16le-no-bom-html",
        "store",
        _write("u16le.html", html_page().encode("utf-16-le")),
    ),
    Case(
        "encoding",
        "utf16-bom-odd-length",
        "either",
        _write(
            "u16odd.txt", "\ufeff".encode("utf-16-le") + text_dump().encode("utf-16-le") + b"\x41"
        ),
    ),
    Case("encoding", "utf32-bom", "store", _write("u32.txt", text_dump().encode("utf-32"))),
    Case("encoding", "mixed", "either", _lazy("mixed.txt", _mixed_encodings)),
    Case(
        "encoding",
        "nul-bytes-sprinkled",
        "either",
        _write("nuls.txt", text_dump().replace(" the ", " the\x00").encode("utf-8")),
    ),
    Case(
        "encoding",
        "nul-bytes-in-html",
        "either",
        _write("nuls.html", html_page().replace("<p>", "<p>\x00").encode("utf-8")),
    ),
    Case(
        "encoding",
        "overlong-and-surrogates",
        "either",
        _write(
            "overlong.txt",
            text_dump().encode() + b"\xc0\xaf \xed\xa0\x80 \xed\xbf\xbf \xf4\x90\x80\x80",
        ),
    ),
    Case(
        "encoding",
        "latin1-declared-utf8-html",
        "either",
        _write(
            "liar.html",
            html_page(
                title="Caf\xe9 talks", paragraphs=[p + " caf\xe9" for p in PARAGRAPHS]
            ).encode("latin-1"),
        ),
    ),
    Case(
        "encoding",
        "bogus-declared-charset",
        "either",
        _write("bogus.html", html_page().replace("charset='utf-8'", "charset='x-no-such-codec'")),
    ),
    Case(
        "encoding",
        "utf7-declared-xml",
        "either",
        _write(
            "utf7.xml",
            rss_feed([(TITLE, _feed_body())]).replace("encoding='utf-8'", "encoding='utf-7'"),
        ),
    ),
]

# ------------------------------------------------------------------ HTML


def _active_html() -> str:
    extra = (
        f"<script>alert('{PAYLOAD_MARK}'); document.write('{PAYLOAD_MARK}')</script>"
        f"<style>body {{ background: url('{PAYLOAD_MARK}') }}</style>"
        f"<iframe src='https://evil.example/{PAYLOAD_MARK}'>{PAYLOAD_MARK} frame text</iframe>"
        f"<img src=x onerror=\"alert('{PAYLOAD_MARK}')\">"
        f"<noscript>{PAYLOAD_MARK}</noscript>"
        f"<object data='{PAYLOAD_MARK}.swf'></object>"
        f"<template>{PAYLOAD_MARK}</template>"
        f"<svg><script>{PAYLOAD_MARK}</script></svg>"
    )
    paras = list(PARAGRAPHS)
    paras[1] = (
        f"<a href=\"javascript:alert('{PAYLOAD_MARK}')\" onclick=\"steal('{PAYLOAD_MARK}')\">"
        "Officials in Ankara</a>" + paras[1][len("Officials in Ankara") :]
    )
    return html_page(paragraphs=paras, extra=extra).replace(
        "<body>", f"<body onload=\"alert('{PAYLOAD_MARK}')\">"
    )


def _nested_html(depth: int) -> bytes:
    return (
        b"<html><head><title>Deep</title></head><body>"
        + b"<div>" * depth
        + " ".join(PARAGRAPHS).encode()
        + b"</div>" * depth
        + b"</body></html>"
    )


def _unclosed_nested_html(depth: int) -> bytes:
    return b"<html><body>" + b"<b><i><span>" * (depth // 3) + b"text"


HTML_CASES = [
    Case("html", "script-style-iframe-handlers", "store", _write("active.html", _active_html())),
    Case(
        "html",
        "nested-100k-divs",
        "either",
        _lazy("deep.html", lambda: _nested_html(100_000)),
        seconds=60,
    ),
    Case(
        "html",
        "unclosed-100k-inline",
        "either",
        _lazy("unclosed.html", lambda: _unclosed_nested_html(100_000)),
        seconds=60,
    ),
    Case(
        "html",
        "huge-attribute",
        "either",
        _lazy(
            "bigattr.html",
            lambda: html_page(extra="<div data-x='" + "A" * (8 * 2**20) + "'>x</div>").encode(),
        ),
        seconds=60,
    ),
    Case(
        "html",
        "many-attributes",
        "either",
        _lazy(
            "manyattr.html",
            lambda: html_page(
                extra="<div " + " ".join(f"a{i}='{i}'" for i in range(200_000)) + ">x</div>"
            ).encode(),
        ),
        seconds=30,
    ),
    Case(
        "html",
        "markdown-injection-in-html",
        "store",
        _write(
            "mdinject.html",
            html_page(
                title="[x](javascript:alert(1)) # not a heading",
                paragraphs=["<a href='javascript:alert(1)'>link</a> " + p for p in PARAGRAPHS],
            ),
        ),
    ),
    Case(
        "html",
        "embed-void-element",
        "store",
        _write("embed.html", html_page(extra=f"<embed src='{PAYLOAD_MARK}.swf'>")),
    ),
    Case(
        "html",
        "comment-and-cdata",
        "either",
        _write(
            "comments.html", html_page(extra=f"<!-- {PAYLOAD_MARK} --><![CDATA[{PAYLOAD_MARK}]]>")
        ),
    ),
]

# ------------------------------------------------------------------ feeds


def _billion_laughs() -> str:
    entities = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        entities.append(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">')
    prolog = "<!DOCTYPE rss [" + "".join(entities) + "]>"
    return rss_feed([("&lol9;", "&lol9; " + _feed_body())], prolog)


def _quadratic_blowup() -> str:
    prolog = f'<!DOCTYPE rss [<!ENTITY a "{"x" * 50_000}">]>'
    return rss_feed([(TITLE, "&a;" * 20_000)], prolog)


def _xxe_builder(kind: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        secret = folder / f"secret-{kind}.txt"
        secret.write_text(SECRET + "\n", encoding="utf-8")
        if kind == "file":
            prolog = (
                f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">'
                '<!ENTITY pw SYSTEM "file:///etc/passwd">]>'
            )
            items = [("Leak &xxe; &pw;", "Body &xxe; &pw; " + _feed_body())]
        elif kind == "parameter":
            dtd = folder / "evil.dtd"
            dtd.write_text(f'<!ENTITY leak SYSTEM "file://{secret}">', encoding="utf-8")
            prolog = f'<!DOCTYPE rss [<!ENTITY % ext SYSTEM "file://{dtd}"> %ext;]>'
            items = [("Leak &leak;", "Body &leak; " + _feed_body())]
        else:
            prolog = f'<!DOCTYPE rss SYSTEM "file://{secret}">'
            items = [(TITLE, _feed_body())]
        path = folder / f"xxe-{kind}.xml"
        path.write_text(rss_feed(items, prolog), encoding="utf-8")
        return path

    return build


def _xxe_atom(folder: Path) -> Path:
    secret = folder / "secret-atom.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    path = folder / "xxe.atom"
    path.write_text(
        "<?xml version='1.0'?>"
        f'<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>Wire &xxe;</title>"
        "<id>urn:x</id><updated>2024-03-12T09:00:00Z</updated>"
        "<entry><title>Entry &xxe;</title><id>urn:x:1</id><updated>2024-03-12T09:00:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{_feed_body()} &xxe;&lt;/p&gt;</content></entry></feed>",
        encoding="utf-8",
    )
    return path


def _xxe_html(folder: Path) -> Path:
    secret = folder / "secret-html.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    path = folder / "xxe.html"
    page = html_page(paragraphs=[*PARAGRAPHS, "&xxe;"])
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>' + page,
        encoding="utf-8",
    )
    return path


FEED_CASES = [
    Case("feed", "billion-laughs", "either", _write("laughs.xml", _billion_laughs()), seconds=30),
    Case(
        "feed",
        "quadratic-blowup",
        "either",
        _write("quadratic.rss", _quadratic_blowup()),
        seconds=30,
    ),
    Case("feed", "xxe-file", "either", _xxe_builder("file"), seconds=30),
    Case("feed", "xxe-parameter-entity", "either", _xxe_builder("parameter"), seconds=30),
    Case("feed", "xxe-external-dtd", "either", _xxe_builder("dtd"), seconds=30),
    Case("feed", "xxe-atom", "either", _xxe_atom, seconds=30),
    Case("feed", "xxe-in-html", "either", _xxe_html, seconds=30),
    Case(
        "feed",
        "truncated-xml",
        "either",
        _write("cut.xml", rss_feed([(TITLE, _feed_body())])[:300]),
    ),
    Case(
        "feed",
        "not-a-feed-xml",
        "fail",
        _write("svg.xml", "<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>"),
    ),
    Case(
        "feed",
        "ten-thousand-tiny-entries",
        "either",
        _write("many.xml", rss_feed([(f"Item {i}", f"word {i}") for i in range(10_000)])),
        seconds=120,
    ),
    Case(
        "feed",
        "duplicate-guids",
        "either",
        _write(
            "dupes.xml",
            rss_feed([(TITLE, _feed_body())] * 5)
            .replace("example.org/1", "example.org/0")
            .replace("example.org/2", "example.org/0"),
        ),
    ),
]

# ------------------------------------------------------------------ directories


def _symlink_loop(folder: Path) -> Path:
    root = folder / "loop"
    sub = root / "sub"
    sub.mkdir(parents=True)
    (sub / "article.txt").write_text(text_dump(), encoding="utf-8")
    (sub / "back").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(root / "self")
    (root / "dangling.txt").symlink_to(folder / "missing-target.txt")
    (root / "a").symlink_to(root / "b")
    (root / "b").symlink_to(root / "a")
    return root


def _fifo_dir(folder: Path) -> Path:
    root = folder / "withfifo"
    root.mkdir()
    (root / "good.txt").write_text(text_dump(), encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    return root


def _fifo_file(folder: Path) -> Path:
    path = folder / "named-pipe.txt"
    os.mkfifo(path)
    return path


def _dir_named_like_file(folder: Path) -> Path:
    root = folder / "odd"
    (root / "folder.txt").mkdir(parents=True)
    (root / "folder.txt" / "inner.md").write_text(markdown_doc(), encoding="utf-8")
    return root


def _odd_names(folder: Path) -> Path:
    root = folder / "names"
    root.mkdir()
    for name in (
        "\x1b[2Jclear.txt",
        "[bold]markup[/bold].md".replace("/", "∕"),
        "new\nline.txt",
        "\u202ertl.txt",
        "-rf.txt",
    ):
        (root / name).write_text(text_dump(), encoding="utf-8")
    return root


def _missing(folder: Path) -> Path:
    return folder / "does-not-exist.txt"


DIRECTORY_CASES = [
    Case("directory", "symlink-loops", "either", _symlink_loop),
    Case("directory", "fifo-inside", "either", _fifo_dir),
    Case("directory", "fifo-named-directly", "fail", _fifo_file, seconds=25),
    Case("directory", "folder-named-txt", "either", _dir_named_like_file),
    Case("directory", "hostile-file-names", "either", _odd_names),
    Case("directory", "missing-path", "fail", _missing),
]

CASES: list[Case] = [
    *BINARY_CASES,
    *EMPTY_CASES,
    *HUGE_CASES,
    *ENCODING_CASES,
    *_injection_cases(),
    *HTML_CASES,
    *FEED_CASES,
    *DIRECTORY_CASES,
]


def counts_by_kind() -> Counter[str]:
    return Counter(case.kind for case in CASES)


if __name__ == "__main__":
    for kind, count in sorted(counts_by_kind().items()):
        print(f"{kind:<10} {count}")
    print(f"{'total':<10} {len(CASES)}")
