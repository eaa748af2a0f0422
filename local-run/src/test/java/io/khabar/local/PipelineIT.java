package io.khabar.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.events.EventJson;
import io.khabar.infra.postgres.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end: a broker process, PostgreSQL and the three packaged services as separate processes. The seed article
 * goes in at the front (title = first line) and is asserted at the back, enriched and stored exactly once.
 */
class PipelineIT {
    @TempDir
    static Path home;
    static LocalStack stack;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Path SEED = Path.of("..", "samples", "kremlin-assad-visit.ar.txt");

    @BeforeAll
    static void start() throws Exception {
        // Its own database, dropped afterwards: the test never touches a developer's "khabar" database.
        String db = "khabar_it_" + Long.toHexString(System.nanoTime());
        stack = new LocalStack(Path.of(".."), home, LocalStack.Ports.free(), db).start(System.out::println);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.closeAndDropDatabase();
        }
    }

    @Test
    void seedArticleGoesThroughAllThreeServicesAndIsStoredOnceWithArabicIntact() throws Exception {
        List<String> lines = Files.readAllLines(SEED, StandardCharsets.UTF_8);
        String title = lines.get(0).strip();
        String ingest = "http://localhost:" + stack.ports().ingest();
        String store = "http://localhost:" + stack.ports().store();

        ArticleFiles files = new ArticleFiles(ingest);
        ArticleFiles.Result posted = files.postFile(SEED);
        assertThat(posted.status()).isEqualTo(202);
        String id = posted.ids().get(0);

        JsonNode article = awaitStored(store, id);
        assertThat(article.get("articleId").asText()).isEqualTo(id);
        assertThat(article.get("language").asText()).isEqualTo("ar");
        assertThat(article.get("title").asText().codePoints().toArray()).containsExactly(title.codePoints().toArray());
        String text = article.get("text").asText();
        // Every paragraph said once in the body is kept, code point for code point (spaces collapsed as the normalizer
        // does). Lines the source repeats (captions) and the title printed again (with a stray "1") are not text.
        List<String> body = lines.subList(1, lines.size()).stream()
                .map(l -> l.replaceAll("[\\s\\p{Zs}]+", " ").strip()).filter(l -> !l.isEmpty()).toList();
        for (String expected : body) {
            boolean repeated = body.stream().filter(expected::equals).count() > 1;
            if (!repeated && !expected.startsWith(title)) {
                assertThat(text).as("paragraph kept code point for code point").contains(expected);
            }
        }
        assertThat(text).doesNotContain(title).doesNotEndWith("1");
        assertThat(article.at("/facts/captions").size()).isEqualTo(3);
        assertThat(article.at("/facts/direction").asText()).isEqualTo("rtl");
        assertThat(article.get("storedAt").asText()).isNotBlank();
        // the entities enrich-service found are stored with the article: Putin and Assad, linked, with mentions
        List<String> entityIds = new java.util.ArrayList<>();
        article.get("entities").forEach(e -> entityIds.add(e.get("id").asText()));
        assertThat(entityIds).contains("Q7747", "Q44329", "Q649", "Q858");
        JsonNode putin = article.get("entities").findParents("id").stream()
                .filter(e -> e.get("id").asText().equals("Q7747")).findFirst().orElseThrow();
        JsonNode first = putin.get("mentions").get(0);
        assertThat(text.substring(first.get(0).asInt(), first.get(1).asInt())).endsWith("بوتين"); // [start, end]
        // and so are its quotes (Putin's and Assad's), dates, amounts (4 ساعات), topics and keyphrases
        java.util.Set<String> kinds = new java.util.HashSet<>();
        List<String> speakers = new java.util.ArrayList<>();
        article.get("annotations").forEach(a -> {
            kinds.add(a.get("kind").asText());
            if (a.get("kind").asText().equals("quote") && a.get("type").asText().equals("direct")) {
                speakers.add(a.path("value").asText());
            }
        });
        assertThat(kinds).contains("quote", "date", "amount", "topic").doesNotContain("keyword");
        List<String> keywords = new java.util.ArrayList<>(); // schema 3: keyphrases as strings, best first
        article.get("keywords").forEach(k -> keywords.add(k.asText()));
        assertThat(keywords).hasSizeGreaterThanOrEqualTo(3).contains("بوتين");
        assertThat(speakers).containsExactly("Q7747", "Q7747", "Q44329", "Q44329");

        // Posting it again: same id, still exactly one stored article.
        ArticleFiles.Result again = files.postFile(SEED);
        assertThat(again.ids()).containsExactly(id);
        String marker = files.postFile(writeMarker()).ids().get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create(store + "/articles/" + marker)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        assertThat(countRows(id)).isEqualTo(1);
    }

    @Test
    void aNinjsArticleGoesInAndComesOutAsNinjs() throws Exception {
        // A Superdesk-style ninjs 1.x item in, valid against IPTC's 1.6 schema ...
        String uri = "urn:newsml:newsroom.example:20171121:kremlin-sochi-" + Long.toHexString(System.nanoTime());
        ObjectNode item = EventJson.mapper().createObjectNode()
                .put("uri", uri).put("type", "text").put("language", "en")
                .put("versioncreated", "2017-11-21T08:00:00+00:00")
                .put("headline", "Putin hosts Assad in Sochi")
                .put("byline", "Newsroom staff")
                .put("body_html", "<p>Russian President Vladimir Putin hosted Syrian President Bashar al-Assad in"
                        + " Sochi on Monday.</p><p>The talks in the Black Sea resort lasted four hours.</p>");
        assertThat(ninjsSchema("1.6", com.networknt.schema.SpecVersion.VersionFlag.V7).validate(item)).isEmpty();
        String ingest = "http://localhost:" + stack.ports().ingest();
        String store = "http://localhost:" + stack.ports().store();
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(ingest + "/articles"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(item.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = EventJson.mapper().readTree(posted.body()).get("ids").get(0).asText();
        awaitStored(store, id);

        // ... and out of store as ninjs 3.1, valid against IPTC's schema, with the people linked to Wikidata.
        HttpResponse<String> out = HTTP.send(HttpRequest.newBuilder(URI.create(store + "/articles/" + id))
                .header("Accept", "application/ninjs+json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Content-Type").orElse("")).startsWith("application/ninjs+json");
        JsonNode ninjs = EventJson.mapper().readTree(out.body());
        assertThat(ninjsSchema("3.1", com.networknt.schema.SpecVersion.VersionFlag.V202012).validate(ninjs)).isEmpty();
        assertThat(ninjs.at("/headlines/0/value").asText()).isEqualTo("Putin hosts Assad in Sochi");
        assertThat(ninjs.get("language").asText()).isEqualTo("en");
        assertThat(ninjs.at("/bodies/0/value").asText()).contains("Vladimir Putin hosted", "lasted four hours");
        List<String> people = new java.util.ArrayList<>();
        ninjs.path("people").forEach(p -> people.add(p.path("uri").asText()));
        assertThat(people).contains("https://www.wikidata.org/entity/Q7747", "https://www.wikidata.org/entity/Q44329");
    }

    private static com.networknt.schema.JsonSchema ninjsSchema(String version,
                                                               com.networknt.schema.SpecVersion.VersionFlag flag)
            throws java.io.IOException {
        Path file = Path.of("../../shared/data/schemas/ninjs/specification/ninjs-schema_" + version + ".json");
        // nothing is fetched from the network: the geoJSON schema a place may name resolves to one no value meets
        String geoJson = "https://geojson.org/schema/GeoJSON.json";
        String none = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$id\": \"" + geoJson
                + "\", \"not\": {}}";
        return com.networknt.schema.JsonSchemaFactory.getInstance(flag,
                b -> b.schemaLoaders(l -> l.schemas(java.util.Map.of(geoJson, none)))).getSchema(
                EventJson.mapper().readTree(Files.readString(file)),
                com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    @Test
    void aFullHtmlPageIsStoredWithItsMainTextAndMetadata() throws Exception {
        // a real page (CNN Arabic, from newspaper4k's fixtures), posted as ./khabar run posts an .html file
        Path page = Path.of("../../shared/data/html/newspaper4k/tests/data/html/arabic_article.html");
        String ingest = "http://localhost:" + stack.ports().ingest();
        String store = "http://localhost:" + stack.ports().store();
        ArticleFiles.Result posted = new ArticleFiles(ingest).postFile(page);
        assertThat(posted.status()).isEqualTo(202);
        String id = posted.ids().get(0);
        JsonNode article = awaitStored(store, id);
        assertThat(article.get("title").asText()).isEqualTo("معارضون يسيطرون على مخازن للصواريخ بريف دمشق");
        assertThat(article.get("text").asText()).startsWith("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة");
        assertThat(article.get("publishedAt").asText()).isEqualTo("2013-08-28T10:00:00Z"); // from the page's dateline
        assertThat(article.get("url").asText()).isEqualTo("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html");
        assertThat(article.at("/metadata/siteName").asText()).isEqualTo("CNNArabic");
        assertThat(article.get("language").asText()).isEqualTo("ar");
        assertThat(article.at("/duplicate/status").asText()).isIn("unique", "exact", "near");
    }

    /** The article as store-service serves it, once it is there. */
    private static JsonNode awaitStored(String store, String id) throws Exception {
        HttpResponse<String>[] got = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            got[0] = HTTP.send(HttpRequest.newBuilder(URI.create(store + "/articles/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return got[0].statusCode() == 200;
        });
        return EventJson.mapper().readTree(got[0].body());
    }

    private static Path writeMarker() throws Exception {
        Path f = home.resolve("marker-" + System.nanoTime() + ".txt");
        Files.writeString(f, "Marker article " + f.getFileName() + "\nIt is posted after the repeat, so once it is "
                + "stored the repeat has been handled too (one partition order per key aside).");
        return f;
    }

    private static long countRows(String id) throws Exception {
        Database db = stack.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM article WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
