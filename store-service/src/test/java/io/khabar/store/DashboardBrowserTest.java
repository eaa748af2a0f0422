package io.khabar.store;

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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

/**
 * The editors' dashboard (static files at {@code /}) in real headless Chromium: live feed, Arabic article view, entity
 * page, hostile text shown as text. The setup installs Debian's {@code chromium} (when missing and running as root)
 * and {@code playwright-core} from npm into {@code target/browser-test}; when either cannot be had the browser test is
 * skipped, never passed. The script is {@code src/test/browser/dashboard.spec.mjs}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class DashboardBrowserTest {
    private static final TopicProbe probe = TestInfra.topics();
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path TARGET = MODULE.resolve("target");
    private static final Path TOOLS = TARGET.resolve("browser-test");
    private static final Path SCRIPT = MODULE.resolve("src/test/browser/dashboard.spec.mjs");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String CSP_PART = "script-src 'self'";

    @TestHTTPResource("/")
    URI base;

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

    /** Live arrival of an Arabic article, its right-to-left view with highlights, and a hostile article shown as text. */
    @Test
    void liveFeedArabicArticleViewAndHostileTextInHeadlessChromium() throws Exception {
        Assumptions.assumeTrue(run(30, "node", "--version") == 0, "browser test skipped: node is not installed");
        Assumptions.assumeTrue(chromium(), "browser test skipped: " + CHROMIUM
                + " is missing and `apt-get install chromium` failed or is not allowed (see " + TOOLS + "/install.log)");
        Assumptions.assumeTrue(playwrightCore(), "browser test skipped: `npm install playwright-core@1` failed (see "
                + TOOLS + "/install.log)");

        String run = UUID.randomUUID().toString().substring(0, 8);
        String arabicId = "dash-ar-" + run, hostileId = "dash-en-" + run;
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), base.toString(), arabicId, hostileId,
                TARGET.toString()).redirectErrorStream(true);
        builder.environment().put("KHABAR_BROWSER_TOOLS", TOOLS.toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    System.out.println("[browser] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.equals("@@send " + arabicId)) {
                        send(arabic(arabicId));
                    } else if (line.equals("@@send " + hostileId)) {
                        send(hostile(hostileId));
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "browser-output");
        reader.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        reader.join(5_000);
        synchronized (output) {
            if (!finished) {
                fail("the browser script did not finish within 120 s:\n" + output);
            }
            assertThat(process.exitValue()).as("browser script output:\n%s", output).isZero();
            assertThat(output).contains("ok - no page or console errors");
        }
        assertThat(TARGET.resolve("dashboard.png")).isNotEmptyFile();
        assertThat(TARGET.resolve("dashboard-hostile.png")).isNotEmptyFile();
    }

    // ---------------------------------------------------------------- the two articles

    private static void send(ArticleEnriched a) {
        probe.send(Topics.ENRICHED, a.articleId(), EventJson.toBytes(a));
    }

    private static ArticleEntity entity(String id, String type, String kind, String nameEn, String nameAr,
                                        String text, String surface) {
        List<Span> mentions = new ArrayList<>();
        for (int i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
            mentions.add(new Span(i, i + surface.length()));
        }
        return new ArticleEntity(id, type, kind, surface, nameEn, nameAr, id, null, null, "RU", null, mentions,
                List.of(), false, 0.8, 0.95, "kb");
    }

    private static Annotation mention(String text, String surface, String type, String id) {
        int start = text.indexOf(surface);
        return new Annotation("entity", type, start, start + surface.length(), id, 0.95,
                Map.of("qid", id, "component", "entities"));
    }

    /** Putin (Q7747) quoted in Moscow (Q649), politics, one absolute date. */
    static ArticleEnriched arabic(String id) {
        String title = "بوتين: المحادثات مع أنقرة كانت بناءة";
        String putin = "فلاديمير بوتين", moscow = "موسكو";
        String quote = "المحادثات كانت بناءة ونأمل أن تستمر";
        String day = "20 نوفمبر 2017";
        String text = "قال الرئيس الروسي " + putin + " في " + moscow + " يوم " + day + ": «" + quote + "».\n\n"
                + "وأضاف أن وفد Gazprom سيزور أنقرة الأسبوع المقبل لبحث خط TurkStream.";
        int q = text.indexOf(quote);
        int speaker = text.indexOf(putin);
        int cue = text.indexOf("قال");
        int date = text.indexOf(day);
        List<Annotation> annotations = List.of(
                mention(text, putin, "PERSON", "Q7747"),
                mention(text, moscow, "LOCATION", "Q649"),
                new Annotation("quote", "direct", q, q + quote.length(), "Q7747", 0.9, Map.of(
                        "speakerName", putin, "speakerStart", speaker, "speakerEnd", speaker + putin.length(),
                        "cue", "قال", "cueStart", cue, "cueEnd", cue + 3, "component", "quotes")),
                new Annotation("date", "absolute", date, date + day.length(), "2017-11-20", 0.9,
                        Map.of("granularity", "day", "component", "temporal")),
                new Annotation("topic", "iptc-mediatopic", 0, text.length(), "medtop:11000000", 0.8,
                        Map.of("label", "politics", "labelAr", "سياسة", "component", "topics")));
        List<ArticleEntity> entities = List.of(
                entity("Q7747", "PERSON", "person", "Vladimir Putin", putin, text, putin),
                entity("Q649", "LOCATION", "city", "Moscow", moscow, text, moscow));
        return article(id, "ar", title, text, annotations, entities);
    }

    /** Markup in the title and the text, which the dashboard must show as text and never run. */
    static ArticleEnriched hostile(String id) {
        String script = "<script>window.__pwned=1</script>", img = "<img src=x onerror=\"window.__pwned=1\">";
        String title = "Breaking " + script + " " + img + " news";
        String text = "Officials said " + script + " and " + img + " were found in the feed.\n\nNothing else.";
        return article(id, "en", title, text, List.of(), List.of());
    }

    private static ArticleEnriched article(String id, String language, String title, String text,
                                           List<Annotation> annotations, List<ArticleEntity> entities) {
        Instant at = Instant.now();
        return new ArticleEnriched(1, UUID.randomUUID().toString(), id, at.toEpochMilli() * 1000, "hash-" + id, at,
                at, at, "dashboard-test", "https://news.test/" + id, title, text, language, 0.99, NOW, List.of(),
                List.of(), annotations, entities, null, null, null, null);
    }

    // ---------------------------------------------------------------- installs

    /** Debian's chromium: there already, or installed with apt-get when running as root. */
    private static boolean chromium() throws Exception {
        if (Files.isExecutable(CHROMIUM)) {
            return true;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            System.out.println("[browser] not root: cannot apt-get install chromium");
            return false;
        }
        if (run(900, "apt-get", "install", "-y", "--no-install-recommends", "chromium", "fonts-dejavu-core") != 0) {
            run(300, "apt-get", "update");
            run(900, "apt-get", "install", "-y", "--no-install-recommends", "chromium", "fonts-dejavu-core");
        }
        return Files.isExecutable(CHROMIUM);
    }

    /** playwright-core from npm into target/browser-test (once per clean build). */
    private static boolean playwrightCore() throws Exception {
        Path installed = TOOLS.resolve("node_modules/playwright-core/package.json");
        if (Files.exists(installed)) {
            return true;
        }
        run(300, "npm", "install", "--prefix", TOOLS.toString(), "--no-audit", "--no-fund", "playwright-core@1");
        return Files.exists(installed);
    }

    /** Runs a command, its output appended to target/browser-test/install.log; its exit code, -1 if it cannot run. */
    private static int run(long timeoutSeconds, String... command) throws InterruptedException {
        try {
            Files.createDirectories(TOOLS);
            Path log = TOOLS.resolve("install.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
