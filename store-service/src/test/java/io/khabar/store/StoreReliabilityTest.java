package io.khabar.store;

import io.agroal.api.AgroalDataSource;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.EventJson;
import io.khabar.events.MatchingText;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.postgres.Database;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What store-service does when its own code, its readers or another database session get in the writer's way: a
 * failure on one article never ends the channel, readers cannot take the writer's connections, a lock held elsewhere
 * makes the writer wait (readiness DOWN), never dead-letter, and live streams are capped.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class StoreReliabilityTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicProbe probe = TestInfra.topics();
    /** The writer's stream-order lock (ArticleRepository.STREAM_LOCK). */
    private static final long STREAM_LOCK = 4242170001L;

    @Inject
    @DataSource("read")
    AgroalDataSource reads;

    @TestHTTPResource("/stream/articles")
    URI stream;

    static ArticleEnriched article(String id, String title, MatchingText matching) {
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        return new ArticleEnriched(1, UUID.randomUUID().toString(), id, 1, "hash", at, at.plusSeconds(1),
                at.plusSeconds(2), "test", "https://x.test/" + id, title, "text of " + id, "en", 0.99, null, List.of(),
                List.of(), List.of(), List.of(), null, null, matching, null, null);
    }

    private static void send(ArticleEnriched a) {
        probe.send(Topics.ENRICHED, a.articleId(), EventJson.toBytes(a));
    }

    private static Connection connect() throws Exception {
        Database db = TestInfra.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    /** Rows of this article id in the database, read directly (not through the read API). */
    private static long count(String id) throws Exception {
        try (Connection c = connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM article WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void awaitStored(String id) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
    }

    /**
     * Finding 8: a RuntimeException from the writer's own code on one article (here, a matching layer without forms)
     * escaped the handler and ended the channel for good. Now that article is dead-lettered with its reason and the
     * articles after it are still stored.
     */
    @Test
    void aFailureOfTheWritersCodeOnOneArticleDeadLettersItAndTheChannelGoesOn() {
        String run = UUID.randomUUID().toString();
        String broken = "broken-" + run;
        send(article(broken, "a matching layer without forms", new MatchingText(null, null, new int[0])));
        for (int i = 0; i < 3; i++) {
            send(article("after-" + run + "-" + i, "after the broken one " + i, null));
        }
        ConsumerRecord<String, byte[]> dead = probe.await(Topics.DEAD_LETTER, r -> broken.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("the article that broke the writer was not dead-lettered"));
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.STAGE)).isEqualTo("store");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.EXCEPTION)).isEqualTo(NullPointerException.class.getName());
        for (int i = 0; i < 3; i++) {
            awaitStored("after-" + run + "-" + i);
        }
        // the channel is alive, not merely drained: one more article goes through
        send(article("later-" + run, "later", null));
        awaitStored("later-" + run);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /**
     * Finding 5: REST reads and the Kafka writer shared one pool of 8. Now reads have a pool of their own: with every
     * read connection taken, articles are still stored, and a read answers 503 with Retry-After instead of hanging or
     * failing with 500. Reads run under a statement timeout.
     */
    @Test
    void readersCannotTakeTheWritersConnections() throws Exception {
        try (Connection c = reads.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("15s");
        }
        try (Connection c = reads.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW jit")) { // short reads are not worth compiling (V8, facets)
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("off");
        }
        List<Connection> taken = new ArrayList<>();
        String id = "pool-" + UUID.randomUUID();
        try {
            for (int i = 0; i < reads.getConfiguration().connectionPoolConfiguration().maxSize(); i++) {
                taken.add(reads.getConnection());
            }
            send(article(id, "written while every read connection is taken", null));
            await().atMost(WAIT).until(() -> count(id) == 1);
            given().get("/articles/" + id).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"));
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
        awaitStored(id);
        assertThat(probe.awaitAll(Topics.DEAD_LETTER, r -> id.equals(r.key()), 1, Duration.ofSeconds(1))).isEmpty();
    }

    /**
     * Finding 6: every writer takes one advisory lock, with no lock timeout, so one stuck session stopped every writer
     * and nothing said so. Now the writer's wait is bounded: it gives up, says why on readiness (DOWN), retries, never
     * dead-letters, and stores the article once the other session lets go.
     */
    @Test
    void aLockHeldElsewhereMakesTheWriterWaitVisiblyAndLosesNothing() throws Exception {
        String id = "locked-" + UUID.randomUUID();
        try (Connection stuck = connect(); Statement s = stuck.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + STREAM_LOCK + ")");
            try {
                send(article(id, "written while another session holds the lock", null));
                await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'store writer' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'store writer' }.data.reason",
                                org.hamcrest.Matchers.containsString("lock")));
                assertThat(count(id)).isZero();
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + STREAM_LOCK + ")");
            }
        }
        awaitStored(id);
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        assertThat(probe.awaitAll(Topics.DEAD_LETTER, r -> id.equals(r.key()), 1, Duration.ofSeconds(1))).isEmpty();
    }

    /** Finding 5: live streams are capped; one more gets 503 problem with Retry-After, and a closed one frees its place. */
    @Test
    void liveStreamsAreCappedWithAClear503() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<HttpResponse<java.io.InputStream>> open = new ArrayList<>();
        boolean refused = false;
        try {
            for (int i = 0; i < 200 && !refused; i++) {
                HttpResponse<java.io.InputStream> r = http.sendAsync(HttpRequest.newBuilder(stream)
                                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream())
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (r.statusCode() == 200) {
                    open.add(r);
                } else {
                    refused = true;
                    assertThat(r.statusCode()).isEqualTo(503);
                    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("10");
                    assertThat(new String(r.body().readAllBytes())).contains("Too many streams");
                }
            }
            assertThat(refused).as("a stream past the cap is refused").isTrue();
            assertThat(open).as("streams served before the cap").hasSizeLessThanOrEqualTo(20).isNotEmpty();
        } finally {
            for (HttpResponse<java.io.InputStream> r : open) {
                r.body().close();
            }
        }
        // closed streams give their places back
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<java.io.InputStream> again = http.sendAsync(HttpRequest.newBuilder(stream)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            again.body().close();
            assertThat(again.statusCode()).isEqualTo(200);
        });
    }
}
