"""Rules that recognise lines of a web page that are not part of the article.

Each rule looks at one line on its own and returns the rule name when the line is page
furniture (navigation, captions, notices…). Rules that need the surrounding text (titles,
duplicates, related-article lists) live in ``textdump``.
"""

from __future__ import annotations

import re

from reader.ingest.metadata import AGENCIES, PHOTO_CREDITS

TERMINAL_PUNCT = (".", "!", "?", "…", '"', "”", "’", "»", ")", ":", ";")

# ---------------------------------------------------------------- single-line patterns

_NAVIGATION_LINES = frozenset(
    """skip to main content|skip to content|skip to navigation|skip to main|jump to content
    |menu|main menu|open menu|close menu|toggle navigation|navigation|search|home|sign in
    |log in|login|log out|sign up|register|subscribe|subscribe now|close|back|back to top
    |next|previous|next article|previous article|next story|previous story|share|share this
    |share this article|share this story|share this page|print|email|e-mail|copy link
    |link copied|listen|listen to this article|listen to article|continue reading
    |read full article|read full story|show more|load more|see more|view all|watch
    |watch live|live|breaking|breaking news|follow|follow us|accept|accept all|reject all
    |manage preferences|cookie settings|got it|sections|all sections|more|expand|collapse
    |font size|text size|save|saved|bookmark|add to favourites|add to favorites|comment
    |leave a comment|view comments|show comments|hide comments|play|pause|mute|unmute
    |fullscreen|view gallery|open gallery|enlarge|zoom|loading|like this|post navigation
    |primary menu|search for|submit search|show search|search query|site index|latest
    |browse|watch live|normal text size|larger text size|very large text size|like loading
    |send us your feedback|your feedback|feedback|feedback to editors|send feedback|end of list
    |editors' notes|editor's note""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
_SOCIAL = frozenset(
    [
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "telegram",
        "linkedin",
        "reddit",
        "pinterest",
        "email",
        "e-mail",
        "mail",
        "print",
        "copy",
        "link",
        "share",
        "messenger",
        "vk",
        "tumblr",
        "flipboard",
        "threads",
        "bluesky",
        "mastodon",
        "instagram",
        "youtube",
        "tiktok",
        "sms",
        "url",
        "mailto",
    ]
)
_MOJIBAKE_CHARS = re.compile("[\u0080-\u00ff\ufffd]")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_ICON_WORDS = re.compile(r"icon|chevron|svg", re.I)
_READING_TIME = re.compile(
    r"^(?:(?:estimated\s+)?read(?:ing)?\s*time\s*:?\s*)?(?:⏱\s*)?(?:less than\s+|about\s+)?"
    r"\d{1,3}\s*(?:[-–]\s*)?(?:min|mins|minutes?|m)\.?(?:\s+(?:to\s+)?(?:read|reading|listen|watch))?"
    r"(?:\s*[·•|]\s*listen)?$",
    re.I,
)
_SEPARATOR = re.compile(r"^[\W_]{1,12}$")
_TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
_PODCAST_LABEL = re.compile(
    r"^(?:podcasts?|listen to (?:the|this) (?:podcast|episode)|episode \d+|play episode|"
    r"now playing|up next|audio)$",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:website|site|browser|consent|accept|preferences|privacy|experience|functionality|"
    r"settings|policy|third[- ]part(?:y|ies)|personali[sz]ed?)\b",
    re.I,
)
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|subscribe|subscription|sign up (?:for|to|here)|signup|in your inbox|"
    r"enter your e-?mail|delivered (?:straight )?to your inbox|daily briefing|e-?mail alerts?|"
    r"privacy notice|recaptcha)\b",
    re.I,
)
_COMMENT_POLICY = re.compile(
    r"\b(?:comment(?:ing)? (?:policy|system|section|guidelines|rules)|leave (?:a )?comments?|"
    r"post a comment|join the (?:conversation|discussion)|"
    r"comments? (?:are|is) (?:closed|moderated)|"
    r"(?:show|view|read|load) (?:all )?comments|\d+ comments?|dear readers|community guidelines|"
    r"register to comment|log ?in to comment)\b",
    re.I,
)
_SYNDICATION = re.compile(
    r"\b(?:syndicated (?:feed|content|news)|auto-?generated from|wire (?:agency )?(?:feed|copy)|"
    r"(?:has|have) not been edited by|originally (?:appeared|published|ran) (?:in|on|at|by)|"
    r"republished (?:from|with permission|under)|creative commons licen[cs]e|"
    r"(?:headline|story|report) (?:of this report )?may have been reworked|"
    r"published from a (?:wire|syndicated)|without modifications? to the text|^provided by\b|"
    r"^\(?disclaimer\s*:)",
    re.I,
)
_FOOTER = re.compile(
    r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|^citation\s*:"
    r"|^transcript (?:provided|produced|prepared) by\b|\baccuracy and availability may vary\b"
    r"|^this (?:document|article|content|material|page) is (?:subject to|protected by) copyright\b"
    r"|^(?:privacy policy|terms of (?:use|service)|terms (?:&|and) conditions|contact us"
    r"|about us|advertise with us|careers|sitemap|site map)"
    r"(?:\s*[|·•]\s*.*)?$",
    re.I,
)
_ADVERT = re.compile(
    r"^(?:(?:advertisement|advertising|ad)(?:\s*[-–—:|·]?\s*(?:scroll (?:down )?to continue"
    r"(?: with content)?|continue reading below|content continues below))?|"
    r"(?:sponsored|promoted|paid|partner)(?: content| post| story| stories| links?)?"
    r"(?: by .{1,40})?|"
    r"(?:video )?ad feedback|ad ?choices|"
    r"(?:story|article|content) continues below(?: (?:this )?(?:advertisement|ad))?|"
    r"continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?|"
    r"(?:\w+\s+){0,3}banner(?:\s+\w+){0,2})$",
    re.I,
)
_RELATED_LINK = re.compile(
    r"^(?:also read|read more|read also|more|see also|related|recommended|watch|listen|"
    r"must read|don't miss|read next|click here|related (?:story|article|content|coverage)|"
    r"leia (?:também|mais)|lea (?:también|más)|lee también|(?:à )?lire aussi|lesen sie auch|"
    r"mehr zum thema|leggi anche|читайте также)\s*(?:[:|–—>»-]|\s{2,})\s*\S",
    re.I,
)
_TAG_LINE = re.compile(r"^(?:tags?|topics?|tagged(?: with)?|keywords|filed under)\s*:\s*\S", re.I)
_FOLLOW = re.compile(
    r"^(?:follow us on|follow (?:\w+ ){0,3}on (?:twitter|x|facebook|instagram|telegram|"
    r"whatsapp|google news)|join (?:our|us on) (?:whatsapp|telegram)|download (?:our|the) app|"
    r"get the (?:\w+ )?app|share (?:on|via) \w+|tweet this|"
    r"click (?:here )?to (?:share|print|email)|"
    r"(?:connect|follow|contact) (?:with )?(?:\w+ )?(?:via|on) (?:twitter|x|facebook|e-?mail|"
    r"linkedin|instagram))\b.{0,80}$",
    re.I,
)
_CREDITS_LINE = re.compile(
    r"^\(?(?:reporting|additional reporting|writing|editing|edited|compiled|"
    r"with (?:inputs?|reporting) from)\s+by\b.{0,180}$"
    r"|^\(?with (?:inputs?|material|additional reporting|reporting) from\b.{0,80}\)?$"
    r"|^(?:edited|written|compiled|produced) by\s*:\s*.{2,60}$",
    re.I,
)
_BREADCRUMB_SEP = re.compile(r"\s*[›»>]\s*|\s+/\s+")
_SECTION_LABEL = re.compile(
    r"^[\w&'’.\-]+(?: [\w&'’.\-]+){0,2} [|] [\w&'’.\-]+(?: [\w&'’.\-]+){0,2}$"
)
_GALLERY_COUNTER = re.compile(
    r"^(?:image|photo|picture|slide)?\s*\d{1,3}\s*(?:/|of)\s*\d{1,3}$", re.I
)
_SKIP_LINK = re.compile(
    r"^(?:skip (?:to|next|past|over|navigation|links?)\b|click (?:here )?to (?:search|"
    r"subscribe|print|open|close|view|save|see|read more|enlarge|expand)\b|"
    r"save (?:articles?|stories|this) (?:to|for) read(?:ing)? later\b)",
    re.I,
)
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_ICON_LABEL = re.compile(r"^[a-z]{3,12}\d{1,2}$")
_LIST_MARKER = re.compile(r"^list (?:of \d+ items?|\d+ of \d+)$", re.I)
_BUTTON = re.compile(
    r"^(?:show|hide|view|see|load|open|close|expand|collapse|next|previous|prev)"
    r"(?: (?:all|more|less|the|full|key|\d+|only|other|[a-z]+)){0,4}"
    r" ?(?:images?|photos?|pictures?|slides?|gallery|events?|posts?|updates?|entries|only|"
    r"comments?|replies|more|all|caption|results?|stories|articles?)$",
    re.I,
)
_MENU_PARTS = re.compile(r"\s+[|·•]\s+")
_BROWSER_NOTICE = re.compile(
    r"\b(?:enable|turn on|switch on|activate|requires?|disabled|update) (?:your )?javascript\b|"
    r"\bjavascript (?:is )?(?:disabled|required|turned off)\b|"
    r"\b(?:update|upgrade) your browser\b|\byour browser (?:does not|doesn't) support\b",
    re.I,
)
_PAYWALL = re.compile(
    r"\balready (?:a |an )?(?:subscriber|member|registered|have an account)\b|"
    r"\b(?:unlimited|full|premium|digital) (?:digital )?access\b|\bcancel (?:at )?any ?time\b|"
    r"\b(?:for|to) subscribers only\b|\bsubscribers? only\b|"
    r"\bexclusive to (?:subscribers|members)\b|"
    r"\bfree trial\b|\b(?:to|and) (?:continue|keep) reading\b|"
    r"\b(?:our|all) (?:full range of )?(?:subscriptions|subscription (?:plans|offers|options))\b|"
    r"\bgroup subscriptions?\b|\bbecome a (?:member|subscriber)\b|"
    r"\bsupport (?:our|independent|quality) journalism\b",
    re.I,
)
_PAYWALL_HINTS = re.compile(r"subscri|access|cancel|trial|reading|member|journalism|already")
_LICENSING = re.compile(
    r"^(?:purchase licensing rights|licen[cs]e this (?:article|content|story|photo)|"
    r"reuse this content|reprints?(?: (?:and|&) permissions)?|request reprint rights|"
    r"buy (?:this )?photo|(?:buy|order) reprints?)$",
    re.I,
)
_LICENSING_SUFFIX = re.compile(
    r"\s*(?:purchase licensing rights|buy (?:this )?photo|licen[cs]e this (?:photo|image))\s*$",
    re.I,
)
_DISCLAIMER = re.compile(
    r"\b(?:views|opinions) expressed\b.{0,120}\b(?:own|necessarily (?:reflect|represent))\b|"
    r"\bdo(?:es)? not necessarily (?:reflect|represent) the (?:views|editorial|opinion)",
    re.I,
)
_EDITORIAL_POLICY = re.compile(
    r"^(?:our (?:standards|editorial (?:standards|policy|guidelines|values)|ethics(?: policy)?|"
    r"corrections policy)|editorial (?:standards|guidelines))\s*[:.]?(?:\s+.{0,80})?$",
    re.I,
)
_CAPTION_LABEL = re.compile(
    r"^(?:image|photo|picture|video|media|graphic)\s+(?:source|caption|credit|description)s?"
    r"\s*[,:]\s*(?P<rest>.*)$",
    re.I,
)
_VIDEO_DURATION = re.compile(
    r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[-–—|·]\s*(?:source\s*:\s*)?.{1,40})?$", re.I
)
_SOURCE_LABEL = re.compile(r"^source\s*:\s*(?P<name>[^.:]{2,40})$", re.I)
_COMMENT_FORM = re.compile(
    r"^(?:(?:name|e-?mail|website|comment|message)\s*\*?|"
    r"your e-?mail address will not be published\b.*|required fields are marked.*|"
    r"save my name, e-?mail.*|leave a reply(?: cancel reply)?|cancel reply)$",
    re.I,
)
_SITE_BANNER = re.compile(
    r"^(?:an official website of (?:the )?.{3,60}|here['’]s how you know|"
    r"official websites use \.gov\b.*|secure \.gov websites use https\b.*)$",
    re.I,
)
_RELEASE_LABEL = re.compile(
    r"^(?:for immediate release|for release\b.{0,60}|embargoed (?:until|till)\b.{0,60}|"
    r"news release|press release|media release|media advisory)\s*[:.]?$",
    re.I,
)
_CONTACT_LABEL = re.compile(
    r"^(?:(?:media|press|news) )?(?:contacts?|enquiries|inquiries)\s*:\s*.{0,80}$", re.I
)
_CONTACT_PERSON = re.compile(
    r"^(?:contact|reach|e-?mail|write to|follow)\s+(?:\w+\s+){0,4}(?:at|on|via|by)\b.{0,160}"
    r"(?:[\w.+\-]+@[\w\-]+\.[\w.]+|\s@\w+)",
    re.I,
)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_PHONE = re.compile(
    r"(?<!\w)\+?(?:\(\d{2,4}\)\s?|\d{1,4}[\s.\-])?\d{2,4}[\s.\-]\d{3,4}(?:[\s.\-]\d{2,4})?"
)
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-–/.]\s*(?:19|20)?\d{2}")
_CONTACT_FILLER = re.compile(
    r"\b(?:tel|telephone|phone|mobile|cell|fax|e-?mail|office|direct)\b|[\s|·•,/:;()\-–—.]", re.I
)
_FEEDBACK = re.compile(
    r"^(?:share|send|give|leave) (?:us )?(?:your )?feedback\b.{0,80}$|"
    r"^(?:was this (?:article|story|page) (?:helpful|useful))\b.{0,40}$",
    re.I,
)
_ENGAGEMENT_COUNT = re.compile(
    r"^\d[\d,.]*\s*[kKmM]?\s+(?:likes?|restacks?|shares?|comments?|replies|views|reactions|"
    r"retweets|reposts|claps|upvotes|recommends|followers|following|subscribers)$",
    re.I,
)
_THANKS_FOR_READING = re.compile(
    r"^thanks? (?:you )?for reading(?: (?P<name>[^!.?]{2,60}))?[!.]"
    r"(?:\s+(?P<name2>[A-Z][^!.?]{1,60}?) is a reader-supported publication\b)?",
    re.I,
)
_TRANSLATION_NOTE = re.compile(
    r"^(?:this (?:article|story|text|piece|report|interview) (?:has been|was|is) "
    r"(?:\w+ )?(?:translated|adapted) from (?:the )?\w+\b.{0,120}|"
    r"(?:translated|translation) (?:from (?:the )?\w+ )?by\s.{2,60}|"
    r"(?:read|view|see) (?:this|the) (?:article|story|page|interview) in (?:\w+|the original)"
    r"(?: here)?\.?)$",
    re.I,
)
_LANGUAGE_NAMES = frozenset(
    [
        "english", "deutsch", "german", "français", "francais", "french", "español", "espanol",
        "spanish", "italiano", "italian", "português", "portugues", "portuguese", "nederlands",
        "dutch", "polski", "polish", "русский", "українська", "türkçe", "العربية", "中文",
        "日本語", "한국어", "svenska", "dansk", "norsk", "suomi", "ελληνικά",
    ]
)  # fmt: skip
_WORDPRESS_FOOTER = re.compile(
    r"^the post .{1,300}? appeared first on (?P<name>.{2,80}?)\.?$", re.I
)
_LINK_REFERENCE = re.compile(r"^\d{1,4}\.\s+(?:https?|ftp|file|mailto):\S*$", re.I)

# ---------------------------------------------------------------- captions

_CAPTION_START = re.compile(
    r"^(?:photo|image|picture|file photo|pictured|caption|illustration|photograph)\s*[:\-–—|]\s*\S",
    re.I,
)
_AGENCY_SLASH_CREDIT = re.compile(
    r"(?:^|[\s.(])(?P<credit>[A-Z]{2,}(?:\s[A-Z]{2,})?/[A-Z][\w.'’\-]*(?:[ /][A-Z][\w.'’\-]*){0,4})"
    r"\)?\s*$"
)
_PERSON_SLASH_OUTLET = re.compile(
    r"\((?:(?i:photo|image|picture)s?\s*:?\s*)?(?P<credit>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}"
    r"\s*/\s*[A-Z][\w&.'’\- ]{1,40})\)\s*$"
)
_CREDIT_END = re.compile(
    r"""(?:
        \[(?P<bracket>[^\[\]]{2,60})\]
      | \((?P<paren>[^()]{2,60})\)
      | (?:©|\(c\)\s)\s*(?P<copy>[^©]{2,60})
      | \b(?:photo(?:graph)?s?|image|picture|credit|photo\ credit|courtesy|illustration)
        \s*(?::|\bby\b)\s*(?P<photo>[^.:]{2,60})
      | \s[/|]\s*(?P<slash>[A-Z][\w .&/\-]{1,40})
    )\s*$""",
    re.X | re.I,
)
_PHOTO_ONLY = re.compile(
    r"\b(?:getty|shutterstock|alamy|photo|image|via|handout|file|courtesy|imago)\b", re.I
)


def _credit_like(text: str) -> bool:
    """Credit text naming a photo agency or photographer (``Getty``, ``AFP via Getty Images``)."""
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and any(w in PHOTO_CREDITS for w in words) and len(words) <= 8


def caption_credit(line: str) -> str | None:
    """The credit that marks ``line`` as a photo caption, or ``None``.

    >>> caption_credit("Ministers meet in Riga [Getty]")
    'Getty'
    >>> caption_credit("Crowds gather in the square © Baltic Courier")
    'Baltic Courier'
    >>> caption_credit("He said it would happen soon (Reuters).") is None
    True
    """
    text = line.strip()
    if _CAPTION_START.match(text):
        return text.split(":", 1)[-1].strip() or text
    label = _CAPTION_LABEL.match(text)
    if label:
        return label.group("rest") or text
    text = _LICENSING_SUFFIX.sub("", text) if "licen" in text.lower() else text
    for pattern in (_AGENCY_SLASH_CREDIT, _PERSON_SLASH_OUTLET) if "/" in text else ():
        slash = pattern.search(text)
        if slash and slash.group("credit").split("/")[0].strip().lower() in _SLASH_CREDIT_HEADS:
            return slash.group("credit")
        if slash and pattern is _PERSON_SLASH_OUTLET and len(text.split()) > 4:
            return slash.group("credit")
    match = _CREDIT_END.search(text)
    if not match:
        return None
    before = text[: match.start()].rstrip()
    if not before or len(before.split()) > 70:
        return None
    unpunctuated = not before.endswith(TERMINAL_PUNCT)
    credit = next(v for v in match.groupdict().values() if v is not None).strip()
    kind = next(k for k, v in match.groupdict().items() if v is not None)
    if kind in ("copy", "photo"):
        return credit
    if kind == "bracket" and (_credit_like(credit) or (unpunctuated and _is_capitalised(credit))):
        return credit
    if (
        kind in ("paren", "slash")
        and _credit_like(credit)
        and (unpunctuated or _PHOTO_ONLY.search(credit))
    ):
        return credit
    return None


_SLASH_CREDIT_HEADS = PHOTO_CREDITS | {"reuters", "afp", "ap", "epa", "efe", "ansa", "pool", "anp"}


def _is_capitalised(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


# ---------------------------------------------------------------- the per-line classifier

# A long line can only be furniture if it holds one of these; the rest is prose, skipped fast.
_LONG_LINE_HINTS = (
    "cookie", "comment", "readers", "newsletter", "subscri", "sign up", "signup", "inbox",
    "javascript", "browser", "views expressed", "opinions expressed", "necessarily",
    "privacy notice", "recaptcha", "/",
    "mail", "syndicat", "wire", "edited by", "originally", "republish", "creative commons",
    "reworked", "disclaimer", "icon", "chevron", "svg", "©", "copyright", "rights reserved",
    "privacy", "terms", "tag", "topic", "keywords", "filed under", "reporting", "editing",
    "input", "photo", "image", "picture", "credit", "courtesy", "illustration", "getty",
    "@", "contact", "translated", "appeared first", "thanks for reading", "feedback",
    "transcript", "accuracy and availability",
)  # fmt: skip


def _may_be_furniture(lowered: str) -> bool:
    """Cheap pre-check for long lines: a keyword, or a credit-like ending."""
    if lowered.endswith(("]", ")")) or " / " in lowered[-50:] or " | " in lowered[-50:]:
        return True
    return any(hint in lowered for hint in _LONG_LINE_HINTS)


def _is_mojibake_line(text: str) -> bool:
    if len(text) > 60 or _ASCII_ALNUM.search(text):
        return False
    visible = [c for c in text if not c.isspace()]
    bad = sum(1 for c in visible if _MOJIBAKE_CHARS.match(c))
    return bool(visible) and bad / len(visible) >= 0.5


def _is_breadcrumb(text: str) -> bool:
    """``Home › World › Middle East``: short parts joined by breadcrumb arrows."""
    parts = [p for p in _BREADCRUMB_SEP.split(text) if p]
    return (
        len(parts) >= 2
        and all(1 <= len(p.split()) <= 4 for p in parts)
        and not (text.endswith(TERMINAL_PUNCT))
    )


def _is_share_list(lowered: str) -> bool:
    words = re.split(r"[\s,|·•/]+", lowered.strip(" :"))
    words = [w for w in words if w]
    if not words or len(words) > 12:
        return False
    joined = " ".join(words)
    joined = joined.replace("copy link", "copy").replace("e-mail", "email")
    return all(
        w in _SOCIAL or w in {"copy", "on", "via", "share", "this", "article"}
        for w in joined.split()
    )


def _is_contact(text: str) -> bool:
    """A press contact or author contact line: ``Media contact:``, ``(555) 201-4470 |
    press@example.gov``, ``Contact Ann Lee at ann@example.com``.

    >>> _is_contact("Contact: Dana Okafor, Press Office"), _is_contact("(555) 201-4470")
    (True, True)
    >>> _is_contact("Prices rose 4.5% in 2024, to 1,200 a tonne.")
    False
    """
    if _CONTACT_LABEL.match(text) or _CONTACT_PERSON.match(text):
        return True
    if not any(c.isdigit() for c in text) and "@" not in text:
        return False
    rest, emails = _EMAIL.subn(" ", text)
    phones = [
        m
        for m in _PHONE.finditer(rest)
        if sum(c.isdigit() for c in m.group()) >= 7 and not _YEAR_RANGE.fullmatch(m.group())
    ]
    for match in reversed(phones):
        rest = rest[: match.start()] + " " + rest[match.end() :]
    return bool(emails or phones) and not _CONTACT_FILLER.sub("", rest)


def _is_language_switch(lowered: str) -> bool:
    """``Deutsch | English``: a switch between editions in other languages."""
    words = [w for w in re.split(r"[\s|·•/,]+", lowered) if w]
    return 2 <= len(words) <= 8 and all(w in _LANGUAGE_NAMES for w in words)


def thanks_for_reading_outlet(text: str) -> str | None:
    """The publication a newsletter thanks the reader for reading.

    >>> thanks_for_reading_outlet("Thanks for reading The Grid Ledger! Subscribe for free.")
    'The Grid Ledger'
    >>> thanks_for_reading_outlet("Thanks for reading! Tides is a reader-supported publication.")
    'Tides'
    """
    match = _THANKS_FOR_READING.match(text.strip())
    name = (match.group("name") or match.group("name2")) if match else None
    return name.strip() if name else None


def _is_menu(text: str) -> bool:
    """``Home | News | Business | Sport``: three or more short items joined by bars or dots."""
    parts = _MENU_PARTS.split(text)
    return len(parts) >= 3 and all(1 <= len(part.split()) <= 3 for part in parts)


def classify_line(text: str) -> str | None:
    """Name the rule that marks one line as page furniture, or ``None`` for a content line.

    >>> classify_line("Skip to main content"), classify_line("2 min read")
    ('navigation', 'reading-time')
    >>> classify_line("Subscribe to our newsletter"), classify_line("27:20")
    ('newsletter', 'podcast-timestamp')
    >>> classify_line("The minister said talks would resume in spring.") is None
    True
    """
    stripped = text.strip()
    if not stripped or (len(stripped) > 120 and not _may_be_furniture(stripped.lower())):
        return None
    lowered = stripped.lower().strip(" .:→›»>|")
    if _is_mojibake_line(stripped):
        return "mojibake"
    if len(_ICON_WORDS.findall(stripped)) >= 3 and len(stripped.split()) >= 3:
        return "icon-names"
    if _SEPARATOR.match(stripped):
        return "separator"
    if lowered in _NAVIGATION_LINES:
        return "navigation"
    if _READING_TIME.match(stripped):
        return "reading-time"
    if _TIMESTAMP.match(stripped):
        return "podcast-timestamp"
    if _PODCAST_LABEL.match(lowered):
        return "podcast"
    length = len(stripped)
    if length < 60 and _BUTTON.match(lowered):
        return "navigation"
    if length < 120 and _SKIP_LINK.match(stripped):
        return "navigation"
    if _BARE_URL.match(stripped) or _ICON_LABEL.match(stripped):
        return "navigation"
    if _LIST_MARKER.match(stripped):
        return "related-list"
    if _CAPTION_LABEL.match(stripped):
        return "caption"
    if (
        length < 300
        and ("javascript" in lowered or "browser" in lowered)
        and _BROWSER_NOTICE.search(stripped)
    ):
        return "navigation"
    if length < 250 and _PAYWALL_HINTS.search(lowered) and _PAYWALL.search(stripped):
        return "paywall"
    if (
        length < 500
        and ("expressed" in lowered or "necessarily" in lowered)
        and _DISCLAIMER.search(stripped)
    ):
        return "disclaimer"
    if _LICENSING.match(lowered) or _EDITORIAL_POLICY.match(stripped):
        return "footer"
    if _COMMENT_FORM.match(lowered):
        return "comment-policy"
    if length < 160 and (_SITE_BANNER.match(stripped) or _is_language_switch(lowered)):
        return "navigation"
    if length < 100 and _RELEASE_LABEL.match(stripped):
        return "release-label"
    if length < 240 and _is_contact(stripped):
        return "contact"
    if _ENGAGEMENT_COUNT.match(stripped) or is_relative_time(stripped):
        return "engagement" if stripped[:1].isdigit() and "ago" not in lowered else "relative-time"
    if length < 160 and _FEEDBACK.match(stripped):
        return "feedback"
    if length < 300 and (_TRANSLATION_NOTE.match(stripped) or _THANKS_FOR_READING.match(stripped)):
        return "translation-note" if _TRANSLATION_NOTE.match(stripped) else "newsletter"
    if _WORDPRESS_FOOTER.match(stripped) or _LINK_REFERENCE.match(stripped):
        return "syndication-note" if _WORDPRESS_FOOTER.match(stripped) else "link-reference"
    if ":" in stripped and (
        _SOURCE_LABEL.match(stripped) or (length < 60 and _VIDEO_DURATION.match(stripped))
    ):
        return "caption"
    if ("|" in stripped or "·" in stripped or "•" in stripped) and _is_menu(stripped):
        return "navigation"
    if _COOKIE.search(stripped) and _COOKIE_CONTEXT.search(stripped) and length < 600:
        return "cookie-notice"
    if _COMMENT_POLICY.search(stripped) and (
        length < 700 or len(_COMMENT_POLICY.findall(stripped)) > 1
    ):
        return "comment-policy"
    if _SYNDICATION.search(stripped) and length < 400:
        return "syndication-note"
    if _NEWSLETTER.search(stripped) and (length < 160 or len(_NEWSLETTER.findall(stripped)) > 1):
        return "newsletter"
    if _FOOTER.search(stripped) and (length < 200 or lowered.startswith(("this ", "citation"))):
        return "footer"
    if _ADVERT.match(lowered):
        return "advert"
    if _TAG_LINE.match(stripped):
        return "tags"
    if _RELATED_LINK.match(stripped) and length < 250:
        return "related-link"
    if _FOLLOW.match(stripped):
        return "share-list"
    if _is_share_list(lowered):
        return "share-list"
    if _CREDITS_LINE.match(stripped) and (
        ";" in stripped
        or stripped.startswith("(")
        or "editing" in lowered
        or "by:" in lowered
        or credited_agency(stripped) is not None
    ):
        return "credits"
    if _GALLERY_COUNTER.match(stripped):
        return "caption"
    if length < 120 and _is_breadcrumb(stripped):
        return "navigation"
    if _SECTION_LABEL.match(stripped):
        return "navigation"
    if caption_credit(stripped) is not None:
        return "caption"
    return None


# ---------------------------------------------------------------- section headings

_TAIL_HEADINGS: dict[str, str] = {}
for _rule, _names in {
    "related-list": """related|related articles|related stories|related news|related content
        |related coverage|related topics|related posts|related reading|related links|more related
        |recommended|recommended for you|recommended stories|recommended articles
        |recommended reading
        |read more|read next|read also|also read|see also|more stories|more news|more like this
        |more on this story|more on this topic|you may also like|you might also like
        |you may be interested in|you might be interested in|don't miss
        |editor's picks|editors' picks
        |top stories|latest news|latest stories|latest|most read|most popular|most viewed|popular
        |trending|trending now|trending stories|what to read next|in other news|around the web
        |from around the web|sponsored stories|promoted stories|more videos|watch more
        |other news|related videos|stories you may like|in case you missed it|more to explore
        |read more stories|suggested topics|suggested reading|related topics|top headlines
        |explore more on these topics|explore more|follow the topics in this article
        |more from this author|more by this author|from the archive|editor's choice|must read
        |popular now|popular stories|most shared|most commented|most watched|what's next
        |up next|next up|further reading|related reading|you might like|more headlines
        |explore further|more information|read more about
        |mehr zum thema|lesen sie auch|das könnte sie auch interessieren|à lire aussi|lire aussi
        |sur le même sujet|leia também|lee también|leggi anche|te puede interesar""",
    "link-references": "references|visible links|hidden links",
    "end-mark": "###|-30-|- 30 -|-###-|# # #|(end)|-end-|ends|-ends-",
    "tags": "tags|topics|tagged|keywords|filed under|topics in this article",
    "comment-policy": """comments|comment|discussion|join the conversation|join the discussion
        |have your say|leave a reply|leave a comment|post a comment|reader comments
        |discussion about this post|top comments|all comments|comments section
        |conversation|comments are closed|show comments|view comments""",
    "paywall": """subscribe to continue reading|subscribe to read more|subscribe to keep reading
        |subscribe to read the full article|continue reading with a subscription
        |this article is for subscribers only|this content is for subscribers only
        |register to continue reading|log in to continue reading|sign in to continue reading
        |to continue reading, subscribe|already a subscriber? log in|subscribe to unlock""",
    "advert": "sponsored|sponsored content|sponsored stories|promoted|paid content|partner content",
    "podcast": "podcasts|podcast",
}.items():
    for _name in _names.split("|"):
        _TAIL_HEADINGS[" ".join(_name.split())] = _rule
_MORE_FROM = re.compile(r"^more (?:from|in|on|about|by) [\w&'’ .\-]{1,40}$", re.I)
_LIST_HEADING = re.compile(
    r"^(?:(?:the )?most (?:read|viewed|popular|shared|commented|watched|emailed|recent)"
    r"|(?:more|latest|top|related|recommended|suggested|trending|popular|further|other|featured)"
    r" (?:stories|news|articles|reads?|reading|topics|videos|headlines|coverage|content|posts"
    r"|links|galleries|releases|press releases|news releases))"
    r"(?: (?:in|on|from|for|about) [\w&'’ .\-]{1,30})?$"
)
_MORE_SECTION = re.compile(r"^More [A-Z][\w&'’\-]+$")


def tail_heading(text: str) -> str | None:
    """The rule for a heading that opens a non-article list (``Related``, ``Tags``…), if any.

    >>> tail_heading("Recommended For You"), tail_heading("More from Europe")
    ('related-list', 'related-list')
    >>> tail_heading("Future of the naval base") is None
    True
    """
    if len(text) > 80:
        return None
    lowered = " ".join(text.lower().replace("’", "'").split()).strip(" :.→›»>|")
    if lowered in _TAIL_HEADINGS:
        return _TAIL_HEADINGS[lowered]
    if re.fullmatch(r"\d+ comments?|comments? \(\d+\)", lowered):
        return "comment-policy"
    if _MORE_FROM.match(lowered) or _LIST_HEADING.match(lowered):
        return "related-list"
    if _MORE_SECTION.match(text.strip()):
        return "related-list"
    return None


# ---------------------------------------------------------------- helpers for metadata

_RELATIVE_TIME_LINE = re.compile(
    r"^(?:(?:last\s+)?(?:updated|modified|edited|published|posted)\s*:?\s*)?"
    r"(?:\d{1,3}|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?"
    r"|weeks?)\s+ago$",
    re.I,
)
_CREDITED_AGENCY = re.compile(
    r"\b(?:inputs?|reporting|material|contributions?) from (?P<who>.+)$", re.I
)
_HOME_LINK = re.compile(
    r"^(?P<name>(?:The )?[A-Z][\w&'’.\-]*(?: [A-Z][\w&'’.\-]*){0,3})\s*[-–—|:,]\s*"
    r"(?i:(?:back to |go to |return to )?(?:the )?home(?: ?page)?)$"
)


def is_relative_time(text: str) -> bool:
    """``3 hours ago``, ``Last Updated: 2h ago``: a time relative to when the page was copied.

    >>> is_relative_time("Last Updated: 3 hours ago"), is_relative_time("3 hours later")
    (True, False)
    """
    return _RELATIVE_TIME_LINE.match(text.strip()) is not None


def caption_label_rest(text: str) -> str | None:
    """The text after an ``Image caption,`` / ``Image source:`` label, or ``None`` if none.

    >>> caption_label_rest("Image caption,"), caption_label_rest("Image source, Getty Images")
    ('', 'Getty Images')
    """
    match = _CAPTION_LABEL.match(text.strip())
    return match.group("rest").strip() if match else None


def is_gallery_counter(text: str) -> bool:
    """``3 of 12``, ``Photo 2/8``: the position in a photo gallery."""
    return _GALLERY_COUNTER.match(text.strip()) is not None


def source_label(text: str) -> str | None:
    """The first name in a ``Source: X`` line (``Source: X and news agencies`` gives X).

    >>> source_label("Source: Harbour Post and news agencies")
    'Harbour Post'
    """
    match = _SOURCE_LABEL.match(text.strip())
    if not match:
        return None
    return re.split(r",|\s+and\s+|\s*/\s*", match.group("name"))[0].strip() or None


def credited_agency(text: str) -> str | None:
    """The news agency a credit line names (``(With inputs from PTI)``), if any.

    >>> credited_agency("(With inputs from PTI)"), credited_agency("(Reporting by Ann Lee)")
    ('PTI', None)
    """
    match = _CREDITED_AGENCY.search(text.strip(" ()."))
    if not match:
        return None
    for name in re.split(r",|\band\b|&|/", match.group("who")):
        agency = AGENCIES.get(name.strip(" ().").lower())
        if agency and agency != "Agencies":
            return agency
    return None


def masthead_home_link(text: str) -> str | None:
    """The outlet named by a logo link such as ``The Daily Ledger - Back to home``.

    >>> masthead_home_link("The Daily Ledger - Back to home")
    'The Daily Ledger'
    """
    match = _HOME_LINK.match(text.strip())
    return match.group("name") if match else None


def opens_marked_list(text: str) -> bool:
    """``list of 3 items``: the screen-reader label that opens an inline list of links."""
    return (
        text.strip().lower().startswith("list of ") and _LIST_MARKER.match(text.strip()) is not None
    )


def closes_marked_list(text: str) -> bool:
    return text.strip().lower().strip(" .") == "end of list"
