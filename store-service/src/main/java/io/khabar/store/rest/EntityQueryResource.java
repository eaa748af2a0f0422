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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

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
            + " previousAverage, rise, articles}]}", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TrendingPage.class)))
    @APIResponse(responseCode = "400", description = "window or limit is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrendingPage trending(
            @Parameter(description = "1h, 6h, 24h, 30m, 7d or ISO-8601 (PT1H); 5 minutes to 7 days; default 1h")
            @QueryParam("window") String windowParam,
            @Parameter(description = "1 to khabar.store.max-trending-limit (100); default 20")
            @QueryParam("limit") String limitParam) throws SQLException {
        Duration window = QueryParams.window(windowParam, Duration.ofHours(1), MIN_WINDOW, MAX_WINDOW);
        int limit = QueryParams.integer("limit", limitParam, 20, 1, config.maxTrendingLimit());
        Instant now = clock.instant();
        List<TrendingPage.Trend> items = entities.trending(now, window, limit).stream()
                .map(t -> new TrendingPage.Trend(t.id(), t.type(), t.nameEn(), t.nameAr(), t.mentions(),
                        t.previousAverage(), t.rise(), t.articles()))
                .toList();
        return new TrendingPage(window.toString(), now.minus(window), now, items);
    }

    @GET
    @Path("/{id: .+}")
    @Operation(summary = "One entity: names, links, coordinates, mention counts, top co-occurring entities and a daily"
            + " timeline")
    @APIResponse(responseCode = "200", description = "{id, type, kind, nameEn, nameAr, qid, links, latitude, longitude,"
            + " countryCode, geonamesId, updatedAt, articles, mentions, cooccurring, timeline}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EntityPage.class)))
    @APIResponse(responseCode = "400", description = "id or days is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
        long[] counts = entities.counts(id);
        List<EntityPage.EntityCount> cooccurring = entities.cooccurring(id, COOCCURRING).stream()
                .map(n -> new EntityPage.EntityCount(n.id(), n.type(), n.nameEn(), n.nameAr(), n.articles()))
                .toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<EntityPage.TimelineDay> timeline = entities.timeline(id, today.minusDays(days - 1L), today).stream()
                .map(d -> new EntityPage.TimelineDay(d.day(), d.mentions(), d.articles()))
                .toList();
        EntityPage.Links links = new EntityPage.Links(
                e.qid() == null ? null : "https://www.wikidata.org/wiki/" + e.qid(),
                e.geonamesId() == null ? null : "https://www.geonames.org/" + e.geonamesId());
        EntityPage body = new EntityPage(e.id(), e.type(), e.nameEn(), e.nameAr(), e.kind(), e.qid(), links,
                e.latitude(), e.longitude(), e.countryCode(), e.geonamesId(), e.updatedAt(), counts[0], counts[1],
                cooccurring, timeline);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
