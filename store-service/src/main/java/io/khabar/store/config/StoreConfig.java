package io.khabar.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** store-service settings ({@code khabar.store.*}). */
@ConfigMapping(prefix = "khabar.store")
public interface StoreConfig {
    /** Attempts at a database write before the record is dead-lettered (the database may be restarting). */
    @WithDefault("5")
    int writeAttempts();

    /** Wait before the first retry; doubles on each attempt. */
    @WithDefault("500ms")
    Duration retryBackoff();

    /** Page size of {@code GET /articles} when {@code limit} is not given. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest {@code limit} accepted by {@code GET /articles}. */
    @WithDefault("200")
    int maxPageSize();

    /** Facet counts of {@code GET /articles} cover at most this many of the newest matching articles. */
    @WithDefault("10000")
    int facetScanLimit();

    /** Largest {@code limit} of {@code GET /entities/trending}. */
    @WithDefault("100")
    int maxTrendingLimit();

    /** How often {@code GET /stream/articles} looks in the database for articles past the last one sent. */
    @WithDefault("500ms")
    Duration streamPollInterval();

    /** Most articles one stream read fetches; a full batch is followed at once by the next read. */
    @WithDefault("100")
    int streamBatchSize();

    /** Interval of the SSE comment that keeps an idle stream open through proxies. */
    @WithDefault("15s")
    Duration streamKeepAlive();

    /**
     * Key of the read API ({@code /articles}, {@code /entities}, {@code /stream}), from the environment
     * ({@code KHABAR_STORE_READ_API_KEY}); unset means the read API is open. The dashboard's static files, health and
     * OpenAPI stay open.
     */
    Optional<String> readApiKey();

    /** Lifetime of the dashboard's session cookie ({@code POST /session}). */
    @WithDefault("12h")
    Duration sessionTtl();
}
