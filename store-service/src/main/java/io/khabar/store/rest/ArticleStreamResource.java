package io.khabar.store.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khabar.http.Problem;
import io.khabar.matching.MatchingAnalyzer;
import io.khabar.store.config.StoreConfig;
import io.khabar.store.rest.auth.ReadAccess;
import io.khabar.store.persistence.ArticleFilter;
import io.khabar.store.persistence.ArticleRepository;
import io.khabar.store.persistence.ArticleSummary;
import io.khabar.store.persistence.EntityRepository;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stored articles as Server-Sent Events, in stream position order ({@code stream_seq}), under the filters of
 * {@code GET /articles}. The event id is the position; a client resuming with {@code Last-Event-ID} gets every
 * matching article stored after it, then the live ones. Live delivery polls the database.
 */
@ReadAccess
@Path("/stream/articles")
public class ArticleStreamResource {
    static final String EVENT = "article";

    @Inject
    ArticleRepository repository;

    @Inject
    EntityRepository entities;

    @Inject
    MatchingAnalyzer matching;

    @Inject
    StoreConfig config;

    @Inject
    ObjectMapper json;

    /** Streams open now, across all clients; at most {@code khabar.store.stream-max-connections}. */
    private static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Starts after {@code Last-Event-ID} (header, else the {@code lastEventId} query parameter), or after the newest
     * stored article when neither is given. Reads in batches of {@code khabar.store.stream-batch-size} until caught up,
     * then every {@code khabar.store.stream-poll-interval}.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Matching articles as Server-Sent Events (event: article, id: stream position, data: the"
            + " list item of GET /articles), resumable with Last-Event-ID")
    @APIResponse(responseCode = "200", description = "the stream; each event's data is an article of the list"
            + " (ArticleSummary)", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(implementation = ArticleSummary.class)))
    @APIResponse(responseCode = "400", description = "a parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "the server has as many open streams as it allows; retry after"
            + " the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(
            @BeanParam ArticleFilterParams filters,
            @Parameter(description = "resume after this event id (the SSE reconnection header)")
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @Parameter(description = "resume after this event id, for clients that cannot set the header")
            @QueryParam("lastEventId") String lastEventIdParam,
            @Context Sse sse) throws SQLException {
        ArticleFilter filter = filters.parse(matching, entities).filter();
        Long resume = position("Last-Event-ID", lastEventIdHeader);
        if (resume == null) {
            resume = position("lastEventId", lastEventIdParam);
        }
        if (OPEN.incrementAndGet() > config.streamMaxConnections()) {
            OPEN.decrementAndGet();
            throw new jakarta.ws.rs.WebApplicationException(jakarta.ws.rs.core.Response.fromResponse(Problem.response(
                    503, "Too many streams", "this server serves at most " + config.streamMaxConnections()
                            + " live streams at once; retry later", null, null))
                    .header("Retry-After", "10").build());
        }
        try {
            return open(filter, resume, sse).onTermination().invoke(OPEN::decrementAndGet);
        } catch (SQLException | RuntimeException e) {
            OPEN.decrementAndGet();
            throw e;
        }
    }

    /** Streams open now (for tests and metrics). */
    static int open() {
        return OPEN.get();
    }

    private Multi<OutboundSseEvent> open(ArticleFilter filter, Long resume, Sse sse) throws SQLException {
        long start = resume != null ? resume : repository.lastStreamSeq();
        AtomicLong last = new AtomicLong(start); // advanced only by the one read in flight
        int batchSize = config.streamBatchSize();

        // Each tick reads batches until one comes back empty; ticks arriving meanwhile are dropped.
        Multi<OutboundSseEvent> articles = Multi.createFrom().ticks().startingAfter(java.time.Duration.ofMillis(1))
                .every(config.streamPollInterval())
                .onOverflow().drop()
                .onItem().transformToMultiAndConcatenate(tick -> Multi.createBy().repeating()
                        .uni(() -> Uni.createFrom().item(() -> read(filter, last, batchSize))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                        .until(List::isEmpty)
                        .onItem().<ArticleRepository.Streamed>disjoint()
                        .onItem().transform(a -> event(sse, a)));
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(config.streamKeepAlive())
                .onOverflow().drop()
                .onItem().transform(tick -> sse.newEventBuilder().comment("keep-alive").build());
        // A first comment sends the response headers at once.
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().comment("after " + start).build()),
                Multi.createBy().merging().streams(articles, keepAlive));
    }

    private List<ArticleRepository.Streamed> read(ArticleFilter filter, AtomicLong last, int batchSize) {
        try {
            List<ArticleRepository.Streamed> batch = repository.streamAfter(filter, last.get(), batchSize);
            if (!batch.isEmpty()) {
                last.set(batch.get(batch.size() - 1).seq());
            }
            return batch;
        } catch (SQLException e) {
            throw new IllegalStateException("stream read failed", e);
        }
    }

    private OutboundSseEvent event(Sse sse, ArticleRepository.Streamed a) {
        try {
            return sse.newEventBuilder().id(Long.toString(a.seq())).name(EVENT)
                    .data(String.class, json.writeValueAsString(a.summary()))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("article " + a.summary().id() + " is not serializable", e);
        }
    }

    /** A non-negative event id, or null when absent. */
    private static Long position(String name, String value) {
        if (QueryParams.absent(value)) {
            return null;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadParameter(name, "Invalid " + name, name + " must be an event id of this stream (a number >= 0)");
    }
}
