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

    /**
     * The languages (ISO 639-1) language identification chooses among; unset for all 71 it knows. A newsroom's own
     * list (say {@code ar,en,fr}) makes identification faster and avoids confusions with languages it never gets.
     */
    Optional<java.util.Set<String>> languages();

    /** Records normalized at once (CPU and one database round trip each); about the number of cores. */
    @WithDefault("4")
    int concurrency();

    /**
     * The longest normalizing one article may take; past it the article is dead-lettered with the reason and the
     * batch goes on (no input can stall the stage).
     */
    @WithDefault("60s")
    Duration recordBudget();

    /** Duplicate detection ({@code khabar.ingest.dedup.*}). */
    Dedup dedup();

    interface Dedup {
        /** Mark exact and near duplicates (state in PostgreSQL). When false every article is {@code unchecked}. */
        @WithDefault("true")
        boolean enabled();

        /** Estimated shingle similarity at or above which an article is a near duplicate of an earlier one. */
        @WithDefault("0.5")
        double nearThreshold();

        /** How far back an original may be: older articles are no longer compared, and are purged at startup. */
        @WithDefault("P30D")
        Duration window();
    }
}
