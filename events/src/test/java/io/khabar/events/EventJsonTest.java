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
                new MatchingText("text body", "text body", new int[]{0, 4, 5, 9}), new Duplicate("near", "a0", 0.91));
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
}
