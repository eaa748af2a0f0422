package io.khabar.normalize.html;

import io.khabar.events.Removal;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 2 of the reliability issue: 30,000 nested elements kept Readability busy for minutes, past the consumer's
 * limits, and the record stalled the stage again after each restart. Such a page now skips main-content extraction,
 * keeps its text and says so in {@code facts.removed}; real pages never come near the limits.
 */
class PageComplexityTest {
    private static final Path PAGES = Path.of("../../shared/data/html");

    @Test
    @Timeout(30)
    void aPageNestedThirtyThousandDeepIsNormalizedAtOnceWithItsTextKept() {
        String text = "قال المتحدث باسم الكرملين ديمتري بيسكوف إن الرئيس بوتين استقبل الأسد في سوتشي.";
        String page = "<!doctype html><html><head><title>عنوان</title></head><body>" + "<div>".repeat(30_000)
                + "<p>" + text + "</p>" + "</div>".repeat(30_000) + "</body></html>";
        long t0 = System.nanoTime();
        NormalizedArticle a = new ArticleNormalizer().normalize(new ArticleNormalizer.Input(null, page, null, null,
                null, List.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(a.text()).contains(text);
        assertThat(a.facts().removed()).extracting(Removal::kind).contains("html-too-complex");
        assertThat(a.facts().removed().get(0).text()).contains("nested").contains("at most 256");
        assertThat(ms).as("milliseconds").isLessThan(15_000);
    }

    /** The limits are far above what real pages do: every page of ../shared/data/html is extracted as before. */
    @Test
    void noRealPageComesNearTheLimits() throws Exception {
        int deepest = 0;
        int largest = 0;
        int pages = 0;
        try (Stream<Path> files = Files.walk(PAGES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(Files.readString(f), "https://localhost/");
                PageExtractor.Complexity c = PageExtractor.complexity(doc);
                deepest = Math.max(deepest, c.depth());
                largest = Math.max(largest, c.elements());
                assertThat(PageExtractor.tooComplex(doc)).as(f.toString()).isNull();
                pages++;
            }
        }
        System.out.printf("real pages: %d, deepest %d, largest %d elements%n", pages, deepest, largest);
        assertThat(pages).isGreaterThan(50);
        assertThat(deepest).isLessThan(PageExtractor.MAX_DEPTH / 2);
        assertThat(largest).isLessThan(PageExtractor.MAX_ELEMENTS / 2);
    }
}
