"""Direct quotations and their speakers.

Quotes are found between straight or curly double quotes, and between single quotes
used as quotation marks (an apostrophe inside a word never opens or closes one).
The speaker comes from the attribution: a name or pronoun with a speech verb right
after the quote ('"…," Putin asserted'), a speech verb before it in the same sentence
('Lavrov said that …'), "according to X", a participle clause (', stating …') that
refers back to the sentence's subject, or a role noun ("the HTS chief emphasized").
Pronouns and role nouns resolve to the person who was the subject most recently.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.analysis.lexicon import ROLE_CUES, SPEECH_VERBS
from reader.models import EntityMention, QuoteMention

__all__ = ["extract_quotes"]

QUOTE_RE = re.compile(
    r"“(?P<curly>[^”\n]{1,3000})”"
    r"|(?<![\w\"])\"(?P<straight>[^\"\n]{1,3000})\""
    r"|(?<![\w’])‘(?P<csingle>(?:[^’\n]|’(?=\w)){1,400}?)’(?!\w)"
    r"|(?<![\w'])'(?P<ssingle>[^\s'](?:[^'\n]|'(?=\w)){0,300}?)'(?!\w)"
)
_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"”’']?(?=[ \u00a0]+[\"“‘'(\[]?[A-Z0-9])|\n")
_SPEECH_RE = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_ROLE_RE = re.compile(
    r"\b(?:the|a|an|The|A|An)[ \u00a0]+(?:[\w’'-]+[ \u00a0]+){0,4}?(?:"
    + "|".join(sorted(ROLE_CUES, key=len, reverse=True))
    + r")[ \u00a0]+(?:has[ \u00a0]+|had[ \u00a0]+|also[ \u00a0]+)?(?:"
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)
_AFTER_NAME = re.compile(
    r"[ \u00a0]*(?:has[ \u00a0]+|had[ \u00a0]+|also[ \u00a0]+|later[ \u00a0]+|then[ \u00a0]+)?(?:"
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)
_TITLE_GAP = re.compile(r"[ \u00a0]*(?:[A-Z][\w.’'-]*[ \u00a0]+)*")
_ACCORDING = re.compile(r"\b[Aa]ccording to[ \u00a0]+$")


def _partial(text: str, open_pos: int, sentence_start: int) -> bool:
    i = open_pos - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    if i < sentence_start or i < 0:
        return False
    return text[i] not in ",:\n"


class _Speakers:
    def __init__(self, text: str, mentions: Sequence[EntityMention]) -> None:
        self.text = text
        self.agents = [m for m in mentions if m.type in ("PERSON", "ORG")]
        self.starts = [m.start for m in self.agents]
        self.persons = [m for m in self.agents if m.type == "PERSON"]
        self.person_starts = [m.start for m in self.persons]
        self.breaks = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]
        self.quote_spans: list[tuple[int, int]] = []

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.breaks, start) - 1
        s = self.breaks[i]
        j = bisect.bisect_left(self.breaks, end)
        e = self.breaks[j] if j < len(self.breaks) else len(self.text)
        return s, e

    def agents_in(self, start: int, end: int) -> list[EntityMention]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.agents[lo:hi] if m.end <= end and not self.inside_quote(m.start)]

    def inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quote_spans)

    def possessive(self, m: EntityMention) -> bool:
        return self.text[m.end : m.end + 2] in ("’s", "'s")

    def salient(self, pos: int) -> EntityMention | None:
        """The subject of the latest sentence before ``pos`` that names a person."""
        i = bisect.bisect_left(self.person_starts, pos) - 1
        while i >= 0:
            m = self.persons[i]
            s, _ = self.sentence(m.start, m.end)
            firsts = [
                p for p in self.persons
                if s <= p.start < pos and not self.possessive(p) and not self.inside_quote(p.start)
            ]  # fmt: skip
            if firsts:
                return firsts[0]
            j = bisect.bisect_left(self.person_starts, s) - 1
            i = j if j < i else i - 1
        return None

    def after_name(self, start: int, end: int) -> EntityMention | None:
        """A name immediately followed by a speech verb, or a verb followed by a name."""
        for m in self.agents_in(start, end):
            if _AFTER_NAME.match(self.text, m.end) and not self.possessive(m):
                return m
        return None

    def speaker(self, open_pos: int, close_pos: int) -> EntityMention | None:
        text = self.text
        s, e = self.sentence(open_pos, close_pos)
        after_start = close_pos + 1
        tail = text[after_start:e]
        # 1. Attribution right after the quote: '"…," Putin asserted' or '"…," said Putin'.
        lead = re.match(r"[ \u00a0,]*", tail)
        pos = after_start + (lead.end() if lead else 0)
        near = [m for m in self.agents_in(pos, min(e, pos + 80)) if m.start - pos <= 2]
        if near and _AFTER_NAME.match(text, near[0].end):
            return near[0]
        verb = _SPEECH_RE.match(text, pos)
        if verb is not None:
            following = [m for m in self.agents_in(verb.end(), min(e, verb.end() + 60))]
            if following and (
                following[0].start - verb.end() <= 2
                or _TITLE_GAP.fullmatch(text, verb.end(), following[0].start)
            ):
                for m in following:
                    gap = text[verb.end() : m.start]
                    if m.type == "PERSON" and _TITLE_GAP.fullmatch(gap):
                        return m
                return following[0]
            if verb.group().endswith("ing"):
                return self.subject(s, open_pos)
        if _PRONOUN_RE.match(text, pos) and _AFTER_NAME.match(
            text, pos + 3 if text[pos] in "Ss" else pos + 2
        ):
            return self.salient(open_pos)
        # 2. "according to X" and speech verbs before the quote in the same sentence.
        before = text[s:open_pos]
        for m in reversed(self.agents_in(s, open_pos)):
            if _ACCORDING.search(text, s, m.start):
                return m
        verbs = [
            v for v in _SPEECH_RE.finditer(text, s, open_pos) if not self.inside_quote(v.start())
        ]
        if verbs:
            v = verbs[-1]
            prefix = text[s : v.start()].rstrip()
            if v.group().endswith("ing") and prefix.endswith(","):
                return self.subject(s, v.start())
            candidates = [m for m in self.agents_in(s, v.start()) if not self.possessive(m)]
            last = candidates[-1] if candidates else None
            if last is not None and last.type != "PERSON":
                # "Nigel Farage, whose Reform UK party …, said": the person before the
                # comma-enclosed clause is the subject.
                for m in reversed(candidates):
                    between = text[m.end : v.start()].strip()
                    if m.type == "PERSON" and between.startswith(",") and between.endswith(","):
                        last = m
                        break
            gap_start = last.end if last else s
            if _PRONOUN_RE.search(text, gap_start, v.start()) or _ROLE_RE.search(
                text, gap_start, v.end()
            ):
                return self.salient(s if last is None else v.start())
            if last is not None:
                return last
        del before
        # 3. A speech verb later in the sentence: 'Syria has "…" …, al-Sharaa said.'
        named = self.after_name(after_start, e)
        if named is not None:
            return named
        if _ROLE_RE.search(text, after_start, e):
            return self.salient(open_pos)
        # 4. The nearest person before the quote in the sentence.
        persons = [
            m for m in self.agents_in(s, open_pos) if m.type == "PERSON" and not self.possessive(m)
        ]
        if persons:
            return persons[-1]
        if _PRONOUN_RE.match(text, s):
            return self.salient(s)
        return None

    def subject(self, s: int, limit: int) -> EntityMention | None:
        """The subject of the sentence starting at ``s``: its first name or a pronoun's referent."""
        candidates = [m for m in self.agents_in(s, limit) if not self.possessive(m)]
        pronoun = _PRONOUN_RE.search(self.text, s, limit)
        if candidates and (pronoun is None or candidates[0].start < pronoun.start()):
            return candidates[0]
        if pronoun is not None:
            return self.salient(s)
        return None


