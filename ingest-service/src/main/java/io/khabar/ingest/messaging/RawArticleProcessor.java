package io.khabar.ingest.messaging;

import io.khabar.events.ArticleNormalized;
import io.khabar.events.ArticleReceived;
import io.khabar.events.CloudEventTypes;
import io.khabar.events.EventJson;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.messaging.StageMetrics;
import io.khabar.messaging.StageRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import java.time.Instant;

/**
 * Raw topic to normalized topic. A record that is not an acceptable article is dead-lettered with the reason and the
 * next one is processed; the incoming offset is committed only after the normalized record is on the broker.
 * With {@code khabar.pass-through=true} (benchmark baseline only) records are forwarded unread.
 */
@ApplicationScoped
@Startup // build the normalizer at boot, not on the first article
public class RawArticleProcessor {
    private final ArticleIntake intake = new ArticleIntake();
    private final StageMetrics metrics;

    private final boolean passThrough;

    @Inject
    public RawArticleProcessor(MeterRegistry registry,
                               @ConfigProperty(name = "khabar.pass-through", defaultValue = "false") boolean passThrough) {
        this.metrics = new StageMetrics(registry, Channels.STAGE);
        this.passThrough = passThrough;
    }

    @Incoming(Channels.RAW_IN)
    @Outgoing(Channels.NORMALIZED_OUT)
    public Multi<Message<byte[]>> normalize(Message<byte[]> in) {
        String key = StageRecords.incomingKey(in);
        if (passThrough) {
            return Multi.createFrom().item(StageRecords.passThrough(in, key));
        }
        try {
            Instant now = Instant.now();
            ArticleReceived received = intake.readRaw(in.getPayload(), key, now);
            ArticleNormalized normalized = intake.normalize(received, now);
            metrics.processed(normalized.receivedAt());
            return Multi.createFrom().item(StageRecords.forward(in, normalized.articleId(), EventJson.toBytes(normalized),
                    normalized.eventId(), CloudEventTypes.NORMALIZED, CloudEventTypes.SOURCE_INGEST, now));
        } catch (RuntimeException e) {
            metrics.deadLettered();
            var deadLettered = StageRecords.deadLetter(in, Channels.STAGE, key, e);
            return Multi.createFrom().emitter(em -> deadLettered.whenComplete((ok, failure) -> em.complete()));
        }
    }
}
