package io.khabar.store.rest;

import io.khabar.http.Problem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.events.EventJson;
import io.khabar.normalize.matching.MatchingAnalyzer;
import io.khabar.store.config.StoreConfig;
import io.khabar.store.persistence.ArticleRepository;
import io.khabar.store.persistence.ArticleSummary;
import io.khabar.store.persistence.PageCursor;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.smallrye.common.annotation.Blocking;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query API: one enriched article by id, and the newest articles with cursor paging and full-text search. */
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

    static final int MAX_QUERY_CHARS = 200;

    /** The full enriched article as stored, plus {@code storedAt}. */
    @GET
    @Path("/{id}")
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
     * not matter (موسكو finds لموسكو, الاسد finds الأسد and بالأسد).
     */
    @GET
    public Response list(@QueryParam("limit") String limitParam, @QueryParam("after") String after,
                         @QueryParam("q") String q) throws SQLException {
        String words = null;
        if (q != null && !q.isBlank()) {
            if (q.length() > MAX_QUERY_CHARS) {
                return Problem.forParameter(400, "Invalid query", "q has at most " + MAX_QUERY_CHARS + " characters", "q");
            }
            words = matching.stems(q);
            if (words.isBlank()) {
                return Problem.forParameter(400, "Invalid query", "q has no letters or digits to search for", "q");
            }
        }
        int limit = config.defaultPageSize();
        if (limitParam != null && !limitParam.isBlank()) {
            try {
                limit = Integer.parseInt(limitParam.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > config.maxPageSize()) {
                return Problem.forParameter(400, "Invalid limit", "limit must be between 1 and " + config.maxPageSize(), "limit");
            }
        }
        PageCursor cursor = null;
        if (after != null && !after.isBlank()) {
            try {
                cursor = PageCursor.decode(after.strip());
            } catch (IllegalArgumentException e) {
                return Problem.forParameter(400, "Invalid cursor", e.getMessage(), "after");
            }
        }
        List<ArticleSummary> items = repository.page(cursor, words, limit + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        boolean more = items.size() > limit;
        List<ArticleSummary> page = more ? items.subList(0, limit) : items;
        body.put("items", page);
        if (more) {
            ArticleSummary last = page.get(page.size() - 1);
            repository.cursorOf(last.id()).ifPresent(c -> body.put("next", c.encode()));
        }
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
