package io.khabar.ingest.domain;

import java.util.List;

/**
 * A validated article as a producer submitted it, whatever its input format.
 *
 * @param producerId  the producer's own id, or null
 * @param publishedAt as written by the producer, parsed later
 * @param format      {@code native} or {@code ninjs}
 */
public record ArticleSubmission(String producerId, String source, String url, String title, String body,
                                String language, String publishedAt, List<String> authors, String format) {
}
