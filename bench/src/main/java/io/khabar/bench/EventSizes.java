package io.khabar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.bench.cli.Tools;
import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.entities.EntityExtractor;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.ArticleReceived;
import io.khabar.events.EventJson;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.matching.MatchingAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Bytes per article on each topic, and which fields they go to: real corpus articles (every k-th, Arabic and English
 * as the benchmark mixes them) as a producer sends them, then the normalized and enriched events that ingest's and
 * enrich's own code make of them, serialized as the services write them. {@code ./khabar event-sizes [--articles N]
 * [--corpus DIR] [--show I] [--write FILE]}.
 */
@Command(name = "event-sizes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Bytes per article on each topic, and which fields they go to: real corpus articles as a"
                + " producer sends them, then the normalized and enriched events that ingest's and enrich's own code"
                + " make of them, serialized as the services write them."})
public final class EventSizes implements Callable<Integer> {
    @Option(names = "--articles", paramLabel = "N", defaultValue = "309", converter = Tools.PositiveInt.class,
            description = "articles measured, spread over the corpus (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--corpus", paramLabel = "DIR", description = "news corpus (default: ../shared/data/news)")
    Path corpusDir;

    @Option(names = "--show", paramLabel = "I", defaultValue = "-1",
            description = "also print the I-th enriched event (counted from 0)")
    int show;

    @Option(names = "--write", paramLabel = "FILE",
            description = "also write every enriched event to FILE, one JSON a line, as the services write them")
    Path write;

    private EventSizes() {
    }

    public static void main(String[] args) {
        Tools.run(new EventSizes(), args);
    }

    @Override
    public Integer call() throws Exception {
        Path corpusDir = this.corpusDir != null ? this.corpusDir
                : Corpus.beside(Path.of(System.getProperty("khabar.root", ".")));
        Corpus corpus = Corpus.load(corpusDir, 40_000);
        ArticleIntake intake = new ArticleIntake();
        ArticleEnricher enricher = new ArticleEnricher(ArticleEnricher.Annotators.all(
                EntityExtractor.load(new MatchingAnalyzer(), List.of()), ZoneOffset.UTC));
        long raw = 0;
        long normalizedBytes = 0;
        long enrichedBytes = 0;
        Map<String, Long> normalizedFields = new TreeMap<>();
        Map<String, Long> enrichedFields = new TreeMap<>();
        Map<String, Long> annotationKinds = new TreeMap<>();
        double step = (double) corpus.size() / n;
        java.io.OutputStream out = write == null ? java.io.OutputStream.nullOutputStream()
                : new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(write));
        for (int i = 0; i < n; i++) {
            Corpus.Item item = corpus.get((long) (i * step));
            ObjectNode a = item.raw("size-" + i);
            raw += EventJson.toBytes(a).length;
            Instant now = Instant.now();
            ArticleReceived received = intake.accept(a, now);
            ArticleNormalized normalized = intake.normalize(received, now, null, (id, e) -> { });
            byte[] nb = EventJson.toBytes(normalized);
            normalizedBytes += nb.length;
            fields(nb, normalizedFields);
            byte[] eb = EventJson.toBytes(enricher.enrich(normalized, Instant.now()));
            enrichedBytes += eb.length;
            out.write(eb);
            out.write('\n');
            if (i == show) {
                System.out.println(new String(eb, java.nio.charset.StandardCharsets.UTF_8));
            }
            fields(eb, enrichedFields);
            for (JsonNode ann : EventJson.mapper().readTree(eb).path("annotations")) {
                annotationKinds.merge("annotations." + ann.path("kind").asText(), (long) EventJson.toBytes(ann).length + 1,
                        Long::sum);
            }
        }
        out.close();
        System.out.printf(Locale.ROOT, "%d articles (%d distinct in the corpus), mean bytes per article:%n", n,
                corpus.size());
        System.out.printf(Locale.ROOT, "  raw %,d; normalized %,d (%.2fx raw); enriched %,d (%.2fx raw)%n", raw / n,
                normalizedBytes / n, (double) normalizedBytes / raw, enrichedBytes / n, (double) enrichedBytes / raw);
        print("normalized", normalizedFields, n);
        print("enriched", enrichedFields, n);
        print("enriched annotations", annotationKinds, n);
        System.out.println("(schema version " + ArticleEnriched.SCHEMA_VERSION + ")");
        return 0;
    }

    private static void fields(byte[] json, Map<String, Long> into) throws java.io.IOException {
        JsonNode tree = EventJson.mapper().readTree(json);
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            into.merge(f.getKey(), (long) EventJson.toBytes(f.getValue()).length + f.getKey().length() + 4, Long::sum);
        }
    }

    private static void print(String topic, Map<String, Long> fields, int n) {
        StringBuilder sb = new StringBuilder("  " + topic + " by field:");
        fields.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sb.append(' ').append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%,d",
                        e.getValue() / n)));
        System.out.println(sb);
    }
}
