package io.khabar.enrich.rest;

import io.khabar.http.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khabar.enrich.config.EnrichConfig;
import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * {@code POST /enrichments}: the pipeline's normalization and enrichment of one text, answered at once, for
 * playgrounds, debugging and evaluation. Nothing is published or stored.
 */
@Path("/enrichments")
public class EnrichmentResource {
    private static final Logger LOG = Logger.getLogger(EnrichmentResource.class);

    @Inject
    EnrichConfig config;

    @Inject
    ArticleEnricher enricher;

    @Inject
    ObjectMapper json;

    /** Built on the first request: the playground should not slow the service's start. */
    private volatile ArticleNormalizer normalizer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Enrich one text synchronously",
            description = "Normalizes the text as ingest-service does, then finds languages and entities as "
                    + "enrich-service does. Offsets in annotations and entities index the returned `text`.")
    @RequestBody(content = @Content(schema = @Schema(implementation = EnrichmentRequest.class)))
    @APIResponse(responseCode = "200", description = "The enrichment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnrichmentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid JSON or no text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "An API key is configured and was not given")
    @APIResponse(responseCode = "413", description = "The text is longer than khabar.enrich.max-text-chars")
    public Response enrich(byte[] body) {
        EnrichmentRequest request;
        try {
            request = json.readValue(body, EnrichmentRequest.class);
        } catch (JsonProcessingException e) {
            return Problem.response(400, "Invalid JSON", e.getOriginalMessage(), "/", null);
        } catch (java.io.IOException e) {
            return Problem.response(400, "Invalid JSON", e.getMessage(), "/", null);
        }
        if (request == null || request.text() == null || request.text().isBlank()) {
            return Problem.response(400, "Invalid request", "`text` is required and must not be blank", "/text", null);
        }
        if (request.text().length() > config.maxTextChars()) {
            return Problem.response(413, "Text too large", "`text` may be at most " + config.maxTextChars()
                    + " characters", "/text", null);
        }
        // Without a title, the whole text stays the text: offsets refer to what was sent (no first line taken).
        NormalizedArticle n = normalizer().normalize(new ArticleNormalizer.Input(request.title(), request.text(), null,
                request.language(), request.publishedAt(), List.of()), false);
        ArticleEnricher.Description d = enricher.describe(n.text(), n.title(), n.language(), n.languageConfidence(),
                n.publishedAt(), n.paragraphs(), n.facts());
        LOG.debugf("enrichment of %d characters: %d entities", n.text().length(), d.entities().size());
        return Response.ok(new EnrichmentResponse(n.title(), n.text(), d.language().language(),
                d.language().confidence(), n.publishedAt(), n.paragraphs(),
                n.facts() == null ? List.of() : n.facts().sentences(), d.annotations(), d.entities())).build();
    }

    private ArticleNormalizer normalizer() {
        ArticleNormalizer n = normalizer;
        if (n == null) {
            synchronized (this) {
                if (normalizer == null) {
                    normalizer = new ArticleNormalizer();
                }
                n = normalizer;
            }
        }
        return n;
    }
}
