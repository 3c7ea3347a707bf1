"""Analysis speed: words per second for entities + dates + quotes, and import with analysis.

Run: READER_BENCH=1 python -m pytest tests/bench/bench_analysis.py -s
Targets (one core): >= 200,000 words/s over >= 2 million words; >= 100 articles/s
stored and analysed (save, extract, link, write rows, one transaction each).
"""

from __future__ import annotations

import os
import random
import time
from datetime import UTC, datetime, timedelta

import pytest

from reader.analysis import analyse, analyse_article
from reader.models import ParsedArticle
from reader.store import Store

pytestmark = pytest.mark.skipif(os.environ.get("READER_BENCH") != "1", reason="set READER_BENCH=1")

WORDS = int(os.environ.get("READER_BENCH_WORDS", "2000000"))
ARTICLES = int(os.environ.get("READER_BENCH_ANALYSED_ARTICLES", "1000"))

PEOPLE = [
    ("Olaf Brenner", "Brenner"), ("Maria Castellanos", "Castellanos"), ("Kwame Mensah", "Mensah"),
    ("Yuki Tanaka", "Tanaka"), ("Ahmed Haddad", "Haddad"), ("Svetlana Orlova", "Orlova"),
    ("Pierre Lambert", "Lambert"), ("Aisha Bello", "Bello"), ("Rajiv Menon", "Menon"),
    ("Fatima al-Zahra", "al-Zahra"), ("Tomasz Nowak", "Nowak"), ("Omar bin Khalid", "bin Khalid"),
]  # fmt: skip
ROLES = ["Foreign Minister", "Prime Minister", "President", "Defence Minister", "Interior Minister"]
NORPS = ["German", "Kenyan", "Japanese", "Turkish", "Egyptian", "Polish", "Indian", "Russian"]
PLACES = ["Berlin", "Nairobi", "Ankara", "Cairo", "Warsaw", "Tokyo", "New Delhi", "Aleppo", "Gaza"]
ORGS = [
    "the United Nations", "NATO", "the European Union", "the World Bank", "Reuters",
    "the Kremlin", "the National Electoral Commission", "the Free Workers Party",
]  # fmt: skip
DATES = [
    "on Thursday", "last year", "in early March", "on 12 October, 2023", "earlier this month",
    "in 2019", "two years ago", "until June 30", "on Dec 3, 2024", "for three weeks",
]  # fmt: skip
TEMPLATES = [
    "{norp} {role} {person} said {date} that {place} would not accept the proposal.",
    "Speaking to reporters in {place}, {surname} described the talks with {org} as "
    '"difficult but necessary," adding that more meetings were planned.',
    "“We will not be pressured by anyone,” {surname} told {org} {date}.",
    "The agreement, signed {date}, was criticised by officials in {place} and by {org}.",
    "According to {org}, at least 40 people were killed in {place} {date}.",
    "{person}, who has led the {norp} delegation for years, met representatives of {org}.",
    "Analysts said the move showed how far {place} had drifted from {org} since 2015.",
    "The {norp} government said {date} that it had summoned the ambassador over remarks "
    "by {surname}, who had called the decision 'a grave mistake'.",
]


def _sentence(rng: random.Random) -> str:
    person, surname = rng.choice(PEOPLE)
    return rng.choice(TEMPLATES).format(
        norp=rng.choice(NORPS),
        role=rng.choice(ROLES),
        person=person,
        surname=surname,
        place=rng.choice(PLACES),
        org=rng.choice(ORGS),
        date=rng.choice(DATES),
    )


def _article(rng: random.Random, words: int = 600) -> str:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph[0].upper() + paragraph[1:])
        count += len(paragraph.split())
    return "\n\n".join(paragraphs)


def _corpus(total_words: int) -> list[str]:
    rng = random.Random(20250731)
    texts, count = [], 0
    while count < total_words:
        text = _article(rng)
        texts.append(text)
        count += len(text.split())
    return texts


def test_analysis_words_per_second() -> None:
    texts = _corpus(WORDS)
    words = sum(len(t.split()) for t in texts)
    published = datetime(2025, 3, 14, tzinfo=UTC)
    analyse(texts[0], published)  # load the gazetteers once
    started = time.perf_counter()
    found = 0
    for text in texts:
        result = analyse(text, published)
        found += len(result.entities) + len(result.dates) + len(result.quotes)
    elapsed = time.perf_counter() - started
    rate = words / elapsed
    print(
        f"\nanalysis: {words:,} words in {len(texts):,} texts, {elapsed:.2f} s, "
        f"{rate:,.0f} words/s, {found:,} items"
    )
    assert rate >= 200_000, f"{rate:,.0f} words/s"


def test_store_and_analyse_articles_per_second() -> None:
    rng = random.Random(7)
    store = Store.memory(clock=lambda: datetime(2025, 6, 1, tzinfo=UTC))
    parsed = [
        ParsedArticle(
            title=f"Article {i}",
            body=tuple(_article(rng, 500).split("\n\n")),
            source_key=f"bench/{i}",
            format="text",
            raw_text="",
            published=datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=i),
        )
        for i in range(ARTICLES)
    ]
    started = time.perf_counter()
    for article in parsed:
        with store.transaction():
            article_id, _, _ = store.save_article(article)
            analyse_article(store, article_id)
    elapsed = time.perf_counter() - started
    rate = ARTICLES / elapsed
    print(
        f"\nstore + analysis: {ARTICLES} articles of ~500 words in {elapsed:.2f} s, "
        f"{rate:,.0f} articles/s"
    )
    assert rate >= 100, f"{rate:,.0f} articles/s"
