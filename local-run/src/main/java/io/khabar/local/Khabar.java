package io.khabar.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./khabar run [FILE|FOLDER...]}: starts the local stack, ingests the bundled samples (or the given files),
 * prints where to look, and runs until Ctrl-C. Data and logs go under {@code KHABAR_HOME} (default {@code .khabar}).
 */
public final class Khabar {
    private Khabar() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("run")) {
            System.err.println("""
                    usage: ./khabar run [FILE|FOLDER...]
                      Starts Kafka, PostgreSQL and the three services, then ingests the bundled samples/ or the given
                      files: .txt (title on line 1), .json, .ndjson/.jsonl, .html. Ctrl-C stops everything.
                      KHABAR_HOME  where data and logs go (default .khabar)""");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("khabar.root", ".")).toAbsolutePath().normalize();
        String homeEnv = System.getenv("KHABAR_HOME");
        Path home = homeEnv == null || homeEnv.isBlank() ? root.resolve(".khabar") : Path.of(homeEnv);
        List<Path> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(System.getProperty("khabar.cwd", ".")).resolve(args[i]);
            if (!Files.exists(p)) {
                System.err.println("no such file or folder: " + p);
                System.exit(2);
            }
            inputs.add(p);
        }
        if (inputs.isEmpty()) {
            inputs.add(root.resolve("samples"));
        }

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
            System.exit(1);
        }
        System.out.printf("pipeline up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        // a service or the broker that dies is reported here and started again
        stack.supervise(line -> System.out.println("• " + java.time.LocalTime.now().withNano(0) + " " + line));

        String ingest = "http://localhost:" + stack.ports().ingest();
        String store = "http://localhost:" + stack.ports().store();
        List<ArticleFiles.Result> results = new ArticleFiles(ingest).post(inputs);
        String firstId = null;
        for (ArticleFiles.Result r : results) {
            if (r.status() == 202) {
                System.out.println("ingested " + r.file().getFileName() + " -> " + String.join(", ", r.ids()));
                firstId = firstId == null ? r.ids().get(0) : firstId;
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
        System.out.println("  post an article   curl -H 'Content-Type: application/json' -d @article.json " + ingest + "/articles");
        System.out.println("  health, metrics   " + store + "/q/health  " + ingest + "/q/metrics");
        System.out.println("  Kafka broker      " + stack.bootstrap());
        System.out.println("  logs              " + home.resolve("logs"));
        System.out.println("Ctrl-C stops everything.");
        stopped.await();
    }
}
