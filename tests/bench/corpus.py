"""A deterministic generator of realistic news page dumps for benchmarks."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

PEOPLE = [
    "Olaf Brenner",
    "Maria Castellanos",
    "Kwame Mensah",
    "Yuki Tanaka",
    "Ahmed Haddad",
    "Svetlana Orlova",
    "Pierre Lambert",
    "Aisha Bello",
    "Rajiv Menon",
    "Elena Petrova",
    "Tomasz Nowak",
    "Fatima al-Zahra",
    "Jonas Lindqvist",
    "Chen Wei",
    "Lucia Ferreira",
]
ROLES = [
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Defence Minister",
    "spokesman",
    "central bank governor",
    "opposition leader",
    "Interior Minister",
]
PLACES = [
    "Berlin",
    "Nairobi",
    "Ankara",
    "Kyiv",
    "Jakarta",
    "Lima",
    "Warsaw",
    "Cairo",
    "Seoul",
    "Madrid",
    "Ottawa",
    "Hanoi",
    "Lagos",
    "Tbilisi",
    "Baghdad",
    "Manila",
    "Beirut",
]
ORGS = [
    "the United Nations",
    "NATO",
    "the European Union",
    "the World Bank",
    "the International Monetary Fund",
    "the African Union",
    "Reuters",
    "the Red Cross",
    "the Security Council",
    "OPEC",
]
TOPICS = [
    "trade talks",
    "a ceasefire",
    "fuel subsidies",
    "the border crossing",
    "grain exports",
    "election reform",
    "a new pipeline",
    "refugee returns",
    "the peace plan",
    "debt relief",
]
VERBS = ["said", "told reporters", "announced", "warned", "confirmed", "added", "insisted"]
WHEN = [
    "on Monday",
    "on Tuesday",
    "last week",
    "earlier this month",
    "in March",
    "late on Friday",
    "on 12 June",
    "a decade ago",
    "last year",
    "in 2019",
]

JUNK_TOP = ["Skip to main content", "Menu", "Search", "Subscribe", "Sign in"]
JUNK_BOTTOM = [
    "Related",
    "Read more",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience. By continuing you accept our Cookie Policy.",
    "© 2025 Example Media Group. All rights reserved.",
]


def sentence(rng: random.Random) -> str:
    person, role, place = rng.choice(PEOPLE), rng.choice(ROLES), rng.choice(PLACES)
    org, topic, verb, when = (
        rng.choice(ORGS),
        rng.choice(TOPICS),
        rng.choice(VERBS),
        rng.choice(WHEN),
    )
    templates = [
        f"{role} {person} {verb} {when} that {topic} with {org} would resume in {place}.",
        f'"We will not accept any delay on {topic}," {person} {verb} in {place} {when}.',
        f"Officials in {place} {verb} {when} that {org} had raised concerns about {topic}.",
        f"The talks in {place}, backed by {org}, have stalled over {topic} "
        f"since {when.split()[-1]}.",
        f"{person}, the {role.lower()}, met delegates from {org} to discuss {topic} "
        "and regional security.",
        f"Analysts in {place} expect {topic} to dominate the agenda when {org} meets again {when}.",
    ]
    return rng.choice(templates)


def article_dump(rng: random.Random, index: int, words: int = 600) -> str:
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
    verb = rng.choice(["weighs", "rejects", "backs", "delays"])
    title = f"{rng.choice(PLACES)} {verb} {rng.choice(TOPICS)} as pressure mounts ({index})"
    lines = [
        rng.choice(JUNK_TOP),
        "",
        title,
        "",
        f"{rng.randint(2, 9)} min read",
        day.strftime("%d %B, %Y"),
        "",
    ]
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        count += len(paragraph.split())
        lines += [paragraph, ""]
    lines.append(f"By {rng.choice(PEOPLE)}")
    lines.append("")
    for junk in JUNK_BOTTOM:
        lines += [junk, ""]
    return "\n".join(lines)


def write_corpus(folder: Path, count: int, *, seed: int = 7, words: int = 600) -> list[Path]:
    """Write ``count`` page dumps into ``folder`` (deterministically) and return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"article_{index:05d}.txt"
        path.write_text(article_dump(rng, index, words), encoding="utf-8")
        paths.append(path)
    return paths


def query_words(seed: int = 11) -> Iterator[str]:
    """An endless stream of words that occur in the corpus, for search queries."""
    rng = random.Random(seed)
    vocabulary = sorted(
        {w.strip('",.').lower() for s in (PEOPLE + PLACES + TOPICS) for w in s.split()}
    )
    while True:
        yield rng.choice(vocabulary)
