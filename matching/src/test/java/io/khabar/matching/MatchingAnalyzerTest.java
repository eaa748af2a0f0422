package io.khabar.matching;

import io.khabar.events.MatchingText;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingAnalyzerTest {
    private static final MatchingAnalyzer ANALYZER = new MatchingAnalyzer();

    @Test
    void arabicFormsUnifyHamzaYaTehMarbutaDiacriticsTatweelAndDigits() {
        assertThat(ANALYZER.form("الأسد")).isEqualTo("الاسد");
        assertThat(ANALYZER.form("إيران")).isEqualTo("ايران");
        assertThat(ANALYZER.form("آسيا")).isEqualTo("اسيا");
        assertThat(ANALYZER.form("مستشفى")).isEqualTo("مستشفي");
        assertThat(ANALYZER.form("مدرسة")).isEqualTo("مدرسه");
        assertThat(ANALYZER.form("عُقِدَ")).isEqualTo("عقد");
        assertThat(ANALYZER.form("الســـلام")).isEqualTo("السلام");
        assertThat(ANALYZER.form("٢٠١٥ ۱۳۹۶")).isEqualTo("2015 1396");
        assertThat(ANALYZER.form("کتاب یک")).isEqualTo("كتاب يك"); // Persian keheh and yeh
    }

    @Test
    void latinFormsFoldCaseAndAccents() {
        assertThat(ANALYZER.form("Vladimir PUTIN")).isEqualTo("vladimir putin");
        assertThat(ANALYZER.form("Erdoğan São Paulo Straße Ærø")).isEqualTo("erdogan sao paulo strasse aero");
        assertThat(ANALYZER.form("Cafe\u0301")).isEqualTo("cafe"); // decomposed accent
    }

    /**
     * Folding is skipped for a word none of whose characters fold (most Arabic words), and applied as before to one
     * with a single such character anywhere in it: ligatures, full-width letters, Arabic beside Latin.
     */
    @Test
    void aWordIsFoldedWheneverOneOfItsCharactersFolds() {
        assertThat(ANALYZER.form("ﬁnance Ｔｏｋｙｏ")).isEqualTo("finance tokyo");
        assertThat(ANALYZER.form("سوريا")).isEqualTo("سوريا");
        assertThat(ANALYZER.form("سوريا\u00E9")).isEqualTo("سورياe"); // the accent at the end of an Arabic run
        assertThat(ANALYZER.form("naïveté")).isEqualTo("naivete");
        assertThat(ANALYZER.form("Ωmega")).isEqualTo("ωmega"); // Greek is lower-cased and not folded
    }

    @Test
    void procliticsAreStrippedTowardsKnownWordsOnly() {
        assertThat(ANALYZER.stems("لموسكو وموسكو ولموسكو")).isEqualTo("موسكو موسكو موسكو");
        assertThat(ANALYZER.stems("بالأسد والأسد للأسد فالأسد")).isEqualTo("الاسد الاسد الاسد الاسد");
        // words that merely start with a proclitic letter stay whole
        assertThat(ANALYZER.stems("بوتين كبير فلسطين وزير")).isEqualTo("بوتين كبير فلسطين وزير");
        // other scripts: stems equal forms
        assertThat(ANALYZER.stems("Moscow's")).isEqualTo(ANALYZER.form("Moscow's"));
    }

    @Test
    void offsetsLeadBackToTheOriginalText() {
        String text = "زيارة بشار الأسد السرية لموسكو، قال “Putin”: ٤ ساعات.";
        MatchingText m = ANALYZER.analyze(text);
        String[] forms = m.forms().split(" ");
        String[] stems = m.stems().split(" ");
        assertThat(forms).hasSize(m.size()).hasSameSizeAs(stems);
        assertThat(Arrays.asList(forms)).containsExactly("زياره", "بشار", "الاسد", "السريه", "لموسكو", "قال", "putin",
                "4", "ساعات");
        int moscow = Arrays.asList(stems).indexOf("موسكو");
        assertThat(text.substring(m.offsets()[2 * moscow], m.offsets()[2 * moscow + 1])).isEqualTo("لموسكو");
        int putin = Arrays.asList(forms).indexOf("putin");
        assertThat(text.substring(m.offsets()[2 * putin], m.offsets()[2 * putin + 1])).isEqualTo("Putin");
        for (int i = 0; i < m.size(); i++) {
            assertThat(ANALYZER.form(text.substring(m.offsets()[2 * i], m.offsets()[2 * i + 1]))).isEqualTo(forms[i]);
        }
    }
}
