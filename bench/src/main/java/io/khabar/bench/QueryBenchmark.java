package io.khabar.bench;

import io.khabar.bench.cli.Tools;
import io.khabar.enrich.service.ArticleEnricher;
import io.khabar.entities.EntityExtractor;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.ArticleReceived;
import io.khabar.events.EventJson;
import io.khabar.events.Topics;
import io.khabar.ingest.service.ArticleIntake;
import io.khabar.local.LocalStack;
import io.khabar.matching.MatchingAnalyzer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query latency of store-service on a large store ({@code ./khabar query-bench}): a fresh database filled with N
 * articles (real corpus articles normalized and enriched once by the pipeline's own code, then cloned with fresh ids
 * and publication dates spread over 60 days) through the packaged store-service's Kafka consumer; then, one client at
 * a time over HTTP, M queries of each kind after a warm-up, reported as p50/p95/p99/max.
 */
public final class QueryBenchmark {
    static final double GOAL_P95_MS = 50;
    static final int DAYS = 60;
    private static final Pattern ARABIC_WORD = Pattern.compile("[\\u0621-\\u064A]{4,}");
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{4,}");

    record Options(int articles, int queries, int distinct, Path corpus, Path report, boolean keep) {
    }

    /** {@code ./khabar query-bench}: the options, then the run and its report. */
    @CommandLine.Command(name = "query-bench", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Query latency of store-service on a large store: a fresh database filled with N articles"
                    + " (real corpus articles normalized and enriched once by the pipeline's own code, then cloned"
                    + " with fresh ids and publication dates spread over " + DAYS + " days) through the packaged"
                    + " store-service's Kafka consumer; then, one client at a time over HTTP, M queries of each kind"
                    + " after a warm-up, reported as p50/p95/p99/max.",
                    "Prints a Markdown section and appends it to --report. KHABAR_HOME: where its data and logs go"
                            + " (default .khabar)."})
    public static final class Command implements Callable<Integer> {
        /** The repository: defaults are relative to it. */
        Path root = Path.of(System.getProperty("khabar.root", ".")).toAbsolutePath().normalize();

        @Option(names = "--articles", paramLabel = "N", defaultValue = "100000", converter = Tools.PositiveInt.class,
                description = "articles stored before querying (default: ${DEFAULT-VALUE})")
        int articles;

        @Option(names = "--queries", paramLabel = "M", defaultValue = "300", converter = Tools.PositiveInt.class,
                description = "measured queries per kind (default: ${DEFAULT-VALUE}; warm-up: M/5 more per kind)")
        int queries;

        @Option(names = "--distinct", paramLabel = "D", defaultValue = "4000", converter = Tools.PositiveInt.class,
                description = "distinct corpus articles enriched and cloned to reach N (default: ${DEFAULT-VALUE})")
        int distinct;

        @Option(names = "--corpus", paramLabel = "DIR", description = "news corpus (default: ../shared/data/news)")
        Path corpus;

        @Option(names = "--report", paramLabel = "FILE", description = "Markdown file the results section is appended"
                + " to, created with its folders (default: docs/benchmarks.md)")
        Path report;

        @Option(names = "--no-report", description = "print only")
        boolean noReport;

        @Option(names = "--keep-database",
                description = "do not drop the database at the end (to EXPLAIN queries; drop it by hand)")
        boolean keep;

        Options options() {
            return new Options(articles, queries, distinct,
                    corpus != null ? corpus : Corpus.beside(root),
                    noReport ? null : report != null ? report : root.resolve("docs/benchmarks.md"), keep);
        }

        @Override
        public Integer call() throws Exception {
            Options options = options();
            if (options.report() != null) {
                Tools.writableFile(options.report()); // before the run, not after it
            }
            String homeEnv = System.getenv("KHABAR_HOME");
            Path home = (homeEnv == null || homeEnv.isBlank() ? root.resolve(".khabar") : Path.of(homeEnv))
                    .resolve("query-bench");
            Map<String, Object> results = new QueryBenchmark(options, line -> System.out.println("• " + line))
                    .run(root, home);
            String md = markdown(results);
            System.out.println();
            System.out.println(md);
            if (options.report() != null) {
                Tools.append(options.report(), "\n" + md);
                System.out.println("appended to " + options.report());
            }
            return 0;
        }
    }

    /** One measured query kind and its requests. */
    record Kind(String name, List<String> paths) {
    }

    private final Options options;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(42);
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    QueryBenchmark(Options options, Consumer<String> log) {
        this.options = options;
        this.log = log;
    }

    public static void main(String[] args) {
        Tools.run(new Command(), args);
    }

    Map<String, Object> run(Path root, Path home) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        results.put("commit", Report.gitCommit(root));
        results.put("machine", Report.machine());
        results.put("articles", options.articles());
        results.put("queries", options.queries());

        List<ArticleEnriched> enriched = enrichCorpus();
        results.put("distinct", enriched.size());

        Benchmark.deleteRecursively(home.resolve("kafka"));
        LocalStack.Ports ports = LocalStack.Ports.free();
        LocalStack stack = new LocalStack(root, home, ports, "khabar_bench_query_" + runId);
        Process store = null;
        try {
            stack.startInfrastructure(log);
            store = startStore(root, home, stack);
            String base = "http://localhost:" + ports.store();
            var db = stack.database();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                load(stack.bootstrap(), c, enriched, results);
                results.put("databaseSize", single(c, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
                Map<String, Object> rows = new LinkedHashMap<>();
                for (String table : List.of("article", "entity", "entity_alias", "article_mention", "article_topic")) {
                    rows.put(table, singleLong(c, "SELECT count(*) FROM " + table));
                }
                results.put("rows", rows);
                log.accept("database: " + results.get("databaseSize") + ", rows " + results.get("rows"));
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE"); // as autovacuum would soon after a bulk load
                }
                List<Kind> kinds = kinds(c, enriched, options.queries());
                List<Kind> warmUp = kinds(c, enriched, Math.max(10, options.queries() / 5));
                log.accept("warm-up: " + warmUp.get(0).paths().size() + " queries per kind");
                for (Kind k : warmUp) {
                    measure(base, k);
                }
                Map<String, Object> latency = new LinkedHashMap<>();
                for (Kind k : kinds) {
                    Map<String, Object> p = measure(base, k);
                    latency.put(k.name(), p);
                    log.accept(k.name() + ": " + p);
                }
                results.put("latencyMs", latency);
            }
        } finally {
            if (store != null) {
                store.destroy();
                store.waitFor();
            }
            stack.closeServices();
            if (!options.keep()) {
                stack.dropDatabase();
                log.accept("dropped database khabar_bench_query_" + runId);
            } else {
                log.accept("kept database khabar_bench_query_" + runId + " (--keep-database): drop it by hand");
            }
            stack.close();
        }
        return results;
    }

    /** The distinct corpus articles, accepted, normalized (ingest's code) and enriched (enrich's code) once each. */
    private List<ArticleEnriched> enrichCorpus() throws IOException {
        log.accept("loading corpus from " + options.corpus());
        Corpus corpus = Corpus.load(options.corpus(), Math.max(options.distinct(), 20_000));
        int d = Math.min(options.distinct(), corpus.size());
        log.accept("normalizing and enriching " + d + " distinct articles of " + corpus.size()
                + " (ArticleIntake/ArticleNormalizer + ArticleEnricher with entities, dates, amounts, topics)");
        ArticleIntake intake = new ArticleIntake();
        ArticleEnricher enricher = new ArticleEnricher(ArticleEnricher.Annotators.all(
                EntityExtractor.load(new MatchingAnalyzer(), List.of()), ZoneOffset.UTC));
        List<ArticleEnriched> out = new ArrayList<>(d);
        long t0 = System.nanoTime();
        double step = (double) corpus.size() / d;
        for (int i = 0; i < d; i++) {
            Corpus.Item item = corpus.get((long) (i * step));
            Instant now = Instant.now();
            var json = EventJson.mapper().createObjectNode();
            json.put("source", item.language().equals("ar") ? "saudinewsnet" : "bbc");
            json.put("title", item.title());
            json.put("body", item.body());
            ArticleReceived received = intake.accept(json, now);
            ArticleNormalized normalized = intake.normalize(received, now, null, (id, e) -> { });
            out.add(enricher.enrich(normalized, Instant.now()));
            if ((i + 1) % 500 == 0) {
                log.accept(String.format("  enriched %d of %d (%.0f articles/s)", i + 1, d,
                        (i + 1) / ((System.nanoTime() - t0) / 1e9)));
            }
        }
        log.accept(String.format("enriched %d articles in %.1f s", d, (System.nanoTime() - t0) / 1e9));
        return out;
    }

    private Process startStore(Path root, Path home, LocalStack stack) throws Exception {
        Path jar = root.resolve("store-service/target/quarkus-app/quarkus-run.jar");
        Path logFile = home.resolve("logs/store-service.log");
        Files.createDirectories(logFile.getParent());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString());
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrap());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(stack.ports().store()));
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", stack.database().jdbcUrl());
        pb.environment().put("QUARKUS_DATASOURCE_USERNAME", stack.database().username());
        pb.environment().put("QUARKUS_DATASOURCE_PASSWORD", stack.database().password());
        pb.redirectErrorStream(true).redirectOutput(logFile.toFile());
        log.accept("starting store-service on http://localhost:" + stack.ports().store() + " (log " + logFile + ")");
        Process p = pb.start();
        URI ready = URI.create("http://localhost:" + stack.ports().store() + "/q/health/ready");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("store-service exited with " + p.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        p.destroy();
        throw new IllegalStateException("store-service not ready within 120 s; see " + logFile);
    }

    /** Publishes N clones to the enriched topic and waits until store-service has stored them all. */
    private void load(String bootstrap, Connection c, List<ArticleEnriched> enriched, Map<String, Object> results)
            throws Exception {
        int n = options.articles();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long span = DAYS * 86_400L;
        log.accept("publishing " + n + " enriched articles to " + Topics.ENRICHED + " (publishedAt over the last "
                + DAYS + " days)");
        long t0 = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 524_288,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                ArticleEnriched a = enriched.get(i % enriched.size());
                String id = "qb-" + runId + "-" + i;
                Instant published = now.minusSeconds((long) (random.nextDouble() * span));
                Instant received = published.plusSeconds(60 + random.nextInt(600));
                ArticleEnriched clone = new ArticleEnriched(a.schemaVersion(), UUID.randomUUID().toString(), id,
                        ChronoUnit.MICROS.between(Instant.EPOCH, received), a.contentHash(), received, received,
                        received.plusMillis(50), a.source(), a.url() == null ? null : a.url() + "#" + i, a.title(),
                        a.text(), a.language(), a.languageConfidence(), published, a.authors(), a.paragraphs(),
                        a.annotations(), a.entities(), a.facts(), a.metadata(), a.matching(), a.duplicate(),
                        a.provenance(), a.keywords());
                byte[] payload = EventJson.toBytes(clone);
                bytes += payload.length;
                producer.send(new ProducerRecord<>(Topics.ENRICHED, id, payload));
                if ((i + 1) % 10_000 == 0) {
                    log.accept(String.format("  published %d of %d (%.0f MB)", i + 1, n, bytes / 1e6));
                }
            }
            producer.flush();
        }
        log.accept(String.format("published %d (%.0f MB) in %.1f s; waiting for store-service", n, bytes / 1e6,
                (System.nanoTime() - t0) / 1e9));
        long next = 10_000;
        long stored = 0;
        long lastChange = System.nanoTime();
        while (stored < n) {
            Thread.sleep(1000);
            long s = singleLong(c, "SELECT count(*) FROM article");
            if (s != stored) {
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 120_000_000_000L) {
                throw new IllegalStateException("store-service stored nothing for 120 s (" + s + " of " + n + ")");
            }
            stored = s;
            while (stored >= next || (stored >= n && next <= n)) {
                log.accept(String.format("  stored %d of %d after %.0f s", Math.min(stored, next), n,
                        (System.nanoTime() - t0) / 1e9));
                next += 10_000;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        log.accept(String.format("stored %d articles in %.0f s (%.0f articles/s)", stored, seconds, stored / seconds));
        results.put("loadSeconds", Math.round(seconds));
        results.put("megabytesPublished", Math.round(bytes / 1e6));
    }

    /** The query mix: words and entities drawn from the corpus and the store, frequent and rare alike. */
    private List<Kind> kinds(Connection c, List<ArticleEnriched> enriched, int m) throws SQLException {
        Map<String, List<String>> words = words(enriched);
        List<String[]> frequent = entities(c, "ORDER BY n DESC LIMIT 100");
        List<String[]> rare = entities(c, "ORDER BY n ASC, id LIMIT 2000");
        List<String[]> pairs = rows(c, """
                SELECT m.entity_id, t.topic FROM article_mention m JOIN article_topic t ON t.article_id = m.article_id
                WHERE m.article_id IN (SELECT id FROM article ORDER BY random() LIMIT 300)""", 2);

        List<String> fullText = new ArrayList<>();
        List<String> entity = new ArrayList<>();
        List<String> entityPage = new ArrayList<>();
        List<String> combined = new ArrayList<>();
        List<String> facets = new ArrayList<>();
        String[] wordKeys = {"ar-frequent", "ar-rare", "en-frequent", "en-rare"};
        String[] facetSets = {"entity,topic,source,language", "entity,topic", "source,language"};
        for (int i = 0; i < m; i++) {
            List<String> pool = words.get(wordKeys[i % 4]);
            fullText.add("/articles?q=" + enc(pool.get(random.nextInt(pool.size()))));

            String[] e = (i % 2 == 0 ? frequent : rare).get(random.nextInt((i % 2 == 0 ? frequent : rare).size()));
            // e: id, name_ar, name_en; alternate the id (a QID when linked), the Arabic name and the English name
            String form = switch (i % 3) {
                case 0 -> e[0];
                case 1 -> e[1] != null ? e[1] : e[0];
                default -> e[2] != null ? e[2] : e[0];
            };
            entity.add("/articles?entity=" + enc(form));

            String[] p = (i % 2 == 0 ? frequent : rare).get(random.nextInt((i % 2 == 0 ? frequent : rare).size()));
            entityPage.add("/entities/" + enc(p[0]).replace("+", "%20"));

            String[] pair = pairs.get(random.nextInt(pairs.size()));
            String from = Instant.now().minus(new int[]{7, 14, 30}[i % 3], ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.DAYS).toString();
            combined.add("/articles?entity=" + enc(pair[0]) + "&topic=" + enc(pair[1]) + "&from=" + enc(from));

            String f = "/articles?facets=" + facetSets[i % 3];
            facets.add(switch (i % 4) {
                case 1 -> f + "&language=ar";
                case 2 -> f + "&entity=" + enc(frequent.get(random.nextInt(frequent.size()))[0]);
                case 3 -> {
                    List<String> common = words.get(i % 8 == 3 ? "ar-frequent" : "en-frequent");
                    yield f + "&q=" + enc(common.get(random.nextInt(common.size())));
                }
                default -> f;
            });
        }
        return List.of(new Kind("full-text q", fullText), new Kind("entity", entity),
                new Kind("GET /entities/{id}", entityPage), new Kind("entity+topic+from", combined),
                new Kind("facets", facets));
    }

    /** Frequent (document-frequency ranks 10-150) and rare (in 1 or 2 distinct articles) words per language. */
    private static Map<String, List<String>> words(List<ArticleEnriched> enriched) {
        Map<String, Map<String, Integer>> df = Map.of("ar", new HashMap<>(), "en", new HashMap<>());
        for (ArticleEnriched a : enriched) {
            String lang = a.language().startsWith("ar") ? "ar" : "en";
            Set<String> seen = new HashSet<>();
            Matcher m = (lang.equals("ar") ? ARABIC_WORD : ENGLISH_WORD).matcher(a.title() + " " + a.text());
            while (m.find()) {
                seen.add(m.group().toLowerCase(Locale.ROOT));
            }
            seen.forEach(w -> df.get(lang).merge(w, 1, Integer::sum));
        }
        Map<String, List<String>> out = new HashMap<>();
        for (String lang : List.of("ar", "en")) {
            List<Map.Entry<String, Integer>> byDf = new ArrayList<>(df.get(lang).entrySet());
            byDf.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            out.put(lang + "-frequent", byDf.subList(10, Math.min(150, byDf.size())).stream().map(Map.Entry::getKey).toList());
            out.put(lang + "-rare", byDf.stream().filter(e -> e.getValue() <= 2).map(Map.Entry::getKey).toList());
        }
        return out;
    }

    private static List<String[]> entities(Connection c, String order) throws SQLException {
        return rows(c, """
                SELECT e.id, e.name_ar, e.name_en FROM entity e
                JOIN (SELECT entity_id, count(*) AS n FROM article_mention GROUP BY entity_id) m ON m.entity_id = e.id
                """ + order, 3);
    }

    private static List<String[]> rows(Connection c, String sql, int columns) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no rows for " + sql);
        }
        return out;
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long singleLong(Connection c, String sql) throws SQLException {
        return Long.parseLong(single(c, sql));
    }

    /** Sequential, one client: milliseconds from sending to the last byte of the body. */
    private Map<String, Object> measure(String base, Kind kind) throws Exception {
        List<Double> ms = new ArrayList<>();
        int empty = 0;
        int failed = 0;
        String firstFailure = null;
        for (String path : kind.paths()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            ms.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200) {
                failed++;
                firstFailure = firstFailure == null ? "HTTP " + r.statusCode() + " " + path : firstFailure;
            } else if (r.body().contains("\"items\":[]")) {
                empty++;
            }
        }
        Map<String, Object> p = Report.percentiles(ms);
        p.put("emptyResults", empty);
        p.put("failed", failed);
        if (firstFailure != null) {
            p.put("firstFailure", firstFailure);
        }
        return p;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> r) {
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        StringBuilder b = new StringBuilder();
        b.append("## Query latency on ").append(String.format("%,d", (int) r.get("articles")))
                .append(" stored articles (`./khabar query-bench`; ").append(r.get("date")).append(" · commit ")
                .append(r.get("commit")).append(" · ").append(machine.get("cores")).append(" cores, ")
                .append(machine.get("memoryGiB")).append(" GiB)\n\n");
        b.append("N = ").append(r.get("articles")).append(": ").append(r.get("distinct"))
                .append(" distinct corpus articles (SaudiNewsNet ar + BBC en) normalized and enriched once by the pipeline's code")
                .append(" (ArticleIntake/ArticleNormalizer, ArticleEnricher with entities, dates, amounts, topics), cloned with")
                .append(" fresh ids and publishedAt spread over ").append(DAYS).append(" days, published to `")
                .append(Topics.ENRICHED).append("` and written by the packaged store-service (its Kafka consumer) in ")
                .append(r.get("loadSeconds")).append(" s. Database ").append(r.get("databaseSize")).append(", rows ")
                .append(r.get("rows")).append(". ANALYZE after the load; ").append(r.get("queries"))
                .append(" queries per kind, one client, sequential, after a warm-up; HTTP time to the last byte.\n\n");
        b.append("| query | p50 | p95 | p99 | max (ms) | empty results | failed |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        Map<String, Object> latency = (Map<String, Object>) r.get("latencyMs");
        latency.forEach((k, v) -> {
            Map<String, Object> p = (Map<String, Object>) v;
            b.append("| ").append(k).append(" | ").append(p.get("p50")).append(" | ").append(p.get("p95")).append(" | ")
                    .append(p.get("p99")).append(" | ").append(p.get("max")).append(" | ").append(p.get("emptyResults"))
                    .append(" | ").append(p.get("failed")).append(" |\n");
        });
        b.append("\nKinds: full-text `q` = one word, Arabic and English, frequent (document-frequency ranks 10-150) and rare")
                .append(" (1-2 distinct articles); `entity` = frequent (top 100) and rare entities as id, Arabic name or")
                .append(" English name; `GET /entities/{id}` the same entities; `entity+topic+from` = a co-occurring")
                .append(" entity and topic with `from` 7, 14 or 30 days back; facets = `facets=` alone, with `language=ar`,")
                .append(" a frequent entity or a frequent word.\n\n");
        double ft = p95(latency, "full-text q");
        double en = p95(latency, "entity");
        boolean met = ft < GOAL_P95_MS && en < GOAL_P95_MS;
        b.append("Goal: p95 < 50 ms for entity and full-text queries: ").append(met ? "met" : "MISSED")
                .append(" (full-text ").append(ft).append(" ms, entity ").append(en).append(" ms)\n");
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static double p95(Map<String, Object> latency, String kind) {
        Object v = ((Map<String, Object>) latency.get(kind)).get("p95");
        return v instanceof Number x ? x.doubleValue() : Double.NaN;
    }
}
