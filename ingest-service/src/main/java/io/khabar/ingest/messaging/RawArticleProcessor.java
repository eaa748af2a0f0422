package io.khabar.ingest.messaging;

import io.khabar.events.CloudEventTypes;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.messaging.PipelineStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Raw topic to normalized topic. A record that is not an acceptable article is dead-lettered with the reason and the
 * next one is processed; the incoming offset is committed only after the normalized record is on the broker.
 * With {@code khabar.pass-through=true} (benchmark baseline only) records are forwarded unread.
 */
@ApplicationScoped
@Startup // build the normalizer at boot, not on the first article
public class RawArticleProcessor {
    private final ArticleIntake intake = new ArticleIntake();
    private final PipelineStage stage;

    @Inject
    public RawArticleProcessor(MeterRegistry registry,
                               @ConfigProperty(name = "khabar.pass-through", defaultValue = "false") boolean passThrough) {
        this.stage = new PipelineStage(registry, Channels.STAGE, CloudEventTypes.NORMALIZED,
                CloudEventTypes.SOURCE_INGEST, passThrough);
    }

    @Incoming(Channels.RAW_IN)
    @Outgoing(Channels.NORMALIZED_OUT)
    public Multi<Message<byte[]>> normalize(Message<byte[]> in) {
        return stage.process(in, (payload, key, now) -> intake.normalize(intake.readRaw(payload, key, now), now));
    }
}
