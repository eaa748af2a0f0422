package io.khabar.infra.kafka;

/** A running Kafka broker that tests or the local run can reach. */
public interface KafkaBroker extends AutoCloseable {
    String bootstrapServers();

    @Override
    void close();
}
