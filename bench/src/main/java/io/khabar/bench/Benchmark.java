package io.khabar.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.bench.cli.Tools;
import io.khabar.events.EventJson;
import io.khabar.events.Topics;
import io.khabar.infra.kafka.TopicProbe;
import io.khabar.local.LocalStack;
import io.khabar.text.Scores;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The end-to-end benchmark: a pass-through baseline and the real pipeline on the same broker, side by side in one run;
 * a throughput run of N real articles written to the raw topic as fast as the producer allows, timed until all are
 * stored; latency runs at fixed rates over HTTP, measured from timestamps carried in the events; CPU seconds per
 * article and peak RSS per process. {@code ./khabar bench --help} lists the options ({@link Command}).
 */
public final class Benchmark {
    private final BenchOptions options;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    public Benchmark(BenchOptions options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    public static void main(String[] args) {
        Tools.run(new Command(), args);
    }

    /** {@code ./khabar bench}: the options, then the run and its report. */
    @CommandLine.Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The end-to-end benchmark. Starts its own broker, PostgreSQL and the three services, runs a"
                    + " pass-through baseline and the real pipeline side by side: a throughput run of N real articles"
                    + " written to the raw topic, timed until all are stored, then latency runs at fixed rates over"
                    + " HTTP; CPU per article and peak RSS per process.",
                    "Prints a Markdown table, appends it to REPORT_DIR/benchmarks.md and writes the JSON to"
                    + " REPORT_DIR/benchmarks/. KHABAR_HOME: where its data and logs go (default .khabar)."})
    public static final class Command implements Callable<Integer> {
        /** The repository: defaults are relative to it. */
        Path root = Path.of(System.getProperty("khabar.root", ".")).toAbsolutePath().normalize();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--n", paramLabel = "N", defaultValue = "20000", converter = Tools.PositiveInt.class,
                description = "articles in the throughput run and the baseline (default: ${DEFAULT-VALUE})")
        int n;

        @Option(names = "--warmup", paramLabel = "W", defaultValue = "2000", converter = Tools.Count.class,
                description = "articles sent through the baseline and through the pipeline, and waited for, before"
                        + " each timed run, so that it measures services past their start-up and JIT compilation"
                        + " (default: ${DEFAULT-VALUE}; 0: none)")
        int warmup;

        @Option(names = "--rates", paramLabel = "RATE", split = ",", defaultValue = "50,200",
                converter = Tools.PositiveInt.class,
                description = "latency runs, articles per second (default: ${DEFAULT-VALUE})")
        List<Integer> rates;

        @Option(names = "--latency-seconds", paramLabel = "S", defaultValue = "60", converter = Tools.PositiveInt.class,
                description = "length of each latency run (default: ${DEFAULT-VALUE})")
        int latencySeconds;

        @Option(names = "--latency-warmup", paramLabel = "S", defaultValue = "60", converter = Tools.Count.class,
                description = "seconds of articles sent over HTTP at the first rate before the latency runs, and"
                        + " waited for (not counted): the HTTP path and the one-record transactions of light load"
                        + " compiled, as after a service's first minutes (default: ${DEFAULT-VALUE}; 0: none)")
        int latencyWarmup;

        @Option(names = "--settle", paramLabel = "PCT", defaultValue = "5", converter = Tools.Count.class,
                description = "after each warm-up (--warmup, --latency-warmup), another of the same length while the"
                        + " JVMs' JIT compiler threads took more than PCT%% of their CPU in the last one, so that the"
                        + " timed runs measure compiled services, as in production after their first minutes; the"
                        + " report shows the JIT's CPU apart (default: ${DEFAULT-VALUE}; 0: the warm-ups as given)")
        int settlePercent;

        @Option(names = "--settle-rounds", paramLabel = "R", defaultValue = "6", converter = Tools.Count.class,
                description = "at most R more warm-ups each time (default: ${DEFAULT-VALUE})")
        int settleRounds;

        @Option(names = "--no-baseline", description = "skip the pass-through baseline")
        boolean noBaseline;

        @Option(names = "--profile", description = "record a JFR file per service under KHABAR_HOME/bench/profiles")
        boolean profile;

        @Option(names = "--corpus", paramLabel = "DIR", description = "news corpus (default: ../shared/data/news)")
        Path corpus;

        @Option(names = "--report-dir", paramLabel = "DIR",
                description = "where the results JSON and the Markdown table go (default: docs/)")
        Path reportDir;

        @Option(names = "--attach", description = "measure a running stack instead of starting one (no baseline, no"
                + " process figures); needs --bootstrap, --ingest-url and --jdbc-url")
        boolean attach;

        @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "with --attach: the Kafka broker")
        String bootstrap;

        @Option(names = "--ingest-url", paramLabel = "URL", description = "with --attach: ingest-service's base URL")
        String ingestUrl;

        @Option(names = "--jdbc-url", paramLabel = "URL", description = "with --attach: store-service's database")
        String jdbcUrl;

        @Option(names = "--jdbc-user", paramLabel = "U", defaultValue = "postgres",
                description = "with --attach: the database user (default: ${DEFAULT-VALUE})")
        String jdbcUser;

        @Option(names = "--jdbc-password", paramLabel = "P", defaultValue = "",
                description = "with --attach: the database password (default: none)")
        String jdbcPassword;

        /** The options given, checked together; a wrong combination is a parameter error (exit code 2). */
        BenchOptions options() {
            if (attach && (bootstrap == null || ingestUrl == null || jdbcUrl == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--attach needs --bootstrap, --ingest-url and --jdbc-url");
            }
            if (attach && !bootstrap.matches("[\\w.-]+:\\d+(,[\\w.-]+:\\d+)*")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--bootstrap needs HOST:PORT[,HOST:PORT...], not " + bootstrap);
            }
            if (attach && !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--jdbc-url needs a jdbc:postgresql: URL, not " + jdbcUrl);
            }
            return new BenchOptions(n, warmup, List.copyOf(rates), latencySeconds, latencyWarmup,
                    settlePercent, settleRounds, !noBaseline && !attach, profile,
                    corpus != null ? corpus : Corpus.beside(root),
                    reportDir != null ? reportDir : root.resolve("docs"), attach, bootstrap, ingestUrl, jdbcUrl,
                    jdbcUser, jdbcPassword);
        }

        @Override
        public Integer call() throws Exception {
            BenchOptions options = options();
            Tools.writableFolder(options.reportDir()); // before the run, not after it
            String homeEnv = System.getenv("KHABAR_HOME");
            Path home = (homeEnv == null || homeEnv.isBlank() ? root.resolve(".khabar") : Path.of(homeEnv))
                    .resolve("bench");
            Map<String, Object> results = new Benchmark(options, line -> System.out.println("• " + line))
                    .run(root, home);
            System.out.println();
            System.out.println(Report.markdown(results));
            Path json;
            try {
                json = Report.write(results, options.reportDir());
            } catch (java.io.IOException e) {
                throw new Tools.Failure("cannot write the report in " + options.reportDir() + ": " + Tools.message(e));
            }
            System.out.println("results: " + json + " and " + options.reportDir().resolve("benchmarks.md"));
            return 0;
        }
    }

    /** Runs everything and returns the results (also what the harness test inspects). */
    public Map<String, Object> run(Path root, Path home) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", Instant.now().toString());
        results.put("commit", Report.gitCommit(root));
        results.put("machine", Report.machine());
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("n", options.n());
        opts.put("rates", options.rates());
        opts.put("latencySeconds", options.latencySeconds());
        opts.put("latencyWarmupSeconds", options.latencyWarmup());
        opts.put("settlePercent", options.settlePercent());
        opts.put("settleRounds", options.settleRounds());
        opts.put("baseline", options.baseline());
        opts.put("attached", options.attach());
        results.put("options", opts);

        log.accept("loading corpus from " + options.corpus());
        Corpus corpus = Corpus.load(options.corpus(), Math.min(options.n(), 40_000));
        results.put("corpus", Map.of("distinctArticles", corpus.size(), "source", "SaudiNewsNet (ar) + BBC (en), mixed"));
        log.accept("corpus: " + corpus.size() + " distinct articles (repeated with fresh ids to reach N)");

        LocalStack stack = null;
        String bootstrap = options.bootstrap();
        String ingestUrl = options.ingestUrl();
        Db db;
        List<String> jvmOptions = new ArrayList<>();
        if (options.profile()) {
            jvmOptions.add("-XX:StartFlightRecording=filename=" + home.resolve("profiles").toAbsolutePath()
                    + "/{service}.jfr,settings=profile,dumponexit=true");
            java.nio.file.Files.createDirectories(home.resolve("profiles"));
        }
        try {
            if (!options.attach()) {
                // A fresh broker every run: records or offsets left by an interrupted run would be counted in this one.
                deleteRecursively(home.resolve("kafka"));
                stack = new LocalStack(root, home, LocalStack.Ports.free(), "khabar_bench_" + runId);
                stack.startInfrastructure(log);
                bootstrap = stack.bootstrap();
                ingestUrl = "http://localhost:" + stack.ports().ingest();
                db = new Db(stack.database().jdbcUrl(), stack.database().username(), stack.database().password());
            } else {
                db = new Db(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
            }

            Map<String, Object> baseline = null;
            if (options.baseline()) {
                log.accept("baseline: the same three hops, forwarded unread by PassThroughForwarder processes in the"
                        + " services' places (no framework, JSON, normalization, enrichment or database)");
                startPassThrough(stack);
                warmUp(stack, bootstrap, db, corpus, "warmbase-" + runId, true);
                baseline = throughput(stack, bootstrap, db, corpus, "base-" + runId, true);
                stack.stopServices();
                results.put("baseline", baseline);
            }
            if (stack != null) {
                stack.startServices(Map.of(), jvmOptions, log);
            }
            warmUp(stack, bootstrap, db, corpus, "warm-" + runId, false);
            log.accept("throughput run: " + options.n() + " articles to " + Topics.RAW);
            Map<String, Object> real = throughput(stack, bootstrap, db, corpus, "tput-" + runId, false);
            if (baseline != null && baseline.get("articlesPerSecond") instanceof Number b
                    && real.get("articlesPerSecond") instanceof Number r && b.doubleValue() > 0) {
                real.put("ratioToBaseline", Scores.round3(r.doubleValue() / b.doubleValue()));
            }
            results.put("throughput", real);

            if (options.latencyWarmup() > 0) {
                int rate = options.rates().get(0);
                for (int round = 0; ; round++) {
                    log.accept("latency warm-up: " + rate + " articles/s for " + options.latencyWarmup()
                            + " s over HTTP (not counted)");
                    Map<String, Object> warm = latency(stack, ingestUrl, db, corpus, "latwarm" + round + "-" + runId,
                            rate, options.latencyWarmup());
                    @SuppressWarnings("unchecked") // as latency() put them
                    Map<String, Double> cpu = (Map<String, Double>) warm.get("cpuMillisPerArticle");
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Double>> jvm = (Map<String, Map<String, Double>>) warm.get(
                            "jvmThreadMillisPerArticle");
                    if (settled(cpu, jvm, round)) {
                        break;
                    }
                }
            }
            List<Map<String, Object>> latency = new ArrayList<>();
            for (int rate : options.rates()) {
                log.accept("latency run: " + rate + " articles/s for " + options.latencySeconds() + " s over HTTP");
                latency.add(latency(stack, ingestUrl, db, corpus, "lat" + rate + "-" + runId, rate,
                        options.latencySeconds()));
            }
            results.put("latency", latency);
            results.put("goals", Report.goals(results));
            if (options.profile()) {
                results.put("profiles", home.resolve("profiles").toString());
            }
        } finally {
            if (stack != null) {
                stack.closeServices();
                stack.dropDatabase();
                stack.close();
            }
        }
        return results;
    }

    /**
     * The baseline's three stages, each a {@link PassThroughForwarder} process in its service's place (same consumer
     * group, poll size and JVM settings): raw to normalized and normalized to enriched in a Kafka transaction per
     * poll, enriched consumed and committed.
     */
    private void startPassThrough(LocalStack stack) throws java.io.IOException {
        String cp = System.getProperty("java.class.path");
        String main = PassThroughForwarder.class.getName();
        String bootstrap = stack.bootstrap();
        stack.startInstead("store-service", List.of("-cp", cp, main, "--bootstrap", bootstrap, "--group",
                "khabar-store", "--from", Topics.ENRICHED, "--max-poll", "100"), log);
        stack.startInstead("enrich-service", List.of("-cp", cp, main, "--bootstrap", bootstrap, "--group",
                "khabar-enrich", "--from", Topics.NORMALIZED, "--to", Topics.ENRICHED), log);
        stack.startInstead("ingest-service", List.of("-cp", cp, main, "--bootstrap", bootstrap, "--group",
                "khabar-ingest", "--from", Topics.RAW, "--to", Topics.NORMALIZED), log);
        stack.awaitConsumersAssigned(java.time.Duration.ofSeconds(60));
    }

    private Map<String, Object> throughput(LocalStack stack, String bootstrap, Db db, Corpus corpus, String tag,
                                           boolean passThrough) throws Exception {
        int n = options.n();
        List<byte[]> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            payloads.add(article(tag, i, corpus.get(i)));
        }
        long bytes = payloads.stream().mapToLong(p -> p.length).sum();
        Map<String, Long> pids = stack == null ? Map.of() : stack.pids();
        ProcessStats.resetPeakRss(pids);
        Map<String, Double> cpu0 = ProcessStats.cpuSeconds(pids);
        Map<String, Map<String, Double>> jvm0 = ProcessStats.jvmThreadSeconds(pids);
        try (LagMonitor lag = new LagMonitor(bootstrap);
             KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            Map<String, Long> before = lag.committedNow();
            long t0 = System.nanoTime();
            lag.start(t0);
            publish(producer, tag, payloads);
            double publishSeconds = (System.nanoTime() - t0) / 1e9;
            log.accept(String.format("published %d articles (%.1f MB) in %.1f s", n, bytes / 1e6, publishSeconds));

            long timeoutMs = Math.max(180_000, n * 20L);
            long stored;
            if (passThrough) {
                stored = awaitDrained(lag, before, n, t0, timeoutMs);
            } else {
                stored = awaitStored(db, tag, n, t0, timeoutMs);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            awaitAllCommitted(lag, before, n);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("mode", passThrough ? "pass-through" : "pipeline");
            out.put("n", n);
            out.put("megabytes", Math.round(bytes / 1e5) / 10.0);
            out.put("publishSeconds", round(publishSeconds));
            out.put("seconds", round(seconds));
            out.put("completed", stored);
            out.put("articlesPerSecond", Math.round(stored / seconds));
            out.put("stages", lag.perStage(before, n));
            if (!passThrough) {
                out.put("check", check(db, tag, n, bootstrap));
            }
            out.put("cpuMillisPerArticle", ProcessStats.millisPerArticle(cpu0, ProcessStats.cpuSeconds(pids), n));
            out.put("jvmThreadMillisPerArticle",
                    ProcessStats.jvmThreadMillisPerArticle(jvm0, ProcessStats.jvmThreadSeconds(pids), n));
            out.put("peakRssMiB", ProcessStats.peakRssMiB(pids));
            log.accept(String.format("%s: %d of %d in %.1f s = %d articles/s", out.get("mode"), stored, n, seconds,
                    (long) out.get("articlesPerSecond")));
            return out;
        }
    }

    /**
     * Sends {@link BenchOptions#warmup} articles (the corpus's second half, as the latency runs) and waits until they
     * are stored (the baseline: consumed by every stage). Services then run their hot paths compiled, as they do
     * after their first minutes in production, and the timed run does not pay for three JVMs compiling on two cores.
     */
    private void warmUp(LocalStack stack, String bootstrap, Db db, Corpus corpus, String tag, boolean passThrough)
            throws Exception {
        Map<String, Long> pids = stack == null ? Map.of() : stack.pids();
        for (int round = 0; options.warmup() > 0; round++) {
            Map<String, Double> cpu0 = ProcessStats.cpuSeconds(pids);
            Map<String, Map<String, Double>> jvm0 = ProcessStats.jvmThreadSeconds(pids);
            warmUp(bootstrap, db, corpus, tag + "-" + round, passThrough, round);
            if (settled(ProcessStats.millisPerArticle(cpu0, ProcessStats.cpuSeconds(pids), options.warmup()),
                    ProcessStats.jvmThreadMillisPerArticle(jvm0, ProcessStats.jvmThreadSeconds(pids),
                            options.warmup()), round)) {
                return;
            }
        }
    }

    /**
     * Whether a warm-up (its CPU and its JVMs' JIT and GC threads' CPU per article) left the JVMs compiled enough to
     * time them: their JIT compiler threads took at most {@code --settle} percent of their CPU, or the rounds are used
     * up, or there is nothing to read (an attached stack, no {@code /proc}).
     */
    private boolean settled(Map<String, Double> cpuPerArticle, Map<String, Map<String, Double>> jvmPerArticle,
                            int round) {
        double share = ProcessStats.jitShare(cpuPerArticle, jvmPerArticle);
        if (options.settlePercent() == 0 || Double.isNaN(share)) {
            return true;
        }
        boolean done = share * 100 <= options.settlePercent() || round >= options.settleRounds();
        log.accept(String.format("  the JIT compilers took %.1f%% of the JVMs' CPU in it: %s", share * 100,
                share * 100 <= options.settlePercent() ? "settled" : done
                        ? "not settled after " + round + " more warm-ups (--settle-rounds); timing anyway"
                        : "another warm-up (--settle " + options.settlePercent() + ")"));
        return done;
    }

    private void warmUp(String bootstrap, Db db, Corpus corpus, String tag, boolean passThrough, int round)
            throws Exception {
        int w = options.warmup();
        // the corpus's second half, as the latency runs; each round other articles where the corpus has them
        long offset = corpus.size() / 2 + (long) round * w;
        try (LagMonitor lag = new LagMonitor(bootstrap);
             KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            Map<String, Long> before = lag.committedNow();
            long t0 = System.nanoTime();
            List<byte[]> payloads = new ArrayList<>(w);
            for (int i = 0; i < w; i++) {
                payloads.add(article(tag, i, corpus.get(offset + i)));
            }
            publish(producer, tag, payloads);
            long timeoutMs = Math.max(180_000, w * 20L);
            long done = passThrough ? awaitDrained(lag, before, w, t0, timeoutMs) : awaitStored(db, tag, w, t0, timeoutMs);
            if (done < w) {
                throw new IllegalStateException("the warm-up did not complete: " + done + " of " + w);
            }
            log.accept(String.format("warm-up: %d articles through in %.1f s (not counted)", w,
                    (System.nanoTime() - t0) / 1e9));
        }
    }

    /** Writes the payloads to the raw topic, keyed {@code tag-i}, and waits until the broker has them all. */
    private static void publish(KafkaProducer<String, byte[]> producer, String tag, List<byte[]> payloads) {
        for (int i = 0; i < payloads.size(); i++) {
            producer.send(new ProducerRecord<>(Topics.RAW, tag + "-" + i, payloads.get(i)));
        }
        producer.flush();
    }

    /** Stored count, no duplicate ids, and nothing of this run on the dead-letter topic. */
    private Map<String, Object> check(Db db, String tag, int n, String bootstrap) throws SQLException {
        Map<String, Object> c = new LinkedHashMap<>();
        long rows = db.count(tag);
        long distinct = db.distinctIds(tag);
        long dead; // a long, also in the JSON
        try (TopicProbe probe = new TopicProbe(bootstrap)) {
            dead = probe.awaitAll(Topics.DEAD_LETTER, r -> r.key() != null && r.key().startsWith(tag + "-"),
                    Integer.MAX_VALUE, Duration.ofSeconds(3)).size();
        }
        c.put("expected", n);
        c.put("storedRows", rows);
        c.put("distinctIds", distinct);
        c.put("deadLettered", dead);
        c.put("ok", rows == n && distinct == n && dead == 0);
        return c;
    }

    /** Offsets are committed every 500 ms after processing: wait (at most 10 s) until every stage shows drained. */
    private static void awaitAllCommitted(LagMonitor lag, Map<String, Long> before, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Long> now = lag.committedNow();
            if (now.entrySet().stream().allMatch(e -> e.getValue() - before.get(e.getKey()) >= n)) {
                Thread.sleep(300); // let the sampler record it
                return;
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until {@code n} rows of the run are stored. The count runs inside the PostgreSQL being measured, so it
     * keeps one connection (no server process started per look) and looks about every tenth of the expected time
     * left: every 100 ms near the end, as rarely as every 2 s while far from it. (Until 2026-12-06 it opened a new
     * connection and counted every 100 ms, ten server processes and counts a second, all in the PostgreSQL column.)
     */
    private long awaitStored(Db db, String tag, int n, long t0, long timeoutMs) throws Exception {
        long last = -1;
        long lastLog = System.nanoTime();
        try (Db.Counter counter = db.counter(tag)) {
            long previous = 0;
            long previousAt = System.nanoTime();
            while ((System.nanoTime() - t0) / 1_000_000 < timeoutMs) {
                long c = counter.value();
                long at = System.nanoTime();
                if (c >= n) {
                    return c;
                }
                if (at - lastLog > 5_000_000_000L) {
                    log.accept(String.format("  stored %d of %d after %.0f s", c, n, (at - t0) / 1e9));
                    lastLog = at;
                }
                last = c;
                Thread.sleep(nextLookMillis(n - c, c - previous, at - previousAt));
                previous = c;
                previousAt = at;
            }
        }
        log.accept("timed out: " + last + " of " + n + " stored");
        return last;
    }

    /** A tenth of the time the {@code left} rows take at the rate of the last look, within [100 ms, 2 s]. */
    static long nextLookMillis(long left, long storedSinceLast, long nanosSinceLast) {
        if (storedSinceLast <= 0 || nanosSinceLast <= 0) {
            return 500;
        }
        double perMs = storedSinceLast / (nanosSinceLast / 1e6);
        return Math.max(100, Math.min(2_000, Math.round(left / perMs / 10)));
    }

    /**
     * The baseline is complete when ingest has consumed the n raw records (a plain topic: offsets count records) and
     * enrich and store have consumed everything on their inputs (topics written in transactions, where offsets also
     * count commit markers, so they do not count records).
     */
    private long awaitDrained(LagMonitor lag, Map<String, Long> before, int n, long t0, long timeoutMs)
            throws Exception {
        long ingested = 0;
        while ((System.nanoTime() - t0) / 1_000_000 < timeoutMs) {
            ingested = lag.committedNow().get("ingest") - before.get("ingest");
            if (ingested >= n && LagMonitor.STAGES.stream().allMatch(lag::caughtUp)) {
                return n;
            }
            Thread.sleep(50);
        }
        log.accept("timed out: ingest consumed " + ingested + " of " + n + ", or a later stage had records left");
        return Math.min(ingested, n) - 1;
    }

    private Map<String, Object> latency(LocalStack stack, String ingestUrl, Db db, Corpus corpus, String tag, int rate,
                                        int seconds) throws Exception {
        Map<String, Long> pids = stack == null ? Map.of() : stack.pids();
        ProcessStats.resetPeakRss(pids);
        Map<String, Double> cpu0 = ProcessStats.cpuSeconds(pids);
        Map<String, Map<String, Double>> jvm0 = ProcessStats.jvmThreadSeconds(pids);
        int total = rate * seconds;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> inFlight = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long offset = corpus.size() / 2; // other articles than the throughput run started with
        timer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/articles"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(article(tag, i, corpus.get(offset + i)))).build();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e == null && r.statusCode() == 202) {
                    accepted.incrementAndGet();
                } else {
                    failures.add(e != null ? e.toString() : "HTTP " + r.statusCode());
                }
            }));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        long t0 = System.nanoTime();
        while (next.get() < total) {
            Thread.sleep(100);
        }
        timer.shutdown();
        double publishSeconds = (System.nanoTime() - t0) / 1e9;
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(60, TimeUnit.SECONDS);
        long stored = awaitStored(db, tag, accepted.get(), System.nanoTime(), 120_000);
        Map<String, List<Double>> ms = db.latencies(tag);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rate", rate);
        out.put("seconds", seconds);
        out.put("achievedRate", Math.round(total / publishSeconds));
        out.put("sent", total);
        out.put("accepted", accepted.get());
        out.put("failed", failures.size());
        if (!failures.isEmpty()) {
            out.put("firstFailure", failures.peek());
        }
        out.put("stored", stored);
        Map<String, Object> percentiles = new LinkedHashMap<>();
        ms.forEach((stage, values) -> percentiles.put(stage, Report.percentiles(values)));
        out.put("latencyMs", percentiles);
        out.put("cpuMillisPerArticle", ProcessStats.millisPerArticle(cpu0, ProcessStats.cpuSeconds(pids), stored));
        out.put("jvmThreadMillisPerArticle",
                ProcessStats.jvmThreadMillisPerArticle(jvm0, ProcessStats.jvmThreadSeconds(pids), stored));
        out.put("peakRssMiB", ProcessStats.peakRssMiB(pids));
        log.accept(String.format("latency at %d/s: e2e %s", rate, percentiles.get("endToEnd")));
        return out;
    }

    /** A native article of the run: id {@code tag-i}, source {@code tag} (so the run's rows can be counted). */
    private static byte[] article(String tag, int i, Corpus.Item item) {
        ObjectNode a = EventJson.mapper().createObjectNode();
        a.put("id", tag + "-" + i);
        a.put("source", tag);
        a.put("title", item.title());
        a.put("body", item.body());
        return EventJson.toBytes(a);
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The benchmark's queries on store-service's database (parameterized). */
    record Db(String url, String user, String password) {
        long count(String source) throws SQLException {
            try (Counter c = counter(source)) {
                return c.value();
            }
        }

        long distinctIds(String source) throws SQLException {
            try (Counter c = new Counter(connect(), "SELECT count(DISTINCT id) FROM article WHERE source = ?", source)) {
                return c.value();
            }
        }

        /** Counts the rows of one source again and again over one connection. */
        Counter counter(String source) throws SQLException {
            return new Counter(connect(), "SELECT count(*) FROM article WHERE source = ?", source);
        }

        private Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** A one-number query about one source, run as often as needed over one connection (closed with it). */
        static final class Counter implements AutoCloseable {
            private final Connection connection;
            private final PreparedStatement statement;

            Counter(Connection connection, String sql, String source) throws SQLException {
                this.connection = connection;
                try {
                    this.statement = connection.prepareStatement(sql);
                    statement.setString(1, source);
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
            }

            long value() throws SQLException {
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                } catch (SQLException e) {
                    if ("42P01".equals(e.getSQLState())) {
                        return 0; // table not created yet
                    }
                    throw e;
                }
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        }

        /** Milliseconds per stage, from the timestamps each stage wrote into the event, and the commit time. */
        Map<String, List<Double>> latencies(String source) throws SQLException {
            String sql = """
                    SELECT EXTRACT(EPOCH FROM stored_at - received_at) * 1000,
                           EXTRACT(EPOCH FROM (document->>'normalizedAt')::timestamptz - received_at) * 1000,
                           EXTRACT(EPOCH FROM (document->>'enrichedAt')::timestamptz - (document->>'normalizedAt')::timestamptz) * 1000,
                           EXTRACT(EPOCH FROM stored_at - enriched_at) * 1000
                    FROM article WHERE source = ?""";
            Map<String, List<Double>> out = new LinkedHashMap<>();
            for (String k : List.of("endToEnd", "ingest", "enrich", "store")) {
                out.put(k, new ArrayList<>());
            }
            try (Connection c = connect();
                 PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.get("endToEnd").add(rs.getDouble(1));
                        out.get("ingest").add(rs.getDouble(2));
                        out.get("enrich").add(rs.getDouble(3));
                        out.get("store").add(rs.getDouble(4));
                    }
                }
            }
            return out;
        }
    }

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }
}
