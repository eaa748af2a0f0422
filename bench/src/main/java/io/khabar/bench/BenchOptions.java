package io.khabar.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@code ./khabar bench}.
 *
 * @param n               articles in the throughput and baseline runs
 * @param rates           articles per second of the latency runs
 * @param latencySeconds  how long each latency run publishes
 * @param baseline        whether to run the pass-through baseline
 * @param profile         record a JFR file per service
 * @param corpus          the news corpus folder
 * @param reportDir       where results.json and benchmarks.md are written
 * @param attach          use a running stack instead of starting one (no baseline, no process figures)
 * @param bootstrap       with attach: the broker
 * @param ingestUrl       with attach: ingest-service's base URL
 * @param jdbcUrl         with attach: store-service's database
 */
record BenchOptions(int n, List<Integer> rates, int latencySeconds, boolean baseline, boolean profile, Path corpus,
                    Path reportDir, boolean attach, String bootstrap, String ingestUrl, String jdbcUrl,
                    String jdbcUser, String jdbcPassword) {

    static final String USAGE = """
            usage: ./khabar bench [options]
              --n N                 articles in the throughput run and the baseline (default 20000)
              --rates R1,R2         latency runs, articles per second (default 50,200)
              --latency-seconds S   length of each latency run (default 60)
              --no-baseline         skip the pass-through baseline
              --profile             record a JFR file per service under KHABAR_HOME/bench/profiles
              --corpus DIR          news corpus (default ../shared/data/news)
              --report-dir DIR      where results JSON and the Markdown table go (default docs/)
              --attach --bootstrap HOST:PORT --ingest-url URL --jdbc-url URL [--jdbc-user U --jdbc-password P]
                                    measure a running stack instead of starting one (no baseline, no process figures)""";

    static BenchOptions parse(String[] args, Path root) {
        int n = 20_000;
        List<Integer> rates = List.of(50, 200);
        int seconds = 60;
        boolean baseline = true;
        boolean profile = false;
        Path corpus = root.resolve("../shared/data/news").normalize();
        Path reportDir = root.resolve("docs");
        boolean attach = false;
        String bootstrap = null;
        String ingest = null;
        String jdbc = null;
        String user = "postgres";
        String password = "";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--n" -> n = positive(a, value(args, ++i, a));
                case "--rates" -> {
                    List<Integer> r = new ArrayList<>();
                    for (String s : value(args, ++i, a).split(",")) {
                        r.add(positive(a, s.strip()));
                    }
                    rates = r;
                }
                case "--latency-seconds" -> seconds = positive(a, value(args, ++i, a));
                case "--no-baseline" -> baseline = false;
                case "--profile" -> profile = true;
                case "--corpus" -> corpus = Path.of(value(args, ++i, a));
                case "--report-dir" -> reportDir = Path.of(value(args, ++i, a));
                case "--attach" -> attach = true;
                case "--bootstrap" -> bootstrap = value(args, ++i, a);
                case "--ingest-url" -> ingest = value(args, ++i, a);
                case "--jdbc-url" -> jdbc = value(args, ++i, a);
                case "--jdbc-user" -> user = value(args, ++i, a);
                case "--jdbc-password" -> password = value(args, ++i, a);
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (attach && (bootstrap == null || ingest == null || jdbc == null)) {
            throw new IllegalArgumentException("--attach needs --bootstrap, --ingest-url and --jdbc-url");
        }
        if (attach && !bootstrap.matches("[\\w.-]+:\\d+(,[\\w.-]+:\\d+)*")) {
            throw new IllegalArgumentException("--bootstrap needs HOST:PORT[,HOST:PORT...], not " + bootstrap);
        }
        if (attach && !jdbc.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--jdbc-url needs a jdbc:postgresql: URL, not " + jdbc);
        }
        return new BenchOptions(n, rates, seconds, baseline && !attach, profile, corpus, reportDir, attach, bootstrap,
                ingest, jdbc, user, password);
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String s) {
        try {
            int v = Integer.parseInt(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, not " + s);
    }
}
