package io.khabar.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One entity of an article, with all its mentions: the per-article entity list of {@link ArticleEnriched}.
 *
 * @param id           stable entity id: the Wikidata QID when the knowledge base knows the entity ({@code Q7747}),
 *                     else {@code khabar:<type>:<slug>} from the normalized name and type, the same in every article
 * @param type         PERSON, ORGANIZATION, LOCATION or MISC
 * @param kind         finer kind from the knowledge base (country, city, region, person, organization...), or null
 * @param name         the name as the article writes it (its longest mention)
 * @param nameEn       canonical English name, or null
 * @param nameAr       canonical Arabic name, or null
 * @param qid          Wikidata QID, or null
 * @param latitude     places: WGS84 latitude, or null
 * @param longitude    places: WGS84 longitude, or null
 * @param countryCode  ISO 3166-1 alpha-2 of a place (or of a person's country, where known), or null
 * @param geonamesId   places: GeoNames id, or null
 * @param mentions     the entity's mentions in {@code text}
 * @param adjectives   nisba adjectives and demonyms in {@code text} that refer to this country (الروسي, Russian);
 *                     a relation, not a mention; left out of the JSON when there are none
 * @param inTitle      whether the title names it (left out of the JSON when false)
 * @param salience     0..1: how central the entity is to the article (title and lead weigh more)
 * @param confidence   0..1: how sure recognition and linking are
 * @param linkedBy     {@code kb} when linked to the knowledge base, {@code name} when the id derives from the name
 *                     (since schema version 3 left out of the JSON when {@code name}; read as {@code name} when absent)
 */
public record ArticleEntity(@JsonProperty(required = true) String id, String type, String kind, String name,
                            String nameEn, String nameAr, String qid, Double latitude, Double longitude, String countryCode, Long geonamesId,
                            List<Span> mentions, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Span> adjectives,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean inTitle, double salience,
                            double confidence,
                            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ByName.class)
                            String linkedBy) {
    /** {@link #linkedBy} of an entity whose id derives from its name: the default, left out of the JSON. */
    public static final String BY_NAME = "name";
    /** {@link #linkedBy} of an entity linked to the knowledge base. */
    public static final String BY_KB = "kb";

    public ArticleEntity {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("entity id is required");
        }
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        adjectives = adjectives == null ? List.of() : List.copyOf(adjectives);
        linkedBy = linkedBy == null ? BY_NAME : linkedBy;
    }

    /** Jackson's filter for {@link #linkedBy}: true (left out) for the default, {@link #BY_NAME}. */
    static final class ByName {
        @Override
        public boolean equals(Object value) {
            return value == null || BY_NAME.equals(value);
        }

        @Override
        public int hashCode() {
            return BY_NAME.hashCode();
        }
    }
}
