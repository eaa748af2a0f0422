package io.khabar.store;

import io.khabar.events.ArticleEnriched;
import io.khabar.events.EventJson;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** {@code GET /stream/articles}: live events under a filter, resuming with Last-Event-ID, and refusals. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class StoreStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicProbe probe = TestInfra.topics();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TestHTTPResource("/stream/articles")
    URI stream;

    /** One received SSE event. */
    record Event(long id, String name, String data) {
        String articleId() {
            return JsonPath.from(data).getString("id");
        }
    }

    /** An open stream; collects the events in a thread of its own until closed. */
    static final class Client implements AutoCloseable {
        final List<Event> events = new CopyOnWriteArrayList<>();
        final List<String> comments = new CopyOnWriteArrayList<>();
        private final Stream<String> lines;
        private final Thread reader;

        Client(URI uri, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(WAIT.toSeconds(),
                            java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            lines = response.body();
            reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            Long id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (id != null) {
                            events.add(new Event(id, name, data.toString()));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1).strip());
                    } else if (line.startsWith("id:")) {
                        id = Long.parseLong(line.substring(3).strip());
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        List<String> articleIds() {
            return events.stream().map(Event::articleId).toList();
        }

        @Override
        public void close() throws InterruptedException {
            lines.close();
            reader.join(WAIT.toMillis());
        }
    }

    private static ArticleEnriched article(String id, long revision, String source, String language) {
        Instant at = NOW.plusSeconds(revision);
        return new ArticleEnriched(1, UUID.randomUUID().toString(), id, revision, "hash-" + revision, at,
                at.plusSeconds(1), at.plusSeconds(2), source, "https://x.test/" + id, "title of " + id + " r" + revision,
                "text of " + id, language, 0.99, NOW, List.of(), List.of(), List.of(), List.of(), null, null, null, null, null);
    }

    private static void send(ArticleEnriched a) {
        probe.send(Topics.ENRICHED, a.articleId(), EventJson.toBytes(a));
    }

    private static void awaitStored(String id, long revision) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200)
                .body("revision", equalTo((int) revision)));
    }

    private URI filtered(Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(stream + "?" + query);
    }

    /** Live: two matching articles arrive in stream order with increasing ids; the non-matching one never does. */
    @Test
    void liveEventsUnderAFilterThenResumeAfterTheFirst() throws Exception {
        String s = "stream-" + UUID.randomUUID();
        String first = s + "-1", other = s + "-2", second = s + "-3";
        URI uri = filtered(Map.of("source", s, "language", "ar"));
        List<Event> live;
        try (Client client = new Client(uri, null)) {
            send(article(first, 1, s, "ar"));
            awaitStored(first, 1);
            send(article(other, 1, s, "en")); // same source, other language: filtered out
            awaitStored(other, 1);
            send(article(second, 1, s, "ar"));
            awaitStored(second, 1);
            await().atMost(WAIT).until(() -> client.events.size() >= 2);
            // nothing more arrives over several polls
            await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> client.events.size() == 2);
            live = new ArrayList<>(client.events);
        }
        assertThat(live).extracting(Event::articleId).containsExactly(first, second);
        assertThat(live).extracting(Event::name).containsOnly("article");
        assertThat(live.get(1).id()).isGreaterThan(live.get(0).id());
        JsonPath item = JsonPath.from(live.get(0).data());
        assertThat(item.getString("title")).isEqualTo("title of " + first + " r1");
        assertThat(item.getString("language")).isEqualTo("ar");
        assertThat(item.getString("source")).isEqualTo(s);
        // the same line as GET /articles gives
        assertThat(given().queryParam("source", s).queryParam("language", "ar").get("/articles").then()
                .statusCode(200).extract().jsonPath().getMap("items[1]"))
                .isEqualTo(item.getMap(""));

        // Resume after the first: the second, then a newer version of the first (a real update moves it), once each.
        try (Client resumed = new Client(uri, Long.toString(live.get(0).id()))) {
            await().atMost(WAIT).until(() -> resumed.events.size() >= 1);
            send(article(first, 1, s, "ar")); // replayed version: changes nothing, not streamed again
            send(article(first, 2, s, "ar"));
            awaitStored(first, 2);
            await().atMost(WAIT).until(() -> resumed.events.size() >= 2);
            await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> resumed.events.size() == 2);
            assertThat(resumed.articleIds()).containsExactly(second, first);
            assertThat(resumed.events.get(0).id()).isEqualTo(live.get(1).id());
            assertThat(resumed.events.get(1).id()).isGreaterThan(live.get(1).id());
            assertThat(JsonPath.from(resumed.events.get(1).data()).getString("title")).isEqualTo("title of " + first + " r2");
        }

        // lastEventId as a query parameter, for clients that cannot set the header; caught up from the database
        Map<String, String> params = new java.util.HashMap<>(Map.of("source", s, "language", "ar"));
        params.put("lastEventId", "0");
        try (Client fromStart = new Client(filtered(params), null)) {
            await().atMost(WAIT).until(() -> fromStart.events.size() >= 2);
            await().during(Duration.ofMillis(1000)).atMost(WAIT).until(() -> fromStart.events.size() == 2);
            assertThat(fromStart.articleIds()).containsExactly(second, first);
        }
    }

    /** A refused filter or resume point is a 400 problem naming the parameter, before any stream starts. */
    @Test
    void badParametersAre400Problems() {
        given().accept("text/event-stream").queryParam("language", "not a language").get("/stream/articles").then()
                .statusCode(400).contentType("application/problem+json").body("parameter", equalTo("language"));
        given().accept("text/event-stream").queryParam("from", "2020-01-02").queryParam("to", "2020-01-01")
                .get("/stream/articles").then().statusCode(400).body("parameter", equalTo("to"));
        given().accept("text/event-stream").header("Last-Event-ID", "abc").get("/stream/articles").then()
                .statusCode(400).contentType("application/problem+json").body("parameter", equalTo("Last-Event-ID"));
        given().accept("text/event-stream").queryParam("lastEventId", "-1").get("/stream/articles").then()
                .statusCode(400).body("parameter", equalTo("lastEventId"));
    }
}
