package io.khabar.normalize.html;

import io.khabar.events.PageMetadata;

/**
 * The main content of a full HTML page and what the page said about itself.
 *
 * @param title    the page's headline (metadata first, else Readability's title), may be null
 * @param content  the main content as an HTML fragment (never rendered: it goes on to the text normalizer)
 * @param metadata JSON-LD, OpenGraph and meta-tag metadata
 * @param method   how the content was found: {@code readability}, {@code json-ld} (the publisher's articleBody,
 *                 when Readability kept much less of it) or {@code body} (Readability found nothing, or the page
 *                 was too complex to try)
 * @param degraded why main-content extraction was skipped (a page nested too deep or too large), else null
 */
public record ExtractedPage(String title, String content, PageMetadata metadata, String method, String degraded) {
}
