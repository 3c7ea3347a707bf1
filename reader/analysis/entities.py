"""The built-in entity extractor: capitalised-name chunking plus gazetteers and cues.

One precompiled regex finds runs of capitalised words (with name particles such as
"al-", "bin", "van", "de"); each run is split into gazetteer hits (places, demonyms,
organisations, names the store already knows) and unknown name runs. Unknown runs are
typed from cues: titles before them, role and organisation words, speech verbs after
them, organisation and place suffixes, "(ACR)" acronyms, particles and given names.
A second pass makes the article consistent: once "Sergei Lavrov" is a person, a later
"Lavrov" is the same person; once "Khmeimim Air Base" is a place, "Khmeimim" is too.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from reader.analysis import lexicon as lx
from reader.analysis.names import acronym, core_words, fold, norm, skeleton
from reader.models import EntityMention

__all__ = ["KnownNames", "extract_entities"]


def _char_class(predicate: object) -> str:
    """A regex character class of every BMP code point for which ``predicate`` holds."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode if sys.maxunicode < 0x10000 else 0x10000):
        if predicate(chr(code)):  # type: ignore[operator]
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    parts = []
    for lo, hi in ranges:
        parts.append(
            re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        )
    return "".join(parts)


UPPER = _char_class(str.isupper)
_SEP = "[ \u00a0]"
_PARTICLE_PREFIX = r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|bin|ibn|bint|abu|d)[-’']"
_APOS_CONT = r"(?:[’'](?!s\b)\w+)*"
_WORD_TOKEN = (
    rf"(?:{_PARTICLE_PREFIX})?[{UPPER}]\w*{_APOS_CONT}"
    rf"(?:-(?:[a-z]{{1,3}}-)?[{UPPER}]\w*{_APOS_CONT})*"
)
_HYPHEN_NOT_NAME = (
    r"(?:led|based|born|run|era|like|made|held|wide|free|only|owned|style|bound|backed|linked|"
    r"allied|funded|year|old|day|term|time|scale|level|rich|hit|long|full|half|left|right|wing|"
    r"up|in|out|off|on|war|law|laws|tax|gun|jobs?|area|zone|side|type|class|size|man|men)"
)
_KOREAN_GIVEN = (
    rf"(?!(?:Pro|Anti|Non|Ex|Neo|Mid|Pan|Pre|Post|Sub|Co|Re|Self|Semi|Vice|Ultra|Multi)-)"
    rf"[{UPPER}][a-z]{{1,3}}-(?!{_HYPHEN_NOT_NAME}\b)[a-z]{{2,5}}(?![\w-])"
)
_TOKEN = (
    rf"(?:(?:[{UPPER}]\.){{2,}}"
    rf"|(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Adm|Sen|Rep|Gov|Prof|St|Mt|Ft|ST|MT|FT)\.(?={_SEP}[{UPPER}])"
    r"|(?:Corp|Inc|Co|Ltd|Cos|Bros)\.(?![\w])"
    rf"|(?<![\w.])[{UPPER}]\.(?={_SEP}[{UPPER}][a-z])"
    rf"|{_KOREAN_GIVEN}"
    rf"|{_WORD_TOKEN})"
)
_GLUE = (
    r"(?:of the|of|for the|for|de la|van der|van den|von der|al|el|bin|ibn|bint|ben|de|da|di|"
    r"del|della|der|den|van|von|du|dos|das|la|le|wa|&)"
)
_LEAD_PARTICLE = r"(?:(?:von der|van der|van den|von|van|de|da|dos|du|del|della|di|ter)[ \u00a0])"
_LOWER_TAIL = r"(?:plc)(?![\w])"
_FACILITY = r"(?:Park|Basilica|Cathedral|Church|Square|Hospital|College|Stadium|Bridge|Chapel)"
_POSSESSIVE_GLUE = rf"[’']s?{_SEP}(?={_FACILITY}\b)"
_CHUNK_START = rf"(?=[{UPPER}vdtaeubi])"
"""Every letter a chunk can begin with (capitals, particles): a cheap check first."""
CHUNK_RE = re.compile(
    rf"(?<![\w’']){_CHUNK_START}{_LEAD_PARTICLE}?(?:{_TOKEN})"
    rf"(?:(?:{_SEP}(?:{_GLUE}{_SEP})?|{_POSSESSIVE_GLUE})(?:{_TOKEN}|{_LOWER_TAIL}))*"
)
_TOKEN_RE = re.compile(rf"{_TOKEN}|{_LOWER_TAIL}")
_PREV_WORD = re.compile(r"([A-Za-z]+)[ \u00a0]+$")
_NEXT_NOUN = re.compile(r"[ \u00a0]+([a-z]+)\b")
_PREV_ROLE = re.compile(r"([A-Za-z-]+),[ \u00a0]+$")
_APPOSITION = re.compile(
    r"(?:[’']s)?,[ \u00a0]+(?:the|a|an|its|his|her|their)[ \u00a0]+"
    r"((?:[\w’'-]+[ \u00a0]+){0,3}[\w’'-]+)"
)
_NEXT_VERB = re.compile(
    r"(?:[’']s)?,?[ \u00a0]+(?:(?:has|have|had|was|is|also|then|later|previously|once|reportedly|"
    r"been|would|will|did|does|publicly|recently|further|again|similarly|quickly|later|"
    r"repeatedly|told|earlier)[ \u00a0]+){0,2}([a-z]+)"
)
_PAREN_ACR = re.compile(r"[ \u00a0]*\(([A-Z][A-Za-z]*[A-Z])\)")
_LOWER_WORD = re.compile(r"\b[a-z][a-z]+\b")
_AND_GLUE = frozenset({" and ", " & ", "\u00a0and\u00a0"})
_APPOSITIVE = re.compile(r"(?:[’']s)?,[ \u00a0]+(?:(?:who|whose|aged)\b|\d{1,3},)")
_SENTENCE_END = frozenset(".!?\n:;…")
_DATELINE_AFTER = re.compile(r",[ \u00a0]+[A-Z]|[ \u00a0]+\((?:AP|AFP|Reuters)\)|[ \u00a0]+[—–-]")
_PLURAL_AT = re.compile(r"([A-Za-z]+s)[ \u00a0]+at[ \u00a0]+$")
_AT_GLUE = frozenset({" at ", "\u00a0at\u00a0"})
_GLUE_LEN = max(len(glue) for glue in _AND_GLUE | _AT_GLUE)
"""The longest glue between two chunks, to skip slicing the text between far-apart ones."""
_QUARTER = re.compile(r"[QH][1-4]|FY\d{2,4}")
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])\d{1,3}(?:st|nd|rd|th)[ \u00a0]$")
_CITY_TAILED = frozenset({"College", "University", "School", "Institute", "Conservatoire"})
"""Institution words a city name may follow inside the name ("Imperial College London")."""
_GAMES_HEADS = frozenset(
    {"Olympic", "Paralympic", "Commonwealth", "Winter", "Summer", "Youth", "Pan", "Invictus"}
)
_STOCK_BEFORE = re.compile(
    r"(?:shares|stock|stocks|bonds|shareholders|stake|(?:chief|co-chief)[ \u00a0]+executive|"
    r"ceo|cfo|co-founder|founder|subsidiary|division)[ \u00a0]+(?:of|in)[ \u00a0]+$",
    re.IGNORECASE,
)
"""Words before a company's name ("shares of X", "a stake in X", "chief executive of X")."""
_STOCK_AFTER = re.compile(
    r"[’']s[ \u00a0]+(?:shares|stock|shareholders|board|ceo|cfo|"
    r"(?:co-)?chief[ \u00a0]+(?:executive|financial|operating))\b"
    r"|[ \u00a0]+(?:shares|stock)[ \u00a0]+(?:rose|fell|jumped|climbed|slid|dropped|gained|lost|"
    r"tumbled|surged|sank|slumped|rallied|plunged|soared|were|have|had|closed|ended|traded|"
    r"edged|are|opened)\b"
    r"|,[ \u00a0]+which[ \u00a0]+(?:makes|produces|sells|owns|operates|manufactures|develops|"
    r"builds|employs|publishes|broadcasts)\b"
)
"""Words after a company's name ("X shares fell", "X's chief executive")."""
_STATEMENT_AFTER = re.compile(
    r"[ \u00a0]+(?:said|says)[ \u00a0]+in[ \u00a0]+an?[ \u00a0]+(?:[a-z]+[ \u00a0]+)?"
    r"(?:statement|filing|release)\b"
)
_NOUN_AFTER = re.compile(r"[ \u00a0]+(?:([a-z-]+)[ \u00a0]+)?([a-z]+)\b")
_LEADER_NOUN_AFTER = re.compile(
    r"[ \u00a0]+(?:administration|government|campaign|presidency|cabinet|era)\b"
)
"""Nouns a leader's surname modifies ("the Trump administration", "the Starmer government")."""
_ADJECTIVE_ENDINGS = (
    "ional", "eral", "tral", "ial", "ipal", "ical", "oyal", "ive", "ary", "ish", "ese", "ity",
    "ion", "ment", "ness",
)  # fmt: skip
_SKIP_BACK = frozenset(" \u00a0\"“‘'([")


