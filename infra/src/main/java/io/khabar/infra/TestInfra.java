package io.khabar.infra;

import io.khabar.infra.kafka.InJvmKafkaBroker;
import io.khabar.infra.kafka.KafkaBroker;
import io.khabar.infra.kafka.KhabarTopics;
import io.khabar.infra.postgres.Database;
import io.khabar.infra.postgres.PostgresLocator;

import java.util.UUID;

/**
 * The one place where tests get their broker and database: started lazily, once per JVM, shared by every test class,
 * stopped at JVM exit. See {@link InfraMode} for the choices.
 */
public final class TestInfra {
    private static KafkaBroker kafka;
    private static Database database;
    private static io.khabar.infra.kafka.TopicProbe probe;

    private TestInfra() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = switch (InfraMode.current()) {
                case EMBEDDED -> InJvmKafkaBroker.start();
                case TESTCONTAINERS -> Containers.kafka();
            };
            KhabarTopics.create(kafka.bootstrapServers(), (short) 1);
            KafkaBroker started = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "khabar-test-kafka-stop"));
        }
        return kafka.bootstrapServers();
    }

    /** A plain Kafka client on the test broker, shared by the tests of this JVM and closed at exit. */
    public static synchronized io.khabar.infra.kafka.TopicProbe topics() {
        if (probe == null) {
            probe = new io.khabar.infra.kafka.TopicProbe(kafkaBootstrapServers());
            io.khabar.infra.kafka.TopicProbe opened = probe;
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "khabar-test-probe-close"));
        }
        return probe;
    }

    /** A fresh database for this test JVM, dropped at exit. */
    public static synchronized Database database() {
        if (database == null) {
            database = switch (InfraMode.current()) {
                case EMBEDDED -> {
                    PostgresLocator pg = PostgresLocator.start(null);
                    String name = "khabar_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                    Database db = pg.database(name);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        pg.drop(name);
                        pg.close();
                    }, "khabar-test-pg-stop"));
                    yield db;
                }
                case TESTCONTAINERS -> Containers.postgres();
            };
        }
        return database;
    }
}
