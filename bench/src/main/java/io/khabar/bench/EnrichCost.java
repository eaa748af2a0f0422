package io.khabar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.bench.cli.Tools;
import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.entities.EntityExtractor;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.EventJson;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.matching.MatchingAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * enrich's whole per-record path (read the normalized event, enrich, write the enriched event) over the benchmark's
 * article mix, on one thread, as {@code RecordPathBenchmark} runs it: the CPU time and the bytes allocated per article
 * in each pass, and, with {@code --write}, the normalized and enriched events in a form two commits can be compared by
 * (fixed times, no event ids, keys sorted; {@code Map.of} orders keys differently in every JVM). How the fifth session
 * of issue #16 checked that its changes left every output as it was, and where its JFR profiles came from (run it with
 * {@code -XX:StartFlightRecording} in {@code JAVA_TOOL_OPTIONS}). {@code ./khabar enrich-cost [--articles N]
 * [--passes P] [--write FILE]}.
 */
@Command(name = "enrich-cost", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"enrich's whole per-record path over the benchmark's article mix on one thread: CPU time and"
                + " bytes allocated per article in each pass, and with --write the normalized and enriched events in"
                + " a form two commits can be compared by (fixed times, no event ids, keys sorted)."})
public final class EnrichCost implements Callable<Integer> {
    /** The receive and enrich time of every article, so that two runs write the same events. */
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Option(names = "--articles", paramLabel = "N", defaultValue = "2000", converter = Tools.PositiveInt.class,
            description = "distinct articles, Arabic and English as the benchmark mixes them (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--passes", paramLabel = "P", defaultValue = "5", converter = Tools.Count.class,
            description = "timed passes over them after the first, untimed one (default: ${DEFAULT-VALUE})")
    int passes;

    @Option(names = "--write", paramLabel = "FILE",
            description = "write the enriched events to FILE and the normalized ones to FILE.normalized, one JSON"
                    + " a line, comparable across commits")
    Path write;

    @Option(names = "--corpus", paramLabel = "DIR", description = "news corpus (default: ../shared/data/news)")
    Path corpusDir;

    private EnrichCost() {
    }

    public static void main(String[] args) {
        Tools.run(new EnrichCost(), args);
    }

    @Override
    public Integer call() throws IOException {
        if (write != null) {
            Tools.writableFile(write);
        }
        Path corpusDir = this.corpusDir != null ? this.corpusDir
                : Corpus.beside(Path.of(System.getProperty("khabar.root", ".")));
        Tools.requireFolder(corpusDir, "news corpus", "pass --corpus DIR");
        Corpus corpus = Corpus.load(corpusDir, n);
        ArticleIntake intake = new ArticleIntake();
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            Corpus.Item item = corpus.get(i);
            ObjectNode a = item.raw("cost-" + i);
            records.add(EventJson.toBytes(intake.normalize(intake.accept(a, AT), AT, null, (id, e) -> { })));
        }
        ArticleEnricher enricher = new ArticleEnricher(ArticleEnricher.Annotators.all(
                EntityExtractor.load(new MatchingAnalyzer(), List.of()), ZoneOffset.UTC));
        System.out.printf(Locale.ROOT, "%d articles normalized; enriching them once, untimed%n", records.size());
        List<byte[]> enriched = new ArrayList<>(records.size());
        for (byte[] r : records) {
            enriched.add(enrich(enricher, r));
        }
        if (write != null) {
            comparable(records, Path.of(write + ".normalized"));
            comparable(enriched, write);
            System.out.println("wrote " + write + " and " + write + ".normalized");
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int p = 1; p <= passes; p++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = threads.getCurrentThreadAllocatedBytes();
            for (byte[] r : records) {
                enrich(enricher, r);
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            bytes = threads.getCurrentThreadAllocatedBytes() - bytes;
            System.out.printf(Locale.ROOT, "pass %d of %d: %.3f ms CPU and %,d KB allocated per article%n", p, passes,
                    cpu / 1e6 / records.size(), bytes / 1024 / records.size());
        }
        return 0;
    }

    private static byte[] enrich(ArticleEnricher enricher, byte[] normalized) {
        return EventJson.toBytes(enricher.enrich(EventJson.read(normalized, ArticleNormalized.class), AT));
    }

    /** The events, one a line, without their ids and with every object's keys in order. */
    private static void comparable(List<byte[]> events, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (byte[] e : events) {
                JsonNode tree = EventJson.mapper().readTree(e);
                ((ObjectNode) tree).remove("eventId");
                out.write(EventJson.mapper().writeValueAsString(sorted(tree)));
                out.write('\n');
            }
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> m = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                m.put(f.getKey(), sorted(f.getValue()));
            }
            return m;
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>();
            node.forEach(x -> l.add(sorted(x)));
            return l;
        }
        return node;
    }
}
