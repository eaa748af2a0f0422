package io.khabar.ingest.persistence;

import io.khabar.events.Duplicate;
import io.khabar.ingest.config.IngestConfig;
import io.khabar.normalize.dedup.DuplicateIndex;
import io.khabar.normalize.dedup.Fingerprint;
import io.khabar.text.Scores;
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
 * sees the same history and a restart forgets nothing. One statement records the article (once: its sequence number is
 * its place in "first seen" order) and compares it with the state as it was before that statement, so only articles
 * recorded before it can be its original. A replayed article therefore gets the same answer again. Articles first seen longer ago than
 * {@link IngestConfig.Dedup#window()} are no longer candidates, and are deleted at startup. Checks of articles that could
 * be duplicates of each other (a text hash or a band value in common) are serialized by transaction-level advisory
 * locks, so two copies checked at the same moment are not both {@code unique}.
 */
@ApplicationScoped
public class PostgresDuplicateIndex implements DuplicateIndex {
    private static final Logger LOG = Logger.getLogger(PostgresDuplicateIndex.class);
    static final int MAX_CANDIDATES = 200;
    /**
     * One round trip: record the article (once: a replay keeps its sequence number), its text and its bands, then
     * read, from the state as it was before this statement, the first article with the same text and the earlier
     * articles that share a band.
     */
    private static final String CHECK = """
            WITH me AS (
                INSERT INTO khabar_ingest.dedup_article (article_id, text_hash, signature) VALUES (?, ?, ?)
                ON CONFLICT (article_id) DO UPDATE SET text_hash = EXCLUDED.text_hash, signature = EXCLUDED.signature
                RETURNING seq),
            text AS (
                INSERT INTO khabar_ingest.dedup_text (text_hash, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING),
            bands AS (
                INSERT INTO khabar_ingest.dedup_band (band, value, article_id)
                SELECT b, v, ? FROM unnest(?::int2[], ?::int8[]) AS t(b, v) ON CONFLICT DO NOTHING)
            SELECT 0 AS rank, t.article_id, NULL::int4[] AS signature FROM khabar_ingest.dedup_text t
            WHERE t.text_hash = ? AND t.article_id <> ?
            UNION ALL
            (SELECT a.seq, a.article_id, a.signature
             -- one index lookup per band and one primary-key lookup per candidate, whatever the table sizes (OFFSET 0
             -- keeps the planner from flattening these into joins that scan whole tables)
             FROM (SELECT DISTINCT b.article_id FROM unnest(?::int2[], ?::int8[]) AS t(band, value)
                   CROSS JOIN LATERAL (SELECT x.article_id FROM khabar_ingest.dedup_band x
                                       WHERE x.band = t.band AND x.value = t.value OFFSET 0) AS b
                   LIMIT 1000) AS candidate
             CROSS JOIN me
             JOIN LATERAL (SELECT d.seq, d.article_id, d.signature, d.first_seen FROM khabar_ingest.dedup_article d
                           WHERE d.article_id = candidate.article_id OFFSET 0) AS a ON true
             WHERE a.seq < me.seq AND a.first_seen > now() - make_interval(secs => ?)
             ORDER BY a.seq LIMIT ?)
            ORDER BY rank""";
    /**
     * Serializes checks of articles that could be duplicates of each other (same text, or a band in common): an
     * article's check waits for the commit of a concurrent one that shares its text hash or a band value, and so sees
     * it. Keys are taken in ascending order, so two checks never deadlock.
     */
    private static final String LOCK = "SELECT count(pg_advisory_xact_lock(k)) FROM unnest(?::int8[]) AS t(k)";
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
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement(LOCK)) {
                    lock.setArray(1, c.createArrayOf("int8", lockKeys(fp)));
                    lock.execute();
                }
                Duplicate d = check(c, articleId, fp, bandIndexes, bandValues, signature);
                c.commit();
                return d;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DedupUnavailableException(e);
        }
    }

    /** The advisory-lock keys of an article: its text hash and each (band, value), sorted. */
    static Long[] lockKeys(Fingerprint fp) {
        long[] bands = fp.bands();
        long[] keys = new long[bands.length + 1];
        keys[0] = Long.parseUnsignedLong(fp.textHash().substring(0, 15), 16);
        for (int i = 0; i < bands.length; i++) {
            keys[i + 1] = bands[i] * 31 + i;
        }
        return java.util.Arrays.stream(keys).sorted().distinct().boxed().toArray(Long[]::new);
    }

    private Duplicate check(Connection c, String articleId, Fingerprint fp, Short[] bandIndexes, Long[] bandValues,
                            Integer[] signature) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CHECK)) {
            Array bandArray = c.createArrayOf("int2", bandIndexes);
            Array valueArray = c.createArrayOf("int8", bandValues);
            int i = 1;
            ps.setString(i++, articleId);
            ps.setString(i++, fp.textHash());
            ps.setArray(i++, c.createArrayOf("int4", signature));
            ps.setString(i++, fp.textHash());
            ps.setString(i++, articleId);
            ps.setString(i++, articleId);
            ps.setArray(i++, bandArray);
            ps.setArray(i++, valueArray);
            ps.setString(i++, fp.textHash());
            ps.setString(i++, articleId);
            ps.setArray(i++, bandArray);
            ps.setArray(i++, valueArray);
            ps.setLong(i++, config.window().toSeconds());
            ps.setInt(i, MAX_CANDIDATES);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(1) == 0) {
                        return new Duplicate(Duplicate.EXACT, rs.getString(2), 1.0);
                    }
                    Integer[] other = (Integer[]) rs.getArray(3).getArray();
                    int[] sig = new int[other.length];
                    for (int k = 0; k < sig.length; k++) {
                        sig[k] = other[k];
                    }
                    double similarity = fp.similarity(sig);
                    if (similarity >= config.nearThreshold()) {
                        return new Duplicate(Duplicate.NEAR, rs.getString(2), Scores.round3(similarity));
                    }
                }
            }
            return Duplicate.unique();
        }
    }

    /** The deduplication store could not be reached or failed; the caller decides what to do with the article. */
    public static final class DedupUnavailableException extends RuntimeException {
        DedupUnavailableException(SQLException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse(""), cause);
        }
    }
}
