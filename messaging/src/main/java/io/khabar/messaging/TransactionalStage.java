package io.khabar.messaging;

import io.khabar.events.PipelineEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stage that consumes, transforms and produces in Kafka transactions (exactly once downstream): a poll's records
 * (batch mode) are transformed, {@code concurrency} at a time, and their outputs (the next event, or the input on the
 * dead-letter topic with its reason) are written in one transaction together with the batch's consumer offsets. A
 * {@code read_committed} consumer of the output topic sees each input's output once, also when this process is killed
 * mid-batch: an aborted or unfinished transaction is never visible, and the batch is consumed again from the last
 * committed offsets. Output order follows input order within the batch.
 * <p>
 * The incoming channel needs {@code batch=true}, {@code commit-strategy=ignore} and {@code failure-strategy=ignore}
 * (a failed transaction rewinds the consumer to its committed offsets); the outgoing one a {@code transactional.id}.
 * In pass-through mode (benchmark baseline) records are forwarded unread, through the same transactions.
 */
public final class TransactionalStage implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TransactionalStage.class);

    private final String stage;
    private final String ceType;
    private final String ceSource;
    private final boolean passThrough;
    private final StageMetrics metrics;
    private final ExecutorService workers;

    public TransactionalStage(MeterRegistry registry, String stage, String ceType, String ceSource, boolean passThrough,
                              int concurrency) {
        this.stage = stage;
        this.ceType = ceType;
        this.ceSource = ceSource;
        this.passThrough = passThrough;
        this.metrics = new StageMetrics(registry, stage);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "khabar-" + stage + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** What one input record became: the next record, or its dead-letter record. */
    private record Outcome(Message<byte[]> record, Instant receivedAt, boolean deadLettered) {
    }

    /**
     * Transforms the batch and writes its outputs and offsets in one transaction. The returned {@code Uni} never fails:
     * a failed transaction is aborted, logged on one line, and the batch is consumed again.
     */
    public Uni<Void> process(KafkaRecordBatch<String, byte[]> batch, KafkaTransactions<byte[]> transactions,
                             PipelineStage.Work work) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        List<CompletableFuture<Outcome>> pending = new ArrayList<>(records.size());
        for (KafkaRecord<String, byte[]> in : records) {
            pending.add(CompletableFuture.supplyAsync(() -> transform(in, work), workers));
        }
        List<Outcome> outcomes = new ArrayList<>(records.size());
        for (CompletableFuture<Outcome> p : pending) {
            outcomes.add(p.join());
        }
        return transactions.withTransactionAndAck(batch, emitter -> {
                    for (Outcome o : outcomes) {
                        emitter.send(o.record());
                    }
                    return Uni.createFrom().voidItem();
                })
                .onItem().invoke(() -> {
                    for (Outcome o : outcomes) {
                        if (o.deadLettered()) {
                            metrics.deadLettered();
                        } else {
                            metrics.processed(o.receivedAt());
                        }
                    }
                })
                .onFailure().recoverWithItem(failure -> {
                    metrics.failed();
                    KafkaRecord<String, byte[]> first = records.isEmpty() ? null : records.get(0);
                    LOG.warnf("stage=%s transaction of %d records aborted (first %s), consuming them again from the"
                                    + " committed offsets: %s", stage, records.size(),
                            first == null ? "-" : first.getTopic() + "/" + first.getPartition() + " key " + first.getKey(),
                            StageRecords.reason(failure));
                    return null;
                });
    }

    private Outcome transform(KafkaRecord<String, byte[]> in, PipelineStage.Work work) {
        if (passThrough) {
            return new Outcome(StageRecords.passThroughRecord(in), null, false);
        }
        String key = in.getKey();
        try {
            Instant now = Instant.now();
            PipelineEvent out = work.apply(in.getPayload(), key, now);
            byte[] bytes = PipelineStage.fit(out);
            return new Outcome(StageRecords.record(out.articleId(), bytes, out.eventId(), ceType, ceSource, now),
                    out.receivedAt(), false);
        } catch (RuntimeException e) {
            return new Outcome(StageRecords.deadLetterRecord(in, stage, key, e), null, true);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
