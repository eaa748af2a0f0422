package io.khabar.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.EventJson;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * ninjs 1.x (Superdesk) and 2.x documents through {@code POST /articles} and the raw topic to normalized articles, and
 * the 400 problems of versions and shapes ingest does not read and of a {@code uri} that is not a URI. Every test
 * document is first checked against IPTC's own schema of its version ({@code ../shared/data/schemas/ninjs}).
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class IngestNinjsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicProbe probe = TestInfra.topics();
    private static final Path SCHEMAS = Path.of("../../shared/data/schemas/ninjs/specification");
    private static final String SUPPORTED = "ingest reads IPTC ninjs 1.x, 2.x and 3.x";

    private static ObjectNode document(String name) throws IOException {
        try (InputStream in = IngestNinjsTest.class.getResourceAsStream("/ninjs/" + name)) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        }
    }

    /** What IPTC's schema (draft-07 for 1.6, 2020-12 for 2.2), with format assertions, finds wrong in a document. */
    private static Set<ValidationMessage> schemaErrors(String schemaFile, JsonNode doc) throws IOException {
        JsonNode schemaNode = EventJson.mapper().readTree(SCHEMAS.resolve(schemaFile).toFile());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersionDetector.detect(schemaNode)).getSchema(schemaNode,
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        return schema.validate(doc);
    }

    private static ArticleNormalized awaitNormalized(String id) {
        return EventJson.read(probe.await(Topics.NORMALIZED, r -> id.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("no normalized record for " + id)).value(), ArticleNormalized.class);
    }

    private static String accepted(JsonNode doc) {
        return given().contentType(ContentType.JSON).body(EventJson.toJson(doc)).when().post("/articles")
                .then().statusCode(202).body("accepted", equalTo(1)).extract().path("ids[0]");
    }

    private static void refused(JsonNode doc, String field, String detail) {
        given().contentType(ContentType.JSON).body(EventJson.toJson(doc)).when().post("/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("field", equalTo(field)).body("detail", containsString(detail));
    }

    @Test
    void aSuperdeskNinjs1DocumentBecomesANormalizedArticle() throws IOException {
        ObjectNode doc = document("superdesk-1.6.json");
        String uri = "urn:newsml:localhost:5000:2024-05-01T10:00:00.000000:" + UUID.randomUUID();
        doc.put("uri", uri);
        assertThat(schemaErrors("ninjs-schema_1.6.json", doc)).isEmpty();

        String id = accepted(doc);
        assertThat(id).isEqualTo(uri); // a non-URL uri that is a valid id is the id
        ArticleNormalized a = awaitNormalized(id);
        assertThat(a.title()).isEqualTo("Council \"approves\" the harbour budget"); // &quot; decoded once
        assertThat(a.text()).startsWith("The city council approved next year's harbour budget").contains("\n\nThe mayor");
        assertThat(a.paragraphs()).hasSize(3);
        assertThat(a.source()).isEqualTo("Khabar Test Wire"); // copyrightholder
        assertThat(a.url()).isNull();
        assertThat(a.publishedAt()).hasToString("2024-05-01T08:15:00Z"); // firstcreated
        assertThat(a.authors()).containsExactly("Jane Reporter"); // byline
        assertThat(a.language()).isEqualTo("en");
    }

    @Test
    void aNinjs2DocumentBecomesANormalizedArticle() throws IOException {
        ObjectNode doc = document("article-2.2.json");
        String uri = "https://news.example/2024/05/02/desalination-plant-" + UUID.randomUUID();
        doc.put("uri", uri);
        assertThat(schemaErrors("ninjs-schema_2.2.json", doc)).isEmpty();

        String id = accepted(doc);
        assertThat(id).startsWith("u-"); // an http(s) uri is the URL: the id derives from source and URL
        ArticleNormalized a = awaitNormalized(id);
        assertThat(a.url()).isEqualTo(uri);
        assertThat(a.title()).isEqualTo("افتتاح محطة جديدة لتحلية المياه على ساحل البحر الأحمر");
        assertThat(a.text()).startsWith("افتتحت الهيئة العامة لتحلية المياه").endsWith("قبل نهاية العام المقبل.");
        assertThat(a.paragraphs()).hasSize(3);
        assertThat(a.source()).isEqualTo("وكالة الأنباء التجريبية"); // infosources[0].name before copyrightholder
        assertThat(a.publishedAt()).hasToString("2024-05-02T03:00:00Z"); // firstcreated, +03:00
        assertThat(a.authors()).containsExactly("سارة المحررة");
        assertThat(a.language()).isEqualTo("ar");
    }

    @Test
    void aNinjs1DocumentWrittenStraightToTheRawTopicIsNormalized() throws IOException {
        ObjectNode doc = document("superdesk-1.6.json");
        String uri = "urn:newsml:localhost:5000:raw:" + UUID.randomUUID();
        doc.put("uri", uri);
        doc.remove("body_html");
        doc.put("body_text", "First paragraph of the wire copy.\n\nSecond paragraph of the wire copy.");
        assertThat(schemaErrors("ninjs-schema_1.6.json", doc)).isEmpty();
        probe.send(Topics.RAW, "ignored-key-" + UUID.randomUUID(), EventJson.toBytes(doc));
        ArticleNormalized a = awaitNormalized(uri);
        assertThat(a.text()).isEqualTo("First paragraph of the wire copy.\n\nSecond paragraph of the wire copy.");
        assertThat(a.source()).isEqualTo("Khabar Test Wire");
    }

    @Test
    void versionsAndShapesIngestDoesNotReadAre400NamingTheVersionsItReads() throws IOException {
        ObjectNode v4 = document("article-2.2.json");
        ((ObjectNode) v4.get("standard")).put("version", "4.0").remove("schema");
        refused(v4, "/standard/version", SUPPORTED);
        ObjectNode v0 = document("superdesk-1.6.json");
        v0.putObject("$standard").put("name", "ninjs").put("version", "0.9");
        refused(v0, "/$standard/version", SUPPORTED);
        // a ninjs uri and neither a headline nor a body of any version
        refused(EventJson.mapper().createObjectNode().put("uri", "urn:x:" + UUID.randomUUID()).put("title", "t"), "/",
                SUPPORTED);
        // 1.x's headline with 2.x's bodies
        ObjectNode mixed = document("article-2.2.json");
        mixed.remove("standard");
        mixed.put("headline", "a 1.x headline");
        refused(mixed, "/", SUPPORTED);
    }

    @Test
    void aNinjsUriThatIsNotAUriIs400AsIptcsSchemaSaysToo() throws IOException {
        // "https://exa mple.com/a" was a 500: the host was read with URI.create before the uri was checked
        for (String bad : List.of("https://exa mple.com/a", "not a uri", "%zz")) {
            ObjectNode doc = document("superdesk-1.6.json");
            doc.put("uri", bad);
            assertThat(schemaErrors("ninjs-schema_1.6.json", doc)).extracting(ValidationMessage::getInstanceLocation)
                    .extracting(Object::toString).containsExactly("/uri");
            refused(doc, "/uri", "URI");
        }
        // in an NDJSON body, with its line
        ObjectNode good = document("superdesk-1.6.json");
        good.put("uri", "urn:x:" + UUID.randomUUID());
        ObjectNode bad = document("superdesk-1.6.json");
        bad.put("uri", "https://exa mple.com/b");
        given().contentType("application/x-ndjson")
                .body((EventJson.toJson(good) + "\n" + EventJson.toJson(bad) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/articles").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("/uri")).body("line", equalTo(2));
    }
}
