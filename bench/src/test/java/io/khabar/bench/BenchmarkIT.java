package io.khabar.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness on a small N: it must measure real work, count every article, and write its report. */
class BenchmarkIT {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void smallRunStoresEveryArticleOnceAndReportsEveryFigure() throws Exception {
        BenchOptions options = BenchOptions.parse(new String[]{"--n", "120", "--rates", "20", "--latency-seconds", "3",
                "--warmup", "30", "--latency-warmup", "2", "--report-dir", dir.resolve("report").toString()},
                Path.of("..").toAbsolutePath().normalize());
        Map<String, Object> r = new Benchmark(options, System.out::println).run(Path.of(".."), dir.resolve("home"));

        Map<String, Object> baseline = (Map<String, Object>) r.get("baseline");
        assertThat(baseline.get("mode")).isEqualTo("pass-through");
        assertThat(baseline.get("completed")).isEqualTo(120L);

        Map<String, Object> t = (Map<String, Object>) r.get("throughput");
        assertThat(t.get("completed")).isEqualTo(120L);
        assertThat((Map<String, Object>) t.get("check"))
                .containsEntry("storedRows", 120L).containsEntry("distinctIds", 120L)
                .containsEntry("deadLettered", 0L).containsEntry("ok", true);
        assertThat(((Number) t.get("articlesPerSecond")).longValue()).isPositive();
        assertThat(((Number) t.get("ratioToBaseline")).doubleValue()).isPositive();
        Map<String, Map<String, Object>> stages = (Map<String, Map<String, Object>>) t.get("stages");
        assertThat(stages).containsOnlyKeys("ingest", "enrich", "store");
        // offsets: ingest's input is a plain topic; enrich's and store's are written in transactions, whose commit
        // markers take offsets too
        assertThat(stages.get("ingest").get("committed")).isEqualTo(120L);
        stages.values().forEach(s -> assertThat((Long) s.get("committed")).isGreaterThanOrEqualTo(120L));
        Map<String, Object> cpu = (Map<String, Object>) t.get("cpuMillisPerArticle");
        assertThat(cpu).containsKeys("ingest-service", "enrich-service", "store-service", "kafka");
        assertThat(((Number) cpu.get("enrich-service")).doubleValue()).isPositive();
        assertThat(((Map<String, Long>) t.get("peakRssMiB")).get("store-service")).isPositive();

        List<Map<String, Object>> latency = (List<Map<String, Object>>) r.get("latency");
        assertThat(latency).hasSize(1);
        assertThat(latency.get(0).get("stored")).isEqualTo(60L);
        Map<String, Map<String, Object>> ms = (Map<String, Map<String, Object>>) latency.get(0).get("latencyMs");
        assertThat(ms.get("endToEnd").get("count")).isEqualTo(60);
        assertThat(((Number) ms.get("endToEnd").get("p50")).doubleValue()).isPositive();
        assertThat(((Number) ms.get("endToEnd").get("p99")).doubleValue())
                .isGreaterThanOrEqualTo(((Number) ms.get("endToEnd").get("p50")).doubleValue());

        Path json = Report.write(r, dir.resolve("report"));
        assertThat(json).exists();
        assertThat(Files.readString(dir.resolve("report/benchmarks.md"))).contains("| pipeline | 120 |")
                .contains("| 20 | 60/60 |");
    }
}
