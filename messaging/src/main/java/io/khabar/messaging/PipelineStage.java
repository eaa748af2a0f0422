package io.khabar.messaging;

import io.khabar.events.EventJson;
import io.khabar.events.PipelineEvent;
import io.khabar.events.RecordLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;

/**
 * One record through a stage that turns each input record into one output event: the output is forwarded (keyed,
 * with CloudEvents headers, acknowledging the input once written); a record the work rejects is dead-lettered and
 * nothing is emitted; outcomes are counted. In pass-through mode (benchmark baseline) records are forwarded unread.
 */
public final class PipelineStage {
    /** The stage's own work on one record. Throwing means: dead-letter this record. */
    @FunctionalInterface
    public interface Work {
        PipelineEvent apply(byte[] payload, String key, Instant now);
    }

    private final String stage;
    private final String ceType;
    private final String ceSource;
    private final boolean passThrough;
    private final StageMetrics metrics;

    public PipelineStage(MeterRegistry registry, String stage, String ceType, String ceSource, boolean passThrough) {
        this.stage = stage;
        this.ceType = ceType;
        this.ceSource = ceSource;
        this.passThrough = passThrough;
        this.metrics = new StageMetrics(registry, stage);
    }

    public Multi<Message<byte[]>> process(Message<byte[]> in, Work work) {
        Outcome o = run(in, work);
        if (o.forward() != null) {
            return Multi.createFrom().item(o.forward());
        }
        return Multi.createFrom().emitter(em -> o.deadLettered().whenComplete((ok, failure) -> em.complete()));
    }

    /**
     * The same for a {@code @Blocking} stage that returns one message: the forwarded message, or null when the record
     * was dead-lettered (after the dead-letter record is written; nothing is emitted for it).
     */
    public Message<byte[]> processOne(Message<byte[]> in, Work work) {
        Outcome o = run(in, work);
        if (o.forward() == null) {
            o.deadLettered().toCompletableFuture().exceptionally(x -> null).join();
        }
        return o.forward();
    }

    /** Either the message to forward or the pending dead-letter write. */
    private record Outcome(Message<byte[]> forward, java.util.concurrent.CompletionStage<Void> deadLettered) {
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

    private Outcome run(Message<byte[]> in, Work work) {
        String key = StageRecords.incomingKey(in);
        if (passThrough) {
            return new Outcome(StageRecords.passThrough(in, key), null);
        }
        try {
            Instant now = Instant.now();
            PipelineEvent out = work.apply(in.getPayload(), key, now);
            byte[] bytes = fit(out);
            Instant receivedAt = out.receivedAt();
            // counted when the broker has the output, not before: a failed send is not "processed"
            Message<byte[]> counted = in.withAck(() -> {
                metrics.processed(receivedAt);
                return in.ack();
            });
            return new Outcome(StageRecords.forward(counted, out.articleId(), bytes, out.eventId(), ceType,
                    ceSource, now), null);
        } catch (RuntimeException e) {
            metrics.deadLettered();
            return new Outcome(null, StageRecords.deadLetter(in, stage, key, e));
        }
    }
}
