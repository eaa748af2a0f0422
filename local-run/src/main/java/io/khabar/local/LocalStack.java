package io.khabar.local;

import io.khabar.infra.kafka.KafkaBrokerProcess;
import io.khabar.infra.kafka.KhabarTopics;
import io.khabar.infra.postgres.Database;
import io.khabar.infra.postgres.PostgresLocator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole pipeline on one machine: a KRaft broker process, PostgreSQL (local or embedded), and the three packaged
 * services as separate processes. Data and logs live under {@code home}; closing stops everything it started, in
 * reverse order.
 */
public final class LocalStack implements AutoCloseable {
    /** Ports of one stack. */
    public record Ports(int ingest, int enrich, int store, int kafka, int kafkaController) {
        public static Ports defaults() {
            return new Ports(8081, 8082, 8083, freePort(), freePort());
        }

        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort());
        }
    }

    private final Path root;
    private final Path home;
    private final Ports ports;
    private final String databaseName;
    /** The services, in start order (downstream first). */
    public static final List<String> SERVICES = List.of("store-service", "enrich-service", "ingest-service");
    private final Map<String, ServiceProcess> services = new java.util.LinkedHashMap<>();
    private ServiceProcess kafka;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private PostgresLocator postgres;
    private Database database;

    /** @param databaseName the PostgreSQL database to use (created when missing) */
    public LocalStack(Path root, Path home, Ports ports, String databaseName) {
        this.root = root.toAbsolutePath().normalize();
        this.home = home.toAbsolutePath().normalize();
        this.ports = ports;
        this.databaseName = databaseName;
    }

    public LocalStack start(java.util.function.Consumer<String> progress) throws IOException {
        startInfrastructure(progress);
        startServices(Map.of(), List.of(), progress);
        return this;
    }

    /** The broker process and PostgreSQL. */
    public void startInfrastructure(java.util.function.Consumer<String> progress) throws IOException {
        for (String svc : SERVICES) {
            if (!Files.exists(serviceJar(svc))) {
                throw new IllegalStateException(serviceJar(svc) + " is missing: build first (./mvnw install -DskipTests)");
            }
        }
        progress.accept("starting Kafka broker on 127.0.0.1:" + ports.kafka() + " (data in " + home.resolve("kafka") + ")");
        kafka = ServiceProcess.start("kafka", List.of(java(), "-Xmx512m", "-cp", localClasspath(),
                KafkaBrokerProcess.class.getName(), home.resolve("kafka").toString(), Integer.toString(ports.kafka()),
                Integer.toString(ports.kafkaController())), Map.of(), logs());
        kafka.awaitReady(this::brokerAnswers, Duration.ofSeconds(60));
        KhabarTopics.create(bootstrap(), (short) 1);

        progress.accept("starting PostgreSQL");
        postgres = PostgresLocator.start(home.resolve("postgres"));
        database = postgres.database(databaseName);
        progress.accept("database: " + database.description());
    }

    /**
     * The three services, each its own JVM, started downstream first and each awaited until ready.
     *
     * @param extraEnv   added to every service's environment (e.g. {@code KHABAR_PASS_THROUGH=true})
     * @param jvmOptions added to every service's JVM ({@code {service}} is replaced by the service name)
     */
    public void startServices(Map<String, String> extraEnv, List<String> jvmOptions,
                              java.util.function.Consumer<String> progress) throws IOException {
        startService("store-service", ports.store(), extraEnv, jvmOptions, progress);
        startService("enrich-service", ports.enrich(), extraEnv, jvmOptions, progress);
        startService("ingest-service", ports.ingest(), extraEnv, jvmOptions, progress);
        awaitConsumersAssigned(Duration.ofSeconds(60));
    }

    /** Consumer groups of the three stages; each must own every partition of its input topic before work is sent. */
    public static final List<String> CONSUMER_GROUPS = List.of("khabar-ingest", "khabar-enrich", "khabar-store");

    /**
     * Waits until every stage's consumer group is stable with all partitions assigned, so the first articles do not
     * wait for a group rebalance (health readiness comes earlier than partition assignment).
     */
    public void awaitConsumersAssigned(Duration timeout) {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            while (java.time.Instant.now().isBefore(deadline)) {
                var groups = admin.describeConsumerGroups(CONSUMER_GROUPS).all().get(5, TimeUnit.SECONDS);
                boolean ready = groups.values().stream().allMatch(g ->
                        g.groupState() == org.apache.kafka.common.GroupState.STABLE
                                && g.members().stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum()
                                >= KhabarTopics.PARTITIONS);
                if (ready) {
                    return;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for consumer groups", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe consumer groups: " + e.getMessage(), e);
        }
        throw new IllegalStateException("consumer groups " + CONSUMER_GROUPS + " did not get their partitions within "
                + timeout.toSeconds() + " s; see " + logs());
    }

    private void startService(String name, int port, Map<String, String> extraEnv, List<String> jvmOptions,
                              java.util.function.Consumer<String> progress) throws IOException {
        progress.accept("starting " + name + " on http://localhost:" + port);
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (name.equals("store-service") || name.equals("ingest-service")) { // store: articles; ingest: dedup state
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", database.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        }
        // enrich holds the NER models and the knowledge base (about 260 MiB retained): 512 MiB makes it collect
        // all the time under load
        List<String> command = new ArrayList<>(List.of(java(), name.equals("enrich-service") ? "-Xmx1g" : "-Xmx512m"));
        jvmOptions.forEach(o -> command.add(o.replace("{service}", name)));
        command.addAll(List.of("-jar", serviceJar(name).toString()));
        ServiceProcess p = ServiceProcess.start(name, command, env, logs());
        services.put(name, p);
        p.awaitReady(() -> ServiceProcess.answers200(http, "http://localhost:" + port + "/q/health/ready"),
                Duration.ofSeconds(120));
    }

    private Path logs() {
        return home.resolve("logs");
    }

    private boolean brokerAnswers() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000))) {
            admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public String bootstrap() {
        return "127.0.0.1:" + ports.kafka();
    }

    public Ports ports() {
        return ports;
    }

    public Database database() {
        return database;
    }

    /** Drops the stack's database (for test runs that must leave nothing behind). */
    public void dropDatabase() {
        if (postgres != null) {
            postgres.drop(databaseName);
        }
    }

    /** Process ids of the running services and of the broker, by name. */
    public Map<String, Long> pids() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        services.forEach((name, p) -> out.put(name, p.pid()));
        if (kafka != null) {
            out.put("kafka", kafka.pid());
        }
        return out;
    }

    private Path serviceJar(String service) {
        return root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private String localClasspath() {
        Path lib = root.resolve("local-run/target/lib");
        Path classes = root.resolve("local-run/target/classes");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build first (./mvnw install -DskipTests)");
        }
        return classes + File.pathSeparator + lib + File.separator + "*";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the three services (upstream first); the broker and database keep running. */
    public void stopServices() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        services.clear();
    }

    /** Stops the services and the broker (the database stays reachable, e.g. to drop it). */
    public void closeServices() {
        stopServices();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Stops everything and drops the stack's database: what a test leaves behind is nothing. */
    public void closeAndDropDatabase() {
        closeServices();
        dropDatabase();
        close();
    }

    @Override
    public void close() {
        closeServices();
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
