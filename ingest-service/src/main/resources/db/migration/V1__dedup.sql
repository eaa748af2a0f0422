-- Deduplication state of ingest-service (schema khabar_ingest; see the README, "Deduplication").
-- One row per article id, in the order ingest first saw them: seq decides which of two duplicates is the original.
CREATE TABLE dedup_article (
    article_id text PRIMARY KEY,
    seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    text_hash  text        NOT NULL,
    signature  integer[]   NOT NULL,
    first_seen timestamptz NOT NULL DEFAULT now()
);

-- The first article id seen with each exact normalized text.
CREATE TABLE dedup_text (
    text_hash  text PRIMARY KEY,
    article_id text NOT NULL
);

-- Locality-sensitive buckets of the MinHash signatures: articles sharing a band are near-duplicate candidates.
CREATE TABLE dedup_band (
    band       smallint NOT NULL,
    value      bigint   NOT NULL,
    article_id text     NOT NULL,
    PRIMARY KEY (band, value, article_id)
);

CREATE INDEX dedup_article_first_seen ON dedup_article (first_seen);
