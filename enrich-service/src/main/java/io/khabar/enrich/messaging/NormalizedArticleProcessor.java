package io.khabar.enrich.messaging;

import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.CloudEventTypes;
import io.khabar.events.EventJson;
import io.khabar.messaging.PipelineStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Normalized topic to enriched topic, on a worker pool (enrichment is CPU work that must not hold the event loop).
 * A record that cannot be read or enriched is dead-lettered with the reason and the next one is processed; the
 * incoming offset is committed only after the enriched record is on the broker. With {@code khabar.pass-through=true}
 * (benchmark baseline only) records are forwarded unread.
 */
@ApplicationScoped
@Startup // load the models and the knowledge base at boot, not on the first article
public class NormalizedArticleProcessor {
    private final ArticleEnricher enricher;
    private final PipelineStage stage;

    @Inject
    public NormalizedArticleProcessor(MeterRegistry registry, ArticleEnricher enricher,
                                      @ConfigProperty(name = "khabar.pass-through", defaultValue = "false") boolean passThrough) {
        this.enricher = enricher;
        this.stage = new PipelineStage(registry, Channels.STAGE, CloudEventTypes.ENRICHED,
                CloudEventTypes.SOURCE_ENRICH, passThrough);
    }

    @Incoming(Channels.NORMALIZED_IN)
    @Outgoing(Channels.ENRICHED_OUT)
    @Blocking(value = Channels.ENRICH_WORKERS, ordered = false)
    public Message<byte[]> enrich(Message<byte[]> in) {
        return stage.processOne(in, (payload, key, now) -> enricher.enrich(EventJson.read(payload, ArticleNormalized.class), now));
    }
}
