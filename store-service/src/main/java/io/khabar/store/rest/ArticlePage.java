package io.khabar.store.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.khabar.store.persistence.ArticleSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What {@code GET /articles} answers: one page of the list, newest first.
 *
 * @param items     the page's articles
 * @param next      the cursor of the following page ({@code after}); absent on the last page
 * @param entityIds the entity ids the {@code entity} parameter stood for; absent without it
 * @param facets    the requested facets' counts; absent when none was requested
 */
@Schema(description = "One page of articles, newest first (publication time, else acceptance time)")
public record ArticlePage(
        @Schema(required = true, description = "the page's articles") List<ArticleSummary> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "the cursor of the following page, for `after`; absent on the last page") String next,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "the entity ids the `entity` parameter resolved to; absent without `entity`")
        List<String> entityIds,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "the requested facets' top values with counts; absent when `facets` is not given")
        Facets facets) {

    /** The top values of each requested facet, most frequent first; a facet that was not requested is absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "The top values of each requested facet with their counts, most frequent first; only the"
            + " requested facets are present")
    public record Facets(@Schema(description = "entity ids, with type and names") List<FacetValue> entity,
                         @Schema(description = "IPTC Media Topic codes") List<FacetValue> topic,
                         @Schema(description = "sources") List<FacetValue> source,
                         @Schema(description = "languages (BCP 47)") List<FacetValue> language) {
    }

    /** One facet value and how many of the counted articles have it; entities also carry their type and names. */
    @Schema(description = "One facet value and how many of the counted articles have it; entity values carry their"
            + " type and names")
    public record FacetValue(@Schema(required = true) String value,
                             @Schema(required = true) long count,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             @Schema(description = "entity facet: the entity's type") String type,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             @Schema(description = "entity facet: canonical English name, when known") String nameEn,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             @Schema(description = "entity facet: canonical Arabic name, when known") String nameAr) {
    }
}
