package io.khabar.store.persistence;

import io.agroal.api.AgroalDataSource;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.EventJson;
import io.khabar.events.MatchingText;
import io.khabar.matching.MatchingAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Articles in PostgreSQL. Every statement is parameterized. */
@ApplicationScoped
public class ArticleRepository {
    /**
     * Insert, or replace an older version. A replayed or older version (lower revision, or the same revision enriched
     * earlier) leaves the row as it is, so redelivery and reordering never go backwards.
     */
    static final String UPSERT = """
            INSERT INTO article (id, revision, content_hash, source, url, title, language, published_at, received_at,
                                 enriched_at, sort_at, document, search, entity_ids, topics)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS tsvector), ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                revision = EXCLUDED.revision, content_hash = EXCLUDED.content_hash, source = EXCLUDED.source,
                url = EXCLUDED.url, title = EXCLUDED.title, language = EXCLUDED.language,
                published_at = EXCLUDED.published_at, received_at = EXCLUDED.received_at,
                enriched_at = EXCLUDED.enriched_at, sort_at = EXCLUDED.sort_at, document = EXCLUDED.document,
                search = EXCLUDED.search, entity_ids = EXCLUDED.entity_ids, topics = EXCLUDED.topics,
                stored_at = clock_timestamp(), stream_seq = nextval('article_stream_seq')
            WHERE (EXCLUDED.revision, EXCLUDED.enriched_at) > (article.revision, article.enriched_at)
            RETURNING sort_at, xmax <> 0
            """;

    /**
     * Serializes writers from before they draw a stream position until they commit, so positions become visible in
     * increasing order and a stream reader that has passed position N never misses a row committed later below N.
     */
    static final String STREAM_LOCK = "SELECT pg_advisory_xact_lock(4242170001)";

    /** Beyond this, the rest of a very long article is not indexed (a tsvector holds at most 1 MB). */
    static final int MAX_SEARCH_CHARS = 400_000;

    /** The writer's pool: only {@link #upsertAll} takes connections from it. */
    @Inject
    AgroalDataSource dataSource;

    /** Read-only queries: the read pool, apart from the writer's, with its own statement timeout. */
    @Inject
    @io.quarkus.agroal.DataSource(ReadPool.NAME)
    AgroalDataSource reads;

    @Inject
    io.khabar.store.config.StoreConfig config;

    @Inject
    MatchingAnalyzer matching;

    /**
     * Inserts or replaces the article and, in the same transaction, replaces its entities, mentions, topics, quotes
     * and dates ({@link FindingsWriter}); an older or replayed version changes nothing.
     *
     * @return true when the row was inserted or replaced, false when a newer version was already stored
     */
    public boolean upsert(ArticleEnriched a) throws SQLException {
        return upsertAll(List.of(a))[0];
    }

