package io.khabar.normalize;

import io.khabar.events.Duplicate;
import io.khabar.events.MatchingText;
import io.khabar.events.PageMetadata;
import io.khabar.events.Span;
import io.khabar.events.TextFacts;
import io.khabar.normalize.dedup.Fingerprint;

import java.time.Instant;
import java.util.List;

/**
 * A normalized article: what {@link ArticleNormalizer} made of a producer's title and body.
 *
 * @param title              clean title: the producer's, else the page's headline, else the first line of a text body
 * @param text               clean body text (NFC, paragraphs separated by a blank line)
 * @param paragraphs         paragraph spans into {@code text}
 * @param facts              script, direction, sentences, paragraph languages, word count, reading time, captions and
 *                           removed noise
 * @param language           detected language of title and text (BCP 47), or the producer's hint, or {@code und}
 * @param languageConfidence 0..1
 * @param publishedAt        the producer's publication time, else the page's; null when neither parses
 * @param authors            the producer's bylines, else the page's
 * @param url                the producer's URL, else the page's canonical URL; may be null
 * @param metadata           page metadata for full HTML pages, else null
 * @param extraction         {@code text}, {@code html-fragment}, or the {@link io.khabar.normalize.html.ExtractedPage}
 *                           method for full pages ({@code readability}, {@code json-ld}, {@code body})
 * @param matching           the matching layer of {@code text}
 * @param fingerprint        for duplicate detection
 * @param duplicate          set by {@link ArticleNormalizer#markDuplicate}, else null
 */
public record NormalizedArticle(String title, String text, List<Span> paragraphs, TextFacts facts, String language,
                                double languageConfidence, Instant publishedAt, List<String> authors, String url,
                                PageMetadata metadata, String extraction, MatchingText matching,
                                Fingerprint fingerprint, Duplicate duplicate) {
    public NormalizedArticle withDuplicate(Duplicate d) {
        return new NormalizedArticle(title, text, paragraphs, facts, language, languageConfidence, publishedAt, authors,
                url, metadata, extraction, matching, fingerprint, d);
    }
}
