package io.khabar.ingest.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Acceptance times that never repeat and never go back within this process, to the microsecond: an article's revision
 * is its acceptance time in microseconds, so the later of two versions sent (in one NDJSON request, or in two requests)
 * always has the higher revision, and the last version sent wins everywhere downstream.
 */
public final class RevisionClock {
    private final Clock clock;
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    public RevisionClock(Clock clock) {
        this.clock = clock;
    }

    public RevisionClock() {
        this(Clock.systemUTC());
    }

    /** The wall time, or one microsecond past the previous answer when the wall time has not moved past it. */
    public Instant next() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        long micros = last.updateAndGet(prev -> Math.max(now, prev + 1));
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