    /**
     * {@link #upsert} for several articles, in order, in one transaction (one commit, one wait for the stream lock):
     * all are written or none. Two versions of one article in the list end as the newer one, whatever their order.
     *
     * @return per article, whether its row was inserted or replaced
     */
    public boolean[] upsertAll(List<ArticleEnriched> articles) throws SQLException {
        boolean[] written = new boolean[articles.size()];
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (java.sql.Statement settings = c.createStatement()) {
                    // bounded waits: a stuck session elsewhere makes this transaction fail (and retry), never hang;
                    // then the stream lock, in the same round trip
                    settings.execute(writerSettings() + "; " + STREAM_LOCK);
                }
                // the articles first (an older or replayed version writes nothing), then all their findings at once
                java.util.Map<String, FindingsWriter.Written> latest = new java.util.LinkedHashMap<>();
                for (int i = 0; i < articles.size(); i++) {
                    ArticleEnriched a = articles.get(i);
                    FindingsWriter.Written w = upsertArticle(c, a);
                    if (w != null) { // a later version of the same article in this batch replaces it
                        latest.remove(a.articleId());
                        latest.put(a.articleId(), w);
                    }
                    written[i] = w != null;
                }
                new FindingsWriter(matching).replaceAll(c, new ArrayList<>(latest.values()));
                c.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** The writer transaction's own timeouts (whole milliseconds from configuration, never input). */
    private String writerSettings() {
        long statement = config.writeStatementTimeout().toMillis();
        return "SET LOCAL lock_timeout = " + config.writeLockTimeout().toMillis()
                + "; SET LOCAL statement_timeout = " + statement
                + "; SET LOCAL idle_in_transaction_session_timeout = " + statement;
    }

    /**
     * @return the article with its sort time (publication, else reception) and whether it replaced a stored row (the
     * new row version of an update has a non-zero {@code xmax}, an inserted one zero); null when a newer one is stored
     */
    private FindingsWriter.Written upsertArticle(Connection c, ArticleEnriched a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, a.articleId());
            ps.setLong(2, a.revision());
            ps.setString(3, a.contentHash() == null ? "" : a.contentHash());
            ps.setString(4, a.source() == null ? "" : a.source());
            ps.setString(5, a.url());
            ps.setString(6, a.title() == null ? "" : a.title());
            ps.setString(7, a.language() == null ? "und" : a.language());
            setInstant(ps, 8, a.publishedAt());
            setInstant(ps, 9, a.receivedAt() == null ? a.enrichedAt() : a.receivedAt());
            setInstant(ps, 10, a.enrichedAt());
            setInstant(ps, 11, a.publishedAt() != null ? a.publishedAt() : a.receivedAt() != null ? a.receivedAt() : a.enrichedAt());
            ps.setString(12, EventJson.toJson(a.withoutMatching())); // the matching layer goes to the search column
            ps.setString(13, SearchTerms.vector(matching.form(a.title() == null ? "" : a.title()), searchText(a)));
            ps.setArray(14, c.createArrayOf("text", FindingsWriter.entityIds(a)));
            ps.setArray(15, c.createArrayOf("text", FindingsWriter.topics(a).keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new FindingsWriter.Written(a, rs.getTimestamp(1).toInstant(), rs.getBoolean(2)) : null;
            }
        }
    }

    /**
     * What the search column indexes of the text: its matching forms, and its stems where they differ, from the
     * event's matching layer (computed here for events that carry none). Bounded, as a tsvector is.
     */
    String searchText(ArticleEnriched a) {
        MatchingText m = a.matching() != null ? a.matching() : matching.analyze(a.text() == null ? "" : a.text());
        String text = m.stems() == null ? m.forms() : m.forms() + " " + m.stems();
        return text.length() > MAX_SEARCH_CHARS ? text.substring(0, text.lastIndexOf(' ', MAX_SEARCH_CHARS) + 1) : text;
    }

