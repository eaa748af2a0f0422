package io.khabar.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.khabar.events.Topics;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/kubernetes: typed parsing with no unknown fields, and consistency with the services' code. */
class KubernetesManifestsTest {
    static final Path DIR = ServiceSettings.ROOT.resolve("deploy/kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final Map<String, Class<?>> KINDS = Map.of(
            "Namespace", Namespace.class, "ConfigMap", ConfigMap.class, "Service", Service.class,
            "Deployment", Deployment.class, "PodDisruptionBudget", PodDisruptionBudget.class,
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class,
            "ScaledObject", ScaledObject.class);

    /** A parsed manifest and the file it came from. */
    record Manifest(Path file, String kind, Object model) {
    }

    static final List<Manifest> manifests = new ArrayList<>();
    static final Map<String, ServiceSettings> settings = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("\\d{3}-.*\\.yaml")).sorted().toList()) {
                try (YAMLParser parser = new YAMLFactory().createParser(f.toFile())) {
                    for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                        String kind = doc.path("kind").asText();
                        Class<?> type = KINDS.get(kind);
                        assertThat(type).as("%s: kind %s has no typed model here", f.getFileName(), kind).isNotNull();
                        manifests.add(new Manifest(f, kind, YAML.treeToValue(doc, type)));
                    }
                }
            }
        }
        for (String s : ServiceSettings.SERVICES) {
            settings.put(s, new ServiceSettings(s));
        }
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> all(Class<T> type) {
        return manifests.stream().filter(m -> type.isInstance(m.model())).map(m -> (T) m.model()).toList();
    }

    @Test
    void everyManifestParsesIntoItsTypedModelWithoutUnknownFields() {
        assertThat(manifests).hasSizeGreaterThanOrEqualTo(20);
        for (Manifest m : manifests) {
            assertThat(StrictModels.unknownFields(m.model())).as("unknown fields in %s", m.file().getFileName()).isEmpty();
        }
    }

    @Test
    void unknownFieldsAreDetected() throws IOException {
        // The check above can fail: a misspelt probe is caught.
        String bad = Files.readString(DIR.resolve("040-Deployment-ingest-service.yaml")).replace("readinessProbe", "readinesProbe");
        Deployment d = YAML.readValue(bad, Deployment.class);
        assertThat(StrictModels.unknownFields(d)).containsExactly(".spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void filesAreNamedInApplyOrderByKindAndName() {
        for (Manifest m : manifests) {
            String name = m.model() instanceof io.fabric8.kubernetes.api.model.HasMetadata h ? h.getMetadata().getName()
                    : ((ScaledObject) m.model()).metadata().name();
            assertThat(m.file().getFileName().toString()).endsWith("-" + m.kind() + "-" + name + ".yaml");
        }
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        JsonNode k = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        k.get("resources").forEach(r -> listed.add(r.asText()));
        assertThat(listed).containsExactlyElementsOf(manifests.stream().map(m -> m.file().getFileName().toString())
                .distinct().toList());
    }

    /** One size setting (RecordLimits): each topic takes what the stages may write to it, and no more. */
    @Test
    void topicsTakeRecordsOfTheContractsSizeAndProducersMaySendThem() throws IOException {
        for (KafkaTopic t : all(KafkaTopic.class)) {
            assertThat(((Number) t.getSpec().getConfig().get("max.message.bytes")).intValue())
                    .as(t.getMetadata().getName()).isEqualTo(io.khabar.events.RecordLimits.maxMessageBytes(t.getMetadata().getName()));
        }
        for (String service : ServiceSettings.SERVICES) {
            ServiceSettings settings = new ServiceSettings(service);
            assertThat(settings.properties.getProperty("mp.messaging.connector.smallrye-kafka.max.request.size"))
                    .as(service).isEqualTo(Integer.toString(io.khabar.events.RecordLimits.DEAD_LETTER_MAX_MESSAGE_BYTES));
        }
        assertThat(new ServiceSettings("ingest-service").properties.getProperty("khabar.ingest.max-article-bytes"))
                .isEqualTo(Integer.toString(io.khabar.events.RecordLimits.ARTICLE_BYTES));
    }

    @Test
    void everyTopicOfTheEventContractIsDeclaredReplicatedAndNotAutoCreated() {
        Map<String, KafkaTopic> topics = all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (KafkaTopic t : topics.values()) {
            assertThat(t.getSpec().getReplicas()).isEqualTo(3);
            assertThat(t.getSpec().getConfig()).containsEntry("min.insync.replicas", 2).containsKey("retention.ms");
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "khabar-kafka");
        }
        Kafka kafka = all(Kafka.class).get(0);
        assertThat(kafka.getMetadata().getName()).isEqualTo("khabar-kafka");
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false)
                .containsEntry("min.insync.replicas", 2).containsEntry("default.replication.factor", 3);
        assertThat(all(KafkaNodePool.class)).singleElement().satisfies(p -> assertThat(p.getSpec().getReplicas()).isEqualTo(3));
    }

    @Test
    void kafkaVersionIsTheVersionOfTheClients() {
        assertThat(all(Kafka.class).get(0).getSpec().getKafka().getVersion()).isEqualTo(AppInfoParser.getVersion());
    }

    @Test
    void everyEnvironmentVariableMapsToAPropertyTheServiceReads() {
        Map<String, ConfigMap> configMaps = all(ConfigMap.class).stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c));
        List<Deployment> deployments = all(Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ServiceSettings.SERVICES);
        for (Deployment d : deployments) {
            ServiceSettings s = settings.get(d.getMetadata().getName());
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            List<String> names = new ArrayList<>(c.getEnv().stream().map(EnvVar::getName).toList());
            c.getEnvFrom().forEach(from -> names.addAll(configMaps.get(from.getConfigMapRef().getName()).getData().keySet()));
            assertThat(names).as("environment of %s", s.service).isNotEmpty()
                    .allSatisfy(env -> assertThat(s.readsEnv(env)).as("%s sets %s, which %s does not read", d.getMetadata().getName(), env, s.service).isTrue());
        }
    }

    @Test
    void environmentCheckRejectsAVariableNoServiceReads() throws IOException {
        assertThat(new ServiceSettings("enrich-service").readsEnv("KHABAR_INGEST_API_KEY")).isFalse();
        assertThat(new ServiceSettings("ingest-service").readsEnv("KHABAR_INGEST_API_KEY")).isTrue();
        assertThat(new ServiceSettings("store-service").readsEnv("KHABAR_STORE_WRITE_ATTEMPTS")).isTrue();
    }

    @Test
    void probesPortsAndServicesMatchTheServicesConfiguration() {
        Map<String, Service> services = all(Service.class).stream().collect(Collectors.toMap(x -> x.getMetadata().getName(), x -> x));
        for (Deployment d : all(Deployment.class)) {
            ServiceSettings s = settings.get(d.getMetadata().getName());
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            int port = c.getPorts().get(0).getContainerPort();
            String portEnv = c.getEnv().stream().filter(e -> e.getName().equals("QUARKUS_HTTP_PORT")).findFirst()
                    .map(EnvVar::getValue).orElse(Integer.toString(s.httpPort()));
            assertThat(Integer.parseInt(portEnv)).isEqualTo(port).isEqualTo(s.httpPort());
            assertThat(s.properties.getProperty("quarkus.http.non-application-root-path")).isNull(); // so /q/... holds
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(c.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(port);
            assertThat(c.getLivenessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(port);
            assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).containsKey("memory");
            Service svc = services.get(d.getMetadata().getName());
            assertThat(svc.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(port);
            assertThat(svc.getSpec().getSelector()).isEqualTo(d.getSpec().getSelector().getMatchLabels());
            assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/path", "/q/metrics").containsEntry("prometheus.io/port", Integer.toString(port));
        }
    }

    /**
     * One set of JVM settings per service (its jvm.options): the image starts with it, ./khabar run reads the same file,
     * and the Kubernetes memory limit holds the heap and metaspace those settings allow plus the JVM's own needs.
     */
    private static final long NATIVE_ALLOWANCE = 192L << 20;

    @Test
    void jvmSettingsAreOneFilePerServiceAndTheMemoryLimitHoldsThem() throws Exception {
        String localStack = java.nio.file.Files.readString(ServiceSettings.ROOT.resolve(
                "local-run/src/main/java/io/khabar/local/LocalStack.java"));
        assertThat(localStack).contains("src/main/docker/jvm.options");
        for (Deployment d : all(Deployment.class)) {
            String service = d.getMetadata().getName();
            java.nio.file.Path dir = ServiceSettings.ROOT.resolve(service);
            java.util.List<String> options = java.nio.file.Files.readAllLines(dir.resolve("src/main/docker/jvm.options"))
                    .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            String dockerfile = java.nio.file.Files.readString(dir.resolve("src/main/docker/Dockerfile.jvm"));
            assertThat(dockerfile).as(service).contains("COPY src/main/docker/jvm.options /app/jvm.options")
                    .contains("java @/app/jvm.options");
            // the heap and metaspace the file allows, plus what the JVM needs beside them (code cache, threads, GC
            // structures, buffers: ./khabar bench measured 130-200 MiB of resident memory beyond the heap)
            long reserved = NATIVE_ALLOWANCE;
            for (String flag : java.util.List.of("-Xmx", "-XX:MaxMetaspaceSize=")) {
                String value = options.stream().filter(o -> o.startsWith(flag)).findFirst()
                        .orElseThrow(() -> new AssertionError(service + " jvm.options sets no " + flag))
                        .substring(flag.length());
                reserved += io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                        new io.fabric8.kubernetes.api.model.Quantity(value.toUpperCase(java.util.Locale.ROOT)
                                .replace("M", "Mi").replace("G", "Gi"))).longValue();
            }
            long limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(d.getSpec().getTemplate().getSpec()
                    .getContainers().get(0).getResources().getLimits().get("memory")).longValue();
            assertThat(limit).as("%s memory limit against its JVM settings", service).isGreaterThanOrEqualTo(reserved);
        }
    }

    @Test
    void everyDeploymentHasADisruptionBudgetSelectingIt() {
        Map<String, PodDisruptionBudget> pdbs = all(PodDisruptionBudget.class).stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p));
        for (Deployment d : all(Deployment.class)) {
            PodDisruptionBudget pdb = pdbs.get(d.getMetadata().getName());
            assertThat(pdb).as("PodDisruptionBudget of %s", d.getMetadata().getName()).isNotNull();
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(d.getSpec().getSelector().getMatchLabels());
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isPositive();
        }
    }

    @Test
    void autoscalingFollowsEachStagesOwnGroupAndTopicAndStopsAtThePartitionCount() {
        Map<String, Integer> partitions = all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t.getSpec().getPartitions()));
        List<ScaledObject> scaled = all(ScaledObject.class);
        assertThat(scaled).extracting(o -> o.spec().scaleTargetRef().name())
                .containsExactlyInAnyOrderElementsOf(ServiceSettings.SERVICES);
        for (ScaledObject o : scaled) {
            ServiceSettings s = settings.get(o.spec().scaleTargetRef().name());
            ScaledObject.Trigger t = o.spec().triggers().get(0);
            assertThat(t.type()).isEqualTo("kafka");
            assertThat(ScaledObject.KAFKA_SCALER_KEYS).containsAll(t.metadata().keySet());
            assertThat(t.metadata().get("consumerGroup")).isEqualTo(s.incoming("group.id"));
            assertThat(t.metadata().get("topic")).isEqualTo(s.incoming("topic"));
            assertThat(o.spec().maxReplicaCount()).isLessThanOrEqualTo(partitions.get(t.metadata().get("topic")));
            assertThat(t.metadata().get("bootstrapServers")).isEqualTo(all(ConfigMap.class).get(0).getData().get("KAFKA_BOOTSTRAP_SERVERS"));
        }
    }

    @Test
    void noSecretValuesAreCommitted() {
        assertThat(manifests).noneMatch(m -> m.kind().equals("Secret"));
        Set<String> sensitive = Set.of("PASSWORD", "API_KEY", "SECRET", "TOKEN");
        for (Deployment d : all(Deployment.class)) {
            for (EnvVar e : d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                if (sensitive.stream().anyMatch(e.getName()::contains)) {
                    assertThat(e.getValue()).as("%s must come from a Secret", e.getName()).isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef()).isNotNull();
                }
            }
        }
    }
}
