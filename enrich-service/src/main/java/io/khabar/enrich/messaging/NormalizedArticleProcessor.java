package io.khabar.enrich.messaging;

import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.CloudEventTypes;
import io.khabar.events.EventJson;
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
 * Normalized topic to enriched topic. A record that cannot be read or enriched is dead-lettered with the reason and
 * the next one is processed; the incoming offset is committed only after the enriched record is on the broker.
 * With {@code khabar.pass-through=true} (benchmark baseline only) records are forwarded unread.
 */
@ApplicationScoped
@Startup // load the language profiles at boot, not on the first article
public class NormalizedArticleProcessor {
    private final ArticleEnricher enricher = new ArticleEnricher();
    private final StageMetrics metrics;

    private final boolean passThrough;

    @Inject
    public NormalizedArticleProcessor(MeterRegistry registry,
                                      @ConfigProperty(name = "khabar.pass-through", defaultValue = "false") boolean passThrough) {
        this.metrics = new StageMetrics(registry, Channels.STAGE);
        this.passThrough = passThrough;
    }

    @Incoming(Channels.NORMALIZED_IN)
    @Outgoing(Channels.ENRICHED_OUT)
    public Multi<Message<byte[]>> enrich(Message<byte[]> in) {
        String key = StageRecords.incomingKey(in);
        if (passThrough) {
            return Multi.createFrom().item(StageRecords.passThrough(in, key));
        }
        try {
            Instant now = Instant.now();
            ArticleNormalized normalized = EventJson.read(in.getPayload(), ArticleNormalized.class);
            ArticleEnriched enriched = enricher.enrich(normalized, now);
            metrics.processed(enriched.receivedAt());
            return Multi.createFrom().item(StageRecords.forward(in, enriched.articleId(), EventJson.toBytes(enriched),
                    enriched.eventId(), CloudEventTypes.ENRICHED, CloudEventTypes.SOURCE_ENRICH, now));
        } catch (RuntimeException e) {
            metrics.deadLettered();
            var deadLettered = StageRecords.deadLetter(in, Channels.STAGE, key, e);
            return Multi.createFrom().emitter(em -> deadLettered.whenComplete((ok, failure) -> em.complete()));
        }
    }
}
