package io.khabar.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Short (surname) forms of person names and the script tests the compiler relies on. */
class NamesTest {
    @Test
    void latinSurnamesKeepTheirParticlesAndAHyphenatedArticleGivesBothForms() {
        assertThat(Names.shortNames("Vladimir Putin")).containsExactly("Putin");
        assertThat(Names.shortNames("Bashar al-Assad")).containsExactly("al-Assad", "Assad");
        assertThat(Names.shortNames("Mohammed bin Salman")).containsExactly("bin Salman");
        assertThat(Names.shortNames("Ursula von der Leyen")).containsExactly("von der Leyen");
        assertThat(Names.shortNames("Surangel Whipps Jr.")).containsExactly("Whipps");
        assertThat(Names.shortNames("Naruhito")).isEmpty();
    }

    @Test
    void arabicSurnamesKeepTheirParticleOrCompound() {
        assertThat(Names.shortNames("بشار الأسد")).containsExactly("الأسد");
        assertThat(Names.shortNames("فلاديمير بوتين")).containsExactly("بوتين");
        assertThat(Names.shortNames("محمد بن سلمان")).containsExactly("بن سلمان");
        assertThat(Names.shortNames("أحمد عبد الله")).containsExactly("عبد الله");
    }

    @Test
    void scripts() {
        assertThat(Names.isArabicScript("موسكو")).isTrue();
        assertThat(Names.isArabicScript("Moscow موسكو")).isFalse();
        assertThat(Names.isArabicLetters("موسكو")).isTrue();
        assertThat(Names.isArabicLetters("ماسکو")).as("Persian keheh folds to kaf").isTrue();
        assertThat(Names.isArabicLetters("موسكۋا")).as("Uyghur ve").isFalse();
        assertThat(Names.isArabicLetters("پاریس")).as("Persian pe").isFalse();
    }
}
