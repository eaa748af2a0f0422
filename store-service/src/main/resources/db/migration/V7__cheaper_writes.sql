-- Writes PostgreSQL can absorb (issue #16).
-- 1. article_mention_entity (entity_id, mentioned_at) duplicates article_mention_entity_newest (entity_id,
--    mentioned_at DESC, article_id DESC), which serves the same equality-and-range lookups (an entity's timeline, its
--    articles newest first) read in either direction: one index less to maintain on every mention row.
DROP INDEX IF EXISTS article_mention_entity;

-- 2. The stored document (a few KB of JSON per article) and its search vector are compressed with lz4 instead of
--    pglz: about as small, several times cheaper in CPU to write and to read. Only where this server was built with lz4 (the
--    setting lists it); elsewhere the default stays.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE article ALTER COLUMN document SET COMPRESSION lz4, ALTER COLUMN search SET COMPRESSION lz4;
    END IF;
END
$$;
