package io.khabar.normalize;

import io.khabar.events.LanguageSpan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleNormalizerTest {
    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    @Test
    void anEnglishQuoteInsideAnArabicArticleHasItsOwnParagraphLanguage() {
        String body = """
                قال وزير الخارجية في مؤتمر صحفي عقده في العاصمة إن بلاده ترحب بالمبادرة الجديدة للسلام.

                "We will continue to work with all our partners to bring peace to the region," the minister said.

                وأضاف أن الاجتماع المقبل سيعقد في جنيف خلال الأسبوع القادم بمشاركة عدد من الدول.

                ١٥
                """;
        NormalizedArticle n = normalizer.normalize(ArticleNormalizer.Input.of("وزير الخارجية يرحب بمبادرة السلام", body));
        assertThat(n.language()).isEqualTo("ar");
        assertThat(n.languageConfidence()).isGreaterThan(0.9);
        assertThat(n.facts().paragraphLanguages()).extracting(LanguageSpan::language).containsExactly("ar", "en", "ar");
        List<LanguageSpan> spans = n.facts().paragraphLanguages();
        assertThat(n.text().substring(spans.get(1).start(), spans.get(1).end())).startsWith("\"We will continue");
        assertThat(n.extraction()).isEqualTo("text");
        assertThat(n.matching().size()).isEqualTo(n.matching().forms().split(" ").length);
    }

    @Test
    void producerValuesWinOverPageMetadataAndPageValuesFillTheGaps() {
        String page = """
                <!doctype html><html lang="en"><head><title>Site | Headline</title>
                <meta property="og:title" content="Headline from OpenGraph">
                <meta property="article:published_time" content="2024-03-01T10:00:00+02:00">
                <meta name="author" content="Jane Reporter">
                <link rel="canonical" href="https://news.example.org/a/1">
                </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <article><h1>Headline from OpenGraph</h1>
                <p>The first paragraph of the story tells what happened in the city council on Friday evening.</p>
                <p>The second paragraph quotes the mayor, who said the budget would be voted on next month.</p>
                <p>A third paragraph gives the background of the dispute that has lasted for two years now.</p>
                </article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>
                """;
        NormalizedArticle fromPage = normalizer.normalize(ArticleNormalizer.Input.of(null, page));
        assertThat(fromPage.title()).isEqualTo("Headline from OpenGraph");
        assertThat(fromPage.publishedAt()).isEqualTo(Instant.parse("2024-03-01T08:00:00Z"));
        assertThat(fromPage.authors()).containsExactly("Jane Reporter");
        assertThat(fromPage.url()).isEqualTo("https://news.example.org/a/1");
        assertThat(fromPage.text()).startsWith("The first paragraph").doesNotContain("Home").doesNotContain("Copyright");
        assertThat(fromPage.paragraphs()).hasSize(3);

        NormalizedArticle producer = normalizer.normalize(new ArticleNormalizer.Input("Producer title", page,
                "https://news.example.org/a/1?utm_source=x", "en", "2024-03-02T00:00:00Z", List.of("Desk")));
        assertThat(producer.title()).isEqualTo("Producer title");
        assertThat(producer.publishedAt()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
        assertThat(producer.authors()).containsExactly("Desk");
        assertThat(producer.metadata().authors()).containsExactly("Jane Reporter");
    }
}
