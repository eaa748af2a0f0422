package io.khabar.events;

/**
 * Kafka topic names. Versioned: a breaking change to a payload gets a new topic, never an in-place change.
 * Every topic is keyed by article id.
 */
public final class Topics {
    /** Raw articles as producers sent them ({@link ArticleReceived}, or a native/ninjs article written directly). */
    public static final String RAW = "khabar.articles.raw.v1";
    /** {@link ArticleNormalized}: clean text, title, dates. */
    public static final String NORMALIZED = "khabar.articles.normalized.v1";
    /** {@link ArticleEnriched}: language and annotations with offsets into the normalized text. */
    public static final String ENRICHED = "khabar.articles.enriched.v1";
    /** Records no stage could handle, unchanged, with {@link DeadLetterHeaders} giving the reason and origin. */
    public static final String DEAD_LETTER = "khabar.articles.dead-letter.v1";

    /** All topics, in pipeline order. */
    public static final java.util.List<String> ALL = java.util.List.of(RAW, NORMALIZED, ENRICHED, DEAD_LETTER);

    private Topics() {
    }
}
