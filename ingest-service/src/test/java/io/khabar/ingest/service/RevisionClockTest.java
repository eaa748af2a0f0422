package io.khabar.ingest.service;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionClockTest {
    @Test
    void answersNeverRepeatNorGoBackEvenWhenTheWallClockStandsStillOrSteps() {
        Instant wall = Instant.parse("2026-12-05T10:00:00.000001Z");
        RevisionClock stopped = new RevisionClock(Clock.fixed(wall, ZoneOffset.UTC));
        Instant a = stopped.next();
        Instant b = stopped.next();
        Instant c = stopped.next();
        assertThat(a).isEqualTo(wall);
        assertThat(ChronoUnit.MICROS.between(a, b)).isEqualTo(1);
        assertThat(ChronoUnit.MICROS.between(b, c)).isEqualTo(1);
    }

    @Test
    void followsTheWallClockWhenItIsAhead() {
        RevisionClock clock = new RevisionClock();
        Instant first = clock.next();
        Instant later = clock.next();
        assertThat(later).isAfter(first);
        assertThat(ChronoUnit.SECONDS.between(first, Instant.now())).isLessThan(5);
    }
}
