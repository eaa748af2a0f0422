package io.khabar.enrich.messaging;

import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.CloudEventTypes;
import io.khabar.events.EventJson;
import io.khabar.enrich.config.EnrichConfig;
import io.khabar.messaging.TransactionalStage;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.annotation.PreDestroy;
import org.eclipse.microprofile.reactive.messaging.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Normalized topic to enriched topic, exactly once ({@link TransactionalStage}): a poll's records are enriched,
 * {@code khabar.enrich.concurrency} at a time on threads of their own (CPU work that must not hold the event loop), and
 * their enriched events, or their dead-letter records with the reason, are written in one Kafka transaction with the
 * consumed offsets. A {@code read_committed} consumer of the enriched topic sees each normalized record's output once,
 * also across a crash.
 */
@ApplicationScoped
@Startup // load the models and the knowledge base at boot, not on the first article
public class NormalizedArticleProcessor {
    private final ArticleEnricher enricher;
    private final TransactionalStage stage;

    @Inject
    @Channel(Channels.ENRICHED_OUT)
    KafkaTransactions<byte[]> transactions;

    @Inject
    public NormalizedArticleProcessor(MeterRegistry registry, ArticleEnricher enricher, EnrichConfig config) {
        this.enricher = enricher;
        this.stage = new TransactionalStage(registry, Channels.STAGE, CloudEventTypes.ENRICHED,
                CloudEventTypes.SOURCE_ENRICH, config.concurrency(), config.recordBudget());
    }

    @Incoming(Channels.NORMALIZED_IN)
    @Blocking
    public Uni<Void> enrich(KafkaRecordBatch<String, byte[]> batch) {
        return stage.process(batch, transactions,
                (payload, key, now) -> enricher.enrich(EventJson.read(payload, ArticleNormalized.class), now));
    }

    @PreDestroy
    void stop() {
        stage.close();
    }
}
