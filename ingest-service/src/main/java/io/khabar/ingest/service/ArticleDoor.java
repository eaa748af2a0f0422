package io.khabar.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.ArticleIds;
import io.khabar.events.ArticleReceived;
import io.khabar.events.EventJson;
import io.khabar.ingest.domain.ArticleParser;
import io.khabar.ingest.domain.ArticleSubmission;
import io.khabar.ingest.domain.InvalidArticleException;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * The front door of ingest: validates a producer's article (native or ninjs), or reads a record of the raw topic, and
 * gives it its stable id. What the HTTP API needs, without the normalizer; {@link ArticleIntake} adds normalization.
 */
public final class ArticleDoor {
    private final ArticleParser parser = new ArticleParser();

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
            return EventJson.mapper().convertValue(node, ArticleReceived.class);
        }
        String key = ArticleIds.isValidProducerId(recordKey) ? recordKey : null;
        return received(submission, now, key);
    }

    private ArticleReceived received(ArticleSubmission s, Instant now, String fallbackId) {
        String producerId = s.producerId() != null ? s.producerId() : fallbackId;
        String id = ArticleIds.derive(producerId, s.source(), s.url(), s.title(), s.body());
        return new ArticleReceived(ArticleReceived.SCHEMA_VERSION, UUID.randomUUID().toString(), id, now, s.source(),
                s.url(), s.title(), s.body(), s.language(), s.publishedAt(), s.authors(), s.format());
    }
}
