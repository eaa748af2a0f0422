package io.khabar.events;

/**
 * Something the normalizer removed from the body, so nothing vanishes silently.
 *
 * @param kind  {@code title-repeat}, {@code caption} (moved to {@link TextFacts#captions()}), {@code repeated-line},
 *              {@code page-number}, {@code read-more}, {@code social}, {@code dateline} (a line that is only a date;
 *              it becomes {@code publishedAt} when nothing better is known), {@code html-too-complex} (a page nested
 *              too deep or too large for main-content extraction: its whole text was kept; span 0-0, {@code text}
 *              says why)
 * @param start start offset in the original body (plain text), or in the text extracted from HTML
 * @param end   end offset (exclusive) in the same string
 * @param text  what was removed, cleaned
 */
public record Removal(String kind, int start, int end, String text) {
}
