package io.khabar.ingest.rest;

import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With khabar.ingest.api-key set, writes need the key. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithApiKey.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class ApiKeyTest {
    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("khabar.ingest.api-key", "s3cret-for-test");
        }
    }

    private static final String ARTICLE = "{\"source\":\"auth\",\"title\":\"t\",\"body\":\"b\"}";

    @Test
    void postWithoutOrWithAWrongKeyIs401() {
        given().contentType(ContentType.JSON).body(ARTICLE).post("/articles")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body(ARTICLE).post("/articles")
                .then().statusCode(401);
    }

    @Test
    void postWithTheKeyIsAccepted() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer s3cret-for-test").body(ARTICLE)
                .post("/articles").then().statusCode(202).body("accepted", equalTo(1));
        given().contentType(ContentType.JSON).header("X-Api-Key", "s3cret-for-test").body(ARTICLE)
                .post("/articles").then().statusCode(202);
    }

    /** Finding 4: the key is checked before the body is read, so a caller without it cannot make ingest buffer 40 MB. */
    @Test
    void aLargeBodyWithoutTheKeyIs401() {
        byte[] body = "{}\n".repeat(13_000_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        given().contentType("application/x-ndjson").body(body).post("/articles")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
