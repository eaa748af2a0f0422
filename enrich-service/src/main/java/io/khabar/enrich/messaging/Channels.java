package io.khabar.enrich.messaging;

/** Reactive Messaging channel names of enrich-service (topics are set in application.properties). */
public final class Channels {
    /** Incoming from {@code khabar.articles.normalized.v1}. */
    public static final String NORMALIZED_IN = "normalized-in";
    /** Outgoing to {@code khabar.articles.enriched.v1}. */
    public static final String ENRICHED_OUT = "enriched-out";
    /** Stage name in metrics and dead-letter headers. */
    public static final String STAGE = "enrich";

    private Channels() {
    }
}
