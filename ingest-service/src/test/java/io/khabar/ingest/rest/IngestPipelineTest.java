package io.khabar.ingest.rest;

import io.khabar.events.ArticleNormalized;
import io.khabar.events.CloudEventTypes;
import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.EventJson;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.khabar.events.Duplicate;
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

/**
 * ingest-service against a real Kafka broker and a real PostgreSQL (deduplication state): HTTP and raw topic in,
 * normalized topic and dead-letter topic out.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
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
        assertThat(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\"matching\"")
                .contains("\"paragraphs\":[[0,"); // version 2 spans: [start, end]
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
        assertThat(event.language()).isEqualTo("ar");
        assertThat(event.paragraphs()).hasSize(9);
        assertThat(event.facts().paragraphLanguages()).isEmpty(); // every paragraph is in the article's language
        // schema version 2: no matching layer on the wire (consumers compute it from the text)
        assertThat(event.schemaVersion()).isEqualTo(2);
        assertThat(event.matching()).isNull();
        // other tests post the seed too: whichever came first, the check ran against the database
        assertThat(event.duplicate().status()).isNotEqualTo(Duplicate.UNCHECKED);
    }

    private static String post(String source, String title, String body) {
        String json = EventJson.toJson(java.util.Map.of("source", source, "title", title, "body", body));
        return given().contentType(ContentType.JSON).body(json).when().post("/articles")
                .then().statusCode(202).extract().path("ids[0]");
    }

    @Test
    void exactAndNearDuplicatesAreMarkedWithTheFirstIdADifferentStoryIsNot() throws Exception {
        // a real CNN Arabic story that no other test here posts
        String body = Files.readString(Path.of("../../shared/data/html/newspaper4k/tests/data/txt/arabic_article.txt"));
        String title = "معارضون يسيطرون على مخازن للصواريخ بريف دمشق";
        String marker = "\n\nرقم المرجع " + UUID.randomUUID().toString().replace("-", " ");
        String first = post("wire-a", title, body);
        assertThat(awaitNormalized(first).duplicate()).isEqualTo(Duplicate.unique());
        String copy = post("wire-b", title, body);
        assertThat(awaitNormalized(copy).duplicate()).isEqualTo(new Duplicate(Duplicate.EXACT, first, 1.0));
        String rewrite = post("wire-c", "فصائل معارضة تسيطر على مستودعات أسلحة", body
                .replace("أكدت جهات سورية معارضة", "قالت مصادر سورية معارضة")
                .replace("المرصد السوري لحقوق الإنسان", "المرصد السوري") + marker);
        assertThat(body).contains("أكدت جهات سورية معارضة", "المرصد السوري لحقوق الإنسان");
        Duplicate near = awaitNormalized(rewrite).duplicate();
        assertThat(near.status()).isEqualTo(Duplicate.NEAR);
        assertThat(near.of()).isEqualTo(first);
        String other = post("wire-d", "غارات روسية في سوريا", "قالت وزارة الدفاع الروسية اليوم إن طائراتها نفذت "
                + "عشرات الغارات على مواقع في ريف دير الزور، وإن الرئيس بوتين ناقش مع الأسد الوضع العسكري." + marker);
        assertThat(awaitNormalized(other).duplicate()).isEqualTo(Duplicate.unique());
    }

    @Test
    void fullHtmlPageWithoutTitleGivesMainTextAndMetadata() {
        String page = "<!doctype html><html lang=\"en\"><head><title>Ignored | Site</title>"
                + "<meta property=\"og:title\" content=\"Council votes on the budget\">"
                + "<meta property=\"og:site_name\" content=\"Example News\">"
                + "<meta property=\"article:published_time\" content=\"2024-03-01T10:00:00Z\">"
                + "<meta name=\"author\" content=\"Jane Reporter\"></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>"
                + "<article><h1>Council votes on the budget</h1>"
                + "<p>The city council met on Friday evening to vote on next year's budget after a long debate.</p>"
                + "<p>The mayor said the vote was a turning point for the city's schools and its public transport.</p>"
                + "<p>Opposition members said they would challenge parts of the plan in the coming weeks.</p>"
                + "</article><footer>Copyright Example News</footer></body></html>";
        String id = given().contentType(ContentType.JSON)
                .body(EventJson.toJson(java.util.Map.of("source", "page-" + UUID.randomUUID(), "body", page)))
                .when().post("/articles").then().statusCode(202).extract().path("ids[0]");
        ArticleNormalized event = awaitNormalized(id);
        assertThat(event.title()).isEqualTo("Council votes on the budget");
        assertThat(event.text()).startsWith("The city council met").doesNotContain("Home").doesNotContain("Copyright");
        assertThat(event.paragraphs()).hasSize(3);
        assertThat(event.authors()).containsExactly("Jane Reporter");
        assertThat(event.publishedAt()).hasToString("2024-03-01T10:00:00Z");
        assertThat(event.metadata().siteName()).isEqualTo("Example News");
        assertThat(event.language()).isEqualTo("en");
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
    void missingBodyAndNonTextTitleAre400ProblemsNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"source\":\"s\",\"title\":\"t\"}")
                .when().post("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("/body")).body("status", equalTo(400));
        given().contentType(ContentType.JSON).body("{\"source\":\"s\",\"title\":7,\"body\":\"b\"}")
                .when().post("/articles")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("/title"));
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
