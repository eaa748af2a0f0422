package io.khabar.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the normalizer learned about an article's text.
 *
 * @param script             dominant script, ISO 15924 ({@code Arab}, {@code Latn}, ...), {@code Zyyy} when none
 * @param direction          {@code rtl} or {@code ltr}, from the script
 * @param sentences          sentence spans into {@code text}
 * @param wordCount          words in {@code text}
 * @param readingTimeSeconds at 200 words per minute, rounded up
 * @param captions           short lines the source printed repeatedly (image captions), once each, in order; left
 *                           out of the JSON when there are none
 * @param removed            everything removed from the body, with its kind and original span; left out of the JSON
 *                           when nothing was
 * @param paragraphLanguages the paragraphs whose language differs from the article's (an English quote inside an
 *                           Arabic article), each with its language, in order; left out of the JSON when there are
 *                           none. Events written before 2026-12-06 list every paragraph long enough to tell, those in
 *                           the article's language included
 */
public record TextFacts(String script, String direction, List<Span> sentences, int wordCount, int readingTimeSeconds,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> captions,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Removal> removed,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LanguageSpan> paragraphLanguages) {
    public TextFacts {
        paragraphLanguages = paragraphLanguages == null ? List.of() : List.copyOf(paragraphLanguages);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        captions = captions == null ? List.of() : List.copyOf(captions);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
