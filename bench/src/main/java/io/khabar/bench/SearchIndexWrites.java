package io.khabar.bench;

import io.khabar.bench.cli.Tools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What the search index's pending list costs store's writes: the search vectors of articles a store database holds,
 * inserted again, a few per transaction as store writes them, into a scratch table with a GIN index under each setting
 * (a {@code gin_pending_list_limit}, or {@code fastupdate} off); the time of each transaction, the time per article and
 * the WAL per article. How V9's 512 kB was chosen (issue #16). {@code ./khabar search-index-writes --jdbc-url URL}.
 */
@Command(name = "search-index-writes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Inserts the search vectors of a store database's articles again, BATCH per transaction, into a"
                + " scratch table with a GIN index under each setting, and prints each setting's transaction times"
                + " (p50, p99, p99.9, max), time and WAL per article. The scratch tables are dropped after."})
public final class SearchIndexWrites implements Callable<Integer> {
    @Option(names = "--jdbc-url", paramLabel = "URL", required = true,
            description = "a store-service database with articles, e.g. one ./khabar query-bench --keep-database kept"
                    + " (the scratch tables go there too)")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "U", defaultValue = "postgres",
            description = "database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--jdbc-password", paramLabel = "P", defaultValue = "", description = "password (default: none)")
    String password;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "12000", converter = Tools.PositiveInt.class,
            description = "search vectors read, oldest first (default: ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "3", converter = Tools.PositiveInt.class,
            description = "articles per transaction; about 3 is store at 50 articles/s (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--settings", paramLabel = "S", split = ",", defaultValue = "4096,1024,512,256,off",
            description = "pending-list limits in kB, or off for fastupdate off (default: ${DEFAULT-VALUE})")
    List<String> settings;

    private SearchIndexWrites() {
    }

    public static void main(String[] args) {
        Tools.run(new SearchIndexWrites(), args);
    }

    @Override
    public Integer call() throws SQLException {
        for (String s : settings) {
            if (!s.equals("off") && !s.matches("\\d{2,7}")) {
                throw new IllegalArgumentException("--settings: a limit in kB (64 or more) or off, not " + s);
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            List<String> vectors = new ArrayList<>(articles);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT search::text FROM article WHERE search IS NOT NULL ORDER BY sort_at, id LIMIT ?")) {
                ps.setInt(1, articles);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        vectors.add(rs.getString(1));
                    }
                }
            }
            if (vectors.isEmpty()) {
                throw new IllegalStateException("no stored article has a search vector in " + jdbcUrl);
            }
            System.out.printf("%d search vectors, %d per transaction%n", vectors.size(), batch);
            System.out.println("| setting | transactions | ms/article | p50 | p99 | p99.9 | max (ms) | WAL KB/article |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
            for (String setting : settings) {
                System.out.println(run(c, vectors, setting));
            }
        }
        return 0;
    }

    private String run(Connection c, List<String> vectors, String setting) throws SQLException {
        String table = "khabar_search_writes_" + setting;
        String with = setting.equals("off") ? "fastupdate = off" : "gin_pending_list_limit = " + setting;
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id bigserial PRIMARY KEY, search tsvector)");
            s.execute("CREATE INDEX ON " + table + " USING gin (search) WITH (" + with + ")");
        }
        try {
            long wal0 = walPosition(c);
            List<Double> ms = new ArrayList<>();
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (search) VALUES (?::tsvector)")) {
                for (int i = 0; i < vectors.size(); i += batch) {
                    long b0 = System.nanoTime();
                    for (int j = i; j < Math.min(vectors.size(), i + batch); j++) {
                        ps.setString(1, vectors.get(j));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                    ms.add((System.nanoTime() - b0) / 1e6);
                }
            } finally {
                c.setAutoCommit(true);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double walKb = (walPosition(c) - wal0) / 1024.0 / vectors.size();
            Collections.sort(ms);
            return String.format("| %s | %d | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f |",
                    setting.equals("off") ? "fastupdate off" : setting + " kB", ms.size(),
                    seconds * 1000 / vectors.size(), at(ms, 0.5), at(ms, 0.99), at(ms, 0.999), ms.get(ms.size() - 1),
                    walKb);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q)));
    }

    private static long walPosition(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
