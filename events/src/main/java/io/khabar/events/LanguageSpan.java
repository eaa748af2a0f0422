package io.khabar.events;

/**
 * The language of one stretch of {@code text} (a paragraph), when it can be told.
 *
 * @param start      start offset into {@code text}
 * @param end        end offset (exclusive)
 * @param language   BCP 47 language, {@code und} when undetermined
 * @param confidence 0..1
 */
public record LanguageSpan(int start, int end, String language, double confidence) {
    /**
     * Whether this stretch is told to be in another language than the article's {@code articleLanguage}: the
     * paragraphs {@code facts.paragraphLanguages} lists and enrich-service annotates.
     */
    public boolean differsFrom(String articleLanguage) {
        return !"und".equals(language) && confidence > 0 && !language.equals(articleLanguage);
    }
}
