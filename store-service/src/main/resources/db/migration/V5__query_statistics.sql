-- Full-text queries on 100,000 articles (./khabar query-bench, docs/benchmarks.md): with the default statistics target
-- PostgreSQL guesses that a word it has no statistics for matches 500 articles, reads the table newest first and
-- checks every search vector; a rare or absent word then costs 0.6-1 s. With a larger most-common-elements list it
-- knows rare words are rare and uses the GIN index (5.7 ms for a rare word, 1.5 ms for an absent one).
-- No ANALYZE here: on a new, empty table it would record zero rows, and the foreign-key checks of the first bulk load
-- would then plan sequential scans of article (seen: the load fell from 222 to 60 articles/s). Autovacuum's analyze
-- uses the new target.
ALTER TABLE article ALTER COLUMN search SET STATISTICS 1000;

-- The entity page's co-occurrences look up the mentions of the entity's newest articles: by entity, newest first.
CREATE INDEX article_mention_entity_newest ON article_mention (entity_id, mentioned_at DESC, article_id DESC);
