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
    /** What the services are given as their database: the database itself, or the proxy in front of it. */
    private Database serviceDatabase;
    private io.khabar.infra.net.LoopbackProxy databaseProxy;
    /** How each service was started, to start it again the same way. */
    private final Map<String, Runnable> restarts = new java.util.concurrent.ConcurrentHashMap<>();
    private java.util.concurrent.ScheduledExecutorService supervisor;
    private volatile boolean closing;
    private Runnable kafkaStart;

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
        startKafka();
        KhabarTopics.create(bootstrap(), (short) 1);

        progress.accept("starting PostgreSQL");
        postgres = PostgresLocator.start(home.resolve("postgres"));
        database = postgres.database(databaseName);
        serviceDatabase = database;
        progress.accept("database: " + database.description());
    }

    private void startKafka() throws IOException {
        kafka = ServiceProcess.start("kafka", List.of(java(), "-Xmx512m", "-cp", localClasspath(),
                KafkaBrokerProcess.class.getName(), home.resolve("kafka").toString(), Integer.toString(ports.kafka()),
                Integer.toString(ports.kafkaController())), Map.of(), logs());
        kafka.awaitReady(this::brokerAnswers, Duration.ofSeconds(60));
    }

    /**
     * From now on, services reach the database through a loopback proxy that {@link #databaseProxy()} can cut (the
     * server as seen crashing: connections drop, new ones are refused) or hold (the server as seen paused). For fault
     * runs; call before {@link #startServices}.
     */
    public io.khabar.infra.net.LoopbackProxy proxyDatabase() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.*)")
                .matcher(database.jdbcUrl());
        if (!m.matches()) {
            throw new IllegalStateException("cannot proxy " + database.jdbcUrl());
        }
        databaseProxy = io.khabar.infra.net.LoopbackProxy.to(m.group(1), Integer.parseInt(m.group(2)));
        serviceDatabase = new Database("jdbc:postgresql://127.0.0.1:" + databaseProxy.port() + "/" + m.group(3),
                database.username(), database.password(), database.description() + " through a loopback proxy");
        return databaseProxy;
    }

    /**
     * The three services, each its own JVM, started downstream first and each awaited until ready.
     *
     * @param extraEnv   added to every service's environment
     * @param jvmOptions added to every service's JVM ({@code {service}} is replaced by the service name)
     */
    public void startServices(Map<String, String> extraEnv, List<String> jvmOptions,
                              java.util.function.Consumer<String> progress) throws IOException {
        startService("store-service", ports.store(), extraEnv, jvmOptions, progress);
        startService("enrich-service", ports.enrich(), extraEnv, jvmOptions, progress);
        startService("ingest-service", ports.ingest(), extraEnv, jvmOptions, progress);
        awaitConsumersAssigned(Duration.ofSeconds(60));
    }

    /**
     * A process of the caller's own in place of a service (the benchmark's pass-through forwarders): started with the
     * service's {@code jvm.options} and {@code java ARGS}, with {@code KAFKA_BOOTSTRAP_SERVERS} set, logged, measured
     * ({@link #pids}) and stopped ({@link #stopServices}) like the service; not supervised, not health-checked.
     */
    public void startInstead(String service, List<String> javaArgs, java.util.function.Consumer<String> progress)
            throws IOException {
        progress.accept("starting a stand-in for " + service);
        List<String> command = serviceJava(service);
        command.addAll(javaArgs);
        services.put(service, ServiceProcess.start(service, command, serviceEnv(Map.of()), logs()));
    }

    /** What every service process gets: the broker, and glibc's arenas limited as in the images. */
    private Map<String, String> serviceEnv(Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap());
        env.putIfAbsent("MALLOC_ARENA_MAX", "2"); // as in the images: glibc's per-thread arenas add resident memory
        return env;
    }

    /** {@code java @jvm.options}: heap and native limits from the same file the service's container image uses. */
    private List<String> serviceJava(String service) {
        return new ArrayList<>(List.of(java(), "@" + jvmOptions(service)));
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
                java.util.Map<String, org.apache.kafka.clients.admin.ConsumerGroupDescription> groups;
                try {
                    groups = admin.describeConsumerGroups(CONSUMER_GROUPS).all().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                        throw e;
                    }
                    Thread.sleep(200); // a consumer that has not joined yet
                    continue;
                }
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

    /** The service's JVM settings ({@code <service>/src/main/docker/jvm.options}), shared with its container image. */
    Path jvmOptions(String service) {
        Path options = root.resolve(service).resolve("src/main/docker/jvm.options").toAbsolutePath().normalize();
        if (!java.nio.file.Files.isRegularFile(options)) {
            throw new IllegalStateException("missing " + options + ": the JVM settings of " + service);
        }
        return options;
    }

    private void startService(String name, int port, Map<String, String> extraEnv, List<String> jvmOptions,
                              java.util.function.Consumer<String> progress) throws IOException {
        progress.accept("starting " + name + " on http://localhost:" + port);
        Map<String, String> env = serviceEnv(extraEnv);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (name.equals("store-service") || name.equals("ingest-service")) { // store: articles; ingest: dedup state
            env.put("QUARKUS_DATASOURCE_JDBC_URL", serviceDatabase.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", serviceDatabase.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", serviceDatabase.password());
        }
        List<String> command = serviceJava(name);
        jvmOptions.forEach(o -> command.add(o.replace("{service}", name)));
        command.addAll(List.of("-jar", serviceJar(name).toString()));
        Runnable start = () -> {
            try {
                ServiceProcess p = ServiceProcess.start(name, command, env, logs());
                services.put(name, p);
                // started, not ready: a service waits out a broker or database that is down, readiness DOWN
                p.awaitReady(() -> ServiceProcess.answers(http, "http://localhost:" + port + "/q/health/live"),
                        Duration.ofSeconds(120));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        restarts.put(name, start);
        start.run();
        services.get(name).awaitReady(() -> ServiceProcess.answers200(http, "http://localhost:" + port
                + "/q/health/ready"), Duration.ofSeconds(120));
    }

    /**
     * Watches the services and the broker every second: one that has died is reported on {@code report} (with its
     * exit code and log) and started again the same way. {@code ./khabar run} and the chaos command use it.
     */
    public void supervise(java.util.function.Consumer<String> report) {
        supervisor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "khabar-supervisor");
            t.setDaemon(true);
            return t;
        });
        supervisor.scheduleWithFixedDelay(() -> {
            try {
                if (kafka != null && !kafka.isAlive() && !closing) {
                    report.accept("kafka exited (code " + kafka.exitCode() + "); restarting it (log: " + logs()
                            .resolve("kafka.log") + ")");
                    startKafka();
                    report.accept("kafka is back");
                }
                for (String name : SERVICES) {
                    ServiceProcess p = services.get(name);
                    if (p != null && !p.isAlive() && !closing) {
                        report.accept(name + " exited (code " + p.exitCode() + "); restarting it (log: "
                                + logs().resolve(name + ".log") + ")");
                        restarts.get(name).run();
                        report.accept(name + " is back");
                    }
                }
            } catch (RuntimeException | IOException e) {
                report.accept("could not restart: " + e.getMessage() + "; trying again");
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Kills a service or the broker at once (SIGKILL), as a crash would; the supervisor starts it again. */
    public void kill(String name) {
        ServiceProcess p = name.equals("kafka") ? kafka : services.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no such process: " + name);
        }
        p.kill();
    }

    /** True when the named service (or {@code kafka}) is running and, for a service, answers its liveness check. */
    public boolean isUp(String name) {
        if (name.equals("kafka")) {
            return kafka != null && kafka.isAlive() && brokerAnswers();
        }
        ServiceProcess p = services.get(name);
        int port = switch (name) {
            case "ingest-service" -> ports.ingest();
            case "enrich-service" -> ports.enrich();
            default -> ports.store();
        };
        return p != null && p.isAlive() && ServiceProcess.answers200(http, "http://localhost:" + port + "/q/health/live");
    }

    /** Stops the broker gracefully and keeps it down until {@link #startBroker()} (the supervisor leaves it alone). */
    public void stopBroker() {
        ServiceProcess k = kafka;
        kafka = null;
        k.close();
    }

    public void startBroker() throws IOException {
        startKafka();
    }

    /** The proxy in front of the database, when {@link #proxyDatabase()} set one. */
    public io.khabar.infra.net.LoopbackProxy databaseProxy() {
        return databaseProxy;
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
        closing = true;
        if (supervisor != null) {
            supervisor.shutdownNow();
            supervisor = null;
        }
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
        if (databaseProxy != null) {
            databaseProxy.close();
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
