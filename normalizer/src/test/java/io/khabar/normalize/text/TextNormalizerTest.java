package io.khabar.normalize.text;

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
    void aDatelineAtTheStartIsRemovedAndItsDateKept() {
        var withDates = new TextNormalizer(new io.khabar.normalize.dates.PublishedAtParser());
        NormalizedText n = withDates.normalize("عنوان الخبر", "الأحد، 5 كانون الثاني/يناير 2020\nنص الخبر الأول.\n\nنص الخبر الثاني.");
        assertThat(n.text()).isEqualTo("نص الخبر الأول.\n\nنص الخبر الثاني.");
        assertThat(n.dateline()).isEqualTo(java.time.Instant.parse("2020-01-05T00:00:00Z"));
        assertThat(n.facts().removed()).extracting(io.khabar.events.Removal::kind).containsExactly("dateline");
        // a paragraph that merely mentions a date stays
        NormalizedText prose = withDates.normalize("t", "The summit opened on 5 January 2020 in Geneva with twelve heads of state.");
        assertThat(prose.dateline()).isNull();
        assertThat(prose.text()).startsWith("The summit");
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
    void noiseIsRemovedAndRecorded() {
        NormalizedText n = normalizer.normalize("Storm hits coast", String.join("\n",
                "Storm hits coast",
                "Share this article",
                "The storm reached the coast on Monday.",
                "Photo: flooded streets",
                "Officials said damage was heavy.",
                "Read more: earlier storms",
                "Photo: flooded streets",
                "The storm reached the coast on Monday.",
                "Follow us on Twitter",
                "2"));
        assertThat(n.text()).isEqualTo("The storm reached the coast on Monday.\n\nOfficials said damage was heavy.");
        assertThat(n.facts().captions()).containsExactly("Photo: flooded streets");
        assertThat(n.facts().removed()).extracting(io.khabar.events.Removal::kind).containsExactly(
                "title-repeat", "social", "caption", "read-more", "caption", "repeated-line", "social", "page-number");
        assertThat(n.facts().script()).isEqualTo("Latn");
        assertThat(n.facts().direction()).isEqualTo("ltr");
        assertThat(n.facts().sentences()).hasSize(2);
        assertThat(n.facts().wordCount()).isEqualTo(12);
    }

    @Test
    void aSourceLinkLineIsReadMoreNoise() {
        // SaudiNewsNet's al-Weeam articles end with "the news's link in al-Weeam: <title of another article>"
        NormalizedText n = normalizer.normalize("العنوان", String.join("\n",
                "حذرت وزارة الداخلية المواطنين من التعامل مع مجهولي الهوية.",
                "رابط الخبر بصحيفة الوئام: وزارة الداخلية تحذر كافة المواطنين"));
        assertThat(n.text()).isEqualTo("حذرت وزارة الداخلية المواطنين من التعامل مع مجهولي الهوية.");
        assertThat(n.facts().removed()).extracting(io.khabar.events.Removal::kind).containsExactly("read-more");
    }

    @Test
    void aShortLineSaidOnceIsKeptAndNumbersInsideTextStay() {
        NormalizedText n = normalizer.normalize("T", "Short subtitle\nThe vote was 52 to 48\n48");
        assertThat(n.text()).isEqualTo("Short subtitle\n\nThe vote was 52 to 48");
        assertThat(n.facts().removed()).extracting(io.khabar.events.Removal::kind).containsExactly("page-number");
    }

    @Test
    void bodyRepeatingTheTitleOnItsFirstLineLosesThatLine() {
        assertThat(normalizer.normalize("Same", "Same\nBody").text()).isEqualTo("Body");
        assertThat(normalizer.normalize("Other", "Same\nBody").text()).isEqualTo("Same\n\nBody");
    }

    @Test
    void aTextBodyThatQuotesTagsIsTextAndKeepsEveryParagraph() {
        String body = "Browsers treat the <b> tag as bold.\n\n"
                + "The attacker typed </textarea><svg onload=alert(1)> into the comment form.\n\n"
                + "The paragraph after the payload is still part of the story.";
        NormalizedText n = normalizer.normalize("Security flaw", body);
        assertThat(n.text()).isEqualTo(body);
        assertThat(n.paragraphs()).hasSize(3);
        // also when the payload opens the body
        assertThat(normalizer.normalize("t", "</textarea><svg onload=alert(1)>\n\nAfter it.").text())
                .isEqualTo("</textarea><svg onload=alert(1)>\n\nAfter it.");
        // a body said to be text is text, whatever it holds
        assertThat(normalizer.normalize("t", "<p>kept</p>\n\nas written", false).text())
                .isEqualTo("<p>kept</p>\n\nas written");
    }

    @Test
    void markupThatStructuresABodyMakesItHtmlATagItMentionsDoesNot() {
        assertThat(TextNormalizer.looksLikeHtml("<p>One</p><p>Two</p>")).isTrue();
        assertThat(TextNormalizer.looksLikeHtml("  <div class=\"story\">Text")).isTrue();
        assertThat(TextNormalizer.looksLikeHtml("<!DOCTYPE html><title>x</title>")).isTrue();
        assertThat(TextNormalizer.looksLikeHtml("Text with <b>bold</b> and <a href=\"/x\">a link</a>.")).isTrue();
        assertThat(TextNormalizer.looksLikeHtml("Line one<br>Line two<br/>Line three")).isTrue();
        assertThat(TextNormalizer.looksLikeHtml("Use the <b> tag for bold.")).isFalse();
        assertThat(TextNormalizer.looksLikeHtml("It was </textarea><svg onload=alert(1)>, then <img src=x onerror=y>"))
                .isFalse();
        assertThat(TextNormalizer.looksLikeHtml("2 < 3 and 5 > 4")).isFalse();
        assertThat(TextNormalizer.looksLikeHtml(null)).isFalse();
    }

    @Test
    void aTextBodyHasItsCharacterReferencesDecodedOnceAndEscapedTagsStayText() {
        NormalizedText n = normalizer.normalize(null,
                "&quot;Title&quot; line\nTom &amp;amp; Jerry&nbsp;said &#8220;yes&#8221;.\n\n&lt;p&gt; is a tag.");
        assertThat(n.title()).isEqualTo("\"Title\" line");
        assertThat(n.text()).isEqualTo("Tom &amp; Jerry said “yes”.\n\n<p> is a tag.");
        assertThat(n.paragraphs()).hasSize(2);
    }

    @Test
    void anHtmlFragmentKeepsTheTextAfterAnSvgItNeverCloses() {
        // a closed SVG is an image: it goes; an unclosed one would take the rest of the paragraph with it
        assertThat(normalizer.normalize("t", "<p>Icon <svg><path d=\"M0\"/></svg> here.</p><p>Next.</p>").text())
                .isEqualTo("Icon here.\n\nNext.");
        assertThat(normalizer.normalize("t", "<p>The payload <svg onload=alert(1)> ran in the form.</p><p>Next.</p>")
                .text()).isEqualTo("The payload ran in the form.\n\nNext.");
    }
}
