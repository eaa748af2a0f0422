package io.khabar.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Finds a real PostgreSQL: the local server (127.0.0.1:5432 by default, {@code KHABAR_PG_HOST}, {@code KHABAR_PG_PORT},
 * {@code KHABAR_PG_USER}, {@code KHABAR_PG_PASSWORD}) when it answers, else an embedded PostgreSQL binary started from
 * the io.zonky.test artifacts (no install, works as root).
 */
public final class PostgresLocator implements AutoCloseable {
    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresLocator(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /**
     * @param embeddedDataDir where an embedded server keeps its data (null: a temporary folder, deleted on close)
     */
    public static PostgresLocator start(Path embeddedDataDir) {
        String host = env("KHABAR_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("KHABAR_PG_PORT", "5432"));
        String user = env("KHABAR_PG_USER", "postgres");
        String password = env("KHABAR_PG_PASSWORD", "");
        if (!"embedded".equals(System.getenv("KHABAR_PG")) && reachable(host, port)
                && canLogIn(host, port, user, password)) {
            return new PostgresLocator(null, host, port, user, password);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(0);
            if (embeddedDataDir != null) {
                Files.createDirectories(embeddedDataDir);
                builder.setDataDirectory(embeddedDataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresLocator(pg, "127.0.0.1", pg.getPort(), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL on " + host + ":" + port
                    + " and the embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String describe() {
        return (isEmbedded() ? "embedded PostgreSQL" : "local PostgreSQL") + " on " + host + ":" + port;
    }

    /** Creates the database if it does not exist yet and returns its settings. */
    public Database database(String name) {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(url("postgres"), user, password)) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                exists = ps.executeQuery().next();
            }
            if (!exists) {
                try (Statement st = c.createStatement()) {
                    // Identifiers cannot be bound as parameters; the name is checked against DB_NAME above.
                    st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + describe() + ": " + e.getMessage(), e);
        }
        return new Database(url(name), user, password, describe() + "/" + name);
    }

    /** Drops a database (used for per-run test databases). */
    public void drop(String name) {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(url("postgres"), user, password);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // best effort at shutdown
        }
    }

    private String url(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // shutting down
            }
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canLogIn(String host, int port, String user, String password) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
