package io.khabar.ingest.rest;

import io.khabar.http.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.ArticleReceived;
import io.khabar.events.EventJson;
import io.khabar.ingest.config.IngestConfig;
import io.khabar.ingest.domain.InvalidArticleException;
import io.khabar.ingest.messaging.RawArticlePublisher;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.ingest.service.RevisionClock;
import io.smallrye.common.annotation.Blocking;
import java.io.IOException;
import java.io.InputStream;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /articles}: one JSON article ({@code application/json}) or many ({@code application/x-ndjson}, one per
 * line). The write key is checked before the body is read ({@link WriteKeyFilter}); the body is read as a stream, so
 * an article over {@code khabar.ingest.max-article-bytes} (413, with its line) or line 1,001 of an NDJSON body (413)
 * is answered without reading further. All articles of a request are validated before any is published: a request is
 * accepted whole or rejected whole. Each article gets its own acceptance time ({@link RevisionClock}), so of two
 * versions of one article the later one sent has the higher revision. Answers {@code 202} with the ids once the broker
 * has every article.
 */
@Path("/articles")
public class ArticleResource {
    public static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = Logger.getLogger(ArticleResource.class);

    @Inject
    IngestConfig config;

    @Inject
    RawArticlePublisher publisher;

    private final ArticleIntake intake = ArticleIntake.acceptOnly();
    private static final RevisionClock CLOCK = new RevisionClock();

    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Blocking
    public Response post(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) throws IOException {
        boolean ndjson = contentType != null && contentType.toLowerCase().startsWith(NDJSON);
        List<ArticleReceived> accepted = new ArrayList<>();
        try {
            BoundedLines lines = new BoundedLines(body, config.maxArticleBytes());
            if (ndjson) {
                int count = 0;
                for (byte[] line; (line = lines.next()) != null; ) {
                    if (isBlank(line)) {
                        continue;
                    }
                    if (++count > config.maxArticlesPerRequest()) {
                        return Problem.response(413, "Too many articles", "at most " + config.maxArticlesPerRequest()
                                + " articles per request", null, lines.number());
                    }
                    accepted.add(acceptOne(line, lines.number(), CLOCK.next()));
                }
                if (accepted.isEmpty()) {
                    return Problem.response(400, "Invalid article", "the NDJSON body holds no article", "/", null);
                }
            } else {
                byte[] whole = lines.rest();
                accepted.add(acceptOne(whole, null, CLOCK.next()));
            }
        } catch (BoundedLines.TooLong e) {
            return Problem.response(413, "Article too large", "an article may be at most " + config.maxArticleBytes()
                    + " bytes; this one is longer", null, ndjson ? e.line : null);
        } catch (LineProblem p) {
            return p.response;
        }
        try {
            CompletableFuture.allOf(accepted.stream()
                            .map(a -> publisher.publish(a).toCompletableFuture())
                            .toArray(CompletableFuture[]::new))
                    .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warnf("publish to the raw topic failed for %d article(s), first=%s: %s", accepted.size(),
                    accepted.get(0).articleId(), e.getMessage());
            return Response.fromResponse(Problem.response(503, "Broker unavailable",
                    "the articles could not be written to the broker; retry later", null, null))
                    .header("Retry-After", "5").build();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("accepted", accepted.size());
        result.put("ids", accepted.stream().map(ArticleReceived::articleId).toList());
        Response.ResponseBuilder ok = Response.accepted(result).type(MediaType.APPLICATION_JSON);
        if (accepted.size() == 1) {
            ok.header("X-Article-Id", accepted.get(0).articleId());
        }
        return ok.build();
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private ArticleReceived acceptOne(byte[] json, Integer line, Instant now) {
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new LineProblem(Problem.response(400, "Invalid JSON", e.getOriginalMessage(), "/", line));
        } catch (java.io.IOException e) {
            throw new LineProblem(Problem.response(400, "Invalid JSON", e.getMessage(), "/", line));
        }
        try {
            return intake.accept(node, now);
        } catch (InvalidArticleException e) {
            throw new LineProblem(Problem.response(400, "Invalid article", e.detail(), e.field(), line));
        }
    }

    /**
     * Lines of a body read as a stream, none longer than {@code max} bytes: a longer one stops the reading at once.
     */
    static final class BoundedLines {
        private final InputStream in;
        private final int max;
        private int number;
        private boolean done;

        BoundedLines(InputStream in, int max) {
            this.in = new java.io.BufferedInputStream(in, 65536);
            this.max = max;
        }

        /** The next line without its newline, or null at the end. */
        byte[] next() throws IOException {
            if (done) {
                return null;
            }
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            number++;
            for (int b; ; ) {
                b = in.read();
                if (b < 0) {
                    done = true;
                    return line.size() == 0 ? null : line.toByteArray();
                }
                if (b == '\n') {
                    return line.toByteArray();
                }
                if (line.size() >= max) {
                    throw new TooLong(number);
                }
                line.write(b);
            }
        }

        /** Everything left, at most {@code max} bytes. */
        byte[] rest() throws IOException {
            byte[] all = in.readNBytes(max + 1);
            if (all.length > max) {
                throw new TooLong(1);
            }
            return all;
        }

        /** 1-based number of the line last returned. */
        int number() {
            return number;
        }

        static final class TooLong extends RuntimeException {
            final int line;

            TooLong(int line) {
                super(null, null, false, false);
                this.line = line;
            }
        }
    }

    /** Carries a ready problem response out of the per-line loop. */
    private static final class LineProblem extends RuntimeException {
        final transient Response response;

        LineProblem(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }
}
