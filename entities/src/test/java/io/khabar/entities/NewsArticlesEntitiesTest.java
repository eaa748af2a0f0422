package io.khabar.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khabar.events.ArticleEntity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real articles from ../shared/data/news (three Arabic newspaper articles of SaudiNewsNet, three BBC articles), with
 * the people, places and organisations they name written here by hand from reading them.
 */
class NewsArticlesEntitiesTest {
    /** The three SaudiNewsNet articles, by URL (their only id). */
    private static final class SaudiUrls {
        static final String MISTRAL = "http://www.aleqt.com/2015/08/06/article_979464.html";
        static final String CUBA = "http://www.3alyoum.com/news/pol/a/أمريكا-وكوبا-تبدآن-بهدوء-فصلاً-جديداً/";
        static final String MARIB = "http://www.alyaum.com/article/4081338";
    }

    private static Articles.Extracted saudi(String url) throws IOException {
        return Articles.saudi(url);
    }

    private static Articles.Extracted bbc(String id) throws IOException {
        return Articles.bbc(id);
    }

    private static void person(Articles.Extracted a, String name) {
        assertThat(a.idsNamed(name)).as("ids of %s among %s", name, a.ids()).singleElement()
                .satisfies(id -> assertThat(a.typesOf(id)).containsExactly("PERSON"));
    }

    @Test
    void frenchDefenceMinisterOnTheMistralDealArabic() throws IOException {
        Articles.Extracted a = saudi(SaudiUrls.MISTRAL);
        assertThat(a.require("Q142").inTitle()).isTrue(); // France
        assertThat(a.mentionTexts("Q142")).contains("فرنسا");
        assertThat(a.mentionTexts("Q159")).contains("روسيا"); // لروسيا too
        assertThat(a.mentionTexts("Q7747")).containsExactly("بوتين");
        assertThat(a.adjectiveTexts("Q212")).containsExactly("الأوكرانية"); // Ukraine, as an adjective
        person(a, "جان إيف لو دريان");
        person(a, "فرانسوا أولوند");
        // لو دريان later in the article is the same man
        String drian = a.idsNamed("جان إيف لو دريان").get(0);
        assertThat(a.mentionTexts(drian)).contains("لو دريان");
    }

    @Test
    void cubaAndTheUnitedStatesReopenEmbassiesArabic() throws IOException {
        Articles.Extracted a = saudi(SaudiUrls.CUBA);
        assertThat(a.mentionTexts("Q241")).contains("كوبا"); // Cuba
        assertThat(a.adjectiveTexts("Q241")).contains("الكوبي");
        assertThat(a.mentionTexts("Q30")).contains("الولايات المتحدة");
        assertThat(a.adjectiveTexts("Q30")).contains("الأمريكي", "الأمريكية");
        assertThat(a.mentionTexts("Q1563")).contains("هافانا"); // Havana
        assertThat(a.mentionTexts("Q22316")).contains("جون كيري", "كيري"); // John Kerry
        person(a, "باراك أوباما");
        // Raúl Castro: a full name the knowledge base lacks is not tied to another Castro it has
        person(a, "راؤول كاسترو");
        String castro = a.idsNamed("راؤول كاسترو").get(0);
        assertThat(castro).startsWith("khabar:person:");
        assertThat(a.mentionTexts(castro)).contains("كاسترو");
        // "جون كيري ورودريجيز": two people, split at the conjunction; Rodríguez joins برونو رودريجيز
        person(a, "برونو رودريجيز");
        assertThat(a.mentionTexts(a.idsNamed("برونو رودريجيز").get(0))).contains("رودريجيز");
        ArticleEntity washington = a.require(a.idsNamed("واشنطن").get(0));
        assertThat(washington.countryCode()).isEqualTo("US");
        assertThat(washington.geonamesId()).isEqualTo(4140963L); // Washington, D.C., not a namesake town
    }

    @Test
    void coalitionStrikesInMaribArabic() throws IOException {
        Articles.Extracted a = saudi(SaudiUrls.MARIB);
        ArticleEntity marib = a.require("Q6762513");
        assertThat(marib.countryCode()).isEqualTo("YE");
        assertThat(a.mentionTexts("Q6762513")).contains("مأرب"); // بمأرب too
        assertThat(a.result().entities().get(0).id()).isEqualTo("Q6762513"); // the article is about Marib
        assertThat(a.mentionTexts("Q805")).contains("اليمن");
        assertThat(a.adjectiveTexts("Q805")).contains("اليمني");
        person(a, "علي صالح");
    }

    @Test
    void gibraltarTalksEnglish() throws IOException {
        Articles.Extracted a = bbc("politics/015.txt");
        assertThat(a.mentionTexts("Q1410")).contains("Gibraltar");
        assertThat(a.mentionTexts("Q311278")).contains("Jack Straw", "Straw"); // "Mr Straw" is Jack Straw
        assertThat(a.mentionTexts("Q29")).contains("Spain");
        assertThat(a.adjectiveTexts("Q29")).contains("Spanish");
        assertThat(a.adjectiveTexts("Q145")).contains("British");
        person(a, "Miguel Moratinos");
        person(a, "Peter Caruana");
        person(a, "Dominick Chilcott");
        assertThat(a.require(a.idsNamed("Madrid").get(0)).geonamesId()).isEqualTo(3117735L);
    }

    @Test
    void brownInAfricaEnglish() throws IOException {
        Articles.Extracted a = bbc("politics/024.txt");
        ArticleEntity brown = a.require("Q10648");
        assertThat(brown.inTitle()).isTrue();
        assertThat(a.mentionTexts("Q10648")).contains("Gordon Brown", "Brown");
        assertThat(a.result().entities().get(0).id()).isEqualTo("Q10648");
        assertThat(a.mentionTexts("Q9545")).containsExactly("Tony Blair");
        assertThat(a.mentionTexts("Q114")).containsExactly("Kenya");
        assertThat(a.adjectiveTexts("Q114")).containsExactly("Kenyan");
        assertThat(a.mentionTexts("Q924")).containsExactly("Tanzania");
        assertThat(a.mentionTexts("Q1029")).containsExactly("Mozambique");
        assertThat(a.mentionTexts("Q5465")).containsExactly("Cape Town");
        person(a, "Michael Howard");
    }

    @Test
    void turkeysEuBidEnglish() throws IOException {
        Articles.Extracted a = bbc("politics/035.txt");
        assertThat(a.mentionTexts("Q9545")).contains("Tony Blair", "Blair");
        assertThat(a.mentionTexts("Q43")).contains("Turkey");
        assertThat(a.require("Q43").inTitle()).isTrue(); // "Turkish EU bid"
        for (String q : List.of("Q38", "Q183", "Q142", "Q239")) { // Italy, Germany, France, Brussels
            assertThat(a.entity(q)).as(q).isPresent();
        }
        person(a, "Silvio Berlusconi");
        person(a, "Gerhard Schroeder");
        assertThat(a.typesOf(a.idsNamed("EU").get(0))).containsExactly("ORGANIZATION");
    }
}
