package io.khabar.events;

import java.time.Instant;
import java.util.List;

/**
 * enrich-service described an article. Carries everything of {@link ArticleNormalized} that consumers need, plus the
 * detected language and a list of {@link Annotation}s whose offsets index {@code text}.
 *
 * @param schemaVersion      the schema version: {@link #SCHEMA_VERSION} as this code writes it
 * @param eventId            unique id of this event (UUID)
 * @param articleId          stable article id, also the Kafka key
 * @param revision           copied from {@link ArticleNormalized#revision()}
 * @param contentHash        copied from {@link ArticleNormalized#contentHash()}
 * @param receivedAt         when ingest-service accepted the article (end-to-end latency starts here)
 * @param normalizedAt       when ingest-service normalized it
 * @param enrichedAt         when this event was produced
 * @param source             producing newsroom or feed
 * @param url                canonical URL, may be null
 * @param title              clean title
 * @param text               clean body text
 * @param language           detected language (BCP 47), or {@code und} when undetermined
 * @param languageConfidence 0..1
 * @param publishedAt        publication time, may be null
 * @param authors            bylines
 * @param paragraphs         paragraph spans into {@code text}
 * @param annotations        findings with offsets into {@code text}
 * @param entities           the article's entities, one row each with all its mentions, salience and links
 * @param facts              copied from {@link ArticleNormalized#facts()}
 * @param metadata           copied from {@link ArticleNormalized#metadata()}
 * @param matching           version 1 only: the matching layer; absent from version 2 events
 * @param duplicate          copied from {@link ArticleNormalized#duplicate()}
 * @param provenance         version 2: which component, model and knowledge base made the annotations of each kind,
 *                           said once here instead of on every annotation ({@link Provenance}); empty in version 1
 */
public record ArticleEnriched(int schemaVersion, String eventId, String articleId, long revision,
                              String contentHash, Instant receivedAt, Instant normalizedAt, Instant enrichedAt,
                              String source, String url, String title, String text, String language,
                              double languageConfidence, Instant publishedAt, List<String> authors,
                              List<Span> paragraphs, List<Annotation> annotations, List<ArticleEntity> entities,
                              TextFacts facts,
                              PageMetadata metadata, MatchingText matching, Duplicate duplicate,
                              List<Provenance> provenance) implements PipelineEvent {
    /**
     * 2: provenance once per event, and no matching layer (consumers compute it from {@code text}). Version 1 records
     * (provenance on every annotation, the matching layer included) are read by the same record.
     */
    public static final int SCHEMA_VERSION = 2;

    /** This event without its matching layer (kept by the store's search index, not in every stored document). */
    @Override
    public ArticleEnriched withoutMatching() {
        return new ArticleEnriched(schemaVersion, eventId, articleId, revision, contentHash, receivedAt, normalizedAt,
                enrichedAt, source, url, title, text, language, languageConfidence, publishedAt, authors, paragraphs,
                annotations, entities, facts, metadata, null, duplicate, provenance);
    }

    public ArticleEnriched {
        authors = authors == null ? List.of() : List.copyOf(authors);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        entities = entities == null ? List.of() : List.copyOf(entities);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
    }

    /** The provenance of one of this event's annotations, in either schema version (null when none is said). */
    public Provenance provenanceOf(Annotation a) {
        return Provenance.of(a, provenance);
    }
}
