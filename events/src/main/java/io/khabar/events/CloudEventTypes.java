package io.khabar.events;

/** CloudEvents {@code ce_type} and {@code ce_source} values written in binary mode on each topic. */
public final class CloudEventTypes {
    public static final String RECEIVED = "io.khabar.article.received.v1";
    /** Schema version 2 (no matching layer); records of {@code ...normalized.v1} may still be on the topic. */
    public static final String NORMALIZED = "io.khabar.article.normalized.v2";
    /** Schema version 2 (provenance once per event, no matching layer); {@code ...enriched.v1} records may remain. */
    public static final String ENRICHED = "io.khabar.article.enriched.v2";

    public static final String SOURCE_INGEST = "urn:khabar:ingest-service";
    public static final String SOURCE_ENRICH = "urn:khabar:enrich-service";

    private CloudEventTypes() {
    }
}
