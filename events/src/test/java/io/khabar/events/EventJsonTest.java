package io.khabar.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {
    private static final String ARABIC = "الكرملين يعلن تفاصيل زيارة بشار الأسد";

    @Test
    void articleReceivedRoundTripsWithArabicIntact() {
        var event = new ArticleReceived(1, "e1", "a1", Instant.parse("2017-11-21T06:00:00Z"), "src",
                "https://x.test/1", ARABIC, "<p>" + ARABIC + "</p>", "ar", "2017-11-21T08:00:00+02:00",
                List.of("مراسل"), "native");
        var back = EventJson.read(EventJson.toBytes(event), ArticleReceived.class);
        assertThat(back).isEqualTo(event);
        assertThat(back.title().codePoints().toArray()).containsExactly(ARABIC.codePoints().toArray());
    }

    @Test
    void articleEnrichedRoundTripsWithAnnotations() {
        var annotation = new Annotation("entity", "PERSON", 4, 9, "Q7747", 0.93,
                Map.of("nameEn", "Vladimir Putin", "lat", 55.75));
        var event = new ArticleEnriched(1, "e2", "a1", 1511244000000000L, "abc", Instant.EPOCH,
                Instant.EPOCH.plusMillis(5), Instant.EPOCH.plusMillis(9), "src", null, "t", "text body",
                "ar", 0.99, null, List.of(), List.of(new Span(0, 9)), List.of(annotation),
                List.of(new ArticleEntity("Q7747", "PERSON", "person", "بوتين", "Vladimir Putin", "فلاديمير بوتين",
                        "Q7747", null, null, "RU", null, List.of(new Span(4, 9)), List.of(), false, 1.0, 0.93, "kb")),
                new TextFacts("Arab", "rtl", List.of(new Span(0, 9)), 2, 1, List.of("caption"),
                        List.of(new Removal("caption", 10, 17, "caption")),
                        List.of(new LanguageSpan(0, 9, "ar", 0.98))),
                new PageMetadata("t", List.of("A. Writer"), Instant.EPOCH, null, "https://example.org/a", null,
                        "Example", null, "ar"),
                new MatchingText("text body", "text body", new int[]{0, 4, 5, 9}), new Duplicate("near", "a0", 0.91),
                List.of(new Provenance("entity", "entities", "ner-ar@x", "kb@1")));
        byte[] json = EventJson.toBytes(event);
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"receivedAt\":\"1970-01-01T00:00:00Z\"")
                .doesNotContain("\"url\""); // nulls are omitted
        assertThat(EventJson.read(json, ArticleEnriched.class)).isEqualTo(event);
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersCanAddFields() {
        String json = "{\"schemaVersion\":1,\"articleId\":\"a\",\"text\":\"x\",\"futureField\":{\"a\":1}}";
        var event = EventJson.read(json.getBytes(), ArticleNormalized.class);
        assertThat(event.articleId()).isEqualTo("a");
        assertThat(event.authors()).isEmpty();
    }

    @Test
    void malformedJsonIsAMalformedEvent() {
        assertThatThrownBy(() -> EventJson.read("{not json".getBytes(), ArticleNormalized.class))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessageStartingWith("not a valid ArticleNormalized");
        assertThatThrownBy(() -> EventJson.read(new byte[0], ArticleNormalized.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"kind\":\"\",\"start\":0,\"end\":0}".getBytes(), Annotation.class))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessageContaining("kind is required");
    }

    /** A version 1 record as enrich-service wrote it before version 2: provenance on each annotation, matching layer. */
    @Test
    void aVersion1EnrichedRecordIsStillRead() {
        String v1 = """
                {"schemaVersion":1,"eventId":"e1","articleId":"a1","revision":1,"contentHash":"h",
                 "receivedAt":"2017-11-21T06:00:00Z","source":"s","title":"t","text":"قال بوتين","language":"ar",
                 "languageConfidence":1.0,
                 "annotations":[{"kind":"entity","type":"PERSON","start":4,"end":9,"value":"Q7747","confidence":0.9,
                   "attributes":{"qid":"Q7747","component":"entities","model":"ner-ar@58d6048038b4","kb":"kb@139104"}}],
                 "matching":{"forms":"قال بوتين","offsets":[0,3,4,9]}}
                """;
        ArticleEnriched e = EventJson.read(v1.getBytes(java.nio.charset.StandardCharsets.UTF_8), ArticleEnriched.class);
        assertThat(e.schemaVersion()).isEqualTo(1);
        assertThat(e.provenance()).isEmpty();
        assertThat(e.provenanceOf(e.annotations().get(0)))
                .isEqualTo(new Provenance("entity", "entities", "ner-ar@58d6048038b4", "kb@139104"));
        assertThat(e.matching().size()).isEqualTo(2);
    }

    @Test
    void aVersion2RecordSaysProvenanceOncePerKindAndKeepsTheExceptions() {
        Map<String, Object> ar = Map.of("qid", "Q7747", "component", "entities", "model", "ner-ar@1", "kb", "kb@9");
        Map<String, Object> en = Map.of("component", "entities", "model", "ner-en@2", "kb", "kb@9");
        List<Annotation> found = List.of(
                new Annotation("language", "article", 0, 40, "ar", 1.0, Map.of()),
                new Annotation("entity", "PERSON", 0, 5, "Q7747", 0.9, ar),
                new Annotation("entity", "LOCATION", 6, 11, "Q649", 0.9, Map.of("component", "entities",
                        "model", "ner-ar@1", "kb", "kb@9")),
                new Annotation("entity", "PERSON", 20, 30, "khabar:person:john-smith", 0.8, en),
                new Annotation("date", "absolute", 31, 40, "2017-11-21", 1.0, Map.of("granularity", "day",
                        "component", "temporal", "model", "rules@1")));
        Provenance.Hoisted h = Provenance.hoist(found);
        assertThat(h.provenance()).containsExactly(new Provenance("entity", "entities", "ner-ar@1", "kb@9"),
                new Provenance("date", "temporal", "rules@1", null));
        assertThat(h.annotations().get(1).attributes()).containsOnlyKeys("qid");
        assertThat(h.annotations().get(3).attributes()).isEqualTo(en); // the English model, said where it differs
        assertThat(h.annotations().get(4).attributes()).containsOnlyKeys("granularity");

        var event = new ArticleEnriched(ArticleEnriched.SCHEMA_VERSION, "e", "a", 1, "h", Instant.EPOCH, null,
                null, "s", null, "t", "x".repeat(40), "ar", 1.0, null, List.of(), List.of(), h.annotations(),
                List.of(), null, null, null, null, h.provenance());
        ArticleEnriched back = EventJson.read(EventJson.toBytes(event), ArticleEnriched.class);
        assertThat(back).isEqualTo(event);
        assertThat(EventJson.toJson(back)).doesNotContain("matching");
        for (int i = 0; i < found.size(); i++) { // every annotation's provenance is what it was before hoisting
            assertThat(back.provenanceOf(back.annotations().get(i)))
                    .isEqualTo(Provenance.of(found.get(i), List.of()));
        }
    }

    /** A version 2 record carries its keyphrases as annotations; read, they are the event's keywords, best first. */
    @Test
    void aVersion2RecordsKeywordAnnotationsAreReadAsItsKeywords() {
        String v2 = """
                {"schemaVersion":2,"eventId":"e2","articleId":"a1","revision":1,"receivedAt":"2017-11-21T06:00:00Z",
                 "text":"بوتين والأسد في سوتشي","language":"ar","languageConfidence":1.0,
                 "annotations":[
                   {"kind":"language","type":"article","start":0,"end":21,"value":"ar","confidence":1.0},
                   {"kind":"keyword","type":"keyphrase","start":16,"end":21,"value":"سوتشي","confidence":0.333,
                    "attributes":{"count":1}},
                   {"kind":"keyword","type":"keyphrase","start":0,"end":5,"value":"بوتين","confidence":1.0,
                    "attributes":{"count":2}}],
                 "provenance":[{"kind":"keyword","component":"topics","model":"frequency-title-position@1"}]}
                """;
        ArticleEnriched e = EventJson.read(v2.getBytes(java.nio.charset.StandardCharsets.UTF_8), ArticleEnriched.class);
        assertThat(e.schemaVersion()).isEqualTo(2);
        assertThat(e.keywords()).containsExactly("بوتين", "سوتشي");
        assertThat(e.annotations()).hasSize(3); // as the record says them
    }

    /** Version 3 writes keywords as strings, leaves out empty facts, and reads back equal. */
    @Test
    void aVersion3RecordSaysItsKeywordsAsStringsAndLeavesEmptyFactsOut() {
        var event = new ArticleEnriched(ArticleEnriched.SCHEMA_VERSION, "e3", "a1", 1, "h", Instant.EPOCH, null,
                null, "s", null, "t", "بوتين والأسد في سوتشي", "ar", 1.0, null, List.of(), List.of(new Span(0, 21)),
                List.of(), List.of(
                        new ArticleEntity("Q7747", "PERSON", "person", "بوتين", null, null, "Q7747", null, null, null,
                                null, List.of(new Span(0, 5)), List.of(), false, 1.0, 1.0, ArticleEntity.BY_KB),
                        new ArticleEntity("khabar:location:سوتشي", "LOCATION", null, "سوتشي", null, null, null, null,
                                null, null, null, List.of(new Span(16, 21)), List.of(), false, 0.5, 0.9, null)),
                new TextFacts("Arab", "rtl", List.of(new Span(0, 21)), 4, 1, List.of(), List.of(), List.of()), null,
                null, Duplicate.unique(), List.of(), List.of("بوتين", "سوتشي"));
        String json = EventJson.toJson(event);
        assertThat(ArticleEnriched.SCHEMA_VERSION).isEqualTo(3);
        assertThat(json).contains("\"keywords\":[\"بوتين\",\"سوتشي\"]").doesNotContain("keyphrase")
                .doesNotContain("captions").doesNotContain("removed").doesNotContain("paragraphLanguages")
                .doesNotContain("similarity") // 0 for a unique article
                .contains("\"linkedBy\":\"kb\"").doesNotContain("\"linkedBy\":\"name\"");
        assertThat(event.entities().get(1).linkedBy()).isEqualTo(ArticleEntity.BY_NAME);
        ArticleEnriched back = EventJson.read(EventJson.toBytes(event), ArticleEnriched.class);
        assertThat(back).isEqualTo(event);
        assertThat(back.facts().captions()).isEmpty();
    }
}
