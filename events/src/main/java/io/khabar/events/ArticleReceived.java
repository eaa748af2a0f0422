package io.khabar.events;

import java.time.Instant;
import java.util.List;

/**
 * An article was accepted by ingest-service (HTTP) and written to {@link Topics#RAW}. Producers that write to the raw
 * topic directly may send a plain native or ninjs article instead; ingest-service reads both.
 *
 * @param schemaVersion the schema version: {@link #SCHEMA_VERSION} as this code writes it
 * @param eventId       unique id of this event (UUID)
 * @param articleId     stable article id, also the Kafka key (see {@link ArticleIds})
 * @param receivedAt    when ingest-service accepted it
 * @param source        the producing newsroom or feed, e.g. {@code saudinewsnet}
 * @param url           the article's URL as sent, may be null
 * @param title         the title as sent, may be null for plain text whose first line is the title
 * @param body          plain text or HTML, as sent
 * @param language      the producer's language hint (BCP 47), may be null
 * @param publishedAt   the publication time exactly as the producer wrote it, may be null
 * @param authors       bylines, never null
 * @param format        {@code native} or {@code ninjs}
 */
public record ArticleReceived(int schemaVersion, String eventId, String articleId, Instant receivedAt,
                              String source, String url, String title, String body, String language,
                              String publishedAt, List<String> authors, String format) implements PipelineEvent {
    public static final int SCHEMA_VERSION = 1;

    public ArticleReceived {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
