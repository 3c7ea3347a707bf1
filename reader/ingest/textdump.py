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
from functools import lru_cache
from itertools import pairwise

from reader.ingest import junk
from reader.ingest.metadata import (
    AGENCIES,
    KNOWN_OUTLETS,
    FoundDate,
    agency_from_dateline,
    byline_agency,
    looks_like_name,
    outlet_from_copyright,
    outlet_from_desk_byline,
    outlet_from_domain,
    outlet_from_syndication_note,
    parse_byline,
    parse_date_line,
)
from reader.models import DroppedLine

KNOWN_AGENCY_NAMES = frozenset(name.lower() for name in AGENCIES.values() if name != "Agencies")
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
    date_line_nos: list[int] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    byline_line_nos: list[int] = field(default_factory=list)
    zone_openers: dict[int, str] = field(default_factory=dict)
    """Line numbers of dropped headings that open a list zone (``Most read``), with the rule."""
    tail_zones: list[tuple[int, float]] = field(default_factory=list)
    """Line-number spans ``[start, end)`` cut as related lists, comments and the like."""
    outlets: list[tuple[int, str]] = field(default_factory=list)
    """(priority, outlet name) candidates; the lowest priority wins."""
    agency: str | None = None
    masthead: str | None = None
    """The outlet's name as the page header shows it, if a header line looks like one."""
    header_keys: set[str] = field(default_factory=set)
    """Comparison keys of the page-header lines above the headline."""

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


@lru_cache(maxsize=4096)
def line_key(text: str) -> str:
    """Comparison key of a line: case, punctuation and spacing ignored.

    >>> line_key("Russia’s “new” ties!") == line_key("russia s new ties")
    True
    """
    return _KEY_STRIP.sub(" ", text.casefold()).strip()


_LINK_NUMBER = re.compile(r"\[\d{1,4}\](?=\S)")
_REFERENCE_LINE = re.compile(r"^\s*\d{1,4}\.\s+(?:https?|ftp|file|mailto):", re.M)
_BULLET = re.compile(r"^[•*▪◦‣●■·∙–-]\s+(?=\S)")
_LIST_ITEM = re.compile(r"^(?:[•*▪◦‣●■·∙–-]|\d{1,3}[.)])\s+\S")


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their line numbers; hard-wrapped paragraphs are joined,
    list bullets and text-browser link numbers (``[12]``) taken off.

    >>> [(ln.no, ln.text) for ln in split_lines("Title\\n\\n  one  two \\n• three")]
    [(0, 'Title'), (2, 'one two'), (3, 'three')]
    """
    numbered_links = _has_numbered_links(text)
    lines = []
    for no, raw in enumerate(text.split("\n")):
        if not raw.strip():
            continue
        clean = _LINK_NUMBER.sub("", raw) if numbered_links else raw
        words = " ".join(clean.split())
        bullet = _BULLET.match(words)
        if bullet and len(words) > bullet.end() + 1 and not words.startswith(("- -", "* *")):
            words = words[bullet.end() :]
        lines.append(Line(no, words, raw.rstrip()))
    width = _wrap_width(lines)
    if width:
        lines = _unwrap(lines, width)
    return lines


def _has_numbered_links(text: str) -> bool:
    """A text-browser dump (lynx, links): ``[12]`` before link texts and a list of the
    numbered addresses at the end."""
    return len(_REFERENCE_LINE.findall(text)) >= 3 and len(_LINK_NUMBER.findall(text)) >= 3


def _wrap_width(lines: list[Line]) -> int:
    """The column width text was wrapped at (e-mail, plain-text exports, text browsers),
    or 0 when it is not hard-wrapped: most long lines are 55–100 characters and end near
    one width. Addresses are left out: they overrun the width."""
    long_lines = [len(ln.text) for ln in lines if len(ln.text) > 40 and "://" not in ln.text]
    if len(long_lines) < 5 or max(long_lines) > 110:
        return 0
    in_band = sum(1 for n in long_lines if 55 <= n <= 100)
    consecutive = sum(1 for a, b in pairwise(lines) if b.no == a.no + 1)
    if in_band / len(long_lines) < 0.6 or consecutive < 3:
        return 0
    return max(n for n in long_lines if n <= 100)


def _unwrap(lines: list[Line], width: int) -> list[Line]:
    """Join the physical lines of one wrapped paragraph: the next line follows directly,
    is not a list item, and either its first word would not have fitted on this line or
    the sentence plainly goes on."""
    joined: list[Line] = []
    for line in lines:
        prev = joined[-1] if joined else None
        if prev is None or line.no != prev.no + prev.raw.count("\n") + 1:
            joined.append(line)
            continue
        last = " ".join(prev.raw.rsplit("\n", 1)[-1].split())
        first_word = line.text.split()[0]
        no_room = len(last) + 1 + len(first_word) > width - 2 and len(last) >= width * 0.6
        goes_on = len(last) >= max(45, width * 0.65) and (
            line.text[:1].islower() or not prev.text.endswith(_SENTENCE_END)
        )
        listed = _LIST_ITEM.match(line.raw.strip()) or "://" in last or "://" in first_word
        if (no_room or goes_on) and not listed:
            joined[-1] = Line(prev.no, f"{prev.text} {line.text}", f"{prev.raw}\n{line.raw}")
        else:
            joined.append(line)
    return joined


# ---------------------------------------------------------------- steps


_LINK_LABEL = re.compile(
    r"\s*(?:,\s*opens (?:in )?(?:a )?new (?:tab|window)|"
    r"\((?:opens|open|link opens) (?:in )?(?:a )?new (?:tab|window)\))",
    re.I,
)


def strip_link_labels(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Cut screen-reader link labels left in copied text (``, opens new tab``).

    >>> ctx = CleanContext()
    >>> lines = split_lines("Shares (ABC.L), opens new tab rose.")
    >>> [ln.text for ln in strip_link_labels(lines, ctx)]
    ['Shares (ABC.L) rose.']
    """
    result = []
    for line in lines:
        if "new tab" not in line.text.lower() and "new window" not in line.text.lower():
            result.append(line)
            continue
        text = _LINK_LABEL.sub("", line.text).strip()
        if text != line.text:
            label = _LINK_LABEL.search(line.text)
            ctx.dropped.append(
                DroppedLine(line.no, label.group().strip() if label else "", "link-label")
            )
        if text:
            result.append(Line(line.no, text, line.raw))
    return result


