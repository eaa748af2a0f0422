package io.khabar.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** ingest-service settings ({@code khabar.ingest.*}). */
@ConfigMapping(prefix = "khabar.ingest")
public interface IngestConfig {
    /** Largest accepted article document (one JSON article, or one NDJSON line), in bytes. Larger ones get 413. */
    @WithDefault("2097152")
    int maxArticleBytes();

    /** Most articles accepted in one NDJSON request. */
    @WithDefault("1000")
    int maxArticlesPerRequest();

    /** When set, {@code POST /articles} requires {@code Authorization: Bearer <key>} (or {@code X-Api-Key}). */
    Optional<String> apiKey();

    /** How long a POST waits for the broker to acknowledge its articles before answering 503. */
    @WithDefault("30s")
    Duration publishTimeout();
}
