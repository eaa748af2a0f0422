package io.khabar.entities.quotes;

import io.khabar.entities.ner.WordKeys;
import io.khabar.events.Annotation;
import io.khabar.matching.MatchingAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The quote marks and speaker rules on sentences written for the test. */
class QuotesTest {
    private static final QuoteExtractor QUOTES = new QuoteExtractor(new WordKeys(new MatchingAnalyzer()));

    private static QuoteExtractor.Speaker speaker(String text, String name, String id) {
        int at = text.indexOf(name);
        return new QuoteExtractor.Speaker(id, "PERSON", name, at, at + name.length());
    }

    private static List<String> quoted(String text, List<Annotation> quotes) {
        return quotes.stream().map(q -> text.substring(q.start(), q.end())).toList();
    }

    @Test
    void aQuoteOpenedWithAClosingStyleMarkAndHoldingAQuotedWordIsOneQuote() {
        String text = "وقال الوزير سامي: ” إن المرحلة المقبلة مهمة بعد الانتصار على “الإرهابيين”.";
        List<Annotation> q = QUOTES.extract(text, List.of(), List.of(speaker(text, "سامي", "k:sami")));
        assertThat(quoted(text, q)).containsExactly("إن المرحلة المقبلة مهمة بعد الانتصار على “الإرهابيين”");
        assertThat(q.get(0).value()).isEqualTo("k:sami");
        assertThat(q.get(0).attributes()).containsEntry("cue", "قال").doesNotContainKey("speakerInferred");
    }

    @Test
    void guillemetsAndEnglishQuotesWithTheCueAfter() {
        String ar = "أكد سامي «أن الحوار هو الطريق الوحيد» أمام الصحفيين.";
        assertThat(quoted(ar, QUOTES.extract(ar, List.of(), List.of(speaker(ar, "سامي", "k:sami")))))
                .containsExactly("أن الحوار هو الطريق الوحيد");
        String en = "\"We will not back down on this,\" said John Smith on Monday.";
        List<Annotation> q = QUOTES.extract(en, List.of(), List.of(speaker(en, "John Smith", "k:smith")));
        assertThat(quoted(en, q)).containsExactly("We will not back down on this,");
        assertThat(q.get(0).value()).isEqualTo("k:smith");
    }

    @Test
    void aCueWithoutASpeakerTakesTheNearestPrecedingOne() {
        String text = "وقال سامي: “نحن مستعدون للحوار مع الجميع”.\n\nوتابع بالقول: “لن نتراجع عن هذا القرار أبدا”.";
        List<Annotation> q = QUOTES.extract(text, List.of(new io.khabar.events.Span(0, 42),
                new io.khabar.events.Span(44, text.length())), List.of(speaker(text, "سامي", "k:sami")));
        assertThat(q).extracting(Annotation::value).containsExactly("k:sami", "k:sami");
        assertThat(q).extracting(a -> a.attributes().get("speakerInferred")).containsExactly(null, true);
        assertThat(q.get(1).confidence()).isLessThan(q.get(0).confidence());
    }

    @Test
    void scareQuotesAndTitlesAreNoQuotes() {
        String text = "بدأ المكتب \"مراجعة شاملة\" الشهر الماضي، وشاهد الزوار فيلم «الرسالة».";
        assertThat(QUOTES.extract(text, List.of(), List.of())).isEmpty();
    }

    @Test
    void indirectSpeechWithAClearSpeakerIsItsOwnLowerConfidenceKind() {
        String text = "وقال سامي إن المفاوضات ستستأنف الأسبوع المقبل في جنيف. وكان قد زار المدينة.";
        List<Annotation> q = QUOTES.extract(text, List.of(), List.of(speaker(text, "سامي", "k:sami")));
        assertThat(q).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("indirect");
            assertThat(text.substring(a.start(), a.end())).isEqualTo("المفاوضات ستستأنف الأسبوع المقبل في جنيف");
            assertThat(a.value()).isEqualTo("k:sami");
            assertThat(a.confidence()).isLessThan(0.9);
        });
        String en = "Smith said that the talks would resume in Geneva next week.";
        assertThat(QUOTES.extract(en, List.of(), List.of(speaker(en, "Smith", "k:smith"))))
                .extracting(Annotation::type, a -> en.substring(a.start(), a.end()))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("indirect",
                        "the talks would resume in Geneva next week"));
    }
}
