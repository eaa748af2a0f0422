package io.khabar.ingest.rest;

import io.khabar.events.ArticleNormalized;
import io.khabar.events.CloudEventTypes;
import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.EventJson;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** ingest-service against a real Kafka broker: HTTP and raw topic in, normalized topic and dead-letter topic out. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
class IngestPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicProbe probe = TestInfra.topics();

    private static ArticleNormalized awaitNormalized(String id) {
        ConsumerRecord<String, byte[]> record = probe.await(Topics.NORMALIZED, r -> id.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("no normalized record for " + id));
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(CloudEventTypes.NORMALIZED);
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo(CloudEventTypes.SOURCE_INGEST);
        assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
        ArticleNormalized event = EventJson.read(record.value(), ArticleNormalized.class);
        assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(event.eventId());
        return event;
    }

    @Test
    void seedArticlePostedAsJsonIsNormalizedWithArabicIntact() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../samples/kremlin-assad-visit.ar.txt"));
        String title = lines.get(0);
        String body = String.join("\n", lines.subList(1, lines.size()));
        String json = EventJson.toJson(java.util.Map.of("source", "test-" + UUID.randomUUID(), "title", title, "body", body));

        String id = given().contentType(ContentType.JSON).body(json)
                .when().post("/articles")
                .then().statusCode(202).body("accepted", equalTo(1)).body("ids", hasSize(1))
                .extract().path("ids[0]");

        ArticleNormalized event = awaitNormalized(id);
        assertThat(id).startsWith("c-");
        assertThat(event.title().codePoints().toArray()).containsExactly(title.strip().codePoints().toArray());
        // The body repeats the title on its first line: that line is not kept.
        assertThat(event.text()).startsWith("اجتماع الرئيس بوتين بالاسد");
        assertThat(event.text()).contains("فلاديمير بوتين").contains("“ما زال أمامنا طريق طويل");
        assertThat(event.paragraphs()).hasSize(9);
        assertThat(event.facts().captions()).hasSize(3);
        assertThat(event.facts().script()).isEqualTo("Arab");
        assertThat(event.paragraphs().get(0).start()).isZero();
        assertThat(event.revision()).isPositive();
        assertThat(event.contentHash()).hasSize(64);
    }

    @Test
    void ndjsonBatchIsAcceptedWholeWithOneIdPerLine() {
        String src = "nd-" + UUID.randomUUID();
        String body = "{\"source\":\"" + src + "\",\"title\":\"One\",\"body\":\"<p>First <b>para</b></p><p>Second</p>\"}\n"
                + "\n"
                + "{\"id\":\"prod-" + UUID.randomUUID() + "\",\"source\":\"" + src + "\",\"title\":\"Two\",\"body\":\"x\","
                + "\"publishedAt\":\"Tue, 21 Nov 2017 08:00:00 GMT\"}\n";
        List<String> ids = given().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/articles")
                .then().statusCode(202).body("accepted", equalTo(2))
                .extract().path("ids");
        ArticleNormalized html = awaitNormalized(ids.get(0));
        assertThat(html.text()).isEqualTo("First para\n\nSecond");
        ArticleNormalized second = awaitNormalized(ids.get(1));
        assertThat(ids.get(1)).startsWith("prod-");
        assertThat(second.publishedAt()).hasToString("2017-11-21T08:00:00Z");
    }

    @Test
    void ninjsDocumentIsAccepted() {
        String uri = "https://newsroom.test/ninjs/" + UUID.randomUUID();
        String ninjs = "{\"uri\":\"" + uri + "\",\"headlines\":[{\"role\":\"main\",\"value\":\"Headline\"}],"
                + "\"bodies\":[{\"role\":\"main\",\"contentType\":\"text/html\",\"value\":\"<p>Body text</p>\"}],"
                + "\"firstCreated\":\"2024-05-01T10:00:00+03:00\",\"language\":\"en\",\"by\":[{\"name\":\"A. Writer\"}]}";
        String id = given().contentType(ContentType.JSON).body(ninjs)
                .when().post("/articles")
                .then().statusCode(202).extract().path("ids[0]");
        ArticleNormalized event = awaitNormalized(id);
        assertThat(event.title()).isEqualTo("Headline");
        assertThat(event.text()).isEqualTo("Body text");
        assertThat(event.publishedAt()).hasToString("2024-05-01T07:00:00Z");
        assertThat(event.authors()).containsExactly("A. Writer");
        assertThat(event.url()).isEqualTo(uri);
    }

    @Test
    void postingTheSameArticleTwiceGivesTheSameId() {
        String json = "{\"source\":\"twice\",\"url\":\"https://x.test/a?utm_source=1\",\"title\":\"T\",\"body\":\"B\"}";
        String first = given().contentType(ContentType.JSON).body(json).post("/articles").then().statusCode(202)
                .extract().path("ids[0]");
        String second = given().contentType(ContentType.JSON).body(json).post("/articles").then().statusCode(202)
                .extract().path("ids[0]");
        assertThat(second).isEqualTo(first).startsWith("u-");
    }

    @Test
    void missingTitleIs400ProblemNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"source\":\"s\",\"body\":\"b\"}")
                .when().post("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("/title")).body("status", equalTo(400));
    }

    @Test
    void badLineInNdjsonRejectsTheWholeRequestNamingTheLine() {
        String body = "{\"source\":\"s\",\"title\":\"t\",\"body\":\"b\"}\n{\"source\":\"s\",\"title\":\"t\",\"body\":42}\n";
        given().contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("/body")).body("line", equalTo(2));
    }

    @Test
    void invalidJsonAndBadUrlAre400() {
        given().contentType(ContentType.JSON).body("{\"source\":").post("/articles")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Invalid JSON"));
        given().contentType(ContentType.JSON).body("{\"source\":\"s\",\"title\":\"t\",\"body\":\"b\",\"url\":\"javascript:x\"}")
                .post("/articles")
                .then().statusCode(400).body("field", equalTo("/url"));
    }

    @Test
    void articleOverTheSizeLimitIs413() {
        String big = "x".repeat(2 * 1024 * 1024 + 10);
        given().contentType(ContentType.JSON).body("{\"source\":\"s\",\"title\":\"t\",\"body\":\"" + big + "\"}")
                .when().post("/articles")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", startsWith("an article may be at most 2097152 bytes"));
    }

    @Test
    void producerWritingStraightToTheRawTopicIsNormalized() {
        String key = "direct-" + UUID.randomUUID();
        probe.send(Topics.RAW, key, "{\"source\":\"wire\",\"title\":\"Direct\",\"body\":\"Written to Kafka\"}");
        ArticleNormalized event = awaitNormalized(key);
        assertThat(event.title()).isEqualTo("Direct");
        assertThat(event.text()).isEqualTo("Written to Kafka");
    }

    @Test
    void malformedRawRecordIsDeadLetteredAndTheNextOneIsStillProcessed() {
        String badKey = "bad-" + UUID.randomUUID();
        String goodKey = "good-" + UUID.randomUUID();
        probe.send(Topics.RAW, badKey, "{this is not json");
        probe.send(Topics.RAW, goodKey, "{\"source\":\"wire\",\"title\":\"After\",\"body\":\"still processed\"}");

        ConsumerRecord<String, byte[]> dead = probe.await(Topics.DEAD_LETTER, r -> badKey.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("malformed record was not dead-lettered"));
        assertThat(TopicProbe.value(dead)).isEqualTo("{this is not json");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.STAGE)).isEqualTo("ingest.normalize");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.REASON)).startsWith("/: not valid JSON");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.RAW);
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.ORIGINAL_PARTITION)).isNotNull();
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.ORIGINAL_OFFSET)).isNotNull();
        assertThat(awaitNormalized(goodKey).text()).isEqualTo("still processed");
    }

    @Test
    void healthIsUpWithKafkaAndMetricsCountTheStage() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        producerWritingStraightToTheRawTopicIsNormalized();
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("khabar_stage_messages_total{outcome=\"processed\",stage=\"ingest.normalize\"}");
    }
}
