package io.khabar.store.messaging;

import io.khabar.events.ArticleEnriched;
import io.khabar.events.EventJson;
import io.khabar.messaging.StageMetrics;
import io.khabar.messaging.StageRecords;
import io.khabar.store.config.StoreConfig;
import io.khabar.store.persistence.ArticleRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;

/**
 * Enriched topic to PostgreSQL. The offset is committed only after the row is written. A record that cannot be read
 * is dead-lettered at once; a database error is retried with backoff ({@code khabar.store.write-attempts}) before the
 * record is dead-lettered, so a database restart does not empty the topic into the dead-letter topic.
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
    public CompletionStage<Void> store(Message<byte[]> in) {
        if (passThrough) {
            return in.ack();
        }
        String key = StageRecords.incomingKey(in);
        ArticleEnriched article;
        try {
            article = EventJson.read(in.getPayload(), ArticleEnriched.class);
            if (article.articleId() == null || article.articleId().isBlank()) {
                throw new EventJson.MalformedEventException("enriched event without articleId");
            }
            if (article.enrichedAt() == null) {
                throw new EventJson.MalformedEventException("enriched event without enrichedAt");
            }
        } catch (RuntimeException e) {
            metrics.deadLettered();
            return StageRecords.deadLetter(in, Channels.STAGE, key, e);
        }
        long backoff = config.retryBackoff().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                repository.upsert(article);
                metrics.processed(article.receivedAt());
                return in.ack();
            } catch (SQLException e) {
                if (attempt >= config.writeAttempts()) {
                    metrics.deadLettered();
                    return StageRecords.deadLetter(in, Channels.STAGE, article.articleId(), e);
                }
                metrics.failed();
                LOG.warnf("database write failed article=%s attempt=%d/%d, retrying: %s", article.articleId(), attempt,
                        config.writeAttempts(), e.getMessage());
                LockSupport.parkNanos(backoff);
                backoff *= 2;
            }
        }
    }
}
