-- Position of each stored article version in the SSE stream (GET /stream/articles): a new value on every insert and on
-- every real update (an older or replayed version leaves the row, and its position, as they are). Writers take a
-- transaction-level advisory lock before drawing a value, so values become visible in the order they are drawn and a
-- reader that has seen position N never later finds a committed row below N (ArticleRepository.upsert).
CREATE SEQUENCE article_stream_seq AS bigint;
ALTER TABLE article ADD COLUMN stream_seq bigint;
-- Existing rows in storage order.
UPDATE article a SET stream_seq = o.n
FROM (SELECT id, row_number() OVER (ORDER BY stored_at, id) AS n FROM article) o
WHERE a.id = o.id;
SELECT setval('article_stream_seq', coalesce((SELECT max(stream_seq) FROM article), 0) + 1, false);
ALTER TABLE article ALTER COLUMN stream_seq SET DEFAULT nextval('article_stream_seq');
ALTER TABLE article ALTER COLUMN stream_seq SET NOT NULL;
ALTER SEQUENCE article_stream_seq OWNED BY article.stream_seq;
CREATE UNIQUE INDEX article_stream ON article (stream_seq);
