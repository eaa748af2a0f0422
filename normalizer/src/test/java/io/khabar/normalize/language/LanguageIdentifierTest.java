package io.khabar.normalize.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageIdentifierTest {
    private static final LanguageIdentifier ID = new LanguageIdentifier();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "كشف الكرملين عن استضافة الرئيس الروسي فلاديمير بوتين لرئيس النظام السوري بشار الأسد في سوتشي.|ar",
            "قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل|ar",
            "وزیر امور خارجه ایران امروز با همتای روسی خود دیدار کرد.|fa",
            "پاکستان اور بھارت کے درمیان کرکٹ میچ کل لاہور میں کھیلا جائے گا۔|ur",
            "The president said the talks would resume next week in Geneva.|en",
            "Le président a déclaré que les négociations reprendraient la semaine prochaine.|fr",
            "Der Präsident sagte, die Gespräche würden nächste Woche fortgesetzt.|de",
            "El presidente dijo que las conversaciones se reanudarían la próxima semana.|es"})
    void sentenceLengthTextInEachScript(String text, String expected) {
        assertThat(ID.identify(text).language()).isEqualTo(expected);
    }

    @Test
    void persianAndUrduAreNotTakenForArabic() throws Exception {
        for (String lang : new String[]{"fa", "ur"}) {
            var lines = Files.readAllLines(Path.of("src/test/resources/langid/" + lang + ".txt"), StandardCharsets.UTF_8)
                    .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(30);
            assertThat(lines).allSatisfy(l -> assertThat(ID.identify(l).language()).as(l).isEqualTo(lang));
        }
    }

    @Test
    void tooLittleTextIsUndetermined() {
        assertThat(ID.identify("42 !").language()).isEqualTo("und");
        assertThat(ID.identify(null)).isEqualTo(LanguageGuess.UNDETERMINED);
    }

    @Test
    void aNewsroomCanRestrictTheCandidates() {
        var restricted = new LanguageIdentifier(Set.of("es", "en", "ar"));
        assertThat(restricted.identify("Cuando me desintoxiqué de ellos descubrí un nuevo mundo musical.").language())
                .isEqualTo("es");
    }
}
