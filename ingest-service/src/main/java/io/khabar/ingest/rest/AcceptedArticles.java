package io.khabar.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The answer to an accepted {@code POST /articles}: every article of the request is on the broker.
 *
 * @param accepted how many articles the request held
 * @param ids      their ids, in the order of the request (an NDJSON body's lines)
 */
@Schema(description = "Every article of the request is on the broker (khabar.articles.raw.v1)")
public record AcceptedArticles(
        @Schema(description = "how many articles the request held", examples = "1") int accepted,
        @Schema(description = "their ids, in the order of the request (NDJSON: line order)") List<String> ids) {
}
