package io.khabar.store.persistence;

import java.time.Instant;

/** One line of the article list. */
public record ArticleSummary(String id, String title, String language, String source, String url,
                             Instant publishedAt, Instant receivedAt, Instant storedAt) {
}