@dataclass(slots=True)
class KnownNames:
    """Names the extractor should recognise and how to type them (from the store).

    ``names`` maps ``norm(alias)`` to ``(type, preferred name)``. Person surnames of
    multi-word names are indexed as well, when only one known person has that surname.
    """

    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    surnames: dict[str, tuple[str, str] | None] = field(default_factory=dict)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str, str]]) -> KnownNames:
        """From ``(alias, type, preferred name)`` triples."""
        known = cls()
        for alias, kind, name in pairs:
            known.add(alias, kind, name)
        return known

    def add(self, alias: str, kind: str, name: str) -> None:
        key = norm(alias)
        if not key:
            return
        self.names.setdefault(key, (kind, name))
        if kind == "PERSON":
            words = core_words(alias)
            if len(words) > 1:
                last = words[-1]
                previous = self.surnames.get(last, ())
                if previous == ():
                    self.surnames[last] = (kind, name)
                elif previous is not None and norm(previous[1]) != norm(name):
                    self.surnames[last] = None

    def get(self, text: str) -> tuple[str, str] | None:
        key = norm(text)
        hit = self.names.get(key)
        if hit is None and " " not in key:
            words = core_words(text)
            if len(words) == 1:
                hit = self.surnames.get(words[0])
        return hit


def _as_known(known: KnownNames | Mapping[str, str] | None) -> KnownNames:
    if known is None:
        return KnownNames()
    if isinstance(known, KnownNames):
        return known
    return KnownNames.from_pairs((alias, kind, alias) for alias, kind in known.items())


@dataclass(slots=True)
class _Run:
    """A stretch of capitalised words inside a chunk, before or after typing."""

    start: int
    end: int
    text: str
    ntokens: int
    sent_initial: bool
    heading: bool
    title: bool = False
    org_cue: bool = False
    person_cue: bool = False
    speech_after: bool = False
    acronym_after: str | None = None
    locative: bool = False
    particle: bool = False
    given: bool = False
    confident: bool = False
    modifier: bool = False
    place_cue: bool = False
    statement_after: bool = False
    type: str | None = None
    key: str | None = None
    name: str | None = None


