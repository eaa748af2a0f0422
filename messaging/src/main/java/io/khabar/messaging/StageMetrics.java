package io.khabar.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.time.Instant;

/**
 * Per-stage counters ({@code khabar_stage_messages_total{stage, outcome}} with outcomes {@code processed},
 * {@code failed} and {@code dead_lettered}) and the age of each article when the stage finished with it
 * ({@code khabar_stage_article_age_seconds}, measured from acceptance at ingest).
 */
public final class StageMetrics {
    private final Counter processed;
    private final Counter failed;
    private final Counter deadLettered;
    private final Timer age;

    public StageMetrics(MeterRegistry registry, String stage) {
        this.processed = counter(registry, stage, "processed");
        this.failed = counter(registry, stage, "failed");
        this.deadLettered = counter(registry, stage, "dead_lettered");
        this.age = Timer.builder("khabar.stage.article.age")
                .description("Time from acceptance at ingest until this stage finished with the article")
                .tag("stage", stage)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String stage, String outcome) {
        return Counter.builder("khabar.stage.messages")
                .description("Messages handled by a pipeline stage, by outcome")
                .tag("stage", stage)
                .tag("outcome", outcome)
                .register(registry);
    }

    public void processed(Instant receivedAt) {
        processed.increment();
        if (receivedAt != null) {
            age.record(Duration.between(receivedAt, Instant.now()));
        }
    }

    /** A message failed; it is dead-lettered as well. */
    public void deadLettered() {
        failed.increment();
        deadLettered.increment();
    }

    /** A failure that will be retried (not dead-lettered yet). */
    public void failed() {
        failed.increment();
    }
}
