package io.khabar.entities.ner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {
    @Test
    void wordsPunctuationAbbreviationsAndNumbersAsTheCorporaSplitThem() {
        assertThat(Tokenizer.words("The U.S. envoy, Italian-born, paid $1,250.50 (in cash)."))
                .containsExactly("The", "U.S.", "envoy", ",", "Italian-born", ",", "paid", "$", "1,250.50", "(", "in",
                        "cash", ")", ".");
    }

    @Test
    void arabicProcliticsStayOnTheirWordAndArabicPunctuationIsItsOwnToken() {
        assertThat(Tokenizer.words("زيارة الأسد لموسكو، واجتماعه بالأسد: «مهم»"))
                .containsExactly("زيارة", "الأسد", "لموسكو", "،", "واجتماعه", "بالأسد", ":", "«", "مهم", "»");
    }

    @Test
    void offsetsIndexTheTextAndInvisibleMarksAreSkipped() {
        String text = "قال\u200f بوتين";
        int[] t = Tokenizer.tokenize(text, 0, text.length());
        assertThat(t).containsExactly(0, 3, 5, 10);
    }
}
