package io.khabar.ingest.rest;

import io.khabar.http.ApiKeys;
import io.khabar.http.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.ArticleReceived;
import io.khabar.events.EventJson;
import io.khabar.ingest.config.IngestConfig;
import io.khabar.ingest.domain.InvalidArticleException;
import io.khabar.ingest.messaging.RawArticlePublisher;
import io.khabar.ingest.service.ArticleIntake;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /articles}: one JSON article ({@code application/json}) or many ({@code application/x-ndjson}, one per
 * line). All articles of a request are validated before any is published: a request is accepted whole or rejected
 * whole. Answers {@code 202} with the ids once the broker has every article.
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

    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public Response post(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @HeaderParam("X-Api-Key") String apiKeyHeader) {
        if (!authorized(authorization, apiKeyHeader)) {
            return Response.fromResponse(Problem.response(401, "Unauthorized",
                            "this endpoint needs an API key (Authorization: Bearer ... or X-Api-Key)", null, null))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        boolean ndjson = contentType != null && contentType.toLowerCase().startsWith(NDJSON);
        Instant now = Instant.now();
        List<ArticleReceived> accepted = new ArrayList<>();
        try {
            if (ndjson) {
                String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
                int count = 0;
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    if (line.isEmpty()) {
                        continue;
                    }
                    if (++count > config.maxArticlesPerRequest()) {
                        return Problem.response(413, "Too many articles", "at most " + config.maxArticlesPerRequest()
                                + " articles per request", null, i + 1);
                    }
                    byte[] article = line.getBytes(StandardCharsets.UTF_8);
                    Response tooLarge = checkSize(article.length, i + 1);
                    if (tooLarge != null) {
                        return tooLarge;
                    }
                    accepted.add(acceptOne(article, i + 1, now));
                }
                if (accepted.isEmpty()) {
                    return Problem.response(400, "Invalid article", "the NDJSON body holds no article", "/", null);
                }
            } else {
                Response tooLarge = checkSize(body.length, null);
                if (tooLarge != null) {
                    return tooLarge;
                }
                accepted.add(acceptOne(body, null, now));
            }
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

    private Response checkSize(int bytes, Integer line) {
        if (bytes > config.maxArticleBytes()) {
            return Problem.response(413, "Article too large", "an article may be at most " + config.maxArticleBytes()
                    + " bytes; this one is " + bytes, null, line);
        }
        return null;
    }

    private boolean authorized(String authorization, String apiKeyHeader) {
        return ApiKeys.authorized(config.apiKey(), authorization, apiKeyHeader);
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
