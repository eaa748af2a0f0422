package io.khabar.store.rest;

import io.khabar.events.ArticleEnriched;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * The schema of what {@code GET /articles/{id}} answers as JSON: the enriched event exactly as stored (version 1 or 2,
 * without the matching layer, fields a producer added kept), plus {@code storedAt}. The body itself is the stored
 * document, so that nothing of it is lost or reshaped on the way out; this class only describes it.
 */
@Schema(name = "StoredArticle", description = "The enriched event as stored (events/EVENTS.md, ArticleEnriched; the"
        + " matching layer is never stored), plus storedAt",
        allOf = {ArticleEnriched.class, StoredArticle.StoredAt.class})
public final class StoredArticle {
    private StoredArticle() {
    }

    /** What the store adds to the event. */
    @Schema(name = "StoredAt")
    public record StoredAt(@Schema(required = true, description = "when this version was stored") Instant storedAt) {
    }
}
