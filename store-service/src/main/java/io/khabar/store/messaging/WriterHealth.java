package io.khabar.store.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;

/**
 * Readiness of the writer: DOWN while it waits out a database outage (or a lock it cannot get), with the reason and
 * since when; UP again after its next successful write. The consumer holds its records meanwhile, so the partitions are
 * paused and nothing is dead-lettered.
 */
@Readiness
@jakarta.enterprise.inject.Default // also injectable without the qualifier, by the consumer that reports to it
@ApplicationScoped
public class WriterHealth implements HealthCheck {
    static final String NAME = "store writer";

    private record Outage(String reason, Instant since, long retries) {
    }

    private volatile Outage outage;

    /** {@code khabar_store_writer_waiting}: 1 while the writer waits out the database, else 0 (an alert rule watches it). */
    @jakarta.inject.Inject
    WriterHealth(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("khabar.store.writer.waiting", this, h -> h.isWaiting() ? 1 : 0)
                .description("1 while store-service holds its records waiting for the database, else 0")
                .register(registry);
    }

    /** A write failed for a reason that is not the article's; the writer will retry. */
    void waiting(String reason) {
        Outage o = outage;
        outage = new Outage(reason, o == null ? Instant.now() : o.since(), o == null ? 1 : o.retries() + 1);
    }

    /** A write went through. */
    void writing() {
        outage = null;
    }

    boolean isWaiting() {
        return outage != null;
    }

    @Override
    public HealthCheckResponse call() {
        Outage o = outage;
        if (o == null) {
            return HealthCheckResponse.up(NAME);
        }
        return HealthCheckResponse.named(NAME).down()
                .withData("waiting", "database unavailable or locked, retrying; records are held, not dead-lettered")
                .withData("reason", o.reason())
                .withData("since", o.since().toString())
                .withData("retries", o.retries())
                .build();
    }
}
