-- Cached per-story analyses (comparison, summary): recomputed when the story's revision or the
-- stage version changes.
CREATE TABLE analyses (
    story_id   INTEGER NOT NULL,
    kind       TEXT NOT NULL,             -- comparison | summary
    version    TEXT NOT NULL,             -- name and version of the stage that made it
    revision   INTEGER NOT NULL,          -- stories.revision it was made from
    data       TEXT NOT NULL,             -- JSON
    created_at TEXT NOT NULL,
    PRIMARY KEY (story_id, kind)
);
