package io.khabar.ingest.persistence;

import io.khabar.events.Duplicate;
import io.khabar.ingest.config.IngestConfig;
import io.khabar.normalize.dedup.DuplicateIndex;
import io.khabar.normalize.dedup.Fingerprint;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@link DuplicateIndex} of ingest-service, in PostgreSQL (schema {@code khabar_ingest}), so that every instance
 * sees the same history and a restart forgets nothing. Each article is recorded once, in a committed statement,
 * before it is compared: its sequence number is its place in "first seen" order, and only articles recorded before it
 * can be its original. A replayed article therefore gets the same answer again. Articles first seen longer ago than
 * {@link IngestConfig.Dedup#window()} are no longer candidates, and are deleted at startup.
 */
@ApplicationScoped
public class PostgresDuplicateIndex implements DuplicateIndex {
    private static final Logger LOG = Logger.getLogger(PostgresDuplicateIndex.class);
    static final int MAX_CANDIDATES = 200;
    private static final String RECORD = """
            INSERT INTO khabar_ingest.dedup_article (article_id, text_hash, signature) VALUES (?, ?, ?)
            ON CONFLICT (article_id) DO UPDATE SET text_hash = EXCLUDED.text_hash, signature = EXCLUDED.signature
            RETURNING seq""";
    private static final String RECORD_TEXT = """
            INSERT INTO khabar_ingest.dedup_text (text_hash, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING""";
    private static final String RECORD_BANDS = """
            INSERT INTO khabar_ingest.dedup_band (band, value, article_id)
            SELECT b, v, ? FROM unnest(?::int2[], ?::int8[]) AS t(b, v) ON CONFLICT DO NOTHING""";
    private static final String FIRST_WITH_TEXT = "SELECT article_id FROM khabar_ingest.dedup_text WHERE text_hash = ?";
    private static final String CANDIDATES = """
            SELECT a.article_id, a.signature FROM khabar_ingest.dedup_article a
            WHERE a.seq < ? AND a.first_seen > now() - make_interval(secs => ?) AND a.article_id IN (
                SELECT b.article_id FROM khabar_ingest.dedup_band b
                JOIN unnest(?::int2[], ?::int8[]) AS t(band, value) ON b.band = t.band AND b.value = t.value)
            ORDER BY a.seq LIMIT ?""";
    private static final String PURGE = """
            WITH old AS (DELETE FROM khabar_ingest.dedup_article WHERE first_seen < now() - make_interval(secs => ?)
                         RETURNING article_id),
                 texts AS (DELETE FROM khabar_ingest.dedup_text WHERE article_id IN (SELECT article_id FROM old))
            DELETE FROM khabar_ingest.dedup_band WHERE article_id IN (SELECT article_id FROM old)""";

    private final DataSource dataSource;
    private final IngestConfig.Dedup config;

    public PostgresDuplicateIndex(DataSource dataSource, IngestConfig config) {
        this.dataSource = dataSource;
        this.config = config.dedup();
    }

    void purgeOnStart(@Observes StartupEvent start) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PURGE)) {
            ps.setLong(1, config.window().toSeconds());
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not purge old deduplication state: %s", e.getMessage());
        }
    }

    @Override
    public Duplicate check(String articleId, Fingerprint fp) {
        long[] bands = fp.bands();
        Short[] bandIndexes = new Short[bands.length];
        Long[] bandValues = new Long[bands.length];
        for (int i = 0; i < bands.length; i++) {
            bandIndexes[i] = (short) i;
            bandValues[i] = bands[i];
        }
        Integer[] signature = new Integer[fp.signature().length];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = fp.signature()[i];
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            long seq;
            try (PreparedStatement ps = c.prepareStatement(RECORD)) {
                ps.setString(1, articleId);
                ps.setString(2, fp.textHash());
                ps.setArray(3, c.createArrayOf("int4", signature));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(RECORD_TEXT)) {
                ps.setString(1, fp.textHash());
                ps.setString(2, articleId);
                ps.executeUpdate();
            }
            Array bandArray = c.createArrayOf("int2", bandIndexes);
            Array valueArray = c.createArrayOf("int8", bandValues);
            if (bands.length > 0) {
                try (PreparedStatement ps = c.prepareStatement(RECORD_BANDS)) {
                    ps.setString(1, articleId);
                    ps.setArray(2, bandArray);
                    ps.setArray(3, valueArray);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(FIRST_WITH_TEXT)) {
                ps.setString(1, fp.textHash());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !rs.getString(1).equals(articleId)) {
                        return new Duplicate(Duplicate.EXACT, rs.getString(1), 1.0);
                    }
                }
            }
            if (bands.length == 0) {
                return Duplicate.unique();
            }
            try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
                ps.setLong(1, seq);
                ps.setLong(2, config.window().toSeconds());
                ps.setArray(3, bandArray);
                ps.setArray(4, valueArray);
                ps.setInt(5, MAX_CANDIDATES);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer[] other = (Integer[]) rs.getArray(2).getArray();
                        int[] sig = new int[other.length];
                        for (int i = 0; i < sig.length; i++) {
                            sig[i] = other[i];
                        }
                        double similarity = fp.similarity(sig);
                        if (similarity >= config.nearThreshold()) {
                            return new Duplicate(Duplicate.NEAR, rs.getString(1), Math.round(similarity * 1000) / 1000.0);
                        }
                    }
                }
            }
            return Duplicate.unique();
        } catch (SQLException e) {
            throw new DedupUnavailableException(e);
        }
    }

    /** The deduplication store could not be reached or failed; the caller decides what to do with the article. */
    public static final class DedupUnavailableException extends RuntimeException {
        DedupUnavailableException(SQLException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse(""), cause);
        }
    }
}
