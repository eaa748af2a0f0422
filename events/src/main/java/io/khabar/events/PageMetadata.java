package io.khabar.events;

import java.time.Instant;
import java.util.List;

/**
 * What a full HTML page said about itself in JSON-LD, OpenGraph and meta tags. Absent (null) for plain text and HTML
 * fragments. Every field may be null except {@code authors}.
 *
 * @param title        headline (JSON-LD {@code headline}, {@code og:title}, {@code <title>})
 * @param authors      bylines (JSON-LD {@code author}, {@code article:author}, {@code author} meta), never null
 * @param publishedAt  JSON-LD {@code datePublished}, {@code article:published_time} and the like
 * @param modifiedAt   JSON-LD {@code dateModified}, {@code article:modified_time}
 * @param canonicalUrl {@code <link rel=canonical>}, {@code og:url}
 * @param image        lead image URL ({@code og:image}, JSON-LD {@code image})
 * @param siteName     {@code og:site_name}, JSON-LD {@code publisher.name}
 * @param description  {@code og:description}, {@code description} meta
 * @param language     {@code <html lang>}, {@code og:locale}, {@code content-language}, as BCP 47
 */
public record PageMetadata(String title, List<String> authors, Instant publishedAt, Instant modifiedAt,
                           String canonicalUrl, String image, String siteName, String description, String language) {
    public PageMetadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
