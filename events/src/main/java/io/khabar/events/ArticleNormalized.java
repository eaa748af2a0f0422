package io.khabar.events;

import java.time.Instant;
import java.util.List;

/**
 * ingest-service cleaned an article: {@code text} is the body as clean Unicode (NFC) text with paragraphs separated
 * by a blank line. Every later offset is an index into this {@code text}.
 *
 * @param schemaVersion the schema version: {@link #SCHEMA_VERSION} as this code writes it
 * @param eventId       unique id of this event (UUID)
 * @param articleId     stable article id, also the Kafka key
 * @param revision      orders versions of one article: later revisions replace earlier ones (epoch micros of
 *                      {@code receivedAt})
 * @param contentHash   SHA-256 (hex) of source, title and text: equal hashes mean the same content
 * @param receivedAt    when ingest-service accepted the article
 * @param normalizedAt  when this event was produced
 * @param source        producing newsroom or feed
 * @param url           canonical URL, may be null
 * @param title         clean title
 * @param text          clean body text
 * @param language      detected language of title and text (BCP 47); the producer's hint when the text is too
 *                      short to tell; {@code und} when neither
 * @param languageConfidence 0..1 (1 when the producer's hint was taken)
 * @param publishedAt   publication time, null when absent or unparseable
 * @param authors       bylines, never null
 * @param paragraphs    paragraph spans into {@code text}
 * @param facts         script, direction, sentences, word count, paragraph languages, captions and removed noise;
 *                      may be absent in events from older producers
 * @param metadata      what a full HTML page said about itself (JSON-LD, OpenGraph, meta); null for text
 * @param matching      version 1 only: the matching layer (normalized word forms with offsets); absent from version
 *                      2 events, whose consumers compute it from {@code text} when they need it
 * @param duplicate     whether this story was seen before under another id
 */
public record ArticleNormalized(int schemaVersion, String eventId, String articleId, long revision,
                                String contentHash, Instant receivedAt, Instant normalizedAt, String source,
                                String url, String title, String text, String language, double languageConfidence,
                                Instant publishedAt, List<String> authors, List<Span> paragraphs, TextFacts facts,
                                PageMetadata metadata, MatchingText matching, Duplicate duplicate) implements PipelineEvent {
    /** 2: without the matching layer. Version 1 records (with it) are read by the same record. */
    public static final int SCHEMA_VERSION = 2;

    public ArticleNormalized {
        authors = authors == null ? List.of() : List.copyOf(authors);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /** This event without its matching layer, which later stages compute from the text when it is absent. */
    @Override
    public ArticleNormalized withoutMatching() {
        return new ArticleNormalized(schemaVersion, eventId, articleId, revision, contentHash, receivedAt,
                normalizedAt, source, url, title, text, language, languageConfidence, publishedAt, authors, paragraphs,
                facts, metadata, null, duplicate);
    }
}
