package io.khabar.ingest.messaging;

import io.khabar.events.CloudEventTypes;
import io.khabar.ingest.config.IngestConfig;
import io.khabar.ingest.persistence.PostgresDuplicateIndex;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.messaging.TransactionalStage;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.annotation.PreDestroy;
import org.eclipse.microprofile.reactive.messaging.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Raw topic to normalized topic, exactly once ({@link TransactionalStage}): a poll's records are normalized, a few at a
 * time ({@code khabar.ingest.concurrency}), and their normalized events, or their dead-letter records with the reason,
 * are written in one Kafka transaction with the consumed offsets. A {@code read_committed} consumer of the normalized
 * topic sees each raw record's output once, also across a crash. Output order follows input order within a batch, and
 * every later stage orders versions by {@code revision} anyway. When the duplicate store fails, the article still goes
 * on, marked {@code unchecked}, with one log line.
 */
@ApplicationScoped
@Startup // build the normalizer at boot, not on the first article
public class RawArticleProcessor {
    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);
    private final ArticleIntake intake;
    private final TransactionalStage stage;
    private final PostgresDuplicateIndex duplicates;
    private final Counter dedupFailures;

    @Inject
    @Channel(Channels.NORMALIZED_OUT)
    KafkaTransactions<byte[]> transactions;

    @Inject
    public RawArticleProcessor(MeterRegistry registry, IngestConfig config, PostgresDuplicateIndex duplicates) {
        this.stage = new TransactionalStage(registry, Channels.STAGE, CloudEventTypes.NORMALIZED,
                CloudEventTypes.SOURCE_INGEST, config.concurrency(), config.recordBudget());
        this.duplicates = config.dedup().enabled() ? duplicates : null;
        this.intake = new ArticleIntake(new ArticleNormalizer(java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC,
                config.languages().orElse(java.util.Set.of())));
        this.dedupFailures = registry.counter("khabar_dedup_unchecked_total");
    }

    @Incoming(Channels.RAW_IN)
    @Blocking
    public Uni<Void> normalize(KafkaRecordBatch<String, byte[]> batch) {
        return stage.process(batch, transactions, (payload, key, now) -> intake.normalize(
                intake.readRaw(payload, key, now), now, duplicates, (id, e) -> {
                    dedupFailures.increment();
                    LOG.warnf("article %s: duplicate check unavailable, passed on unchecked: %s", id, e.getMessage());
                }));
    }

    @PreDestroy
    void stop() {
        stage.close();
    }
}
