package io.khabar.store.rest;

import io.khabar.http.Problem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.EventJson;
import io.khabar.matching.MatchingAnalyzer;
import io.khabar.store.config.StoreConfig;
import io.khabar.store.rest.auth.ReadAccess;
import io.khabar.store.persistence.ArticleFilter;
import io.khabar.store.persistence.ArticleRepository;
import io.khabar.store.persistence.EntityRepository;
import io.khabar.store.persistence.ArticleSummary;
import io.khabar.store.persistence.PageCursor;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Map;

/** The query API: one enriched article by id, and the newest articles with filters, facets and cursor paging. */
@ReadAccess
@Path("/articles")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Blocking
public class ArticleQueryResource {
    @Inject
    ArticleRepository repository;

    @Inject
    StoreConfig config;

    @Inject
    MatchingAnalyzer matching;

    @Inject
    EntityRepository entities;

    /**
     * The full enriched article as stored, plus {@code storedAt}; or, to {@code Accept: application/ninjs+json}, the
     * article as an IPTC ninjs 3.1 document ({@link Ninjs}). The stored JSON is the default (no Accept header, a
     * wildcard, {@code application/json}); an Accept header that allows neither is a 406.
     */
    @GET
    @Path("/{id: .+}")
    @Produces({MediaType.APPLICATION_JSON, Ninjs.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @Operation(summary = "One enriched article as stored, plus storedAt; or as IPTC ninjs 3.1 (Accept:"
            + " application/ninjs+json)")
    @APIResponse(responseCode = "200", description = "the article: as stored (application/json, the default) or as"
            + " ninjs 3.1 (application/ninjs+json)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredArticle.class)),
            @Content(mediaType = Ninjs.MEDIA_TYPE, schema = @Schema(implementation = Ninjs.class))})
    @APIResponse(responseCode = "400", description = "the id is longer than 200 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "the Accept header allows neither application/json nor"
            + " application/ninjs+json")
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) throws SQLException {
        if (id.length() > 200) {
            return Problem.forParameter(400, "Invalid id", "an article id has at most 200 characters", "id");
        }
        boolean ninjs = prefersNinjs(headers.getAcceptableMediaTypes());
        return repository.find(id)
                .map(doc -> {
                    try {
                        if (ninjs) {
                            ArticleEnriched a = EventJson.mapper().readValue(doc.json(), ArticleEnriched.class);
                            return Response.ok(Ninjs.of(a), Ninjs.MEDIA_TYPE).build();
                        }
                        ObjectNode node = (ObjectNode) EventJson.mapper().readTree(doc.json());
                        node.put("storedAt", doc.storedAt().toString());
                        return Response.ok(node, MediaType.APPLICATION_JSON).build();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("stored document of " + id + " is not JSON", e);
                    }
                })
                .orElseGet(() -> Problem.forParameter(404, "Not found", "no article with id " + id, "id"));
    }

    private static final MediaType NINJS = MediaType.valueOf(Ninjs.MEDIA_TYPE);

