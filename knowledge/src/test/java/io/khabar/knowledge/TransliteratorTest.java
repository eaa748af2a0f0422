package io.khabar.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Word-level Latin-Arabic name transliteration from the Wikidata pairs. */
class TransliteratorTest {
    private final Transliterator t = Transliterator.load();

    @Test
    void latinWordsToTheirMostFrequentArabicSpelling() {
        assertThat(t.toArabic("Vladimir")).isEqualTo("فلاديمير");
        assertThat(t.toArabic("putin")).isEqualTo("بوتين");
        assertThat(t.toArabic("Bashar")).isEqualTo("بشار");
        assertThat(t.toArabic("Erdogan")).as("accent folded: erdoğan in the data").isEqualTo("أردوغان");
        assertThat(t.toArabic("Xqzvw")).isNull();
    }

    @Test
    void arabicWordsToLatinWhateverTheHamzaOrTehMarbuta() {
        assertThat(t.toLatin("فلاديمير")).isEqualTo("vladimir");
        assertThat(t.toLatin("بوتين")).as("putin and botín are as frequent: ASCII wins").isEqualTo("putin");
        assertThat(t.toLatin("اردوغان")).isEqualTo(t.toLatin("أردوغان")).isNotNull();
        assertThat(t.toLatin("فاطمه")).isEqualTo(t.toLatin("فاطمة")).isNotNull();
        assertThat(t.toLatin("قثغفع")).isNull();
    }

    @Test
    void namesWordByWordWithTheHyphenatedArticleJoined() {
        assertThat(t.toArabicName("Vladimir Putin")).isEqualTo("فلاديمير بوتين");
        assertThat(t.toArabicName("Bashar al-Assad")).isEqualTo("بشار الأسعد");
        assertThat(t.toArabicName("Vladimir Xqzvw")).isNull();
        assertThat(t.toLatinName("فلاديمير بوتين")).isEqualTo("vladimir putin");
        assertThat(t.toLatinName("بشار الأسد")).as("an unknown definite word is al- and the word")
                .isEqualTo("bashar al-asad");
    }

    @Test
    void spellingsIncludeTheDoubledConsonantWrittenOnceWhenTheDataHasItAsOften() {
        assertThat(t.arabicNames("Bashar al-Assad", w -> null, 4)).as("asad, 5 names, before assad, 3")
                .containsExactly("بشار الأسد", "بشار الأسعد");
        assertThat(t.arabicNames("Emmanuel Macron", w -> null, 4)).containsExactly("إيمانويل ماكرون");
        assertThat(t.arabicNames("Vladimir Putin", w -> null, 4)).containsExactly("فلاديمير بوتين");
        assertThat(t.arabicNames("Vladimir Xqzvw", w -> "كزف", 4)).containsExactly("فلاديمير كزف");
        assertThat(Transliterator.degeminate("mohammed")).isEqualTo("mohamed");
        assertThat(Transliterator.degeminate("aaron")).isEqualTo("aaron");
        assertThat(List.of(t.toArabicName("Putin"))).containsExactly("بوتين");
    }
}
