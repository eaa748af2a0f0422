package io.khabar.bench.kb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The nisba and English demonym rules. */
class DemonymsTest {
    @Test
    void arabicStemsAndFamilies() {
        assertThat(Demonyms.arabicBase("روسيا")).isEqualTo("روس");
        assertThat(Demonyms.arabicBase("السعودية")).isEqualTo("سعود");
        assertThat(Demonyms.arabicBase("العراق")).isEqualTo("عراق");
        assertThat(Demonyms.arabicBase("فرنسا")).isEqualTo("فرنس");
        assertThat(Demonyms.arabicBase("الأمريكية")).isEqualTo("أمريك");
        assertThat(Demonyms.arabicFamily("سور")).containsExactly("سوري", "سورية", "سوريون", "سوريين", "سوريان",
                "السوري", "السورية", "السوريون", "السوريين", "السوريان");
        assertThat(Demonyms.arabicPairFamily("كوريا", "الجنوبية")).contains("كوري جنوبي", "الكوري الجنوبي",
                "الكورية الجنوبية", "الكوريون الجنوبيون").hasSize(10);
        assertThat(Demonyms.arabicPairFamily("الإمارات", "العربية")).as("not a word and its adjective").isNull();
        assertThat(Demonyms.arabicPairFamily("جنوب", "أفريقيا")).isNull();
        assertThat(Demonyms.arabicPairFamily("أفريقيا", "الوسطى")).as("an elative has no nisba").isNull();
    }

    @Test
    void englishRules() {
        assertThat(Demonyms.englishForms("Russia")).containsExactly("Russian");
        assertThat(Demonyms.englishForms("Turkey")).containsExactly("Turkish");
        assertThat(Demonyms.englishForms("Italy")).containsExactly("Italian");
        assertThat(Demonyms.englishForms("Iran")).containsExactly("Iranian", "Iranese", "Irani");
        assertThat(Demonyms.englishForms("Mexico")).containsExactly("Mexican");
        assertThat(Demonyms.englishForms("South Korea")).containsExactly("South Korean");
    }
}
