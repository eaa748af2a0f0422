-- One row per article, keyed by the stable article id. The full enriched event is kept as JSONB; the columns serve
-- ordering, paging and filtering.
CREATE TABLE article (
    id            text        PRIMARY KEY,
    revision      bigint      NOT NULL,
    content_hash  text        NOT NULL,
    source        text        NOT NULL,
    url           text,
    title         text        NOT NULL,
    language      text        NOT NULL,
    published_at  timestamptz,
    received_at   timestamptz NOT NULL,
    enriched_at   timestamptz NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- Newest-first order: publication time when known, else acceptance time.
    sort_at       timestamptz NOT NULL,
    document      jsonb       NOT NULL
);

CREATE INDEX article_newest_first ON article (sort_at DESC, id DESC);
