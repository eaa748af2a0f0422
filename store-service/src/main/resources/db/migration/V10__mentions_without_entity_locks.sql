-- Writes PostgreSQL can absorb (issue #16). article_mention's foreign key to entity checked each mention row with a
-- lookup of its entity that also took a KEY SHARE lock on the entity's row: a dozen rows per article, the same
-- popular entities in every batch, 0.16 ms of the database's CPU per article (a scratch table of 72,000 mention rows
-- of 6,000 articles, docs/benchmarks.md). The only writer, FindingsWriter, upserts every entity of a transaction
-- before the mentions that name it, in the same transaction, and nothing deletes an entity, so the key could never
-- refuse a row. The mention's foreign key to its article stays: it is checked against a row the same transaction
-- has just written, and it takes the article's child rows with it when an operator deletes an article.
ALTER TABLE article_mention DROP CONSTRAINT IF EXISTS article_mention_entity_id_fkey;
