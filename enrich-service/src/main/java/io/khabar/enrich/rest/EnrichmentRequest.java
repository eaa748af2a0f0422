package io.khabar.enrich.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /enrichments}. */
@Schema(description = "A text to enrich, as a producer would send an article")
public record EnrichmentRequest(
        @Schema(description = "Article text (plain text or HTML); required", required = true) String text,
        @Schema(description = "Title; optional. Without one, no title is taken from the text: the whole text is"
                + " enriched and offsets refer to it") String title,
        @Schema(description = "Language hint, BCP 47 (ar, en ...); identified when absent") String language,
        @Schema(description = "Publication time, ISO 8601 or as the page writes it; optional") String publishedAt) {
}