_ENTRY_TIME = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}|\s+(?:GMT|UTC)[+-]\d{1,2})?"
    r"|\d{1,3}\s*(?:m|min|mins|h|hr|hrs|d)\s+ago|\d{1,3}\s+(?:minutes?|hours?)\s+ago)$",
    re.I,
)
_FOLLOWS_CAPTION = ("caption-label", "gallery-counter")
_BLOCK_RULES = frozenset(["newsletter", "paywall", "cookie-notice", "comment-policy"])


def _entry_time_lines(lines: list[Line]) -> set[int]:
    """Indexes of the time labels of live-blog entries (``14:02 GMT``, ``2h ago``).

    A label counts when an entry's text follows it (within two lines), and the page has at
    least three of them; a run of bare times (a podcast player) does not count.
    """
    found = [
        i
        for i, line in enumerate(lines[:-1])
        if _ENTRY_TIME.match(line.text)
        and not _ENTRY_TIME.match(lines[i + 1].text)
        and any(_is_entry_text(nxt.text) for nxt in lines[i + 1 : i + 3])
    ]
    return set(found) if len(found) >= 3 else set()


def _is_entry_text(text: str) -> bool:
    return text.endswith(_SENTENCE_END) and len(text.split()) >= 12


def drop_furniture(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop lines that are page furniture on their own (see ``junk.classify_line``), and
    read date and byline lines into the metadata.

    A heading that opens a list (``Most read``) is noted for ``cut_tail_sections``; a
    line right after an ``Image caption`` label or a gallery counter is a caption; a short
    line caught between two lines of one notice (newsletter, paywall…) belongs to it.

    >>> ctx = CleanContext()
    >>> kept = drop_furniture(split_lines("Skip to main content\\nBy Ann Lee\\nText here."), ctx)
    >>> [ln.text for ln in kept], ctx.bylines
    (['Text here.'], ['Ann Lee'])
    """
    rules: list[str | None] = []
    prev_rule: str | None = None
    entry_times = _entry_time_lines(lines)
    in_marked_list = _marked_lists(lines)
    for index, line in enumerate(lines):
        if index in in_marked_list:
            rules.append("related-list")
            continue
        rule = _metadata_rule(line, ctx)
        if rule is None and index not in entry_times:
            rule = _furniture_rule(line, prev_rule, ctx)
        if (rule is not None and rule.startswith("caption-")) or rule == "gallery-counter":
            prev_rule, rule = rule, "caption"
        elif rule == "caption" and prev_rule in _FOLLOWS_CAPTION and len(line.text.split()) <= 60:
            prev_rule = "caption"
        else:
            prev_rule = rule
        rules.append(rule)
    for index in range(1, len(lines) - 1):
        before, after = rules[index - 1], rules[index + 1]
        if (
            rules[index] is None
            and before in _BLOCK_RULES
            and before == after
            and len(lines[index].text.split()) <= 40
        ):
            rules[index] = before
    kept: list[Line] = []
    for line, rule in zip(lines, rules, strict=True):
        if rule is None:
            kept.append(line)
        else:
            ctx.drop(line, rule)
    return kept


def _marked_lists(lines: list[Line]) -> set[int]:
    """Indexes inside ``list of 3 items`` … ``end of list`` (an inline list of links)."""
    inside: set[int] = set()
    for index, line in enumerate(lines):
        if junk.opens_marked_list(line.text):
            end = next(
                (
                    j
                    for j in range(index + 1, min(len(lines), index + 40))
                    if junk.closes_marked_list(lines[j].text)
                ),
                None,
            )
            if end is not None:
                inside.update(range(index, end + 1))
    return inside


def _furniture_rule(line: Line, prev_rule: str | None, ctx: CleanContext) -> str | None:
    """The furniture rule for one line (``None`` for content), noting outlets and agencies."""
    text = line.text
    heading = junk.tail_heading(text)
    if heading:
        ctx.zone_openers[line.no] = heading
        return heading
    if prev_rule in _FOLLOWS_CAPTION and len(text.split()) <= 60:
        return "caption"
    rule = junk.classify_line(text)
    if rule == "podcast-timestamp" and prev_rule == RULE_DATE and _attach_time(line, ctx):
        return RULE_DATE
    if rule == "caption":
        label = junk.caption_label_rest(text)
        if label == "":
            return "caption-label"
        if junk.is_gallery_counter(text):
            return "gallery-counter"
        source = junk.source_label(text)
        if source and source.lower() in KNOWN_OUTLETS:
            ctx.outlets.append((0, KNOWN_OUTLETS[source.lower()]))
        outlet = outlet_from_copyright(text)
        if outlet:
            ctx.outlets.append((1, outlet))
    elif rule == "syndication-note":
        outlet = outlet_from_syndication_note(text)
        if outlet:
            ctx.outlets.append((2, outlet))
    elif rule == "footer":
        outlet = outlet_from_copyright(text, agency_is_outlet=True)
        if outlet and outlet.lower() in KNOWN_AGENCY_NAMES:
            ctx.agency = ctx.agency or outlet
            ctx.outlets.append((4, outlet))
        elif outlet:
            ctx.outlets.append((1, outlet))
    elif rule == "newsletter":
        outlet = junk.thanks_for_reading_outlet(text)
        if outlet:
            ctx.outlets.append((0, outlet))
    elif rule == "credits":
        agency = junk.credited_agency(text)
        if agency:
            ctx.agency = ctx.agency or agency
    elif rule == "navigation" or rule is None:
        home = junk.masthead_home_link(text)
        if home:
            ctx.outlets.append((0, home))
            return "navigation"
    return rule


_PART_SPLIT = re.compile(r"\s+[|·•]\s+|\s+[–—]\s+")
_TRAILING_PLACE = re.compile(r"\s+[-–—,|]\s+[A-Z]{3,}(?:[ -][A-Z]{3,})?$")
_DATE_BY_NAME = re.compile(r"^(?P<date>.{6,60}?)\s+by\s+(?P<name>[A-Z].{2,60})$")
_PART_JUNK = ("reading-time", "navigation", "separator", "relative-time")


def _metadata_rule(line: Line, ctx: CleanContext) -> str | None:
    """Record a date or byline line (or a ``By X | date | 3 min read`` line) and name its rule."""
    text = _TRAILING_PLACE.sub("", line.text)
    if len(text) > 160 or (not text[:1].isalnum() and text[:1] not in "("):
        return None
    found = parse_date_line(text)
    if found:
        _record_date(found, line, ctx)
        return RULE_DATE
    dated = _DATE_BY_NAME.match(text)
    if dated:
        found = parse_date_line(dated.group("date"))
        name = parse_byline("By " + dated.group("name")) if found else None
        if found and name:
            _record_date(found, line, ctx)
            _record_byline(name, line, ctx)
            return RULE_BYLINE
    parts = [p for p in _PART_SPLIT.split(text) if p.strip()]
    if len(parts) < 2:
        byline = parse_byline(text)
        if byline:
            _record_byline(byline, line, ctx)
            return RULE_BYLINE
        return None
    dates, bylines, junk_rules, agencies = [], [], [], []
    for part in parts:
        date = parse_date_line(part)
        name = None if date else parse_byline(part)
        if date:
            dates.append(date)
        elif name:
            bylines.append(name)
        elif junk.is_relative_time(part):
            junk_rules.append("relative-time")
        elif AGENCIES.get(part.strip().lower(), "Agencies") != "Agencies":
            agencies.append(AGENCIES[part.strip().lower()])
        elif (part_rule := junk.classify_line(part)) in _PART_JUNK:
            junk_rules.append(part_rule)
        else:
            byline = parse_byline(text)
            if byline:
                _record_byline(byline, line, ctx)
                return RULE_BYLINE
            return None
    if not dates and not bylines:
        byline = parse_byline(text)
        if byline:
            _record_byline(byline, line, ctx)
            return RULE_BYLINE
        return junk_rules[0] if junk_rules else None
    if agencies:
        ctx.agency = ctx.agency or agencies[0]
    for date in dates:
        _record_date(date, line, ctx)
    for name in bylines:
        _record_byline(name, line, ctx)
    return RULE_BYLINE if bylines else RULE_DATE


def _record_date(found: FoundDate, line: Line, ctx: CleanContext) -> None:
    ctx.dates.append(found)
    ctx.date_line_nos.append(line.no)


def _record_byline(byline: str, line: Line, ctx: CleanContext) -> None:
    ctx.bylines.append(byline)
    ctx.byline_line_nos.append(line.no)
    outlet = outlet_from_desk_byline(byline)
    if outlet:
        ctx.outlets.append((3, outlet))
    agency = byline_agency(line.text)
    if agency:
        ctx.agency = ctx.agency or agency
    tail = line.text.rsplit(",", 1)[-1].strip(" .") if "," in line.text else ""
    if tail.lower() in KNOWN_OUTLETS and tail not in byline:
        ctx.outlets.append((0, KNOWN_OUTLETS[tail.lower()]))


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
    return (first.isupper() or first.isdigit() or first in "\"'“‘«¿¡£$€¥") and not text.islower()


def take_title(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Take the headline; lines above it are page header.

    The headline is the first title-like line of the block just above the article body,
    below the last navigation menu and not an outlet's name; without a clear body, the
    first title-like line.

    >>> ctx = CleanContext()
    >>> kept = take_title(split_lines("World\\nTalks resume in Vienna\\nBody text."), ctx)
    >>> ctx.title, [ln.text for ln in kept]
    ('Talks resume in Vienna', ['Body text.'])
    """
    index = _find_headline(lines, ctx)
    if index is None:
        index = next(
            (
                i
                for i, line in enumerate(lines)
                if _is_title_like(line.text) and not _is_masthead(line.text, lines[i + 1 : i + 2])
            ),
            None,
        )
    if index is None:
        return lines
    for header in lines[:index]:
        ctx.drop(header, "navigation")
        ctx.header_keys.add(line_key(header.text))
    if index > 0 and _names_outlet(lines[0].text):
        ctx.masthead = lines[0].text
    ctx.title = lines[index].text
    ctx.drop(lines[index], RULE_TITLE)
    return lines[index + 1 :]


_NAV_RUN = 4
_NAME_PARTICLES = frozenset(
    ["of", "the", "and", "de", "do", "da", "du", "des", "del", "della", "di", "la", "le",
     "van", "von", "y", "e", "&", "at"]
)  # fmt: skip


def _is_body_prose(text: str) -> bool:
    """A paragraph that can open an article body: a long sentence."""
    return text.endswith(_SENTENCE_END) and len(text.split()) >= 18


def _body_start(lines: list[Line]) -> int | None:
    """The first long sentence that another follows closely (a lone one may be a banner);
    else the first long sentence."""
    starts = [i for i, line in enumerate(lines) if _is_body_prose(line.text)]
    for i in starts:
        if any(_is_entry_text(line.text) for line in lines[i + 1 : i + 3]):
            return i
    return starts[0] if starts else None


def _is_menu_item(text: str) -> bool:
    return (
        len(text.split()) <= 2
        and not any(c.isdigit() for c in text)
        and not text.endswith(_SENTENCE_END)
    )


def _is_masthead_like(text: str) -> bool:
    """An outlet's name (``The Harbour Herald``, ``Le Courrier – International``): a few
    capitalised words, maybe with a short tag after a dash.

    >>> _is_masthead_like("The Harbour Herald"), _is_masthead_like("Floods hit the north")
    (True, False)
    """
    if len(text.split()) > 7:
        return False
    head = re.split(r"\s+[-–—|:]\s+", text)[0]
    words = head.split()
    return 1 <= len(words) <= 5 and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_PARTICLES or not w[:1].isalnum()
        for w in words
    )