class _Article:
    """The per-text state of one extraction."""

    def __init__(self, text: str, known: KnownNames) -> None:
        self.text = text
        self.known = known
        self.gaz = lx.gazetteer()
        self.headings = _heading_spans(text)
        self.hits: dict[str, tuple[str, str, str] | None] = {}
        """Lookups already made in this text (the gazetteer and known names stay fixed)."""
        self.lower_vocab: set[str] | None = None
        self.runs: list[_Run] = []
        self.persons: list[tuple[tuple[str, ...], str, str]] = []
        """(core words, key, name) of every multi-word person seen."""
        self.surname_at: dict[str, list[tuple[int, str]]] = {}
        self.name_part_at: dict[str, list[tuple[int, str]]] = {}
        self.clubs: dict[str, str] = {}
        """norm(short name) -> key of a sports club named in this text ("Newcastle")."""
        self.lexicon: dict[str, tuple[str, str, str]] = {}
        """norm(alias) -> (type, key, name) for names confirmed in this text."""

    # ---------------------------------------------------------------- pass 1

    def chunks(self) -> None:
        text = self.text
        matches = [m.span() for m in CHUNK_RE.finditer(text)]
        count = len(matches)
        i = 0
        while i < count:
            start, end = matches[i]
            # "Independent Electoral and Boundaries Commission", "Bosnia and Herzegovina".
            while (
                i + 1 < count
                and matches[i + 1][0] - end <= _GLUE_LEN
                and text[end : matches[i + 1][0]] in _AND_GLUE
            ):
                nxt_start, nxt_end = matches[i + 1]
                combined = text[start:nxt_end]
                last = text[nxt_start:nxt_end].rsplit(" ", 1)[-1]
                left_last = text[start:end].rsplit(" ", 1)[-1]
                if (
                    last in lx.ORG_SUFFIXES
                    and " " in text[nxt_start:nxt_end]
                    and left_last not in lx.ORG_SUFFIXES
                    and self._lookup(left_last) is None
                ) or (norm(combined) in self.gaz.types):
                    end = nxt_end
                    i += 1
                else:
                    break
            if (
                i + 1 < count
                and matches[i + 1][0] - end <= _GLUE_LEN
                and text[end : matches[i + 1][0]] in _AT_GLUE
                and "University of " in text[start:end]
                and text[matches[i + 1][0] : matches[i + 1][1]].count(" ") < 3
            ):
                # "University of Alabama at Birmingham": a campus named after its city.
                end = matches[i + 1][1]
                i += 1
            i += 1
            if end - start < 2 and not text[start:end].isupper():
                continue
            tokens = [
                (m.start() + start, m.end() + start) for m in _TOKEN_RE.finditer(text[start:end])
            ]
            if not tokens:
                continue
            if text[start].islower():
                # "von der Leyen", "van Dijk": the particles belong to the first token.
                tokens[0] = (start, tokens[0][1])
            self._segment(tokens)

    def _segment(self, tokens: list[tuple[int, int]]) -> None:
        text = self.text
        if len(tokens) >= 2 and self._event_name(tokens):
            return
        # Split on "of" unless the word before it heads a name ("Bank of England").
        paren = _PAREN_ACR.match(text, tokens[-1][1])
        inner = text[tokens[0][0] : tokens[-1][1]] if paren is not None else ""
        if paren is not None and len(tokens) > 1 and (" of" in inner or " for" in inner):
            # "Joint Chiefs of Staff (JCS)": the acronym vouches for the whole name.
            words = [text[s:e] for s, e in tokens]
            lead = 0
            while lead < len(words) - 1 and words[lead] in lx.FUNCTION_WORDS:
                lead += 1
            letters = paren.group(1)
            initials = acronym(text[tokens[lead][0] : tokens[-1][1]])
            if initials == letters or (
                # "Alternative for Germany (AfD)": an acronym from the name in another language.
                letters[0] == words[lead][0]
                and any(c.islower() for c in letters)
                and len(letters) <= len(tokens) - lead + 1
            ):
                self._emit(
                    tokens[lead][0],
                    tokens[-1][1],
                    "ORG",
                    confident=True,
                    acronym_after=paren.group(1),
                )
                return
        # Split on "of"/"for" unless the word before heads a name ("Bank of England").
        groups: list[list[tuple[int, int]]] = [[tokens[0]]]
        for prev, tok in pairwise(tokens):
            glue = text[prev[1] : tok[0]]
            head = text[prev[0] : prev[1]]
            if (" of" in glue and head not in lx.OF_HEADS) or (
                " for" in glue and head not in lx.FOR_HEADS
            ):
                groups.append([tok])
            else:
                groups[-1].append(tok)
        for group in groups:
            self._segment_group(group)

    def _event_name(self, tokens: list[tuple[int, int]]) -> bool:
        """An event, prize or storm name ("Queen Elisabeth Competition", "Hurricane Milton")."""
        text = self.text
        last = text[tokens[-1][0] : tokens[-1][1]]
        if last in lx.EVENT_WORDS:
            if last != "Games":
                return True
            before = text[tokens[0][0] : tokens[-2][1]]
            head = text[tokens[-2][0] : tokens[-2][1]]
            hit = self._lookup(before)
            return head in _GAMES_HEADS or (hit is not None and hit[0] in ("NORP", "PLACE"))
        first = 0
        while first < len(tokens) - 1 and (
            text[tokens[first][0] : tokens[first][1]] in lx.FUNCTION_WORDS
            or text[tokens[first][0] : tokens[first][1]] == "Super"
        ):
            # "The Super Typhoon Haiyan"
            first += 1
        return (
            text[tokens[first][0] : tokens[first][1]] in lx.STORM_WORDS and first < len(tokens) - 1
        )

    def _segment_group(self, toks: list[tuple[int, int]]) -> None:
        text = self.text
        gaz = self.gaz
        first_start = toks[0][0]
        sent_initial = _sentence_initial(text, first_start)
        heading = self._in_heading(first_start)
        words = [text[s:e] for s, e in toks]
        n = len(toks)
        # Leading function words and calendar words never belong to a name.
        lead = 0
        while lead < n and (
            (words[lead] in lx.FUNCTION_WORDS and not self._month_as_name(toks, lead, False))
            or (
                words[lead] in lx.CALENDAR_WORDS
                and not self._month_as_name(toks, lead, False)
                and (words[lead] != "New" or words[lead + 1 : lead + 2] == ["Year"])
            )
        ):
            if lead == 0 and n > 1 and words[0] == "The":
                whole = norm(text[toks[0][0] : toks[-1][1]])
                if gaz.types.get(whole) == "PLACE" and gaz.canonical[whole].startswith("The "):
                    break
            lead += 1
        if (
            lead == 0
            and n > 1
            and sent_initial
            and words[0].lower() in _DESCRIPTOR_WORDS
            and text[toks[0][1] : toks[1][0]] in (" ", "\u00a0")
        ):
            # "Rival JPMorgan Chase & Co. posted …", "Economist Rupa Subramanya said …"
            lead = 1
        if lead == n:
            return
        toks, words = toks[lead:], words[lead:]
        n = len(toks)
        if lead:
            sent_initial = sent_initial or words[0] not in lx.TITLES
        if n >= 2 and not heading:
            whole = text[toks[0][0] : toks[-1][1]]
            hit = self._lookup(whole)
            if hit is None:
                core = self._suffix_type(words)
                if core is not None:
                    kind, first = core
                    s = toks[first][0]
                    self._emit(s, toks[-1][1], kind, confident=True)
                    if (kind == "PLACE" and n - first == 2) or words[-2:] == ["Air", "Base"]:
                        head = text[toks[first][0] : toks[first][1]]
                        if n - first >= 2 and head not in lx.TITLES:
                            self._register(
                                head, kind, norm(text[s : toks[-1][1]]), text[s : toks[-1][1]]
                            )
                    return
                if self._of_name(toks, words, sent_initial, heading):
                    return
        run: list[tuple[int, int]] = []
        title_before = False
        i = 0
        maxw = gaz.max_words
        while i < n:
            hit_end, hit = -1, None
            for j in range(min(n, i + maxw), i, -1):
                if j - i > 1 or True:
                    found = self._lookup(text[toks[i][0] : toks[j - 1][1]])
                    if found is not None:
                        hit_end, hit = j, found
                        break
            if hit is not None and hit_end == i + 1:
                word = words[i]
                # A lone known surname or given name continues a person run.
                if (hit[0] == "PERSON" and run) or (
                    word in gaz.given_names
                    and i + 1 < n
                    and hit[0] != "NORP"
                    and self._lookup(words[i + 1]) is None
                    and words[i + 1] not in lx.TITLES
                ):
                    hit = None
            if (
                hit is not None
                and hit[0] == "ORG"
                and hit_end == i + 1 < n
                and words[i + 1] in lx.DEPARTMENT_TITLES
                and not words[i].isupper()
            ):
                # "Treasury Secretary Scott Bessent": the department belongs to the title.
                self._flush(run, title_before, sent_initial, heading, toks)
                run, title_before = [], True
                i += 1
                continue
            if hit is not None:
                self._flush(run, title_before, sent_initial, heading, toks)
                run, title_before = [], False
                s, e = toks[i][0], toks[hit_end - 1][1]
                self._emit(s, e, hit[0], key=hit[1], name=hit[2], confident=True)
                i = hit_end
                continue
            word = words[i]
            if not run and _is_title(word) and i + 1 < n:
                title_before = True
            elif (
                run
                and i + 1 < n
                and _is_head_title(word)
                and not _is_title(words[i + 1])
                and words[i + 1] not in lx.CALENDAR_WORDS
            ):
                # "Commission President Ursula von der Leyen": what precedes a title
                # is a modifier, never a person.
                self._flush(run, title_before, sent_initial, heading, toks, modifier=True)
                run, title_before = [], True
            elif (
                word in lx.CALENDAR_WORDS
                and words[i] not in ("New", "Year")
                and not self._month_as_name(toks, i, bool(run))
            ):
                self._flush(run, title_before, sent_initial, heading, toks)
                run, title_before = [], False
            elif not run and _is_title(word) and title_before:
                pass
            else:
                run.append(toks[i])
            i += 1
        self._flush(run, title_before, sent_initial, heading, toks)

    def _month_as_name(self, toks: list[tuple[int, int]], i: int, in_name: bool) -> bool:
        """Whether a month word is a name here ("Theresa May", "May said"), not a date."""
        text = self.text
        s, e = toks[i]
        if text[s:e] == "Jan" and i + 1 < len(toks):
            # "Jan Paul van Hecke": an abbreviated month never precedes a name.
            return True
        if text[s:e] not in _NAME_MONTHS:
            return False
        if _DIGIT_AFTER.match(text, e):
            return False
        if in_name:
            return True
        prev = _PREV_WORD.search(text, max(0, s - 20), s)
        if prev is not None and prev.group(1).lower() in _DATE_CUES:
            return False
        return i + 1 == len(toks) and _sentence_initial(text, s)

    def _of_name(
        self,
        toks: list[tuple[int, int]],
        words: list[str],
        sent_initial: bool,
        heading: bool,
    ) -> bool:
        """ "X of Y" and "X for Y" names typed by their head ("Reserve Bank of India").

        The name ends before a title that introduces a person ("Bank of England Governor
        Andrew Bailey"); what follows is segmented on its own.
        """
        text = self.text
        n = len(toks)
        for k in range(n - 1):
            glue = text[toks[k][1] : toks[k + 1][0]]
            if " of" not in glue and " for" not in glue:
                continue
            head = words[k]
            kind = (
                "ORG" if head in lx.OF_ORG_HEADS else "PLACE" if head in lx.OF_PLACE_HEADS else None
            )
            if kind is None:
                return False
            first = 0
            while first < k and _is_head_title(words[first]):
                first += 1
            end = k + 1
            while end < n:
                if _is_head_title(words[end]) and end + 1 < n and not _is_title(words[end + 1]):
                    break
                end += 1
            if first == k and kind == "ORG" and head in lx.HEAD_TITLES:
                return False
            self._emit(toks[first][0], toks[end - 1][1], kind, confident=True)
            if end < n:
                self._segment_group(toks[end:])
            return True
        return False

    def _suffix_type(self, words: list[str]) -> tuple[str, int] | None:
        """ORG or PLACE from the run's last word, and where the name starts."""
        last = words[-1]
        first = 0
        while (
            first < len(words) - 1
            and words[first] in lx.TITLES
            and words[first]
            not in (
                "National",
                "Security",
                "Army",
                "Supreme",
                "State",
                "Home",
                "Joint",
                "Special",
                "Intelligence",
                "Foreign",
                "Defence",
                "Defense",
                "Interior",
                "Justice",
                "Energy",
                "Health",
                "Trade",
                "Finance",
                "Education",
                "Labour",
                "Labor",
                "Agriculture",
                "Transport",
                "Culture",
                "Presidential",
                "Executive",
                "Grand",
            )
        ):
            first += 1
        if first >= len(words) - 1 and last in lx.ORG_SUFFIXES:
            # "Premier League", "National Guard": the title-like word names the body.
            if len(words) >= 2 and not _is_head_title(words[-2]):
                return "ORG", len(words) - 2
            return None
        if last in lx.ORG_SUFFIXES:
            if all(w in lx.TITLES for w in words[first:]):
                return None
            return "ORG", first
        if len(words) - first >= 3 and words[-2] in _CITY_TAILED:
            hit = self._lookup(last)
            if hit is not None and hit[0] == "PLACE":
                return "ORG", first
        if words[first] in lx.ORG_PREFIXES and len(words) - first >= 2:
            return "ORG", first
        if last in lx.PLACE_SUFFIXES or (len(words) >= 2 and words[0] in ("Mount", "Lake", "Cape")):
            return "PLACE", first
        if len(words) == 2 and words[0] in lx.COMPASS_WORDS and not _is_title(last):
            # "North Kivu", "Lower Saxony", "West Africa": a region, unless the rest is
            # already known as something else.
            hit = self._lookup(last)
            if hit is None or hit[0] == "PLACE":
                return "PLACE", 0
        if 2 <= len(words) <= 3 and words[0] in lx.PLACE_PREFIXES and self._lookup(last) is None:
            return "PLACE", 0
        return None

    def _lookup(self, phrase: str) -> tuple[str, str, str] | None:
        """A gazetteer or known-name hit for ``phrase``: (type, key, name)."""
        hits = self.hits
        if phrase in hits:
            return hits[phrase]
        hit = hits[phrase] = self._find(phrase)
        return hit

    def _find(self, phrase: str) -> tuple[str, str, str] | None:
        key = norm(phrase)
        kind = self.gaz.types.get(key)
        if kind is not None and key in self.gaz.upper_only and not _upper_word(phrase):
            kind = None
        if kind is not None:
            name = self.gaz.canonical[key]
            return kind, norm(name), name
        known = self.known.get(phrase)
        if known is not None:
            return known[0], norm(known[1]), known[1]
        return None

    def _flush(
        self,
        run: list[tuple[int, int]],
        title_before: bool,
        sent_initial: bool,
        heading: bool,
        chunk: list[tuple[int, int]],
        *,
        modifier: bool = False,
    ) -> None:
        if not run:
            return
        text = self.text
        start, end = run[0][0], run[-1][1]
        surface = text[start:end]
        if all(_is_title(text[s:e]) for s, e in run):
            return
        if (
            len(run) == 1
            and (
                (_descriptor(surface) and (not title_before or surface.lower() in lx.GROUP_NOUNS))
                or _QUARTER.fullmatch(surface)
                # "GLP-1", "COVID-19": an acronym glued to a number names a thing.
                or (text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit())
            )
        ):
            return
        # "post-Assad" -> "Assad"; "Turkish-Syrian" -> two demonyms.
        if "-" in surface and len(run) == 1 and self._split_hyphenated(start, end):
            return
        is_first = run[0] == chunk[0]
        is_last = run[-1] == chunk[-1]
        r = _Run(
            start=start,
            end=end,
            text=surface,
            ntokens=len(run),
            sent_initial=sent_initial and is_first and not title_before,
            heading=heading,
            title=title_before,
        )
        r.modifier = modifier
        if is_first and not title_before:
            prev = _PREV_WORD.search(text, max(0, start - 30), start)
            if prev is not None:
                word = prev.group(1).lower()
                if word in lx.ROLE_CUES:
                    r.person_cue = True
                elif word in lx.ORG_CUES or (
                    word in ("of", "in") and _STOCK_BEFORE.search(text, max(0, start - 40), start)
                ):
                    r.org_cue = True
                elif word in lx.LOCATIVE_CUES:
                    r.locative = True
                    plural = _PLURAL_AT.search(text, max(0, start - 40), start)
                    if plural is not None and plural.group(1)[:-1].lower() in lx.ROLE_CUES:
                        # "analysts at Bernstein", "economists at Nomura"
                        r.org_cue, r.locative = True, False
            else:
                # "Mauritania's foreign minister, Mohamed Salem Ould Merzoug, said"
                role = _PREV_ROLE.search(text, max(0, start - 40), start)
                if role is not None and role.group(1).lower().split("-")[-1] in lx.ROLE_CUES:
                    r.person_cue = True
        if is_last:
            nxt = _NEXT_VERB.match(text, end)
            if nxt is not None and nxt.group(1) in lx.SPEECH_VERBS:
                r.speech_after = True
            if _APPOSITIVE.match(text, end):
                r.person_cue = r.ntokens >= 2 or r.person_cue
            noun = _NEXT_NOUN.match(text, end)
            if noun is not None and noun.group(1) in lx.PLACE_NOUNS:
                # "the Sunan area", "the Baabda palace"
                r.place_cue = True
            apposition = _APPOSITION.match(text, end)
            if apposition is not None:
                # "Gavi, the vaccine alliance,"; "Njeri wa Migwi, an economist at …"
                nouns = [norm(w) for w in apposition.group(1).split()]
                if any(w in lx.ROLE_CUES for w in nouns):
                    r.person_cue = True
                elif any(w in lx.ORG_CUES for w in nouns):
                    r.org_cue = True
            paren = _PAREN_ACR.match(text, end)
            if paren is not None:
                r.acronym_after = paren.group(1)
            if not title_before and not r.person_cue and _STOCK_AFTER.match(text, end):
                r.org_cue = True
            elif not title_before and noun is not None:
                after = _NOUN_AFTER.match(text, end)
                if (
                    after is not None
                    and after.group(2) in lx.ORG_NOUNS_AFTER
                    and after.group(1) not in lx.NOT_ORG_MODIFIERS
                    and not self._is_common(surface.split()[-1])
                ):
                    r.org_cue = True
            r.statement_after = _STATEMENT_AFTER.match(text, end) is not None
            if len(run) == 1 and not title_before and self._leader_modifier(r):
                r.person_cue = True
        first_word = text[run[0][0] : run[0][1]]
        r.given = first_word in self.gaz.given_names or (
            "-" in first_word and first_word.split("-")[0] in self.gaz.given_names
        )
        r.particle = any(w in _PARTICLE_WORDS for w in norm(surface).split()) or first_word in (
            "Abu",
            "Umm",
            "Bin",
            "Ibn",
        )
        self._classify_confident(r)
        self.runs.append(r)

    def _leader_modifier(self, r: _Run) -> bool:
        """A lone surname before "administration"/"government" ("the Trump administration")."""
        text = self.text
        if not _LEADER_NOUN_AFTER.match(text, r.end) or text[max(0, r.start - 4) : r.start] not in (
            "the ",
            "The ",
        ):
            return False
        word = r.text
        return not (
            word.isupper()
            or word.endswith(_ADJECTIVE_ENDINGS)
            or word in lx.ORG_SUFFIXES
            or _is_title(word)
            or _descriptor(word)
            or self._is_common(word)
        )

    def _split_hyphenated(self, start: int, end: int) -> bool:
        text = self.text
        surface = text[start:end]
        parts = surface.split("-")
        if parts[0].lower() in lx.HYPHEN_PREFIXES or (len(parts[0]) == 1 and len(parts) == 2):
            # "pro-Kremlin" -> "Kremlin"; "R-Iowa" (party and state) -> "Iowa".
            offset = start + len(parts[0]) + 1
            hit = self._lookup(text[offset:end])
            if hit is not None:
                self._emit(offset, end, hit[0], key=hit[1], name=hit[2], confident=True)
            elif len(parts[0]) > 1:
                self._flush([(offset, end)], False, False, self._in_heading(start), [(offset, end)])
            return True
        hits = [self._lookup(p) for p in parts]
        if len(parts) > 1 and all(h is not None for h in hits) and self._lookup(surface) is None:
            pos = start
            for part, hit in zip(parts, hits, strict=True):
                assert hit is not None
                self._emit(pos, pos + len(part), hit[0], key=hit[1], name=hit[2], confident=True)
                pos += len(part) + 1
            return True
        return False

    def _classify_confident(self, r: _Run) -> None:
        """Type a run from its own cues, before the article's names are known."""
        if self._dateline(r):
            r.type, r.confident = "PLACE", True
            return
        if " & " in r.text and not r.title and r.ntokens >= 3:
            # "Brighton & Hove Albion", "Procter & Gamble Co."
            r.type, r.confident = "ORG", True
            return
        if (
            r.acronym_after
            or (r.ntokens == 1 and r.text.isupper() and 2 <= len(r.text) <= 6 and r.text.isalpha())
            or (r.org_cue and not r.given)
        ):
            r.type, r.confident = "ORG", True
        elif r.modifier:
            return
        elif (
            r.title
            or r.person_cue
            or (r.ntokens >= 2 and (r.particle or r.given))
            or (r.ntokens >= 2 and r.speech_after)
            or (r.ntokens == 1 and r.particle and not r.heading)
            or (r.ntokens >= 2 and not r.heading and not r.sent_initial and self._uncommon(r.text))
        ):
            r.type, r.confident = "PERSON", True

    def _dateline(self, r: _Run) -> bool:
        """A capitalised place opening a paragraph ("NEWCASTLE, England —")."""
        text = self.text
        if r.start and text[r.start - 1] != "\n":
            return False
        if not r.text.replace(".", "").replace(" ", "").isupper() or len(r.text) < 3:
            return False
        return _DATELINE_AFTER.match(text, r.end) is not None

    def _uncommon(self, surface: str) -> bool:
        if self.lower_vocab is None:
            self.lower_vocab = set(_LOWER_WORD.findall(self.text))
        return not any(w.lower() in self.lower_vocab for w in surface.split())

    # ---------------------------------------------------------------- registry

    def _emit(
        self,
        start: int,
        end: int,
        kind: str,
        *,
        key: str | None = None,
        name: str | None = None,
        confident: bool = False,
        acronym_after: str | None = None,
    ) -> None:
        surface = self.text[start:end]
        r = _Run(
            start=start,
            end=end,
            text=surface,
            ntokens=surface.count(" ") + 1,
            sent_initial=False,
            heading=False,
            type=kind,
            key=key,
            name=name,
            confident=confident,
            acronym_after=acronym_after,
        )
        self.runs.append(r)

    def _register(self, alias: str, kind: str, key: str, name: str) -> None:
        self.lexicon.setdefault(norm(alias), (kind, key, name))

    def _in_heading(self, pos: int) -> bool:
        return bool(self.headings) and any(s <= pos < e for s, e in self.headings)

    # ---------------------------------------------------------------- pass 2

    def resolve(self) -> list[EntityMention]:
        runs = sorted(self.runs, key=lambda r: r.start)
        for r in runs:
            if r.type == "ORG" and r.start > 4 and self.text[r.start - 1] in " \u00a0":
                self._take_ordinal(r)
        # Confirmed names first: full names of people, then organisations and places.
        for r in runs:
            if r.confident and r.type == "PERSON" and len(core_words(r.text)) >= 2:
                r.key, r.name = self._person_key(r)
        for r in runs:
            if not r.confident or r.type is None:
                continue
            if r.type == "PERSON":
                if r.key is None:
                    r.key, r.name = self._person_key(r)
            elif r.key is None:
                hit = self.lexicon.get(norm(r.text))
                if hit is not None and hit[0] == r.type:
                    # "MERICS" after "Mercator Institute for China Studies (MERICS)"
                    _, r.key, r.name = hit
                else:
                    r.key, r.name = norm(r.text), r.text
            if r.type == "ORG" and r.acronym_after is None:
                paren = _PAREN_ACR.match(self.text, r.end)
                r.acronym_after = paren.group(1) if paren is not None else None
            if r.type == "ORG":
                if r.acronym_after:
                    known = self._lookup(r.acronym_after)
                    if known is not None and known[0] == "ORG" and known[1] != r.key:
                        # "Social Democrats (SPD)": the listed acronym names the body.
                        r.key, r.name = known[1], known[2]
                    self._register(r.acronym_after, "ORG", r.key, r.name or r.text)
                for short in self._short_names(r.text):
                    self._register(short, "ORG", r.key, r.name or r.text)
                initials = acronym(r.text)
                if len(initials) >= 2:
                    self._register(initials, "ORG", r.key, r.name or r.text)
            if r.type in ("ORG", "PLACE", "PERSON") and r.ntokens >= 1:
                self._register(r.text, r.type, r.key or norm(r.text), r.name or r.text)
        for r in runs:
            if r.type is None or (r.type == "PERSON" and r.key is None):
                self._resolve_open(r)
            if self.clubs and r.type == "PLACE" and not r.text.isupper():
                club = self.clubs.get(norm(r.text))
                hit = self.lexicon.get(club) if club is not None else None
                if hit is not None and hit[0] == "ORG":
                    # "Newcastle" after "Newcastle United" is the club.
                    r.type, r.key, r.name = hit
        mentions: list[EntityMention] = []
        names: dict[str, str] = {}
        for r in runs:
            if r.type is None or r.key is None:
                continue
            name = r.name or r.text
            if len(name) > len(names.get(r.key, "")):
                names[r.key] = name
        last_end = -1
        for r in runs:
            if r.type is None or r.key is None or r.start < last_end:
                continue
            last_end = r.end
            metonym = self._metonym(r) if r.type == "PLACE" else None
            mentions.append(
                EntityMention(
                    start=r.start,
                    end=r.end,
                    text=r.text,
                    type=r.type,  # type: ignore[arg-type]
                    key=r.key,
                    name=names[r.key],
                    metonym_for=metonym,
                )
            )
        return mentions

    def _take_ordinal(self, r: _Run) -> None:
        """Extend a unit's or court's name over its ordinal ("9th U.S. Circuit Court")."""
        text = self.text
        ordinal = _ORDINAL_BEFORE.search(text, max(0, r.start - 6), r.start)
        if ordinal is None or not any(w in lx.ORDINAL_UNITS for w in r.text.split()):
            return
        r.start = ordinal.start()
        r.text = text[r.start : r.end]
        if r.key is None:
            r.key, r.name = norm(r.text), r.text
        r.ntokens += 1

    def _short_names(self, name: str) -> list[str]:
        """Shorter names of a company ("Goldman Sachs Group Inc." -> "Goldman Sachs", "Goldman")."""
        words = name.split()
        if (len(words) == 2 and words[-1] in lx.CLUB_SUFFIXES) or (
            len(words) >= 3 and words[1] == "&"
        ):
            # "Newcastle United" -> "Newcastle"; "Brighton & Hove Albion" -> "Brighton".
            first = words[0]
            if not self._is_common(first):
                self.clubs.setdefault(norm(first), norm(name))
                if self._lookup(first) is None:
                    return [first]
            return []
        if len(words) < 2 or words[-1] not in lx.CORPORATE_SUFFIXES:
            return []
        while len(words) > 1 and (words[-1] in lx.CORPORATE_SUFFIXES or words[-1] in ("&",)):
            words.pop()
        shorts = [" ".join(words)]
        first = words[0]
        if (
            len(words) > 1
            and self._lookup(first) is None
            and first not in self.gaz.given_names
            and not self._is_common(first)
        ):
            shorts.append(first)
        return shorts

    def _person_key(self, r: _Run) -> tuple[str, str]:
        words = core_words(r.text)
        if len(words) == 1:
            return self._surname_key(r) or (norm(r.text), r.text)
        for other_words, key, name in self.persons:
            if _same_person(words, other_words):
                self._note_surname(words, r.start, key)
                return key, name
        key = norm(r.text)
        self.persons.append((words, key, r.text))
        self._note_surname(words, r.start, key)
        self._register(r.text, "PERSON", key, r.text)
        return key, r.text

    def _note_surname(self, words: tuple[str, ...], pos: int, key: str) -> None:
        self.surname_at.setdefault(fold(words[-1]), []).append((pos, key))
        # Other parts of a full name stand for the person too when no one has them as
        # a surname: "Lula" (Luiz Inácio Lula da Silva), "Xi" (Xi Jinping).
        for word in words[:-1]:
            self.name_part_at.setdefault(fold(word), []).append((pos, key))

    def _surname_key(self, r: _Run) -> tuple[str, str] | None:
        words = core_words(r.text)
        if len(words) != 1:
            return None
        seen = self.surname_at.get(fold(words[0])) or self.name_part_at.get(fold(words[0]))
        if not seen:
            return None
        before = [key for pos, key in seen if pos < r.start]
        key = before[-1] if before else seen[0][1]
        name = next((n for _, k, n in self.persons if k == key), r.text)
        return key, name

    def _resolve_open(self, r: _Run) -> None:
        if r.modifier:
            hit = self.lexicon.get(norm(r.text)) or self._lookup(r.text)
            if hit is not None and hit[0] != "PERSON":
                r.type, r.key, r.name = hit
            return
        if r.type is None or r.ntokens == 1:
            surname = self._surname_key(r)
            if surname is not None and (r.type in (None, "PERSON")):
                r.type, (r.key, r.name) = "PERSON", surname
                return
        hit = self.lexicon.get(norm(r.text))
        if hit is not None:
            r.type, r.key, r.name = hit
            return
        if r.type is None and r.ntokens >= 2:
            # "López Obrador" after "Andrés Manuel López Obrador".
            words = core_words(r.text)
            if len(words) >= 2 and any(_same_person(words, other) for other, _, _ in self.persons):
                r.type = "PERSON"
                r.key, r.name = self._person_key(r)
                return
        known = self.known.get(r.text)
        if known is not None:
            r.type, r.key, r.name = known[0], norm(known[1]), known[1]
            return
        if r.type is None:
            if r.heading:
                return
            if (
                r.ntokens == 1 and r.locative and not r.sent_initial and not self._is_common(r.text)
            ) or r.place_cue:
                r.type = "PLACE"
            elif r.statement_after and r.ntokens == 1 and not self._is_common(r.text):
                # "Korvex said in a statement": a lone unknown name issuing statements.
                r.type = "ORG"
            elif (r.speech_after and not r.sent_initial) or (
                r.speech_after and r.ntokens == 1 and not self._is_common(r.text)
            ):
                r.type = "PERSON"
            else:
                return
        if r.type == "PERSON":
            r.key, r.name = self._person_key(r)
        else:
            r.key, r.name = norm(r.text), r.text

    def _is_common(self, word: str) -> bool:
        if self.lower_vocab is None:
            self.lower_vocab = set(_LOWER_WORD.findall(self.text))
        return word.lower() in self.lower_vocab

    def _metonym(self, r: _Run) -> str | None:
        country = self.gaz.capitals.get(norm(r.text))
        if country is None:
            return None
        text = self.text
        before = text[max(0, r.start - 20) : r.start]
        prev = _PREV_WORD.search(before)
        if prev is not None and prev.group(1).lower() in _NON_METONYM_BEFORE:
            return None
        if before.rstrip().endswith(","):
            return None
        after = text[r.end : r.end + 2]
        if after.startswith(",") and _sentence_initial(text, r.start):
            return None
        if after.startswith(",") and prev is not None and prev.group(1).lower() in ("capital",):
            return None
        return norm(country).replace(" ", "_")


