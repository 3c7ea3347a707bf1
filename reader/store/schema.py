"""The store's schema and its migrations, from the first release on.

Each migration is a list of SQL statements that takes the store from version N-1 to N.
``PRAGMA user_version`` and the ``meta`` table both record the version reached.
Foreign keys are declared so that tools such as Datasette show the relations.
"""

from __future__ import annotations

SCHEMA_V1 = [
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source_key TEXT NOT NULL UNIQUE,
        path TEXT,
        url TEXT,
        format TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        raw_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        published_has_time INTEGER NOT NULL DEFAULT 0,
        byline TEXT,
        source TEXT,
        agency TEXT,
        language TEXT,
        raw_text TEXT,
        clean_text TEXT NOT NULL,
        markdown TEXT,
        word_count INTEGER NOT NULL DEFAULT 0,
        reading_minutes INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        analysed_at TEXT,
        analyser TEXT
    )
    """,
    "CREATE INDEX articles_content_hash ON articles(content_hash)",
    "CREATE INDEX articles_published ON articles(published)",
    # The library's default order: newest first, undated articles by import time.
    "CREATE INDEX articles_sort_date ON articles(coalesce(published, imported_at), id)",
    "CREATE INDEX articles_source ON articles(source COLLATE NOCASE)",
    """
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        ignored INTEGER NOT NULL DEFAULT 0,
        origin TEXT NOT NULL DEFAULT 'auto',
        created_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE entity_aliases (
        id INTEGER PRIMARY KEY,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        norm TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT 'auto',
        UNIQUE (entity_id, norm)
    )
    """,
    "CREATE INDEX entity_aliases_norm ON entity_aliases(norm)",
    """
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        metonym_for TEXT
    )
    """,
    "CREATE INDEX mentions_article ON mentions(article_id, start)",
    "CREATE INDEX mentions_entity ON mentions(entity_id)",
    """
    CREATE TABLE dates (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        value TEXT NOT NULL,
        kind TEXT NOT NULL,
        approx INTEGER NOT NULL DEFAULT 0,
        vague INTEGER NOT NULL DEFAULT 0,
        mod TEXT
    )
    """,
    "CREATE INDEX dates_article ON dates(article_id, start)",
    "CREATE INDEX dates_value ON dates(value)",
    """
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        partial INTEGER NOT NULL DEFAULT 0,
        speaker TEXT,
        speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL
    )
    """,
    "CREATE INDEX quotes_article ON quotes(article_id, start)",
    "CREATE INDEX quotes_speaker ON quotes(speaker_entity_id)",
    """
    CREATE TABLE entity_corrections (
        id INTEGER PRIMARY KEY,
        op TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE annotations (
        id INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        exact TEXT,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start INTEGER,
        "end" INTEGER,
        note TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL DEFAULT 'yellow',
        content_hash TEXT,
        status TEXT NOT NULL DEFAULT 'anchored',
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX annotations_article ON annotations(article_id, start)",
    "CREATE INDEX annotations_status ON annotations(status)",
    """
    CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    )
    """,
    """
    CREATE TABLE annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, tag_id)
    )
    """,
    "CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id)",
    """
    CREATE TABLE links (
        id INTEGER PRIMARY KEY,
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        target_kind TEXT,
        target_id INTEGER
    )
    """,
    "CREATE INDEX links_annotation ON links(annotation_id)",
    "CREATE INDEX links_target ON links(target_kind, target_id)",
    # Full-text search over articles (title, clean text) and annotations (quote, note),
    # external-content tables kept in sync by triggers.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, clean_text,
        content='articles', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, clean_text)
        VALUES (new.id, new.title, new.clean_text);
    END
    """,
    """
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, clean_text)
        VALUES ('delete', old.id, old.title, old.clean_text);
    END
    """,
    """
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, clean_text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, clean_text)
        VALUES ('delete', old.id, old.title, old.clean_text);
        INSERT INTO articles_fts(rowid, title, clean_text)
        VALUES (new.id, new.title, new.clean_text);
    END
    """,
    """
    CREATE VIRTUAL TABLE annotations_fts USING fts5(
        exact, note,
        content='annotations', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
        INSERT INTO annotations_fts(rowid, exact, note)
        VALUES (new.id, coalesce(new.exact, ''), new.note);
    END
    """,
    """
    CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
        INSERT INTO annotations_fts(annotations_fts, rowid, exact, note)
        VALUES ('delete', old.id, coalesce(old.exact, ''), old.note);
    END
    """,
    """
    CREATE TRIGGER annotations_fts_update AFTER UPDATE OF exact, note ON annotations BEGIN
        INSERT INTO annotations_fts(annotations_fts, rowid, exact, note)
        VALUES ('delete', old.id, coalesce(old.exact, ''), old.note);
        INSERT INTO annotations_fts(rowid, exact, note)
        VALUES (new.id, coalesce(new.exact, ''), new.note);
    END
    """,
]

MIGRATIONS: list[list[str]] = [SCHEMA_V1]
"""``MIGRATIONS[n]`` takes the store from version ``n`` to ``n + 1``."""

SCHEMA_VERSION = len(MIGRATIONS)
