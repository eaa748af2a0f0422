package io.khabar.bench.eval;

import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Main text and metadata of real pages from ../shared/data/html (Mozilla Readability's and newspaper4k's fixtures).
 * Expected values are written here from the pages and their fixture files.
 */
class PageExtractionTest {
    static final Path DATA = Path.of("../../shared/data").toAbsolutePath().normalize();
    static final Path NEWSPAPER = DATA.resolve("html/newspaper4k/tests/data");
    static final Path MOZILLA = DATA.resolve("html/mozilla-readability/test/test-pages");
    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    private NormalizedArticle page(Path file) throws Exception {
        return normalizer.normalize(ArticleNormalizer.Input.of(null, Files.readString(file)));
    }

    @Test
    void cnnArabicPageGivesTheArticleAndItsMetadata() throws Exception {
        NormalizedArticle n = page(NEWSPAPER.resolve("html/arabic_article.html"));
        assertThat(n.title()).isEqualTo("معارضون يسيطرون على مخازن للصواريخ بريف دمشق");
        assertThat(n.metadata().canonicalUrl())
                .isEqualTo("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html");
        assertThat(n.metadata().siteName()).isEqualTo("CNNArabic");
        assertThat(n.metadata().language()).isEqualTo("ar");
        assertThat(n.metadata().image()).endsWith("Gal.syria.assad.army.jpg_-1_-1.jpg");
        assertThat(n.url()).isEqualTo(n.metadata().canonicalUrl());
        assertThat(n.language()).isEqualTo("ar");
        assertThat(n.facts().direction()).isEqualTo("rtl");
        // first and last paragraphs of the story, in order, once; the title is not repeated in the text
        int first = n.text().indexOf("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة");
        int last = n.text().indexOf("تدير المناطق التي يقطنها الأكراد في سوريا بشكل مستقل.");
        assertThat(first).isNotNegative();
        assertThat(last).isGreaterThan(first);
        assertThat(n.text()).doesNotContain(n.title());
        // the dateline above the story is removed, and is the publication time (the page's metadata has none)
        assertThat(first).isZero();
        assertThat(n.facts().removed()).extracting(io.khabar.events.Removal::kind).contains("dateline");
        assertThat(n.publishedAt()).isEqualTo(Instant.parse("2013-08-28T10:00:00Z"));
        assertThat(TokenScore.of(n.text(), Files.readString(NEWSPAPER.resolve("txt/arabic_article.txt"))).recall())
                .isGreaterThan(0.99);
    }

    @Test
    void bbcPageMetadataFromJsonLdAndOpenGraph() throws Exception {
        NormalizedArticle n = page(MOZILLA.resolve("bbc-1/source.html"));
        assertThat(n.title()).isEqualTo("Obama admits US gun laws are his 'biggest frustration'");
        assertThat(n.metadata().siteName()).isEqualTo("BBC News");
        assertThat(n.metadata().language()).isEqualTo("en");
        assertThat(n.publishedAt()).isEqualTo(Instant.parse("2015-07-24T04:36:09Z"));
        assertThat(n.language()).isEqualTo("en");
        String expected = Jsoup.parse(MOZILLA.resolve("bbc-1/expected.html").toFile()).text();
        assertThat(TokenScore.of(n.title() + "\n" + n.text(), expected).f1()).isGreaterThan(0.95);
    }

    @Test
    void authorsAndDatesFromNewsPages() throws Exception {
        NormalizedArticle cnn = page(NEWSPAPER.resolve("html/cnn_001.html"));
        assertThat(cnn.authors()).containsExactly("Joan Biskupic");
        assertThat(cnn.publishedAt()).isBetween(Instant.parse("2023-11-06T00:00:00Z"), Instant.parse("2023-11-07T00:00:00Z"));
        NormalizedArticle wired = page(NEWSPAPER.resolve("html/wired_001.html"));
        assertThat(wired.publishedAt()).isEqualTo(Instant.parse("2023-11-07T07:00:00Z"));
        assertThat(wired.metadata().siteName()).isEqualTo("WIRED");
    }

    @Test
    void hiddenConsentDialogIsNotMistakenForTheArticle() throws Exception {
        NormalizedArticle n = page(MOZILLA.resolve("medicalnewstoday/source.html"));
        assertThat(n.text()).doesNotContain("Please accept our privacy terms")
                .contains("Many of us have noticed that we seem to get our best ideas when we're in the shower");
    }

    @Test
    void allFixturePagesScoreAtLeast095TokenF1() throws Exception {
        var pages = ExtractionEval.pages(DATA);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(50);
        double f1 = pages.stream().mapToDouble(p -> {
            NormalizedArticle n = normalizer.normalize(ArticleNormalizer.Input.of(null, p.html()));
            return TokenScore.of(n.title() + "\n" + n.text(), p.expected()).f1();
        }).average().orElse(0);
        assertThat(f1).isGreaterThanOrEqualTo(0.95);
    }
}
