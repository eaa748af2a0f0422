package io.khabar.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether ingest-service has seen this story before, under another article id.
 *
 * @param status     {@code unique}, {@code exact} (same normalized text), {@code near} (a light rewrite: MinHash
 *                   similarity over word shingles of the matching layer at or above the threshold), or
 *                   {@code unchecked} (the dedup store was unavailable; the article was passed on unmarked)
 * @param of         the article id first seen with this text, null when {@code unique} or {@code unchecked}
 * @param similarity estimated Jaccard similarity of word shingles with {@code of} (1.0 for exact), 0 otherwise (left
 *                   out of the JSON when 0)
 */
public record Duplicate(String status, String of,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) double similarity) {
    public static final String UNIQUE = "unique";
    public static final String EXACT = "exact";
    public static final String NEAR = "near";
    public static final String UNCHECKED = "unchecked";

    public static Duplicate unique() {
        return new Duplicate(UNIQUE, null, 0);
    }
}
