package io.khabar.bench;

import io.khabar.bench.cli.Tools;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The benchmark's pass-through baseline, one process per stage in place of a service: it consumes the stage's input
 * topic as the service does (its consumer group, {@code read_committed}, the same poll size) and, for ingest and
 * enrich, forwards every record unread (same key, same bytes) to the next topic in one Kafka transaction per poll
 * with the consumed offsets, as their transactional stages do; for store it commits the offsets. No JSON, no
 * framework, no database: the cost of the hops. Started by {@code ./khabar bench}; stops on SIGTERM.
 */
@Command(name = "pass-through", mixinStandardHelpOptions = true,
        description = "Forwards a stage's input to its output unread, as the benchmark's baseline.")
public final class PassThroughForwarder implements Callable<Integer> {
    @Option(names = "--bootstrap", required = true, description = "the broker")
    String bootstrap;

    @Option(names = "--group", required = true, description = "the stage's consumer group")
    String group;

    @Option(names = "--from", required = true, description = "the input topic")
    String from;

    @Option(names = "--to", description = "the output topic (none: only commit offsets, as store does)")
    String to;

    @Option(names = "--max-poll", defaultValue = "200", description = "records a poll (default: ${DEFAULT-VALUE})")
    int maxPoll;

    private volatile boolean running = true;

    public static void main(String[] args) {
        Tools.run(new PassThroughForwarder(), args);
    }

    @Override
    public Integer call() {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll);
        // as the services' consumers (khabar-messaging's microprofile-config.properties): a fetch waits for 64 KB
        // or 40 ms
        c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 40);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer = null;
        if (to != null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, io.khabar.events.RecordLimits.DEAD_LETTER_MAX_MESSAGE_BYTES);
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-pass-through");
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
            producer.initTransactions();
        }
        // SIGTERM: leave the loop and close the clients, then let the JVM go (the main thread itself will block in
        // System.exit while this hook runs, so the hook waits for the clients, not for that thread).
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running = false;
            consumer.wakeup();
            try {
                closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pass-through-stop"));
        try {
            consumer.subscribe(List.of(from));
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                if (producer != null) {
                    producer.beginTransaction();
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (producer != null) {
                        producer.send(new ProducerRecord<>(to, r.key(), r.value()));
                    }
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
                if (producer != null) {
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                } else {
                    consumer.commitSync(offsets);
                }
            }
        } catch (WakeupException stopping) {
            // SIGTERM: leave the loop
        } finally {
            consumer.close();
            if (producer != null) {
                producer.close();
            }
            closed.countDown();
        }
        return 0;
    }
}