_PARTICLE_WORDS = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "de", "der", "ash", "ad"}
)
_NON_METONYM_BEFORE = frozenset(
    [
        "in",
        "at",
        "from",
        "to",
        "into",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "of",
        "visited",
        "visit",
        "visiting",
        "visits",
        "reached",
        "entered",
        "capital",
        "city",
        "via",
        "through",
        "toward",
        "towards",
    ]
) - {"toward", "towards"}


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two multi-word names are variants of one person's name."""
    if fold(a[-1]) != fold(b[-1]) and skeleton(a[-1]) != skeleton(b[-1]):
        return False
    if _first_names_match(a[0], b[0]):
        return True
    # "López Obrador" / "Andrés Manuel López Obrador": a shorter tail of the full name.
    short, full = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 2 and len(full) > len(short) and _tail_matches(short, full)


def _tail_matches(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``short`` is a run of ``full``'s words after its first one."""
    folded = [fold(w) for w in full[1:]]
    wanted = [fold(w) for w in short]
    return any(folded[i : i + len(wanted)] == wanted for i in range(len(folded)))


def _first_names_match(a: str, b: str) -> bool:
    if a == b or fold(a) == fold(b):
        return True
    if skeleton(a) != skeleton(b):
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(fold(a), fold(b)) <= 1


_NAME_MONTHS = frozenset({"May", "June", "April", "August", "March"})
_DIGIT_AFTER = re.compile(r"[ \u00a0]*,?[ \u00a0]*\d")
_DATE_CUES = frozenset(
    [
        "in",
        "on",
        "since",
        "by",
        "until",
        "till",
        "from",
        "through",
        "during",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "of",
        "between",
        "before",
        "after",
        "around",
        "throughout",
        "or",
        "and",
        "to",
    ]
)


def _is_title(word: str) -> bool:
    """A title word, hyphenated ones included ("Director-General", "Vice-Premier")."""
    if word in lx.TITLES:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in lx.TITLES for p in parts)


