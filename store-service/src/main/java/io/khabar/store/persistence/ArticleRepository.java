package io.khabar.store.persistence;

import io.agroal.api.AgroalDataSource;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.EventJson;
import io.khabar.events.MatchingText;
import io.khabar.normalize.matching.MatchingAnalyzer;
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
                                 enriched_at, sort_at, document, search)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb),
                    setweight(to_tsvector('simple', ?), 'A') || to_tsvector('simple', ?))
            ON CONFLICT (id) DO UPDATE SET
                revision = EXCLUDED.revision, content_hash = EXCLUDED.content_hash, source = EXCLUDED.source,
                url = EXCLUDED.url, title = EXCLUDED.title, language = EXCLUDED.language,
                published_at = EXCLUDED.published_at, received_at = EXCLUDED.received_at,
                enriched_at = EXCLUDED.enriched_at, sort_at = EXCLUDED.sort_at, document = EXCLUDED.document,
                search = EXCLUDED.search, stored_at = clock_timestamp()
            WHERE (EXCLUDED.revision, EXCLUDED.enriched_at) > (article.revision, article.enriched_at)
            """;

    /** Beyond this, the rest of a very long article is not indexed (a tsvector holds at most 1 MB). */
    static final int MAX_SEARCH_CHARS = 400_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MatchingAnalyzer matching;

    /** @return true when the row was inserted or replaced, false when a newer version was already stored */
    public boolean upsert(ArticleEnriched a) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
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
            ps.setString(13, matching.form(a.title() == null ? "" : a.title()));
            ps.setString(14, searchText(a));
            return ps.executeUpdate() == 1;
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
        try (Connection c = dataSource.getConnection();
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
     * Newest first; {@code after} is the position of the last article of the previous page, or null; {@code words},
     * when not null, are matching-layer words that must all occur (title or text).
     */
    public List<ArticleSummary> page(PageCursor after, String words, int limit) throws SQLException {
        List<String> where = new ArrayList<>();
        if (words != null) {
            where.add("search @@ plainto_tsquery('simple', ?)");
        }
        if (after != null) {
            where.add("(sort_at, id) < (?, ?)");
        }
        String sql = "SELECT id, title, language, source, url, published_at, received_at, stored_at, sort_at FROM article"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY sort_at DESC, id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (words != null) {
                ps.setString(i++, words);
            }
            if (after != null) {
                setInstant(ps, i++, after.sortAt());
                ps.setString(i++, after.id());
            }
            ps.setInt(i, limit);
            List<ArticleSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ArticleSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                            instant(rs.getTimestamp(8))));
                }
            }
            return out;
        }
    }

    /** The sort position of an article, for building the next cursor. */
    public Optional<PageCursor> cursorOf(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sort_at FROM article WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PageCursor(rs.getTimestamp(1).toInstant(), id)) : Optional.empty();
            }
        }
    }

    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection();
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
