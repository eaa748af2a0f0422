package io.khabar.store.messaging;

/** Reactive Messaging channel names of store-service (topics are set in application.properties). */
public final class Channels {
    /** Incoming from {@code khabar.articles.enriched.v1}. */
    public static final String ENRICHED_IN = "enriched-in";
    /** Stage name in metrics and dead-letter headers. */
    public static final String STAGE = "store";

    private Channels() {
    }
}
