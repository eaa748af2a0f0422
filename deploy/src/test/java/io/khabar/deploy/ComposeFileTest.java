package io.khabar.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.khabar.events.Topics;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml: valid for docker-compose, and consistent with the code (versions, topics, env, ports). */
class ComposeFileTest {
    static final Path FILE = ServiceSettings.ROOT.resolve("docker-compose.yml");
    static JsonNode compose;

    @BeforeAll
    static void load() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(FILE.toFile());
    }

    static JsonNode service(String name) {
        JsonNode s = compose.path("services").path(name);
        assertThat(s.isMissingNode()).as("service %s in docker-compose.yml", name).isFalse();
        return s;
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        boolean installed = new ProcessBuilder("sh", "-c", "command -v docker-compose").start().waitFor() == 0;
        if (!installed && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("docker-compose is not installed (apt-get install docker-compose); .ci/run installs it");
        }
        for (List<String> args : List.of(List.of("config", "-q"), List.of("--profile", "monitoring", "config", "-q"))) {
            List<String> cmd = new ArrayList<>(List.of("docker-compose", "-f", FILE.toString()));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("KHABAR_DB_PASSWORD", "only-for-validation");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("docker-compose %s: %s", args, out).isZero();
        }
    }

    @Test
    void kafkaIsTheClientsVersionInKraftModeWithAHealthCheckAndNoAutoCreatedTopics() {
        JsonNode kafka = service("kafka");
        assertThat(kafka.path("image").asText()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(kafka.path("environment").path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        assertThat(kafka.path("healthcheck").path("test").isMissingNode()).isFalse();
        assertThat(service("postgres").path("healthcheck").path("test").isMissingNode()).isFalse();
    }

    @Test
    void everyTopicOfTheEventContractIsDeclaredOnceTheBrokerIsHealthy() {
        JsonNode topics = service("topics");
        assertThat(topics.path("image").asText()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(topics.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        String command = topics.path("command").toString();
        for (String t : Topics.ALL) {
            assertThat(command).contains(t);
        }
        // each topic with the record size of the contract (RecordLimits)
        java.util.regex.Matcher create = java.util.regex.Pattern.compile(
                "for t in ([^;]+); do[^\\n]*?--config max\\.message\\.bytes=(\\d+)").matcher(command);
        assertThat(create.find()).as("the pipeline topics' loop").isTrue();
        assertThat(create.group(1).trim().split(" ")).containsExactly(Topics.RAW, Topics.NORMALIZED, Topics.ENRICHED);
        assertThat(Integer.parseInt(create.group(2))).isEqualTo(io.khabar.events.RecordLimits.TOPIC_MAX_MESSAGE_BYTES);
        assertThat(command).contains("--topic " + Topics.DEAD_LETTER + " --partitions 3 --replication-factor 1 --config"
                + " max.message.bytes=" + io.khabar.events.RecordLimits.DEAD_LETTER_MAX_MESSAGE_BYTES);
    }

    @Test
    void servicesAreBuiltFromTheirDockerfilesConfiguredByEnvironmentAndStartedWhenTheirDependenciesAreHealthy()
            throws IOException {
        for (String name : ServiceSettings.SERVICES) {
            ServiceSettings settings = new ServiceSettings(name);
            JsonNode s = service(name);
            Path context = ServiceSettings.ROOT.resolve(s.path("build").path("context").asText()).normalize();
            assertThat(context).isEqualTo(ServiceSettings.ROOT.resolve(name));
            Path dockerfile = context.resolve(s.path("build").path("dockerfile").asText());
            assertThat(dockerfile).exists();
            assertThat(Files.readString(dockerfile)).contains("target/quarkus-app").contains("quarkus-run.jar");

            JsonNode env = s.path("environment");
            env.fieldNames().forEachRemaining(var -> assertThat(settings.readsEnv(var))
                    .as("%s sets %s, which it does not read", name, var).isTrue());
            env.fields().forEachRemaining(e -> {
                if (e.getKey().contains("PASSWORD") || e.getKey().contains("API_KEY")) {
                    assertThat(e.getValue().asText()).as("%s must come from the environment", e.getKey()).startsWith("${");
                }
            });
            int port = env.path("QUARKUS_HTTP_PORT").asInt();
            assertThat(port).isEqualTo(settings.httpPort());
            assertThat(s.path("ports").get(0).asText()).isEqualTo(port + ":" + port);
            assertThat(s.path("healthcheck").path("test").toString()).contains("/q/health/ready");

            List<String> conditions = new ArrayList<>();
            s.path("depends_on").fields().forEachRemaining(d -> conditions.add(d.getValue().path("condition").asText()));
            assertThat(conditions).isNotEmpty().allMatch(c -> c.equals("service_healthy") || c.equals("service_completed_successfully"));
        }
        assertThat(service("store-service").path("depends_on").path("postgres").path("condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void prometheusScrapesEveryServiceOnItsMetricsEndpoint() throws IOException {
        JsonNode prometheus = service("prometheus");
        assertThat(prometheus.path("profiles").toString()).contains("monitoring");
        JsonNode config = new ObjectMapper(new YAMLFactory())
                .readTree(ServiceSettings.ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
        JsonNode job = config.path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
        List<String> targets = new ArrayList<>();
        job.path("static_configs").get(0).path("targets").forEach(t -> targets.add(t.asText()));
        List<String> expected = new ArrayList<>();
        for (String name : ServiceSettings.SERVICES) {
            expected.add(name + ":" + new ServiceSettings(name).httpPort());
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ServiceSettings.ROOT.resolve("deploy/grafana/dashboards/khabar.json")).exists();
    }

    /** Dead letters and a waiting store writer raise alerts, on metrics the services do publish. */
    @Test
    void alertRulesAreLoadedAndWatchDeadLettersAndTheWaitingWriter() throws IOException {
        JsonNode config = new ObjectMapper(new YAMLFactory())
                .readTree(ServiceSettings.ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
        assertThat(config.path("rule_files").get(0).asText()).isEqualTo("/etc/prometheus/alerts.yml");
        assertThat(service("prometheus").path("volumes").toString())
                .contains("./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        JsonNode rules = new ObjectMapper(new YAMLFactory())
                .readTree(ServiceSettings.ROOT.resolve("deploy/prometheus/alerts.yml").toFile())
                .path("groups").get(0).path("rules");
        Map<String, String> byName = new java.util.HashMap<>();
        rules.forEach(r -> byName.put(r.path("alert").asText(), r.path("expr").asText()));
        assertThat(byName.get("KhabarArticlesDeadLettered")).contains("khabar_stage_messages_total")
                .contains("outcome=\"dead_lettered\"");
        assertThat(byName.get("KhabarStoreWriterWaiting")).contains("khabar_store_writer_waiting");
        // the metrics are the ones the code registers
        assertThat(Files.readString(ServiceSettings.ROOT.resolve(
                "messaging/src/main/java/io/khabar/messaging/StageMetrics.java"))).contains("\"khabar.stage.messages\"")
                .contains("\"dead_lettered\"");
        assertThat(Files.readString(ServiceSettings.ROOT.resolve(
                "store-service/src/main/java/io/khabar/store/messaging/WriterHealth.java")))
                .contains("\"khabar.store.writer.waiting\"");
    }
}
