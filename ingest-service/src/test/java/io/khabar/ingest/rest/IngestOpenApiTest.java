package io.khabar.ingest.rest;

import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /articles} as the OpenAPI document at {@code /q/openapi} describes it: its request bodies, its answers,
 * and the answer's shape checked against what the endpoint really sends.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class IngestOpenApiTest {

    private static JsonPath openApi() {
        return given().get("/q/openapi?format=json").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    @Test
    void postArticlesIsDescribedWithItsBodiesAnswersAndKeys() {
        JsonPath doc = openApi();
        assertThat(doc.getString("info.title")).isEqualTo("Khabar ingest-service");
        assertThat(doc.getMap("paths")).containsOnlyKeys("/articles");
        Map<String, Object> post = doc.getMap("paths.'/articles'.post");
        assertThat(post).containsKeys("summary", "requestBody", "responses");
        assertThat(doc.getMap("paths.'/articles'.post.requestBody.content"))
                .containsOnlyKeys("application/json", "application/x-ndjson");
        assertThat(doc.getList("paths.'/articles'.post.requestBody.content.'application/json'.schema.oneOf.'$ref'",
                String.class)).containsExactly("#/components/schemas/NativeArticle", "#/components/schemas/NinjsArticle");
        assertThat(doc.getMap("paths.'/articles'.post.responses"))
                .containsOnlyKeys("202", "400", "401", "413", "415", "503");
        assertThat(doc.getString("paths.'/articles'.post.responses.'202'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/AcceptedArticles");
        assertThat(doc.getMap("paths.'/articles'.post.responses.'202'.headers")).containsKey("X-Article-Id");
        assertThat(doc.getMap("paths.'/articles'.post.responses.'503'.headers")).containsKey("Retry-After");
        for (String problem : new String[]{"400", "401", "413", "503"}) {
            assertThat(doc.getString("paths.'/articles'.post.responses.'" + problem
                    + "'.content.'application/problem+json'.schema.'$ref'")).as(problem)
                    .isEqualTo("#/components/schemas/Problem");
        }
        // the Content-Type header is how the body is read, not a parameter
        assertThat(doc.getList("paths.'/articles'.post.parameters")).isNullOrEmpty();
        assertThat(doc.getMap("components.securitySchemes")).containsOnlyKeys("bearer", "apiKey");
        assertThat(doc.getString("components.securitySchemes.apiKey.name")).isEqualTo("X-Api-Key");
        // the key is optional: one of the alternatives is no key at all
        assertThat(doc.getList("paths.'/articles'.post.security")).hasSize(3).contains(Map.of());
        assertThat(doc.getList("components.schemas.NativeArticle.required", String.class))
                .containsExactlyInAnyOrder("source", "body");
        assertThat(doc.getList("components.schemas.NinjsArticle.required", String.class)).containsExactly("uri");
    }

    @Test
    void theDescribedAnswersAreTheOnesTheEndpointGives() {
        JsonPath doc = openApi();
        Map<String, Object> accepted = doc.getMap("components.schemas.AcceptedArticles.properties");
        assertThat(accepted).containsOnlyKeys("accepted", "ids");
        Map<String, Object> answer = given().contentType(ContentType.JSON)
                .body("{\"source\":\"openapi-test\",\"title\":\"T\",\"body\":\"B " + System.nanoTime() + "\"}")
                .post("/articles").then().statusCode(202).contentType(ContentType.JSON)
                .extract().jsonPath().getMap("");
        assertThat(answer).containsOnlyKeys(accepted.keySet().toArray(String[]::new));
        assertThat(doc.getMap("components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "field", "line");
        // a Content-Type the endpoint does not read is the documented 415
        given().contentType("text/plain").body("hello").post("/articles").then().statusCode(415);
    }
}