def _names_outlet(text: str) -> bool:
    """A header line that can be the outlet's masthead (``The Lantern Review``).

    >>> _names_outlet("The Lantern Review"), _names_outlet("Culture | Interviews")
    (True, False)
    """
    words = text.split()
    return (
        2 <= len(words) <= 5
        and _is_masthead_like(text)
        and not re.search(r"\s[-–—|:·•]\s", text)
        and junk.classify_line(text) is None
        and junk.tail_heading(text) is None
        and parse_byline(text) is None
        and not any(c.isdigit() for c in words[0])
        and "logo" not in text.lower()
    )


def _find_headline(lines: list[Line], ctx: CleanContext | None = None) -> int | None:
    body = _body_start(lines)
    if body is None:
        return None
    run, after_menu = 0, -1
    for i in range(body):
        run = run + 1 if _is_menu_item(lines[i].text) else 0
        if run >= _NAV_RUN:
            after_menu = i
    candidates = [
        i
        for i in range(after_menu + 1, body)
        if _is_title_like(lines[i].text) and not _is_body_prose(lines[i].text)
    ]
    if ctx is not None and ctx.zone_openers:
        candidates = _skip_header_lists(lines, candidates, ctx)
    candidates = _skip_repeated_labels(lines, candidates) or candidates
    named = [i for i in candidates if not _is_masthead_like(lines[i].text)]
    worded = [i for i in named if len(lines[i].text.split()) >= 4]
    return next(iter(worded or named or candidates), None)


