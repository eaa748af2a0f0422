package io.khabar.entities.ner;

import io.khabar.events.MatchingText;
import io.khabar.matching.MatchingAnalyzer;
import io.khabar.text.Scripts;
import io.khabar.text.StringIntTable;

/**
 * The matching keys of one token, from the normalization layer: its form (Arabic letters normalized, Latin case- and
 * accent-folded) and its stem (Arabic proclitics stripped: لموسكو gives موسكو, بالأسد gives الأسد). Gazetteers,
 * the knowledge base and the recognizer's word features all use these keys, so they agree on what a word is.
 */
public final class WordKeys {
    /**
     * Words seen recently, in a direct-mapped cache: most tokens of news text are frequent words, so most lookups skip
     * the analyzer. 16,384 slots hold at most about 3.5 MiB. It was a {@code ConcurrentHashMap} of 20,000 words,
     * cleared when full, whose lookups took 6% of enrich-service's CPU under the benchmark: every token is a new
     * string, so its {@code String.hashCode} was computed anew, and Arabic words often share one hash code, so the
     * map then compared words along a chain. A slot here is chosen by {@link StringIntTable#hash}; a word that meets
     * another in its slot takes the slot.
     */
    private static final int CACHE_SLOTS = 1 << 14;
    private final MatchingAnalyzer analyzer;
    /** Immutable entries, written and read without locks: a reader sees a whole entry, or an older one, or none. */
    private final Entry[] cache = new Entry[CACHE_SLOTS];

    private record Entry(String token, String[] keys) {
    }

    public WordKeys(MatchingAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** {form, stem} of one token; punctuation keeps its own character as both. Do not modify the array. */
    public String[] of(String token) {
        int slot = StringIntTable.hash(token) & (CACHE_SLOTS - 1);
        Entry e = cache[slot];
        if (e != null && e.token.equals(token)) {
            return e.keys;
        }
        String[] k = compute(token);
        cache[slot] = new Entry(token, k);
        return k;
    }

    private String[] compute(String token) {
        MatchingText m = analyzer.analyze(token);
        if (m.size() == 0) {
            return new String[]{token, token};
        }
        // a hyphenated token (al-Assad) keeps its words apart, joined by a space, as the knowledge base's keys do
        return new String[]{m.forms(), m.stemsOrForms()};
    }

    /** The stem keys of a multi-word name, joined by single spaces (the gazetteer's and knowledge base's key). */
    public String nameKey(String name) {
        String[] words = Tokenizer.words(name);
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            String stem = of(w)[1];
            if (!stem.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(stem);
            }
        }
        return sb.toString();
    }

    /**
     * How many leading characters of an Arabic token are a proclitic (و ف ب ك ل, alone or together) that the
     * matching layer strips: the name's span starts after them. The article ال stays part of the name.
     */
    public int procliticLength(String token) {
        String[] k = of(token);
        if (k[0].equals(k[1]) || !Scripts.startsInArabicBlock(token)) {
            return 0;
        }
        for (int n = 1; n <= 2 && n < token.length(); n++) {
            String rest = token.substring(n);
            if (of(rest)[0].equals(k[1])) {
                return n;
            }
        }
        // لل + noun is ل + ال with the alef dropped: the name starts after the preposition
        return k[1].startsWith("ال") && k[0].startsWith("لل") ? 1 : 0;
    }

    public MatchingAnalyzer analyzer() {
        return analyzer;
    }
}
