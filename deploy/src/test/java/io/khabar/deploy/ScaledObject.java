package io.khabar.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of KEDA's {@code ScaledObject} (keda.sh/v1alpha1) that Khabar uses, as a strict model: parsing fails on
 * any other field. KEDA publishes no Java model.
 */
record ScaledObject(String apiVersion, String kind, Metadata metadata, Spec spec) {
    /** Settings of KEDA's Kafka scaler. */
    static final Set<String> KAFKA_SCALER_KEYS = Set.of("bootstrapServers", "consumerGroup", "topic", "lagThreshold",
            "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers", "scaleToZeroOnInvalidOffset",
            "excludePersistentLag", "limitToPartitionsWithLag", "partitionLimitation", "version", "sasl", "tls");

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record Spec(Target scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount, Integer pollingInterval,
                Integer cooldownPeriod, List<Trigger> triggers) {
    }

    record Target(String name, String kind, String apiVersion) {
    }

    record Trigger(String type, Map<String, String> metadata) {
    }
}
