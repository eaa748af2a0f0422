package io.khabar.infra.quarkus;

import io.khabar.infra.TestInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** {@code @QuarkusTestResource(KafkaResource.class)}: points the service at the test broker (see {@link TestInfra}). */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestInfra.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // The broker is shared by every test class of the JVM and stops at JVM exit.
    }
}
