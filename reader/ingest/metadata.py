"""Metadata found in article text: dates, bylines, outlets, news agencies, language.

Pure functions over strings. The tables are general knowledge (month names, time zones,
the big wire services and news outlets), never the strings of one particular page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo

# ---------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)

# Fixed offsets in hours; US zones without a season letter use New York style DST.
_TZ_OFFSETS = {
    "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
    "mdt": -6, "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
    "msk": 3, "ist": 5.5, "pkt": 5, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "sgt": 8,
    "hkt": 8, "wib": 7, "gst": 4, "eat": 3, "wat": 1, "sast": 2, "trt": 3,
}  # fmt: skip
_SEASONAL_US = {
    "et": "America/New_York",
    "ct": "America/Chicago",
    "mt": "America/Denver",
    "pt": "America/Los_Angeles",
}
_TZ_NAMES = "|".join(sorted([*_TZ_OFFSETS, *_SEASONAL_US], key=len, reverse=True))
_TZ = rf"(?:(?:utc|gmt)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|[+-]\d{{2}}:?\d{{2}}|\b(?:{_TZ_NAMES})\b)"

_DATE_PATTERNS = (
    re.compile(
        r"\b(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})"
        r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?\b",
        re.I,
    ),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>\d{{4}})\b",
        re.I,
    ),
    re.compile(
        rf"\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I
    ),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})\b"),
    re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b"),
)
_TIME = re.compile(
    rf"(?<![\d:])(?P<H>\d{{1,2}})(?:[:.](?P<M>\d{{2}})(?::\d{{2}})?)?\s*"
    rf"(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*\(?(?P<tz>{_TZ})\)?)?(?![\d:])",
    re.I,
)
_DATE_LABEL = re.compile(
    r"\b(?P<label>(?:last\s+)?(?:updated|modified|edited)|(?:first\s+)?(?:published|posted|"
    r"released|issued|created)|date|on|at|time)\b",
    re.I,
)
_HAS_DIGIT = re.compile(r"\d")
_RELATIVE_TIME = re.compile(
    r"(?:\b(?:last\s+)?(?:updated|modified|edited|published|posted)\b\s*:?\s*)?"
    r"\b(?:\d{1,3}|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?"
    r"|weeks?)\s+ago\b",
    re.I,
)
_MILITARY_TIME = re.compile(
    rf"(?<![\d:.,])(?P<H>[01]\d|2[0-3])(?P<M>[0-5]\d)\s*(?:hrs?\s*)?\(?(?P<tz>{_TZ})\)?", re.I
)
_ALT_TIME = re.compile(
    rf"\(?(?<![\d:])(?:\d{{1,2}}[:.]?\d{{2}})\s*(?:[ap]\.?\s?m\.?)?\s*(?:{_TZ})\)?", re.I
)
_FILLER = re.compile(
    rf"\b(?:{_WEEKDAY}|at|on|the|of|hrs?|hours|local time|uhr|um|le|à|el|às)\b|[\s,;:|/()\-–—·•]",
    re.I,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A publication date read from a line, and whether the page called it an update."""

    value: datetime
    has_time: bool
    updated: bool


def _tz_from_name(name: str | None, when: datetime) -> tzinfo:
    if not name:
        return UTC
    key = name.lower().replace(" ", "")
    if key in _SEASONAL_US:
        try:
            from zoneinfo import ZoneInfo

            return ZoneInfo(_SEASONAL_US[key])
        except Exception:
            return timezone(timedelta(hours={"et": -5, "ct": -6, "mt": -7, "pt": -8}[key]))
    if key in _TZ_OFFSETS:
        return timezone(timedelta(hours=_TZ_OFFSETS[key]))
    match = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?", key)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        delta = timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
        return timezone(sign * delta)
    return UTC


