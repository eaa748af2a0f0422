package io.khabar.messaging;

import io.khabar.events.EventJson;
import io.khabar.events.PipelineEvent;
import io.khabar.events.RecordLimits;

import java.time.Instant;

/**
 * What every transforming stage shares: its work on one record ({@link Work}) and the size rule for what it writes
 * ({@link #fit}). The stages themselves run in {@link TransactionalStage}.
 */
public final class PipelineStage {
    /** The stage's own work on one record. Throwing means: dead-letter this record. */
    @FunctionalInterface
    public interface Work {
        PipelineEvent apply(byte[] payload, String key, Instant now);
    }

    private PipelineStage() {
    }

    /**
     * The event's bytes, at most {@link RecordLimits#EVENT_BYTES}: an event over it goes without its matching layer
     * (later stages compute it); one still over it is refused, so its input is dead-lettered with the reason.
     */
    static byte[] fit(PipelineEvent out) {
        byte[] bytes = EventJson.toBytes(out);
        if (bytes.length <= RecordLimits.EVENT_BYTES) {
            return bytes;
        }
        PipelineEvent smaller = out.withoutMatching();
        byte[] without = smaller == out ? bytes : EventJson.toBytes(smaller);
        if (without.length <= RecordLimits.EVENT_BYTES) {
            return without;
        }
        throw new EventTooLargeException(out.articleId(), bytes.length, without.length);
    }

    /** An output event that no topic would take. */
    public static final class EventTooLargeException extends RuntimeException {
        EventTooLargeException(String articleId, int bytes, int withoutMatching) {
            super("the output event of article " + articleId + " is " + bytes + " bytes (" + withoutMatching
                    + " without its matching layer), over the record limit of " + RecordLimits.EVENT_BYTES + " bytes");
        }
    }
}