    /**
     * Whether the most preferred acceptable type (the list is ordered by quality, then specificity) names ninjs
     * before anything JSON would satisfy; wildcards and {@code application/json} mean the stored JSON.
     */
    static boolean prefersNinjs(List<MediaType> acceptable) {
        for (MediaType m : acceptable) {
            if (refused(m)) {
                continue;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (!m.isWildcardType() && !m.isWildcardSubtype() && m.isCompatible(NINJS)) {
                return true;
            }
        }
        return false;
    }

    /** {@code q=0}: not acceptable. */
    private static boolean refused(MediaType m) {
        String q = m.getParameters().get("q");
        try {
            return q != null && Double.parseDouble(q.strip()) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Newest first (publication time, else acceptance time). {@code after} is the {@code next} value of the previous
     * page; {@code next} is absent on the last page. {@code q}: words that must all occur in the title or text, matched
     * on the normalizer's matching forms, so hamza and ya variants, diacritics, case, accents and Arabic proclitics do
     * not matter (موسكو finds لموسكو, الاسد finds الأسد and بالأسد). Every other filter narrows the list further; all
     * are conditions on single articles, so paging under filters has no gaps and no duplicates.
     */
    @GET
    @Operation(summary = "Newest articles, filtered, with cursor paging and optional facet counts")
    @APIResponse(responseCode = "200", description = "{items, next?, entityIds? (what entity resolved to), facets?}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "400", description = "a parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArticlePage list(
            @Parameter(description = "page size, 1 to khabar.store.max-page-size (200); default 20")
            @QueryParam("limit") String limitParam,
            @Parameter(description = "the next value of the previous page") @QueryParam("after") String after,
            @BeanParam ArticleFilterParams filters,
            @Parameter(description = "comma-separated: entity, topic, source, language; the top 10 values of each"
                    + " over the filtered articles (at most the newest khabar.store.facet-scan-limit)")
            @QueryParam("facets") String facets) throws SQLException {
        ArticleFilterParams.Parsed parsed = filters.parse(matching, entities);
        ArticleFilter filter = parsed.filter();
        List<String> entityIds = parsed.entityIds();
        int limit = QueryParams.integer("limit", limitParam, config.defaultPageSize(), 1, config.maxPageSize());
        PageCursor cursor = null;
        if (!QueryParams.absent(after)) {
            try {
                cursor = PageCursor.decode(after.strip());
            } catch (IllegalArgumentException e) {
                throw new BadParameter("after", "Invalid cursor", e.getMessage());
            }
        }
        Set<ArticleRepository.Facet> facetSet = facets(facets);

        List<ArticleSummary> items = repository.page(filter, cursor, limit + 1);
        boolean more = items.size() > limit;
        List<ArticleSummary> page = more ? items.subList(0, limit) : items;
        String next = null;
        if (more) {
            next = repository.cursorOf(page.get(page.size() - 1).id()).map(PageCursor::encode).orElse(null);
        }
        ArticlePage.Facets counts = null;
        if (!facetSet.isEmpty()) {
            Map<ArticleRepository.Facet, List<ArticlePage.FacetValue>> byFacet =
                    new EnumMap<>(ArticleRepository.Facet.class);
            repository.facets(filter, facetSet, FACET_TOP, config.facetScanLimit()).forEach((facet, values) ->
                    byFacet.put(facet, values.stream().map(v -> facetValue(facet, v)).toList()));
            counts = new ArticlePage.Facets(byFacet.get(ArticleRepository.Facet.ENTITY),
                    byFacet.get(ArticleRepository.Facet.TOPIC), byFacet.get(ArticleRepository.Facet.SOURCE),
                    byFacet.get(ArticleRepository.Facet.LANGUAGE));
        }
        return new ArticlePage(List.copyOf(page), next, entityIds, counts);
    }

    static final int FACET_TOP = 10;

    private static Set<ArticleRepository.Facet> facets(String value) {
        Set<ArticleRepository.Facet> out = EnumSet.noneOf(ArticleRepository.Facet.class);
        if (QueryParams.absent(value)) {
            return out;
        }
        if (value.length() > 100) {
            throw new BadParameter("facets", "Invalid facets", "facets has at most 100 characters");
        }
        for (String name : value.split(",")) {
            String n = name.strip().toUpperCase(Locale.ROOT);
            if (n.isEmpty()) {
                continue;
            }
            try {
                out.add(ArticleRepository.Facet.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new BadParameter("facets", "Invalid facets",
                        "facets is a comma-separated list of entity, topic, source, language");
            }
        }
        return out;
    }

    private static ArticlePage.FacetValue facetValue(ArticleRepository.Facet facet, ArticleRepository.FacetCount v) {
        boolean entity = facet == ArticleRepository.Facet.ENTITY;
        return new ArticlePage.FacetValue(v.value(), v.count(), entity ? v.type() : null, entity ? v.nameEn() : null,
                entity ? v.nameAr() : null);
    }
}
