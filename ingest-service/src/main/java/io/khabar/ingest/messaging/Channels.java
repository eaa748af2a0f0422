package io.khabar.ingest.messaging;

/** Reactive Messaging channel names of ingest-service (topics are set in application.properties). */
public final class Channels {
    /** Outgoing to {@code khabar.articles.raw.v1}: articles accepted over HTTP. */
    public static final String RAW_OUT = "raw-out";
    /** Incoming from {@code khabar.articles.raw.v1}. */
    public static final String RAW_IN = "raw-in";
    /** Outgoing to {@code khabar.articles.normalized.v1}. */
    public static final String NORMALIZED_OUT = "normalized-out";
    /** Stage name in metrics and dead-letter headers. */
    public static final String STAGE = "ingest.normalize";

    private Channels() {
    }
}
