package io.khabar.events;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param provenance         since version 2: which component, model and knowledge base made the annotations of each
 *                           kind, said once here instead of on every annotation ({@link Provenance}); empty in version 1
 * @param keywords           since version 3: the article's keyphrases, normalized, best first (as IPTC ninjs
 *                           {@code keywords}); left out of the JSON when there are none. Version 1 and 2 records carry
 *                           them as {@code keyword} annotations, which this record reads into this list
 */
public record ArticleEnriched(int schemaVersion, String eventId, String articleId, long revision,
                              String contentHash, Instant receivedAt, Instant normalizedAt, Instant enrichedAt,
                              String source, String url, String title, String text, String language,
                              double languageConfidence, Instant publishedAt, List<String> authors,
                              List<Span> paragraphs, List<Annotation> annotations, List<ArticleEntity> entities,
                              TextFacts facts,
                              PageMetadata metadata, MatchingText matching, Duplicate duplicate,
                              List<Provenance> provenance,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> keywords)
        implements PipelineEvent {
    /**
     * 3: keyphrases as a list of strings, not as annotations; no article-level {@code language} annotation (the event's
     * {@code language} says it). 2: provenance once per event, and no matching layer (consumers compute it from
     * {@code text}). Version 1 and 2 records are read by the same record.
     */
    public static final int SCHEMA_VERSION = 3;

    /** The annotation kind of keyphrases in version 1 and 2 records. */
    public static final String KEYWORD_KIND = "keyword";

    /** An event without a keyword list of its own: its keywords are read from its {@code keyword} annotations. */
    public ArticleEnriched(int schemaVersion, String eventId, String articleId, long revision, String contentHash,
                           Instant receivedAt, Instant normalizedAt, Instant enrichedAt, String source, String url,
                           String title, String text, String language, double languageConfidence,
                           Instant publishedAt, List<String> authors, List<Span> paragraphs,
                           List<Annotation> annotations, List<ArticleEntity> entities, TextFacts facts,
                           PageMetadata metadata, MatchingText matching, Duplicate duplicate,
                           List<Provenance> provenance) {
        this(schemaVersion, eventId, articleId, revision, contentHash, receivedAt, normalizedAt, enrichedAt, source,
                url, title, text, language, languageConfidence, publishedAt, authors, paragraphs, annotations, entities,
                facts, metadata, matching, duplicate, provenance, null);
    }

    /** This event without its matching layer (kept by the store's search index, not in every stored document). */
    @Override
    public ArticleEnriched withoutMatching() {
        return new ArticleEnriched(schemaVersion, eventId, articleId, revision, contentHash, receivedAt, normalizedAt,
                enrichedAt, source, url, title, text, language, languageConfidence, publishedAt, authors, paragraphs,
                annotations, entities, facts, metadata, null, duplicate, provenance, keywords);
    }

    public ArticleEnriched {
        authors = authors == null ? List.of() : List.copyOf(authors);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        entities = entities == null ? List.of() : List.copyOf(entities);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
        keywords = keywords != null && !keywords.isEmpty() ? List.copyOf(keywords) : keywordsOf(annotations);
    }

    /**
     * The values of the {@code keyword} annotations among {@code annotations}, best first, once each: the keywords of
     * a version 1 or 2 record, and how enrich-service makes a version 3 event's from its keyphrase annotations.
     */
    public static List<String> keywordsOf(List<Annotation> annotations) {
        return annotations.stream().filter(a -> KEYWORD_KIND.equals(a.kind()) && a.value() != null)
                .sorted(java.util.Comparator.comparing((Annotation a) -> a.confidence() == null ? 0 : a.confidence())
                        .reversed())
                .map(Annotation::value).distinct().toList();
    }

    /** The provenance of one of this event's annotations, in either schema version (null when none is said). */
    public Provenance provenanceOf(Annotation a) {
        return Provenance.of(a, provenance);
    }
}
