package io.khabar.ingest.rest;

import io.khabar.events.ArticleNormalized;
import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.EventJson;
import io.khabar.events.RecordLimits;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Finding 1 of the reliability issue: sizes agree end to end (RecordLimits). Before, Kafka's default 1 MiB record limit
 * sat below the 2 MiB article limit: an article of 1-2 MiB got 503 forever, one of a few hundred KB was accepted and
 * then dead-lettered when its normalized event outgrew the limit, and a record near the limit could not even be
 * dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class IngestRecordSizeTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final TopicProbe probe = TestInfra.topics();

    /** A real article's paragraphs (the seed), repeated with numbered markers up to about {@code bytes} of UTF-8. */
    private static String longArticle(int bytes) throws Exception {
        String seed = String.join("\n", Files.readAllLines(Path.of("../samples/kremlin-assad-visit.ar.txt")));
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.toString().getBytes(StandardCharsets.UTF_8).length < bytes - 12_000; i++) {
            body.append("الفقرة ").append(i).append(": ").append(seed).append("\n\n");
        }
        return body.toString();
    }

    @Test
    void anArticleJustUnderTheDoorsLimitIsAcceptedAndNormalized() throws Exception {
        String body = longArticle(RecordLimits.ARTICLE_BYTES - 20_000);
        String json = EventJson.toJson(Map.of("source", "size-" + UUID.randomUUID(), "title", "مقال طويل جدا",
                "body", body));
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isBetween(RecordLimits.ARTICLE_BYTES - 40_000,
                RecordLimits.ARTICLE_BYTES);
        String id = given().contentType(ContentType.JSON).body(json).when().post("/articles")
                .then().statusCode(202).extract().path("ids[0]");
        ConsumerRecord<String, byte[]> normalized = probe.await(Topics.NORMALIZED, r -> id.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("the long article never reached the normalized topic"));
        assertThat(normalized.value().length).as("its normalized event outgrows the article, far over Kafka's 1 MiB default")
                .isGreaterThan(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RecordLimits.EVENT_BYTES);
        ArticleNormalized event = EventJson.read(normalized.value(), ArticleNormalized.class);
        assertThat(event.text()).contains("الفقرة 0:").contains("فلاديمير بوتين");
        assertThat(probe.awaitAll(Topics.DEAD_LETTER, r -> id.equals(r.key()), 1, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void anArticleOverTheDoorsLimitIsRefusedWith413() {
        String json = EventJson.toJson(Map.of("source", "size", "title", "too long",
                "body", "x".repeat(RecordLimits.ARTICLE_BYTES)));
        given().contentType(ContentType.JSON).body(json).when().post("/articles")
                .then().statusCode(413).contentType("application/problem+json");
    }

    /** A record at the topic's limit that is not an article: dead-lettered unchanged, its headers fit. */
    @Test
    void aRecordAtTheTopicsLimitCanStillBeDeadLettered() {
        String key = "huge-" + UUID.randomUUID();
        byte[] payload = new byte[RecordLimits.TOPIC_MAX_MESSAGE_BYTES - 64 * 1024];
        Arrays.fill(payload, (byte) 'x');
        probe.send(Topics.RAW, key, payload);
        ConsumerRecord<String, byte[]> dead = probe.await(Topics.DEAD_LETTER, r -> key.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("the huge record was not dead-lettered"));
        assertThat(dead.value()).hasSize(payload.length);
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.REASON)).contains("JSON");
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
