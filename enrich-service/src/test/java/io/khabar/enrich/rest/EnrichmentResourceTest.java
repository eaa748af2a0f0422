package io.khabar.enrich.rest;

import io.khabar.infra.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** {@code POST /enrichments}: the pipeline's enrichment of one text, synchronously, with clear errors. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
class EnrichmentResourceTest {
    private static final String TEXT = "استقبل الرئيس الروسي فلاديمير بوتين الرئيس السوري بشار الأسد في منتجع سوتشي."
            + " وقال بوتين للأسد إن العملية العسكرية في سوريا تقترب من نهايتها.";

    @Test
    void arabicTextComesBackWithLinkedEntitiesWhoseOffsetsIndexTheText() {
        JsonPath body = given().contentType(ContentType.JSON)
                .body(Map.of("text", TEXT, "title", "بوتين يستقبل الأسد في سوتشي"))
                .post("/enrichments")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        String text = body.getString("text");
        assertThat(body.getString("language")).isEqualTo("ar");
        List<Map<String, Object>> entities = body.getList("entities");
        assertThat(entities).extracting(e -> e.get("id")).contains("Q7747", "Q44329");
        Map<String, Object> putin = entities.stream().filter(e -> "Q7747".equals(e.get("id"))).findFirst().orElseThrow();
        assertThat(putin.get("type")).isEqualTo("PERSON");
        assertThat(putin.get("nameEn")).isEqualTo("Vladimir Putin");
        assertThat(putin.get("inTitle")).isEqualTo(true);
        List<List<Integer>> mentions = (List<List<Integer>>) putin.get("mentions"); // spans are [start, end]
        assertThat(mentions).extracting(m -> text.substring(m.get(0), m.get(1)))
                .containsExactly("فلاديمير بوتين", "بوتين");
        // بالأسد-style clitics: للأسد is a mention of الأسد with the span after the preposition
        List<Map<String, Object>> annotations = body.getList("annotations");
        assertThat(annotations).filteredOn(a -> "Q44329".equals(a.get("value")))
                .extracting(a -> text.substring((int) a.get("start"), (int) a.get("end")))
                .containsExactly("بشار الأسد", "لأسد");
        assertThat(annotations).filteredOn(a -> "entity".equals(a.get("kind")))
                .allSatisfy(a -> assertThat((Map<String, Object>) a.get("attributes"))
                        .containsEntry("component", "entities")
                        .hasEntrySatisfying("model", m -> assertThat((String) m).startsWith("ner-ar@")));
        // الروسي and السوري are relations to their countries, not people
        assertThat(annotations).filteredOn(a -> "nisba".equals(a.get("kind")))
                .extracting(a -> a.get("value")).containsExactly("Q159", "Q858");
    }

    @Test
    void aTextWithoutATitleIsEnrichedWholeAndOffsetsReferToIt() {
        String sent = "Vladimir Putin met Bashar al-Assad in Sochi.\n\nThe talks lasted four hours in Sochi.";
        var body = given().contentType(ContentType.JSON).body(Map.of("text", sent))
                .post("/enrichments").then().statusCode(200).extract().jsonPath();
        String text = body.getString("text");
        assertThat(text).isEqualTo(sent);
        assertThat(body.getString("title")).isNullOrEmpty();
        List<List<Integer>> mentions = body.getList("entities.find { it.name == 'Vladimir Putin' }.mentions");
        assertThat(mentions).isNotEmpty();
        assertThat(text.substring(mentions.get(0).get(0), mentions.get(0).get(1))).isEqualTo("Vladimir Putin");
        assertThat(mentions.get(0).get(0)).isZero();
    }

    @Test
    void missingTextIs400ProblemNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("title", "no text"))
                .post("/enrichments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("/text"));
        given().contentType(ContentType.JSON).body("{\"text\": ")
                .post("/enrichments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid JSON"));
    }

    @Test
    void tooLongTextIs413() {
        given().contentType(ContentType.JSON).body(Map.of("text", "ا".repeat(200_001)))
                .post("/enrichments")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/enrichments")).body(containsString("EnrichmentResponse"));
    }
}
