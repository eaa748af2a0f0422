package io.khabar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.entities.EntityExtractor;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.ArticleReceived;
import io.khabar.events.EventJson;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.normalize.matching.MatchingAnalyzer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes per article on each topic, and which fields they go to: real corpus articles (every k-th, Arabic and English
 * as the benchmark mixes them) as a producer sends them, then the normalized and enriched events that ingest's and
 * enrich's own code make of them, serialized as the services write them. {@code ./khabar event-sizes [--articles N]
 * [--corpus DIR]}.
 */
public final class EventSizes {
    private EventSizes() {
    }

    public static void main(String[] args) throws Exception {
        int n = 309;
        int show = -1;
        Path corpusDir = Path.of(System.getProperty("khabar.root", ".")).resolve("../shared/data/news");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> n = Integer.parseInt(BenchOptions.value(args, ++i, "--articles"));
                case "--show" -> show = Integer.parseInt(BenchOptions.value(args, ++i, "--show"));
                case "--corpus" -> corpusDir = Path.of(BenchOptions.value(args, ++i, "--corpus"));
                case "--help", "-h" -> {
                    System.out.println("usage: ./khabar event-sizes [--articles N (default 309)] [--corpus DIR] [--show I (print the I-th enriched event)]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
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
        for (int i = 0; i < n; i++) {
            Corpus.Item item = corpus.get((long) (i * step));
            ObjectNode a = EventJson.mapper().createObjectNode();
            a.put("id", "size-" + i);
            a.put("source", item.language().equals("ar") ? "saudinewsnet" : "bbc");
            a.put("title", item.title());
            a.put("body", item.body());
            raw += EventJson.toBytes(a).length;
            Instant now = Instant.now();
            ArticleReceived received = intake.accept(a, now);
            ArticleNormalized normalized = intake.normalize(received, now, null, (id, e) -> { });
            byte[] nb = EventJson.toBytes(normalized);
            normalizedBytes += nb.length;
            fields(nb, normalizedFields);
            byte[] eb = EventJson.toBytes(enricher.enrich(normalized, Instant.now()));
            enrichedBytes += eb.length;
            if (i == show) {
                System.out.println(new String(eb, java.nio.charset.StandardCharsets.UTF_8));
            }
            fields(eb, enrichedFields);
            for (JsonNode ann : EventJson.mapper().readTree(eb).path("annotations")) {
                annotationKinds.merge("annotations." + ann.path("kind").asText(), (long) EventJson.toBytes(ann).length + 1,
                        Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d articles (%d distinct in the corpus), mean bytes per article:%n", n,
                corpus.size());
        System.out.printf(Locale.ROOT, "  raw %,d; normalized %,d (%.2fx raw); enriched %,d (%.2fx raw)%n", raw / n,
                normalizedBytes / n, (double) normalizedBytes / raw, enrichedBytes / n, (double) enrichedBytes / raw);
        print("normalized", normalizedFields, n);
        print("enriched", enrichedFields, n);
        print("enriched annotations", annotationKinds, n);
        System.out.println("(schema version " + ArticleEnriched.SCHEMA_VERSION + ")");
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
