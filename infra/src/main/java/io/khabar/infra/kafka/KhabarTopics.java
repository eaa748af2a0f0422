package io.khabar.infra.kafka;

import io.khabar.events.RecordLimits;
import io.khabar.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Declares Khabar's topics on a broker (they are never auto-created), each taking records of up to
 * {@link RecordLimits#maxMessageBytes}. Idempotent.
 */
public final class KhabarTopics {
    public static final int PARTITIONS = 3;

    private KhabarTopics() {
    }

    public static void create(String bootstrapServers, short replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : Topics.ALL) {
                topics.add(new NewTopic(name, PARTITIONS, replicationFactor)
                        .configs(Map.of("min.insync.replicas", "1", "compression.type", "producer",
                                "max.message.bytes", Integer.toString(RecordLimits.maxMessageBytes(name)))));
            }
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("broker at " + bootstrapServers + " did not create topics within 30 s", e);
        }
    }
}
