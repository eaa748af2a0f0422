package io.khabar.bench;

import io.khabar.bench.cli.Tools;

import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of {@code ./khabar bench}.
 *
 * @param n               articles in the throughput and baseline runs
 * @param warmup          articles sent through each stack, and waited for, before its timed run (not counted)
 * @param rates           articles per second of the latency runs
 * @param latencySeconds  how long each latency run publishes
 * @param latencyWarmup   seconds sent over HTTP at the first rate before the latency runs (not counted)
 * @param settlePercent   after each warm-up, more of it until the JVMs' JIT compiler threads take less than this share
 *                        (percent) of their CPU; 0: the warm-up as given, however much is still being compiled
 * @param settleRounds    at most this many more warm-ups, each as long as the first
 * @param baseline        whether to run the pass-through baseline
 * @param profile         record a JFR file per service
 * @param corpus          the news corpus folder
 * @param reportDir       where results.json and benchmarks.md are written
 * @param attach          use a running stack instead of starting one (no baseline, no process figures)
 * @param bootstrap       with attach: the broker
 * @param ingestUrl       with attach: ingest-service's base URL
 * @param jdbcUrl         with attach: store-service's database
 */
record BenchOptions(int n, int warmup, List<Integer> rates, int latencySeconds, int latencyWarmup,
                    int settlePercent, int settleRounds, boolean baseline, boolean profile, Path corpus,
                    Path reportDir, boolean attach, String bootstrap, String ingestUrl, String jdbcUrl,
                    String jdbcUser, String jdbcPassword) {

    /** Reads the options as {@code ./khabar bench} does ({@link Benchmark.Command}); a wrong one is a picocli error. */
    static BenchOptions parse(String[] args, Path root) {
        Benchmark.Command command = new Benchmark.Command();
        command.root = root;
        return Tools.parse(command, args).options();
    }
}
