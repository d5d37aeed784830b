-- newsprism schema v1: articles, their features, stories and assignments.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,          -- arrival order
    external_id  TEXT NOT NULL,
    url          TEXT,
    outlet       TEXT,
    title        TEXT NOT NULL,
    text         TEXT NOT NULL,                -- clean body: spans index it
    published    TEXT,                         -- ISO 8601, UTC
    language     TEXT,
    author       TEXT,
    content_hash TEXT NOT NULL,
    origin       TEXT NOT NULL,
    flags        TEXT NOT NULL DEFAULT '',
    ingested_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash);
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_external_id ON articles (external_id);

CREATE TABLE features (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    version    TEXT NOT NULL,                  -- e.g. newsprism.LexicalFeatures.v1
    data       TEXT NOT NULL                   -- JSON
);

CREATE TABLE stories (
    id              INTEGER PRIMARY KEY,
    label           TEXT NOT NULL,
    size            INTEGER NOT NULL,
    outlets         TEXT NOT NULL DEFAULT '[]',  -- JSON list
    languages       TEXT NOT NULL DEFAULT '[]',  -- JSON list
    first_published TEXT,
    last_published  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 0   -- bumped whenever its articles change
);
CREATE INDEX stories_updated ON stories (updated_at);

CREATE TABLE assignments (
    article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id    INTEGER NOT NULL REFERENCES stories (id),
    copy_of     INTEGER REFERENCES articles (id),
    relation    TEXT,
    explanation TEXT NOT NULL,                 -- JSON
    state       TEXT NOT NULL DEFAULT '{}',    -- JSON: what the clusterer needs to restore itself
    version     TEXT NOT NULL,                 -- clusterer name and version
    assigned_at TEXT NOT NULL
);
CREATE INDEX assignments_story ON assignments (story_id);

CREATE TABLE story_events (
    id             INTEGER PRIMARY KEY,
    story_id       INTEGER NOT NULL,
    kind           TEXT NOT NULL,              -- split
    other_story_id INTEGER,
    articles       TEXT NOT NULL,              -- JSON list of article ids
    note           TEXT NOT NULL,
    at             TEXT NOT NULL
);
CREATE INDEX story_events_story ON story_events (story_id);

CREATE TABLE term_df (
    field TEXT NOT NULL,
    term  TEXT NOT NULL,
    df    INTEGER NOT NULL,
    PRIMARY KEY (field, term)
) WITHOUT ROWID;
