package io.khabar.store.rest;

import io.khabar.http.Problem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.events.EventJson;
import io.khabar.normalize.matching.MatchingAnalyzer;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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

    /** The full enriched article as stored, plus {@code storedAt}. */
    @GET
    @Path("/{id: .+}")
    @Operation(summary = "One enriched article as stored, plus storedAt")
    @APIResponse(responseCode = "404", description = "no such article", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") String id) throws SQLException {
        if (id.length() > 200) {
            return Problem.forParameter(400, "Invalid id", "an article id has at most 200 characters", "id");
        }
        return repository.find(id)
                .map(doc -> {
                    try {
                        ObjectNode node = (ObjectNode) EventJson.mapper().readTree(doc.json());
                        node.put("storedAt", doc.storedAt().toString());
                        return Response.ok(node, MediaType.APPLICATION_JSON).build();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("stored document of " + id + " is not JSON", e);
                    }
                })
                .orElseGet(() -> Problem.forParameter(404, "Not found", "no article with id " + id, "id"));
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
    @APIResponse(responseCode = "200", description = "{items, next?, entityIds? (what entity resolved to), facets?}")
    @APIResponse(responseCode = "400", description = "a parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response list(
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
                return Problem.forParameter(400, "Invalid cursor", e.getMessage(), "after");
            }
        }
        Set<ArticleRepository.Facet> facetSet = facets(facets);

        List<ArticleSummary> items = repository.page(filter, cursor, limit + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        boolean more = items.size() > limit;
        List<ArticleSummary> page = more ? items.subList(0, limit) : items;
        body.put("items", page);
        if (more) {
            ArticleSummary last = page.get(page.size() - 1);
            repository.cursorOf(last.id()).ifPresent(c -> body.put("next", c.encode()));
        }
        if (entityIds != null) {
            body.put("entityIds", entityIds);
        }
        if (!facetSet.isEmpty()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            repository.facets(filter, facetSet, FACET_TOP, config.facetScanLimit()).forEach((facet, values) ->
                    counts.put(facet.name().toLowerCase(Locale.ROOT), values.stream().map(v -> facetValue(facet, v)).toList()));
            body.put("facets", counts);
        }
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
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

    private static Map<String, Object> facetValue(ArticleRepository.Facet facet, ArticleRepository.FacetCount v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v.value());
        m.put("count", v.count());
        if (facet == ArticleRepository.Facet.ENTITY) {
            m.put("type", v.type());
            if (v.nameEn() != null) {
                m.put("nameEn", v.nameEn());
            }
            if (v.nameAr() != null) {
                m.put("nameAr", v.nameAr());
            }
        }
        return m;
    }
}
