package io.khabar.bench.kb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Short (surname) forms of person names and the script tests the compiler relies on. */
class KbNamesTest {
    @Test
    void latinSurnamesKeepTheirParticlesAndAHyphenatedArticleGivesBothForms() {
        assertThat(KbNames.shortNames("Vladimir Putin")).containsExactly("Putin");
        assertThat(KbNames.shortNames("Bashar al-Assad")).containsExactly("al-Assad", "Assad");
        assertThat(KbNames.shortNames("Mohammed bin Salman")).containsExactly("bin Salman");
        assertThat(KbNames.shortNames("Ursula von der Leyen")).containsExactly("von der Leyen");
        assertThat(KbNames.shortNames("Surangel Whipps Jr.")).containsExactly("Whipps");
        assertThat(KbNames.shortNames("Naruhito")).isEmpty();
    }

    @Test
    void arabicSurnamesKeepTheirParticleOrCompound() {
        assertThat(KbNames.shortNames("بشار الأسد")).containsExactly("الأسد");
        assertThat(KbNames.shortNames("فلاديمير بوتين")).containsExactly("بوتين");
        assertThat(KbNames.shortNames("محمد بن سلمان")).containsExactly("بن سلمان");
        assertThat(KbNames.shortNames("أحمد عبد الله")).containsExactly("عبد الله");
    }

    @Test
    void scripts() {
        assertThat(KbNames.isArabicScript("موسكو")).isTrue();
        assertThat(KbNames.isArabicScript("Moscow موسكو")).isFalse();
        assertThat(KbNames.isArabicLetters("موسكو")).isTrue();
        assertThat(KbNames.isArabicLetters("ماسکو")).as("Persian keheh folds to kaf").isTrue();
        assertThat(KbNames.isArabicLetters("موسكۋا")).as("Uyghur ve").isFalse();
        assertThat(KbNames.isArabicLetters("پاریس")).as("Persian pe").isFalse();
    }
}
