package io.khabar.entities;

import io.khabar.events.Annotation;
import io.khabar.events.ArticleEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The seed article (../shared/seed/kremlin-assad-visit.ar.txt), normalized as ingest does, then its entities, against
 * expectations written here by hand from reading the article. Nothing in the code or data is specific to it.
 */
class SeedArticleEntitiesTest {
    static Articles.Extracted seed;

    @BeforeAll
    static void extract() throws Exception {
        String body = Files.readString(Path.of("../../shared/seed/kremlin-assad-visit.ar.txt"), StandardCharsets.UTF_8);
        seed = Articles.extract(null, body);
    }

    @Test
    void putinAndAssadAreLinkedWithEveryMention() {
        ArticleEntity putin = seed.require("Q7747");
        assertThat(putin.type()).isEqualTo("PERSON");
        assertThat(putin.nameEn()).isEqualTo("Vladimir Putin");
        assertThat(putin.nameAr()).isEqualTo("فلاديمير بوتين");
        // every بوتين of the text, the full name included
        assertThat(seed.mentionTexts("Q7747")).contains("فلاديمير بوتين")
                .hasSize(Articles.occurrences(seed.text(), "بوتين"));

        ArticleEntity assad = seed.require("Q44329");
        assertThat(assad.nameEn()).isEqualTo("Bashar al-Assad");
        assertThat(assad.inTitle()).isTrue();
        // بالاسد and للأسد are mentions of الأسد with the span on the name; الأسد alone resolves to بشار الأسد
        assertThat(seed.mentionTexts("Q44329")).contains("بشار الأسد", "الأسد", "الاسد", "لأسد")
                .allSatisfy(m -> assertThat(m).doesNotStartWith("بال").doesNotStartWith("وال").doesNotStartWith("لل"))
                .hasSize(Articles.occurrences(seed.text(), "الأسد") + Articles.occurrences(seed.text(), "الاسد")
                        + Articles.occurrences(seed.text(), "للأسد"));
        // the two leaders are what the article is about
        assertThat(seed.result().entities()).first().extracting(ArticleEntity::id).isIn("Q44329", "Q7747");
    }

    @Test
    void trumpIsFoundThoughNoCorpusHasHimAndLinkedThroughTheKnowledgeBase() {
        assertThat(seed.idsNamed("دونالد ترامب")).containsExactly("Q22686");
        assertThat(seed.typesOf("Q22686")).containsExactly("PERSON");
    }

    @Test
    void theSeaAndTheRegionItNamesAreLinked() {
        assertThat(seed.idsNamed("البحر الأسود")).containsExactly("Q166");
        assertThat(seed.idsNamed("الشرق الأوسط")).containsExactly("Q7204");
        assertThat(seed.typesOf("Q166")).containsExactly("LOCATION");
    }

    @Test
    void placesAreGeocoded() {
        ArticleEntity moscow = seed.require("Q649");
        assertThat(moscow.kind()).isEqualTo("city");
        assertThat(moscow.geonamesId()).isEqualTo(524901L);
        assertThat(moscow.countryCode()).isEqualTo("RU");
        assertThat(moscow.latitude()).isCloseTo(55.75, within(0.1));
        assertThat(moscow.longitude()).isCloseTo(37.62, within(0.1));
        assertThat(moscow.inTitle()).isTrue(); // لموسكو in the title
        assertThat(seed.mentionTexts("Q649")).containsOnly("موسكو");

        assertThat(seed.mentionTexts("Q858")).containsOnly("سوريا");
        assertThat(seed.mentionTexts("Q159")).containsOnly("روسيا");

        // the place data has Sochi without a QID; CultLAMA's Sochi, a twinned town, gives it one
        ArticleEntity sochi = seed.require("Q39420");
        assertThat(sochi.geonamesId()).isEqualTo(491422L);
        assertThat(sochi.nameAr()).isEqualTo("سوتشي");
        assertThat(seed.mentionTexts("Q39420")).containsOnly("سوتشي");
    }

    @Test
    void theKremlinIsAnOrganisation() {
        assertThat(seed.idsNamed("الكرملين")).singleElement()
                .satisfies(id -> assertThat(seed.typesOf(id)).containsExactly("ORGANIZATION"));
    }

    @Test
    void theNewsAgencyItQuotesIsFoundAndLinked() {
        // ووفقا لوكالة الإعلام الروسية: the knowledge base's name of RIA Novosti, which the recognizer lets pass
        assertThat(seed.idsNamed("وكالة الإعلام الروسية")).containsExactly("khabar:organization:ria-novosti");
        assertThat(seed.require("khabar:organization:ria-novosti").nameEn()).isEqualTo("RIA Novosti");
    }

    @Test
    void nisbaAdjectivesRelateToTheirCountryAndAreNoPersonMentions() {
        assertThat(seed.adjectiveTexts("Q159")).contains("الروسي", "الروسية");
        assertThat(seed.adjectiveTexts("Q858")).contains("السوري");
        assertThat(seed.adjectiveTexts("Q43")).containsExactly("التركي");
        assertThat(seed.adjectiveTexts("Q794")).containsExactly("الإيراني");
        assertThat(seed.adjectiveTexts("Q30")).containsExactly("الأمريكي");
        for (Annotation a : seed.result().annotations()) {
            String covered = seed.text().substring(a.start(), a.end());
            if (a.kind().equals("entity") && !a.type().equals("ORGANIZATION")) { // وكالة الإعلام الروسية keeps its
                assertThat(covered).doesNotContain("الروسي", "السوري", "التركي", "الإيراني", "الأمريكي");
            }
        }
    }

    @Test
    void everyAnnotationSaysWhatMadeIt() {
        assertThat(seed.result().annotations()).filteredOn(a -> !a.kind().equals("quote")).isNotEmpty().allSatisfy(a -> {
            assertThat(a.attributes()).containsEntry("component", "entities").containsKey("kb");
            assertThat((String) a.attributes().get("model")).matches("ner-ar@[0-9a-f]{12}|nisba");
            assertThat(a.confidence()).isBetween(0.0, 1.0);
        });
        assertThat(seed.result().annotations()).filteredOn(a -> a.kind().equals("quote")).isNotEmpty()
                .allSatisfy(a -> assertThat(a.attributes()).containsEntry("component", "quotes")
                        .containsEntry("model", "rules@1"));
    }
}
