package io.khabar.ingest.domain;

import io.khabar.events.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void plainTextTakesTheFirstLineAsTitleAndKeepsParagraphOffsets() {
        NormalizedText n = normalizer.normalize(null, "Title line\n\nFirst  para\u00a0here.\r\n\n\nSecond\u200f para.\n");
        assertThat(n.title()).isEqualTo("Title line");
        assertThat(n.text()).isEqualTo("First para here.\n\nSecond para.");
        assertThat(n.paragraphs()).containsExactly(new Span(0, 16), new Span(18, 30));
    }

    @Test
    void arabicLettersDiacriticsAndTatweelAreKeptAndNfcApplied() {
        String body = "قالَ الرئيـــس بوتين\n"; // fatha and tatweel are the author's
        NormalizedText n = normalizer.normalize("عنوان", body);
        assertThat(n.text()).isEqualTo("قالَ الرئيـــس بوتين");
        // Decomposed alef with hamza above (U+0627 U+0654) composes to U+0623.
        assertThat(normalizer.normalize("t", "\u0627\u0654").text()).isEqualTo("\u0623");
    }

    @Test
    void htmlBlocksBecomeParagraphsAndScriptsVanish() {
        NormalizedText n = normalizer.normalize("T", "<div><h1>T</h1><p>One <a href='x'>link</a><br>next</p>"
                + "<script>alert(1)</script><ul><li>a</li><li>b</li></ul></div>");
        assertThat(n.text()).isEqualTo("One link\n\nnext\n\na\n\nb");
    }

    @Test
    void bodyRepeatingTheTitleOnItsFirstLineLosesThatLine() {
        assertThat(normalizer.normalize("Same", "Same\nBody").text()).isEqualTo("Body");
        assertThat(normalizer.normalize("Other", "Same\nBody").text()).isEqualTo("Same\n\nBody");
    }
}
