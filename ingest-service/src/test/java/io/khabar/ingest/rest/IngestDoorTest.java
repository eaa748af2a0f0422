package io.khabar.ingest.rest;

import io.khabar.events.ArticleNormalized;
import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.EventJson;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Findings 3, 4 and 7 of the reliability issue, at ingest's door: values the database would refuse, NDJSON bodies
 * read as a stream with their limits checked as they come, and the last version sent winning.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class IngestDoorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicProbe probe = TestInfra.topics();

    private static void refused(Map<String, Object> article, String field, String detail) {
        given().contentType(ContentType.JSON).body(EventJson.toJson(article)).when().post("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo(field)).body("detail", containsString(detail));
    }

    /** Finding 3: a NUL anywhere, or a publication time PostgreSQL cannot hold, is a 400 naming the field. */
    @Test
    void valuesTheDatabaseWouldRefuseAre400NamingTheField() {
        refused(Map.of("source", "wire\u0000x", "body", "text"), "/source", "NUL");
        refused(Map.of("source", "wire", "title", "a\u0000b", "body", "text"), "/title", "NUL");
        refused(Map.of("source", "wire", "body", "some \u0000 text"), "/body", "NUL");
        refused(Map.of("source", "wire", "body", "text", "authors", List.of("ok", "bad\u0000")), "/authors/1", "NUL");
        refused(Map.of("source", "wire", "body", "text", "publishedAt", "-5000-01-01T00:00:00Z"), "/publishedAt",
                "years 1 to 9999");
        refused(Map.of("source", "wire", "body", "text", "publishedAt", "+100000-01-01T00:00:00Z"), "/publishedAt",
                "years 1 to 9999");
        // an unreadable date is not refused: it is kept as written, and publishedAt stays unset
        given().contentType(ContentType.JSON).body(EventJson.toJson(Map.of("source", "wire-" + UUID.randomUUID(),
                "body", "text", "publishedAt", "sometime last week"))).when().post("/articles").then().statusCode(202);
    }

    /** Finding 3, for producers writing straight to the raw topic: dead-lettered with the reason, never stored. */
    @Test
    void aRawRecordTheDatabaseWouldRefuseIsDeadLetteredWithTheReason() {
        String key = "nul-" + UUID.randomUUID();
        probe.send(Topics.RAW, key, EventJson.toBytes(Map.of("id", key, "source", "wire", "body", "text",
                "authors", List.of("a\u0000b"))));
        ConsumerRecord<String, byte[]> dead = probe.await(Topics.DEAD_LETTER, r -> key.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("not dead-lettered"));
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.REASON)).contains("/authors/0").contains("NUL");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.STAGE)).isEqualTo("ingest.normalize");
    }

    /** Finding 4: line 1,001 is refused as it arrives, whatever follows it. */
    @Test
    void theThousandAndFirstArticleOfAnNdjsonBodyIs413NamingItsLine() {
        String line = EventJson.toJson(Map.of("source", "wire", "body", "x")) + "\n";
        given().contentType("application/x-ndjson").body(line.repeat(1_001).getBytes(StandardCharsets.UTF_8))
                .when().post("/articles").then().statusCode(413).contentType("application/problem+json")
                .body("line", equalTo(1001));
    }

    /**
     * Finding 4: a body of 60 MB of short articles is answered 413 at line 1,001; ingest reads no further than that
     * line (before, it read and split the whole body first).
     */
    @Test
    void aHugeBodyOfShortLinesIsRefusedAtLineOneThousandAndOne() {
        byte[] body = "{\"source\":\"s\",\"body\":\"x\"}\n".repeat(2_400_000).getBytes(StandardCharsets.US_ASCII);
        assertThat(body.length).isGreaterThan(60_000_000);
        given().contentType("application/x-ndjson").body(body).when().post("/articles").then().statusCode(413)
                .body("line", equalTo(1001));
    }

    /** Finding 4: an over-long NDJSON line is refused with its number, without reading the rest of it. */
    @Test
    void anOverLongLineIs413NamingItsLine() {
        String ok = EventJson.toJson(Map.of("source", "wire", "body", "short")) + "\n";
        String huge = EventJson.toJson(Map.of("source", "wire", "body", "y".repeat(3 * 1024 * 1024))) + "\n";
        given().contentType("application/x-ndjson").body((ok + huge).getBytes(StandardCharsets.UTF_8))
                .when().post("/articles").then().statusCode(413).body("line", equalTo(2));
    }

    /**
     * Finding 7: two versions of one article in one request got the same revision, so which one won downstream was
     * chance. The later line now has the higher revision, and so the later of two requests.
     */
    @Test
    void theLaterVersionOfAnArticleHasTheHigherRevisionInOneRequestAndAcrossRequests() {
        String id = "versions-" + UUID.randomUUID();
        String v1 = EventJson.toJson(Map.of("id", id, "source", "wire", "title", "v1", "body", "first version"));
        String v2 = EventJson.toJson(Map.of("id", id, "source", "wire", "title", "v2", "body", "second version"));
        given().contentType("application/x-ndjson").body((v1 + "\n" + v2 + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/articles").then().statusCode(202).body("ids", equalTo(List.of(id, id)));
        String v3 = EventJson.toJson(Map.of("id", id, "source", "wire", "title", "v3", "body", "third version"));
        given().contentType(ContentType.JSON).body(v3).when().post("/articles").then().statusCode(202);
        List<ArticleNormalized> versions = probe.awaitAll(Topics.NORMALIZED, r -> id.equals(r.key()), 3, WAIT).stream()
                .map(r -> EventJson.read(r.value(), ArticleNormalized.class)).toList();
        assertThat(versions).hasSize(3);
        Map<String, Long> revisionByTitle = new java.util.HashMap<>();
        versions.forEach(v -> revisionByTitle.put(v.title(), v.revision()));
        assertThat(revisionByTitle.get("v2")).isGreaterThan(revisionByTitle.get("v1"));
        assertThat(revisionByTitle.get("v3")).isGreaterThan(revisionByTitle.get("v2"));
    }
}
