package io.khabar.bench.jmh;

import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.EventJson;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import io.khabar.normalize.language.LanguageIdentifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pure-Java hot paths of the pipeline, per article: ingest's whole normalization, language identification,
 * enrich's annotation, and the JSON (de)serialization every hop pays. Inputs are the bundled seed article (Arabic) and an
 * English article of similar length. Run with {@code ./khabar jmh} (JMH options pass through).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmarks {
    private static final String ENGLISH = """
            Russian President Vladimir Putin hosted Syrian President Bashar al-Assad in the Black Sea resort of Sochi \
            on Monday, the Kremlin said on Tuesday, for talks in which the two agreed that the focus of the conflict \
            had moved from military operations to a political settlement.

            The meeting took place on Monday but was not announced until Tuesday morning. Putin told Assad that he \
            wanted to meet him before a summit this week in Russia with the presidents of Turkey and Iran.

            "We still have a long way to go before we achieve a complete victory over terrorists," Putin said.
            """;

    @Param({"ar", "en"})
    public String language;

    private String title;
    private String body;
    private ArticleNormalized normalized;
    private byte[] normalizedJson;
    private final ArticleNormalizer normalizer = new ArticleNormalizer();
    private final LanguageIdentifier detector = new LanguageIdentifier();
    private final ArticleEnricher enricher = new ArticleEnricher(ArticleEnricher.Annotators.none()); // languages only: EntityBenchmark measures the rest

    @Setup
    public void setUp() throws IOException {
        if (language.equals("ar")) {
            Path seed = Path.of(System.getProperty("khabar.root", "."), "samples", "kremlin-assad-visit.ar.txt");
            List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
            title = lines.get(0);
            body = String.join("\n", lines.subList(1, lines.size()));
        } else {
            title = "Kremlin details Assad's visit";
            body = ENGLISH;
        }
        var received = new ArticleIntake().accept(EventJson.mapper().valueToTree(
                java.util.Map.of("source", "jmh", "title", title, "body", body)), Instant.now());
        normalized = new ArticleIntake().normalize(received, Instant.now(), null, (id, e) -> { });
        normalizedJson = EventJson.toBytes(normalized);
    }

    @Benchmark
    public NormalizedArticle normalize() {
        return normalizer.normalize(ArticleNormalizer.Input.of(title, body));
    }

    @Benchmark
    public Object detectLanguage() {
        return detector.identify(normalized.text());
    }

    @Benchmark
    public ArticleEnriched enrich() {
        return enricher.enrich(normalized, Instant.EPOCH);
    }

    @Benchmark
    public byte[] jsonRoundTrip() {
        return EventJson.toBytes(EventJson.read(normalizedJson, ArticleNormalized.class));
    }
}
