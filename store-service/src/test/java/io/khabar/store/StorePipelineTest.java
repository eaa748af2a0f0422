package io.khabar.store;

import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleEntity;
import io.khabar.events.Span;
import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.EventJson;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.postgres.Database;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** store-service against a real Kafka broker and a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class StorePipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEXT = "كشف الكرملين عن استضافة الرئيس الروسي فلاديمير بوتين لبشار الأسد.";
    private static final TopicProbe probe = TestInfra.topics();
    private static final int PUTIN = TEXT.indexOf("فلاديمير بوتين");

    private static ArticleEnriched enriched(String id, long revision, String title, Instant publishedAt) {
        return new ArticleEnriched(1, UUID.randomUUID().toString(), id, revision, "hash-" + revision,
                Instant.parse("2017-11-21T06:00:00Z"), Instant.parse("2017-11-21T06:00:01Z"),
                Instant.parse("2017-11-21T06:00:02Z"), "test", "https://x.test/" + id, title, TEXT, "ar", 0.99,
                publishedAt, List.of("مراسل"), List.of(),
                List.of(new Annotation("language", "article", 0, TEXT.length(), "ar", 0.99, Map.of()),
                        new Annotation("entity", "PERSON", PUTIN, PUTIN + 14, "Q7747", 0.98,
                                Map.of("qid", "Q7747", "component", "entities", "model", "ner-ar@58d6048038b4"))),
                List.of(new ArticleEntity("Q7747", "PERSON", "person", "فلاديمير بوتين", "Vladimir Putin",
                        "فلاديمير بوتين", "Q7747", null, null, "RU", null, List.of(new Span(PUTIN, PUTIN + 14)),
                        List.of(), false, 1.0, 0.98, "kb")), null, null,
                null, null, null);
    }

    private static List<Object> row(String id) throws Exception {
        Database db = TestInfra.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT count(*), max(title), max(revision) FROM article WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<Object> out = new ArrayList<>();
                out.add(rs.getLong(1));
                out.add(rs.getString(2));
                out.add(rs.getLong(3));
                return out;
            }
        }
    }

    @Test
    void enrichedArticleIsStoredAndServedWithArabicIntact() {
        String id = "store-" + UUID.randomUUID();
        String title = "الكرملين يعلن تفاصيل زيارة بشار الأسد";
        probe.send(Topics.ENRICHED, id, EventJson.toBytes(enriched(id, 1, title, null)));

        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        String gotTitle = given().get("/articles/" + id).then().statusCode(200)
                .body("articleId", equalTo(id)).body("language", equalTo("ar"))
                .body("annotations[0].kind", equalTo("language"))
                // the entities of the enriched event are stored and served with the article
                .body("annotations[1].kind", equalTo("entity"))
                .body("entities[0].id", equalTo("Q7747"))
                .body("entities[0].nameEn", equalTo("Vladimir Putin"))
                .body("entities[0].mentions[0][0]", equalTo(PUTIN)) // spans are [start, end]
                .extract().path("title");
        String gotText = given().get("/articles/" + id).then().extract().path("text");
        assertThat(gotTitle.codePoints().toArray()).containsExactly(title.codePoints().toArray());
        assertThat(gotText.codePoints().toArray()).containsExactly(TEXT.codePoints().toArray());
    }

    /** Schema version 1, as enrich-service wrote it before version 2 (still on the topic after an upgrade). */
    @Test
    void aVersion1RecordIsStoredServedAndSearchable() {
        String id = "store-v1-" + UUID.randomUUID();
        String token = "zq" + UUID.randomUUID().toString().replace("-", "");
        String text = TEXT + " " + token;
        String v1 = "{\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"articleId\":\"" + id + "\","
                + "\"revision\":1,\"contentHash\":\"h\",\"receivedAt\":\"2017-11-21T06:00:00Z\",\"normalizedAt\":\"2017-11-21T06:00:01Z\","
                + "\"enrichedAt\":\"2017-11-21T06:00:02Z\",\"source\":\"test\","
                + "\"title\":\"t\",\"text\":" + EventJson.toJson(text) + ",\"language\":\"ar\",\"languageConfidence\":0.9,"
                + "\"paragraphs\":[{\"start\":0,\"end\":" + text.length() + "}],"
                + "\"annotations\":[{\"kind\":\"entity\",\"type\":\"PERSON\",\"start\":" + PUTIN + ",\"end\":" + (PUTIN + 14)
                + ",\"value\":\"Q7747\",\"confidence\":0.9,\"attributes\":{\"qid\":\"Q7747\",\"component\":\"entities\","
                + "\"model\":\"ner-ar@58d6048038b4\",\"kb\":\"kb@139104\"}}],"
                + "\"entities\":[{\"id\":\"Q7747\",\"type\":\"PERSON\",\"name\":\"فلاديمير بوتين\",\"qid\":\"Q7747\","
                + "\"mentions\":[{\"start\":" + PUTIN + ",\"end\":" + (PUTIN + 14) + "}],\"adjectives\":[],"
                + "\"inTitle\":false,\"salience\":1.0,\"confidence\":0.9,\"linkedBy\":\"kb\"}],"
                + "\"matching\":{\"forms\":\"" + token + "\",\"offsets\":[" + (text.length() - token.length()) + ","
                + text.length() + "]}}";
        probe.send(Topics.ENRICHED, id, v1);
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        given().get("/articles/" + id).then().statusCode(200)
                .body("schemaVersion", equalTo(1))
                .body("annotations[0].attributes.model", equalTo("ner-ar@58d6048038b4"))
                .body("entities[0].mentions[0][0]", equalTo(PUTIN));
        assertThat(search(token)).containsExactly(id); // through the matching layer the record carried
    }

    /**
     * Schema version 2: provenance once per kind, mentions only in the entity rows, no matching layer; keyphrases as
     * annotations, served also as the article's keywords.
     */
    @Test
    void aVersion2RecordIsStoredWithItsProvenanceAndIsSearchableWithoutAMatchingLayer() {
        String id = "store-v2-" + UUID.randomUUID();
        String token = "zq" + UUID.randomUUID().toString().replace("-", "");
        ArticleEnriched e = enriched(id, 1, "t", null);
        ArticleEnriched v2 = new ArticleEnriched(2, e.eventId(), id, 1, e.contentHash(),
                e.receivedAt(), e.normalizedAt(), e.enrichedAt(), e.source(), e.url(), e.title(), TEXT + " " + token,
                "ar", 0.99, null, List.of(), List.of(),
                List.of(new Annotation("language", "article", 0, TEXT.length(), "ar", 0.99, Map.of()),
                        new Annotation("keyword", "keyphrase", 0, 5, "سوتشي", 0.4, Map.of("count", 1)),
                        new Annotation("keyword", "keyphrase", 0, 5, "بوتين", 1.0, Map.of("count", 2))),
                e.entities(), null, null, null, null,
                List.of(new io.khabar.events.Provenance("entity", "entities", "ner-ar@58d6048038b4", "kb@142050")));
        probe.send(Topics.ENRICHED, id, EventJson.toBytes(v2));
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        given().get("/articles/" + id).then().statusCode(200)
                .body("schemaVersion", equalTo(2))
                .body("keywords", contains("بوتين", "سوتشي"))
                .body("provenance[0].model", equalTo("ner-ar@58d6048038b4"))
                .body("entities[0].mentions[0][0]", equalTo(PUTIN));
        assertThat(search(token)).containsExactly(id); // the store computed the matching layer from the text
        List<String> withPutin = given().queryParam("entity", "Q7747").queryParam("q", token).get("/articles")
                .then().statusCode(200).extract().path("items.id");
        assertThat(withPutin).containsExactly(id); // the mention rows come from the entity rows
    }

    @Test
    void newerVersionReplacesOlderAndOlderOrReplayedVersionsNeverOverwrite() throws Exception {
        String id = "versions-" + UUID.randomUUID();
        probe.send(Topics.ENRICHED, id, EventJson.toBytes(enriched(id, 2, "v2", null)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(id)).containsExactly(1L, "v2", 2L));

        probe.send(Topics.ENRICHED, id, EventJson.toBytes(enriched(id, 1, "v1 (older, arrives late)", null)));
        probe.send(Topics.ENRICHED, id, EventJson.toBytes(enriched(id, 2, "v2", null)));
        probe.send(Topics.ENRICHED, id, EventJson.toBytes(enriched(id, 3, "v3", null)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(id)).containsExactly(1L, "v3", 3L));
        probe.send(Topics.ENRICHED, id, EventJson.toBytes(enriched(id, 2, "v2 replayed", null)));
        String marker = "marker-" + UUID.randomUUID();
        probe.send(Topics.ENRICHED, marker, EventJson.toBytes(enriched(marker, 1, "m", null)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(marker).get(0)).isEqualTo(1L));
        assertThat(row(id)).containsExactly(1L, "v3", 3L);
    }

    @Test
    void listIsNewestFirstWithCursorPaging() {
        String prefix = "page-" + UUID.randomUUID() + "-";
        Instant base = Instant.parse("2099-01-01T00:00:00Z"); // newer than any other test article
        for (int i = 0; i < 5; i++) {
            probe.send(Topics.ENRICHED, prefix + i, EventJson.toBytes(enriched(prefix + i, 1, "t" + i, base.plusSeconds(i))));
        }
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + prefix + 4).then().statusCode(200));
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + prefix + 0).then().statusCode(200));

        List<String> first = given().get("/articles?limit=2").then().statusCode(200).extract().path("items.id");
        String next = given().get("/articles?limit=2").then().extract().path("next");
        List<String> second = given().queryParam("limit", 2).queryParam("after", next).get("/articles")
                .then().statusCode(200).extract().path("items.id");
        assertThat(first).containsExactly(prefix + 4, prefix + 3);
        assertThat(second).containsExactly(prefix + 2, prefix + 1);
    }

    private static List<String> search(String q) {
        return given().queryParam("q", q).get("/articles").then().statusCode(200).extract().path("items.id");
    }

    /** Arabic search through the matching layer: proclitics, hamza variants, diacritics; Latin case folding. */
    @Test
    void searchFindsArabicWordsWhateverTheirProcliticsAndHamzaAndIsSafeWithMetaCharacters() {
        String id = "search-" + UUID.randomUUID();
        String token = "zq" + UUID.randomUUID().toString().replace("-", ""); // isolates this test's article
        String text = "وصل بشار الأسد لموسكو أمس، واجتمع PUTIN بالرئيس السوري في الكرملين. " + token;
        ArticleEnriched e = enriched(id, 1, "لقاء في موسكو", null);
        ArticleEnriched withText = new ArticleEnriched(1, e.eventId(), id, 1, e.contentHash(), e.receivedAt(),
                e.normalizedAt(), e.enrichedAt(), e.source(), e.url(), e.title(), text, "ar", 0.99, null, List.of(),
                List.of(), List.of(), List.of(), null, null, null, null, null);
        probe.send(Topics.ENRICHED, id, EventJson.toBytes(withText));
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));

        assertThat(search("موسكو " + token)).containsExactly(id);   // text has لموسكو
        assertThat(search("الأسد " + token)).containsExactly(id);   // text has الأسد and بالرئيس
        assertThat(search("الاسد " + token)).containsExactly(id);   // hamza-less spelling
        assertThat(search("الرئيس " + token)).containsExactly(id);  // text has بالرئيس
        assertThat(search("putin " + token)).containsExactly(id);   // case folded
        assertThat(search("الكرملين " + token)).containsExactly(id);
        assertThat(search("لندن " + token)).isEmpty();
        // the title is indexed too
        assertThat(search("لقاء " + token)).containsExactly(id);
        // SQL and tsquery meta-characters are words or nothing, never an error
        assertThat(search("'; DROP TABLE article; -- " + token)).isEmpty();
        assertThat(search("موسكو & | ! ( ) :* " + token)).containsExactly(id);
        given().queryParam("q", "x".repeat(201)).get("/articles").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("q"));
        given().queryParam("q", "!!! ???").get("/articles").then().statusCode(400).body("parameter", equalTo("q"));
    }

    @Test
    void theQueryApiIsDescribedWithOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/articles'.get.parameters.name", org.hamcrest.Matchers.hasItems("q", "limit", "after"))
                .body("paths.'/articles/{id}'.get", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badQueriesAre400ProblemsAndUnknownIdIs404() {
        given().get("/articles?limit=0").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("limit"));
        given().get("/articles?after=garbage!").then().statusCode(400).body("parameter", equalTo("after"));
        given().get("/articles/no-such-article").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedEnrichedRecordIsDeadLetteredAndTheNextOneIsStillStored() throws Exception {
        String badKey = "bad-" + UUID.randomUUID();
        String goodKey = "good-" + UUID.randomUUID();
        probe.send(Topics.ENRICHED, badKey, "{\"articleId\":\"x\",\"schemaVersion\":\"not a number\"}");
        probe.send(Topics.ENRICHED, goodKey, EventJson.toBytes(enriched(goodKey, 1, "after the bad one", null)));

        ConsumerRecord<String, byte[]> dead = probe.await(Topics.DEAD_LETTER, r -> badKey.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("malformed record was not dead-lettered"));
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.STAGE)).isEqualTo("store");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.REASON)).startsWith("not a valid ArticleEnriched");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.ENRICHED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(row(goodKey)).containsExactly(1L, "after the bad one", 1L));
    }

    /**
     * Records arrive in batches written in one transaction. An article the database refuses (a NUL character, which
     * PostgreSQL text cannot hold) fails its batch: it alone is dead-lettered, with the database's reason, after its
     * retries, and the articles sent around it are stored.
     */
    @Test
    void anArticleTheDatabaseRefusesIsDeadLetteredAloneAndItsBatchIsStored() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> good = new ArrayList<>();
        String poison = "nul-" + run;
        Map<String, byte[]> records = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            String id = "batch-" + run + "-" + i;
            good.add(id);
            records.put(id, EventJson.toBytes(enriched(id, 1, "batch neighbour " + i, null)));
            if (i == 4) {
                records.put(poison, EventJson.toBytes(enriched(poison, 1, "a NUL \u0000 here", null)));
            }
        }
        probe.sendAll(Topics.ENRICHED, records);
        ConsumerRecord<String, byte[]> dead = probe.await(Topics.DEAD_LETTER, r -> poison.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("the refused article was not dead-lettered"));
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.STAGE)).isEqualTo("store");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.REASON)).contains("0x00");
        for (String id : good) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(row(id)).containsExactly(1L,
                    "batch neighbour " + id.substring(id.lastIndexOf('-') + 1), 1L));
        }
        given().get("/articles/" + poison).then().statusCode(404);
        assertThat(probe.awaitAll(Topics.DEAD_LETTER, r -> r.key() != null && r.key().startsWith("batch-" + run), 1,
                Duration.ofSeconds(2))).as("no neighbour was dead-lettered").isEmpty();
    }

    @Test
    void healthIncludesDatabaseAndKafka() {
        String health = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().asString();
        assertThat(health).contains("Database connections health check").containsIgnoringCase("kafka");
    }
}
