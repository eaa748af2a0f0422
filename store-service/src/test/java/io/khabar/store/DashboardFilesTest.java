package io.khabar.store;

import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The editors' dashboard's static files at {@code /} and their headers. The dashboard itself is driven in headless
 * Chromium, through the whole pipeline, by {@code local-run}'s {@code DashboardIT}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class DashboardFilesTest {
    private static final String CSP_PART = "script-src 'self'";

    /** The CSP is on the dashboard's paths, and only there: Swagger UI keeps working with its inline scripts. */
    @Test
    void dashboardPathsCarryTheStrictCspAndSwaggerUiDoesNot() {
        for (String path : List.of("/", "/index.html", "/dashboard.js", "/dashboard.css")) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString(CSP_PART))
                    .header("X-Content-Type-Options", "nosniff");
        }
        given().get("/q/swagger-ui/").then().statusCode(200).header("Content-Security-Policy", nullValue());
        given().get("/articles?limit=1").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }

    /** The dashboard never writes API text as HTML: no innerHTML, outerHTML, insertAdjacentHTML or document.write. */
    @Test
    void theDashboardScriptHasNoHtmlSinks() {
        given().get("/dashboard.js").then().statusCode(200)
                .body(not(containsString("innerHTML")), not(containsString("outerHTML")),
                        not(containsString("insertAdjacentHTML")), not(containsString("document.write")));
    }

    /** With no read key configured, the dashboard is told it need not sign in. */
    @Test
    void withoutAReadKeyTheSessionIsNotRequired() {
        given().get("/session").then().statusCode(200).body("required", equalTo(false), "authenticated", equalTo(true));
        given().post("/session").then().statusCode(204);
    }
}
