package io.khabar.messaging;

import io.khabar.events.PipelineEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 */
public final class TransactionalStage implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TransactionalStage.class);

    private final String stage;
    private final String ceType;
    private final String ceSource;
    private final StageMetrics metrics;
    private final ExecutorService workers;
    /** At most {@code concurrency} records in work; a record past its budget gives its place back. */
    private final Semaphore places;
    private final Duration budget;

    /**
     * @param concurrency records transformed at once
     * @param budget      the longest one record may take; past it the record is dead-lettered with the reason and the
     *                    batch goes on (its thread is interrupted; work that ignores interruption runs on, apart)
     */
    public TransactionalStage(MeterRegistry registry, String stage, String ceType, String ceSource, int concurrency,
                              Duration budget) {
        this.stage = stage;
        this.ceType = ceType;
        this.ceSource = ceSource;
        this.metrics = new StageMetrics(registry, stage);
        this.budget = budget;
        this.places = new Semaphore(Math.max(1, concurrency));
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "khabar-" + stage + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** What one input record became: the next record, or its dead-letter record. */
    record Outcome(Message<byte[]> record, Instant receivedAt, boolean deadLettered) {
    }

    /**
     * Transforms the batch and writes its outputs and offsets in one transaction. The returned {@code Uni} never fails:
     * a failed transaction is aborted, logged on one line, and the batch is consumed again.
     */
    public Uni<Void> process(KafkaRecordBatch<String, byte[]> batch, KafkaTransactions<byte[]> transactions,
                             PipelineStage.Work work) {
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        List<Outcome> outcomes = transformAll(new ArrayList<>(records), work);
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

    /**
     * Each record's outcome, in input order: records are transformed {@code concurrency} at a time, each within the
     * budget.
     */
    List<Outcome> transformAll(List<? extends Message<byte[]>> records, PipelineStage.Work work) {
        List<Future<Outcome>> pending = new ArrayList<>(records.size());
        List<Instant> started = new ArrayList<>(records.size());
        List<Runnable> free = new ArrayList<>(records.size());
        for (Message<byte[]> in : records) {
            places.acquireUninterruptibly();
            java.util.concurrent.atomic.AtomicBoolean freed = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable release = () -> {
                if (freed.compareAndSet(false, true)) {
                    places.release();
                }
            };
            free.add(release);
            started.add(Instant.now());
            pending.add(workers.submit(() -> {
                try {
                    return transform(in, work);
                } finally {
                    release.run();
                }
            }));
        }
        List<Outcome> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < pending.size(); i++) {
            Message<byte[]> in = records.get(i);
            Duration left = budget.minus(Duration.between(started.get(i), Instant.now()));
            try {
                outcomes.add(pending.get(i).get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                pending.get(i).cancel(true);
                free.get(i).run(); // the runaway keeps its thread, not its place
                outcomes.add(new Outcome(StageRecords.deadLetterRecord(in, stage, StageRecords.incomingKey(in),
                        new BudgetExceededException(budget)), null, true));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                outcomes.add(new Outcome(StageRecords.deadLetterRecord(in, stage, StageRecords.incomingKey(in), cause),
                        null, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while transforming a batch", e);
            }
        }
        return outcomes;
    }

    /** A record whose work took longer than the stage's budget. */
    public static final class BudgetExceededException extends RuntimeException {
        BudgetExceededException(Duration budget) {
            super("processing took longer than the budget of " + budget.toMillis() + " ms per article");
        }
    }

    private Outcome transform(Message<byte[]> in, PipelineStage.Work work) {
        String key = StageRecords.incomingKey(in);
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
