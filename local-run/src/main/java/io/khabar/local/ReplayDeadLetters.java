package io.khabar.local;

import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.RecordLimits;
import io.khabar.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code ./khabar replay-dead-letters}: once the cause of failures is fixed, re-publishes dead-lettered records,
 * unchanged (same key, same payload), to the topic they came from, so their stage handles them again. Which records:
 * those of one stage ({@code --stage}) and failed since a time ({@code --since}); {@code --dry-run} lists them. Each
 * replayed record carries {@code khabar-replayed-from} (dead-letter partition and offset). Replays are harmless
 * downstream: a replayed article keeps its revision, and store never lets a version go backwards.
 */
public final class ReplayDeadLetters {
    /** Header on a replayed record: {@code <partition>@<offset>} of its dead-letter record. */
    public static final String REPLAYED_FROM = "khabar-replayed-from";
    /** The topics a dead letter may be sent back to. */
    static final Set<String> ORIGINS = Set.of(Topics.RAW, Topics.NORMALIZED, Topics.ENRICHED);

    /** What to replay. */
    public record Options(String bootstrap, String stage, Instant since, boolean dryRun) {
    }

    /** Per original topic, how many were replayed (or would be, in a dry run), and how many were skipped. */
    public record Result(Map<String, Integer> replayed, int skipped) {
    }

    /** The options of {@code ./khabar replay-dead-letters ARGS} ({@link Khabar.Replay}), checked. */
    static Options parse(String[] args) {
        Khabar.Replay command = new Khabar.Replay();
        try {
            new picocli.CommandLine(command).parseArgs(args);
        } catch (picocli.CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return command.options();
    }

    /** Replays (or lists) the matching dead letters present now; records arriving meanwhile are left for a later run. */
    public static Result run(Options o, Consumer<String> out) {
        Map<String, Integer> replayed = new LinkedHashMap<>();
        int skipped = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, o.bootstrap(),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.DEAD_LETTER_MAX_MESSAGE_BYTES),
                     new StringSerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(Topics.DEAD_LETTER, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            if (o.since() != null) {
                // records are appended when they fail, so their timestamps follow failure time closely: start there
                Map<TopicPartition, Long> at = new HashMap<>();
                partitions.forEach(p -> at.put(p, o.since().minusSeconds(60).toEpochMilli()));
                for (Map.Entry<TopicPartition, OffsetAndTimestamp> e : consumer.offsetsForTimes(at).entrySet()) {
                    if (e.getValue() != null) {
                        consumer.seek(e.getKey(), e.getValue().offset());
                    } else {
                        consumer.seekToEnd(List.of(e.getKey()));
                    }
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Future<?>> sent = new ArrayList<>();
            int idle = 0;
            while (idle < 10 && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    String origin = header(r, DeadLetterHeaders.ORIGINAL_TOPIC);
                    String stage = header(r, DeadLetterHeaders.STAGE);
                    String failedAt = header(r, DeadLetterHeaders.FAILED_AT);
                    boolean stageMatches = o.stage() == null || o.stage().equals(stage);
                    boolean timeMatches = o.since() == null || (failedAt != null && !Instant.parse(failedAt).isBefore(o.since()));
                    if (!stageMatches || !timeMatches) {
                        continue;
                    }
                    if (origin == null || !ORIGINS.contains(origin)) {
                        skipped++;
                        out.accept("skipped " + r.partition() + "@" + r.offset() + ": no original Khabar topic ("
                                + origin + ")");
                        continue;
                    }
                    out.accept((o.dryRun() ? "would replay " : "replaying ") + r.partition() + "@" + r.offset()
                            + " key=" + r.key() + " stage=" + stage + " to " + origin + " (reason: "
                            + header(r, DeadLetterHeaders.REASON) + ")");
                    replayed.merge(origin, 1, Integer::sum);
                    if (!o.dryRun()) {
                        ProducerRecord<String, byte[]> again = new ProducerRecord<>(origin, r.key(), r.value());
                        for (Header h : r.headers()) {
                            if (h.key().startsWith("ce_")) {
                                again.headers().add(h); // the record's own CloudEvents headers, not the failure's
                            }
                        }
                        again.headers().add(new RecordHeader(REPLAYED_FROM,
                                (r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8)));
                        sent.add(producer.send(again));
                    }
                }
            }
            producer.flush();
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a replayed record was refused: " + e.getCause().getMessage(), e);
        }
        return new Result(replayed, skipped);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
