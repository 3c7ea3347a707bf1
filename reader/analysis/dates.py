"""Dates, times and durations in news text, normalised to ISO values.

One precompiled regex finds the candidates; each is resolved against a reference date
(the publication date, or the best available one, in which case every value that
depends on it is marked approximate). Spans leave out leading prepositions and
qualifiers ("on", "in", "until", "for", "less than", "the past") and keep modifiers
that change the value ("earlier this month", "late November", "a decade ago").
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, timedelta

from reader.analysis.lexicon import MONTHS, WEEKDAYS
from reader.models import DateMention

__all__ = ["extract_dates"]

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUMWORD = (
    rf"(?:(?:{_TENS})-(?:{_UNITS})|{_TENS}|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    rf"seventeen|eighteen|nineteen|ten|{_UNITS}|a hundred)"
)
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})*|(?i:{_NUMWORD}))"
_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_TIME = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \u00a0]?(?:[ap]\.?m\.?|GMT|UTC))?"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_S = "[ \u00a0]+"
_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century)"
_NUM_START = (
    r"(?=\d|(?i:t(?:w(?:en|el|o)|h(?:ir|re)|en)|f(?:o(?:rt|ur)|i(?:ft|ve))|s(?:ix|eve)"
    r"|eigh|nine|elev|one|ahun|an?[ \u00a0]))"
)
"""How every number (and "a few", "several") begins: a cheap check before the full one."""

# Forms that open with a month name or a digit sit behind one check on their first
# character; no other form can start with a month name, and the digit-led forms keep
# their order relative to the number-led ones ("ago", "dur").
DATE_RE = re.compile(
    rf"""\b(?<![\w.,$€£#-])(?:
  (?=[JFMASOND])(?:
      (?=[A-Z])(?P<mdy>(?P<mdy_m>{_MONTH}){_S}(?P<mdy_d>{_DAY}),?{_S}(?P<mdy_y>{_YEAR}))(?!\d)
      (?:,?{_S}(?:at{_S})?(?P<mdy_t>{_TIME}))?
    | (?=[A-Z])(?P<mrel>(?P<mrel_m>{_MONTH_FULL}){_S}of{_S}(?P<mrel_r>last|this|next){_S}year)
    | (?=[A-Z])(?P<my>(?P<my_m>{_MONTH}),?{_S}(?P<my_y>{_YEAR}))(?!\d)
    | (?=[A-Z])(?P<md>(?P<md_m>{_MONTH}){_S}(?P<md_d>{_DAY}))(?![\w:]|[.,]\d)
    | (?=[A-Z])(?P<mon>{_MONTH_FULL})(?![\w'’-])
  )
| (?=[\d])(?:
      (?=[\d])(?P<dmy>(?P<dmy_d>{_DAY}){_S}(?:of{_S})?(?P<dmy_m>{_MONTH}),?{_S}(?P<dmy_y>{_YEAR}))(?!\d)
      (?:,?{_S}(?:at{_S})?(?P<dmy_t>{_TIME}))?
    | (?=[\d])(?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?:[T ](?P<iso_t>{_TIME}))?
    | (?=[\d])(?P<dm>(?P<dm_d>{_DAY}){_S}(?:of{_S})?(?P<dm_m>{_MONTH}))(?![\w])
  )
| (?=[eEmMlLtT])(?P<mod>(?P<mod_w>(?i:early|mid|late|the[ ]end[ ]of|the[ ]beginning[ ]of
        |the[ ]start[ ]of))
        [ \u00a0-](?:(?P<mod_m>{_MONTH_FULL})|(?P<mod_y>{_YEAR})(?!\d)
        |(?<=of[ ])(?P<mod_ty>(?:the|this|next|last){_S}year)\b))
| (?=[eElLtTnNyY])(?P<rel>(?i:(?:earlier|later|early|late){_S}(?:this|last|next){_S}
        (?:week|month|year)
        |(?:last|this|next){_S}(?:week|month|year|weekend|summer|winter|spring|autumn|fall)
        |yesterday|today|tomorrow|tonight))
| (?=[\daAoOtTfFsSeEnN]){_NUM_START}
    (?P<ago>(?P<ago_n>{_NUM}|(?i:an?|a{_S}few|several|a{_S}couple{_S}of)){_S}
        (?P<ago_u>{_UNIT}){_S}(?:ago|earlier))
| (?=[aA])(?P<matter>(?i:a{_S}matter{_S}of){_S}
        (?P<matter_u>years|months|weeks|days|hours|minutes))
| (?=[\daAoOtTfFsSeEnN]){_NUM_START}
    (?P<dur>(?P<dur_n>{_NUM})(?P<dur_sep>{_S}|-)(?P<dur_u>{_UNIT}))(?![\w-])
| (?=[\d])(?:
      (?=[\d])(?P<clock>(?:[01]?\d|2[0-3])(?::[0-5]\d)?[ \u00a0]?(?:a\.m\.|p\.m\.|am\b|pm\b)
        |(?:[01]?\d|2[0-3]):[0-5]\d[ \u00a0](?:GMT|UTC|BST|CET|EST|EDT|PST|PDT)\b)
    | (?=[\d])(?P<decade>(?:1[89]|20)\d0s)(?![\w])
    | (?=[\d])(?P<year>{_YEAR})(?![\w%]|[.,:/-]\d)
  )
| (?=[lnctMTWFS])(?P<wd>(?:(?P<wd_mod>last|next|this|coming){_S})?(?P<wd_day>{_WEEKDAY}))
        (?![\w'’])
| (?<=[ ]the[ ])(?P<season>summer|winter|spring|autumn|fall)(?![\w'’-]|[ ]of\b)
| (?=[t])(?P<nth>the{_S}(?P<nth_d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th))(?![\w])
| (?:(?<=the[ ]past[ ])|(?<=the[ ]last[ ]))(?P<pastu>decade|century)(?![\w])
| (?=[tfQ])(?P<qtr>(?:the{_S})?(?P<qtr_n>first|second|third|fourth)[ \u00a0-]quarter
        |Q(?P<qtr_q>[1-4]))(?![\w-])(?:{_S}(?:of{_S})?(?P<qtr_y>{_YEAR})(?!\d))?
| (?=[f])(?P<fiscal>fiscal{_S}(?:year{_S})?(?P<fiscal_y>{_YEAR}))(?![\w%]|[.,:/-]\d)
| (?=[pPrRfF])(?P<vague>(?i:previously|recently|formerly))(?![\w])
| (?<=for[ ])(?P<forx>years|decades|months|weeks|days|hours)(?![\w])
| (?:(?<=round[ ])|(?<=bout[ ])|(?<=[ ]at[ ]))(?P<same>the[ ]same[ ]time)(?![\w])
)""",
    re.VERBOSE,
)

_FUTURE_BEFORE = re.compile(
    r"(?:\b(?:will|shall|is due|are due|due to|scheduled|expected to|set to|plans? to|planned|"
    r"deadline|ahead of)\b|'ll)(?:[^.!?]|\b(?:St|Mr|Mrs|Ms|Dr|Jr|Sr|Mt|Ft|No)\.)*$"
    r"|\b(?:until|till|by|next|coming|upcoming)[ \u00a0]+$"
)
_PREV_WORD = re.compile(r"([A-Za-z]+)[ \u00a0]+$")
_CAPITAL_AFTER = re.compile(r"[ \u00a0]+[A-Z]")
_NEXT_WORD = re.compile(r"[ \u00a0]+([a-z]+)")
_MONTH_CUES = frozenset(
    [
        "in",
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
        "and",
        "to",
        "before",
        "after",
        "around",
        "throughout",
        "or",
    ]
)
_NOT_YEAR_AFTER = frozenset(
    [
        "troops",
        "people",
        "soldiers",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "tonnes",
        "tons",
        "barrels",
        "dollars",
        "euros",
        "pounds",
        "points",
        "votes",
        "deaths",
        "cases",
        "members",
        "fighters",
        "civilians",
        "residents",
        "refugees",
        "children",
        "men",
        "women",
        "units",
        "vehicles",
        "tanks",
        "aircraft",
        "jets",
        "drones",
        "missiles",
        "rockets",
        "shells",
        "homes",
        "houses",
        "jobs",
        "workers",
        "employees",
        "students",
        "patients",
        "hectares",
        "acres",
        "feet",
        "calories",
        "rubles",
        "roubles",
        "yuan",
        "rupees",
        "signatures",
        "words",
        "pages",
        "copies",
        "rounds",
        "shots",
        "bullets",
        "persons",
        "individuals",
        "households",
        "families",
    ]
)
_UNIT_CODES = {
    "year": "Y", "month": "M", "week": "W", "day": "D", "hour": "TH", "minute": "TM",
    "decade": "DE", "century": "CE", "centurie": "CE",
}  # fmt: skip


def _number(text: str) -> int | None:
    word = text.lower().replace("\u00a0", " ")
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if "-" in word:
        tens, _, unit = word.partition("-")
        return _NUMBER_WORDS.get(tens, 0) + _NUMBER_WORDS.get(unit, 0)
    if word in ("a few", "several", "a couple of"):
        return None
    return _NUMBER_WORDS.get(word.replace("a hundred", "hundred"))


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _unit(text: str) -> str:
    word = text.lower()
    if word.endswith("ies"):
        word = word[:-3] + "y"
    return _UNIT_CODES[word.rstrip("s") if word != "centuries" else "century"]


_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _duration(n: int | None, unit: str) -> str:
    code = _unit(unit)
    count = "X" if n is None else str(n)
    if code == "DE":
        return f"P{count}0Y" if n is not None else "PXDE"
    if code == "CE":
        return f"P{count}00Y" if n is not None else "PXCE"
    if code.startswith("T"):
        return f"PT{count}{code[1]}"
    return f"P{count}{code}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _valid_day(year: int, month: int, day: int) -> date | None:
    if 1 <= day <= monthrange(year, month)[1]:
        return date(year, month, day)
    return None


class _Resolver:
    def __init__(self, text: str, reference: date | None, approx: bool) -> None:
        self.text = text
        self.ref = reference
        self.approx = approx
        self.previous: DateMention | None = None
        self.previous_day: DateMention | None = None

    def future(self, start: int) -> bool:
        window = self.text[max(0, start - 80) : start]
        return _FUTURE_BEFORE.search(window) is not None

    def prev_word(self, start: int) -> str:
        match = _PREV_WORD.search(self.text, max(0, start - 20), start)
        return match.group(1).lower() if match else ""

    def month_day(self, month: int, day: int, start: int) -> date | None:
        assert self.ref is not None
        candidates = [
            d for y in (self.ref.year - 1, self.ref.year, self.ref.year + 1)
            if (d := _valid_day(y, month, day)) is not None
        ]  # fmt: skip
        if not candidates:
            return None
        past = [d for d in candidates if d <= self.ref]
        ahead = [d for d in candidates if d >= self.ref]
        if self.future(start) and ahead:
            return ahead[0]
        best_past = past[-1] if past else None
        if best_past is None or ((self.ref - best_past).days > 300 and ahead):
            return ahead[0]
        return best_past

    def month_only(self, month: int, start: int) -> tuple[int, int]:
        assert self.ref is not None
        ref_index = self.ref.year * 12 + self.ref.month - 1
        past_year = self.ref.year if month <= self.ref.month else self.ref.year - 1
        ahead_year = self.ref.year if month >= self.ref.month else self.ref.year + 1
        past_gap = ref_index - (past_year * 12 + month - 1)
        if self.future(start) or past_gap > 9:
            return ahead_year, month
        return past_year, month

    def weekday(self, name: str, start: int, word: str | None = None) -> date:
        assert self.ref is not None
        target = WEEKDAYS[name.lower()]
        word = word or self.prev_word(start)
        back = (self.ref.weekday() - target) % 7
        if word == "last" and back == 0:
            back = 7
        if word in ("next", "coming") or (word != "last" and self.future(start)):
            ahead = (target - self.ref.weekday()) % 7
            if word == "next" and ahead == 0:
                ahead = 7
            return self.ref + timedelta(days=ahead)
        return self.ref - timedelta(days=back)

    def mention(self, m: re.Match[str]) -> DateMention | None:
        group = m.lastgroup
        for name in _TOP_GROUPS:
            if m.group(name) is not None:
                group = name
                break
        start, end = m.span(group)
        text = m.group(group)
        ref = self.ref
        needs_ref = group not in (
            "dmy",
            "mdy",
            "iso",
            "my",
            "year",
            "decade",
            "dur",
            "matter",
            "forx",
            "vague",
        )
        if needs_ref and ref is None:
            return None
        approx = self.approx and needs_ref
        kind = "date"
        vague = False
        mod = None
        value: str
        if group in ("dmy", "mdy"):
            y, mo, d = (
                int(m.group(group + "_y")),
                _month(m.group(group + "_m")),
                int(re.sub(r"\D", "", m.group(group + "_d"))),
            )
            day = _valid_day(y, mo, d)
            if day is None:
                return None
            value = day.isoformat()
            t = m.group(group + "_t")
            if t:
                end = m.end(group + "_t")
                text = self.text[start:end]
                value += "T" + _clock(t)
                kind = "time"
        elif group == "iso":
            value = m.group("iso")
            if m.group("iso_t"):
                end = m.end("iso_t")
                text = self.text[start:end]
                value += "T" + _clock(m.group("iso_t"))
                kind = "time"
        elif group in ("dm", "md"):
            mo = _month(m.group(group + "_m"))
            d = int(re.sub(r"\D", "", m.group(group + "_d")))
            if group == "md" and m.group("md_m") == "May" and self.prev_word(start) in ("", "may"):
                return None
            day = self.month_day(mo, d, start)
            if day is None:
                return None
            value = day.isoformat()
        elif group == "my":
            value = f"{int(m.group('my_y')):04d}-{_month(m.group('my_m')):02d}"
            kind = "month"
        elif group == "mrel":
            assert ref is not None
            shift = {"last": -1, "this": 0, "next": 1}[m.group("mrel_r")]
            value = f"{ref.year + shift:04d}-{_month(m.group('mrel_m')):02d}"
            kind = "relative"
        elif group == "mod":
            word = m.group("mod_w").lower()
            mod = (
                "START"
                if word in ("early", "the beginning of", "the start of")
                else ("MID" if word == "mid" else "END")
            )
            if m.group("mod_y"):
                value, kind = m.group("mod_y"), "year"
                approx = False
            elif m.group("mod_ty"):
                assert ref is not None
                shift = {"the": 0, "this": 0, "next": 1, "last": -1}[m.group("mod_ty").split()[0]]
                value, kind = str(ref.year + shift), "relative"
            else:
                assert ref is not None
                y, mo = self.month_only(_month(m.group("mod_m")), start)
                value, kind = f"{y:04d}-{mo:02d}", "month"
        elif group == "rel":
            assert ref is not None
            value, kind = _relative(text.lower(), ref), "relative"
            if (
                text[:1] == "T"
                and text.lower() == "today"
                and not _sentence_start(self.text, start)
            ):
                return None
        elif group == "ago":
            assert ref is not None
            n = _number(m.group("ago_n"))
            unit = _unit(m.group("ago_u"))
            kind = "relative"
            if n is None:
                return None
            if unit == "DE":
                value, approx = str(ref.year - 10 * n), True
            elif unit == "CE":
                value, approx = str(ref.year - 100 * n), True
            elif unit == "Y":
                value = str(ref.year - n)
            elif unit == "M":
                y, mo = _shift_month(ref.year, ref.month, -n)
                value = f"{y:04d}-{mo:02d}"
            elif unit == "W":
                value, approx = (ref - timedelta(weeks=n)).isoformat(), True
            elif unit == "D":
                value = (ref - timedelta(days=n)).isoformat()
            else:
                value = ref.isoformat()
        elif group == "matter":
            value, kind, vague = _duration(None, m.group("matter_u")), "duration", True
        elif group == "dur":
            n = _number(m.group("dur_n"))
            unit = m.group("dur_u")
            hyphen = m.group("dur_sep") == "-"
            if n is None or (n > 1 and not unit.lower().endswith("s") and not hyphen):
                return None
            if hyphen and unit.lower().endswith("s"):
                return None
            following = _NEXT_WORD.match(self.text, end)
            if following is not None and following.group(1) in ("old", "ago"):
                return None
            value, kind = _duration(n, unit), "duration"
        elif group == "forx":
            value, kind, vague = _duration(None, text), "duration", True
        elif group == "wd":
            value = self.weekday(m.group("wd_day"), start, m.group("wd_mod")).isoformat()
        elif group == "clock":
            assert ref is not None
            day = self.previous_day.value[:10] if self.previous_day is not None else ref.isoformat()
            value, kind = f"{day}T{_clock(text)}", "time"
        elif group == "season":
            if self.prev_word(start - 4) not in _SEASON_CUES:
                return None
            assert ref is not None
            start -= 4
            text = self.text[start:end]
            value, kind = _last_season(m.group("season"), ref, self.future(start)), "relative"
        elif group == "nth":
            if self.prev_word(start) not in _NTH_CUES or _CAPITAL_AFTER.match(self.text, end):
                # "the 9th U.S. Circuit", "the 3rd Infantry Division": an ordinal name.
                return None
            assert ref is not None
            value = self.nth_day(int(m.group("nth_d")), start)
            if value is None:
                return None
        elif group == "pastu":
            value, kind = _duration(1, m.group("pastu")), "duration"
        elif group == "qtr":
            assert ref is not None
            ordinal = m.group("qtr_n")
            quarter = int(m.group("qtr_q") or _QUARTERS[(ordinal or "first").lower()])
            year = int(m.group("qtr_y") or ref.year)
            if not m.group("qtr_y") and 3 * quarter - 2 > ref.month and not self.future(start):
                year -= 1
            value, kind = f"{year}-Q{quarter}", "relative"
        elif group == "fiscal":
            value, kind = m.group("fiscal_y"), "year"
        elif group == "decade":
            value, kind = text[:3] + "X", "year"
        elif group == "year":
            if not self.year_ok(start, end):
                return None
            value, kind = text, "year"
        elif group == "mon":
            word = self.prev_word(start)
            if word not in _MONTH_CUES:
                return None
            if text in ("May", "March") and word in ("and", "to", "or"):
                return None
            y, mo = self.month_only(_month(text), start)
            value, kind = f"{y:04d}-{mo:02d}", "month"
        elif group == "vague":
            value, kind, vague = "PAST_REF", "relative", True
        elif group == "same":
            if self.previous is None:
                return None
            value, kind, vague, approx = self.previous.value, "relative", True, True
        else:
            return None
        mention = DateMention(
            start=start,
            end=end,
            text=text,
            value=value,
            kind=kind,  # type: ignore[arg-type]
            approx=approx,
            vague=vague,
            mod=mod,
        )
        if not vague and kind != "duration":
            self.previous = mention
            if len(value) >= 10 and value[4] == "-" and value[7:8] == "-":
                self.previous_day = mention
        return mention

    def nth_day(self, day: int, start: int) -> str | None:
        """ "the 25th": that day of the reference month, or of the next or previous one."""
        assert self.ref is not None
        year, month = self.ref.year, self.ref.month
        if self.future(start) and day < self.ref.day:
            year, month = _shift_month(year, month, 1)
        elif not self.future(start) and day > self.ref.day:
            year, month = _shift_month(year, month, -1)
        found = _valid_day(year, month, day)
        return found.isoformat() if found else None

    def year_ok(self, start: int, end: int) -> bool:
        following = _NEXT_WORD.match(self.text, end)
        if following is not None and following.group(1) in _NOT_YEAR_AFTER:
            return False
        before = self.text[max(0, start - 2) : start]
        return not before.endswith(("$", "€", "£", "No ", "# ", "+"))


_TOP_GROUPS = (
    "dmy", "mdy", "iso", "mrel", "mod", "dm", "my", "md", "rel", "ago", "matter", "dur",
    "clock", "wd", "season", "nth", "qtr", "fiscal", "pastu", "decade", "year", "mon", "vague",
    "forx", "same",
)  # fmt: skip


_SEASON_STARTS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
                  "winter": ("WI", 12)}  # fmt: skip
_SEASON_CUES = frozenset(
    [
        "since",
        "in",
        "during",
        "over",
        "through",
        "throughout",
        "until",
        "by",
        "before",
        "after",
        "from",
    ]
)
_NTH_CUES = frozenset(
    ["on", "until", "till", "by", "from", "since", "before", "after", "the", "of"]
)


def _last_season(name: str, ref: date, future: bool) -> str:
    """The season meant by "the summer": the latest one begun by ``ref`` (or the next one)."""
    code, month = _SEASON_STARTS[name.lower()]
    year = ref.year if ref.month >= month else ref.year - 1
    if future and (ref.month < month):
        year = ref.year
    return f"{year:04d}-{code}"


def _clock(text: str) -> str:
    match = re.match(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])?", text.replace("\u00a0", " ").lower())
    assert match is not None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3) == "p" and hour < 12:
        hour += 12
    if match.group(3) == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _relative(phrase: str, ref: date) -> str:
    words = phrase.replace("\u00a0", " ").split()
    if words[0] in ("yesterday",):
        return (ref - timedelta(days=1)).isoformat()
    if words[0] in ("today", "tonight"):
        return ref.isoformat()
    if words[0] == "tomorrow":
        return (ref + timedelta(days=1)).isoformat()
    shift = {"last": -1, "this": 0, "next": 1}[words[-2]]
    unit = words[-1]
    if unit == "year":
        return f"{ref.year + shift:04d}"
    if unit == "month":
        y, mo = _shift_month(ref.year, ref.month, shift)
        return f"{y:04d}-{mo:02d}"
    if unit in ("week", "weekend"):
        iso = (ref + timedelta(weeks=shift)).isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}" + ("-WE" if unit == "weekend" else "")
    season = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[unit]
    return f"{ref.year + shift:04d}-{season}"


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \u00a0\"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;"


def extract_dates(
    text: str, reference: datetime | date | None = None, *, approx: bool = False
) -> list[DateMention]:
    """Date, time and duration mentions in ``text``, resolved against ``reference``.

    ``approx`` marks every reference-dependent value approximate (used when the
    reference is a guess rather than the publication date). Without a reference,
    expressions that need one are left out.
    """
    ref = reference.date() if isinstance(reference, datetime) else reference
    resolver = _Resolver(text, ref, approx)
    found = []
    for match in DATE_RE.finditer(text):
        mention = resolver.mention(match)
        if mention is None:
            continue
        if found and _joins(text, found[-1], mention):
            mention = _joined(text, found.pop(), mention)
        found.append(mention)
    return found


def _joins(text: str, first: DateMention, second: DateMention) -> bool:
    """ "Tuesday, March 11" and "Monday at 2 p.m." are one expression each."""
    gap = text[first.end : second.start]
    if first.kind != "date" or second.kind not in ("date", "time"):
        return False
    if second.kind == "date":
        return gap in (", ", " ") and first.text.split()[-1].lower() in WEEKDAYS
    return gap in (" at ", ", ", " ") and len(second.text) < 12


def _joined(text: str, first: DateMention, second: DateMention) -> DateMention:
    value = second.value if second.kind == "date" else first.value[:10] + second.value[10:]
    return DateMention(
        start=first.start,
        end=second.end,
        text=text[first.start : second.end],
        value=value,
        kind=second.kind,
        approx=first.approx or second.approx,
        vague=False,
        mod=None,
    )