_LABEL_WORDS = 5


def _skip_repeated_labels(lines: list[Line], candidates: list[int]) -> list[int]:
    """Leave out a header line that comes back further down the header with another
    headline-like line in between (``Heard on Morning Edition`` above and below the
    headline): a programme or section label. Only short lines count: a headline also
    comes back below its standfirst, as the text of the lead photo."""
    keys = {i: line_key(lines[i].text) for i in candidates}
    repeated = set()
    for i in candidates:
        if len(lines[i].text.split()) > _LABEL_WORDS:
            continue
        later = [j for j in candidates if j > i and keys[j] == keys[i]]
        if later and any(keys[k] != keys[i] for k in candidates if i < k < later[0]):
            repeated.add(i)
            repeated.update(later)
    return [i for i in candidates if i not in repeated]


def _skip_header_lists(lines: list[Line], candidates: list[int], ctx: CleanContext) -> list[int]:
    """Leave out the headlines of a list above the article (``Trending``, ``Most read``):
    the run of headline-like lines right after the list's heading. If the run ends in
    the article's own headline (a byline or date line follows it), that one is kept."""
    metadata_nos = [*ctx.date_line_nos, *ctx.byline_line_nos]
    wanted = set(candidates)
    listed: set[int] = set()
    for opener in ctx.zone_openers:
        index = next((i for i, line in enumerate(lines) if line.no > opener), len(lines))
        while index in wanted:
            following = lines[index + 1].no if index + 1 < len(lines) else float("inf")
            if any(lines[index].no < no < following for no in metadata_nos):
                break
            listed.add(index)
            index += 1
    rest = [i for i in candidates if i not in listed]
    return rest or candidates


