package io.khabar.store.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@code GET /entities/{id}} answers: the entity as the latest stored article describes it, its counts, the
 * entities most often named with it and its daily timeline. Absent values are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One entity: names, links, coordinates, counts, co-occurring entities and a daily timeline;"
        + " absent values are left out")
public record EntityPage(
        @Schema(required = true, description = "Wikidata QID, else khabar:<type>:<slug>") String id,
        @Schema(required = true, description = "PERSON, ORGANIZATION, LOCATION or MISC") String type,
        @Schema(description = "canonical English name (or the name as written, for Latin-script names the knowledge"
                + " base does not know)") String nameEn,
        @Schema(description = "canonical Arabic name (or the name as written, for Arabic-script names the knowledge"
                + " base does not know)") String nameAr,
        @Schema(description = "finer kind from the knowledge base: country, city, person, organization...") String kind,
        @Schema(description = "Wikidata QID") String qid,
        @Schema(required = true, description = "links to other knowledge bases (empty when none)") Links links,
        @Schema(description = "places: WGS84 latitude") Double latitude,
        @Schema(description = "places: WGS84 longitude") Double longitude,
        @Schema(description = "ISO 3166-1 alpha-2") String countryCode,
        @Schema(description = "places: GeoNames id") Long geonamesId,
        @Schema(required = true, description = "when a stored article last changed the entity's row") Instant updatedAt,
        @Schema(required = true, description = "stored articles naming it") long articles,
        @Schema(required = true, description = "its mentions in those articles") long mentions,
        @Schema(required = true, description = "the entities most often named with it (articles in common, over the"
                + " newest 1,000 articles naming it), most first") List<EntityCount> cooccurring,
        @Schema(required = true, description = "mentions and articles per UTC day, every day of the window, oldest"
                + " first") List<TimelineDay> timeline) {

    /** Links to the entity in other knowledge bases; each absent when unknown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The entity in other knowledge bases; each link is absent when unknown")
    public record Links(@Schema(description = "https://www.wikidata.org/wiki/<QID>") String wikidata,
                        @Schema(description = "https://www.geonames.org/<id>") String geonames) {
    }

    /** Another entity and how many articles it shares with this one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Another entity and the number of articles naming both")
    public record EntityCount(@Schema(required = true) String id, @Schema(required = true) String type,
                              String nameEn, String nameAr,
                              @Schema(required = true, description = "articles naming both") long articles) {
    }

    /** One UTC day of the timeline. */
    @Schema(description = "One UTC day of the timeline")
    public record TimelineDay(@Schema(required = true) LocalDate day,
                              @Schema(required = true) long mentions,
                              @Schema(required = true) long articles) {
    }
}
