package io.khabar.topics;

/**
 * What the entity recognizer found in an article, reduced to what the topic classifier can use as a prior: the entity
 * type ({@code PERSON}, {@code LOCATION}, {@code ORGANIZATION}) and, where the knowledge base knows it, its kind
 * ({@code politician}, {@code country}, {@code company}, {@code sports team}, ...). Many politicians and countries in
 * one article point to politics or conflict even when its words are few; see {@link TopicClassifier}.
 *
 * @param type entity type, case-insensitive; never null
 * @param kind finer kind, case-insensitive; may be null or empty when unknown
 */
public record EntityHint(String type, String kind) {
    public EntityHint {
        if (type == null) {
            throw new IllegalArgumentException("entity hint type is required");
        }
        kind = kind == null ? "" : kind;
    }
}
