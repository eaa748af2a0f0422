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
import io.khabar.ingest.service.ArticleDoor;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "the write key (khabar.ingest.api-key), when one is set")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = ApiKeys.HEADER, description = "the write key (khabar.ingest.api-key), when one is set")
public class ArticleResource {
    public static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = Logger.getLogger(ArticleResource.class);

    @Inject
    IngestConfig config;

    @Inject
    RawArticlePublisher publisher;

    private final ArticleDoor door = new ArticleDoor();
    private static final RevisionClock CLOCK = new RevisionClock();

    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Blocking
    @Operation(summary = "Accept articles: one JSON article (native or IPTC ninjs 1.x, 2.x, 3.x) or up to 1,000 as "
            + "NDJSON", description = "Every article of the request is validated before any is published: the "
            + "request is accepted whole or refused whole. The answer comes once the broker has every article; "
            + "normalization follows on the raw topic. Each article gets its own acceptance time, so of two versions "
            + "of one article the later one sent has the higher revision.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    oneOf = {ArticleDocuments.NativeArticle.class, ArticleDocuments.NinjsArticle.class})),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, description = "one article "
                    + "(native or ninjs) per line, up to 1,000 lines; blank lines are skipped"))})
    @APIResponse(responseCode = "202", description = "Accepted: the broker has every article",
            headers = @Header(name = "X-Article-Id", description = "the id, when the request held one article",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AcceptedArticles.class)))
    @APIResponse(responseCode = "400", description = "Invalid JSON, an invalid article (field names the member as a "
            + "JSON pointer, line the NDJSON line), a ninjs version or shape that is not read (the detail names the "
            + "versions read), or an NDJSON body without an article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "khabar.ingest.api-key is set and the request does not carry "
            + "it; answered before the body is read",
            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "An article over khabar.ingest.max-article-bytes (2 MiB), or "
            + "more than khabar.ingest.max-articles-per-request (1,000) articles; line names the NDJSON line. "
            + "Answered as soon as it is read. A body over 64 MiB is refused by the HTTP server, without a problem",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json or "
            + "application/x-ndjson")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge every article in time; retry "
            + "the request later (an article keeps its id, so a retry is another version of the same article)",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @SecurityRequirementsSet(@SecurityRequirement(name = "apiKey"))
    @SecurityRequirementsSet // no key: when khabar.ingest.api-key is not set
    public Response post(InputStream body,
                         @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException {
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
        AcceptedArticles result = new AcceptedArticles(accepted.size(),
                accepted.stream().map(ArticleReceived::articleId).toList());
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
            return door.accept(node, now);
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