def _is_head_title(word: str) -> bool:
    if word in lx.HEAD_TITLES:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p in lx.TITLES for p in parts) and parts[-1] in lx.HEAD_TITLES


_DESCRIPTOR_WORDS = lx.ROLE_CUES | lx.ORG_CUES | lx.GROUP_NOUNS


def _descriptor(word: str) -> bool:
    """A capitalised common noun for people or bodies ("Prosecutors", "Rival")."""
    lower = word.lower()
    return lower in _DESCRIPTOR_WORDS or (lower[-1:] == "s" and lower[:-1] in _DESCRIPTOR_WORDS)


def _upper_word(phrase: str) -> bool:
    """Whether a word is written in capitals, possessive aside ("UN's" yes, "Un" no)."""
    return phrase.split("’")[0].split("'")[0].replace(".", "").isupper()


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """Lines that look like headings: short, no final punctuation, mostly capitalised."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group().rstrip()
        if not line or len(line) > 160 or line[-1] in '.!?:;"”’),':
            continue
        words = line.split()
        if len(words) < 2:
            continue
        caps = sum(1 for w in words if w[:1].isupper())
        small = sum(1 for w in words if w in _HEADING_SMALL)
        if caps >= 0.6 * (len(words) - small) and caps >= 2:
            spans.append(match.span())
    return spans


_HEADING_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "vs",
        "via",
    ]
)


def extract_entities(
    text: str, known: KnownNames | Mapping[str, str] | None = None
) -> tuple[list[EntityMention], list[EntityMention]]:
    """People, organisations and places (first list) and NORP mentions (second) in ``text``."""
    article = _Article(text, _as_known(known))
    article.chunks()
    mentions = article.resolve()
    entities = [m for m in mentions if m.type != "NORP"]
    norps = [m for m in mentions if m.type == "NORP"]
    return entities, norps
