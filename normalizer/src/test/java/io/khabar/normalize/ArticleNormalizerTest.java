package io.khabar.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.EventJson;
import io.khabar.events.LanguageSpan;
import io.khabar.normalize.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

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
        // only the paragraph in another language than the article's is said
        assertThat(n.facts().paragraphLanguages()).extracting(LanguageSpan::language).containsExactly("en");
        List<LanguageSpan> spans = n.facts().paragraphLanguages();
        assertThat(n.text().substring(spans.get(0).start(), spans.get(0).end())).startsWith("\"We will continue");
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

    /**
     * SaudiNewsNet's titles carry {@code &quot;} and {@code &#8220;}, its bylines {@code &nbsp;}: every such title
     * and byline of the sample comes out with the characters, decoded once.
     */
    @Test
    void saudiNewsNetTitlesAndBylinesHaveTheirCharacterReferencesDecoded() throws Exception {
        Pattern reference = Pattern.compile("&#?[A-Za-z0-9]+;");
        int titles = 0;
        int bylines = 0;
        for (String line : Files.readAllLines(Path.of("../../shared/data/news/ar/saudinewsnet/sample_00.jsonl"),
                StandardCharsets.UTF_8)) {
            JsonNode a = EventJson.mapper().readTree(line);
            String title = a.path("title").asText();
            String author = a.path("author").asText();
            if (!reference.matcher(title).find() && !reference.matcher(author).find()) {
                continue;
            }
            NormalizedArticle n = normalizer.normalize(new ArticleNormalizer.Input(title, a.path("content").asText(),
                    a.path("url").asText(), null, null, author.isBlank() ? List.of() : List.of(author)));
            if (reference.matcher(title).find()) {
                titles++;
                // and cleaned as every title is (a zero-width space before one of them goes)
                String expected = TextNormalizer.clean(title.replace("&quot;", "\"").replace("&#8220;", "\u201C")
                        .replace("&#8221;", "\u201D"));
                assertThat(n.title()).isEqualTo(expected).doesNotContain("&quot;");
            }
            if (reference.matcher(author).find()) {
                bylines++;
                assertThat(n.authors()).hasSize(1);
                assertThat(n.authors().get(0)).doesNotContain("&nbsp;", "&quot;", "&ndash;").doesNotStartWith("\u00a0");
            }
        }
        assertThat(titles).isEqualTo(14);
        assertThat(bylines).isEqualTo(15);
        // the seed's example, spelled out
        assertThat(normalizer.normalize(ArticleNormalizer.Input.of("&quot;سبق&quot; تُقيم حفل معايدة", "نص الخبر."))
                .title()).isEqualTo("\"سبق\" تُقيم حفل معايدة");
    }

    @Test
    void aProducersTitleIsDecodedOnceAlsoWhenItIsTheBodysFirstLine() {
        assertThat(normalizer.normalize(ArticleNormalizer.Input.of("Tom &amp;amp; Jerry", "Body text.")).title())
                .isEqualTo("Tom &amp; Jerry");
        assertThat(normalizer.normalize(ArticleNormalizer.Input.of(null, "Tom &amp;amp; Jerry\nBody text.")).title())
                .isEqualTo("Tom &amp; Jerry");
    }

    @Test
    void aTextBodyQuotingAPayloadIsTextWithAllItsParagraphs() {
        String body = "Researchers found that the <b> and <i> tags were not filtered.\n\n"
                + "Typing </textarea><svg onload=alert(1)> into the box ran a script.\n\n"
                + "The vendor fixed the flaw on Tuesday.";
        NormalizedArticle n = normalizer.normalize(ArticleNormalizer.Input.of("Flaw in comment box", body));
        assertThat(n.extraction()).isEqualTo("text");
        assertThat(n.text()).isEqualTo(body);
        assertThat(n.paragraphs()).hasSize(3);
    }
}