    /** The stored enriched event as JSON, and when it was stored. */
    public Optional<StoredDocument> find(String id) throws SQLException {
        try (Connection c = reads.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT document::text, stored_at FROM article WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredDocument(rs.getString(1), rs.getTimestamp(2).toInstant()));
            }
        }
    }

    /**
     * Newest first; {@code after} is the position of the last article of the previous page, or null. The filters are
     * plain conditions on each article, so keyset paging over them has no gaps and no duplicates.
     */
    public List<ArticleSummary> page(ArticleFilter filter, PageCursor after, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = SUMMARY_COLUMNS + newest(filter, after, params) + " LIMIT ?";
        params.add(limit);
        try (Connection c = reads.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            List<ArticleSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            return out;
        }
    }

    /** One article version in stream order: its position and its list line. */
    public record Streamed(long seq, ArticleSummary summary) {
    }

    /**
     * The articles matching the filter whose stream position is above {@code afterSeq}, in position order, at most
     * {@code limit}. An article appears once, at the position of its latest stored version.
     */
    public List<Streamed> streamAfter(ArticleFilter filter, long afterSeq, int limit) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("a.stream_seq > ?");
        params.add(afterSeq);
        conditions(filter, where, params);
        params.add(limit);
        String sql = SUMMARY_COLUMNS + ", a.stream_seq FROM article a WHERE " + String.join(" AND ", where)
                + " ORDER BY a.stream_seq LIMIT ?";
        try (Connection c = reads.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            List<Streamed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Streamed(rs.getLong(9), summary(rs)));
                }
            }
            return out;
        }
    }

    /** The highest stream position stored (0 when there is none): where a stream without a resume point starts. */
    public long lastStreamSeq() throws SQLException {
        try (Connection c = reads.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(stream_seq), 0) FROM article");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final String SUMMARY_COLUMNS =
            "SELECT a.id, a.title, a.language, a.source, a.url, a.published_at, a.received_at, a.stored_at";

    /**
     * {@code FROM ... WHERE ... ORDER BY} of the articles matching the filter, newest first (after {@code after} when
     * given), for a {@code LIMIT} to follow; its parameters are added to {@code params}. With one entity it walks that
     * entity's mentions newest first (index article_mention_entity_newest): a mention's mentioned_at is its article's
     * sort_at, so (mentioned_at, article_id) orders exactly as (sort_at, id), and the walk stops at the limit instead
     * of probing the newest articles one by one for the entity.
     */
    static String newest(ArticleFilter filter, PageCursor after, List<Object> params) {
        List<String> where = new ArrayList<>();
        boolean oneEntity = filter.entityIds() != null && filter.entityIds().size() == 1;
        String time = oneEntity ? "m.mentioned_at" : "a.sort_at";
        String id = oneEntity ? "m.article_id" : "a.id";
        if (oneEntity) {
            where.add("m.entity_id = ?");
            params.add(filter.entityIds().get(0));
        }
        conditions(oneEntity ? filter.withoutEntities() : filter, where, params);
        if (after != null) {
            where.add("(" + time + ", " + id + ") < (?, ?)");
            params.add(after.sortAt());
            params.add(after.id());
        }
        return (oneEntity ? " FROM article_mention m JOIN article a ON a.id = m.article_id" : " FROM article a")
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + time + " DESC, " + id + " DESC";
    }

    private static ArticleSummary summary(ResultSet rs) throws SQLException {
        return new ArticleSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
    }

    /** The facets {@code GET /articles} can count. */
    public enum Facet { ENTITY, TOPIC, SOURCE, LANGUAGE }

    /** One facet value and how many of the counted articles have it; entities carry their type and names. */
    public record FacetCount(String value, long count, String type, String nameEn, String nameAr) {
    }

    /**
     * Counts, per requested facet, the {@code top} most frequent values over the newest {@code scanLimit} articles
     * that match the filter (ties by value).
     */
    public java.util.Map<Facet, List<FacetCount>> facets(ArticleFilter filter, java.util.Set<Facet> facets, int top,
                                                         int scanLimit) throws SQLException {
        java.util.Map<Facet, List<FacetCount>> out = new java.util.EnumMap<>(Facet.class);
        if (facets.isEmpty()) {
            return out;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH f AS (SELECT a.source, a.language, a.entity_ids, a.topics")
                .append(newest(filter, null, params)).append(" LIMIT ?) ");
        params.add(scanLimit);
        List<String> parts = new ArrayList<>();
        for (Facet facet : facets) { // fixed SQL per facet; only the limit is a parameter
            parts.add(switch (facet) {
                case SOURCE -> "(SELECT 'SOURCE' AS facet, f.source AS value, count(*) AS n, NULL AS type, NULL AS name_en,"
                        + " NULL AS name_ar FROM f GROUP BY f.source ORDER BY n DESC, value LIMIT ?)";
                case LANGUAGE -> "(SELECT 'LANGUAGE', f.language AS value, count(*) AS n, NULL, NULL, NULL FROM f"
                        + " GROUP BY f.language ORDER BY n DESC, value LIMIT ?)";
                // Per counted article, the entity ids and topics its row carries (V8): no lookup per article
                // into article_mention or article_topic; names joined for the top values only.
                case TOPIC -> "(SELECT 'TOPIC', t.topic AS value, count(*) AS n, NULL, NULL, NULL FROM f CROSS JOIN"
                        + " unnest(f.topics) AS t(topic) GROUP BY t.topic ORDER BY n DESC, value LIMIT ?)";
                case ENTITY -> "(SELECT 'ENTITY', e.id AS value, top.n, e.type, e.name_en, e.name_ar FROM"
                        + " (SELECT m.entity_id, count(*) AS n FROM f CROSS JOIN unnest(f.entity_ids) AS m(entity_id)"
                        + " GROUP BY m.entity_id ORDER BY n DESC, m.entity_id LIMIT ?) top"
                        + " JOIN entity e ON e.id = top.entity_id)";
            });
            params.add(top);
            out.put(facet, new ArrayList<>());
        }
        sql.append(String.join(" UNION ALL ", parts));
        try (Connection c = reads.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.get(Facet.valueOf(rs.getString(1))).add(new FacetCount(rs.getString(2), rs.getLong(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        for (List<FacetCount> counts : out.values()) {
            counts.sort(java.util.Comparator.comparingLong(FacetCount::count).reversed()
                    .thenComparing(FacetCount::value, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        }
        return out;
    }

    /** The filter as SQL conditions on {@code article a}, with their parameters in order. */
    static void conditions(ArticleFilter f, List<String> where, List<Object> params) {
        if (f.words() != null) {
            where.add("a.search @@ CAST(? AS tsquery)");
            params.add(SearchTerms.query(f.words()));
        }
        if (f.language() != null) {
            where.add("a.language = ?");
            params.add(f.language());
        }
        if (f.source() != null) {
            where.add("a.source = ?");
            params.add(f.source());
        }
        if (f.from() != null) {
            where.add("a.published_at >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            where.add("a.published_at < ?");
            params.add(f.to());
        }
        if (f.entityIds() != null) {
            where.add("EXISTS (SELECT 1 FROM article_mention m WHERE m.article_id = a.id AND m.entity_id = ANY (?))");
            params.add(f.entityIds().toArray(new String[0]));
        }
        if (f.topic() != null) {
            where.add("EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id AND t.topic = ?)");
            params.add(f.topic());
        }
        String linked = "EXISTS (SELECT 1 FROM article_mention m JOIN entity e ON e.id = m.entity_id"
                + " WHERE m.article_id = a.id AND ";
        if (f.entityType() != null) {
            where.add(linked + "e.type = ?)");
            params.add(f.entityType());
        }
        if (f.country() != null) {
            where.add(linked + "e.type = 'LOCATION' AND e.country_code = ?)");
            params.add(f.country());
        }
        if (f.bbox() != null) {
            ArticleFilter.BoundingBox b = f.bbox();
            String lon = b.minLon() <= b.maxLon() ? "e.longitude BETWEEN ? AND ?" : "(e.longitude >= ? OR e.longitude <= ?)";
            where.add(linked + "e.latitude BETWEEN ? AND ? AND " + lon + ")");
            params.add(b.minLat());
            params.add(b.maxLat());
            params.add(b.minLon());
            params.add(b.maxLon());
        }
    }

    /** Binds parameters by their Java type: text, integers, doubles, instants, text arrays. */
    static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p instanceof String s) {
                ps.setString(i, s);
            } else if (p instanceof Integer n) {
                ps.setInt(i, n);
            } else if (p instanceof Long n) {
                ps.setLong(i, n);
            } else if (p instanceof Double d) {
                ps.setDouble(i, d);
            } else if (p instanceof Instant t) {
                ps.setObject(i, t.atOffset(java.time.ZoneOffset.UTC));
            } else if (p instanceof String[] a) {
                ps.setArray(i, c.createArrayOf("text", a));
            } else {
                throw new IllegalArgumentException("unsupported parameter type " + p.getClass());
            }
            i++;
        }
    }

    /** The sort position of an article, for building the next cursor. */
    public Optional<PageCursor> cursorOf(String id) throws SQLException {
        try (Connection c = reads.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sort_at FROM article WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PageCursor(rs.getTimestamp(1).toInstant(), id)) : Optional.empty();
            }
        }
    }

    public long count() throws SQLException {
        try (Connection c = reads.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM article");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(java.time.ZoneOffset.UTC));
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The enriched event's JSON as stored. */
    public record StoredDocument(String json, Instant storedAt) {
    }
}
