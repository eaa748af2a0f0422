package io.khabar.events;

/** Kafka header names carried by every record on {@link Topics#DEAD_LETTER}. Values are UTF-8 strings. */
public final class DeadLetterHeaders {
    /** Human-readable reason, one line. */
    public static final String REASON = "khabar-dlq-reason";
    /** Exception class that caused the failure. */
    public static final String EXCEPTION = "khabar-dlq-exception";
    /** Stage that gave up: {@code ingest.normalize}, {@code enrich}, {@code store}. */
    public static final String STAGE = "khabar-dlq-stage";
    /** Topic, partition and offset of the original record. */
    public static final String ORIGINAL_TOPIC = "khabar-dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "khabar-dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "khabar-dlq-original-offset";
    /** When the record was dead-lettered, ISO-8601. */
    public static final String FAILED_AT = "khabar-dlq-failed-at";

    private DeadLetterHeaders() {
    }
}
