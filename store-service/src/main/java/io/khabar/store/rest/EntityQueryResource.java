package io.khabar.store.rest;

import io.khabar.http.Problem;
import io.khabar.store.config.StoreConfig;
import io.khabar.store.rest.auth.ReadAccess;
import io.khabar.store.persistence.EntityRepository;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entity API: one entity with its counts, neighbours and timeline; the entities trending now. */
@ReadAccess
@Path("/entities")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Blocking
public class EntityQueryResource {
    static final int COOCCURRING = 10;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 365;
    static final Duration MIN_WINDOW = Duration.ofMinutes(5);
    static final Duration MAX_WINDOW = Duration.ofDays(7);

    @Inject
    EntityRepository entities;

    @Inject
    StoreConfig config;

    Clock clock = Clock.systemUTC();

    @GET
    @Path("/trending")
    @Operation(summary = "Entities whose mentions in the last window rose most against the mean of the six windows"
            + " before it (time: the article's publishedAt, else when it was received)")
    @APIResponse(responseCode = "200", description = "{window, from, to, items: [{id, type, nameEn, nameAr, mentions,"
            + " previousAverage, rise, articles}]}")
    @APIResponse(responseCode = "400", description = "window or limit is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response trending(
            @Parameter(description = "1h, 6h, 24h, 30m, 7d or ISO-8601 (PT1H); 5 minutes to 7 days; default 1h")
            @QueryParam("window") String windowParam,
            @Parameter(description = "1 to khabar.store.max-trending-limit (100); default 20")
            @QueryParam("limit") String limitParam) throws SQLException {
        Duration window = QueryParams.window(windowParam, Duration.ofHours(1), MIN_WINDOW, MAX_WINDOW);
        int limit = QueryParams.integer("limit", limitParam, 20, 1, config.maxTrendingLimit());
        Instant now = clock.instant();
        List<Map<String, Object>> items = entities.trending(now, window, limit).stream().map(t -> {
            Map<String, Object> m = names(t.id(), t.type(), t.nameEn(), t.nameAr());
            m.put("mentions", t.mentions());
            m.put("previousAverage", t.previousAverage());
            m.put("rise", t.rise());
            m.put("articles", t.articles());
            return m;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("window", window.toString());
        body.put("from", now.minus(window).toString());
        body.put("to", now.toString());
        body.put("items", items);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id: .+}")
    @Operation(summary = "One entity: names, links, coordinates, mention counts, top co-occurring entities and a daily"
            + " timeline")
    @APIResponse(responseCode = "200", description = "{id, type, kind, nameEn, nameAr, qid, links, latitude, longitude,"
            + " countryCode, geonamesId, updatedAt, articles, mentions, cooccurring, timeline}")
    @APIResponse(responseCode = "404", description = "no such entity", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") String id,
                        @Parameter(description = "timeline length in days ending today (UTC), 1 to 365; default 30")
                        @QueryParam("days") String daysParam) throws SQLException {
        if (id.length() > QueryParams.MAX_TEXT_CHARS) {
            return Problem.forParameter(400, "Invalid id", "an entity id has at most 200 characters", "id");
        }
        int days = QueryParams.integer("days", daysParam, DEFAULT_DAYS, 1, MAX_DAYS);
        var found = entities.find(id);
        if (found.isEmpty()) {
            return Problem.forParameter(404, "Not found", "no entity with id " + id, "id");
        }
        EntityRepository.Entity e = found.get();
        Map<String, Object> body = names(e.id(), e.type(), e.nameEn(), e.nameAr());
        body.put("kind", e.kind());
        body.put("qid", e.qid());
        Map<String, String> links = new LinkedHashMap<>();
        if (e.qid() != null) {
            links.put("wikidata", "https://www.wikidata.org/wiki/" + e.qid());
        }
        if (e.geonamesId() != null) {
            links.put("geonames", "https://www.geonames.org/" + e.geonamesId());
        }
        body.put("links", links);
        body.put("latitude", e.latitude());
        body.put("longitude", e.longitude());
        body.put("countryCode", e.countryCode());
        body.put("geonamesId", e.geonamesId());
        body.put("updatedAt", e.updatedAt().toString());
        long[] counts = entities.counts(id);
        body.put("articles", counts[0]);
        body.put("mentions", counts[1]);
        body.put("cooccurring", entities.cooccurring(id, COOCCURRING).stream().map(n -> {
            Map<String, Object> m = names(n.id(), n.type(), n.nameEn(), n.nameAr());
            m.put("articles", n.articles());
            return m;
        }).toList());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        body.put("timeline", entities.timeline(id, today.minusDays(days - 1L), today).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("day", d.day().toString());
            m.put("mentions", d.mentions());
            m.put("articles", d.articles());
            return m;
        }).toList());
        body.values().removeIf(java.util.Objects::isNull);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private static Map<String, Object> names(String id, String type, String nameEn, String nameAr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type);
        if (nameEn != null) {
            m.put("nameEn", nameEn);
        }
        if (nameAr != null) {
            m.put("nameAr", nameAr);
        }
        return m;
    }
}
