package io.khabar.bench.jmh;

import io.khabar.entities.ner.EntityRecognizer;
import io.khabar.entities.ner.NamedSpan;
import io.khabar.entities.ner.WordKeys;
import io.khabar.matching.MatchingAnalyzer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The named-entity recognizer alone, on one thread: both passes over every sentence of the same real 4 KB articles as
 * {@link EntityBenchmark} (normalized once in set-up), with the shipped models. The recognizer is the largest part of
 * enrich-service's profile, so a change to its hot loops shows here first, with less of the rest of the enrichment's
 * noise around it. {@code ./khabar jmh RecognizerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class RecognizerBenchmark {
    @Param({"ar", "en"})
    public String language;

    private EntityRecognizer recognizer;
    private final List<NormalizedArticle> articles = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws IOException {
        recognizer = EntityRecognizer.loadDefault(new WordKeys(new MatchingAnalyzer()));
        articles.addAll(NormalizerBenchmark.normalized(language));
    }

    @Benchmark
    public List<NamedSpan> recognize4kb() {
        NormalizedArticle n = articles.get(next);
        next = (next + 1) % articles.size();
        return recognizer.find(n.text(), n.facts().sentences(), offset -> n.language());
    }
}