def _date_from_match(match: re.Match[str]) -> tuple[int, int, int] | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if groups.get("mon"):
        month = _MONTHS.get(groups["mon"].lower().rstrip("."), 0)
        day = int(groups["d"])
    elif groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        month, day = (second, first) if first > 12 else (first, second)
    else:
        month, day = int(groups["mo"]), int(groups["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return year, month, day


def parse_date_line(line: str) -> FoundDate | None:
    """Parse a line that is nothing but a date (and maybe a time, zone and label).

    Times without a zone are taken as UTC.

    >>> found = parse_date_line("29 Dec, 2024 15:53")
    >>> found.value.isoformat(), found.has_time, found.updated
    ('2024-12-29T15:53:00+00:00', True, False)
    >>> parse_date_line("Updated : Jul 31, 2025 17:54").updated
    True
    >>> parse_date_line("Thursday 26 December 2024, 3.30pm GMT").value.hour
    15
    >>> parse_date_line("The talks ended on 26 December, 2024") is None
    True
    """
    text = line.strip()
    if not text or len(text) > 90 or not _HAS_DIGIT.search(text):
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match:
            break
    else:
        return None
    ymd = _date_from_match(match)
    if ymd is None:
        return None
    rest = text[: match.start()] + " " + text[match.end() :]
    rest = _RELATIVE_TIME.sub(" ", rest)
    hour = minute = None
    tz_name = match.groupdict().get("tz")
    if match.groupdict().get("H"):
        hour, minute = int(match.group("H")), int(match.group("M"))
    else:
        time_match = _find_time(rest)
        military = None if time_match else _MILITARY_TIME.search(rest)
        if time_match:
            hour, minute, tz_name = time_match[0], time_match[1], time_match[2]
            rest = rest[: time_match[3]] + " " + rest[time_match[4] :]
        elif military:
            hour, minute, tz_name = int(military["H"]), int(military["M"]), military["tz"]
            rest = rest[: military.start()] + " " + rest[military.end() :]
    if hour is not None:
        rest = _ALT_TIME.sub(" ", rest)
    labels = [m.group("label").lower() for m in _DATE_LABEL.finditer(rest)]
    rest = _DATE_LABEL.sub(" ", rest)
    if _FILLER.sub("", rest):
        return None
    naive = datetime(*ymd, hour or 0, minute or 0)
    value = naive.replace(tzinfo=_tz_from_name(tz_name, naive)).astimezone(UTC)
    updated = any(label.endswith(("updated", "modified", "edited")) for label in labels)
    return FoundDate(value, hour is not None, updated)


def _find_time(text: str) -> tuple[int, int, str | None, int, int] | None:
    for match in _TIME.finditer(text):
        if match.group("M") is None and match.group("ampm") is None:
            continue
        hour, minute = int(match.group("H")), int(match.group("M") or 0)
        ampm = (match.group("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            continue
        return hour, minute, match.group("tz"), match.start(), match.end()
    return None


def parse_iso_datetime(value: str) -> tuple[datetime, bool] | None:
    """Parse an ISO-8601 or RFC-822 style date string (meta tags, JSON-LD, front matter).

    Returns the UTC datetime and whether the string had a time.

    >>> parse_iso_datetime("2024-12-26T10:30:00+03:00")
    (datetime.datetime(2024, 12, 26, 7, 30, tzinfo=datetime.timezone.utc), True)
    >>> parse_iso_datetime("2024-12-26")
    (datetime.datetime(2024, 12, 26, 0, 0, tzinfo=datetime.timezone.utc), False)
    """
    text = value.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        has_time = bool(re.search(r"\d[T ]\d{1,2}:\d{2}", text))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC), has_time
    try:
        from email.utils import parsedate_to_datetime

        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC), bool(re.search(r"\d{1,2}:\d{2}", text))
    found = parse_date_line(text)
    return (found.value, found.has_time) if found else None


# ---------------------------------------------------------------- bylines

_NAME_PARTICLES = r"(?:and|&|of|de|da|del|della|di|van|von|der|den|al|el|bin|ibn|la|le|du|dos|y)"
_NAME_TOKEN = r"[A-Z\u00c0-\u024f][\w'’.\-]*"
_NAME = rf"{_NAME_TOKEN}(?:,?\s+(?:{_NAME_TOKEN}|{_NAME_PARTICLES}(?=\s))){{0,9}}"
_BYLINE = re.compile(
    rf"^(?i:by|written by|words by|story by|text by|reported by|author|authors|reporter"
    rf"|interview by|interviewed by|interview and photos by)\s*:?\s+(?P<name>{_NAME})"
    rf"(?P<rest>\s*(?:[,|–—·•/-]|\bin\b)\s*.{{0,60}})?$"
)
_NAME_ONLY = re.compile(rf"^{_NAME}$")
_NAME_WITH_AGENCIES = re.compile(rf"^(?P<name>{_NAME})\s*\((?:with|and)\s+[^()]{{2,60}}\)$")
_DESK_BYLINE = re.compile(
    r"^(?P<outlet>(?:[A-Z][\w&'’.\-]*\s+){0,4}?)(?:(?:News|Web|Online|Digital|Foreign|City|"
    r"Editorial|Metro|World|Business|Sports?)\s+)?(?:Desk|Staff|Bureau|Newsroom|Team|"
    r"Staff Reporter|Staff Writer|Correspondent)$"
)
_GENERIC_DESK_WORDS = {"our", "the", "news", "web", "online", "digital", "special", "staff", "a"}


def parse_byline(line: str) -> str | None:
    """The author named by a byline line (``By X``, ``X News Desk``), else ``None``.

    >>> parse_byline("By Yuri Pokov")
    'Yuri Pokov'
    >>> parse_byline("By Jane Doe and John Roe, Reuters")
    'Jane Doe and John Roe'
    >>> parse_byline("Gulf Herald News Desk")
    'Gulf Herald News Desk'
    >>> parse_byline("By the end of the year, prices rose.") is None
    True
    """
    text = " ".join(line.split()).strip(" .")
    if not text or len(text) > 120:
        return None
    match = _BYLINE.match(text)
    if match:
        name = match.group("name").strip(" ,")
        name = re.split(r",\s+(?=[A-Z][\w]+$)", name)[0] if name.count(",") == 1 else name
        if name.lower() in {"the", "a", "an"}:
            return None
        return _without_trailing_agency(name)
    if " " in text and _DESK_BYLINE.match(text):
        return text
    credited = _NAME_WITH_AGENCIES.match(text)
    if credited and 2 <= len(credited.group("name").split()) <= 4:
        return credited.group("name").strip()
    return None


def _without_trailing_agency(name: str) -> str:
    """``MARK DELGADO Associated Press`` gives ``MARK DELGADO``: a wire byline names the
    agency after the reporter without a comma."""
    words = name.split()
    for size in (2, 1):
        if len(words) >= size + 2 and " ".join(words[-size:]).lower() in AGENCIES:
            return " ".join(words[:-size])
    return name


def byline_agency(line: str) -> str | None:
    """The news agency named after the reporter in a byline line, if any.

    >>> byline_agency("By MARK DELGADO Associated Press"), byline_agency("By Ann Lee")
    ('AP', None)
    """
    text = " ".join(line.split()).strip(" .")
    match = _BYLINE.match(text)
    if not match:
        return None
    words = match.group("name").strip(" ,").split()
    for size in (2, 1):
        if len(words) >= size + 2:
            agency = AGENCIES.get(" ".join(words[-size:]).lower())
            if agency and agency != "Agencies":
                return agency
    return None


def outlet_from_desk_byline(byline: str) -> str | None:
    """The outlet named in a desk byline: ``"Gulf Herald News Desk"`` gives ``Gulf Herald``.

    >>> outlet_from_desk_byline("Gulf Herald News Desk"), outlet_from_desk_byline("Web Desk")
    ('Gulf Herald', None)
    """
    match = _DESK_BYLINE.match(byline)
    if not match:
        return None
    outlet = match.group("outlet").strip()
    words = outlet.split()
    while words and words[0].lower() in _GENERIC_DESK_WORDS:
        words.pop(0)
    if not words or all(w.lower() in _GENERIC_DESK_WORDS for w in words):
        return None
    return " ".join(words)


def looks_like_name(text: str) -> bool:
    """A short run of capitalised words, like a person's name.

    >>> looks_like_name("Maria de la Cruz"), looks_like_name("Future of bases in Syria")
    (True, False)
    """
    words = text.split()
    return 2 <= len(words) <= 4 and _NAME_ONLY.match(text) is not None


# ---------------------------------------------------------------- outlets and agencies

AGENCIES: dict[str, str] = {
    "ap": "AP", "associated press": "AP", "reuters": "Reuters", "afp": "AFP",
    "agence france-presse": "AFP", "dpa": "dpa", "efe": "EFE", "ansa": "ANSA",
    "xinhua": "Xinhua", "tass": "TASS", "ria novosti": "RIA Novosti", "interfax": "Interfax",
    "anadolu": "Anadolu", "aa": "Anadolu", "upi": "UPI", "pti": "PTI", "ians": "IANS",
    "ani": "ANI", "kyodo": "Kyodo", "yonhap": "Yonhap", "bernama": "Bernama", "pa": "PA Media",
    "cna": "CNA", "wafa": "WAFA", "irna": "IRNA", "sana": "SANA", "kuna": "KUNA", "wam": "WAM",
    "spa": "SPA", "apa": "APA", "bloomberg": "Bloomberg", "ukrinform": "Ukrinform",
    "antara": "Antara", "aap": "AAP", "agencies": "Agencies", "bss": "BSS", "ips": "IPS",
}  # fmt: skip

PHOTO_CREDITS = frozenset(
    [
        "getty",
        "images",
        "getty",
        "afp",
        "reuters",
        "ap",
        "epa",
        "anadolu",
        "shutterstock",
        "alamy",
        "handout",
        "file",
        "pool",
        "sipa",
        "xinhua",
        "tass",
        "sputnik",
        "ria",
        "bloomberg",
        "nurphoto",
        "dpa",
        "aa",
        "photo",
        "image",
        "courtesy",
        "via",
        "credit",
        "imago",
        "picture",
        "alliance",
        "rex",
        "istock",
        "abaca",
        "efe",
        "ansa",
        "press",
        "associated",
    ]
)

OUTLET_DOMAINS: dict[str, str] = {
    "bbc.co.uk": "BBC", "bbc.com": "BBC", "cnn.com": "CNN", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "theguardian.com": "The Guardian",
    "reuters.com": "Reuters", "apnews.com": "AP", "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera", "rt.com": "RT", "rttv.ru": "RT", "tass.com": "TASS",
    "tass.ru": "TASS", "ria.ru": "RIA Novosti", "sputniknews.com": "Sputnik",
    "sputnikglobe.com": "Sputnik", "foxnews.com": "Fox News", "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News", "npr.org": "NPR",
    "politico.com": "Politico", "politico.eu": "Politico", "bloomberg.com": "Bloomberg",
    "ft.com": "Financial Times", "wsj.com": "The Wall Street Journal",
    "economist.com": "The Economist", "dw.com": "DW", "france24.com": "France 24",
    "lemonde.fr": "Le Monde", "spiegel.de": "Der Spiegel", "aa.com.tr": "Anadolu Agency",
    "trtworld.com": "TRT World", "dailysabah.com": "Daily Sabah", "haaretz.com": "Haaretz",
    "timesofisrael.com": "The Times of Israel", "jpost.com": "The Jerusalem Post",
    "arabnews.com": "Arab News", "thenationalnews.com": "The National",
    "alarabiya.net": "Al Arabiya", "newarab.com": "The New Arab", "alaraby.co.uk": "The New Arab",
    "middleeasteye.net": "Middle East Eye", "al-monitor.com": "Al-Monitor",
    "euronews.com": "Euronews", "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph", "dailymail.co.uk": "Daily Mail",
    "thetimes.co.uk": "The Times", "news.sky.com": "Sky News", "afp.com": "AFP",
    "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "globaltimes.cn": "Global Times",
    "scmp.com": "South China Morning Post", "chinadaily.com.cn": "China Daily",
    "hindustantimes.com": "Hindustan Times", "indiatimes.com": "The Times of India",
    "thehindu.com": "The Hindu", "ndtv.com": "NDTV", "dawn.com": "Dawn",
    "kyivindependent.com": "The Kyiv Independent", "meduza.io": "Meduza",
    "themoscowtimes.com": "The Moscow Times", "interfax.ru": "Interfax",
    "kommersant.ru": "Kommersant", "axios.com": "Axios", "theatlantic.com": "The Atlantic",
    "usatoday.com": "USA Today", "latimes.com": "Los Angeles Times", "abc.net.au": "ABC News",
    "cbc.ca": "CBC News", "globalnews.ca": "Global News", "japantimes.co.jp": "The Japan Times",
    "straitstimes.com": "The Straits Times", "voanews.com": "Voice of America",
    "rferl.org": "RFE/RL", "sana.sy": "SANA", "presstv.ir": "Press TV",
    "tehrantimes.com": "Tehran Times", "hurriyetdailynews.com": "Hürriyet Daily News",
    "lefigaro.fr": "Le Figaro", "elpais.com": "El País", "corriere.it": "Corriere della Sera",
    "nikkei.com": "Nikkei", "asia.nikkei.com": "Nikkei Asia", "theverge.com": "The Verge",
    "time.com": "Time", "newsweek.com": "Newsweek", "huffpost.com": "HuffPost",
    "vox.com": "Vox", "thehill.com": "The Hill", "businessinsider.com": "Business Insider",
    "cnbc.com": "CNBC", "msnbc.com": "MSNBC", "pbs.org": "PBS", "yahoo.com": "Yahoo News",
}  # fmt: skip

KNOWN_OUTLETS: dict[str, str] = {
    **{name.lower(): name for name in OUTLET_DOMAINS.values()},
    **{key: name for key, name in AGENCIES.items() if name != "Agencies"},
}
"""Lower-cased outlet and agency names to their usual spelling."""

_DOMAIN = re.compile(r"(?:@|https?://|\bwww\.)([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.I)
_OUTLET_WORD = r"[A-Z](?:[\w&'’\-]|\.(?=\w))*"
_OUTLET_NAME = (
    rf"{_OUTLET_WORD}(?:\s+(?:{_OUTLET_WORD}|\d+|&|of|the|and|de|do|da|du|des|del|della|di|la|le"
    rf"|van|von|y|e)(?=\s+[A-Z0-9&]|\s*$|[\s.,;|]|$)){{0,5}}"
)
_COPYRIGHT_OUTLET = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*©)?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    rf"(?P<name>(?-i:{_OUTLET_NAME}))",
    re.I,
)
_OUTLET_BEFORE_COPYRIGHT = re.compile(
    rf"^(?P<name>{_OUTLET_NAME})\s*(?:©|\([cC]\)|[cC]opyright)\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?"
    r"\.?\s*(?i:all rights reserved\.?)?$"
)
_SYNDICATION_OUTLET = re.compile(
    r"\b(?:reworked|edited|produced|published|written|modified)\s+by\s+"
    r"(?P<name>[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,3})"
    r"|\boriginally\s+(?:appeared|published|ran)\s+(?:in|on|at|by)\s+"
    r"(?P<name2>(?:the\s+)?[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,3})"
)
_NOT_OUTLETS = {
    "all", "rights", "reserved", "copyright", "the", "staff", "our", "editors", "crown",
}  # fmt: skip
_LANGUAGES = frozenset(
    [
        "english", "french", "spanish", "portuguese", "german", "italian", "russian",
        "arabic", "chinese", "mandarin", "japanese", "korean", "turkish", "persian", "farsi",
        "hindi", "urdu", "bengali", "ukrainian", "polish", "dutch", "swedish", "norwegian",
        "danish", "finnish", "greek", "hebrew", "indonesian", "malay", "vietnamese", "thai",
        "swahili",
    ]
)  # fmt: skip


def outlet_from_domain(text: str) -> str | None:
    """The outlet whose domain (e-mail address or URL) appears in ``text``.

    >>> outlet_from_domain("write to letters@theguardian.com")
    'The Guardian'
    """
    for match in _DOMAIN.finditer(text):
        host = match.group(1).lower().rstrip(".")
        parts = host.split(".")
        for i in range(len(parts) - 1):
            name = OUTLET_DOMAINS.get(".".join(parts[i:]))
            if name:
                return name
    return None


def outlet_from_copyright(text: str, *, agency_is_outlet: bool = False) -> str | None:
    """The outlet in a ``© Outlet`` credit, unless it is a photo agency.

    In a page footer (``agency_is_outlet``) a news agency holding the copyright is the
    outlet itself; in a photo caption it is only the photographer's agency.

    >>> outlet_from_copyright("Ministers met in Riga © Baltic Courier")
    'Baltic Courier'
    >>> outlet_from_copyright("Troops on patrol © AFP / Getty Images") is None
    True
    >>> outlet_from_copyright("© 2025 Folha do Planalto. Todos os direitos reservados.")
    'Folha do Planalto'
    >>> outlet_from_copyright("Copyright 2025 The Associated Press.", agency_is_outlet=True)
    'AP'
    >>> outlet_from_copyright("Harbour Daily © 2025")
    'Harbour Daily'
    """
    match = _COPYRIGHT_OUTLET.search(text) or _OUTLET_BEFORE_COPYRIGHT.match(text.strip())
    if not match:
        return None
    name = match.group("name").strip(" .,")
    name = re.split(r"\s+(?:All|Ltd|Limited|Inc|LLC|GmbH|Plc|S\.?A)\b", name, flags=re.I)[0]
    name = re.sub(r"\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$", "", name)
    name = name.strip(" .,;:&")
    if name.lower() in AGENCIES or name.lower().removeprefix("the ") in AGENCIES:
        key = name.lower() if name.lower() in AGENCIES else name.lower().removeprefix("the ")
        return AGENCIES[key] if agency_is_outlet and AGENCIES[key] != "Agencies" else None
    words = name.lower().split()
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    if not words or words[0] in _NOT_OUTLETS or any(w in PHOTO_CREDITS for w in words):
        return None
    return _known_brand(name) or name or None


def _known_brand(name: str) -> str | None:
    """A known outlet that a company name begins with (``Al Jazeera Media Network``)."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        brand = KNOWN_OUTLETS.get(" ".join(words[:size]).lower())
        if brand:
            return brand
    return None


def outlet_from_syndication_note(text: str) -> str | None:
    """The outlet a syndication note names (``reworked by X``, ``originally appeared in X``).

    >>> outlet_from_syndication_note("(Only the headline was reworked by Daily Ledger; ...)")
    'Daily Ledger'
    """
    match = _SYNDICATION_OUTLET.search(text)
    if not match:
        return None
    name = (match.group("name") or match.group("name2") or "").strip(" .,;")
    if not name or name.split()[0].lower() in _NOT_OUTLETS or name.lower() in _LANGUAGES:
        return None
    return name


_DATELINE_AGENCY = re.compile(r"\((?P<agency>[A-Za-z][A-Za-z .\-]{0,24})\)\s*[-–—:]")


def agency_from_dateline(paragraph: str) -> str | None:
    """The news agency credited in a dateline such as ``Moscow, July 31 (AP) –``.

    >>> agency_from_dateline("LIMA, Peru (Reuters) - Protesters gathered")
    'Reuters'
    >>> agency_from_dateline("Officials (who declined to be named) - said") is None
    True
    """
    match = _DATELINE_AGENCY.search(paragraph[:160])
    if not match:
        return None
    return AGENCIES.get(match.group("agency").strip().lower())


# ---------------------------------------------------------------- language

_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "at",
        "from",
        "he",
        "said",
        "has",
        "have",
        "are",
        "be",
        "not",
        "this",
        "which",
        "an",
        "its",
        "were",
        "had",
        "his",
        "their",
        "will",
        "but",
        "been",
    ]
)


def guess_language(text: str) -> str | None:
    """``"en"`` when English function words are frequent, else ``None`` (unknown).

    >>> guess_language("The minister said that the talks were going well.")
    'en'
    """
    words = re.findall(r"[a-z]+", text[:4000].lower())
    if len(words) < 5:
        return None
    hits = sum(1 for w in words if w in _ENGLISH_WORDS)
    return "en" if hits / len(words) > 0.15 else None
