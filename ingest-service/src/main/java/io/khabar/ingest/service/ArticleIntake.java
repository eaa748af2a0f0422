package io.khabar.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.ArticleIds;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.ArticleReceived;
import io.khabar.events.EventJson;
import io.khabar.ingest.domain.ArticleParser;
import io.khabar.ingest.domain.ArticleSubmission;
import io.khabar.ingest.domain.InvalidArticleException;
import io.khabar.ingest.domain.NormalizedText;
import io.khabar.ingest.domain.PublishedAtParser;
import io.khabar.ingest.domain.TextNormalizer;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** From a producer's article to the events of the ingest stage. Plain Java: no framework, no I/O. */
public final class ArticleIntake {
    private final ArticleParser parser = new ArticleParser();
    private final TextNormalizer normalizer = new TextNormalizer();
    private final PublishedAtParser dates = new PublishedAtParser();

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

    /** The ingest stage's own work: clean text and title, parsed publication time, content hash and revision. */
    public ArticleNormalized normalize(ArticleReceived in, Instant now) {
        NormalizedText clean = normalizer.normalize(in.title(), in.body());
        String hash = ArticleIds.sha256Hex(in.source() + "\n" + clean.title() + "\n" + clean.text());
        Instant received = in.receivedAt() == null ? now : in.receivedAt();
        long revision = ChronoUnit.MICROS.between(Instant.EPOCH, received);
        return new ArticleNormalized(ArticleNormalized.SCHEMA_VERSION, UUID.randomUUID().toString(), in.articleId(),
                revision, hash, received, now, in.source(), ArticleIds.canonicalUrl(in.url()).orElse(null),
                clean.title(), clean.text(), in.language(), dates.parse(in.publishedAt()).orElse(null), in.authors(),
                clean.paragraphs(), clean.facts());
    }

    private ArticleReceived received(ArticleSubmission s, Instant now, String fallbackId) {
        String producerId = s.producerId() != null ? s.producerId() : fallbackId;
        String id = ArticleIds.derive(producerId, s.source(), s.url(), s.title(), s.body());
        return new ArticleReceived(ArticleReceived.SCHEMA_VERSION, UUID.randomUUID().toString(), id, now, s.source(),
                s.url(), s.title(), s.body(), s.language(), s.publishedAt(), s.authors(), s.format());
    }

}
