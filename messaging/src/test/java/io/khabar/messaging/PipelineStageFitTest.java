package io.khabar.messaging;

import io.khabar.events.ArticleNormalized;
import io.khabar.events.EventJson;
import io.khabar.events.MatchingText;
import io.khabar.events.RecordLimits;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stage never writes an event over {@link RecordLimits#EVENT_BYTES}: it sheds the matching layer, else refuses. */
class PipelineStageFitTest {
    private static ArticleNormalized event(String text, MatchingText matching) {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        return new ArticleNormalized(1, "e", "a-1", 1, "h", at, at, "src", null, "t", text, "en", 1.0, null,
                List.of(), List.of(), null, null, matching, null);
    }

    @Test
    void anEventUnderTheLimitIsWrittenWhole() {
        ArticleNormalized small = event("short text", new MatchingText("short text", null, new int[]{0, 5, 6, 10}));
        assertThat(PipelineStage.fit(small)).isEqualTo(EventJson.toBytes(small));
    }

    @Test
    void anEventOverTheLimitGoesWithoutItsMatchingLayer() {
        String text = "word ".repeat(RecordLimits.EVENT_BYTES / 10);        // half the limit
        ArticleNormalized big = event(text, new MatchingText(text, text, new int[0])); // 1.5 times the limit
        byte[] bytes = PipelineStage.fit(big);
        assertThat(bytes.length).isLessThanOrEqualTo(RecordLimits.EVENT_BYTES);
        ArticleNormalized written = EventJson.read(bytes, ArticleNormalized.class);
        assertThat(written.matching()).isNull();
        assertThat(written.text()).isEqualTo(text);
    }

    @Test
    void anEventOverTheLimitEvenWithoutItsMatchingLayerIsRefusedWithTheReason() {
        String text = "x".repeat(RecordLimits.EVENT_BYTES + 1);
        assertThatThrownBy(() -> PipelineStage.fit(event(text, null)))
                .isInstanceOf(PipelineStage.EventTooLargeException.class)
                .hasMessageContaining("a-1").hasMessageContaining("over the record limit of " + RecordLimits.EVENT_BYTES);
    }
}
