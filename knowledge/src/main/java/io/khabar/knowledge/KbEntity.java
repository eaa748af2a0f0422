package io.khabar.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One knowledge-base entry: a country, city, region, person, organisation or other named thing, with its names in
 * English and Arabic, its Wikidata and GeoNames identifiers where known, and a prior (prominence) for ranking
 * candidates that share a name.
 *
 * @param id          the Wikidata QID ({@code Q7747}) when known, else {@code khabar:<type>:<slug>} built from the
 *                    normalized English (or else Arabic) name; stable across rebuilds from the same data
 * @param type        the coarse type
 * @param kind        {@code country}, {@code city}, {@code region}, {@code person}, {@code organization}, or
 *                    {@code place} for other places
 * @param nameEn      the canonical English name, or null
 * @param nameAr      the canonical Arabic name, or null
 * @param aliases     full-name aliases in any script, including {@code nameEn} and {@code nameAr}
 * @param shortNames  surname-only forms of persons with a QID ({@code Putin}, {@code بوتين}, {@code الأسد}); empty
 *                    for everything else
 * @param qid         the Wikidata QID, or null
 * @param lat         latitude of a place, or null
 * @param lon         longitude of a place, or null
 * @param countryCode ISO 3166-1 alpha-2 code of a place, or of a person's country where known; or null
 * @param geonamesId  the GeoNames id of a place, or null
 * @param population  population of a place, 0 if unknown
 * @param prior       prominence between 0 and 1 (countries 1.0, cities by log population, heads of state and
 *                    government 0.9, legislators 0.5, name-pair-only entries 0.2)
 */
public record KbEntity(String id,
                       EntityType type,
                       String kind,
                       String nameEn,
                       String nameAr,
                       List<String> aliases,
                       List<String> shortNames,
                       String qid,
                       Double lat, Double lon,
                       String countryCode,
                       Long geonamesId,
                       long population,
                       double prior) {

    public KbEntity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        aliases = List.copyOf(aliases);
        shortNames = List.copyOf(shortNames);
    }

    /** The English name, else the Arabic one, else the id: for logs and messages. */
    public String displayName() {
        return nameEn != null ? nameEn : nameAr != null ? nameAr : id;
    }
}
