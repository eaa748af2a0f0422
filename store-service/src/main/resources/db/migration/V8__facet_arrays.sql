-- Facets (issue #16): GET /articles?facets= counts entities and topics over the newest matching articles (at most
-- khabar.store.facet-scan-limit). Counting them through article_mention and article_topic took one index probe per
-- counted article, and a heap visit per mention row wherever the visibility map was not yet set: 400-700 ms at p95 on
-- 100,000 articles (./khabar query-bench). The article row now carries its entity ids and topics, written with it in
-- the same statement (ArticleRepository.UPSERT, the same values as its article_mention and article_topic rows), so a
-- facet reads them from the rows it already reads. The child tables stay: they serve the entity page, trending and
-- the entity and topic filters.
ALTER TABLE article ADD COLUMN entity_ids text[] NOT NULL DEFAULT '{}',
                    ADD COLUMN topics     text[] NOT NULL DEFAULT '{}';

-- Existing rows: from their child rows (one pass; rows without findings keep the empty default).
UPDATE article a
SET entity_ids = coalesce((SELECT array_agg(m.entity_id ORDER BY m.entity_id) FROM article_mention m
                           WHERE m.article_id = a.id), '{}'),
    topics     = coalesce((SELECT array_agg(t.topic ORDER BY t.topic) FROM article_topic t
                           WHERE t.article_id = a.id), '{}')
WHERE EXISTS (SELECT 1 FROM article_mention m WHERE m.article_id = a.id)
   OR EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id);
