-- Full-text search over the normalizer's matching layer (issue #7, first part): the title's forms (weight A) and the
-- text's forms and proclitic-stripped stems, with the 'simple' configuration (no stemming: PostgreSQL's 'arabic'
-- stemmer mangles names, and the matching layer already unified hamza, ya, teh marbuta, diacritics and clitics).
ALTER TABLE article ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;
CREATE INDEX article_search ON article USING gin (search);
