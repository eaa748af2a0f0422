package io.khabar.store.persistence;

import io.khabar.events.MatchingText;
import io.khabar.infra.TestInfra;
import io.khabar.infra.postgres.Database;
import io.khabar.matching.MatchingAnalyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The search column's literals, read by a real PostgreSQL. */
class SearchTermsTest {
    private static final MatchingAnalyzer MATCHING = new MatchingAnalyzer();
    private static Connection db;

    @BeforeAll
    static void connect() throws SQLException {
        Database d = TestInfra.database();
        db = DriverManager.getConnection(d.jdbcUrl(), d.username(), d.password());
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void aVectorHoldsEachDistinctWordOnceWithoutPositions() throws SQLException {
        String v = SearchTerms.vector("موسكو  الكرملين", "لموسكو موسكو\tputin 2024");
        assertThat(v).isEqualTo("'موسكو' 'الكرملين' 'لموسكو' 'putin' '2024'");
        assertThat(text("SELECT CAST(? AS tsvector)::text", v)).isEqualTo("'2024' 'putin' 'الكرملين' 'لموسكو' 'موسكو'");
        assertThat(SearchTerms.vector("", null, "   ")).isEmpty();
        assertThat(text("SELECT length(CAST(? AS tsvector))::text", "")).isEqualTo("0");
    }

    /**
     * The words of the matching layer are the lexemes PostgreSQL's parser made of them before (to_tsvector with the
     * simple configuration, as the search column was written until issue #16), for the seed article and English text.
     */
    @Test
    void theLexemesAreThoseOfPostgresqlsParserForTheMatchingLayer() throws Exception {
        String arabic = Files.readString(Path.of("../samples/kremlin-assad-visit.ar.txt"), StandardCharsets.UTF_8);
        String english = "Vladimir Putin met Bashar al-Assad in Moscow on 24 July 2024; the Kremlin's 3rd meeting "
                + "since 2015, at 9:30 a.m., cost US$1.5bn, said Müller (O'Neill & co.) on www.example.com #news.";
        for (String text : new String[]{arabic, english}) {
            MatchingText m = MATCHING.analyze(text);
            String stems = m.stems() == null ? "" : m.stems(); // only Arabic words have stems apart
            String title = MATCHING.form(text.lines().findFirst().orElse(""));
            String parsed = text("SELECT array_to_string(tsvector_to_array(to_tsvector('simple', ?) || "
                    + "to_tsvector('simple', ?) || to_tsvector('simple', ?)), ' ')", title, m.forms(), stems);
            String ours = text("SELECT array_to_string(tsvector_to_array(CAST(? AS tsvector)), ' ')",
                    SearchTerms.vector(title, m.forms(), stems));
            assertThat(ours).isEqualTo(parsed).isNotBlank();
        }
    }

    @Test
    void aQueryMatchesAVectorThatHasAllItsWords() throws SQLException {
        String v = SearchTerms.vector("بشار الاسد موسكو putin");
        assertThat(SearchTerms.query("موسكو putin موسكو")).isEqualTo("'موسكو' & 'putin'");
        assertThat(matches(v, SearchTerms.query("موسكو putin"))).isTrue();
        assertThat(matches(v, SearchTerms.query("putin"))).isTrue();
        assertThat(matches(v, SearchTerms.query("موسكو لندن"))).isFalse();
        assertThat(matches(v, SearchTerms.query("put"))).isFalse(); // whole words, no prefixes
        assertThat(SearchTerms.query("  ")).isEmpty();
        assertThat(matches(v, "")).isFalse();
    }

    /** Quotes, backslashes and the tsquery operators are characters of a word, never syntax. */
    @Test
    void metaCharactersAreQuoted() throws SQLException {
        String v = SearchTerms.vector("it's a\\b & | ! ( ) :* x'");
        assertThat(text("SELECT array_to_string(tsvector_to_array(CAST(? AS tsvector)), ' ')", v))
                .isEqualTo("! & ( ) :* a\\b it's x' |");
        assertThat(matches(v, SearchTerms.query("it's a\\b !"))).isTrue();
        assertThat(matches(v, SearchTerms.query("it"))).isFalse();
    }

    /** PostgreSQL refuses a lexeme of 2 KB or a vector of 1 MB: such words are left out instead. */
    @Test
    void wordsAndVectorsStayWithinPostgresqlsLimits() throws SQLException {
        String longest = "ب".repeat(SearchTerms.MAX_LEXEME_BYTES / 2);
        String tooLong = "ب".repeat(SearchTerms.MAX_LEXEME_BYTES / 2 + 1);
        assertThat(text("SELECT length(CAST(? AS tsvector))::text", SearchTerms.vector(longest, tooLong, "x")))
                .isEqualTo("2");
        assertThat(SearchTerms.query(tooLong + " x")).isEqualTo("'x'");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 120_000; i++) {
            many.append("كلمة").append(i).append(' ');
        }
        String v = SearchTerms.vector(many.toString());
        assertThat(v.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(SearchTerms.MAX_VECTOR_BYTES);
        int lexemes = Integer.parseInt(text("SELECT length(CAST(? AS tsvector))::text", v));
        assertThat(lexemes).isBetween(50_000, 119_999);
    }

    private static boolean matches(String vector, String query) throws SQLException {
        return Boolean.parseBoolean(text("SELECT (CAST(? AS tsvector) @@ CAST(? AS tsquery))::text", vector, query));
    }

    private static String text(String sql, String... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
