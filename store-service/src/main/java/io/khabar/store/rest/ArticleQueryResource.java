package io.khabar.store.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.events.EventJson;
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

/** The query API: one enriched article by id, and the newest articles with cursor paging. */
@Path("/articles")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Blocking
public class ArticleQueryResource {
    @Inject
    ArticleRepository repository;

    @Inject
    StoreConfig config;

    /** The full enriched article as stored, plus {@code storedAt}. */
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) throws SQLException {
        if (id.length() > 200) {
            return Problem.response(400, "Invalid id", "an article id has at most 200 characters", "id");
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
                .orElseGet(() -> Problem.response(404, "Not found", "no article with id " + id, "id"));
    }

    /**
     * Newest first (publication time, else acceptance time). {@code after} is the {@code next} value of the previous
     * page; {@code next} is absent on the last page.
     */
    @GET
    public Response list(@QueryParam("limit") String limitParam, @QueryParam("after") String after) throws SQLException {
        int limit = config.defaultPageSize();
        if (limitParam != null && !limitParam.isBlank()) {
            try {
                limit = Integer.parseInt(limitParam.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > config.maxPageSize()) {
                return Problem.response(400, "Invalid limit", "limit must be between 1 and " + config.maxPageSize(), "limit");
            }
        }
        PageCursor cursor = null;
        if (after != null && !after.isBlank()) {
            try {
                cursor = PageCursor.decode(after.strip());
            } catch (IllegalArgumentException e) {
                return Problem.response(400, "Invalid cursor", e.getMessage(), "after");
            }
        }
        List<ArticleSummary> items = repository.page(cursor, limit + 1);
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
