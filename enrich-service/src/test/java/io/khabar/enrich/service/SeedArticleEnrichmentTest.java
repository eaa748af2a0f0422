package io.khabar.enrich.service;

import io.khabar.entities.EntityExtractor;
import io.khabar.events.Annotation;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import io.khabar.matching.MatchingAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The whole enrichment of the seed article, as enrich-service runs it, against expectations written here by hand:
 * its quotes and speakers, its dates resolved against a publication time we choose (Tuesday 21 November 2017,
 * 09:00 in Riyadh), its amounts and its topic.
 */
class SeedArticleEnrichmentTest {
    private static final Instant PUBLISHED = Instant.parse("2017-11-21T06:00:00Z");
    private static ArticleEnricher enricher;
    private static NormalizedArticle seed;

    @BeforeAll
    static void setUp() throws Exception {
        enricher = new ArticleEnricher(ArticleEnricher.Annotators.all(
                EntityExtractor.load(new MatchingAnalyzer(), List.of()), ZoneId.of("Asia/Riyadh")));
        seed = new ArticleNormalizer().normalize(ArticleNormalizer.Input.of(null, Files.readString(
                Path.of("../../shared/seed/kremlin-assad-visit.ar.txt"), StandardCharsets.UTF_8)));
    }

    private static List<Annotation> kind(ArticleEnricher.Description d, String kind) {
        return d.annotations().stream().filter(a -> a.kind().equals(kind)).toList();
    }

    private static String at(Annotation a) {
        return seed.text().substring(a.start(), a.end());
    }

    private static ArticleEnricher.Description describe(Instant published) {
        return enricher.describe(seed.text(), seed.title(), seed.language(), seed.languageConfidence(), published,
                seed.paragraphs(), seed.facts());
    }

    @Test
    void quotesWithTheirSpeakers() {
        assertThat(kind(describe(PUBLISHED), "quote")).filteredOn(q -> q.type().equals("direct"))
                .extracting(Annotation::value, q -> at(q).split(" ")[0])
                .containsExactly(tuple("Q7747", "ما"), tuple("Q7747", "أعتقد"), tuple("Q44329", "إن"),
                        tuple("Q44329", "أعتقد"));
    }

    @Test
    void datesResolvedAgainstThePublicationTime() {
        assertThat(kind(describe(PUBLISHED), "date")).extracting(TestText::of, Annotation::value).contains(
                tuple("صباح هذا اليوم الثلاثاء", "2017-11-21"),
                tuple("يوم أمس الاثنين", "2017-11-20"),
                tuple("هذا الأسبوع", "2017-W47"),
                tuple("20 أكتوبر 2015", "2015-10-20"));
    }

    @Test
    void withoutAPublicationTimeRelativeDatesSaySoAndAbsoluteOnesStillResolve() {
        List<Annotation> dates = kind(describe(null), "date");
        assertThat(dates).filteredOn(d -> at(d).contains("أمس")).isNotEmpty()
                .allSatisfy(d -> {
                    assertThat(d.type()).isEqualTo("unanchored");
                    assertThat(d.value()).isNull();
                });
        assertThat(dates).extracting(TestText::of, Annotation::value).contains(tuple("20 أكتوبر 2015", "2015-10-20"));
    }

    @Test
    void theVisitLastedFourHours() {
        assertThat(kind(describe(PUBLISHED), "amount")).extracting(TestText::of, Annotation::type, Annotation::value,
                a -> a.attributes().get("unit"), a -> a.attributes().get("iso"))
                .containsExactly(tuple("4 ساعات", "duration", "4", "hour", "PT4H"));
    }

    @Test
    void aPoliticalStory() {
        List<Annotation> topics = kind(describe(PUBLISHED), "topic");
        assertThat(topics.get(0).value()).isIn("medtop:11000000", "medtop:16000000"); // politics; conflict, war
        assertThat(topics.get(0).attributes()).containsKey("label").containsKey("model");
        assertThat(kind(describe(PUBLISHED), "keyword")).isNotEmpty();
    }

    /** The text an annotation covers in the seed. */
    private static final class TestText {
        static String of(Annotation a) {
            return at(a);
        }
    }
}
