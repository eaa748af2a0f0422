package io.khabar.events;

import java.time.Instant;

/** What every event of the pipeline carries: its own id, the article id (the Kafka key) and the acceptance time. */
public interface PipelineEvent {
    String eventId();

    String articleId();

    Instant receivedAt();

    /**
     * The same event without what a later stage can compute itself (the matching layer), for an event over
     * {@link RecordLimits#EVENT_BYTES}; an event with nothing to leave out returns itself.
     */
    default PipelineEvent withoutMatching() {
        return this;
    }
}
