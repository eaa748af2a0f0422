package io.khabar.bench;

import io.khabar.bench.cli.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./khabar enrich-cost}: what it writes can be compared across runs and commits. */
class EnrichCostTest {
    private static final Path CORPUS = Path.of("../../shared/data/news");

    /**
     * Two runs of the same code write the same events, byte for byte, though every run orders the keys of
     * {@code Map.of} attributes differently and the events carry fresh ids: ids are left out and keys sorted.
     */
    @Test
    void twoRunsWriteTheSameEvents(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        for (Path out : List.of(first, second)) {
            assertThat(Tools.execute(EnrichCost.class, "--articles", "12", "--passes", "1", "--corpus",
                    CORPUS.toString(), "--write", out.toString())).isZero();
        }
        List<String> events = Files.readAllLines(first);
        assertThat(events).hasSize(12).allSatisfy(e -> assertThat(e).doesNotContain("\"eventId\"")
                .contains("\"enrichedAt\":\"2026-01-01T00:00:00Z\"").contains("\"entities\""));
        assertThat(Files.readAllLines(second)).isEqualTo(events);
        assertThat(Files.readAllLines(Path.of(first + ".normalized"))).hasSize(12)
                .isEqualTo(Files.readAllLines(Path.of(second + ".normalized")));
    }
}
