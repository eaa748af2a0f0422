package io.khabar.bench.jmh;

import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.entities.EntityExtractor;
import io.khabar.normalize.NormalizedArticle;
import io.khabar.matching.MatchingAnalyzer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Enrichment throughput on one thread (articles per second per core) for the same real 4 KB articles as
 * {@link NormalizerBenchmark}, normalized once in set-up: everything enrich-service does to an article (languages,
 * named-entity recognition on every sentence and the title, nisba relations, coreference, linking to the knowledge
 * base, salience, quotes, dates, amounts, topics and keyphrases). {@code ./khabar jmh EntityBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class EntityBenchmark {
    @Param({"ar", "en"})
    public String language;

    private ArticleEnricher enricher;
    private final List<NormalizedArticle> articles = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws IOException {
        enricher = new ArticleEnricher(ArticleEnricher.Annotators.all(
                EntityExtractor.load(new MatchingAnalyzer(), List.of()), java.time.ZoneOffset.UTC));
        articles.addAll(NormalizerBenchmark.normalized(language));
    }

    @Benchmark
    public ArticleEnricher.Description enrich4kb() {
        NormalizedArticle n = articles.get(next);
        next = (next + 1) % articles.size();
        return enricher.describe(n.text(), n.title(), n.language(), n.languageConfidence(), n.publishedAt(),
                n.paragraphs(), n.facts());
    }
}
