package io.khabar.enrich.messaging;

import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleEntity;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.CloudEventTypes;
import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.EventJson;
import io.khabar.events.Span;
import io.khabar.events.TextFacts;
import io.khabar.events.LanguageSpan;
import io.khabar.events.MatchingText;
import io.khabar.events.Duplicate;
import io.khabar.events.Topics;
import io.khabar.infra.TestInfra;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.infra.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** enrich-service against a real Kafka broker: normalized topic in, enriched and dead-letter topics out. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
class EnrichPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ARABIC = "كشف الكرملين في وقت مبكر من صباح هذا اليوم الثلاثاء عن استضافة الرئيس الروسي"
            + " فلاديمير بوتين لرئيس النظام السوري بشار الأسد في مقره في منتجع سوتشي على البحر الأسود.";
    private static final String ENGLISH = "The president said the talks had moved from military operations to finding a"
            + " political settlement, according to the statement.";
    private static final TopicProbe probe = TestInfra.topics();

    private static ArticleNormalized normalized(String id, String text, List<Span> paragraphs) {
        return new ArticleNormalized(1, UUID.randomUUID().toString(), id, 10L, "h", Instant.parse("2017-11-21T06:00:00Z"),
                Instant.parse("2017-11-21T06:00:01Z"), "test", null, "العنوان", text, null, 0, null, List.of(), paragraphs, null, null, null, null);
    }

    @Test
    void arabicArticleWithAnEnglishQuoteParagraphGetsLanguagesWithOffsets() throws java.io.IOException {
        String id = "enrich-" + UUID.randomUUID();
        String text = ARABIC + "\n\n" + ENGLISH;
        int second = ARABIC.length() + 2;
        probe.send(Topics.NORMALIZED, id, EventJson.toBytes(normalized(id, text,
                List.of(new Span(0, ARABIC.length()), new Span(second, text.length())))));

        ConsumerRecord<String, byte[]> record = probe.await(Topics.ENRICHED, r -> id.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("no enriched record for " + id));
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(CloudEventTypes.ENRICHED);
        ArticleEnriched event = EventJson.read(record.value(), ArticleEnriched.class);
        assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(event.eventId());
        // The record names its schema, and is valid against it.
        String dataSchema = TopicProbe.header(record, "ce_dataschema");
        assertThat(dataSchema).isEqualTo(CloudEventTypes.dataSchema(CloudEventTypes.ENRICHED));
        assertThat(schemaNamed(dataSchema).validate(EventJson.mapper().readTree(record.value()))).isEmpty();
        assertThat(event.language()).isEqualTo("ar");
        assertThat(event.languageConfidence()).isGreaterThan(0.9);
        assertThat(event.text().codePoints().toArray()).containsExactly(text.codePoints().toArray());
        assertThat(event.receivedAt()).isEqualTo(Instant.parse("2017-11-21T06:00:00Z"));
        assertThat(event.enrichedAt()).isAfter(event.normalizedAt());
        assertThat(event.annotations()).filteredOn(a -> a.kind().equals("language"))
                .extracting(Annotation::kind, Annotation::type, Annotation::start, Annotation::end, Annotation::value)
                .containsExactly( // schema 3: the article's own language is in its fields, not an annotation
                        org.assertj.core.groups.Tuple.tuple("language", "paragraph", second, text.length(), "en"));
    }

    @Test
    void languagesIdentifiedByIngestAreTakenAsTheyAre() {
        String id = "enrich-lang-" + UUID.randomUUID();
        String text = ARABIC + "\n\n" + ENGLISH;
        int second = ARABIC.length() + 2;
        var facts = new TextFacts("Arab", "rtl", List.of(), 30, 9, List.of(), List.of(), List.of(
                new LanguageSpan(0, ARABIC.length(), "ar", 1.0), new LanguageSpan(second, text.length(), "en", 0.97)));
        var event = new ArticleNormalized(1, UUID.randomUUID().toString(), id, 10L, "h", Instant.parse("2017-11-21T06:00:00Z"),
                Instant.parse("2017-11-21T06:00:01Z"), "test", null, "العنوان", text, "ar", 0.99, null, List.of(),
                List.of(new Span(0, ARABIC.length()), new Span(second, text.length())), facts, null,
                new MatchingText("a", "a", new int[]{0, 1}), new Duplicate(Duplicate.NEAR, "other", 0.8));
        probe.send(Topics.NORMALIZED, id, EventJson.toBytes(event));
        ArticleEnriched enriched = EventJson.read(probe.await(Topics.ENRICHED, r -> id.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("no enriched record for " + id)).value(), ArticleEnriched.class);
        assertThat(enriched.language()).isEqualTo("ar");
        assertThat(enriched.languageConfidence()).isEqualTo(0.99);
        assertThat(enriched.annotations()).filteredOn(a -> a.kind().equals("language"))
                .extracting(Annotation::type, Annotation::value, Annotation::confidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("paragraph", "en", 0.97));
        // what ingest found is passed on for the store and other consumers
        assertThat(enriched.duplicate()).isEqualTo(event.duplicate());
        // the matching layer is not passed on (schema version 2): consumers compute it from the text
        assertThat(enriched.matching()).isNull();
    }

    @Test
    void theEnrichedEventCarriesLinkedEntitiesWithTheirMentions() {
        String id = "enrich-entities-" + UUID.randomUUID();
        probe.send(Topics.NORMALIZED, id, EventJson.toBytes(normalized(id, ARABIC, List.of(new Span(0, ARABIC.length())))));
        ArticleEnriched enriched = EventJson.read(probe.await(Topics.ENRICHED, r -> id.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("no enriched record for " + id)).value(), ArticleEnriched.class);
        assertThat(enriched.entities()).extracting(ArticleEntity::id).contains("Q7747", "Q44329", "Q858", "Q159");
        ArticleEntity putin = enriched.entities().stream().filter(e -> e.id().equals("Q7747")).findFirst().orElseThrow();
        assertThat(putin.mentions()).extracting(m -> ARABIC.substring(m.start(), m.end()))
                .containsExactly("فلاديمير بوتين");
        // since schema version 2: mentions and nisba relations are said once, in the entity rows, not also as
        // annotations; since 3: keyphrases are the event's keywords, best first, not annotations
        assertThat(enriched.schemaVersion()).isEqualTo(3);
        assertThat(enriched.annotations()).extracting(Annotation::kind).doesNotContain("entity", "nisba", "keyword");
        assertThat(enriched.keywords()).isNotEmpty().doesNotHaveDuplicates();
        // الروسي and السوري relate to Russia and Syria
        assertThat(enriched.entities()).filteredOn(e -> !e.adjectives().isEmpty())
                .extracting(e -> ARABIC.substring(e.adjectives().get(0).start(), e.adjectives().get(0).end()),
                        ArticleEntity::id)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("الروسي", "Q159"),
                        org.assertj.core.groups.Tuple.tuple("السوري", "Q858"));
        // provenance once per kind: the entities' model and knowledge base, the dates' rules
        assertThat(enriched.provenance()).filteredOn(p -> p.kind().equals("entity")).singleElement()
                .satisfies(p -> assertThat(p.model()).startsWith("ner-ar@"))
                .satisfies(p -> assertThat(p.kb()).startsWith("kb@"));
        assertThat(enriched.annotations()).allSatisfy(a -> assertThat(a.attributes()).doesNotContainKeys("component"));
        assertThat(enriched.annotations()).filteredOn(a -> a.kind().equals("date"))
                .allSatisfy(a -> assertThat(enriched.provenanceOf(a).component()).isEqualTo("temporal"));
        // the event has no publication time: صباح هذا اليوم الثلاثاء is a date that cannot be resolved, and says so
        assertThat(enriched.annotations()).filteredOn(a -> a.kind().equals("date"))
                .extracting(a -> ARABIC.substring(a.start(), a.end()), Annotation::type, Annotation::value)
                .contains(org.assertj.core.groups.Tuple.tuple("صباح هذا اليوم الثلاثاء", "unanchored", null));
        assertThat(enriched.annotations()).filteredOn(a -> a.kind().equals("topic")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.value()).startsWith("medtop:"));
    }

    /** A version 1 record, as ingest wrote it before version 2, still on the topic: spans as objects, matching layer. */
    @Test
    void aVersion1NormalizedRecordIsEnrichedIntoAVersion3Event() {
        String id = "enrich-v1-" + UUID.randomUUID();
        String v1 = "{\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"articleId\":\"" + id + "\","
                + "\"revision\":10,\"contentHash\":\"h\",\"receivedAt\":\"2017-11-21T06:00:00Z\","
                + "\"normalizedAt\":\"2017-11-21T06:00:01Z\",\"source\":\"test\",\"title\":\"العنوان\","
                + "\"text\":" + EventJson.toJson(ARABIC) + ",\"language\":\"ar\",\"languageConfidence\":0.99,"
                + "\"paragraphs\":[{\"start\":0,\"end\":" + ARABIC.length() + "}],"
                + "\"matching\":{\"forms\":\"x\",\"offsets\":[0,1]}}";
        probe.send(Topics.NORMALIZED, id, v1);
        ConsumerRecord<String, byte[]> record = probe.await(Topics.ENRICHED, r -> id.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("no enriched record for " + id));
        ArticleEnriched enriched = EventJson.read(record.value(), ArticleEnriched.class);
        assertThat(enriched.schemaVersion()).isEqualTo(3);
        assertThat(enriched.paragraphs()).containsExactly(new Span(0, ARABIC.length()));
        assertThat(enriched.entities()).extracting(ArticleEntity::id).contains("Q7747");
        assertThat(TopicProbe.value(record)).doesNotContain("\"matching\"");
    }

    @Test
    void malformedNormalizedRecordIsDeadLetteredAndTheNextOneIsStillProcessed() {
        String badKey = "bad-" + UUID.randomUUID();
        String badSpanKey = "badspan-" + UUID.randomUUID();
        String goodKey = "good-" + UUID.randomUUID();
        probe.send(Topics.NORMALIZED, badKey, "[1,2,3]");
        probe.send(Topics.NORMALIZED, badSpanKey, EventJson.toBytes(normalized(badSpanKey, "short", List.of(new Span(0, 99)))));
        probe.send(Topics.NORMALIZED, goodKey, EventJson.toBytes(normalized(goodKey, ENGLISH, List.of())));

        ConsumerRecord<String, byte[]> dead = probe.await(Topics.DEAD_LETTER, r -> badKey.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("malformed record was not dead-lettered"));
        assertThat(TopicProbe.value(dead)).isEqualTo("[1,2,3]");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.STAGE)).isEqualTo("enrich");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.REASON)).startsWith("not a valid ArticleNormalized");
        assertThat(TopicProbe.header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.NORMALIZED);

        ConsumerRecord<String, byte[]> deadSpan = probe.await(Topics.DEAD_LETTER, r -> badSpanKey.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("event with a bad span was not dead-lettered"));
        assertThat(TopicProbe.header(deadSpan, DeadLetterHeaders.REASON)).contains("outside the text");

        ConsumerRecord<String, byte[]> good = probe.await(Topics.ENRICHED, r -> goodKey.equals(r.key()), WAIT)
                .orElseThrow(() -> new AssertionError("the record after the bad ones was not processed"));
        assertThat(EventJson.read(good.value(), ArticleEnriched.class).language()).isEqualTo("en");
    }

    @Test
    void healthIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theSharedKafkaDefaultsFromTheMessagingJarAreRead() {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String prefix = "mp.messaging.connector.smallrye-kafka.";
        assertThat(config.getValue(prefix + "isolation.level", String.class)).isEqualTo("read_committed");
        assertThat(config.getValue(prefix + "acks", String.class)).isEqualTo("all");
        assertThat(config.getValue(prefix + "max.request.size", Integer.class))
                .isEqualTo(io.khabar.events.RecordLimits.DEAD_LETTER_MAX_MESSAGE_BYTES);
        assertThat(config.getValue(prefix + "value.deserializer", String.class))
                .isEqualTo(org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
    }

    /** The JSON Schema a {@code ce_dataschema} header names, from the events jar. */
    static com.networknt.schema.JsonSchema schemaNamed(String dataSchema) throws java.io.IOException {
        try (java.io.InputStream in = CloudEventTypes.class.getResourceAsStream(
                CloudEventTypes.schemaResource(dataSchema))) {
            assertThat(in).as("schema " + dataSchema).isNotNull();
            return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                    .getSchema(EventJson.mapper().readTree(in), com.networknt.schema.SchemaValidatorsConfig.builder()
                            .formatAssertionsEnabled(true).build());
        }
    }
}
