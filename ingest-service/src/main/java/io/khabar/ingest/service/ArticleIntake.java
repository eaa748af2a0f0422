package io.khabar.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.ArticleIds;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.ArticleReceived;
import io.khabar.events.EventJson;
import io.khabar.ingest.domain.ArticleParser;
import io.khabar.ingest.domain.ArticleSubmission;
import io.khabar.ingest.domain.InvalidArticleException;
import io.khabar.events.Duplicate;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import io.khabar.normalize.dedup.DuplicateIndex;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * From a producer's article to the events of the ingest stage. Plain Java: no framework; the only I/O is the
 * {@link DuplicateIndex} it is given.
 */
public final class ArticleIntake {
    private final ArticleParser parser = new ArticleParser();
    private final ArticleNormalizer normalizer;

    public ArticleIntake() {
        this(new ArticleNormalizer());
    }

    public ArticleIntake(ArticleNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** For the HTTP front door, which validates and assigns ids but does not normalize: no normalizer is built. */
    public static ArticleIntake acceptOnly() {
        return new ArticleIntake(null);
    }

    /** Validates one article document (JSON tree) and gives it its stable id. */
    public ArticleReceived accept(JsonNode article, Instant now) {
        return received(parser.parse(article), now, null);
    }

    /**
     * Reads a record of the raw topic: the {@link ArticleReceived} that the HTTP API wrote, or a native or ninjs
     * article that a producer wrote directly (its id then comes from the payload, else the record key, else is derived).
     *
     * @throws InvalidArticleException when the record is not an acceptable article
     */
    public ArticleReceived readRaw(byte[] record, String recordKey, Instant now) {
        if (record == null || record.length == 0) {
            throw new InvalidArticleException("/", "empty record");
        }
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(record);
        } catch (IOException e) {
            throw new InvalidArticleException("/", "not valid JSON: " + EventJson.firstLine(e.getMessage()));
        }
        ArticleSubmission submission = parser.parse(node);
        if (node.hasNonNull("eventId") && node.hasNonNull("receivedAt") && node.hasNonNull("articleId")) {
            ArticleReceived event = EventJson.mapper().convertValue(node, ArticleReceived.class);
            return event;
        }
        String key = ArticleIds.isValidProducerId(recordKey) ? recordKey : null;
        return received(submission, now, key);
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
        if (normalizer == null) {
            throw new IllegalStateException("this ArticleIntake accepts articles only");
        }
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

    private ArticleReceived received(ArticleSubmission s, Instant now, String fallbackId) {
        String producerId = s.producerId() != null ? s.producerId() : fallbackId;
        String id = ArticleIds.derive(producerId, s.source(), s.url(), s.title(), s.body());
        return new ArticleReceived(ArticleReceived.SCHEMA_VERSION, UUID.randomUUID().toString(), id, now, s.source(),
                s.url(), s.title(), s.body(), s.language(), s.publishedAt(), s.authors(), s.format());
    }

}
