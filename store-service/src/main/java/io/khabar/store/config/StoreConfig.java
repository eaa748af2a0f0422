package io.khabar.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** store-service settings ({@code khabar.store.*}). */
@ConfigMapping(prefix = "khabar.store")
public interface StoreConfig {
    /**
     * Attempts at a write that lost to a statement timeout or a deadlock before the record is dead-lettered. A database
     * that is unavailable is waited out without limit, and an article the database refuses is dead-lettered at once.
     */
    @WithDefault("5")
    int writeAttempts();

    /** Wait before the first retry; doubles on each attempt. */
    @WithDefault("500ms")
    Duration retryBackoff();

    /** Longest wait between two retries while the database is unavailable. */
    @WithDefault("10s")
    Duration retryBackoffMax();

    /**
     * Writer transactions: how long one waits for a lock (the stream-order lock, a row) before it gives up and retries,
     * with readiness DOWN; a stuck session elsewhere never blocks the writer silently.
     */
    @WithDefault("10s")
    Duration writeLockTimeout();

    /** Writer transactions: the longest one statement may run. */
    @WithDefault("60s")
    Duration writeStatementTimeout();

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

    /**
     * Most live streams ({@code GET /stream/articles}) open at once; one more gets {@code 503} with Retry-After. Each
     * polls the read pool every {@code stream-poll-interval}.
     */
    @WithDefault("100")
    int streamMaxConnections();

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
