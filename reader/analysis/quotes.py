"""Direct quotations and their speakers.

Quotes are found between straight or curly double quotes, and between single quotes
used as quotation marks (an apostrophe inside a word never opens or closes one).
The speaker comes from the attribution: a name or pronoun with a speech verb right
after the quote ('"…," Putin asserted'), a speech verb before it in the same sentence
('Lavrov said that …'), "according to X", a participle clause (', stating …') that
refers back to the sentence's subject, or a role noun ("the HTS chief emphasized").
Pronouns resolve to the person who was the subject most recently; a role or demonym
noun ("the minister", "the German") to the latest person known by that role or
nationality, else to that subject when nothing known about them contradicts it.
Clauses set off by commas between a subject and its verb ("X, who …, said") are
skipped. A quotation left open at the end of a paragraph goes on in the next one when
that paragraph opens with a quote mark, and keeps its speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.analysis.lexicon import ROLE_CUES, SPEECH_VERBS
from reader.models import PARAGRAPH_SEP, EntityMention, QuoteMention

__all__ = ["extract_quotes"]

QUOTE_RE = re.compile(
    r"“(?P<curly>[^”\n]{1,3000})”"
    r"|“(?P<curlyopen>[^”“\n]{1,3000})(?=\n\n[“\"])"
    r"|\"(?<![\w\"]\")(?P<straight>[^\"\n]{1,3000})\""
    r"|\"(?<![\w\"]\")(?P<straightopen>[^\"\n]{1,3000})(?=\n\n[“\"])"
    r"|‘(?<![\w’]‘)(?P<csingle>(?:[^’\n]|’(?=\w)){1,400}?)’(?!\w)"
    r"|'(?<![\w']')(?P<ssingle>[^\s'](?:[^'\n]|'(?=\w)){0,300}?)'(?!\w)"
)
"""Each branch opens with its quote mark (the check on the character before it comes
second) so that the search skips straight to quote marks."""
_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"”’']?(?=[ \u00a0]+[\"“‘'(\[]?[A-Z0-9])|\n")
_SPEECH_RE = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b")
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_ROLES = "|".join(sorted(ROLE_CUES, key=len, reverse=True))
_ROLE_RE = re.compile(
    r"\b(?:the|a|an|The|A|An)[ \u00a0]+(?:[\w’'-]+[ \u00a0]+){0,4}?"
    r"(?P<head>(?:" + _ROLES + r")|[A-Z][\w’'-]+|\d+-year-old)"
    r"[ \u00a0]+(?:has[ \u00a0]+|had[ \u00a0]+|also[ \u00a0]+|later[ \u00a0]+)?(?:"
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)
"""A role, demonym or age noun phrase as the subject of a speech verb ("the minister said")."""
_PARENTHETICAL = re.compile(
    r",[ \u00a0]+(?:who|whom|whose|which|where|a|an|the|his|her|their|its|after|before|"
    r"during|while|in|at|from|with|by|on|like|unlike|[a-z]+ing|[a-z]+ed)\b[^,;:“”\"\n]{0,200}?(?=,)"
)
"""A clause set off by commas after a subject ("X, who was briefed …, said")."""
_TITLE_WORDS = re.compile(r"(?:(?:[A-Z][\w.’'-]*|[a-z][\w’'-]*)[ \u00a0]+){1,5}$")
_APPOSITION = re.compile(r",[ \u00a0]+(?:the|a|an)[ \u00a0]+[^,.;:“”\"\n]{1,80}")
_WORD = re.compile(r"[\w’'-]+")
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
    def __init__(
        self,
        text: str,
        mentions: Sequence[EntityMention],
        nationalities: Sequence[EntityMention] = (),
    ) -> None:
        self.text = text
        self.agents = sorted(
            (m for m in mentions if m.type in ("PERSON", "ORG")), key=lambda m: m.start
        )
        self.starts = [m.start for m in self.agents]
        self.persons = [m for m in self.agents if m.type == "PERSON"]
        self.person_starts = [m.start for m in self.persons]
        self.norps = sorted(nationalities, key=lambda m: m.start)
        self.norp_starts = [m.start for m in self.norps]
        self.breaks = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]
        self.quote_spans: list[tuple[int, int]] = []
        self.quote_starts: list[int] = []
        self._known: dict[str, tuple[set[str], set[str]]] | None = None

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.breaks, start) - 1
        s = self.breaks[i]
        j = bisect.bisect_left(self.breaks, end)
        e = self.breaks[j] if j < len(self.breaks) else len(self.text)
        return s, e

    def set_quotes(self, spans: list[tuple[int, int]]) -> None:
        self.quote_spans = spans
        self.quote_starts = [s for s, _ in spans]

    def agents_in(self, start: int, end: int) -> list[EntityMention]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.agents[lo:hi] if m.end <= end and not self.inside_quote(m.start)]

    def inside_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and pos < self.quote_spans[i][1]

    def possessive(self, m: EntityMention) -> bool:
        return self.text[m.end : m.end + 2] in ("’s", "'s")

    def pronoun_before(self, start: int, end: int) -> bool:
        """Whether a subject pronoun outside quotations lies in ``start:end``."""
        return any(
            not self.inside_quote(p.start()) for p in _PRONOUN_RE.finditer(self.text, start, end)
        )

    def salient(self, pos: int) -> EntityMention | None:
        """The person who is the subject of the latest sentence before ``pos`` naming one.

        A sentence whose subject is a pronoun ("She won the … Competition") names its
        subject only by reference, so the search goes on to the sentence before it.
        """
        i = bisect.bisect_left(self.person_starts, pos) - 1
        while i >= 0:
            m = self.persons[i]
            s, _ = self.sentence(m.start, m.end)
            lo = bisect.bisect_left(self.person_starts, s)
            firsts = [
                p for p in self.persons[lo : i + 1]
                if p.start < pos and not self.possessive(p) and not self.inside_quote(p.start)
            ]  # fmt: skip
            if firsts and not self.pronoun_before(s, firsts[0].start):
                return firsts[0]
            j = lo - 1
            i = j if j < i else i - 1
        return None

    def known(self) -> dict[str, tuple[set[str], set[str]]]:
        """For each person, the role words and nationalities the text gives them.

        From the words right before a name ("Portuguese coach Paulo Fonseca") and an
        apposition right after it ("Lena Fischer, a spokeswoman for Siemens").
        """
        if self._known is None:
            self._known = {}
            text = self.text
            for m in self.persons:
                roles, nations = self._known.setdefault(m.key, (set(), set()))
                s, _ = self.sentence(m.start, m.end)
                lo = max(s, m.start - 80)
                before = _TITLE_WORDS.search(text, lo, m.start)
                spans = []
                if before is not None:
                    words = before.group().split()
                    kept = 0
                    for word in reversed(words):
                        if word[0].islower() and word.lower() not in ROLE_CUES:
                            break
                        kept += len(word) + 1
                    roles.update(w.lower() for w in _WORD.findall(text, m.start - kept, m.start))
                    spans.append((m.start - kept, m.start))
                after = _APPOSITION.match(text, m.end)
                if after is not None:
                    roles.update(w.lower() for w in _WORD.findall(after.group()))
                    spans.append(after.span())
                for a, b in spans:
                    k = bisect.bisect_left(self.norp_starts, a)
                    while k < len(self.norps) and self.norps[k].start < b:
                        nations.add(self.norps[k].key)
                        k += 1
        return self._known

    def referent(self, anaphor: re.Match[str], pos: int) -> EntityMention | None:
        """The person a role, demonym or age noun phrase ("the German said") refers to.

        The latest person before ``pos`` known by that role or nationality; else the
        salient person when nothing known about them contradicts it (a demonym for
        someone of another nationality, a role noun for someone the text gives no role).
        An indefinite phrase ("a spokesman said") introduces someone new: no speaker.
        """
        if anaphor.group().lower().startswith(("a ", "an ", "a\u00a0", "an\u00a0")):
            return None
        head_start = anaphor.start("head")
        head = anaphor.group("head")
        k = bisect.bisect_left(self.norp_starts, head_start)
        nation = None
        if k < len(self.norps) and self.norps[k].start == head_start:
            nation = self.norps[k].key
        elif head[0].isupper() and head.lower() not in ROLE_CUES:
            return None  # a name the extractor did not recognise, not a role
        known = self.known()
        i = bisect.bisect_left(self.person_starts, pos) - 1
        role = head.lower()
        while i >= 0:
            m = self.persons[i]
            roles, nations = known[m.key]
            if (nation in nations) if nation is not None else (role in roles):
                return m
            i -= 1
        fallback = self.salient(pos)
        if fallback is None:
            return None
        roles, nations = known[fallback.key]
        if nation is not None:
            return fallback if not nations else None
        if head[0].isdigit():
            return fallback
        return fallback if roles else None

    def after_name(self, start: int, end: int) -> EntityMention | None:
        """A name immediately followed by a speech verb, or a verb followed by a name."""
        for m in self.agents_in(start, end):
            if _AFTER_NAME.match(self.text, m.end) and not self.possessive(m):
                return m
        return None

    def before_verb(self, s: int, verb: re.Match[str]) -> EntityMention | None:
        """The subject of a speech verb before the quotation, skipping comma clauses."""
        text = self.text
        v = verb.start()
        named = [m for m in self.agents_in(s, v) if not self.possessive(m)]
        ends = {m.end for m in named}
        clauses = [c.span() for c in _PARENTHETICAL.finditer(text, s, v) if c.start() in ends]
        candidates = [m for m in named if not any(a < m.start < b for a, b in clauses)]
        if not candidates:
            # "The letter, organised by … Kerry McCarthy, warns": the name in the clause
            # is the nearest thing to a speaker the sentence gives.
            clauses, candidates = [], named
        last = candidates[-1] if candidates else None
        gap_start = last.end if last else s
        kept = [(gap_start, v)]
        for a, b in clauses:
            if a >= gap_start:
                kept[-1] = (kept[-1][0], a)
                kept.append((b, v))
        for a, b in kept:
            anaphor = _ROLE_RE.search(text, a, verb.end() if b == v else b)
            if anaphor is not None and anaphor.end() >= v:
                return self.referent(anaphor, v)
        if any(self.pronoun_before(a, b) for a, b in kept):
            return self.salient(s if last is None else v)
        return last

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
        anaphor = _ROLE_RE.match(text, pos)
        if anaphor is not None:
            return self.referent(anaphor, pos)
        # 2. "according to X" and speech verbs before the quote in the same sentence.
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
            if not (v.group().endswith("ing") and self.modifies_noun(s, v)):
                found = self.before_verb(s, v)
                if found is not None or self.agents_in(s, v.start()):
                    return found
        # 3. A speech verb later in the sentence: 'Syria has "…" …, al-Sharaa said.'
        named = self.after_name(after_start, e)
        if named is not None:
            return named
        anaphor = _ROLE_RE.search(text, after_start, e)
        if anaphor is not None:
            return self.referent(anaphor, anaphor.start())
        # 4. The nearest person before the quote in the sentence.
        persons = [
            m for m in self.agents_in(s, open_pos) if m.type == "PERSON" and not self.possessive(m)
        ]
        if persons:
            return persons[-1]
        if _PRONOUN_RE.match(text, s):
            return self.salient(s)
        return None

    def modifies_noun(self, s: int, verb: re.Match[str]) -> bool:
        """Whether a participle qualifies a common noun ("a declaration calling for")."""
        before = self.agents_in(s, verb.start())
        if before and before[-1].end >= verb.start() - 1:
            return False
        return not self.pronoun_before(verb.start() - 4, verb.start())

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


def extract_quotes(
    text: str,
    mentions: Sequence[EntityMention] = (),
    nationalities: Sequence[EntityMention] = (),
) -> list[QuoteMention]:
    """Quotations in ``text`` with their speakers, given the text's entity mentions.

    ``nationalities`` (NORP mentions) let "the German said" find a German named earlier.
    """
    spans: list[tuple[int, int, int, int, bool]] = []
    for match in QUOTE_RE.finditer(text):
        group = match.lastgroup or "curly"
        spans.append(
            (match.start(), match.end(), match.start(group), match.end(group), "open" in group)
        )
    # Single-quoted phrases nested inside a double-quoted one are part of it.
    outer: list[tuple[int, int, int, int, bool]] = []
    for span in spans:
        if outer and span[0] < outer[-1][1]:
            continue
        outer.append(span)
    speakers = _Speakers(text, mentions, nationalities)
    speakers.set_quotes([(o, c) for o, c, _, _, _ in outer])
    quotes = []
    previous: tuple[int, EntityMention | None, bool] = (-1, None, False)
    for open_pos, close_end, start, end, left_open in outer:
        inner = text[start:end]
        if not inner.strip():
            continue
        close_pos = close_end if left_open else close_end - 1
        s, _ = speakers.sentence(open_pos, close_pos)
        who = speakers.speaker(open_pos, close_pos)
        carried = previous[2] and text[previous[0] : open_pos] == PARAGRAPH_SEP
        if (
            who is None
            and previous[1] is not None
            and (carried or _continues(text, previous[0], open_pos))
        ):
            # '"…," Salah told Sky Sports. "Nobody believed us."': the same speaker goes on,
            # as does a quotation carried over from the paragraph before.
            who = previous[1]
        previous = (close_end, who, left_open)
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
