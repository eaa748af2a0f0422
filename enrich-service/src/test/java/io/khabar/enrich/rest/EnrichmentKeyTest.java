package io.khabar.enrich.rest;

import io.khabar.infra.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With khabar.enrich.api-key set, {@code POST /enrichments} needs the key (the shared {@code ApiKeyFilter}). */
@QuarkusTest
@TestProfile(EnrichmentKeyTest.WithApiKey.class)
@QuarkusTestResource(KafkaResource.class)
class EnrichmentKeyTest {
    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("khabar.enrich.api-key", "enrich-key-for-test");
        }
    }

    private static final String BODY = "{\"title\":\"Putin in Sochi\",\"text\":\"Vladimir Putin spoke in Sochi.\"}";

    @Test
    void withoutOrWithAWrongKeyIs401Problem() {
        given().contentType(ContentType.JSON).body(BODY).post("/enrichments")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("detail", containsString("needs an API key"));
        given().contentType(ContentType.JSON).header("X-Api-Key", "wrong").body(BODY).post("/enrichments")
                .then().statusCode(401);
    }

    @Test
    void withTheKeyItEnriches() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer enrich-key-for-test").body(BODY)
                .post("/enrichments").then().statusCode(200).body("title", equalTo("Putin in Sochi"));
        given().contentType(ContentType.JSON).header("X-Api-Key", "enrich-key-for-test").body(BODY)
                .post("/enrichments").then().statusCode(200);
    }

    @Test
    void readEndpointsStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
