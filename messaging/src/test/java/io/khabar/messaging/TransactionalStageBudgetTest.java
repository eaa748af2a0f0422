package io.khabar.messaging;

import io.khabar.events.ArticleReceived;
import io.khabar.events.DeadLetterHeaders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** No input can stall a stage: work past the per-record budget is dead-lettered with the reason; the others go on. */
class TransactionalStageBudgetTest {
    private static ArticleReceived event(String id) {
        return new ArticleReceived(1, "e-" + id, id, Instant.EPOCH, "s", null, "t", "b", null, null, List.of(), null);
    }

    @Test
    @Timeout(20)
    void aRecordPastItsBudgetIsDeadLetteredAndTheRestOfTheBatchIsWritten() {
        try (TransactionalStage stage = new TransactionalStage(new SimpleMeterRegistry(), "test", "t", "urn:test",
                2, Duration.ofMillis(500))) {
            List<Message<byte[]>> batch = new ArrayList<>();
            for (String body : List.of("ok-1", "spin", "ok-2", "fail", "ok-3")) {
                batch.add(Message.of(body.getBytes(StandardCharsets.UTF_8)));
            }
            List<TransactionalStage.Outcome> out = stage.transformAll(batch, (payload, key, now) -> {
                String body = new String(payload, StandardCharsets.UTF_8);
                if (body.equals("spin")) {
                    long x = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        x++; // a runaway: pathological input
                    }
                    throw new IllegalStateException("interrupted after " + x);
                }
                if (body.equals("fail")) {
                    throw new IllegalArgumentException("not an article");
                }
                return event(body);
            });
            assertThat(out).extracting(TransactionalStage.Outcome::deadLettered)
                    .containsExactly(false, true, false, true, false);
            assertThat(reason(out.get(1))).contains("longer than the budget of 500 ms");
            assertThat(reason(out.get(3))).isEqualTo("not an article");
            assertThat(new String(out.get(4).record().getPayload(), StandardCharsets.UTF_8)).contains("\"ok-3\"");
        }
    }

    private static String reason(TransactionalStage.Outcome o) {
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> meta = o.record().getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        var h = meta.getHeaders().lastHeader(DeadLetterHeaders.REASON);
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
