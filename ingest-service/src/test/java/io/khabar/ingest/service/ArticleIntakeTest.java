package io.khabar.ingest.service;

import io.khabar.events.ArticleNormalized;
import io.khabar.events.ArticleReceived;
import io.khabar.events.Duplicate;
import io.khabar.events.EventJson;
import io.khabar.normalize.dedup.InMemoryDuplicateIndex;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleIntakeTest {
    private final ArticleIntake intake = new ArticleIntake();

    private ArticleReceived received(String body) {
        return intake.accept(EventJson.mapper().valueToTree(Map.of("source", "wire", "title", "Title", "body", body)),
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void whenTheDuplicateStoreFailsTheArticleGoesOnMarkedUncheckedAndTheFailureIsReported() {
        List<String> reported = new ArrayList<>();
        ArticleNormalized n = intake.normalize(received("A body long enough to be an article about the council vote."),
                Instant.now(), (id, fp) -> {
                    throw new IllegalStateException("connection refused");
                }, (id, e) -> reported.add(id + ": " + e.getMessage()));
        assertThat(n.duplicate()).isEqualTo(new Duplicate(Duplicate.UNCHECKED, null, 0));
        assertThat(reported).containsExactly(n.articleId() + ": connection refused");
        assertThat(n.text()).isEqualTo("A body long enough to be an article about the council vote.");
    }

    @Test
    void theDuplicateIndexSeesTheArticleIdAndItsFingerprint() {
        var index = new InMemoryDuplicateIndex();
        ArticleReceived first = received("The council voted on the budget on Friday after a long debate in the city hall.");
        ArticleReceived again = intake.accept(EventJson.mapper().valueToTree(Map.of("source", "other-wire", "title",
                "Title", "body", first.body())), Instant.now());
        assertThat(intake.normalize(first, Instant.now(), index, (id, e) -> { }).duplicate().status())
                .isEqualTo(Duplicate.UNIQUE);
        assertThat(intake.normalize(again, Instant.now(), index, (id, e) -> { }).duplicate())
                .isEqualTo(new Duplicate(Duplicate.EXACT, first.articleId(), 1.0));
    }

    @Test
    void theDoorAndTheIntakeGiveTheSameIdsAndAnIntakeNeedsItsNormalizer() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        var article = EventJson.mapper().valueToTree(Map.of("source", "s", "url", "https://example.com/a", "body", "b"));
        ArticleReceived atTheDoor = new ArticleDoor().accept((com.fasterxml.jackson.databind.JsonNode) article, now);
        ArticleReceived inTheIntake = intake.accept((com.fasterxml.jackson.databind.JsonNode) article, now);
        assertThat(atTheDoor.articleId()).isEqualTo(inTheIntake.articleId());
        assertThatThrownBy(() -> new ArticleIntake(null)).isInstanceOf(NullPointerException.class);
    }
}
