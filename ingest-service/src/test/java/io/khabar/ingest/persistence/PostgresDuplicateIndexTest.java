package io.khabar.ingest.persistence;

import io.khabar.events.Duplicate;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.khabar.ingest.config.IngestConfig;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.dedup.Fingerprint;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deduplication state in a real PostgreSQL: a fresh index object on the same database (a restart, or another
 * instance) gives the same answers, and replays keep their place in "first seen" order.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class PostgresDuplicateIndexTest {
    @Inject
    DataSource dataSource;
    @Inject
    IngestConfig config;

    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    private Fingerprint fingerprint(String body) {
        return normalizer.normalize(ArticleNormalizer.Input.of("t", body)).fingerprint();
    }

    @Test
    void answersSurviveARestartAndReplaysKeepTheirPlace() throws Exception {
        String seed = Files.readString(Path.of("../samples/kremlin-assad-visit.ar.txt"));
        String unique = seed + "\n\nمرجع " + UUID.randomUUID().toString().replace("-", " ");
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        String c = "c-" + UUID.randomUUID();
        Fingerprint original = fingerprint(unique);
        Fingerprint edited = fingerprint(unique.replace("منتجع سوتشي", "منتجع سوتشي الروسي"));

        PostgresDuplicateIndex instance1 = new PostgresDuplicateIndex(dataSource, config);
        assertThat(instance1.check(a, original)).isEqualTo(Duplicate.unique());
        Duplicate near = instance1.check(b, edited);
        assertThat(near.status()).isEqualTo(Duplicate.NEAR);
        assertThat(near.of()).isEqualTo(a);

        PostgresDuplicateIndex instance2 = new PostgresDuplicateIndex(dataSource, config); // restart / other instance
        assertThat(instance2.check(b, edited)).isEqualTo(near);
        assertThat(instance2.check(a, original)).isEqualTo(Duplicate.unique()); // a replay of the original
        assertThat(instance2.check(c, original)).isEqualTo(new Duplicate(Duplicate.EXACT, a, 1.0));
    }

    /**
     * Finding 7: identical texts checked at the same moment were both "unique" (neither saw the other's uncommitted
     * row). Now exactly one of eight concurrent copies is unique and the others are exact duplicates of it; likewise
     * near copies have at most one unique among them.
     */
    @Test
    void copiesCheckedAtTheSameMomentHaveOneOriginal() throws Exception {
        for (int round = 0; round < 3; round++) {
            String text = randomText(400);
            Fingerprint same = fingerprint(text);
            java.util.List<Duplicate> exact = concurrently(8, i -> same);
            assertThat(exact.stream().filter(d -> d.status().equals(Duplicate.UNIQUE)).count()).isEqualTo(1);
            assertThat(exact.stream().filter(d -> d.status().equals(Duplicate.EXACT)).count()).isEqualTo(7);

            String other = randomText(400);
            java.util.List<Duplicate> near = concurrently(6, i -> fingerprint(other + " تحديث " + i));
            assertThat(near.stream().filter(d -> d.status().equals(Duplicate.UNIQUE)).count()).isEqualTo(1);
        }
    }

    /** Words no other test writes: each call a text of its own (so earlier articles are no originals of it). */
    private static String randomText(int words) {
        java.util.Random random = new java.util.Random(UUID.randomUUID().getMostSignificantBits());
        String letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int len = 3 + random.nextInt(5);
            for (int i = 0; i < len; i++) {
                out.append(letters.charAt(random.nextInt(letters.length())));
            }
            out.append(w % 15 == 14 ? ".\n" : " ");
        }
        return out.toString();
    }

    private java.util.List<Duplicate> concurrently(int n, java.util.function.IntFunction<Fingerprint> fingerprints)
            throws Exception {
        PostgresDuplicateIndex index = new PostgresDuplicateIndex(dataSource, config);
        java.util.List<Fingerprint> fps = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            fps.add(fingerprints.apply(i));
        }
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.List<java.util.concurrent.Future<Duplicate>> results = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                Fingerprint fp = fps.get(i);
                String id = "copy-" + UUID.randomUUID();
                results.add(pool.submit(() -> {
                    start.await();
                    return index.check(id, fp);
                }));
            }
            java.util.List<Duplicate> out = new java.util.ArrayList<>();
            for (var r : results) {
                out.add(r.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