def _continues(text: str, previous_end: int, open_pos: int) -> bool:
    """Whether a quote follows the previous one in the same paragraph, one sentence on."""
    between = text[previous_end:open_pos]
    return 0 <= previous_end < open_pos and "\n" not in between and len(between) < 200


def extract_quotes(text: str, mentions: Sequence[EntityMention] = ()) -> list[QuoteMention]:
    """Quotations in ``text`` with their speakers, given the text's entity mentions."""
    spans: list[tuple[int, int, int, int]] = []
    for match in QUOTE_RE.finditer(text):
        group = match.lastgroup or "curly"
        spans.append((match.start(), match.end(), match.start(group), match.end(group)))
    # Single-quoted phrases nested inside a double-quoted one are part of it.
    outer: list[tuple[int, int, int, int]] = []
    for span in spans:
        if outer and span[0] < outer[-1][1]:
            continue
        outer.append(span)
    speakers = _Speakers(text, mentions)
    speakers.quote_spans = [(o, c) for o, c, _, _ in outer]
    quotes = []
    previous: tuple[int, EntityMention | None] = (-1, None)
    for open_pos, close_end, start, end in outer:
        inner = text[start:end]
        if not inner.strip():
            continue
        s, _ = speakers.sentence(open_pos, close_end - 1)
        who = speakers.speaker(open_pos, close_end - 1)
        if who is None and previous[1] is not None and _continues(text, previous[0], open_pos):
            # '"…," Salah told Sky Sports. "Nobody believed us."': the same speaker goes on.
            who = previous[1]
        previous = (close_end, who)
        quotes.append(
            QuoteMention(
                start=start,
                end=end,
                text=inner,
                partial=_partial(text, open_pos, s),
                speaker=who.text if who is not None else None,
                speaker_key=who.key if who is not None else None,
            )
        )
    return quotes
