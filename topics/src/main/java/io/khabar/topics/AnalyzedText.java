package io.khabar.topics;

import io.khabar.events.MatchingText;
import io.khabar.matching.MatchingAnalyzer;

/**
 * An article's title and text with their matching layers, analyzed once for both the {@link TopicClassifier} and
 * the {@link KeyphraseExtractor} (each analyzed them again before, a few per cent of enrichment's time and
 * allocation). Each of them analyzes again what another analyzer made.
 *
 * @param analyzer      the analyzer that made the matching layers
 * @param title         the headline; may be null
 * @param titleMatching its matching layer; null when the title is null or blank
 * @param text          the article text, never null ({@code ""} for none)
 * @param textMatching  its matching layer
 */
public record AnalyzedText(MatchingAnalyzer analyzer, String title, MatchingText titleMatching, String text,
                           MatchingText textMatching) {
    public static AnalyzedText of(MatchingAnalyzer analyzer, String title, String text) {
        String body = text == null ? "" : text;
        boolean titled = title != null && !title.isBlank();
        return new AnalyzedText(analyzer, title, titled ? analyzer.analyze(title) : null, body,
                analyzer.analyze(body));
    }

    /** This text as {@code other} analyzes it: itself when {@code other} made it. */
    AnalyzedText by(MatchingAnalyzer other) {
        return other == analyzer ? this : of(other, title, text);
    }
}
