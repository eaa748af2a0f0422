package io.khabar.local;

import io.khabar.events.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The editors' dashboard in real headless Chromium, fed through the whole pipeline: the three packaged services, a
 * broker process and PostgreSQL, with both keys set (ingest's write key, store's read key). The browser signs in, sees
 * the seed article arrive live after it is posted to ingest-service, opens it (right to left, entities highlighted,
 * quotes with speakers), follows an entity, and shows a hostile article's markup as text. The script is
 * {@code src/test/browser/dashboard.spec.mjs}; screenshots go to {@code target/dashboard*.png}.
 */
class DashboardIT {
    static final String INGEST_KEY = "ingest-key-for-the-browser-test";
    static final String READ_KEY = "read-key-for-the-browser-test";
    static final Path SCRIPT = Path.of("src", "test", "browser", "dashboard.spec.mjs").toAbsolutePath();
    static final Path SEED = Path.of("..", "samples", "kremlin-assad-visit.ar.txt");
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path home;
    static LocalStack stack;
    static String unavailable;

    @BeforeAll
    static void start() throws Exception {
        unavailable = BrowserTools.unavailable();
        if (unavailable != null) {
            return;
        }
        String db = "khabar_it_" + Long.toHexString(System.nanoTime());
        stack = new LocalStack(Path.of(".."), home, LocalStack.Ports.free(), db);
        stack.startInfrastructure(System.out::println);
        stack.startServices(Map.of("KHABAR_INGEST_API_KEY", INGEST_KEY, "KHABAR_STORE_READ_API_KEY", READ_KEY),
                List.of(), System.out::println);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.closeAndDropDatabase();
        }
    }

    @Test
    void signInLiveArabicArticleEntityPageAndHostileTextInHeadlessChromium() throws Exception {
        Assumptions.assumeTrue(unavailable == null, "browser test skipped: " + unavailable);
        String ingest = "http://localhost:" + stack.ports().ingest();
        String store = "http://localhost:" + stack.ports().store() + "/";
        Path out = Path.of("target").toAbsolutePath();

        BrowserTools.Outcome outcome = BrowserTools.runScript(SCRIPT, List.of(store, out.toString()),
                Map.of("KHABAR_READ_KEY", READ_KEY), what -> send(ingest, what), 180);
        if (!outcome.finished()) {
            fail("the browser script did not finish within 180 s:\n" + outcome.output());
        }
        assertThat(outcome.exitCode()).as("browser script output:\n%s", outcome.output()).isZero();
        assertThat(outcome.output()).contains("ok - no page or console errors");
        assertThat(out.resolve("dashboard.png")).isNotEmptyFile();
        assertThat(out.resolve("dashboard-hostile.png")).isNotEmptyFile();
    }

    /** Posts the article the script asks for to ingest-service, with the write key; answers its id. */
    private static String send(String ingest, String what) {
        try {
            if (what.equals("arabic")) {
                ArticleFiles.Result posted = new ArticleFiles(ingest, INGEST_KEY).postFile(SEED);
                assertThat(posted.status()).as("ingest answered %s", posted.error()).isEqualTo(202);
                return posted.ids().get(0);
            }
            if (what.equals("hostile")) {
                return postHostile(ingest);
            }
            throw new IllegalArgumentException("unknown article " + what);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Markup in the title, live tags in the body (the normalizer drops them) and escaped tags in the body (they become
     * literal text): the dashboard must show what is stored as text and run nothing.
     */
    private static String postHostile(String ingest) throws Exception {
        String script = "<script>window.__pwned=1</script>", img = "<img src=x onerror=\"window.__pwned=1\">";
        String escaped = "&lt;script&gt;window.__pwned=1&lt;/script&gt; and &lt;img src=x onerror=\"window.__pwned=1\"&gt;";
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("source", "dashboard-test");
        article.put("url", "https://news.test/hostile/" + System.nanoTime());
        article.put("title", "Breaking " + script + " " + img + " news");
        article.put("body", "<p>Officials said " + escaped + " were found in the feed.</p>" + script + img
                + "<p>Nothing else was found.</p>");
        article.put("language", "en");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/articles"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + INGEST_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(article))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return EventJson.mapper().readTree(r.body()).get("ids").get(0).asText();
    }
}
