-- Entities, their mentions, and the article's topics, quotes and dates as rows. Written in the
-- same transaction as the article upsert, and only when the article row was inserted or replaced: a real update
-- deletes the article's child rows and writes the new version's, so an older or replayed version never touches them.

-- One row per entity id (Wikidata QID or khabar:<type>:<slug>), as the most recently stored article describes it
-- (a value an article leaves out is kept).
CREATE TABLE entity (
    id            text             PRIMARY KEY,
    type          text             NOT NULL,
    kind          text,
    name_en       text,
    name_ar       text,
    qid           text,
    latitude      double precision,
    longitude     double precision,
    country_code  text,
    geonames_id   bigint,
    updated_at    timestamptz      NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX entity_type ON entity (type);
CREATE INDEX entity_country ON entity (country_code) WHERE country_code IS NOT NULL;
CREATE INDEX entity_coordinates ON entity (longitude, latitude) WHERE latitude IS NOT NULL AND longitude IS NOT NULL;

-- Every name an entity was seen under (canonical English and Arabic names, the name as articles write it, each
-- mention's text), as matching-layer forms (lower-cased, accent-folded, Arabic letter variants unified), for resolving
-- `GET /articles?entity=<name>`. Only ever added to.
CREATE TABLE entity_alias (
    form       text NOT NULL,
    entity_id  text NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
    PRIMARY KEY (form, entity_id)
);
CREATE INDEX entity_alias_words ON entity_alias USING gin (to_tsvector('simple', form));

-- One row per (article, entity): how often and how centrally the article names it. mentioned_at is the article's
-- publication time, else the time it was stored: the clock of the timeline and of trending.
CREATE TABLE article_mention (
    article_id     text        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    entity_id      text        NOT NULL REFERENCES entity (id),
    mention_count  integer     NOT NULL,
    first_start    integer,
    first_end      integer,
    salience       real        NOT NULL,
    in_title       boolean     NOT NULL,
    mentioned_at   timestamptz NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_mention_entity ON article_mention (entity_id, mentioned_at);
CREATE INDEX article_mention_time ON article_mention (mentioned_at);

-- IPTC Media Topics of an article (annotations of kind topic), with their scores.
CREATE TABLE article_topic (
    article_id  text NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    topic       text NOT NULL,
    score       real,
    PRIMARY KEY (article_id, topic)
);
CREATE INDEX article_topic_topic ON article_topic (topic, article_id);

-- Quotes (annotations of kind quote): the span, the speaker's entity id when one was found, direct or indirect.
CREATE TABLE article_quote (
    article_id    text    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start_offset  integer NOT NULL,
    end_offset    integer NOT NULL,
    speaker_id    text,
    speaker_name  text,
    type          text,
    PRIMARY KEY (article_id, start_offset, end_offset)
);
CREATE INDEX article_quote_speaker ON article_quote (speaker_id) WHERE speaker_id IS NOT NULL;

-- Dates the text mentions (annotations of kind date): the ISO value (day, week, month or year; null when unanchored).
CREATE TABLE article_date (
    article_id    text    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    start_offset  integer NOT NULL,
    end_offset    integer NOT NULL,
    value         text,
    type          text,
    granularity   text,
    PRIMARY KEY (article_id, start_offset, end_offset)
);
CREATE INDEX article_date_value ON article_date (value) WHERE value IS NOT NULL;

-- Filters of GET /articles on article columns, in the list's order.
CREATE INDEX article_source_newest ON article (source, sort_at DESC, id DESC);
CREATE INDEX article_language_newest ON article (language, sort_at DESC, id DESC);
CREATE INDEX article_published ON article (published_at);
