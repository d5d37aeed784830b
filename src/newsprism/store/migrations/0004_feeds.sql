-- Feeds the user follows (newsprism feeds add | watch) and every URL that names an article.
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,        -- normalised
    title         TEXT,
    group_label   TEXT,                        -- the user's label: country, language, lean ...
    etag          TEXT,                        -- validators of the last 200 answer (conditional GET)
    last_modified TEXT,
    added_at      TEXT NOT NULL,
    last_polled   TEXT,                        -- ISO 8601, UTC
    last_ok       TEXT,
    last_error    TEXT,                        -- "reason: message" of the last failed poll, NULL after a success
    next_due      REAL NOT NULL DEFAULT 0,     -- epoch seconds of the next poll
    failures      INTEGER NOT NULL DEFAULT 0,  -- failed polls in a row
    articles      INTEGER NOT NULL DEFAULT 0   -- articles ingested from it
);
CREATE INDEX feeds_next_due ON feeds (next_due);

-- Every alias of an article: the URL it was asked for, each redirect, the final URL, the canonical
-- URL and og:url, all normalised.  Duplicate detection looks URLs up here.
CREATE TABLE article_urls (
    url        TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX article_urls_article ON article_urls (article_id);
INSERT OR IGNORE INTO article_urls (url, article_id) SELECT url, id FROM articles WHERE url IS NOT NULL;

-- The feed an article was first found in, and that feed's group label at the time.
CREATE TABLE article_feeds (
    article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    feed_url    TEXT NOT NULL,
    group_label TEXT
);
CREATE INDEX article_feeds_feed ON article_feeds (feed_url);

-- Feed entries that were fetched and refused for good (paywall, robots, wrong type ...): not fetched again.
CREATE TABLE seen_urls (
    url    TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
) WITHOUT ROWID;
