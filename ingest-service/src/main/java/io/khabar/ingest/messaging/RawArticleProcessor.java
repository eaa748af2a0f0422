package io.khabar.ingest.messaging;

import io.khabar.events.CloudEventTypes;
import io.khabar.ingest.config.IngestConfig;
import io.khabar.ingest.persistence.PostgresDuplicateIndex;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.messaging.PipelineStage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Raw topic to normalized topic. A record that is not an acceptable article is dead-lettered with the reason and the
 * next one is processed; the incoming offset is committed only after the normalized record is on the broker.
 * Normalization and the duplicate check (PostgreSQL) run on the {@link Channels#NORMALIZE_WORKERS} worker pool, a few
 * records at a time ({@code smallrye.messaging.worker.khabar-normalize.max-concurrency}): output order within a
 * partition is not kept, which is safe because every later stage orders versions by {@code revision}, and offsets are
 * still committed only up to the last record whose output is on the broker. When the duplicate store fails, the
 * article still goes on, marked {@code unchecked}, with one log line.
 * With {@code khabar.pass-through=true} (benchmark baseline only) records are forwarded unread.
 */
@ApplicationScoped
@Startup // build the normalizer at boot, not on the first article
public class RawArticleProcessor {
    private static final Logger LOG = Logger.getLogger(RawArticleProcessor.class);
    private final ArticleIntake intake;
    private final PipelineStage stage;
    private final PostgresDuplicateIndex duplicates;
    private final Counter dedupFailures;

    @Inject
    public RawArticleProcessor(MeterRegistry registry, IngestConfig config, PostgresDuplicateIndex duplicates,
                               @ConfigProperty(name = "khabar.pass-through", defaultValue = "false") boolean passThrough) {
        this.stage = new PipelineStage(registry, Channels.STAGE, CloudEventTypes.NORMALIZED,
                CloudEventTypes.SOURCE_INGEST, passThrough);
        this.duplicates = config.dedup().enabled() ? duplicates : null;
        this.intake = new ArticleIntake(new ArticleNormalizer(java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC,
                config.languages().orElse(java.util.Set.of())));
        this.dedupFailures = registry.counter("khabar_dedup_unchecked_total");
    }

    @Incoming(Channels.RAW_IN)
    @Outgoing(Channels.NORMALIZED_OUT)
    @Blocking(value = Channels.NORMALIZE_WORKERS, ordered = false)
    public Message<byte[]> normalize(Message<byte[]> in) {
        return stage.processOne(in, (payload, key, now) -> intake.normalize(intake.readRaw(payload, key, now), now,
                duplicates, (id, e) -> {
                    dedupFailures.increment();
                    LOG.warnf("article %s: duplicate check unavailable, passed on unchecked: %s", id, e.getMessage());
                }));
    }
}
