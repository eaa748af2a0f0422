package io.khabar.events;

/**
 * CloudEvents {@code ce_type}, {@code ce_source} and {@code ce_dataschema} values written in binary mode on each topic.
 * Each type's JSON Schema (draft 2020-12, generated from the records by {@code EventSchemasTest}) is in this module's
 * jar at {@link #schemaResource(String)} and in the repository under {@code events/src/main/resources/schemas/}; its
 * {@code $id} is the type's {@link #dataSchema(String)}.
 */
public final class CloudEventTypes {
    public static final String RECEIVED = "io.khabar.article.received.v1";
    /** Schema version 2 (no matching layer); records of {@code ...normalized.v1} may still be on the topic. */
    public static final String NORMALIZED = "io.khabar.article.normalized.v2";
    /**
     * Schema version 3 (keywords as strings; since version 2, provenance once per event and no matching layer);
     * {@code ...enriched.v2} and {@code ...enriched.v1} records may remain.
     */
    public static final String ENRICHED = "io.khabar.article.enriched.v3";

    public static final String SOURCE_INGEST = "urn:khabar:ingest-service";
    public static final String SOURCE_ENRICH = "urn:khabar:enrich-service";

    /** Every type this pipeline writes, in pipeline order. */
    public static final java.util.List<String> ALL = java.util.List.of(RECEIVED, NORMALIZED, ENRICHED);

    private static final String DATA_SCHEMA_PREFIX = "urn:khabar:schema:";

    /** The {@code ce_dataschema} of a type: {@code urn:khabar:schema:<ce_type>}, the {@code $id} of its schema. */
    public static String dataSchema(String ceType) {
        return DATA_SCHEMA_PREFIX + ceType;
    }

    /**
     * Where a {@code ce_dataschema} value's schema lies on the classpath ({@code /schemas/<ce_type>.schema.json}).
     *
     * @throws IllegalArgumentException for a value that is not a Khabar data schema
     */
    public static String schemaResource(String dataSchema) {
        if (dataSchema == null || !dataSchema.startsWith(DATA_SCHEMA_PREFIX)) {
            throw new IllegalArgumentException("not a Khabar data schema: " + dataSchema);
        }
        return "/schemas/" + dataSchema.substring(DATA_SCHEMA_PREFIX.length()) + ".schema.json";
    }

    private CloudEventTypes() {
    }
}
