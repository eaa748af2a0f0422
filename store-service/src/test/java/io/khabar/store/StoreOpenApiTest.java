package io.khabar.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleEntity;
import io.khabar.events.EventJson;
import io.khabar.events.Span;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAPI document ({@code /q/openapi}) describes the read API's response bodies: each main endpoint's 200 has a
 * schema with the properties it answers with, and real answers (an article stored through the enriched topic) use
 * only properties their schema declares, with every required one present.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class StoreOpenApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicProbe probe = TestInfra.topics();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NINJS = "application/ninjs+json";

    private static JsonNode openApi() throws Exception {
        return JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    /** The schema of a response's content, its {@code $ref} (and those it leads to) followed. */
    private static JsonNode response(JsonNode api, String path, String method, String status, String mediaType) {
        JsonNode content = api.path("paths").path(path).path(method).path("responses").path(status).path("content");
        assertThat(content.has(mediaType)).as(path + " " + status + " has " + mediaType + ": " + content).isTrue();
        JsonNode schema = content.path(mediaType).path("schema");
        assertThat(schema.isMissingNode() || schema.isEmpty())
                .as(path + " " + status + " " + mediaType + " schema").isFalse();
        return schema;
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            schema = api.at(ref.substring(1));
            assertThat(schema.isMissingNode()).as(ref).isFalse();
        }
        return schema;
    }

    /** A schema's properties, those of its {@code allOf} parts included. */
    private static Map<String, JsonNode> properties(JsonNode api, JsonNode schema) {
        JsonNode s = resolve(api, schema);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        s.path("allOf").forEach(part -> out.putAll(properties(api, part)));
        s.path("properties").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Set<String> required(JsonNode api, JsonNode schema) {
        JsonNode s = resolve(api, schema);
        Set<String> out = new LinkedHashSet<>();
        s.path("allOf").forEach(part -> out.addAll(required(api, part)));
        s.path("required").forEach(r -> out.add(r.asText()));
        return out;
    }

    private static JsonNode items(JsonNode api, JsonNode arraySchema) {
        JsonNode s = resolve(api, arraySchema);
        assertThat(s.path("type").asText()).isEqualTo("array");
        return s.get("items");
    }

    // ---------------------------------------------------------------- the document

    @Test
    void theMainEndpointsDescribeTheirResponseBodies() throws Exception {
        JsonNode api = openApi();

        JsonNode page = response(api, "/articles", "get", "200", "application/json");
        assertThat(properties(api, page)).containsOnlyKeys("items", "next", "entityIds", "facets");
        assertThat(required(api, page)).containsExactly("items");
        JsonNode summary = items(api, properties(api, page).get("items"));
        assertThat(properties(api, summary)).containsOnlyKeys("id", "title", "language", "source", "url",
                "publishedAt", "receivedAt", "storedAt");
        JsonNode facets = properties(api, page).get("facets");
        assertThat(properties(api, facets)).containsOnlyKeys("entity", "topic", "source", "language");
        assertThat(properties(api, items(api, properties(api, facets).get("entity"))))
                .containsOnlyKeys("value", "count", "type", "nameEn", "nameAr");

        JsonNode article = response(api, "/articles/{id}", "get", "200", "application/json");
        Map<String, JsonNode> articleProperties = properties(api, article);
        assertThat(articleProperties).containsKeys("schemaVersion", "articleId", "revision", "receivedAt", "source",
                "url", "title", "text", "language", "languageConfidence", "publishedAt", "paragraphs", "annotations",
                "entities", "provenance", "storedAt");
        assertThat(required(api, article)).contains("storedAt");
        assertThat(properties(api, items(api, articleProperties.get("entities"))))
                .containsKeys("id", "type", "name", "nameEn", "nameAr", "qid", "mentions", "salience");
        assertThat(properties(api, items(api, articleProperties.get("annotations"))))
                .containsKeys("kind", "type", "start", "end", "value", "confidence", "attributes");
        // spans are [start, end] arrays, as the events write them
        JsonNode span = resolve(api, items(api, articleProperties.get("paragraphs")));
        assertThat(span.path("type").asText()).isEqualTo("array");
        assertThat(span.path("items").path("type").asText()).isEqualTo("integer");

        JsonNode ninjs = response(api, "/articles/{id}", "get", "200", NINJS);
        assertThat(properties(api, ninjs)).containsKeys("standard", "uri", "headlines", "bodies", "language",
                "firstCreated", "versionCreated", "subjects", "people", "organisations", "places");
        assertThat(properties(api, items(api, properties(api, ninjs).get("subjects"))))
                .containsKeys("name", "uri", "literal");

        JsonNode entity = response(api, "/entities/{id}", "get", "200", "application/json");
        assertThat(properties(api, entity)).containsOnlyKeys("id", "type", "nameEn", "nameAr", "kind", "qid", "links",
                "latitude", "longitude", "countryCode", "geonamesId", "updatedAt", "articles", "mentions", "cooccurring",
                "timeline");
        assertThat(properties(api, properties(api, entity).get("links"))).containsOnlyKeys("wikidata", "geonames");
        assertThat(properties(api, items(api, properties(api, entity).get("cooccurring"))))
                .containsOnlyKeys("id", "type", "nameEn", "nameAr", "articles");
        assertThat(properties(api, items(api, properties(api, entity).get("timeline"))))
                .containsOnlyKeys("day", "mentions", "articles");

        JsonNode trending = response(api, "/entities/trending", "get", "200", "application/json");
        assertThat(properties(api, trending)).containsOnlyKeys("window", "from", "to", "items");
        assertThat(properties(api, items(api, properties(api, trending).get("items"))))
                .containsOnlyKeys("id", "type", "nameEn", "nameAr", "mentions", "previousAverage", "rise", "articles");

        assertThat(properties(api, response(api, "/session", "get", "200", "application/json")))
                .containsOnlyKeys("required", "authenticated");
        for (String[] problem : List.of(new String[]{"/articles", "400"}, new String[]{"/articles/{id}", "404"},
                new String[]{"/entities/{id}", "404"}, new String[]{"/entities/trending", "400"})) {
            assertThat(properties(api, response(api, problem[0], "get", problem[1], "application/problem+json")))
                    .as(problem[0] + " " + problem[1]).containsKeys("type", "title", "status", "detail", "parameter");
        }
    }

    // ---------------------------------------------------------------- real answers against the document

    /**
     * Every member of the value is a property of its schema (objects with declared properties; maps and free-form
     * objects are not checked), every required property is present, and JSON types agree with the schema's.
     */
    private static void conforms(JsonNode api, JsonNode value, JsonNode schema, String where, List<String> problems) {
        JsonNode s = resolve(api, schema);
        String type = jsonType(value);
        JsonNode declared = s.has("type") ? s.get("type") : schema.get("type");
        if (declared != null) {
            List<String> allowed = new ArrayList<>();
            if (declared.isArray()) {
                declared.forEach(t -> allowed.add(t.asText()));
            } else {
                allowed.add(declared.asText());
            }
            if (!allowed.contains(type) && !(type.equals("integer") && allowed.contains("number"))) {
                problems.add(where + ": " + type + " where the schema says " + allowed);
            }
        }
        if (value.isObject()) {
            Map<String, JsonNode> props = properties(api, s);
            if (props.isEmpty()) {
                return;
            }
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!props.containsKey(name)) {
                    problems.add(where + "." + name + " is not in the schema");
                } else {
                    conforms(api, value.get(name), props.get(name), where + "." + name, problems);
                }
            }
            for (String name : required(api, s)) {
                if (!value.has(name)) {
                    problems.add(where + "." + name + " is required by the schema and absent");
                }
            }
        } else if (value.isArray() && s.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                conforms(api, value.get(i), s.get("items"), where + "[" + i + "]", problems);
            }
        }
    }

    private static String jsonType(JsonNode v) {
        return v.isObject() ? "object" : v.isArray() ? "array" : v.isTextual() ? "string" : v.isBoolean() ? "boolean"
                : v.isIntegralNumber() ? "integer" : v.isNumber() ? "number" : "null";
    }

    private static JsonNode get(RequestSpecification request, String path, Object... params) throws Exception {
        return JSON.readTree(request.get(path, params).then().statusCode(200).extract().asString());
    }

    @Test
    void realAnswersUseOnlyWhatTheirSchemasDeclare() throws Exception {
        String source = "openapi-" + UUID.randomUUID();
        String id = source + "-1";
        String person = "khabar:person:openapi-" + UUID.randomUUID();
        String text = "Star met Putin in Damascus.";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ArticleEntity> entities = List.of(
                new ArticleEntity(person, "PERSON", null, "Star", "Star " + source, null, null, null, null, null, null,
                        List.of(new Span(0, 4)), List.of(), true, 0.9, 0.8, "name"),
                new ArticleEntity("Q7747", "PERSON", "person", "Putin", "Vladimir Putin", "فلاديمير بوتين", "Q7747",
                        null, null, "RU", null, List.of(new Span(9, 14)), List.of(), false, 0.6, 0.9, "kb"),
                new ArticleEntity("Q3766", "LOCATION", "city", "Damascus", "Damascus", "دمشق", "Q3766", 33.5131,
                        36.2919, "SY", 170654L, List.of(new Span(18, 26)), List.of(), false, 0.5, 0.9, "kb"));
        ArticleEnriched a = new ArticleEnriched(ArticleEnriched.SCHEMA_VERSION, UUID.randomUUID().toString(), id, 1, "h",
                now, now, now, source, null, "Star meets Putin", text, "en", 0.9, now.minus(10, ChronoUnit.MINUTES),
                List.of("A. Writer"), List.of(new Span(0, text.length())),
                List.of(new Annotation("topic", "iptc-mediatopic", 0, text.length(), "medtop:11000000", 0.7,
                        Map.of("label", "politics"))), entities, null, null, null, null, List.of());
        probe.send(Topics.ENRICHED, id, EventJson.toBytes(a));
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/{id}", id).then().statusCode(200));

        JsonNode api = openApi();
        List<String> problems = new ArrayList<>();
        JsonNode list = get(given().queryParam("source", source).queryParam("entity", "Q7747")
                .queryParam("facets", "entity,topic,source,language").queryParam("limit", 1), "/articles");
        assertThat(list.path("items").size()).isEqualTo(1);
        assertThat(list.path("facets").size()).isEqualTo(4);
        conforms(api, list, response(api, "/articles", "get", "200", "application/json"), "GET /articles", problems);
        conforms(api, get(given(), "/articles/{id}", id), response(api, "/articles/{id}", "get", "200",
                "application/json"), "GET /articles/{id}", problems);
        conforms(api, get(given().accept(NINJS), "/articles/{id}", id), response(api, "/articles/{id}", "get", "200",
                NINJS), "GET /articles/{id} as ninjs", problems);
        for (String e : List.of(person, "Q3766")) {
            JsonNode page = get(given().queryParam("days", 3), "/entities/{id}", e);
            assertThat(page.path("cooccurring").size()).isPositive();
            conforms(api, page, response(api, "/entities/{id}", "get", "200", "application/json"),
                    "GET /entities/" + e, problems);
        }
        JsonNode trending = get(given().queryParam("window", "1h").queryParam("limit", 100), "/entities/trending");
        assertThat(trending.path("items").findValuesAsText("id")).contains(person);
        conforms(api, trending, response(api, "/entities/trending", "get", "200", "application/json"),
                "GET /entities/trending", problems);
        conforms(api, get(given(), "/session"), response(api, "/session", "get", "200", "application/json"),
                "GET /session", problems);
        assertThat(problems).isEmpty();

        // and the check can fail: a member the schema does not declare, a wrong type, a required one missing
        List<String> caught = new ArrayList<>();
        conforms(api, JSON.readTree("{\"items\": [], \"more\": true}"), response(api, "/articles", "get", "200",
                "application/json"), "extra", caught);
        conforms(api, JSON.readTree("{\"window\": \"PT1H\", \"from\": 1, \"to\": \"x\", \"items\": []}"),
                response(api, "/entities/trending", "get", "200", "application/json"), "type", caught);
        conforms(api, JSON.readTree("{\"required\": true}"), response(api, "/session", "get", "200", "application/json"),
                "missing", caught);
        assertThat(caught).containsExactly("extra.more is not in the schema",
                "type.from: integer where the schema says [string]", "missing.authenticated is required by the schema"
                        + " and absent");
    }
}
