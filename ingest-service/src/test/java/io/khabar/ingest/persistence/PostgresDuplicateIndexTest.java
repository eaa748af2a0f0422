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
}
