package io.khabar.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.ArticleIds;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.ArticleReceived;
import io.khabar.events.Duplicate;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import io.khabar.normalize.dedup.DuplicateIndex;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * From a producer's article to the events of the ingest stage: {@link ArticleDoor}'s validation and ids, then
 * normalization. Plain Java: no framework; the only I/O is the {@link DuplicateIndex} it is given.
 */
public final class ArticleIntake {
    private final ArticleDoor door = new ArticleDoor();
    private final ArticleNormalizer normalizer;

    public ArticleIntake() {
        this(new ArticleNormalizer());
    }

    public ArticleIntake(ArticleNormalizer normalizer) {
        this.normalizer = java.util.Objects.requireNonNull(normalizer, "normalizer");
    }

    /** {@link ArticleDoor#accept}. */
    public ArticleReceived accept(JsonNode article, Instant now) {
        return door.accept(article, now);
    }

    /** {@link ArticleDoor#readRaw}. */
    public ArticleReceived readRaw(byte[] record, String recordKey, Instant now) {
        return door.readRaw(record, recordKey, now);
    }

    /**
     * The ingest stage's own work: clean text and title (main content of full pages), page metadata, languages,
     * matching layer, parsed publication time, duplicate check, content hash and revision.
     *
     * @param duplicates where earlier articles are remembered; when it fails the article goes on, marked
     *                   {@code unchecked}, and {@code onDedupFailure} hears why
     */
    public ArticleNormalized normalize(ArticleReceived in, Instant now, DuplicateIndex duplicates,
                                       java.util.function.BiConsumer<String, RuntimeException> onDedupFailure) {
        NormalizedArticle n = normalizer.normalize(new ArticleNormalizer.Input(in.title(), in.body(), in.url(),
                in.language(), in.publishedAt(), in.authors()));
        Duplicate duplicate;
        if (duplicates == null) {
            duplicate = new Duplicate(Duplicate.UNCHECKED, null, 0);
        } else {
            try {
                duplicate = duplicates.check(in.articleId(), n.fingerprint());
            } catch (RuntimeException e) {
                onDedupFailure.accept(in.articleId(), e);
                duplicate = new Duplicate(Duplicate.UNCHECKED, null, 0);
            }
        }
        String hash = ArticleIds.sha256Hex(in.source() + "\n" + n.title() + "\n" + n.text());
        Instant received = in.receivedAt() == null ? now : in.receivedAt();
        long revision = ChronoUnit.MICROS.between(Instant.EPOCH, received);
        return new ArticleNormalized(ArticleNormalized.SCHEMA_VERSION, UUID.randomUUID().toString(), in.articleId(),
                revision, hash, received, now, in.source(), ArticleIds.canonicalUrl(n.url()).orElse(null),
                n.title(), n.text(), n.language(), n.languageConfidence(), n.publishedAt(), n.authors(),
                n.paragraphs(), n.facts(), n.metadata(), null, duplicate); // schema 2: no matching layer on the wire
    }

}
