package io.khabar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.bench.cli.Tools;
import io.khabar.events.DeadLetterHeaders;
import io.khabar.events.EventJson;
import io.khabar.events.Topics;
import io.khabar.infra.net.LoopbackProxy;
import io.khabar.infra.postgres.Database;
import io.khabar.local.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code ./khabar chaos}: runs the local stack, posts N real articles, and every {@code --every} kills (SIGKILL) one
 * process at random among the three services and the broker, or crashes PostgreSQL as its clients see it (every
 * connection dropped, new ones refused, for a few seconds); the supervisor (or the harness, for PostgreSQL) brings it
 * back. Once it pauses PostgreSQL ({@code --pg-pause}, connections held open with nothing answering) and once it stops
 * the broker ({@code --broker-stop}). PostgreSQL faults are made at the network, by a loopback proxy between the
 * services and the server, so that the machine's PostgreSQL itself is never signalled. At the end it checks: accepted
 * ids == stored ids, no dead letters of the store stage, no article revision twice on the enriched topic read
 * {@code read_committed}, nothing left to consume for any stage; and prints the recovery time per fault kind.
 */
public final class Chaos {
    /** Options of one run. */
    public record Options(int n, Duration every, Duration pgPause, Duration brokerStop, Path corpus, long seed,
                          Path report, Duration drainTimeout) {
        /** Reads the options as {@code ./khabar chaos} does ({@link Command}); a wrong one is a picocli error. */
        static Options parse(String[] args, Path root) {
            Command command = new Command();
            command.root = root;
            return Tools.parse(command, args).options();
        }
    }

