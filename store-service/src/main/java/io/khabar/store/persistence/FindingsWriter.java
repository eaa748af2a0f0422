package io.khabar.store.persistence;

import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleEntity;
import io.khabar.events.Span;
import io.khabar.normalize.matching.MatchingAnalyzer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an article's entities, mentions, topics, quotes and dates as rows, inside the caller's transaction (the one
 * that upserted the article). Replaces whatever rows the article had. Every insert is a parameterized JDBC batch.
 */
final class FindingsWriter {
    static final String UPSERT_ENTITY = """
            INSERT INTO entity (id, type, kind, name_en, name_ar, qid, latitude, longitude, country_code, geonames_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                type = EXCLUDED.type, kind = coalesce(EXCLUDED.kind, entity.kind),
                name_en = coalesce(EXCLUDED.name_en, entity.name_en), name_ar = coalesce(EXCLUDED.name_ar, entity.name_ar),
                qid = coalesce(EXCLUDED.qid, entity.qid), latitude = coalesce(EXCLUDED.latitude, entity.latitude),
                longitude = coalesce(EXCLUDED.longitude, entity.longitude),
                country_code = coalesce(EXCLUDED.country_code, entity.country_code),
                geonames_id = coalesce(EXCLUDED.geonames_id, entity.geonames_id), updated_at = clock_timestamp()
            WHERE (entity.type, entity.kind, entity.name_en, entity.name_ar, entity.qid, entity.latitude,
                   entity.longitude, entity.country_code, entity.geonames_id)
                  IS DISTINCT FROM
                  (EXCLUDED.type, coalesce(EXCLUDED.kind, entity.kind), coalesce(EXCLUDED.name_en, entity.name_en),
                   coalesce(EXCLUDED.name_ar, entity.name_ar), coalesce(EXCLUDED.qid, entity.qid),
                   coalesce(EXCLUDED.latitude, entity.latitude), coalesce(EXCLUDED.longitude, entity.longitude),
                   coalesce(EXCLUDED.country_code, entity.country_code), coalesce(EXCLUDED.geonames_id, entity.geonames_id))
            """;
    static final String INSERT_ALIAS = "INSERT INTO entity_alias (form, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
    static final String INSERT_MENTION = """
            INSERT INTO article_mention (article_id, entity_id, mention_count, first_start, first_end, salience, in_title,
                                         mentioned_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String INSERT_TOPIC = "INSERT INTO article_topic (article_id, topic, score) VALUES (?, ?, ?)";
    static final String INSERT_QUOTE = """
            INSERT INTO article_quote (article_id, start_offset, end_offset, speaker_id, speaker_name, type)
            VALUES (?, ?, ?, ?, ?, ?)
            """;
    static final String INSERT_DATE = """
            INSERT INTO article_date (article_id, start_offset, end_offset, value, type, granularity)
            VALUES (?, ?, ?, ?, ?, ?)
            """;
    static final List<String> CHILD_TABLES = List.of("article_mention", "article_topic", "article_quote", "article_date");

    /** At most this many names of one entity per article become aliases; longer names are not aliases. */
    static final int MAX_ALIASES_PER_ENTITY = 32;
    static final int MAX_ALIAS_CHARS = 200;

    private final MatchingAnalyzer matching;

    FindingsWriter(MatchingAnalyzer matching) {
        this.matching = matching;
    }

    /**
     * Replaces the article's rows by those of {@code a}.
     *
     * @param mentionedAt the article's sort time (publication, else reception): its {@code sort_at}
     */
    void replace(Connection c, ArticleEnriched a, Instant mentionedAt) throws SQLException {
        String id = a.articleId();
        for (String table : CHILD_TABLES) { // constant table names, never input
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE article_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        }
        List<ArticleEntity> entities = distinctEntities(a.entities());
        writeEntities(c, a, entities);
        if (!entities.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_MENTION)) {
                for (ArticleEntity e : entities) {
                    Span first = e.mentions().stream().min(Comparator.comparingInt(Span::start)).orElse(null);
                    ps.setString(1, id);
                    ps.setString(2, e.id());
                    ps.setInt(3, e.mentions().size());
                    setInt(ps, 4, first == null ? null : first.start());
                    setInt(ps, 5, first == null ? null : first.end());
                    ps.setFloat(6, (float) e.salience());
                    ps.setBoolean(7, e.inTitle());
                    ps.setObject(8, mentionedAt.atOffset(ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        writeAnnotations(c, a);
    }

    private void writeEntities(Connection c, ArticleEnriched a, List<ArticleEntity> entities) throws SQLException {
        if (entities.isEmpty()) {
            return;
        }
        // in id order, so that two transactions upserting the same entities never wait on each other in a cycle
        List<ArticleEntity> byId = new ArrayList<>(entities);
        byId.sort(Comparator.comparing(ArticleEntity::id));
        try (PreparedStatement ps = c.prepareStatement(UPSERT_ENTITY)) {
            for (ArticleEntity e : byId) {
                ps.setString(1, e.id());
                ps.setString(2, e.type() == null || e.type().isBlank() ? "MISC" : e.type());
                ps.setString(3, e.kind());
                // an entity the knowledge base does not know is named as the article writes it, in its script's column
                boolean unnamed = e.nameEn() == null && e.nameAr() == null && e.name() != null;
                boolean arabic = unnamed && e.name().codePoints()
                        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC);
                ps.setString(4, unnamed && !arabic ? e.name() : e.nameEn());
                ps.setString(5, unnamed && arabic ? e.name() : e.nameAr());
                ps.setString(6, e.qid());
                setDouble(ps, 7, e.latitude());
                setDouble(ps, 8, e.longitude());
                ps.setString(9, e.countryCode());
                if (e.geonamesId() == null) {
                    ps.setNull(10, Types.BIGINT);
                } else {
                    ps.setLong(10, e.geonamesId());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_ALIAS)) {
            for (ArticleEntity e : byId) {
                for (String form : aliases(a.text(), e)) {
                    ps.setString(1, form);
                    ps.setString(2, e.id());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** The matching forms of the entity's canonical names, its name as written, and its mentions' text, sorted. */
    Set<String> aliases(String text, ArticleEntity e) {
        List<String> names = new ArrayList<>();
        names.add(e.nameEn());
        names.add(e.nameAr());
        names.add(e.name());
        if (text != null) {
            for (Span m : e.mentions()) {
                if (m.start() >= 0 && m.end() <= text.length() && m.start() < m.end()) {
                    names.add(text.substring(m.start(), m.end()));
                }
            }
        }
        Set<String> forms = new java.util.TreeSet<>();
        for (String name : names) {
            if (name == null || name.isBlank() || name.length() > MAX_ALIAS_CHARS) {
                continue;
            }
            String form = matching.form(name);
            if (!form.isBlank()) {
                forms.add(form);
            }
            if (forms.size() >= MAX_ALIASES_PER_ENTITY) {
                break;
            }
        }
        return forms;
    }

    private static void writeAnnotations(Connection c, ArticleEnriched a) throws SQLException {
        Map<String, Annotation> topics = new LinkedHashMap<>();
        Map<String, Annotation> quotes = new LinkedHashMap<>();
        Map<String, Annotation> dates = new LinkedHashMap<>();
        for (Annotation an : a.annotations()) {
            switch (an.kind()) {
                case "topic" -> {
                    if (an.value() != null && !an.value().isBlank()) {
                        topics.putIfAbsent(an.value(), an);
                    }
                }
                case "quote" -> quotes.putIfAbsent(an.start() + ":" + an.end(), an);
                case "date" -> dates.putIfAbsent(an.start() + ":" + an.end(), an);
                default -> {
                }
            }
        }
        String id = a.articleId();
        if (!topics.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_TOPIC)) {
                for (Annotation t : topics.values()) {
                    ps.setString(1, id);
                    ps.setString(2, t.value());
                    if (t.confidence() == null) {
                        ps.setNull(3, Types.REAL);
                    } else {
                        ps.setFloat(3, t.confidence().floatValue());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!quotes.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_QUOTE)) {
                for (Annotation q : quotes.values()) {
                    ps.setString(1, id);
                    ps.setInt(2, q.start());
                    ps.setInt(3, q.end());
                    ps.setString(4, q.value());
                    ps.setString(5, attribute(q, "speakerName"));
                    ps.setString(6, q.type());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!dates.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_DATE)) {
                for (Annotation d : dates.values()) {
                    ps.setString(1, id);
                    ps.setInt(2, d.start());
                    ps.setInt(3, d.end());
                    ps.setString(4, d.value());
                    ps.setString(5, d.type());
                    ps.setString(6, attribute(d, "granularity"));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static List<ArticleEntity> distinctEntities(List<ArticleEntity> entities) {
        Set<String> seen = new HashSet<>();
        List<ArticleEntity> out = new ArrayList<>();
        for (ArticleEntity e : entities) {
            if (seen.add(e.id())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String attribute(Annotation a, String name) {
        Object v = a.attributes().get(name);
        return v == null ? null : v.toString();
    }

    private static void setInt(PreparedStatement ps, int index, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, v);
        }
    }
}
