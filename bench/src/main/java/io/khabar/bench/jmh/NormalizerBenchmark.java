package io.khabar.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.EventJson;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Normalizer throughput on one thread (articles per second per core) for 4 KB articles: real Arabic newspaper
 * articles ({@code news/ar/saudinewsnet/sample_00.jsonl}) and real BBC articles ({@code news/en/bbc}), each cut at a
 * paragraph boundary to about 4 KB of UTF-8, used in rotation. The whole normalization runs: text cleaning, language
 * per article and paragraph, matching layer and MinHash fingerprint. Full HTML pages are measured by the extraction
 * evaluation instead. {@code ./khabar jmh NormalizerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
@Fork(1)
public class NormalizerBenchmark {
    static final int TARGET_BYTES = 4096;
    static final int ARTICLES = 200;

    @Param({"ar", "en"})
    public String language;

    /** {@code all} (71 languages), or a plus-separated candidate list (a newsroom's {@code khabar.ingest.languages}). */
    @Param({"all"})
    public String candidates;

    private ArticleNormalizer normalizer;
    private final List<ArticleNormalizer.Input> inputs = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws IOException {
        normalizer = new ArticleNormalizer(java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC,
                candidates.equals("all") ? java.util.Set.of() : java.util.Set.of(candidates.split("[+]")));
        inputs.addAll(articles(language));
    }

    /** Up to 200 real articles of about 4 KB in {@code ar} or {@code en}, for the benchmarks of this package. */
    static List<ArticleNormalizer.Input> articles(String language) throws IOException {
        List<ArticleNormalizer.Input> inputs = new ArrayList<>();
        Path data = Path.of(System.getProperty("khabar.data",
                Path.of(System.getProperty("khabar.root", "."), "..", "shared", "data").toString()));
        Path file = language.equals("ar") ? data.resolve("news/ar/saudinewsnet/sample_00.jsonl")
                : data.resolve("news/en/bbc/bbc_00.jsonl");
        String field = language.equals("ar") ? "content" : "body";
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = EventJson.mapper().readTree(line);
            String body = cut(n.path(field).asText(""));
            if (body.getBytes(StandardCharsets.UTF_8).length >= TARGET_BYTES * 3 / 4) {
                inputs.add(ArticleNormalizer.Input.of(n.path("title").asText(), body));
            }
            if (inputs.size() == ARTICLES) {
                break;
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalStateException("no articles of about 4 KB in " + file);
        }
        double mean = inputs.stream().mapToInt(i -> i.body().getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
        System.out.printf("%d %s articles, mean %.0f bytes%n", inputs.size(), language, mean);
        return inputs;
    }

    /** {@link #articles} normalized once, with the default settings: the input of the enrichment benchmarks. */
    static List<NormalizedArticle> normalized(String language) throws IOException {
        ArticleNormalizer normalizer = new ArticleNormalizer();
        List<NormalizedArticle> out = new ArrayList<>();
        for (ArticleNormalizer.Input in : articles(language)) {
            out.add(normalizer.normalize(in));
        }
        return out;
    }

    /** The body up to the last paragraph (or sentence) boundary before 4 KB of UTF-8. */
    static String cut(String body) {
        if (body.getBytes(StandardCharsets.UTF_8).length <= TARGET_BYTES) {
            return body;
        }
        int end = 0;
        int bytes = 0;
        for (int i = 0; i < body.length() && bytes < TARGET_BYTES; i++) {
            char c = body.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (c == '\n' || c == '.') {
                end = i + 1;
            }
        }
        return end == 0 ? body.substring(0, Math.min(body.length(), TARGET_BYTES / 2)) : body.substring(0, end);
    }

    @Benchmark
    public NormalizedArticle normalize4kb() {
        ArticleNormalizer.Input in = inputs.get(next);
        next = (next + 1) % inputs.size();
        return normalizer.normalize(in);
    }
}
