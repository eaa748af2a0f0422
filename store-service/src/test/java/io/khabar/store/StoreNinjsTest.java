package io.khabar.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleEntity;
import io.khabar.events.EventJson;
import io.khabar.events.Provenance;
import io.khabar.events.Span;
import io.khabar.events.TextFacts;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * {@code GET /articles/{id}} as IPTC ninjs 3 ({@code Accept: application/ninjs+json}): articles stored through the
 * enriched topic, served as ninjs and validated against the IPTC ninjs 3.1 and 3.0 JSON Schemas of
 * {@code ../shared/data/schemas/ninjs} (formats asserted), with their Media Topics and Wikidata links.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class StoreNinjsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicProbe probe = TestInfra.topics();
    private static final String NINJS = "application/ninjs+json";
    private static final Path SCHEMAS = Path.of("../../shared/data/schemas/ninjs/specification");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MISC = "khabar:misc:russian-" + UUID.randomUUID();

    private static final String TITLE = "بوتين يستقبل الأسد <b>في</b> سوتشي";
    private static final String P1 = "استقبل الرئيس الروسي فلاديمير بوتين بشار الأسد في دمشق مع ممثل حلف الناتو.";
    private static final String P2 = "وقال ناشط إن <script>alert('x')</script> & \"غيره\" لا يعني شيئا لجمعية الأمل.";
    private static final String TEXT = P1 + "\n\n" + P2;

    // ---------------------------------------------------------------- the article

    private static ArticleEntity entity(String id, String type, String nameEn, String nameAr, String qid, String surface) {
        int at = TEXT.indexOf(surface);
        return new ArticleEntity(id, type, null, surface, nameEn, nameAr, qid, null, null, null, null,
                List.of(new Span(at, at + surface.length())), List.of(), false, 0.5, 0.9, qid != null ? "kb" : "name");
    }

    private static Annotation topic(String code, String label, String labelAr, double score) {
        return new Annotation("topic", "iptc-mediatopic", 0, TEXT.length(), code, score,
                Map.of("label", label, "labelAr", labelAr, "level", 1));
    }

    /** A version 2 event: two topics, people, places and organisations with and without QIDs, a MISC entity. */
    private static ArticleEnriched article(String id, String unlinkedPerson, String unlinkedOrg) {
        return new ArticleEnriched(ArticleEnriched.SCHEMA_VERSION, UUID.randomUUID().toString(), id, 1700000000000000L,
                "hash", Instant.parse("2017-11-21T06:00:00Z"), Instant.parse("2017-11-21T06:00:01Z"),
                Instant.parse("2017-11-21T06:00:02.500Z"), "ninjs-test", "https://x.test/" + id, TITLE, TEXT, "ar",
                0.99, Instant.parse("2017-11-20T21:30:00Z"), List.of("مراسل", "Reporter Two"),
                List.of(new Span(0, P1.length()), new Span(P1.length() + 2, TEXT.length())),
                List.of(new Annotation("language", "article", 0, TEXT.length(), "ar", 0.99, Map.of()),
                        topic("medtop:11000000", "politics", "سياسة", 0.8),
                        topic("medtop:16000000", "conflict, war and peace", "نزاع وحرب وسلام", 0.4)),
                List.of(entity("Q7747", "PERSON", "Vladimir Putin", "فلاديمير بوتين", "Q7747", "فلاديمير بوتين"),
                        entity("Q44329", "PERSON", "Bashar al-Assad", "بشار الأسد", "Q44329", "بشار الأسد"),
                        entity("Q3766", "LOCATION", "Damascus", "دمشق", "Q3766", "دمشق"),
                        entity("Q7184", "ORGANIZATION", "NATO", "حلف الناتو", "Q7184", "حلف الناتو"),
                        entity(unlinkedPerson, "PERSON", null, null, null, "ناشط"),
                        entity(unlinkedOrg, "ORGANIZATION", null, null, null, "جمعية الأمل"),
                        entity(MISC, "MISC", "Russian", "الروسي", null, "الروسي")),
                new TextFacts("Arab", "rtl", List.of(), 25, 8, List.of(), List.of(), List.of()), null, null, null,
                List.of(new Provenance("topic", "topics", "keywords@0123abcd", null)));
    }

    private static void store(String id, byte[] event) {
        probe.send(Topics.ENRICHED, id, event);
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/{id}", id).then().statusCode(200));
    }

    private static JsonNode ninjs(String id) throws Exception {
        Response r = given().accept(NINJS).get("/articles/{id}", id);
        r.then().statusCode(200).contentType(NINJS);
        return JSON.readTree(r.asString());
    }

    // ---------------------------------------------------------------- the schemas

    /**
     * ninjs places may carry {@code geoJSON}, described by a schema on geojson.org. The store writes none, and tests
     * fetch nothing from the network: the reference resolves to a schema no value satisfies, so a place with
     * {@code geoJSON} would fail validation here.
     */
    private static final String GEOJSON = "https://geojson.org/schema/GeoJSON.json";
    private static final String NO_GEOJSON = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$id\": \""
            + GEOJSON + "\", \"not\": {}}";

    private static JsonSchema schema(String version) throws Exception {
        Path file = SCHEMAS.resolve("ninjs-schema_" + version + ".json");
        assertThat(file).as("the shared ninjs schemas (../shared/data/schemas/ninjs)").exists();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                        builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(GEOJSON, NO_GEOJSON))))
                .getSchema(JSON.readTree(Files.readString(file)), config);
    }

    private static List<String> errors(JsonNode doc) throws Exception {
        List<String> out = new ArrayList<>();
        for (String version : List.of("3.1", "3.0")) {
            Set<ValidationMessage> messages = schema(version).validate(doc);
            messages.forEach(m -> out.add(version + ": " + m.getMessage()));
        }
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.hasNonNull(field) ? n.get(field).asText() : null).toList();
    }

    // ---------------------------------------------------------------- tests

    @Test
    void anEnrichedArticleIsServedAsValidNinjsWithMediaTopicsAndWikidataLinks() throws Exception {
        String id = "ninjs-" + UUID.randomUUID();
        String unlinkedPerson = "khabar:person:ناشط-" + UUID.randomUUID();
        String unlinkedOrg = "khabar:organization:جمعية-الأمل-" + UUID.randomUUID();
        store(id, EventJson.toBytes(article(id, unlinkedPerson, unlinkedOrg)));

        JsonNode doc = ninjs(id);
        assertThat(errors(doc)).as(doc.toPrettyString()).isEmpty();

        assertThat(doc.at("/standard/name").asText()).isEqualTo("ninjs");
        assertThat(doc.at("/standard/version").asText()).isEqualTo("3.1");
        assertThat(doc.at("/standard/schema").asText()).isEqualTo("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#");
        assertThat(doc.get("uri").asText()).isEqualTo("urn:khabar:article:" + id);
        assertThat(doc.get("type").asText()).isEqualTo("text");
        assertThat(doc.get("version").asText()).isEqualTo("1700000000000000");
        assertThat(Instant.parse(doc.get("firstCreated").asText())).isEqualTo(Instant.parse("2017-11-20T21:30:00Z"));
        assertThat(Instant.parse(doc.get("versionCreated").asText())).isEqualTo(Instant.parse("2017-11-21T06:00:02.500Z"));
        assertThat(doc.get("language").asText()).isEqualTo("ar");
        assertThat(doc.get("by").asText()).isEqualTo("مراسل, Reporter Two");
        assertThat(texts(doc.get("infoSources"), "name")).containsExactly("ninjs-test");
        assertThat(texts(doc.get("altIds"), "value")).containsExactly(id, "https://x.test/" + id);

        // the title and the text as text; the HTML body has every character of the article escaped
        assertThat(texts(doc.get("headlines"), "value")).containsExactly(TITLE);
        assertThat(texts(doc.get("headlines"), "contentType")).containsExactly("text/plain");
        assertThat(texts(doc.get("bodies"), "contentType")).containsExactly("text/plain", "text/html");
        assertThat(doc.at("/bodies/0/value").asText()).isEqualTo(TEXT);
        assertThat(doc.at("/bodies/0/wordCount").asInt()).isEqualTo(25);
        assertThat(doc.at("/bodies/0/charCount").asInt()).isEqualTo(TEXT.codePointCount(0, TEXT.length()));
        String html = doc.at("/bodies/1/value").asText();
        assertThat(html).startsWith("<p>استقبل").contains("</p><p>وقال")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;غيره&quot;")
                .doesNotContain("<script", "<b>");
        assertThat(html.replaceAll("</?p>", "")).doesNotContain("<", ">");

        // IPTC Media Topics, best first, named in the article's language
        JsonNode subjects = doc.get("subjects");
        assertThat(texts(subjects, "uri")).containsExactly("http://cv.iptc.org/newscodes/mediatopic/11000000",
                "http://cv.iptc.org/newscodes/mediatopic/16000000");
        assertThat(texts(subjects, "literal")).containsExactly("medtop:11000000", "medtop:16000000");
        assertThat(texts(subjects, "name")).containsExactly("سياسة", "نزاع وحرب وسلام");
        assertThat(texts(subjects, "confidence")).containsExactly("80", "40");
        assertThat(texts(subjects, "creator")).containsOnly("khabar topics keywords@0123abcd");

        // people, places and organisations: Wikidata URIs for QIDs; without a QID, the name and the Khabar id only
        assertThat(texts(doc.get("people"), "uri")).containsExactly("https://www.wikidata.org/entity/Q7747",
                "https://www.wikidata.org/entity/Q44329", null);
        assertThat(texts(doc.get("people"), "name")).containsExactly("فلاديمير بوتين", "بشار الأسد", "ناشط");
        assertThat(texts(doc.get("people"), "literal")).containsExactly("Q7747", "Q44329", unlinkedPerson);
        assertThat(texts(doc.get("places"), "uri")).containsExactly("https://www.wikidata.org/entity/Q3766");
        assertThat(texts(doc.get("places"), "name")).containsExactly("دمشق");
        assertThat(texts(doc.get("organisations"), "uri")).containsExactly("https://www.wikidata.org/entity/Q7184", null);
        assertThat(texts(doc.get("organisations"), "literal")).containsExactly("Q7184", unlinkedOrg);
        // MISC entities are neither people, places nor organisations
        assertThat(doc.toString()).doesNotContain(MISC);
    }

    /** The validation can fail: what the schema forbids is reported (so an empty list above means something). */
    @Test
    void theSchemaValidationRejectsWhatNinjsForbids() throws Exception {
        String id = "ninjs-bad-" + UUID.randomUUID();
        store(id, EventJson.toBytes(article(id, "khabar:person:a", "khabar:organization:b")));
        JsonNode good = ninjs(id);
        assertThat(errors(good)).isEmpty();

        ObjectNode topLevelSchema = good.deepCopy();
        topLevelSchema.put("$schema", "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"); // not a ninjs 3 property
        assertThat(errors(topLevelSchema)).isNotEmpty();
        ObjectNode notAUri = good.deepCopy();
        notAUri.put("uri", "not a uri");
        assertThat(errors(notAUri)).isNotEmpty();
        ObjectNode badSubject = good.deepCopy();
        ((ObjectNode) badSubject.at("/subjects/0")).put("confidence", 101);
        assertThat(errors(badSubject)).isNotEmpty();
        ObjectNode noUri = good.deepCopy();
        noUri.remove("uri");
        assertThat(errors(noUri)).isNotEmpty();
        ObjectNode geoJson = good.deepCopy();
        ((ObjectNode) geoJson.at("/places/0")).putObject("geoJSON").put("type", "Point");
        assertThat(errors(geoJson)).isNotEmpty();
    }

    /**
     * A version 1 record as an older enrich-service wrote it (spans as objects, provenance on every annotation), with
     * no title, publication time, topics or URL, under an id that is not URI-safe: still valid ninjs.
     */
    @Test
    void aVersion1ArticleWithLittleMetadataAndAnUnsafeIdIsValidNinjs() throws Exception {
        String id = "ninjs v1 " + UUID.randomUUID() + " خبر%";
        String text = "قال بوتين إن المحادثات ستستمر.";
        String v1 = "{\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"articleId\":" + EventJson.toJson(id)
                + ",\"revision\":7,\"contentHash\":\"h\",\"receivedAt\":\"2017-11-21T06:00:00Z\","
                + "\"normalizedAt\":\"2017-11-21T06:00:01Z\",\"enrichedAt\":\"2017-11-21T06:00:02Z\",\"source\":\"test\","
                + "\"title\":\"\",\"text\":" + EventJson.toJson(text) + ",\"language\":\"und\",\"languageConfidence\":0,"
                + "\"paragraphs\":[{\"start\":0,\"end\":" + text.length() + "}],"
                + "\"annotations\":[{\"kind\":\"entity\",\"type\":\"PERSON\",\"start\":4,\"end\":9,\"value\":\"Q7747\","
                + "\"confidence\":0.9,\"attributes\":{\"qid\":\"Q7747\",\"component\":\"entities\",\"model\":\"ner-ar@1\"}},"
                + "{\"kind\":\"topic\",\"type\":\"iptc-mediatopic\",\"start\":0,\"end\":" + text.length()
                + ",\"value\":\"medtop:11000000\",\"confidence\":0.55,\"attributes\":{\"label\":\"politics\","
                + "\"component\":\"topics\",\"model\":\"keywords@1\"}}],"
                + "\"entities\":[{\"id\":\"Q7747\",\"type\":\"PERSON\",\"name\":\"بوتين\",\"qid\":\"Q7747\","
                + "\"mentions\":[{\"start\":4,\"end\":9}],\"adjectives\":[],\"inTitle\":false,\"salience\":1.0,"
                + "\"confidence\":0.9,\"linkedBy\":\"kb\"}]}";
        store(id, v1.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JsonNode doc = ninjs(id);
        assertThat(errors(doc)).as(doc.toPrettyString()).isEmpty();
        assertThat(doc.get("uri").asText()).startsWith("urn:khabar:article:ninjs%20v1%20").endsWith("%D8%AE%D8%A8%D8%B1%25");
        assertThat(texts(doc.get("altIds"), "value")).containsExactly(id);
        assertThat(doc.has("headlines")).isFalse();
        assertThat(Instant.parse(doc.get("firstCreated").asText())).isEqualTo(Instant.parse("2017-11-21T06:00:00Z"));
        assertThat(doc.get("version").asText()).isEqualTo("7");
        assertThat(doc.at("/bodies/0/value").asText()).isEqualTo(text);
        // language und: names in English, else as written; the version 1 annotation's own provenance
        assertThat(texts(doc.get("subjects"), "name")).containsExactly("politics");
        assertThat(texts(doc.get("subjects"), "creator")).containsExactly("khabar topics keywords@1");
        assertThat(texts(doc.get("people"), "uri")).containsExactly("https://www.wikidata.org/entity/Q7747");
        assertThat(texts(doc.get("people"), "name")).containsExactly("بوتين");
    }

    /** JSON stays the default; ninjs only when asked for; what neither satisfies is a 406; unknown ids a 404. */
    @Test
    void contentNegotiationKeepsJsonTheDefault() throws Exception {
        String id = "ninjs-accept-" + UUID.randomUUID();
        store(id, EventJson.toBytes(article(id, "khabar:person:a", "khabar:organization:b")));

        for (String accept : List.of("", "*/*", "application/json", "application/*",
                "application/json, application/ninjs+json", "application/ninjs+json;q=0.5, application/json",
                "application/ninjs+json;q=0, */*", "text/html;q=0.9, */*;q=0.1")) {
            Response r = accept.isEmpty() ? given().get("/articles/{id}", id)
                    : given().header("Accept", accept).get("/articles/{id}", id);
            r.then().statusCode(200).contentType("application/json")
                    .body("articleId", equalTo(id)).body("storedAt", notNullValue())
                    .body("schemaVersion", equalTo(ArticleEnriched.SCHEMA_VERSION));
            assertThat(r.asString()).as(accept).doesNotContain("\"standard\"");
        }
        for (String accept : List.of(NINJS, "application/ninjs+json, application/json;q=0.5",
                "text/html, application/ninjs+json")) {
            given().header("Accept", accept).get("/articles/{id}", id).then().statusCode(200).contentType(NINJS)
                    .body("uri", equalTo("urn:khabar:article:" + id)).body("standard.name", equalTo("ninjs"));
        }
        for (String accept : List.of("text/html", "application/xml", "image/*")) {
            given().header("Accept", accept).get("/articles/{id}", id).then().statusCode(406);
        }
        given().accept(NINJS).get("/articles/{id}", "ninjs-none-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("parameter", equalTo("id"));
    }

    @Test
    void theNinjsMediaTypeIsInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/articles/{id}'.get.responses.'200'.content.'application/ninjs+json'.schema.$ref",
                        equalTo("#/components/schemas/Ninjs"))
                .body("paths.'/articles/{id}'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/StoredArticle"));
    }
}
