package io.khabar.normalize.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CharacterReferencesTest {

    @Test
    void namedDecimalAndHexReferencesAreDecoded() {
        assertThat(CharacterReferences.decode("&quot;سبق&quot; تُقيم &#8220;حفل&#8221; &#x27;x&#X27; &nbsp;a &ndash; &AMP;"))
                .isEqualTo("\"سبق\" تُقيم “حفل” 'x' \u00a0a – &");
    }

    @Test
    void referencesAreDecodedOnceNotUntilNoneIsLeft() {
        assertThat(CharacterReferences.decode("Tom &amp;quot;&amp;amp; Jerry")).isEqualTo("Tom &quot;&amp; Jerry");
    }

    @Test
    void onlyCompleteReferencesToNamesHtmlDefinesAreRead() {
        String asWritten = "AT&T, Q&A, &copy 2024, Barnes&noble, &notit, &madeup; & &; &#; &#x;";
        assertThat(CharacterReferences.decode(asWritten)).isSameAs(asWritten);
    }

    @Test
    void numbersAreReadAsHtmlReadsThem() {
        // never a NUL (no database text holds one), a lone surrogate or a code point past Unicode
        assertThat(CharacterReferences.decode("a&#0;b&#xD800;c&#1114112;d")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        // 128-159 are windows-1252's characters (a common mistake of Windows producers); 129 has none there
        assertThat(CharacterReferences.decode("&#150;&#146;&#128;&#129;")).isEqualTo("–’€\u0081");
        assertThat(CharacterReferences.decode("&#x1F600;&#1587;")).isEqualTo("😀س");
    }

    @Test
    void escapedTagsBecomeTheirCharactersNotMarkup() {
        assertThat(CharacterReferences.decode("&lt;svg onload=alert(1)&gt;")).isEqualTo("<svg onload=alert(1)>");
        assertThat(CharacterReferences.decode(null)).isNull();
    }
}
