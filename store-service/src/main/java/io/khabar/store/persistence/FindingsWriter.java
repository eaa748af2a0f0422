package io.khabar.store.persistence;

import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleEntity;
import io.khabar.events.Span;
import io.khabar.matching.MatchingAnalyzer;
import io.khabar.text.Scripts;

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
     * An article whose row was just inserted or replaced, its sort time (its mentions' {@code mentioned_at}), and
     * whether it replaced a stored row (only then can it have old rows to delete: a new row has none, the child
     * tables' foreign keys see to that).
     */
    record Written(ArticleEnriched article, Instant mentionedAt, boolean replaced) {
    }

    /**
     * Replaces the rows of the written articles of one transaction by theirs, a statement per table for the whole
     * batch (the driver sends each batch as multi-row inserts): old rows of replaced articles deleted by article id
     * (no statement when every article is new, the usual case), entities upserted
     * once each (an entity several articles name is one row to upsert), then aliases, mentions, topics, quotes and
     * dates.
     */
    void replaceAll(Connection c, List<Written> written) throws SQLException {
        if (written.isEmpty()) {
            return;
        }
        Object[] replaced = written.stream().filter(Written::replaced).map(w -> w.article().articleId()).toArray();
        if (replaced.length > 0) {
            java.sql.Array ids = c.createArrayOf("text", replaced);
            for (String table : CHILD_TABLES) { // constant table names, never input
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE article_id = ANY (?)")) {
                    ps.setArray(1, ids);
                    ps.executeUpdate();
                }
            }
        }
        // in id order, so that two transactions upserting the same entities never wait on each other in a cycle
        Map<String, ArticleEntity> entities = new java.util.TreeMap<>();
        Set<List<String>> aliases = new java.util.TreeSet<>(Comparator.<List<String>, String>comparing(l -> l.get(1))
                .thenComparing(l -> l.get(0)));
        try (PreparedStatement mentions = c.prepareStatement(INSERT_MENTION)) {
            for (Written w : written) {
                ArticleEnriched a = w.article();
                for (ArticleEntity e : distinctEntities(a.entities())) {
                    entities.merge(e.id(), e, FindingsWriter::later);
                    for (String form : aliases(a.text(), e)) {
                        aliases.add(List.of(form, e.id()));
                    }
                    Span first = e.mentions().stream().min(Comparator.comparingInt(Span::start)).orElse(null);
                    mentions.setString(1, a.articleId());
                    mentions.setString(2, e.id());
                    mentions.setInt(3, e.mentions().size());
                    setInt(mentions, 4, first == null ? null : first.start());
                    setInt(mentions, 5, first == null ? null : first.end());
                    mentions.setFloat(6, (float) e.salience());
                    mentions.setBoolean(7, e.inTitle());
                    mentions.setObject(8, w.mentionedAt().atOffset(ZoneOffset.UTC));
                    mentions.addBatch();
                }
            }
            writeEntities(c, entities.values(), aliases); // before the mentions that reference them
            mentions.executeBatch();
        }
        writeAnnotations(c, written);
    }

    /**
     * One entity as two articles of a batch describe it: what two upserts one after the other would leave (the later
     * type; each other field the later one's where it has one).
     */
    private static ArticleEntity later(ArticleEntity earlier, ArticleEntity later) {
        return new ArticleEntity(later.id(), later.type(), or(later.kind(), earlier.kind()),
                or(later.name(), earlier.name()), or(later.nameEn(), earlier.nameEn()),
                or(later.nameAr(), earlier.nameAr()), or(later.qid(), earlier.qid()),
                or(later.latitude(), earlier.latitude()), or(later.longitude(), earlier.longitude()),
                or(later.countryCode(), earlier.countryCode()), or(later.geonamesId(), earlier.geonamesId()),
                later.mentions(), later.adjectives(), later.inTitle(), later.salience(), later.confidence(),
                later.linkedBy());
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private void writeEntities(Connection c, java.util.Collection<ArticleEntity> byId, Set<List<String>> aliases)
            throws SQLException {
        if (byId.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT_ENTITY)) {
            for (ArticleEntity e : byId) {
                ps.setString(1, e.id());
                ps.setString(2, e.type() == null || e.type().isBlank() ? "MISC" : e.type());
                ps.setString(3, e.kind());
                // an entity the knowledge base does not know is named as the article writes it, in its script's column
                boolean unnamed = e.nameEn() == null && e.nameAr() == null && e.name() != null;
                boolean arabic = unnamed && Scripts.anyArabicScript(e.name());
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
            for (List<String> alias : aliases) {
                ps.setString(1, alias.get(0));
                ps.setString(2, alias.get(1));
                ps.addBatch();
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

    private static void writeAnnotations(Connection c, List<Written> written) throws SQLException {
        try (PreparedStatement topicRows = c.prepareStatement(INSERT_TOPIC);
             PreparedStatement quoteRows = c.prepareStatement(INSERT_QUOTE);
             PreparedStatement dateRows = c.prepareStatement(INSERT_DATE)) {
            int[] counts = new int[3];
            for (Written w : written) {
                ArticleEnriched a = w.article();
                Map<String, Annotation> topics = topics(a);
                Map<String, Annotation> quotes = new LinkedHashMap<>();
                Map<String, Annotation> dates = new LinkedHashMap<>();
                for (Annotation an : a.annotations()) {
                    switch (an.kind()) {
                        case "quote" -> quotes.putIfAbsent(an.start() + ":" + an.end(), an);
                        case "date" -> dates.putIfAbsent(an.start() + ":" + an.end(), an);
                        default -> {
                        }
                    }
                }
                String id = a.articleId();
                for (Annotation t : topics.values()) {
                    topicRows.setString(1, id);
                    topicRows.setString(2, t.value());
                    if (t.confidence() == null) {
                        topicRows.setNull(3, Types.REAL);
                    } else {
                        topicRows.setFloat(3, t.confidence().floatValue());
                    }
                    topicRows.addBatch();
                    counts[0]++;
                }
                for (Annotation q : quotes.values()) {
                    quoteRows.setString(1, id);
                    quoteRows.setInt(2, q.start());
                    quoteRows.setInt(3, q.end());
                    quoteRows.setString(4, q.value());
                    quoteRows.setString(5, attribute(q, "speakerName"));
                    quoteRows.setString(6, q.type());
                    quoteRows.addBatch();
                    counts[1]++;
                }
                for (Annotation d : dates.values()) {
                    dateRows.setString(1, id);
                    dateRows.setInt(2, d.start());
                    dateRows.setInt(3, d.end());
                    dateRows.setString(4, d.value());
                    dateRows.setString(5, d.type());
                    dateRows.setString(6, attribute(d, "granularity"));
                    dateRows.addBatch();
                    counts[2]++;
                }
            }
            if (counts[0] > 0) {
                topicRows.executeBatch();
            }
            if (counts[1] > 0) {
                quoteRows.executeBatch();
            }
            if (counts[2] > 0) {
                dateRows.executeBatch();
            }
        }
    }

    /** The article's IPTC topics (annotations of kind topic), one per value, first occurrence kept. */
    static Map<String, Annotation> topics(ArticleEnriched a) {
        Map<String, Annotation> topics = new LinkedHashMap<>();
        for (Annotation an : a.annotations()) {
            if ("topic".equals(an.kind()) && an.value() != null && !an.value().isBlank()) {
                topics.putIfAbsent(an.value(), an);
            }
        }
        return topics;
    }

    /** The ids of the entities the article names, once each: the entity ids of its {@code article_mention} rows. */
    static String[] entityIds(ArticleEnriched a) {
        return distinctEntities(a.entities()).stream().map(ArticleEntity::id).toArray(String[]::new);
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
