-- Dense title-and-lead vectors of articles (stored once a store holds several languages).
CREATE TABLE vectors (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    model      TEXT NOT NULL,                 -- encoder name and version
    data       BLOB NOT NULL                  -- float32, little endian
);
