package io.khabar.store;

import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.khabar.http.ApiKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The read API behind {@code khabar.store.read-api-key}: the key as a header, or the dashboard's session cookie
 * ({@code POST /session}), which also opens the SSE stream; refusals are 401 problems; the dashboard's own files,
 * health and OpenAPI stay open.
 */
@QuarkusTest
@TestProfile(StoreReadKeyTest.ReadKey.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class StoreReadKeyTest {
    static final String KEY = "read-k3y-for-tests";
    static final List<String> READ_PATHS = List.of("/articles", "/articles?q=x&limit=1", "/articles/some-id",
            "/entities/Q7747", "/entities/trending?window=1h", "/stream/articles");

    public static class ReadKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("khabar.store.read-api-key", KEY);
        }
    }

    @TestHTTPResource("/stream/articles")
    URI stream;

    @Test
    void everyReadPathRefusesARequestWithoutTheKey() {
        for (String path : READ_PATHS) {
            given().get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("title", equalTo("Unauthorized"), "detail", containsString("POST /session"));
            given().header(ApiKeys.HEADER, "wrong").get(path).then().statusCode(401);
            given().header("Authorization", "Bearer " + KEY + "x").get(path).then().statusCode(401);
        }
    }

    @Test
    void theKeyInEitherHeaderOpensTheReadApi() {
        given().header(ApiKeys.HEADER, KEY).get("/articles?limit=1").then().statusCode(200);
        given().header("Authorization", "Bearer " + KEY).get("/entities/trending?window=1h").then().statusCode(200);
        given().header(ApiKeys.HEADER, KEY).get("/articles/no-such-article").then().statusCode(404);
        // the key is checked before the parameters: a bad parameter without the key is a 401, not a 400
        given().get("/articles?limit=0").then().statusCode(401);
        given().header(ApiKeys.HEADER, KEY).get("/articles?limit=0").then().statusCode(400);
    }

    @Test
    void theDashboardSignsInForACookieThatOpensTheApiAndTheStream() throws Exception {
        given().get("/session").then().statusCode(200).body("required", equalTo(true), "authenticated", equalTo(false));
        given().post("/session").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("give the read API key"));
        given().header(ApiKeys.HEADER, "wrong").post("/session").then().statusCode(401)
                .body("detail", equalTo("this is not the read API key"));

        Response signedIn = given().header("Authorization", "Bearer " + KEY).post("/session");
        signedIn.then().statusCode(204);
        String setCookie = signedIn.header("Set-Cookie");
        assertThat(setCookie).startsWith("khabar_read=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/").doesNotContain(KEY)
                .doesNotContainIgnoringCase("Secure"); // plain HTTP here; HTTPS requests get Secure
        String token = signedIn.cookie("khabar_read");
        assertThat(token).isEqualTo(ApiKeys.sessionToken(KEY));

        given().cookie("khabar_read", token).get("/articles?limit=1").then().statusCode(200);
        given().cookie("khabar_read", token).get("/entities/trending").then().statusCode(200);
        given().cookie("khabar_read", token).get("/session").then()
                .body("required", equalTo(true), "authenticated", equalTo(true));
        given().cookie("khabar_read", ApiKeys.sessionToken("another key")).get("/articles").then().statusCode(401)
                .body("detail", containsString("session has ended"));
        given().cookie("khabar_read", KEY).get("/articles").then().statusCode(401);

        // EventSource sends cookies, not headers: the stream opens with the cookie alone
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> open = http.send(HttpRequest.newBuilder(stream).timeout(Duration.ofSeconds(10))
                .header("Cookie", "khabar_read=" + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = open.body()) {
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        }

        String cleared = given().cookie("khabar_read", token).delete("/session").then().statusCode(204)
                .extract().header("Set-Cookie");
        assertThat(cleared).startsWith("khabar_read=;").containsIgnoringCase("Max-Age=0");
    }

    @Test
    void theDashboardHealthAndOpenApiStayOpen() {
        for (String path : List.of("/", "/dashboard.js", "/dashboard.css", "/q/health/live", "/q/openapi")) {
            given().get(path).then().statusCode(200);
        }
    }
}
