"""Find the article inside the text of a whole web page (a "page dump").

The cleaner is a fixed sequence of small steps over a list of lines. Each step keeps
some lines and drops the others with the name of the rule that dropped them, so
``reader clean --explain`` can show every decision. Metadata lines (date, byline) are
dropped from the body and read into the article's metadata on the way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise

from reader.ingest import junk
from reader.ingest.metadata import (
    AGENCIES,
    FoundDate,
    agency_from_dateline,
    outlet_from_copyright,
    outlet_from_desk_byline,
    outlet_from_domain,
    outlet_from_syndication_note,
    parse_byline,
    parse_date_line,
)
from reader.models import DroppedLine

RULE_TITLE = "headline (-> title)"
RULE_DATE = "date line (-> published)"
RULE_BYLINE = "byline (-> byline)"


@dataclass(slots=True)
class Line:
    """One non-blank line of the page: its 0-based line number, its text, and how it looked."""

    no: int
    text: str
    raw: str


@dataclass(slots=True)
class CleanContext:
    """What the steps learn on the way: dropped lines and metadata."""

    dropped: list[DroppedLine] = field(default_factory=list)
    title: str = ""
    dates: list[FoundDate] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    outlets: list[tuple[int, str]] = field(default_factory=list)
    """(priority, outlet name) candidates; the lowest priority wins."""
    agency: str | None = None

    def drop(self, line: Line, rule: str) -> None:
        self.dropped.append(DroppedLine(line.no, line.raw, rule))


@dataclass(frozen=True, slots=True)
class CleanedDump:
    """The article found in a page dump, with its metadata and the lines dropped."""

    title: str
    body: tuple[str, ...]
    dropped: tuple[DroppedLine, ...]
    published: datetime | None
    published_has_time: bool
    byline: str | None
    source: str | None
    agency: str | None
    kept_line_numbers: tuple[int, ...] = ()
    """Line numbers of the kept paragraphs, in body order."""


Step = Callable[[list[Line], CleanContext], list[Line]]

# ---------------------------------------------------------------- splitting

_SENTENCE_END = junk.TERMINAL_PUNCT
_KEY_STRIP = re.compile(r"[\W_]+")
_WORD = re.compile(r"\w+")
_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "it",
        "its",
        "his",
        "her",
        "their",
        "he",
        "she",
        "they",
        "we",
        "said",
        "says",
        "will",
        "would",
        "could",
        "new",
    ]
)


def line_key(text: str) -> str:
    """Comparison key of a line: case, punctuation and spacing ignored.

    >>> line_key("Russia’s “new” ties!") == line_key("russia s new ties")
    True
    """
    return _KEY_STRIP.sub(" ", text.casefold()).strip()


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their line numbers; hard-wrapped paragraphs are joined.

    >>> [(ln.no, ln.text) for ln in split_lines("Title\\n\\n  one  two \\n")]
    [(0, 'Title'), (2, 'one two')]
    """
    lines = [
        Line(no, " ".join(raw.split()), raw.rstrip())
        for no, raw in enumerate(text.split("\n"))
        if raw.strip()
    ]
    if _is_hard_wrapped(lines):
        lines = _unwrap(lines)
    return lines


def _is_hard_wrapped(lines: list[Line]) -> bool:
    """Text wrapped at a fixed width (e-mail, plain-text exports): most long lines are 55–100."""
    long_lines = [len(ln.text) for ln in lines if len(ln.text) > 40]
    if len(long_lines) < 5 or max(long_lines) > 110:
        return False
    in_band = sum(1 for n in long_lines if 55 <= n <= 100)
    consecutive = sum(1 for a, b in pairwise(lines) if b.no == a.no + 1)
    return in_band / len(long_lines) >= 0.6 and consecutive >= 3


def _unwrap(lines: list[Line]) -> list[Line]:
    joined: list[Line] = []
    for line in lines:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and line.no == prev.no + prev.raw.count("\n") + 1
            and len(prev.text.rsplit("\n", 1)[-1]) >= 45
            and (line.text[:1].islower() or not prev.text.endswith(_SENTENCE_END))
        ):
            joined[-1] = Line(prev.no, f"{prev.text} {line.text}", f"{prev.raw}\n{line.raw}")
        else:
            joined.append(line)
    return joined


# ---------------------------------------------------------------- steps


