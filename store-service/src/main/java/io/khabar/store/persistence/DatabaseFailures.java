package io.khabar.store.persistence;

import java.io.IOException;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a database that is unavailable from an article the database refuses. Only the second may dead-letter a record:
 * an outage is waited out, however long it lasts.
 */
public final class DatabaseFailures {
    /** What a failed write says about the article that was being written. */
    public enum Kind {
        /**
         * The database cannot be reached, is going away, or holds a lock the writer needs (SQLState class 08,
         * 57P01-57P03, 53000/53300 resources, 58xxx system errors, 55P03 lock not available, a pool that hands out no
         * connection, an I/O error): nothing to do with the article; retry for as long as it takes.
         */
        UNAVAILABLE,
        /**
         * The database is there but this attempt lost: a statement timeout, a deadlock or a serialization failure
         * (57014, 40P01, 40001). Retried a bounded number of times; an article that always times out is dead-lettered.
         */
        CONTENDED,
        /** The database refuses this article (constraint, invalid value, and anything else): dead-letter it. */
        REFUSED
    }

    private DatabaseFailures() {
    }

    public static Kind classify(Throwable failure) {
        Kind kind = Kind.REFUSED;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = next(t)) {
            Kind k = own(t);
            if (k == Kind.UNAVAILABLE) {
                return k;
            }
            if (k == Kind.CONTENDED) {
                kind = k;
            }
        }
        return kind;
    }

    /** One line for logs and dead-letter headers: the innermost database message, else the exception's own. */
    public static String reason(Throwable failure) {
        String message = null;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = next(t)) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && (message == null || t instanceof SQLException)) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return failure.getClass().getSimpleName();
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static Kind own(Throwable t) {
        if (t instanceof IOException) {
            return Kind.UNAVAILABLE;
        }
        if (!(t instanceof SQLException e)) {
            return Kind.REFUSED;
        }
        String state = e.getSQLState();
        if (state == null) {
            String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
            // Agroal: "Acquisition timeout while waiting for new connection", "Sorry, acquisition timeout!",
            // "Can't create new connection as the pool is shutting down"
            return message.contains("acquisition timeout") || message.contains("pool is shutting down")
                    ? Kind.UNAVAILABLE : Kind.REFUSED;
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || state.equals("53000") || state.equals("58000") || state.equals("58030")
                || state.equals("55P03")) {
            return Kind.UNAVAILABLE;
        }
        if (state.equals("57014") || state.equals("40P01") || state.equals("40001")) {
            return Kind.CONTENDED;
        }
        return Kind.REFUSED;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException e && e.getNextException() != null) {
            return e.getNextException();
        }
        return t.getCause();
    }
}
