-- The highest article id at which each story last changed (joined, split or merged).  The clusterer
-- retires stories by it, and a split can move a story's newest articles away, so it is kept apart
-- from the story's current members.
ALTER TABLE stories ADD COLUMN last_article_id INTEGER NOT NULL DEFAULT 0;
UPDATE stories SET last_article_id = coalesce((SELECT max(article_id) FROM assignments WHERE story_id = stories.id), 0);
CREATE INDEX stories_last_article ON stories (last_article_id);
