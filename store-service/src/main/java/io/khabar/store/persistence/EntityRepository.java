package io.khabar.store.persistence;

import io.agroal.api.AgroalDataSource;
import io.khabar.matching.MatchingAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Entities, their mentions over time, and their neighbours, from the rows {@link FindingsWriter} keeps. */
@ApplicationScoped
public class EntityRepository {
    /** An entity name resolves to at most this many ids. */
    public static final int MAX_RESOLVED = 100;
    /** Co-occurrence counts over at most the newest this-many articles naming the entity. */
    public static final int COOCCURRENCE_SCAN = 1_000;

    /** Read-only queries: the read pool, apart from the writer's, with its own statement timeout. */
    @Inject
    @io.quarkus.agroal.DataSource(ReadPool.NAME)
    AgroalDataSource dataSource;

    @Inject
    MatchingAnalyzer matching;

    public record Entity(String id, String type, String kind, String nameEn, String nameAr, String qid,
                         Double latitude, Double longitude, String countryCode, Long geonamesId, Instant updatedAt) {
    }

    /** An entity and a count of articles (co-occurrence) or mentions (trending). */
    public record Neighbour(String id, String type, String nameEn, String nameAr, long articles) {
    }

    public record Day(LocalDate day, long mentions, long articles) {
    }

    /**
     * @param mentions        mentions in the last window
     * @param previousAverage mean mentions per window over the six windows before it
     * @param articles        articles naming the entity in the last window
     */
    public record Trend(String id, String type, String nameEn, String nameAr, long mentions, double previousAverage,
                        long articles) {
        public double rise() {
            return mentions - previousAverage;
        }
    }

    /**
     * The ids an {@code entity} parameter stands for: the id itself when it is one; else every entity one of whose
     * names (canonical English or Arabic, or as an article wrote it) has the same matching form as the value (case,
     * accents, hamza and ya variants, diacritics do not matter; a proclitic on the value is also tried stripped); else
     * every entity with a name containing all the value's words (Putin finds Vladimir Putin). Sorted, at most
     * {@link #MAX_RESOLVED}.
     */
    public List<String> resolve(String value) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<String> ids = strings(c, "SELECT id FROM entity WHERE id = ?", value);
            if (!ids.isEmpty()) {
                return ids;
            }
            Set<String> forms = new LinkedHashSet<>();
            forms.add(matching.form(value));
            forms.add(matching.stems(value));
            forms.removeIf(String::isBlank);
            if (forms.isEmpty()) {
                return List.of();
            }
            String[] formArray = forms.toArray(new String[0]);
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT entity_id FROM entity_alias"
                    + " WHERE form = ANY (?) ORDER BY entity_id LIMIT " + MAX_RESOLVED)) {
                ps.setArray(1, c.createArrayOf("text", formArray));
                ids = strings(ps);
            }
            for (String form : formArray) {
                if (!ids.isEmpty()) {
                    break;
                }
                ids = strings(c, "SELECT DISTINCT entity_id FROM entity_alias WHERE to_tsvector('simple', form)"
                        + " @@ plainto_tsquery('simple', ?) ORDER BY entity_id LIMIT " + MAX_RESOLVED, form);
            }
            return ids;
        }
    }

    public Optional<Entity> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, type, kind, name_en, name_ar, qid, latitude, longitude,"
                     + " country_code, geonames_id, updated_at FROM entity WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Entity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, Double.class), rs.getObject(8, Double.class),
                        rs.getString(9), rs.getObject(10, Long.class), rs.getTimestamp(11).toInstant()));
            }
        }
    }

    /** @return {articles naming the entity, mentions in them} */
    public long[] counts(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*), coalesce(sum(mention_count), 0) FROM article_mention WHERE entity_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** The entities named most often in the same articles (over the newest {@link #COOCCURRENCE_SCAN} of them). */
    public List<Neighbour> cooccurring(String id, int limit) throws SQLException {
        String sql = """
                WITH arts AS (SELECT article_id FROM article_mention WHERE entity_id = ?
                              ORDER BY mentioned_at DESC, article_id DESC LIMIT ?)
                SELECT e.id, e.type, e.name_en, e.name_ar, count(*) AS n
                FROM arts JOIN article_mention m ON m.article_id = arts.article_id AND m.entity_id <> ?
                     JOIN entity e ON e.id = m.entity_id
                GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setInt(2, COOCCURRENCE_SCAN);
            ps.setString(3, id);
            ps.setInt(4, limit);
            List<Neighbour> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Neighbour(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5)));
                }
            }
            return out;
        }
    }

    /** Mentions and articles per UTC day from {@code first} through {@code last}, every day listed (zeros included). */
    public List<Day> timeline(String id, LocalDate first, LocalDate last) throws SQLException {
        String sql = """
                SELECT (mentioned_at AT TIME ZONE 'UTC')::date AS day, sum(mention_count), count(*)
                FROM article_mention WHERE entity_id = ? AND mentioned_at >= ? AND mentioned_at < ?
                GROUP BY day
                """;
        java.util.Map<LocalDate, Day> byDay = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ArticleRepository.bind(c, ps, List.of(id, first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                    last.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    byDay.put(day, new Day(day, rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        List<Day> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.add(byDay.getOrDefault(d, new Day(d, 0, 0)));
        }
        return out;
    }

    /**
     * Entities whose mentions in {@code [now - window, now)} exceed the mean of the six windows before it, by how
     * much they exceed it (then by mentions, then id).
     */
    public List<Trend> trending(Instant now, java.time.Duration window, int limit) throws SQLException {
        Instant current = now.minus(window);
        Instant start = now.minus(window.multipliedBy(7));
        String sql = """
                WITH w AS (
                    SELECT entity_id,
                           coalesce(sum(mention_count) FILTER (WHERE mentioned_at >= ?), 0) AS cur,
                           coalesce(sum(mention_count) FILTER (WHERE mentioned_at < ?), 0) AS prev,
                           count(*) FILTER (WHERE mentioned_at >= ?) AS arts
                    FROM article_mention WHERE mentioned_at >= ? AND mentioned_at < ?
                    GROUP BY entity_id)
                SELECT e.id, e.type, e.name_en, e.name_ar, w.cur, w.prev, w.arts
                FROM w JOIN entity e ON e.id = w.entity_id
                WHERE w.cur * 6 > w.prev
                ORDER BY w.cur - w.prev / 6.0 DESC, w.cur DESC, e.id LIMIT ?
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ArticleRepository.bind(c, ps, List.of(current, current, current, start, now, limit));
            List<Trend> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Trend(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getLong(6) / 6.0, rs.getLong(7)));
                }
            }
            return out;
        }
    }

    private static List<String> strings(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            return strings(ps);
        }
    }

    private static List<String> strings(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
