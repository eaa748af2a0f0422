package io.khabar.store.messaging;

import io.khabar.events.ArticleEnriched;
import io.khabar.events.EventJson;
import io.khabar.messaging.StageMetrics;
import io.khabar.messaging.StageRecords;
import io.khabar.store.config.StoreConfig;
import io.khabar.store.persistence.ArticleRepository;
import io.khabar.store.persistence.DatabaseFailures;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;

/**
 * Enriched topic to PostgreSQL, a poll's records at a time (batch mode, at most {@code max.poll.records}). The
 * readable articles of a batch are written in one transaction; each record is acknowledged only after its article is
 * committed, so its offset is never committed ahead of the write. A record that cannot be read is dead-lettered at
 * once.
 * <p>
 * A failed write is classified ({@link DatabaseFailures}):
 * <ul>
 *   <li>the database is unavailable (down, restarting, unreachable, out of connections, a lock held elsewhere): the
 *   batch is retried with backoff (up to {@code khabar.store.retry-backoff-max} between attempts) for as long as it
 *   takes; readiness is DOWN meanwhile ({@link WriterHealth}) and the consumer holds its records, so its partitions
 *   pause. Nothing is dead-lettered for an outage;</li>
 *   <li>the attempt lost (statement timeout, deadlock): retried {@code khabar.store.write-attempts} times;</li>
 *   <li>anything else, a refused value or a failure of the code on this article: its articles are written one by one,
 *   so the article the database refuses is dead-lettered alone, at once, and its neighbours are stored.</li>
 * </ul>
 * No exception leaves this method: a record is acknowledged, dead-lettered, or held until the database is back.
 */
@ApplicationScoped
public class EnrichedArticleConsumer {
    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);

    private final ArticleRepository repository;
    private final StoreConfig config;
    private final StageMetrics metrics;
    private final WriterHealth health;
    private volatile boolean stopping;

    @Inject
    public EnrichedArticleConsumer(ArticleRepository repository, StoreConfig config, MeterRegistry registry,
                                   WriterHealth health) {
        this.repository = repository;
        this.config = config;
        this.health = health;
        this.metrics = new StageMetrics(registry, Channels.STAGE);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming(Channels.ENRICHED_IN)
    @Blocking
    public CompletionStage<Void> store(KafkaRecordBatch<String, byte[]> batch) {
        List<CompletionStage<Void>> done = new ArrayList<>();
        List<KafkaRecord<String, byte[]>> readable = new ArrayList<>();
        List<ArticleEnriched> articles = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            try {
                articles.add(read(record.getPayload()));
                readable.add(record);
            } catch (RuntimeException e) {
                metrics.deadLettered();
                done.add(StageRecords.deadLetter(record, Channels.STAGE, record.getKey(), e));
            }
        }
        if (articles.isEmpty()) {
            return all(done);
        }
        Backoff backoff = new Backoff();
        for (int attempt = 1; ; attempt++) {
            Exception failure;
            try {
                repository.upsertAll(articles);
                health.writing();
                for (int i = 0; i < articles.size(); i++) {
                    metrics.processed(articles.get(i).receivedAt());
                    done.add(readable.get(i).ack());
                }
                return all(done);
            } catch (SQLException | RuntimeException e) {
                failure = e;
            }
            DatabaseFailures.Kind kind = DatabaseFailures.classify(failure);
            if (kind == DatabaseFailures.Kind.UNAVAILABLE
                    || (kind == DatabaseFailures.Kind.CONTENDED && attempt < config.writeAttempts())) {
                metrics.failed();
                if (!waitOut(kind, articles.size() + " articles, first=" + articles.get(0).articleId(), attempt,
                        failure, backoff)) {
                    return new CompletableFuture<>(); // shutting down: not acknowledged, replayed after the restart
                }
                continue;
            }
            if (articles.size() == 1) {
                done.add(storeOne(readable.get(0), articles.get(0), failure));
                return all(done);
            }
            metrics.failed();
            LOG.warnf("database write of a batch of %d articles failed (first article=%s), writing them one by one: %s",
                    articles.size(), articles.get(0).articleId(), DatabaseFailures.reason(failure));
            for (int i = 0; i < articles.size(); i++) {
                done.add(storeOne(readable.get(i), articles.get(i), null));
            }
            return all(done);
        }
    }

    private static ArticleEnriched read(byte[] payload) {
        ArticleEnriched article = EventJson.read(payload, ArticleEnriched.class);
        if (article.articleId() == null || article.articleId().isBlank()) {
            throw new EventJson.MalformedEventException("enriched event without articleId");
        }
        if (article.enrichedAt() == null) {
            throw new EventJson.MalformedEventException("enriched event without enrichedAt");
        }
        return article;
    }

    /**
     * One article in its own transaction: stored, else dead-lettered when the database refuses it (or it keeps losing),
     * else, while the database is unavailable, retried for as long as it takes.
     *
     * @param failed the failure of its first attempt when that attempt was already made (alone), else null
     */
    private CompletionStage<Void> storeOne(KafkaRecord<String, byte[]> record, ArticleEnriched article,
                                           Exception failed) {
        Backoff backoff = new Backoff();
        Exception last = failed;
        for (int attempt = 1; ; attempt++) {
            if (last == null) {
                try {
                    repository.upsert(article);
                    health.writing();
                    metrics.processed(article.receivedAt());
                    return record.ack();
                } catch (SQLException | RuntimeException e) {
                    last = e;
                }
            }
            DatabaseFailures.Kind kind = DatabaseFailures.classify(last);
            if (kind == DatabaseFailures.Kind.REFUSED
                    || (kind == DatabaseFailures.Kind.CONTENDED && attempt >= config.writeAttempts())) {
                metrics.deadLettered();
                return StageRecords.deadLetter(record, Channels.STAGE, article.articleId(), last);
            }
            metrics.failed();
            if (!waitOut(kind, "article=" + article.articleId(), attempt, last, backoff)) {
                return new CompletableFuture<>();
            }
            last = null;
        }
    }

    /**
     * Logs the failure on one line, marks readiness DOWN while the database is unavailable, and sleeps the backoff.
     *
     * @return false when the service is stopping and the records should be left unacknowledged
     */
    private boolean waitOut(DatabaseFailures.Kind kind, String what, int attempt, Exception failure, Backoff backoff) {
        String reason = DatabaseFailures.reason(failure);
        if (kind == DatabaseFailures.Kind.UNAVAILABLE) {
            health.waiting(reason);
            LOG.warnf("database unavailable, holding %s (attempt %d, next in %d ms; nothing is dead-lettered): %s",
                    what, attempt, backoff.nextMillis(), reason);
        } else {
            LOG.warnf("database write lost %s attempt=%d/%d, retrying: %s", what, attempt, config.writeAttempts(),
                    reason);
        }
        return backoff.sleep();
    }

    /** Exponential backoff from {@code khabar.store.retry-backoff} up to {@code khabar.store.retry-backoff-max}. */
    private final class Backoff {
        private long nanos = config.retryBackoff().toNanos();

        long nextMillis() {
            return nanos / 1_000_000;
        }

        boolean sleep() {
            long end = System.nanoTime() + nanos;
            for (long left = nanos; left > 0 && !stopping; left = end - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(left, 100_000_000L));
            }
            nanos = Math.min(nanos * 2, config.retryBackoffMax().toNanos());
            return !stopping;
        }
    }

    private static CompletionStage<Void> all(List<CompletionStage<Void>> stages) {
        return CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }
}
