package io.khabar.infra;

import io.khabar.infra.kafka.KafkaBroker;
import io.khabar.infra.postgres.Database;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers variants, for machines with a Docker engine ({@code -Dkhabar.test.infra=testcontainers}). */
final class Containers {
    /** Same Kafka version as the kafka-clients the Quarkus BOM brings. */
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:15-alpine";

    private Containers() {
    }

    static KafkaBroker kafka() {
        requireDocker();
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        return new KafkaBroker() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }

    static Database postgres() {
        requireDocker();
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "khabar-test-pg-container-stop"));
        return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "PostgreSQL container " + POSTGRES_IMAGE);
    }

    private static void requireDocker() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("-D" + InfraMode.PROPERTY + "=testcontainers needs a Docker engine, and none"
                    + " answers on this machine. Run without it to use the embedded Kafka broker and the local or"
                    + " embedded PostgreSQL.");
        }
    }
}