def drop_furniture(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop lines that are page furniture on their own (see ``junk.classify_line``), and
    read date and byline lines into the metadata.

    >>> ctx = CleanContext()
    >>> kept = drop_furniture(split_lines("Skip to main content\\nBy Ann Lee\\nText here."), ctx)
    >>> [ln.text for ln in kept], ctx.bylines
    (['Text here.'], ['Ann Lee'])
    """
    kept: list[Line] = []
    prev_rule: str | None = None
    for line in lines:
        rule = _metadata_rule(line.text, ctx)
        if rule is None:
            rule = junk.classify_line(line.text)
            if rule == "podcast-timestamp" and prev_rule == RULE_DATE and _attach_time(line, ctx):
                rule = RULE_DATE
            if rule == "caption":
                outlet = outlet_from_copyright(line.text)
                if outlet:
                    ctx.outlets.append((1, outlet))
            elif rule == "syndication-note":
                outlet = outlet_from_syndication_note(line.text)
                if outlet:
                    ctx.outlets.append((2, outlet))
            elif rule == "footer":
                outlet = outlet_from_copyright(line.text)
                if outlet:
                    ctx.outlets.append((1, outlet))
        if rule is None:
            kept.append(line)
        else:
            ctx.drop(line, rule)
        prev_rule = rule
    return kept


_PART_SPLIT = re.compile(r"\s+[|·•]\s+|\s+[–—]\s+")


def _metadata_rule(text: str, ctx: CleanContext) -> str | None:
    """Record a date or byline line (or a ``By X | date | 3 min read`` line) and name its rule."""
    if len(text) > 160 or (not text[:1].isalnum() and text[:1] not in "("):
        return None
    found = parse_date_line(text)
    if found:
        ctx.dates.append(found)
        return RULE_DATE
    parts = [p for p in _PART_SPLIT.split(text) if p.strip()]
    if len(parts) < 2:
        byline = parse_byline(text)
        if byline:
            _record_byline(byline, ctx)
            return RULE_BYLINE
        return None
    dates, bylines, other = [], [], 0
    for part in parts:
        date = parse_date_line(part)
        name = None if date else parse_byline(part)
        if date:
            dates.append(date)
        elif name:
            bylines.append(name)
        elif junk.classify_line(part) in ("reading-time", "navigation", "separator"):
            other += 1
        else:
            return None
    if not dates and not bylines:
        byline = parse_byline(text)
        if byline:
            _record_byline(byline, ctx)
            return RULE_BYLINE
        return None
    ctx.dates.extend(dates)
    for name in bylines:
        _record_byline(name, ctx)
    return RULE_BYLINE if bylines else RULE_DATE


def _record_byline(byline: str, ctx: CleanContext) -> None:
    ctx.bylines.append(byline)
    outlet = outlet_from_desk_byline(byline)
    if outlet:
        ctx.outlets.append((3, outlet))


def _attach_time(line: Line, ctx: CleanContext) -> bool:
    """A bare ``15:53`` right under a date line is that date's time."""
    last = ctx.dates[-1] if ctx.dates else None
    if last is None or last.has_time:
        return False
    hour, minute = (int(x) for x in line.text.split(":")[:2])
    if hour > 23 or minute > 59:
        return False
    value = last.value.replace(hour=hour, minute=minute)
    ctx.dates[-1] = FoundDate(value, True, last.updated)
    return True


def _is_title_like(text: str) -> bool:
    words = text.split()
    if not (3 <= len(words) <= 30 or (len(words) == 2 and len(text) >= 12)):
        return False
    if len(text) > 250 or text.endswith((":", ",")):
        return False
    first = text[:1]
    return (first.isupper() or first.isdigit() or first in "\"'“‘«¿¡") and not text.islower()


def take_title(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Take the headline: the first title-like line. Lines above it are page header.

    >>> ctx = CleanContext()
    >>> kept = take_title(split_lines("World\\nTalks resume in Vienna\\nBody text."), ctx)
    >>> ctx.title, [ln.text for ln in kept]
    ('Talks resume in Vienna', ['Body text.'])
    """
    for index, line in enumerate(lines):
        if _is_title_like(line.text):
            if _is_masthead(line.text, lines[index + 1 : index + 2]):
                continue
            for header in lines[:index]:
                ctx.drop(header, "navigation")
            ctx.title = line.text
            ctx.drop(line, RULE_TITLE)
            return lines[index + 1 :]
    return lines


def _is_masthead(text: str, following: list[Line]) -> bool:
    """A short name line (outlet masthead, section) directly above a longer headline."""
    if len(text.split()) > 3 or not following:
        return False
    nxt = following[0].text
    return _is_title_like(nxt) and 4 <= len(nxt.split()) <= 25


def cut_tail_sections(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop lists that follow a heading such as ``Related``, ``Tags`` or ``Recommended For
    You`` once the article has begun, up to the end of the page or to the next run of
    three prose paragraphs.

    >>> ctx = CleanContext()
    >>> text = "Body one.\\nRelated\\nOther headline\\nA teaser for it."
    >>> [ln.text for ln in cut_tail_sections(split_lines(text), ctx)]
    ['Body one.']
    """
    kept: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        rule = junk.tail_heading(line.text) if kept else None
        if rule is None:
            kept.append(line)
            index += 1
            continue
        end = _zone_end(lines, index + 1)
        for zone_line in lines[index:end]:
            rule = junk.tail_heading(zone_line.text) or rule
            ctx.drop(zone_line, rule)
        index = end
    return kept


def _is_prose(text: str) -> bool:
    return len(text) >= 100 and text.endswith(_SENTENCE_END)


def _zone_end(lines: list[Line], start: int) -> int:
    """Where a list zone stops: at the first run of three prose lines, else the end."""
    run = 0
    for index in range(start, len(lines)):
        run = run + 1 if _is_prose(lines[index].text) else 0
        if run == 3:
            return index - 2
    return len(lines)


def drop_repeated_title(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop the headline where it appears again (image alt text, sticky header).

    >>> ctx = CleanContext(title="Talks resume")
    >>> [ln.text for ln in drop_repeated_title(split_lines("Talks resume\\nBody."), ctx)]
    ['Body.']
    """
    if not ctx.title:
        return lines
    title_key = line_key(ctx.title)
    kept = []
    for line in lines:
        if line_key(line.text) == title_key:
            ctx.drop(line, "repeated-headline")
        else:
            kept.append(line)
    return kept


def drop_duplicates(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Keep one copy of a repeated paragraph: the first, unless the first is an unpunctuated
    caption-like copy of a later full paragraph.

    >>> ctx = CleanContext()
    >>> [ln.text for ln in drop_duplicates(split_lines("A lead.\\nB.\\nA lead."), ctx)]
    ['A lead.', 'B.']
    """
    first_seen: dict[str, int] = {}
    removed: dict[int, str] = {}
    for index, line in enumerate(lines):
        key = line_key(line.text)
        if not key:
            continue
        earlier = first_seen.get(key)
        if earlier is None:
            first_seen[key] = index
            continue
        if not lines[earlier].text.endswith(_SENTENCE_END) and line.text.endswith(_SENTENCE_END):
            removed[earlier] = "caption"
            first_seen[key] = index
        else:
            removed[index] = "duplicate"
    for index, rule in removed.items():
        ctx.drop(lines[index], rule)
    return [line for index, line in enumerate(lines) if index not in removed]


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS and len(w) > 2}


def drop_paraphrased_captions(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop unpunctuated caption-like lines whose words nearly all come from another
    paragraph (a photo caption paraphrasing the standfirst or a body paragraph).
    The first line (the standfirst) is never dropped.

    >>> ctx = CleanContext()
    >>> text = ("Officials say the northern bridge will reopen to heavy trucks next month\\n"
    ...         "Northern bridge to reopen to heavy trucks next month, officials say\\nBody.")
    >>> [ln.text[:9] for ln in drop_paraphrased_captions(split_lines(text), ctx)]
    ['Officials', 'Body.']
    """
    candidates = [
        i
        for i, line in enumerate(lines)
        if i > 0 and not line.text.endswith(_SENTENCE_END) and len(line.text.split()) <= 60
    ]
    if not candidates:
        return lines
    words = [_content_words(line.text) for line in lines]
    title_words = _content_words(ctx.title)
    removed: set[int] = set()
    for i in candidates:
        mine = words[i]
        if len(mine) < 6:
            continue
        for j, other in enumerate(words):
            if j == i or j in removed or (len(other) < len(mine) and j > i):
                continue
            need = 0.8 if j < i else 0.9
            shared = len(mine & other) / len(mine)
            if shared < need and abs(i - j) <= 2 and len(lines[i].text.split()) <= 40:
                shared = len(mine & (other | title_words)) / len(mine)
                need = 0.9
            if shared >= need:
                removed.add(i)
                ctx.drop(lines[i], "caption")
                break
    return [line for i, line in enumerate(lines) if i not in removed]


_TRAILING_TAG = re.compile(
    r"(?<=[.!?\"”’)\]])(?P<tag>\s*(?:\((?P<agency>[A-Za-z][A-Za-z .\-]{0,24})\)"
    r"|[-–—]\s*(?P<agency2>[A-Za-z][A-Za-z .\-]{0,24}))(?P<initials>(?:\s+[A-Z]{2,4}){0,8}))\s*$"
)
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*\((?:with inputs? from|edited by|reporting by|written by|"
    r"additional reporting by)[^()]{1,120}\)\s*$",
    re.I,
)


def trim_trailing_agency_tag(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Cut an agency tag and editor initials appended to the last paragraph
    (``… he said. (AP) ABC DEF``), noting the agency.

    >>> ctx = CleanContext()
    >>> [ln.text for ln in trim_trailing_agency_tag(split_lines("It ended. (AFP) JK LM"), ctx)]
    ['It ended.']
    >>> ctx.agency
    'AFP'
    """
    if not lines:
        return lines
    last = lines[-1]
    match = _TRAILING_TAG.search(last.text)
    cut_at = None
    if match:
        name = (match.group("agency") or match.group("agency2") or "").strip()
        agency = AGENCIES.get(name.lower())
        all_caps_tag = match.group("agency") and name.isupper() and 2 <= len(name) <= 6
        if agency or (all_caps_tag and match.group("initials")):
            cut_at = match.start("tag")
            if agency and agency != "Agencies":
                ctx.agency = ctx.agency or agency
    else:
        credit = _TRAILING_CREDIT.search(last.text)
        if credit:
            cut_at = credit.start()
    if cut_at is None:
        return lines
    tail = last.text[cut_at:]
    ctx.dropped.append(DroppedLine(last.no, tail.strip(), "agency-tag"))
    return [*lines[:-1], Line(last.no, last.text[:cut_at].rstrip(), last.raw)]


STEPS: tuple[Step, ...] = (
    drop_furniture,
    take_title,
    cut_tail_sections,
    drop_repeated_title,
    drop_duplicates,
    drop_paraphrased_captions,
    trim_trailing_agency_tag,
)
"""The cleaning steps, in the order they run."""


LIGHT_STEPS: tuple[Step, ...] = (
    drop_furniture,
    cut_tail_sections,
    drop_repeated_title,
    drop_duplicates,
    trim_trailing_agency_tag,
)
"""Steps for text that is already the article (HTML main content, Markdown, feed entries)."""


def clean_dump(text: str, steps: tuple[Step, ...] = STEPS) -> CleanedDump:
    """Run the cleaning steps over the (decoded, normalised) text of a page dump.

    >>> dump = clean_dump("Menu\\nTalks resume in Vienna\\n2 min read\\nDiplomats met on Monday.")
    >>> dump.title, dump.body
    ('Talks resume in Vienna', ('Diplomats met on Monday.',))
    >>> [d.rule for d in dump.dropped]
    ['navigation', 'headline (-> title)', 'reading-time']
    """
    return _run(split_lines(text), CleanContext(), steps, text)


def clean_paragraphs(
    paragraphs: list[tuple[int, str]], title: str = "", steps: tuple[Step, ...] = LIGHT_STEPS
) -> CleanedDump:
    """Clean paragraphs that were already found (``(line number, text)`` pairs).

    With no ``title`` given, the headline is taken from the paragraphs as for a dump.

    >>> clean_paragraphs([(1, "Talks"), (3, "Advertisement"), (5, "They met.")], "Talks").body
    ('They met.',)
    """
    lines = [Line(no, " ".join(text.split()), text) for no, text in paragraphs if text.strip()]
    if not title:
        steps = (steps[0], take_title, *steps[1:])
    ctx = CleanContext(title=" ".join(title.split()))
    return _run(lines, ctx, steps, "\n".join(text for _, text in paragraphs))


def _as_written(line: Line) -> str:
    """The kept line as the page wrote it (inner spacing intact, so offsets match the
    source), unless a step rewrote it; then the rewritten text.

    >>> _as_written(Line(0, "a b", "a  b  "))
    'a  b'
    >>> _as_written(Line(0, "a", "a (AP) XY"))
    'a'
    """
    written = line.raw.strip().replace("\t", " ")
    if "\n" in written or " ".join(written.split()) != line.text:
        return line.text
    return written


def _run(lines: list[Line], ctx: CleanContext, steps: tuple[Step, ...], text: str) -> CleanedDump:
    for step in steps:
        lines = step(lines, ctx)
    body = tuple(_as_written(line) for line in lines)
    return CleanedDump(
        title=ctx.title,
        body=body,
        dropped=tuple(sorted(ctx.dropped, key=lambda d: d.line_no)),
        published=_pick_date(ctx.dates).value if ctx.dates else None,
        published_has_time=_pick_date(ctx.dates).has_time if ctx.dates else False,
        byline=ctx.bylines[0] if ctx.bylines else None,
        source=_pick_outlet(ctx, text),
        agency=_pick_agency(body, ctx),
        kept_line_numbers=tuple(line.no for line in lines),
    )


def _pick_date(dates: list[FoundDate]) -> FoundDate:
    """The publication date: the first one not labelled as an update, else the first."""
    return next((d for d in dates if not d.updated), dates[0])


def _pick_outlet(ctx: CleanContext, text: str) -> str | None:
    if ctx.outlets:
        return min(ctx.outlets, key=lambda item: item[0])[1]
    if "@" in text or "www." in text or "://" in text:
        return outlet_from_domain(text)
    return None


def _pick_agency(body: tuple[str, ...], ctx: CleanContext) -> str | None:
    for paragraph in body[:3]:
        agency = agency_from_dateline(paragraph)
        if agency:
            return agency
    return ctx.agency
