package io.khabar.store;

import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleEntity;
import io.khabar.events.EventJson;
import io.khabar.events.Span;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.postgres.Database;
import io.khabar.infra.quarkus.KafkaResource;
import io.khabar.infra.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The query API over the V3 rows (entities, mentions, topics, quotes, dates), against a real broker and database.
 * Each test isolates its articles by a source of its own ({@code source=} in every query).
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
class StoreQueryTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicProbe probe = TestInfra.topics();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String POLITICS = "medtop:11000000";
    private static final String CONFLICT = "medtop:16000000";
    private static final String ECONOMY = "medtop:04000000";

    /** The five articles of the filter tests, newest first: A1 .. A5. */
    private static final String S = "query-" + UUID.randomUUID();
    private static final String A1 = S + "-a1", A2 = S + "-a2", A3 = S + "-a3", A4 = S + "-a4", A5 = S + "-a5";
    private static boolean sent;

    // ---------------------------------------------------------------- event building

    private static ArticleEntity entity(String id, String type, String kind, String nameEn, String nameAr, Double lat,
                                        Double lon, String country, String text, String surface) {
        List<Span> mentions = new ArrayList<>();
        for (int i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
            mentions.add(new Span(i, i + surface.length()));
        }
        String qid = id.startsWith("Q") ? id : null;
        return new ArticleEntity(id, type, kind, surface, nameEn, nameAr, qid, lat, lon, country, null, mentions,
                List.of(), false, 0.5, 0.9, qid != null ? "kb" : "name");
    }

    private static Annotation topic(String code, double score, String text) {
        return new Annotation("topic", "iptc-mediatopic", 0, text.length(), code, score, Map.of("component", "topics"));
    }

    private static ArticleEnriched article(String id, long revision, String source, String language, String text,
                                           Instant publishedAt, Instant receivedAt, List<Annotation> annotations,
                                           List<ArticleEntity> entities) {
        return new ArticleEnriched(1, UUID.randomUUID().toString(), id, revision, "hash-" + revision, receivedAt,
                receivedAt.plusSeconds(1), receivedAt.plusSeconds(2), source, "https://x.test/" + id, "title of " + id,
                text, language, 0.99, publishedAt, List.of(), List.of(), annotations, entities, null, null, null, null, null);
    }

    private static ArticleEntity putin(String text, String surface) {
        return entity("Q7747", "PERSON", "person", "Vladimir Putin", "فلاديمير بوتين", null, null, "RU", text, surface);
    }

    private static ArticleEntity moscow(String text, String surface) {
        return entity("Q649", "LOCATION", "city", "Moscow", "موسكو", 55.7558, 37.6173, "RU", text, surface);
    }

    private static ArticleEntity damascus(String text, String surface) {
        return entity("Q3766", "LOCATION", "city", "Damascus", "دمشق", 33.5131, 36.2919, "SY", text, surface);
    }

    private static ArticleEntity assad(String text, String surface) {
        return entity("Q44329", "PERSON", "person", "Bashar al-Assad", "بشار الأسد", null, null, "SY", text, surface);
    }

    private static void send(ArticleEnriched a) {
        probe.send(Topics.ENRICHED, a.articleId(), EventJson.toBytes(a));
    }

    /** Sends A1..A5 once, and waits until all are stored. */
    private static synchronized void articles() {
        if (sent) {
            return;
        }
        String t1 = "قال بوتين في موسكو إن المحادثات ستستمر. وأضاف بوتين: \"سنواصل\".";
        int quoteStart = t1.indexOf("\"");
        send(article(A1, 1, S, "ar", t1, NOW.minus(2, ChronoUnit.HOURS), NOW.minus(2, ChronoUnit.HOURS),
                List.of(topic(POLITICS, 0.8, t1),
                        new Annotation("quote", "direct", quoteStart, t1.length() - 1, "Q7747", 0.9,
                                Map.of("speakerName", "بوتين", "component", "quotes")),
                        new Annotation("date", "absolute", 0, 5, "2017-11-20", 0.9, Map.of("granularity", "day"))),
                List.of(putin(t1, "بوتين"), moscow(t1, "موسكو"))));
        String t2 = "Putin arrived in Damascus on Monday; Putin met officials.";
        send(article(A2, 1, S, "en", t2, NOW.minus(3, ChronoUnit.HOURS), NOW.minus(3, ChronoUnit.HOURS),
                List.of(topic(POLITICS, 0.7, t2), topic(CONFLICT, 0.4, t2)),
                List.of(putin(t2, "Putin"), damascus(t2, "Damascus"))));
        String t3 = "استقبل بشار الأسد وفدا في دمشق.";
        send(article(A3, 1, S, "ar", t3, NOW.minus(1, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS),
                List.of(topic(CONFLICT, 0.6, t3)), List.of(assad(t3, "بشار الأسد"), damascus(t3, "دمشق"))));
        // no publication time: sorted by acceptance time, left out by from/to
        String t4 = "Apple shares rose after Bashar al-Assad was mentioned.";
        send(article(A4, 1, S, "en", t4, null, NOW.minus(5, ChronoUnit.DAYS), List.of(topic(ECONOMY, 0.9, t4)),
                List.of(entity("Q312", "ORGANIZATION", "organization", "Apple Inc.", "أبل", null, null, "US", t4, "Apple"),
                        assad(t4, "Bashar al-Assad"))));
        String t5 = "اجتماع في موسكو.";
        send(article(A5, 1, S, "ar", t5, NOW.minus(40, ChronoUnit.DAYS), NOW.minus(40, ChronoUnit.DAYS),
                List.of(topic(POLITICS, 0.5, t5)), List.of(moscow(t5, "موسكو"))));
        for (String id : List.of(A1, A2, A3, A4, A5)) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        }
        sent = true;
    }

    // ---------------------------------------------------------------- query helpers

    private static ValidatableResponse list(Map<String, ?> params) {
        RequestSpecification r = given();
        params.forEach(r::queryParam);
        return r.get("/articles").then();
    }

    private static List<String> ids(Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("source", S);
        params.put("limit", 100);
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return list(params).statusCode(200).extract().path("items.id");
    }

    private static void badParameter(String name, Object value) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", S);
        p.put(name, value);
        list(p).statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo(name));
    }

    // ---------------------------------------------------------------- GET /articles filters

    @Test
    void eachFilterAloneSelectsExactlyItsArticlesNewestFirst() {
        articles();
        assertThat(ids()).containsExactly(A1, A2, A3, A4, A5);
        assertThat(ids("entity", "Q7747")).containsExactly(A1, A2);
        assertThat(ids("entity", "Q3766")).containsExactly(A2, A3);
        assertThat(ids("entity", "Q0000000001")).isEmpty();
        assertThat(ids("type", "PERSON")).containsExactly(A1, A2, A3, A4);
        assertThat(ids("type", "organization")).containsExactly(A4);   // case-insensitive
        assertThat(ids("type", "LOCATION")).containsExactly(A1, A2, A3, A5);
        assertThat(ids("type", "MISC")).isEmpty();
        assertThat(ids("language", "ar")).containsExactly(A1, A3, A5);
        assertThat(ids("language", "en")).containsExactly(A2, A4);
        assertThat(ids("topic", POLITICS)).containsExactly(A1, A2, A5);
        assertThat(ids("topic", CONFLICT)).containsExactly(A2, A3);
        assertThat(ids("topic", ECONOMY)).containsExactly(A4);
        // a linked place in the country: A4 names a Syrian person but no Syrian place
        assertThat(ids("country", "SY")).containsExactly(A2, A3);
        assertThat(ids("country", "ru")).containsExactly(A1, A5);
        assertThat(ids("country", "FR")).isEmpty();
        assertThat(ids("bbox", "35,32,37,34")).containsExactly(A2, A3);            // around Damascus
        assertThat(ids("bbox", "37,55,38,56")).containsExactly(A1, A5);            // around Moscow
        assertThat(ids("bbox", "-180,-90,180,90")).containsExactly(A1, A2, A3, A5); // every place; A4 has none
        assertThat(ids("bbox", "170,-10,-170,10")).isEmpty();                      // across the antimeridian
        assertThat(ids("bbox", "30,30,-170,60")).containsExactly(A1, A2, A3, A5);  // 30E eastwards to 170W
        assertThat(ids("from", NOW.minus(26, ChronoUnit.HOURS).toString())).containsExactly(A1, A2, A3);
        assertThat(ids("to", NOW.minus(150, ChronoUnit.MINUTES).toString())).containsExactly(A2, A3, A5);
        assertThat(ids("from", "2000-01-01")).containsExactly(A1, A2, A3, A5);      // a day; no publishedAt: out
        assertThat(ids("from", NOW.minus(2, ChronoUnit.HOURS).atOffset(ZoneOffset.ofHours(3)).toString()))
                .containsExactly(A1);                                               // from is inclusive, any offset
        assertThat(ids("to", NOW.minus(2, ChronoUnit.HOURS).toString())).containsExactly(A2, A3, A5); // to exclusive
        assertThat(ids("q", "damascus")).containsExactly(A2);
    }

    @Test
    void filtersCombine() {
        articles();
        assertThat(ids("entity", "Putin", "language", "en")).containsExactly(A2);
        assertThat(ids("type", "PERSON", "country", "SY", "topic", CONFLICT)).containsExactly(A2, A3);
        assertThat(ids("entity", "Q7747", "bbox", "35,32,37,34", "from", NOW.minus(1, ChronoUnit.DAYS).toString(),
                "to", NOW.toString(), "topic", CONFLICT, "language", "en", "type", "LOCATION", "country", "SY",
                "q", "Damascus")).containsExactly(A2);
        assertThat(ids("entity", "Q7747", "language", "ar", "country", "SY")).isEmpty();
        assertThat(ids("language", "ar", "topic", POLITICS, "from", NOW.minus(60, ChronoUnit.DAYS).toString(),
                "to", NOW.minus(1, ChronoUnit.HOURS).toString())).containsExactly(A1, A5);
        // an unknown source: nothing
        assertThat(list(Map.of("source", S + "-none")).statusCode(200).extract().<List<String>>path("items.id")).isEmpty();
    }

    /** entity= resolves ids, canonical names in either script, names as written, and single words of names. */
    @Test
    void entityNameInAnyScriptResolvesToTheSameArticles() {
        articles();
        for (String name : List.of("Q7747", "Putin", "putin", "PUTIN", "بوتين", "فلاديمير بوتين", "Vladimir Putin",
                "vladimir")) {
            assertThat(ids("entity", name)).as(name).containsExactly(A1, A2);
        }
        list(Map.of("source", S, "entity", "بوتين")).statusCode(200).body("entityIds", equalTo(List.of("Q7747")));
        assertThat(ids("entity", "دمشق")).containsExactly(A2, A3);
        assertThat(ids("entity", "damascus")).containsExactly(A2, A3);
        assertThat(ids("entity", "الأسد")).containsExactly(A3, A4);      // a word of the Arabic name
        assertThat(ids("entity", "الاسد")).containsExactly(A3, A4);      // hamza-less spelling
        assertThat(ids("entity", "Bashar al-Assad")).containsExactly(A3, A4);
        assertThat(ids("entity", "nobody-zzz-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void pagingUnderFiltersHasNoGapsOrDuplicates() {
        articles();
        for (Map<String, Object> filter : List.of(Map.<String, Object>of(), Map.<String, Object>of("language", "ar"),
                Map.<String, Object>of("type", "PERSON"), Map.<String, Object>of("topic", POLITICS, "entity", "موسكو"),
                Map.<String, Object>of("entity", "Q3766"), Map.<String, Object>of("entity", "الأسد"))) {
            Map<String, Object> all = new LinkedHashMap<>(filter);
            all.put("source", S);
            all.put("limit", 100);
            List<String> expected = list(all).statusCode(200).extract().path("items.id");
            for (int size = 1; size <= 3; size++) {
                List<String> walked = new ArrayList<>();
                String next = null;
                int pages = 0;
                do {
                    Map<String, Object> p = new LinkedHashMap<>(filter);
                    p.put("source", S);
                    p.put("limit", size);
                    if (next != null) {
                        p.put("after", next);
                    }
                    ValidatableResponse r = list(p).statusCode(200);
                    List<String> page = r.extract().path("items.id");
                    assertThat(page.size()).isLessThanOrEqualTo(size);
                    walked.addAll(page);
                    next = r.extract().path("next");
                    pages++;
                } while (next != null && pages < 20);
                assertThat(walked).as(filter + " by " + size).containsExactlyElementsOf(expected);
                assertThat(new HashSet<>(walked)).hasSize(walked.size());
            }
        }
    }

    /**
     * Facets count the entity ids and topics each article row carries (V8). The row's arrays are the ids of its
     * mention rows and the values of its topic rows, and V8's backfill of existing rows gives the same arrays.
     */
    @Test
    void theRowsFacetArraysAreItsMentionAndTopicRowsAndTheMigrationBackfillsThem() throws Exception {
        articles();
        String arrays = "SELECT id || '=' || array_to_string(ARRAY(SELECT unnest(entity_ids) ORDER BY 1), ',')"
                + " || '|' || array_to_string(ARRAY(SELECT unnest(topics) ORDER BY 1), ',') FROM article"
                + " WHERE source = ? ORDER BY id";
        String fromChildRows = "SELECT a.id || '=' || coalesce((SELECT string_agg(entity_id, ',' ORDER BY entity_id)"
                + " FROM article_mention m WHERE m.article_id = a.id), '') || '|' || coalesce((SELECT string_agg(topic,"
                + " ',' ORDER BY topic) FROM article_topic t WHERE t.article_id = a.id), '') FROM article a"
                + " WHERE a.source = ? ORDER BY a.id";
        List<String> written = rows(arrays, S);
        assertThat(written).hasSize(5).contains(A2 + "=Q3766,Q7747|" + POLITICS + "," + CONFLICT)
                .isEqualTo(rows(fromChildRows, S));

        String v8 = new String(StoreQueryTest.class.getResourceAsStream("/db/migration/V8__facet_arrays.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        // as V8 runs it: every row of the table (the others get the arrays their writer gave them already)
        String backfill = v8.substring(v8.indexOf("UPDATE article a"));
        Database db = TestInfra.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            try (PreparedStatement clear = c.prepareStatement(
                    "UPDATE article SET entity_ids = '{}', topics = '{}' WHERE source = ?")) {
                clear.setString(1, S);
                assertThat(clear.executeUpdate()).isEqualTo(5);
            }
            assertThat(rows(arrays, S)).allMatch(p -> p.endsWith("=|"));
            try (Statement fill = c.createStatement()) {
                assertThat(fill.executeUpdate(backfill)).isGreaterThanOrEqualTo(5);
            }
        }
        assertThat(rows(arrays, S)).isEqualTo(written);
    }

    @Test
    void theSearchIndexesMergeSmallPendingLists() throws Exception {
        articles();
        String options = "SELECT coalesce(array_to_string(c.reloptions, ','), '') FROM pg_class c WHERE c.relname = ?";
        // V9: a merge of at most 512 kB of pending entries inside an insert, not the default 4 MB (docs/benchmarks.md)
        assertThat(rows(options, "article_search")).containsExactly("gin_pending_list_limit=512");
        assertThat(rows(options, "entity_alias_words")).containsExactly("gin_pending_list_limit=512");
    }

    /**
     * V10: no foreign key from a mention to its entity (its check locked the entity's row for every mention); the
     * writer still stores every entity a mention names, in the same transaction, and the key to the article stays.
     */
    @Test
    void everyMentionNamesAStoredEntityWithoutAForeignKeyToIt() throws Exception {
        articles();
        assertThat(rows("SELECT conname FROM pg_constraint WHERE conrelid = CAST(? AS regclass) AND contype = 'f'",
                "article_mention")).containsExactly("article_mention_article_id_fkey");
        assertThat(rows("SELECT count(*) FROM article_mention m WHERE m.article_id LIKE ? || '%'", S))
                .containsExactly("9");
        assertThat(rows("SELECT m.article_id || ' ' || m.entity_id FROM article_mention m"
                + " WHERE m.article_id LIKE ? || '%' AND NOT EXISTS (SELECT 1 FROM entity e WHERE e.id = m.entity_id)", S))
                .isEmpty();
    }

    @Test
    void facetsCountTheFilteredArticles() {
        articles();
        ValidatableResponse r = list(Map.of("source", S, "facets", "entity,topic,source,language", "limit", 1))
                .statusCode(200);
        assertThat(r.extract().<List<String>>path("items.id")).containsExactly(A1); // facets ignore the page size
        assertThat(r.extract().<List<String>>path("facets.source.value")).containsExactly(S);
        assertThat(r.extract().<List<Integer>>path("facets.source.count")).containsExactly(5);
        assertThat(r.extract().<List<String>>path("facets.language.value")).containsExactly("ar", "en");
        assertThat(r.extract().<List<Integer>>path("facets.language.count")).containsExactly(3, 2);
        assertThat(r.extract().<List<String>>path("facets.topic.value")).containsExactly(POLITICS, CONFLICT, ECONOMY);
        assertThat(r.extract().<List<Integer>>path("facets.topic.count")).containsExactly(3, 2, 1);
        assertThat(r.extract().<List<String>>path("facets.entity.value"))
                .containsExactly("Q3766", "Q44329", "Q649", "Q7747", "Q312");
        assertThat(r.extract().<List<Integer>>path("facets.entity.count")).containsExactly(2, 2, 2, 2, 1);
        assertThat(r.extract().<String>path("facets.entity[3].nameAr")).isEqualTo("فلاديمير بوتين");
        assertThat(r.extract().<String>path("facets.entity[3].type")).isEqualTo("PERSON");

        ValidatableResponse en = list(Map.of("source", S, "language", "en", "facets", " topic , language")).statusCode(200);
        assertThat(en.extract().<List<String>>path("facets.topic.value")).containsExactly(ECONOMY, POLITICS, CONFLICT);
        assertThat(en.extract().<List<Integer>>path("facets.topic.count")).containsExactly(1, 1, 1);
        assertThat(en.extract().<List<String>>path("facets.language.value")).containsExactly("en");
        assertThat(en.extract().<Map<String, Object>>path("facets")).containsOnlyKeys("topic", "language");
        badParameter("facets", "entity,authors");
    }

    @Test
    void findingsAreStoredAsRowsWithTheArticle() throws Exception {
        articles();
        assertThat(rows("SELECT entity_id || ':' || mention_count FROM article_mention WHERE article_id = ? ORDER BY 1", A1))
                .containsExactly("Q649:1", "Q7747:2");
        assertThat(rows("SELECT topic || ':' || score FROM article_topic WHERE article_id = ? ORDER BY 1", A2))
                .containsExactly(POLITICS + ":0.7", CONFLICT + ":0.4");
        assertThat(rows("SELECT speaker_id || ':' || speaker_name || ':' || type FROM article_quote WHERE article_id = ?", A1))
                .containsExactly("Q7747:بوتين:direct");
        assertThat(rows("SELECT value || ':' || type || ':' || granularity FROM article_date WHERE article_id = ?", A1))
                .containsExactly("2017-11-20:absolute:day");
        assertThat(rows("SELECT country_code || ':' || latitude || ':' || longitude FROM entity WHERE id = ?", "Q3766"))
                .containsExactly("SY:33.5131:36.2919");
    }

    /** An older or replayed version leaves the newer version's entities and topics alone; a newer one replaces them. */
    @Test
    void olderVersionNeverOverwritesTheNewerOnesEntities() {
        String source = "versions-" + UUID.randomUUID();
        String id = source + "-x";
        String older = "khabar:person:older-" + UUID.randomUUID();
        String newer = "khabar:person:newer-" + UUID.randomUUID();
        String text = "Alpha met Beta.";
        ArticleEntity alpha = entity(newer, "PERSON", "person", "Alpha " + newer, null, null, null, null, text, "Alpha");
        ArticleEntity beta = entity(older, "PERSON", "person", "Beta " + older, null, null, null, null, text, "Beta");
        send(article(id, 2, source, "en", text, NOW, NOW, List.of(topic(POLITICS, 0.5, text)), List.of(alpha)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/entities/" + newer).then().statusCode(200));
        send(article(id, 1, source, "en", text, NOW, NOW, List.of(topic(ECONOMY, 0.5, text)), List.of(beta)));
        send(article(id, 2, source, "en", text, NOW, NOW.minusSeconds(10), List.of(), List.of(beta))); // replayed, enriched earlier
        String marker = "marker-" + UUID.randomUUID();
        send(article(marker, 1, source + "-marker", "en", text, NOW, NOW, List.of(), List.of()));
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + marker).then().statusCode(200));

        Map<String, Object> bySource = Map.of("source", source);
        assertThat(list(Map.of("source", source, "entity", newer)).extract().<List<String>>path("items.id")).containsExactly(id);
        assertThat(list(Map.of("source", source, "entity", older)).extract().<List<String>>path("items.id")).isEmpty();
        assertThat(list(Map.of("source", source, "topic", POLITICS)).extract().<List<String>>path("items.id")).containsExactly(id);
        assertThat(list(Map.of("source", source, "topic", ECONOMY)).extract().<List<String>>path("items.id")).isEmpty();
        given().get("/entities/" + older).then().statusCode(404); // the older version wrote nothing, not even the entity

        send(article(id, 3, source, "en", text, NOW, NOW, List.of(topic(ECONOMY, 0.5, text)), List.of(beta)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(list(Map.of("source", source, "entity", older))
                .extract().<List<String>>path("items.id")).containsExactly(id));
        assertThat(list(Map.of("source", source, "entity", newer)).extract().<List<String>>path("items.id")).isEmpty();
        assertThat(list(Map.of("source", source, "topic", POLITICS)).extract().<List<String>>path("items.id")).isEmpty();
        assertThat(list(bySource).extract().<List<String>>path("items.id")).containsExactly(id);
    }

    @Test
    void invalidParametersAre400ProblemsNamingThem() {
        badParameter("limit", 0);
        badParameter("limit", 201);
        badParameter("limit", "ten");
        badParameter("type", "PERSON1");
        badParameter("language", "arabic language");
        badParameter("topic", "politics");
        badParameter("country", "SYR");
        badParameter("bbox", "1,2,3");
        badParameter("bbox", "1,2,3,x");
        badParameter("bbox", "0,10,10,0");          // minLat above maxLat
        badParameter("bbox", "0,0,181,10");
        badParameter("bbox", "NaN,0,10,10");
        badParameter("from", "yesterday");
        badParameter("to", "2017-13-01");
        badParameter("source", "s".repeat(201));
        badParameter("entity", "e".repeat(201));
        list(Map.of("from", "2020-01-02", "to", "2020-01-01")).statusCode(400).body("parameter", equalTo("to"));
    }

    /** SQL meta-characters in every parameter: a correct (empty) answer or a 400 naming the parameter, never a 500. */
    @Test
    void sqlMetaCharactersInEveryParameterAreDataNeverErrors() {
        articles();
        List<String> nasty = List.of("'", "\"", ";", "--", "%", "_", "\\", "/*", "' OR '1'='1", "%' OR 1=1 --",
                "x'); DROP TABLE article; --", "*/", "medtop:1%", "Q7747'", "Q%");
        List<String> params = List.of("q", "entity", "type", "language", "source", "topic", "country", "bbox", "from",
                "to", "facets", "limit", "after");
        for (String param : params) {
            for (String value : nasty) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("source", S);
                p.put(param, value);
                ValidatableResponse r = list(p);
                int status = r.extract().statusCode();
                assertThat(status).as(param + "=" + value).isIn(200, 400);
                if (status == 400) {
                    r.contentType("application/problem+json").body("parameter", equalTo(param));
                } else {
                    assertThat(r.extract().<List<String>>path("items.id")).as(param + "=" + value).isEmpty();
                }
            }
        }
        for (String value : nasty) {
            int status = given().get("/entities/{id}", value).then().extract().statusCode();
            assertThat(status).as("/entities/" + value).isIn(400, 404);
            given().queryParam("days", value).get("/entities/Q7747").then().statusCode(400)
                    .body("parameter", equalTo("days"));
            given().queryParam("window", value).get("/entities/trending").then().statusCode(400)
                    .body("parameter", equalTo("window"));
            given().queryParam("limit", value).get("/entities/trending").then().statusCode(400)
                    .body("parameter", equalTo("limit"));
        }
        // the table is still there and the articles still match
        assertThat(ids()).containsExactly(A1, A2, A3, A4, A5);
    }

    // ---------------------------------------------------------------- entities

    /** An entity the knowledge base does not know is named as written, in the column of its script. */
    @Test
    void anUnlinkedEntityIsNamedAsTheArticleWritesIt() {
        String source = "unlinked-" + UUID.randomUUID();
        String arabicId = "khabar:person:سلمى-" + UUID.randomUUID(), latinId = "khabar:organization:acme/" + UUID.randomUUID();
        String text = "قالت سلمى الحربي إن Acme Widgets ستفتتح فرعا.";
        send(article(source, 1, source, "ar", text, NOW, NOW, List.of(), List.of(
                entity(arabicId, "PERSON", null, null, null, null, null, null, text, "سلمى الحربي"),
                entity(latinId, "ORGANIZATION", null, null, null, null, null, null, text, "Acme Widgets"))));
        await().atMost(WAIT).untilAsserted(() -> given().get("/entities/{id}", arabicId).then().statusCode(200));
        given().get("/entities/{id}", arabicId).then().body("nameAr", equalTo("سلمى الحربي"))
                .body("nameEn", nullValue()).body("cooccurring[0].nameEn", equalTo("Acme Widgets"));
        // an id with a slash is addressable, escaped or not (it is not a path separator to the API)
        given().urlEncodingEnabled(false).get("/entities/" + latinId.replace("/", "%2F")).then().statusCode(200)
                .body("id", equalTo(latinId)).body("nameEn", equalTo("Acme Widgets"));
        given().urlEncodingEnabled(false).get("/entities/" + latinId).then().statusCode(200).body("id", equalTo(latinId));
        given().get("/entities/trending").then().statusCode(200);
    }

    @Test
    void entityIsServedWithCountsNeighboursAndTimelineAndTrends() {
        String source = "trend-" + UUID.randomUUID();
        String star = "khabar:person:star-" + UUID.randomUUID();
        String partner = "khabar:organization:partner-" + UUID.randomUUID();
        String nameEn = "Star " + UUID.randomUUID();
        String twice = "Star spoke. Star left with Partner.";
        String once = "Star spoke with Partner.";
        String alone = "Star spoke.";
        ArticleEntity starTwice = entity(star, "PERSON", "person", nameEn, "نجم", null, null, "EG", twice, "Star");
        send(article(source + "-1", 1, source, "en", twice, NOW.minus(10, ChronoUnit.MINUTES), NOW, List.of(),
                List.of(starTwice, entity(partner, "ORGANIZATION", null, "Partner Org", null, null, null, null, twice, "Partner"))));
        send(article(source + "-2", 1, source, "en", once, NOW.minus(20, ChronoUnit.MINUTES), NOW, List.of(),
                List.of(entity(star, "PERSON", "person", nameEn, "نجم", null, null, "EG", once, "Star"),
                        entity(partner, "ORGANIZATION", null, "Partner Org", null, null, null, null, once, "Partner"))));
        send(article(source + "-3", 1, source, "en", alone, NOW.minus(30, ChronoUnit.MINUTES), NOW, List.of(),
                List.of(entity(star, "PERSON", "person", nameEn, "نجم", null, null, "EG", alone, "Star"))));
        send(article(source + "-4", 1, source, "en", alone, NOW.minus(3, ChronoUnit.HOURS), NOW, List.of(),
                List.of(entity(star, "PERSON", "person", nameEn, "نجم", null, null, "EG", alone, "Star"))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(list(Map.of("source", source, "entity", star))
                .extract().<List<String>>path("items.id")).hasSize(4));

        ValidatableResponse e = given().queryParam("days", 2).get("/entities/" + star).then().statusCode(200)
                .body("id", equalTo(star)).body("type", equalTo("PERSON")).body("kind", equalTo("person"))
                .body("nameEn", equalTo(nameEn)).body("nameAr", equalTo("نجم")).body("countryCode", equalTo("EG"))
                .body("articles", equalTo(4)).body("mentions", equalTo(5))
                .body("cooccurring.id", equalTo(List.of(partner))).body("cooccurring.articles", equalTo(List.of(2)))
                .body("cooccurring[0].nameEn", equalTo("Partner Org"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(e.extract().<List<String>>path("timeline.day"))
                .containsExactly(today.minusDays(1).toString(), today.toString());
        assertThat(e.extract().<List<Integer>>path("timeline.mentions").stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(5);
        assertThat(given().get("/entities/" + star).then().statusCode(200).extract().<List<?>>path("timeline"))
                .hasSize(30);
        given().get("/entities/Q7747").then().statusCode(200)
                .body("links.wikidata", equalTo("https://www.wikidata.org/wiki/Q7747"));
        given().get("/entities/khabar:person:nobody-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("parameter", equalTo("id"));
        given().queryParam("days", 0).get("/entities/" + star).then().statusCode(400).body("parameter", equalTo("days"));
        given().queryParam("days", 366).get("/entities/" + star).then().statusCode(400).body("parameter", equalTo("days"));

        // last hour: 4 mentions in 3 articles; the six hours before: 1 mention, a mean of 1/6
        for (String window : List.of("1h", "PT1H", "60m")) {
            Map<String, Object> t = trend(window, star);
            assertThat(t).as(window).containsEntry("mentions", 4).containsEntry("articles", 3)
                    .containsEntry("previousAverage", 1 / 6.0f);
        }
        assertThat(trend("6h", star)).containsEntry("mentions", 5).containsEntry("previousAverage", 0.0f);
        given().queryParam("window", "1h").get("/entities/trending").then().statusCode(200)
                .body("window", equalTo("PT1H"));
        for (String bad : List.of("4m", "PT4M", "8d", "P8D", "0h", "1w", "-1h", "")) {
            if (!bad.isEmpty()) {
                given().queryParam("window", bad).get("/entities/trending").then().statusCode(400)
                        .contentType("application/problem+json").body("parameter", equalTo("window"));
            }
        }
        given().queryParam("limit", 0).get("/entities/trending").then().statusCode(400).body("parameter", equalTo("limit"));
        given().queryParam("limit", 101).get("/entities/trending").then().statusCode(400).body("parameter", equalTo("limit"));
        given().queryParam("window", "5m").queryParam("limit", 1).get("/entities/trending").then().statusCode(200);
        given().queryParam("window", "7d").get("/entities/trending").then().statusCode(200);
    }

    private static Map<String, Object> trend(String window, String id) {
        List<Map<String, Object>> items = given().queryParam("window", window).queryParam("limit", 100)
                .get("/entities/trending").then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> id.equals(i.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not trending over " + window + ": " + items));
    }

    @Test
    void theFiltersAndEntityEndpointsAreDescribedWithOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/articles'.get.parameters.name", org.hamcrest.Matchers.hasItems("entity", "type",
                        "language", "source", "topic", "country", "bbox", "from", "to", "facets"))
                .body("paths.'/entities/{id}'.get.parameters.name", org.hamcrest.Matchers.hasItems("id", "days"))
                .body("paths.'/entities/trending'.get.parameters.name", org.hamcrest.Matchers.hasItems("window", "limit"));
    }

    private static List<String> rows(String sql, String param) throws Exception {
        Database db = TestInfra.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
