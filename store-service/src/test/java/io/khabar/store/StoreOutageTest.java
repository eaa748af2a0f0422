package io.khabar.store;

import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.net.LoopbackProxy;
import io.khabar.infra.postgres.Database;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.events.EventJson;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * PostgreSQL goes away while articles arrive (its connections drop, new ones are refused), then comes back. Before,
 * store-service dead-lettered an article per retry cycle ("Connection refused"), losing it. Now it holds its records,
 * says so on readiness, and stores every article once the database is back: nothing dead-lettered, nothing lost.
 * store-service reaches the database through a loopback proxy that the test cuts and restores.
 */
@QuarkusTest
@TestProfile(StoreOutageTest.ThroughProxy.class)
class StoreOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TopicProbe probe = TestInfra.topics();
    static LoopbackProxy proxy;

    /** A profile of its own: the service's datasource goes through the proxy. */
    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaResource.class), new TestResourceEntry(ProxiedPostgres.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The test database, reached through {@link #proxy}. */
    public static class ProxiedPostgres implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Database db = TestInfra.database();
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.*)").matcher(db.jdbcUrl());
            if (!m.matches()) {
                throw new IllegalStateException("unexpected JDBC URL " + db.jdbcUrl());
            }
            proxy = LoopbackProxy.to(m.group(1), Integer.parseInt(m.group(2)));
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3),
                    "quarkus.datasource.username", db.username(),
                    "quarkus.datasource.password", db.password());
        }

        @Override
        public void stop() {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    @Test
    void aDatabaseOutageIsWaitedOutWithReadinessDownAndNothingIsDeadLettered() throws Exception {
        String run = "outage-" + UUID.randomUUID();
        String before = run + "-before";
        probe.send(Topics.ENRICHED, before, EventJson.toBytes(StoreReliabilityTest.article(before, "before", null)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + before).then().statusCode(200));
        assertThat(proxy.accepted()).as("the service reaches the database through the proxy").isPositive();

        proxy.cut();
        List<String> during = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = run + "-" + i;
            during.add(id);
            probe.send(Topics.ENRICHED, id, EventJson.toBytes(StoreReliabilityTest.article(id, "during " + i, null)));
        }
        try {
            await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'store writer' }.status", equalTo("DOWN")));
            // watched for 5 s, well past the old retry budget (5 attempts, 50 ms doubling in tests): still held, not
            // dead-lettered (the read returns at the first dead letter, which would fail the test)
            assertThat(probe.awaitAll(Topics.DEAD_LETTER, r -> r.key() != null && r.key().startsWith(run), 1,
                    Duration.ofSeconds(5))).as("dead-lettered during the outage").isEmpty();
            given().get("/articles/" + before).then().statusCode(503).contentType("application/problem+json");
        } finally {
            proxy.restore();
        }
        for (String id : during) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        assertThat(probe.awaitAll(Topics.DEAD_LETTER, r -> r.key() != null && r.key().startsWith(run), 1,
                Duration.ofSeconds(1))).as("dead-lettered after the outage").isEmpty();
    }
}
