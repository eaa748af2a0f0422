package io.khabar.events;

import java.util.List;

/**
 * What the normalizer learned about an article's text.
 *
 * @param script             dominant script, ISO 15924 ({@code Arab}, {@code Latn}, ...), {@code Zyyy} when none
 * @param direction          {@code rtl} or {@code ltr}, from the script
 * @param sentences          sentence spans into {@code text}
 * @param wordCount          words in {@code text}
 * @param readingTimeSeconds at 200 words per minute, rounded up
 * @param captions           short lines the source printed repeatedly (image captions), once each, in order
 * @param removed            everything removed from the body, with its kind and original span
 * @param paragraphLanguages the language of each paragraph long enough to tell (an English quote inside an Arabic
 *                           article has its own), in order; may be absent in events from older producers
 */
public record TextFacts(String script, String direction, List<Span> sentences, int wordCount, int readingTimeSeconds,
                        List<String> captions, List<Removal> removed, List<LanguageSpan> paragraphLanguages) {
    public TextFacts {
        paragraphLanguages = paragraphLanguages == null ? List.of() : List.copyOf(paragraphLanguages);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        captions = captions == null ? List.of() : List.copyOf(captions);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
