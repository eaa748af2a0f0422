package io.khabar.store.persistence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One line of the article list (and the {@code data} of a stream event). Absent values are null. */
@Schema(description = "One article of the list: its identity and times; the whole article is GET /articles/{id}")
public record ArticleSummary(@Schema(required = true) String id,
                             @Schema(required = true) String title,
                             @Schema(required = true, description = "BCP 47; und when undetermined") String language,
                             @Schema(required = true) String source,
                             @Schema(description = "canonical URL; null when none", nullable = true) String url,
                             @Schema(description = "publication time; null when unknown", nullable = true)
                             Instant publishedAt,
                             @Schema(required = true, description = "when ingest-service accepted this version")
                             Instant receivedAt,
                             @Schema(required = true, description = "when this version was stored") Instant storedAt) {
}
