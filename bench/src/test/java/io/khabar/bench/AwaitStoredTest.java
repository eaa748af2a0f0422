package io.khabar.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How often the benchmark counts stored rows while it waits: rarely far from the end, every 100 ms near it. */
class AwaitStoredTest {
    @Test
    void looksEveryTenthOfTheExpectedTimeLeftWithinATenthOfASecondAndTwoSeconds() {
        // 150 rows stored in the last second, 15,000 left: 100 s to go, a look every 2 s at most
        assertThat(Benchmark.nextLookMillis(15_000, 150, 1_000_000_000L)).isEqualTo(2_000);
        // 3,000 left at 150/s: 20 s to go, a look every 2 s
        assertThat(Benchmark.nextLookMillis(3_000, 150, 1_000_000_000L)).isEqualTo(2_000);
        // 1,500 left: 10 s to go, a look every second
        assertThat(Benchmark.nextLookMillis(1_500, 150, 1_000_000_000L)).isEqualTo(1_000);
        // 60 left: 0.4 s to go, a look every 100 ms, as before
        assertThat(Benchmark.nextLookMillis(60, 150, 1_000_000_000L)).isEqualTo(100);
    }

    @Test
    void withNoProgressSinceTheLastLookItLooksAgainInHalfASecond() {
        assertThat(Benchmark.nextLookMillis(20_000, 0, 1_000_000_000L)).isEqualTo(500);
        assertThat(Benchmark.nextLookMillis(20_000, 10, 0)).isEqualTo(500);
    }
}