_ROLE_WORDS = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|staff|news|bureau|desk|contributor|columnist|"
    r"journalist|analyst|producer|presenter)\b",
    re.I,
)
_NAME_IN_PLACE = re.compile(
    r"^(?P<name>.+?)\s+in\s+(?P<place>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2})$"
)


def clean_header(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Between the headline and the body: read a bare author line (``Ann Lee``,
    ``Ann Lee in Athens``) as the byline, and drop short labels (section, place, role).
    Longer lines (the standfirst) stay; so do the time labels of live-blog entries.

    >>> ctx = CleanContext()
    >>> text = ("Standfirst about the day's talks in the capital\\nAnn Lee in Vienna\\n"
    ...         "12 May 2025\\nDiplomats from six countries met on Monday to resume talks"
    ...         " on the future of the nuclear programme, officials said on Tuesday.")
    >>> kept = clean_header(drop_furniture(split_lines(text), ctx), ctx)
    >>> ctx.bylines, [ln.text[:10] for ln in kept]
    (['Ann Lee'], ['Standfirst', 'Diplomats '])
    """
    body = _body_start(lines)
    if body is None or body == 0:
        return lines
    entry_times = _entry_time_lines(lines)
    kept: list[Line] = []
    issuer_next = False
    for index, line in enumerate(lines[:body]):
        name = None if ctx.bylines else _header_byline(lines, index, ctx)
        if _ISSUER_LABEL.match(line.text):
            issuer_next = True
            ctx.drop(line, "header-label")
        elif issuer_next and len(line.text.split()) <= 16:
            issuer_next = False
            ctx.outlets.append((1, re.split(r"\s+and\s+|,\s*", line.text)[0]))
            ctx.drop(line, "issuer (-> source)")
        elif name:
            _record_byline(name, line, ctx)
            ctx.drop(line, RULE_BYLINE)
        elif index not in entry_times and (
            line_key(line.text) in ctx.header_keys
            or (len(line.text.split()) <= 3 and not line.text.endswith(_SENTENCE_END))
        ):
            ctx.drop(line, "header-label")
        else:
            kept.append(line)
    return kept + lines[body:]


_ISSUER_LABEL = re.compile(r"^(?:from|issued by|published by|released by)\s*:$", re.I)


_NOT_NAME_WORDS = frozenset(
    ["news", "all", "home", "latest", "edition", "video", "videos", "live", "world", "business",
     "sport", "sports", "politics", "opinion", "more", "top", "breaking", "stories", "local",
     "weather", "podcast", "podcasts", "listen", "watch", "audio", "english"]
)  # fmt: skip


def _header_byline(lines: list[Line], index: int, ctx: CleanContext) -> str | None:
    """The author named by a header line on its own, if it is one."""
    text = lines[index].text.strip(" ,")
    placed = _NAME_IN_PLACE.match(text)
    if placed and looks_like_name(placed.group("name")):
        return placed.group("name")
    name = text.split(",")[0].strip()
    if not looks_like_name(name) or len(text.split()) > (10 if "," in text else 4):
        return None
    if any(word.lower() in _NOT_NAME_WORDS for word in name.split()):
        return None
    near_date = any(abs(no - lines[index].no) <= 4 for no in ctx.date_line_nos)
    nxt = lines[index + 1].text if index + 1 < len(lines) else ""
    role_next = len(nxt.split()) <= 5 and _ROLE_WORDS.search(nxt) is not None
    role_here = name != text and _ROLE_WORDS.search(text) is not None
    return name if near_date or role_next or role_here else None


def _is_masthead(text: str, following: list[Line]) -> bool:
    """A short name line (outlet masthead, section) directly above a longer headline."""
    if len(text.split()) > 3 or not following:
        return False
    nxt = following[0].text
    return _is_title_like(nxt) and 4 <= len(nxt.split()) <= 25


def cut_tail_sections(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop lists that follow a heading such as ``Related``, ``Tags`` or ``Recommended For
    You`` once the article has begun, up to the end of the page or to the next run of
    three prose paragraphs. The heading may have been dropped already (``drop_furniture``
    notes it in ``ctx.zone_openers``).

    >>> ctx = CleanContext()
    >>> text = "Body one.\\nRelated\\nOther headline\\nA teaser for it."
    >>> [ln.text for ln in cut_tail_sections(split_lines(text), ctx)]
    ['Body one.']
    """
    openers = sorted(ctx.zone_openers.items())
    kept: list[Line] = []
    begun = False
    prev_no = -1
    index = 0
    while index < len(lines):
        line = lines[index]
        rule = start = None
        if begun:
            rule = junk.tail_heading(line.text)
            if rule:
                start, first = line.no, index + 1
            else:
                opener = next(((no, r) for no, r in openers if prev_no < no < line.no), None)
                if opener:
                    (start, rule), first = opener, index
        if rule is None or start is None:
            kept.append(line)
            begun = begun or line.text.endswith(_SENTENCE_END) or len(line.text.split()) >= 12
            prev_no = line.no
            index += 1
            continue
        end = _zone_end(lines, first)
        for zone_line in lines[index:end]:
            rule = junk.tail_heading(zone_line.text) or rule
            ctx.drop(zone_line, rule)
        ctx.tail_zones.append((start, lines[end].no if end < len(lines) else float("inf")))
        if end == index:
            kept.append(line)
            prev_no = line.no
            index += 1
        else:
            prev_no = lines[end - 1].no
            index = end
    return kept


def _is_prose(text: str) -> bool:
    return len(text) >= 100 and text.endswith(_SENTENCE_END)


_ZONE_PROSE_RUN = 2


def _zone_end(lines: list[Line], start: int) -> int:
    """Where a list zone stops: where prose resumes (two prose lines in a row; a list
    has at most one teaser line per item), else the end of the page."""
    run = 0
    for index in range(start, len(lines)):
        run = run + 1 if _is_prose(lines[index].text) else 0
        if run == _ZONE_PROSE_RUN:
            return index - _ZONE_PROSE_RUN + 1
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


def drop_table_of_contents(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop a list of short lines that all come back later as headings (a table of
    contents, a live blog's key events), and the short heading above it.

    >>> ctx = CleanContext()
    >>> text = "Contents\\nThe site\\nThe findings\\nIntro.\\nThe site\\nA.\\nThe findings\\nB."
    >>> [ln.text for ln in drop_table_of_contents(split_lines(text), ctx)]
    ['Intro.', 'The site', 'A.', 'The findings', 'B.']
    """
    keys = [line_key(line.text) for line in lines]
    last_seen = {key: i for i, key in enumerate(keys)}
    removed: set[int] = set()
    index = 0
    while index < len(lines):
        end = index
        while (
            end < len(lines)
            and keys[end]
            and last_seen[keys[end]] > end
            and len(lines[end].text.split()) <= 12
            and not lines[end].text.endswith((".", "!", ";", ":"))
        ):
            end += 1
        if end - index >= 2 and all(last_seen[keys[i]] >= end for i in range(index, end)):
            removed.update(range(index, end))
            above = index - 1
            if (
                above >= 0
                and len(lines[above].text.split()) <= 4
                and above not in removed
                and not lines[above].text.endswith(_SENTENCE_END)
            ):
                removed.add(above)
            index = end
        else:
            index += 1
    for i in sorted(removed):
        ctx.drop(lines[i], "table-of-contents")
    return [line for i, line in enumerate(lines) if i not in removed]


def drop_pull_quotes(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop a line repeated word for word inside a longer paragraph (a pull quote).
    The first line (the standfirst) is never dropped.

    >>> ctx = CleanContext()
    >>> text = ("Standfirst\\n“We will rebuild every house”\\n"
    ...         "“We will rebuild every house,” the mayor said on Sunday.")
    >>> [ln.text[:9] for ln in drop_pull_quotes(split_lines(text), ctx)]
    ['Standfirs', '“We will ']
    """
    keys = [line_key(line.text) for line in lines]
    removed: set[int] = set()
    for i, key in enumerate(keys):
        words = key.count(" ") + 1
        if i == 0 or not 5 <= words <= 40:
            continue
        if any(
            j != i and len(other) > len(key) + 10 and key in other for j, other in enumerate(keys)
        ):
            removed.add(i)
            ctx.drop(lines[i], "pull-quote")
    return [line for i, line in enumerate(lines) if i not in removed]


_ABOUT_HEADING = re.compile(
    r"^About (?P<org>(?:the )?[A-Z][\w&'’.\-]*"
    r"(?: (?:[A-Z][\w&'’.\-]*|of|for|and|the|&|on|in)){0,9})\s*:?$"
)


def drop_about_boilerplate(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop the ``About X`` paragraph that closes a press release (the organisation's
    standard description), noting X as the source.

    >>> ctx = CleanContext()
    >>> text = ("The fund opens in May.\\nAbout the Harbour Trust\\n"
    ...         "The Harbour Trust manages the port's land and water.")
    >>> [ln.text for ln in drop_about_boilerplate(split_lines(text), ctx)], ctx.outlets
    (['The fund opens in May.'], [(2, 'Harbour Trust')])
    """
    removed: set[int] = set()
    for index in range(len(lines) // 2, len(lines) - 1):
        match = _ABOUT_HEADING.match(lines[index].text)
        if not match or index == 0:
            continue
        org = match.group("org")
        bare = org.removeprefix("the ").removeprefix("The ")
        following = line_key(lines[index + 1].text).removeprefix("the ")
        if not following.startswith(line_key(bare)) or len(lines[index + 1].text.split()) > 150:
            continue
        removed.update((index, index + 1))
        ctx.outlets.append((2, bare))
    for index in sorted(removed):
        ctx.drop(lines[index], "boilerplate")
    return [line for i, line in enumerate(lines) if i not in removed]


_BIO_VERBS = (
    r"(?:is|was|has been|covers|writes|reports|joined|leads|heads|edits|teaches|serves|"
    r"previously|currently|works)"
)
_GENERIC_BIO = re.compile(
    r"^[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3},?\s+(?:is|was)\s+(?:a|an|the)\s+.{0,80}?\b"
    r"(?:fellow|professor|correspondent|reporter|editor|writer|journalist|columnist|analyst|"
    r"researcher|director|author|lecturer|economist|contributor|student|chair|founder|"
    r"president|partner|adviser|advisor|consultant|scholar|historian|member)\b"
)


def trim_trailing_furniture(lines: list[Line], ctx: CleanContext) -> list[Line]:
    """Drop what trails the last paragraph: an author box (name, bio), a disclaimer
    footnote, and short labels such as topic tags.

    >>> ctx = CleanContext(bylines=["Ann Lee"])
    >>> text = "The vote is on Friday.\\nAnn Lee is a reporter covering Congress.\\nCongress"
    >>> [ln.text for ln in trim_trailing_furniture(split_lines(text), ctx)]
    ['The vote is on Friday.']
    """
    names = _byline_names(ctx)
    end = _author_box_start(lines, names)
    for line in lines[end:]:
        ctx.drop(line, "author-bio")
    while end > 1:
        agency = sign_off_agency(lines[end - 1].text)
        if agency:
            ctx.agency = ctx.agency or agency
        rule = "agency-tag" if agency else _trailing_rule(lines[end - 1].text, names)
        if rule is None:
            break
        ctx.drop(lines[end - 1], rule)
        end -= 1
    return lines[:end]


_AUTHOR_BOX_LINES = 5


def _author_box_start(lines: list[Line], names: list[str]) -> int:
    """Where an author box begins: a line that is just the author's name among the last
    few lines, with only short lines (role, follower count, one-line bio) after it."""
    keys = {line_key(name) for name in names}
    for index in range(max(1, len(lines) - _AUTHOR_BOX_LINES), len(lines)):
        if line_key(lines[index].text) in keys and all(
            len(line.text.split()) <= 30 for line in lines[index + 1 :]
        ):
            return index
    return len(lines)


def _byline_names(ctx: CleanContext) -> list[str]:
    names: list[str] = []
    for byline in ctx.bylines:
        for name in re.split(r",|\band\b|&", byline):
            if len(name.split()) >= 2:
                names.append(name.strip())
    return names


_SIGN_OFF = re.compile(r"^(?:[-–—]{1,2}|\()\s*(?P<agency>[A-Za-z][A-Za-z .\-]{1,30}?)\s*\)?$")


def sign_off_agency(text: str) -> str | None:
    """The agency of a closing credit line such as ``— Reuters`` or ``(AFP)``.

    >>> sign_off_agency("— Reuters"), sign_off_agency("-- AFP"), sign_off_agency("— Ann")
    ('Reuters', 'AFP', None)
    """
    match = _SIGN_OFF.match(text.strip())
    agency = AGENCIES.get(match.group("agency").strip().lower()) if match else None
    return agency if agency != "Agencies" else None


def _trailing_rule(text: str, names: list[str]) -> str | None:
    words = text.split()
    lowered = text.casefold()
    for name in names:
        parts = name.casefold().split()
        if lowered == name.casefold():
            return "author-bio"
        for part in {name.casefold(), parts[0], parts[-1]}:
            if re.match(rf"{re.escape(part)}(?:\s+\S+){{0,2}}\s+{_BIO_VERBS}\b", lowered):
                return "author-bio" if len(words) <= 80 else None
    if len(words) <= 80 and _GENERIC_BIO.match(text):
        return "author-bio"
    if (
        len(words) <= 4
        and (text.isupper() or looks_like_name(text))
        and not text.endswith(_SENTENCE_END)
    ):
        return "author-bio"
    if len(words) <= 3 and not text.endswith(_SENTENCE_END):
        return "tags"
    return None


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
    strip_link_labels,
    drop_furniture,
    take_title,
    clean_header,
    cut_tail_sections,
    drop_about_boilerplate,
    drop_repeated_title,
    drop_table_of_contents,
    drop_duplicates,
    drop_pull_quotes,
    drop_paraphrased_captions,
    trim_trailing_furniture,
    trim_trailing_agency_tag,
)
"""The cleaning steps, in the order they run."""


LIGHT_STEPS: tuple[Step, ...] = (
    strip_link_labels,
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
        at = steps.index(drop_furniture) + 1 if drop_furniture in steps else 0
        steps = (*steps[:at], take_title, *steps[at:])
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
    date = _pick_date(ctx)
    return CleanedDump(
        title=ctx.title,
        body=body,
        dropped=tuple(sorted(ctx.dropped, key=lambda d: d.line_no)),
        published=date.value if date else None,
        published_has_time=date.has_time if date else False,
        byline=_pick_byline(ctx),
        source=_pick_outlet(ctx, text),
        agency=_pick_agency(body, ctx),
        kept_line_numbers=tuple(line.no for line in lines),
    )


def _in_tail(no: int, ctx: CleanContext) -> bool:
    return any(start <= no < end for start, end in ctx.tail_zones)


def _pick_date(ctx: CleanContext) -> FoundDate | None:
    """The publication date: the first one not labelled as an update, else the first.
    Dates inside related-story lists and the like are other articles' dates."""
    dates = [d for d, no in zip(ctx.dates, ctx.date_line_nos, strict=True) if not _in_tail(no, ctx)]
    if not dates:
        return None
    return next((d for d in dates if not d.updated), dates[0])


def _pick_byline(ctx: CleanContext) -> str | None:
    for byline, no in zip(ctx.bylines, ctx.byline_line_nos, strict=True):
        if not _in_tail(no, ctx):
            return byline
    return None


def _pick_outlet(ctx: CleanContext, text: str) -> str | None:
    """The outlet: the strongest candidate found on the page, in the masthead's spelling
    when the two are one name (``KXRT`` in a footer, ``KXRT 7 News`` in the header);
    else a known outlet's web address; else the masthead."""
    if ctx.outlets:
        best = min(ctx.outlets, key=lambda item: item[0])[1]
        if ctx.masthead and _starts_with_name(best, ctx.masthead):
            return ctx.masthead
        return best
    if "@" in text or "www." in text or "://" in text:
        found = outlet_from_domain(text)
        if found:
            return found
    return ctx.masthead


def _starts_with_name(name: str, masthead: str) -> bool:
    """``name`` is the masthead's name with a company word or two after it
    (``Harbour & Hill Media``), word for word, ``The`` and case ignored.

    >>> _starts_with_name("Harbour & Hill Media", "Harbour & Hill")
    True
    >>> _starts_with_name("KXRT", "KXRT 7 News"), _starts_with_name("AP", "KXRT 7 News")
    (False, False)
    """
    full, short = (line_key(n).removeprefix("the ").split() for n in (name, masthead))
    return bool(short) and len(full) > len(short) and full[: len(short)] == short


def _pick_agency(body: tuple[str, ...], ctx: CleanContext) -> str | None:
    for paragraph in body[:3]:
        agency = agency_from_dateline(paragraph)
        if agency:
            return agency
    return ctx.agency
