package io.khabar.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code khabar} command line (picocli): {@code run} starts the local stack and ingests files, {@code post} sends
 * files to a running ingest-service, {@code replay-dead-letters} sends dead letters back. Every command has
 * {@code --help}; a wrong option prints one line and the usage, exit code 2; a failure prints one line, exit code 1.
 */
@Command(name = "khabar", mixinStandardHelpOptions = true, version = "khabar 0.1.0",
        description = "Khabar: a newsroom's article feed, enriched, searchable and live.",
        subcommands = {Khabar.Run.class, Khabar.Post.class, Khabar.Replay.class, CommandLine.HelpCommand.class},
        footer = {"", "Tools, each with --help, run as ./khabar TOOL:",
                "  bench, event-sizes, query-bench, chaos, jmh, normalize, eval-extraction,",
                "  eval-langid, eval-ner, eval-linking, eval-topics, train-ner, entity-footprint,",
                "  synthetic-kb, import-wikidata"})
public final class Khabar {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Khabar's error handling: one line per failure, no stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Khabar());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli;
    }

    private static Path resolve(Path p) {
        return Path.of(System.getProperty("khabar.cwd", ".")).resolve(p).normalize();
    }

    private static List<Path> existing(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            Path r = resolve(p);
            if (!Files.exists(r)) {
                throw new IllegalArgumentException("no such file or folder: " + r);
            }
            out.add(r);
        }
        return out;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Starts Kafka, PostgreSQL and the three services, then ingests the bundled samples/ or the"
                    + " given files: .txt (title on line 1), .json, .ndjson/.jsonl, .html. Ctrl-C stops everything.",
                    "KHABAR_HOME: where data and logs go (default .khabar)."})
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "FILE|FOLDER", description = "files to ingest (default: samples/)")
        List<Path> inputs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Path root = Path.of(System.getProperty("khabar.root", ".")).toAbsolutePath().normalize();
            String homeEnv = System.getenv("KHABAR_HOME");
            Path home = homeEnv == null || homeEnv.isBlank() ? root.resolve(".khabar") : Path.of(homeEnv);
            List<Path> files = inputs.isEmpty() ? List.of(root.resolve("samples")) : existing(inputs);

            long t0 = System.nanoTime();
            LocalStack stack = new LocalStack(root, home, LocalStack.Ports.defaults(), "khabar");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("\nstopping Khabar...");
                stack.close();
                System.out.println("stopped. Data and logs are in " + home + " (delete the folder to start afresh).");
                stopped.countDown();
            }, "khabar-stop"));
            try {
                stack.start(line -> System.out.println("• " + line));
            } catch (RuntimeException e) {
                System.err.println("Khabar could not start: " + e.getMessage());
                return 1;
            }
            System.out.printf("pipeline up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            // a service or the broker that dies is reported here and started again
            stack.supervise(line -> System.out.println("• " + java.time.LocalTime.now().withNano(0) + " " + line));

            String ingest = "http://localhost:" + stack.ports().ingest();
            String store = "http://localhost:" + stack.ports().store();
            List<ArticleFiles.Result> results = new ArticleFiles(ingest).post(files);
            String firstId = null;
            for (ArticleFiles.Result r : results) {
                if (r.status() == 202) {
                    System.out.println("ingested " + r.file().getFileName() + " -> " + summary(r.ids()));
                    firstId = firstId == null && !r.ids().isEmpty() ? r.ids().get(0) : firstId;
                } else {
                    System.out.println("REJECTED " + r.file().getFileName() + " (HTTP " + r.status() + "): " + r.error());
                }
            }
            System.out.println();
            System.out.println("Khabar is running. Look at:");
            System.out.println("  newest articles   " + store + "/articles");
            if (firstId != null) {
                System.out.println("  one article       " + store + "/articles/" + firstId);
            }
            System.out.println("  post articles     ./khabar post FILE|FOLDER --url " + ingest);
            System.out.println("  health, metrics   " + store + "/q/health  " + ingest + "/q/metrics");
            System.out.println("  Kafka broker      " + stack.bootstrap());
            System.out.println("  logs              " + home.resolve("logs"));
            System.out.println("Ctrl-C stops everything.");
            stopped.await();
            return 0;
        }
    }

    private static String summary(List<String> ids) {
        return ids.size() <= 3 ? String.join(", ", ids) : ids.size() + " articles (" + ids.get(0) + ", ...)";
    }

    @Command(name = "post", mixinStandardHelpOptions = true,
            description = {"Sends articles to a running ingest-service: .txt (title on line 1), .json (one article,"
                    + " native or ninjs), .ndjson/.jsonl (one a line, sent in requests of at most --chunk lines),"
                    + " .html pages; folders recursively. A 503 or 429 is retried after its Retry-After, an"
                    + " unreachable service after a growing pause.",
                    "Exit code: 0 when every article was accepted, 1 when any was refused."})
    static final class Post implements Callable<Integer> {
        @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*", description = "what to send")
        List<Path> inputs;

        @Option(names = "--url", defaultValue = "http://localhost:8081",
                description = "ingest-service's base URL (default: ${DEFAULT-VALUE})")
        String url;

        @Option(names = "--api-key", defaultValue = "${env:KHABAR_INGEST_API_KEY}",
                description = "ingest's write key, sent as Authorization: Bearer (default: $KHABAR_INGEST_API_KEY)")
        String apiKey;

        @Option(names = "--chunk", defaultValue = "1000",
                description = "NDJSON lines a request, 1-1000 (default: ${DEFAULT-VALUE})")
        int chunk;

        @Option(names = "--attempts", defaultValue = "8",
                description = "tries a request when the service answers 503/429 or is unreachable (default: ${DEFAULT-VALUE})")
        int attempts;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (chunk < 1 || chunk > ArticleFiles.MAX_ARTICLES_PER_REQUEST) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--chunk must be 1-"
                        + ArticleFiles.MAX_ARTICLES_PER_REQUEST + ", was " + chunk);
            }
            if (attempts < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--attempts must be at least 1");
            }
            if (!url.matches("https?://.+")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--url must be an http(s) URL: " + url);
            }
            List<Path> files = ArticleFiles.files(existing(inputs));
            java.io.PrintWriter out = spec.commandLine().getOut();
            ArticleFiles poster = new ArticleFiles(url, apiKey, chunk, attempts, line -> {
                out.println("• " + line);
                out.flush();
            });
            int accepted = 0;
            int refused = 0;
            for (Path f : files) {
                ArticleFiles.Result r = poster.postFile(f);
                accepted += r.ids().size();
                if (r.status() != 202) {
                    refused++;
                    out.println("REFUSED " + f + " (" + (r.status() == 0 ? "not sent" : "HTTP " + r.status()) + "): "
                            + r.error());
                }
            }
            out.printf("%d files, %d articles accepted, %d files with refusals%n", files.size(), accepted, refused);
            return refused == 0 ? 0 : 1;
        }
    }

    @Command(name = "replay-dead-letters", mixinStandardHelpOptions = true,
            description = {"Re-publishes records of khabar.articles.dead-letter.v1 to their original topic (same key"
                    + " and payload), once the cause of their failure is fixed."})
    static final class Replay implements Callable<Integer> {
        @Option(names = "--bootstrap", paramLabel = "HOST:PORT", required = true,
                description = "the Kafka broker (./khabar run prints it)")
        String bootstrap;

        @Option(names = "--stage", paramLabel = "S", description = "only those of one stage: ingest.normalize, enrich or store")
        String stage;

        @Option(names = "--since", paramLabel = "T", converter = SinceConverter.class,
                description = "only those that failed at or after T (ISO-8601 instant, or a day: 2026-12-05)")
        Instant since;

        @Option(names = "--dry-run", description = "list them, publish nothing")
        boolean dryRun;

        ReplayDeadLetters.Options options() {
            return new ReplayDeadLetters.Options(bootstrap, stage, since, dryRun);
        }

        @Override
        public Integer call() {
            ReplayDeadLetters.Options o = options();
            ReplayDeadLetters.Result r = ReplayDeadLetters.run(o, System.out::println);
            System.out.println((o.dryRun() ? "would replay " : "replayed ") + r.replayed() + "; skipped " + r.skipped());
            return 0;
        }
    }

    static final class SinceConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String v) {
            try {
                return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not an ISO-8601 instant or day: " + v);
            }
        }
    }
}
