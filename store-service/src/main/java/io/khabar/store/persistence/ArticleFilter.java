package io.khabar.store.persistence;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /articles} narrows the list to; every member is optional (null: no condition) and all given ones
 * must hold.
 *
 * @param words      matching-layer words that must all occur in the title or text
 * @param entityIds  the article names at least one of these entities (an empty list matches nothing)
 * @param entityType the article names an entity of this type (PERSON, ORGANIZATION, LOCATION, MISC)
 * @param language   the article's language tag, exactly
 * @param source     the article's source, exactly
 * @param topic      the article carries this IPTC Media Topic code
 * @param country    the article names a place (type LOCATION) in this country (ISO 3166-1 alpha-2, upper case)
 * @param bbox       the article names a place whose coordinates lie in this box
 * @param from       publication time at or after this (articles without a publication time never match)
 * @param to         publication time before this
 */
public record ArticleFilter(String words, List<String> entityIds, String entityType, String language, String source,
                            String topic, String country, BoundingBox bbox, Instant from, Instant to) {
    public static final ArticleFilter NONE = new ArticleFilter(null, null, null, null, null, null, null, null, null, null);

    /** The same filter without its entity condition. */
    public ArticleFilter withoutEntities() {
        return new ArticleFilter(words, null, entityType, language, source, topic, country, bbox, from, to);
    }

    /**
     * A WGS84 box. {@code minLon > maxLon} means the box crosses the antimeridian (170,-10,-170,10).
     */
    public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
    }
}
