package io.khabar.store.persistence;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The values of the {@code article.search} column and of its queries, as PostgreSQL literals built from the matching
 * layer's words, rather than by PostgreSQL's text parser ({@code to_tsvector}, {@code plainto_tsquery}).
 * <p>
 * The matching layer has already cut the text into words and normalized each one: its forms and stems are words
 * separated by single spaces. Parsing them again with PostgreSQL's parser took 0.2-0.4 ms of the database's time per
 * article (the text once, or twice for an Arabic text's forms and stems), against 0.03 ms to read these literals
 * (docs/benchmarks.md, issue #16), and what that parser makes of a word depends on the server's locale. Here a word of
 * the layer is one lexeme, in the article and in the query, whatever the server. The vector has no positions and no
 * weights: searches only ask whether every word of the query is there ({@code @@} with {@code &}), and the index keeps
 * no positions either.
 */
final class SearchTerms {
    /** PostgreSQL's longest lexeme, in bytes ({@code to_tsvector} skips longer words, as this does). */
    static final int MAX_LEXEME_BYTES = 2046;
    /** Lexeme bytes in one vector, under PostgreSQL's 1 MB for a tsvector's strings; the words after are left out. */
    static final int MAX_VECTOR_BYTES = 1_000_000;

    private SearchTerms() {
    }

    /** The distinct words of the texts (each a list of words separated by spaces), as a {@code tsvector} literal. */
    static String vector(String... texts) {
        Set<String> words = words(texts);
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (String w : words) {
            bytes += utf8Length(w);
            if (bytes > MAX_VECTOR_BYTES) {
                break;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            quote(w, out);
        }
        return out.toString();
    }

    /**
     * Every distinct word of {@code words}, as a {@code tsquery} literal that matches a vector holding all of them;
     * empty when there is none (PostgreSQL then matches nothing).
     */
    static String query(String words) {
        StringBuilder out = new StringBuilder();
        for (String w : words(words)) {
            if (!out.isEmpty()) {
                out.append(" & ");
            }
            quote(w, out);
        }
        return out.toString();
    }

    private static Set<String> words(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            int n = text.length();
            int i = 0;
            while (i < n) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                // a char is one to three bytes (a surrogate pair four), so only long words need counting
                if (i > start && i - start <= MAX_LEXEME_BYTES) {
                    String w = text.substring(start, i);
                    if (i - start <= MAX_LEXEME_BYTES / 3 || utf8Length(w) <= MAX_LEXEME_BYTES) {
                        words.add(w);
                    }
                }
            }
        }
        return words;
    }

    /** The word between single quotes, its quotes doubled and its backslashes escaped, as both literals read them. */
    private static void quote(String w, StringBuilder out) {
        out.append('\'');
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '\'' || c == '\\') {
                out.append(c == '\'' ? '\'' : '\\');
            }
            out.append(c);
        }
        out.append('\'');
    }

    /** The word's length in UTF-8, as the driver sends it (a lone surrogate as one {@code ?}), without encoding it. */
    private static int utf8Length(String w) {
        int bytes = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < w.length()
                    && Character.isLowSurrogate(w.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }
}
