package io.khabar.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProcessStatsTest {
    @Test
    void aJvmsCompilerThreadsAreCountedApartFromItsWork() {
        assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")), "needs Linux /proc");
        long pid = ProcessHandle.current().pid();
        Map<String, Map<String, Double>> before = ProcessStats.jvmThreadSeconds(Map.of("me", pid));
        long sum = 0;
        for (int round = 0; round < 200; round++) { // new code to compile: lambdas and loops over strings
            for (int i = 0; i < 20_000; i++) {
                sum += Integer.toString(i * round).chars().map(c -> c * 31).sum();
            }
        }
        Map<String, Map<String, Double>> after = ProcessStats.jvmThreadSeconds(Map.of("me", pid));

        assertThat(sum).isPositive();
        assertThat(after.get("me").get("jit")).isPositive().isGreaterThanOrEqualTo(before.get("me").get("jit"));
        assertThat(after.get("me").get("gc")).isGreaterThanOrEqualTo(0.0);
        Map<String, Map<String, Double>> perArticle = ProcessStats.jvmThreadMillisPerArticle(
                Map.of("me", Map.of("jit", 1.0, "gc", 0.5)), Map.of("me", Map.of("jit", 3.0, "gc", 0.5)), 1000);
        assertThat(perArticle.get("me")).containsEntry("jit", 2.0).containsEntry("gc", 0.0);
    }

    @Test
    void aProcessThatIsGoneIsLeftOut() {
        assertThat(ProcessStats.jvmThreadSeconds(Map.of("gone", Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void theJitsShareIsOfTheJvmsCpuAlone() {
        Map<String, Double> cpu = Map.of("enrich-service", 6.0, "kafka", 2.0, "postgresql", 4.0);
        Map<String, Map<String, Double>> jvm = Map.of("enrich-service", Map.of("jit", 1.5, "gc", 0.5),
                "kafka", Map.of("jit", 0.5, "gc", 0.0));

        assertThat(ProcessStats.jitShare(cpu, jvm)).as("2 of the JVMs' 8 ms; PostgreSQL is no JVM").isEqualTo(0.25);
        assertThat(ProcessStats.jitShare(cpu, Map.of())).as("attached: nothing to read").isNaN();
        assertThat(ProcessStats.millisPerArticle(Map.of("kafka", 1.0), Map.of("kafka", 3.5), 1000))
                .containsEntry("kafka", 2.5);
    }
}
