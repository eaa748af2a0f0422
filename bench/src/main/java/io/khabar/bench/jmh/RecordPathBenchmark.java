package io.khabar.bench.jmh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.bench.Corpus;
import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.entities.EntityExtractor;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.EventJson;
import io.khabar.ingest.service.ArticleIntake;
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
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * enrich-service's whole per-record path on one thread, as the service runs it on a record of the normalized topic:
 * read the event's bytes, enrich it, write the enriched event's bytes. The records are the same mix as
 * {@code ./khabar bench} (SaudiNewsNet and BBC, interleaved), {@code articles} distinct ones normalized by ingest's
 * own code in set-up, so caches and the JIT see the variety the service sees. Its inverse is the CPU cost per article
 * the service could reach; the benchmark's per-process CPU figure is what it pays (the set-up holds the corpus, so
 * the fork has 1 GiB of heap, not the service's 320 MiB):
 * {@code ./khabar jmh RecordPathBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class RecordPathBenchmark {
    @Param({"2000"})
    public int articles;

    private ArticleEnricher enricher;
    private final List<byte[]> records = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws IOException {
        enricher = new ArticleEnricher(ArticleEnricher.Annotators.all(
                EntityExtractor.load(new MatchingAnalyzer(), List.of()), ZoneOffset.UTC));
        Path root = Path.of(System.getProperty("khabar.root", "."));
        Corpus corpus = Corpus.load(Corpus.beside(root), articles);
        ArticleIntake intake = new ArticleIntake();
        for (int i = 0; i < corpus.size(); i++) {
            Corpus.Item item = corpus.get(i);
            ObjectNode a = item.raw("jmh-" + i);
            Instant now = Instant.now();
            records.add(EventJson.toBytes(intake.normalize(intake.accept(a, now), now, null, (id, e) -> { })));
        }
    }

    @Benchmark
    public byte[] deserializeEnrichSerialize() {
        byte[] in = records.get(next);
        next = (next + 1) % records.size();
        ArticleNormalized event = EventJson.read(in, ArticleNormalized.class);
        return EventJson.toBytes(enricher.enrich(event, Instant.now()));
    }
}
