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
    void companiesWithAnAmpersandCurrenciesWithTheirCountryAndThePossessiveAreOneTokenEach() {
        assertThat(Tokenizer.words("AT&T's chief paid HK$ 100,000 (US$12,940) to Moody's and H&R Block."))
                .containsExactly("AT&T", "'s", "chief", "paid", "HK$", "100,000", "(", "US$", "12,940", ")", "to",
                        "Moody", "'s", "and", "H&R", "Block", ".");
        // pre-tokenized wire text writes the possessive apart; a quotation mark before a word is still its own token
        assertThat(Tokenizer.words("MOODY 'S said 'so' , Smith & Wesson"))
                .containsExactly("MOODY", "'S", "said", "'", "so", "'", ",", "Smith", "&", "Wesson");
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
