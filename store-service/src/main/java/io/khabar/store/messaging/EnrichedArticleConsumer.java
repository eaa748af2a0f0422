package io.khabar.store.messaging;

import io.khabar.events.ArticleEnriched;
import io.khabar.events.EventJson;
import io.khabar.messaging.StageMetrics;
import io.khabar.messaging.StageRecords;
import io.khabar.store.config.StoreConfig;
import io.khabar.store.persistence.ArticleRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * once. When the batch's transaction fails, its articles are written one by one, each retried with backoff
 * ({@code khabar.store.write-attempts}) before it alone is dead-lettered: an article the database refuses does not take
 * its neighbours with it, and a database restart does not empty the topic into the dead-letter topic.
 * With {@code khabar.pass-through=true} (benchmark baseline only) records are acknowledged without being read or written.
 */
@ApplicationScoped
public class EnrichedArticleConsumer {
    private static final Logger LOG = Logger.getLogger(EnrichedArticleConsumer.class);

    private final ArticleRepository repository;
    private final StoreConfig config;
    private final StageMetrics metrics;

    private final boolean passThrough;

    @Inject
    public EnrichedArticleConsumer(ArticleRepository repository, StoreConfig config, MeterRegistry registry,
                                   @ConfigProperty(name = "khabar.pass-through", defaultValue = "false") boolean passThrough) {
        this.passThrough = passThrough;
        this.repository = repository;
        this.config = config;
        this.metrics = new StageMetrics(registry, Channels.STAGE);
    }

    @Incoming(Channels.ENRICHED_IN)
    @Blocking
    public CompletionStage<Void> store(KafkaRecordBatch<String, byte[]> batch) {
        List<CompletionStage<Void>> done = new ArrayList<>();
        if (passThrough) {
            batch.getRecords().forEach(r -> done.add(r.ack()));
            return all(done);
        }
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
        try {
            repository.upsertAll(articles);
            for (int i = 0; i < articles.size(); i++) {
                metrics.processed(articles.get(i).receivedAt());
                done.add(readable.get(i).ack());
            }
        } catch (SQLException e) {
            if (articles.size() > 1) {
                metrics.failed();
                LOG.warnf("database write of a batch of %d articles failed (first article=%s), writing them one by one: %s",
                        articles.size(), articles.get(0).articleId(), e.getMessage());
            }
            for (int i = 0; i < articles.size(); i++) {
                // alone in its batch, the article's first attempt has failed already
                done.add(storeOne(readable.get(i), articles.get(i), articles.size() > 1 ? null : e));
            }
        }
        return all(done);
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
     * One article in its own transaction, retried with backoff, else dead-lettered.
     *
     * @param failed the failure of its first attempt when that attempt was already made, else null
     */
    private CompletionStage<Void> storeOne(KafkaRecord<String, byte[]> record, ArticleEnriched article,
                                           SQLException failed) {
        long backoff = config.retryBackoff().toNanos();
        SQLException last = failed;
        for (int attempt = 1; ; attempt++) {
            if (last == null) {
                try {
                    repository.upsert(article);
                    metrics.processed(article.receivedAt());
                    return record.ack();
                } catch (SQLException e) {
                    last = e;
                }
            }
            if (attempt >= config.writeAttempts()) {
                metrics.deadLettered();
                return StageRecords.deadLetter(record, Channels.STAGE, article.articleId(), last);
            }
            metrics.failed();
            LOG.warnf("database write failed article=%s attempt=%d/%d, retrying: %s", article.articleId(), attempt,
                    config.writeAttempts(), last.getMessage());
            LockSupport.parkNanos(backoff);
            backoff *= 2;
            last = null;
        }
    }

    private static CompletionStage<Void> all(List<CompletionStage<Void>> stages) {
        return CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }
}
