package io.khabar.events;

import java.time.Instant;

/** What every event of the pipeline carries: its own id, the article id (the Kafka key) and the acceptance time. */
public interface PipelineEvent {
    String eventId();

    String articleId();

    Instant receivedAt();
}