    /** {@code ./khabar chaos}: the options, then the run. */
    @CommandLine.Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Runs the local stack, posts N real articles, kills a random process (ingest, enrich, store,"
                    + " the broker) or crashes PostgreSQL (at the network) every --every, pauses PostgreSQL once and"
                    + " stops the broker once, then checks that every accepted article is stored once, nothing was"
                    + " dead-lettered by the store, no article revision appears twice on the enriched topic"
                    + " (read_committed) and no stage has anything left.",
                    "Prints the recovery time per fault kind; --report appends the result to a Markdown file.",
                    "Durations: 500ms, 10s, 2m, 1h or ISO-8601 (PT10S). Exit code 0 when every check held, 1 when"
                            + " one did not."})
    public static final class Command implements Callable<Integer> {
        /** The repository: defaults are relative to it. */
        Path root = Path.of(System.getProperty("khabar.root", ".")).toAbsolutePath().normalize();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--n", paramLabel = "N", defaultValue = "20000", converter = Tools.PositiveInt.class,
                description = "articles posted (default: ${DEFAULT-VALUE})")
        int n;

        @Option(names = "--every", paramLabel = "DURATION", defaultValue = "10s",
                converter = Tools.DurationConverter.class, description = "a fault every (default: ${DEFAULT-VALUE})")
        Duration every;

        @Option(names = "--pg-pause", paramLabel = "DURATION", defaultValue = "150s",
                converter = Tools.DurationConverter.class,
                description = "how long PostgreSQL is paused, once (default: ${DEFAULT-VALUE})")
        Duration pgPause;

        @Option(names = "--broker-stop", paramLabel = "DURATION", defaultValue = "90s",
                converter = Tools.DurationConverter.class,
                description = "how long the broker is stopped, once (default: ${DEFAULT-VALUE})")
        Duration brokerStop;

        @Option(names = "--seed", paramLabel = "S", description = "seed of the random faults (default: the clock)")
        Long seed;

        @Option(names = "--corpus", paramLabel = "DIR", description = "news corpus (default: ../shared/data/news)")
        Path corpus;

        @Option(names = "--report", paramLabel = "FILE",
                description = "Markdown file the result is appended to (created with its folders)")
        Path report;

        @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = "10m",
                converter = Tools.DurationConverter.class,
                description = "how long to wait for the store once the faults are over (default: ${DEFAULT-VALUE})")
        Duration drainTimeout;

        /** The options given, checked together; a wrong value is a parameter error (exit code 2). */
        Options options() {
            if (every.isNegative() || every.isZero()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--every must be positive");
            }
            return new Options(n, every, pgPause, brokerStop,
                    corpus != null ? corpus : Corpus.beside(root),
                    seed != null ? seed : System.nanoTime(), report, drainTimeout);
        }

        @Override
        public Integer call() throws Exception {
            Options options = options();
            if (options.report() != null) {
                Tools.writableFile(options.report()); // before the run, not after it
            }
            Path home = Files.createTempDirectory("khabar-chaos-");
            Map<String, Object> result = new Chaos(options, line -> System.out.println(
                    java.time.LocalTime.now().withNano(0) + " " + line)).run(root, home);
            return Boolean.TRUE.equals(result.get("ok")) ? 0 : 1;
        }
    }

    /** One fault and how long the pipeline took to come back from it. */
    record Fault(String kind, Instant at, Duration down, Duration recovery) {
    }

    private final Options options;
    private final Consumer<String> out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    /** Articles of this run in the store now. */
    private java.util.function.IntSupplier storedCount = () -> 0;

    public Chaos(Options options, Consumer<String> out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Tools.run(new Command(), args);
    }

    /** Runs the whole experiment and returns its figures ({@code ok} says whether every check held). */
    public Map<String, Object> run(Path root, Path home) throws Exception {
        String runId = "chaos-" + Long.toString(System.currentTimeMillis(), 36);
        Corpus corpus = Corpus.load(options.corpus(), Math.min(options.n(), 20_000));
        out.accept("chaos run " + runId + ": " + options.n() + " articles, a fault every " + options.every().toSeconds()
                + " s, PostgreSQL paused " + options.pgPause().toSeconds() + " s once, broker stopped "
                + options.brokerStop().toSeconds() + " s once (seed " + options.seed() + ")");
        LocalStack stack = new LocalStack(root, home, LocalStack.Ports.free(), "khabar_" + runId.replace('-', '_'));
        try {
            stack.startInfrastructure(out);
            LoopbackProxy pg = stack.proxyDatabase();
            stack.startServices(Map.of(), List.of(), out);
            stack.supervise(line -> out.accept("supervisor: " + line));
            String ingest = "http://localhost:" + stack.ports().ingest() + "/articles";

            Set<String> accepted = Collections.synchronizedSet(new HashSet<>());
            Thread poster = new Thread(() -> post(ingest, corpus, runId, accepted), "chaos-poster");
            Database db = stack.database();
            storedCount = () -> count(db, runId);
            Instant t0 = Instant.now();
            poster.start();
            // faults go on while articles are posted or still on their way to the store
            runFaults(stack, pg, () -> poster.isAlive() || storedCount.getAsInt() < accepted.size());
            poster.join();
            Duration posting = Duration.between(t0, Instant.now());
            out.accept("posted: " + accepted.size() + " accepted in " + posting.toSeconds() + " s; faults over;"
                    + " waiting for the store");

            Instant deadline = Instant.now().plus(options.drainTimeout());
            Set<String> stored = Set.of();
            while (Instant.now().isBefore(deadline)) {
                stored = storedIds(db, runId);
                if (stored.size() >= accepted.size()) {
                    break;
                }
                Thread.sleep(1000);
            }
            Thread.sleep(3000); // let the last transactions and offset commits land
            Map<String, Object> result = check(stack, runId, accepted, storedIds(db, runId));
            result.put("posting seconds", posting.toSeconds());
            result.put("total seconds", Duration.between(t0, Instant.now()).toSeconds());
            result.put("recovery", recoveryTable());
            print(result);
            if (options.report() != null) {
                appendReport(options.report(), runId, result);
            }
            return result;
        } finally {
            stack.closeAndDropDatabase();
        }
    }

    // ---------------------------------------------------------------------------------------------------- posting

    /** Posts every article, 100 a request, retrying a request until ingest accepts it (it may be down or refusing). */
    private void post(String url, Corpus corpus, String runId, Set<String> accepted) {
        int chunk = 100;
        for (int from = 0; from < options.n(); from += chunk) {
            StringBuilder body = new StringBuilder();
            for (int i = from; i < Math.min(options.n(), from + chunk); i++) {
                Corpus.Item item = corpus.get(i);
                ObjectNode a = EventJson.mapper().createObjectNode();
                a.put("id", runId + "-" + i);
                a.put("source", runId);
                a.put("title", item.title());
                a.put("body", item.body());
                body.append(EventJson.toJson(a)).append('\n');
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            for (int attempt = 1; ; attempt++) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 202) {
                        JsonNode ids = EventJson.mapper().readTree(r.body()).path("ids");
                        ids.forEach(id -> accepted.add(id.asText()));
                        break;
                    }
                    if (r.statusCode() != 503) {
                        throw new IllegalStateException("ingest refused a request of real articles: HTTP "
                                + r.statusCode() + " " + r.body());
                    }
                } catch (IOException e) {
                    // ingest is down or restarting: retry
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                sleep(Duration.ofMillis(Math.min(2000, 200L * attempt)));
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------- faults

    private void runFaults(LocalStack stack, LoopbackProxy pg, BooleanSupplier workLeft) {
        Random random = new Random(options.seed());
        List<String> kinds = List.of("ingest-service", "enrich-service", "store-service", "kafka", "postgres");
        boolean paused = false;
        boolean brokerStopped = false;
        int round = 0;
        while (workLeft.getAsBoolean() || !paused || !brokerStopped) {
            sleep(options.every());
            round++;
            if (!paused && round == 2) {
                pausePostgres(stack, pg);
                paused = true;
            } else if (!brokerStopped && round == 4) {
                stopBroker(stack);
                brokerStopped = true;
            } else {
                String kind = kinds.get(random.nextInt(kinds.size()));
                if (kind.equals("postgres")) {
                    crashPostgres(stack, pg);
                } else {
                    kill(stack, kind);
                }
            }
        }
    }

    private void kill(LocalStack stack, String name) {
        out.accept("FAULT kill -9 " + name);
        Instant at = Instant.now();
        stack.kill(name);
        Duration recovery = awaitUp("kill -9 " + name, () -> stack.isUp(name), at);
        faults.add(new Fault("kill -9 " + (name.equals("kafka") ? "broker" : name), at, Duration.ZERO, recovery));
    }

    /** PostgreSQL crash as clients see it: every connection drops, new ones are refused for about as long as a restart. */
    private void crashPostgres(LocalStack stack, LoopbackProxy pg) {
        out.accept("FAULT PostgreSQL crash (connections dropped, refused for 5 s)");
        Instant at = Instant.now();
        pg.cut();
        sleep(Duration.ofSeconds(5));
        pg.restore();
        Duration recovery = awaitUp("PostgreSQL crash", progressed(stack), Instant.now());
        faults.add(new Fault("PostgreSQL crash", at, Duration.ofSeconds(5), recovery));
    }

    private void pausePostgres(LocalStack stack, LoopbackProxy pg) {
        out.accept("FAULT PostgreSQL paused for " + options.pgPause().toSeconds() + " s");
        Instant at = Instant.now();
        pg.hold();
        sleep(options.pgPause());
        pg.release();
        Instant released = Instant.now();
        Duration recovery = awaitUp("PostgreSQL pause", progressed(stack), released);
        faults.add(new Fault("PostgreSQL paused", at, options.pgPause(), recovery));
    }

    private void stopBroker(LocalStack stack) {
        out.accept("FAULT broker stopped for " + options.brokerStop().toSeconds() + " s");
        Instant at = Instant.now();
        stack.stopBroker();
        sleep(options.brokerStop());
        try {
            stack.startBroker();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the broker again: " + e.getMessage(), e);
        }
        Instant started = Instant.now();
        BooleanSupplier progress = progressed(stack);
        Duration recovery = awaitUp("broker stop", () -> ready(stack.ports().ingest()) && ready(stack.ports().enrich())
                && progress.getAsBoolean(), started);
        faults.add(new Fault("broker stopped", at, options.brokerStop(), recovery));
    }

    /**
     * True once the store has stored another article since this call (the pipeline makes progress again), or, when
     * nothing is on its way, once store-service is ready.
     */
    private BooleanSupplier progressed(LocalStack stack) {
        int before = storedCount.getAsInt();
        return () -> {
            int now = storedCount.getAsInt();
            return now > before || (now >= 0 && now >= options.n() && storeReady(stack));
        };
    }

    private boolean storeReady(LocalStack stack) {
        return ready(stack.ports().store());
    }

    private boolean ready(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Duration awaitUp(String what, BooleanSupplier up, Instant from) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (up.getAsBoolean()) {
                Duration d = Duration.between(from, Instant.now());
                out.accept("recovered from " + what + " in " + d.toMillis() + " ms");
                return d;
            }
            sleep(Duration.ofMillis(250));
        }
        out.accept("NOT recovered from " + what + " within 5 minutes");
        return Duration.ofMinutes(5);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ----------------------------------------------------------------------------------------------------- checks

    private static int count(Database db, String runId) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM article WHERE source = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    private static Set<String> storedIds(Database db, String runId) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT id FROM article WHERE source = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private Map<String, Object> check(LocalStack stack, String runId, Set<String> accepted, Set<String> stored) {
        Map<String, Object> r = new LinkedHashMap<>();
        Set<String> missing = new HashSet<>(accepted);
        missing.removeAll(stored);
        Set<String> unexpected = new HashSet<>(stored);
        unexpected.removeAll(accepted);
        r.put("accepted", accepted.size());
        r.put("stored", stored.size());
        r.put("lost", missing.size());
        r.put("stored but not accepted", unexpected.size());

        Map<String, Integer> deadByStage = new TreeMap<>();
        read(stack.bootstrap(), Topics.DEAD_LETTER, rec -> {
            if (rec.key() != null && rec.key().startsWith(runId)) {
                Header h = rec.headers().lastHeader(DeadLetterHeaders.STAGE);
                deadByStage.merge(h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8), 1, Integer::sum);
            }
        });
        r.put("dead letters by stage", deadByStage);

        Map<String, Integer> revisions = new HashMap<>();
        int[] enriched = {0};
        read(stack.bootstrap(), Topics.ENRICHED, rec -> {
            if (rec.key() != null && rec.key().startsWith(runId)) {
                enriched[0]++;
                JsonNode event = readHead(rec.value());
                revisions.merge(rec.key() + "@" + event.path("revision").asText(), 1, Integer::sum);
            }
        });
        long duplicated = revisions.values().stream().filter(c -> c > 1).count();
        r.put("enriched records (read_committed)", enriched[0]);
        r.put("revisions on the enriched topic twice or more", duplicated);
        Map<String, Integer> left = leftToConsume(stack.bootstrap());
        r.put("records left to consume per stage", left);
        boolean ok = missing.isEmpty() && unexpected.isEmpty() && !deadByStage.containsKey("store") && duplicated == 0
                && left.values().stream().allMatch(v -> v == 0) && accepted.size() == options.n();
        r.put("ok", ok);
        return r;
    }

    /** The event's top-level fields up to {@code revision} (the event is large; its text is not needed). */
    private static JsonNode readHead(byte[] value) {
        try (var parser = EventJson.mapper().getFactory().createParser(value)) {
            ObjectNode head = EventJson.mapper().createObjectNode();
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return head;
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("revision") || name.equals("articleId")) {
                    head.put(name, parser.getText());
                    if (head.size() == 2) {
                        return head;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return head;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable enriched record: " + e.getMessage(), e);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every committed record of {@code topic}, from the beginning to the end as it is now. */
    private static void read(String bootstrap, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> c = consumer(bootstrap)) {
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            int idle = 0;
            while (idle < 10 && partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                var records = c.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                records.forEach(each);
            }
        }
    }

    /**
     * Per stage, the committed records it has not consumed: read from its group's committed offsets to the end,
     * read_committed (transaction markers are not records, so a stage that consumed everything has none left).
     */
    private static Map<String, Integer> leftToConsume(String bootstrap) {
        Map<String, Integer> left = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaConsumer<String, byte[]> c = consumer(bootstrap)) {
            for (LagMonitor.Stage s : LagMonitor.STAGES) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(s.group())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                List<TopicPartition> partitions = c.partitionsFor(s.topic(), Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(s.topic(), p.partition())).toList();
                c.assign(partitions);
                for (TopicPartition p : partitions) {
                    OffsetAndMetadata o = committed.get(p);
                    if (o == null) {
                        c.seekToBeginning(List.of(p));
                    } else {
                        c.seek(p, o.offset());
                    }
                }
                Map<TopicPartition, Long> end = c.endOffsets(partitions);
                int n = 0;
                int idle = 0;
                while (idle < 4 && partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                    int got = c.poll(Duration.ofMillis(500)).count();
                    n += got;
                    idle = got == 0 ? idle + 1 : 0;
                }
                left.put(s.name(), n);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the consumer groups' offsets: " + e.getMessage(), e);
        }
        return left;
    }

    // ----------------------------------------------------------------------------------------------------- report

    private Map<String, Map<String, Object>> recoveryTable() {
        Map<String, List<Long>> byKind = new TreeMap<>();
        synchronized (faults) {
            for (Fault f : faults) {
                byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f.recovery().toMillis());
            }
        }
        Map<String, Map<String, Object>> table = new LinkedHashMap<>();
        byKind.forEach((kind, ms) -> {
            Collections.sort(ms);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("count", ms.size());
            row.put("min s", ms.get(0) / 1000.0);
            row.put("median s", ms.get(ms.size() / 2) / 1000.0);
            row.put("max s", ms.get(ms.size() - 1) / 1000.0);
            table.put(kind, row);
        });
        return table;
    }

    private void print(Map<String, Object> r) {
        out.accept("RESULT");
        r.forEach((k, v) -> {
            if (!k.equals("recovery")) {
                out.accept("  " + k + ": " + v);
            }
        });
        out.accept("  recovery time per fault kind (SIGKILL: until the service is live again; PostgreSQL and"
                + " broker faults: from the fault's end until the store stores articles again):");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> table = (Map<String, Map<String, Object>>) r.get("recovery");
        table.forEach((kind, row) -> out.accept("    " + kind + ": " + row));
    }

    @SuppressWarnings("unchecked")
    private void appendReport(Path file, String runId, Map<String, Object> r) {
        StringBuilder md = new StringBuilder();
        md.append("\n### ").append(runId).append(" (").append(Instant.now().toString(), 0, 16).append("Z, ")
                .append(options.n()).append(" articles, a fault every ").append(options.every().toSeconds())
                .append(" s, seed ").append(options.seed()).append(")\n\n| check | value |\n| --- | --- |\n");
        r.forEach((k, v) -> {
            if (!k.equals("recovery")) {
                md.append("| ").append(k).append(" | ").append(v).append(" |\n");
            }
        });
        md.append("\n| fault | count | min s | median s | max s |\n| --- | --- | --- | --- | --- |\n");
        ((Map<String, Map<String, Object>>) r.get("recovery")).forEach((kind, row) -> md.append("| ").append(kind)
                .append(" | ").append(row.get("count")).append(" | ").append(row.get("min s")).append(" | ")
                .append(row.get("median s")).append(" | ").append(row.get("max s")).append(" |\n"));
        Tools.append(file, md.toString());
    }
}
