package io.khabar.entities.ner;

import io.khabar.text.Scripts;
import io.khabar.text.StringIntTable;

/**
 * Turns a sentence into hashed feature indexes, per token, for {@link Perceptron}. Each token first gets a few
 * "atoms" (hashes of its word key, case, shape, affixes, Arabic stem and clitic, gazetteer marks); each feature
 * template then combines one or two atoms of the token or its neighbours. Hashing keeps the model a fixed size and
 * avoids building feature strings on the hot path.
 */
public final class Featurizer {
    // atoms
    private static final int WORD = 0, RAW = 1, SHAPE = 2, SHORT = 3, P1 = 4, P2 = 5, P3 = 6, P4 = 7, S1 = 8, S2 = 9,
            S3 = 10, S4 = 11, STEM = 12, CLITIC = 13, BARE = 14, BARE_S2 = 15, BARE_S3 = 16, BARE_P2 = 17,
            GAZ_WORD = 18, GAZ_NAME = 19, FLAGS = 20, GAZ_WORD2 = 21, GAZ_NAME2 = 22, KNOWN = 23, LIGHT = 24,
            COARSE = 25, FINE = 26, DOC_WORD = 27, DOC_NAME = 28, ATOMS = 29;
    /** Templates: {atom, offset} or {atom, offset, atom, offset}; the bias is implicit (template 0). */
    private static final int[][] TEMPLATES = {
            {WORD, 0}, {WORD, -1}, {WORD, 1}, {WORD, -2}, {WORD, 2},
            {RAW, 0}, {RAW, -1}, {RAW, 1},
            {SHAPE, 0}, {SHAPE, -1}, {SHAPE, 1}, {SHORT, 0},
            {P1, 0}, {P2, 0}, {P3, 0}, {P4, 0}, {S1, 0}, {S2, 0}, {S3, 0}, {S4, 0},
            {STEM, 0}, {STEM, -1}, {STEM, 1}, {CLITIC, 0}, {CLITIC, 1},
            {BARE, 0}, {BARE, -1}, {BARE, 1}, {BARE_S2, 0}, {BARE_S3, 0}, {BARE_P2, 0},
            {GAZ_WORD, 0}, {GAZ_WORD, -1}, {GAZ_WORD, 1}, {GAZ_NAME, 0}, {GAZ_NAME, -1}, {GAZ_NAME, 1},
            {GAZ_WORD2, 0}, {GAZ_WORD2, -1}, {GAZ_WORD2, 1}, {GAZ_NAME2, 0}, {GAZ_NAME2, -1}, {GAZ_NAME2, 1},
            {LIGHT, 0}, {LIGHT, -1}, {LIGHT, 1}, {LIGHT, -1, LIGHT, 0},
            {FLAGS, 0}, {KNOWN, 0}, {KNOWN, -1}, {KNOWN, 1},
            {KNOWN, 0, WORD, -1}, {KNOWN, 0, GAZ_WORD, -1}, {KNOWN, 0, KNOWN, -1}, {KNOWN, 0, GAZ_WORD, 0},
            {WORD, -1, WORD, 0}, {WORD, 0, WORD, 1}, {SHAPE, -1, SHAPE, 0}, {SHAPE, 0, SHAPE, 1},
            {WORD, -1, SHAPE, 0}, {SHAPE, 0, WORD, 1}, {GAZ_NAME, 0, SHORT, 0}, {GAZ_WORD, 0, SHORT, 0},
            {BARE, -1, BARE, 0}, {BARE, 0, BARE, 1}, {WORD, -2, WORD, -1},
            {FINE, 0}, {FINE, -1}, {FINE, 1}, {COARSE, 0}, {COARSE, -1}, {COARSE, 1}, {COARSE, -2}, {COARSE, 2},
            {FINE, 0, SHAPE, 0}, {COARSE, -1, FINE, 0}, {FINE, 0, COARSE, 1},
            // the document's second pass ({@link DocumentContext}): how the rest of the article labels this word
            {DOC_WORD, 0}, {DOC_WORD, -1}, {DOC_WORD, 1}, {DOC_NAME, 0}, {DOC_WORD, 0, SHORT, 0},
            {DOC_NAME, 0, DOC_WORD, 0},
    };
    public static final int FEATURES = TEMPLATES.length + 1;
    /** The first template of the document pass; those from here on read only SHORT, DOC_WORD and DOC_NAME. */
    private static final int FIRST_DOCUMENT_TEMPLATE;
    /** Feature buckets per token of the document pass alone ({@link #documentFeatures}). */
    static final int DOCUMENT_FEATURES;

    static {
        int first = TEMPLATES.length;
        while (first > 0 && (TEMPLATES[first - 1][0] == DOC_WORD || TEMPLATES[first - 1][0] == DOC_NAME)) {
            first--;
        }
        for (int t = 0; t < TEMPLATES.length; t++) {
            boolean document = false;
            for (int k = 0; k < TEMPLATES[t].length; k += 2) {
                int atom = TEMPLATES[t][k];
                document |= atom == DOC_WORD || atom == DOC_NAME;
                if (t >= first && atom != DOC_WORD && atom != DOC_NAME && atom != SHORT) {
                    throw new IllegalStateException("document template " + t + " reads atom " + atom);
                }
            }
            if (document != t >= first) {
                throw new IllegalStateException("document templates must come last: template " + t);
            }
        }
        FIRST_DOCUMENT_TEMPLATE = first;
        DOCUMENT_FEATURES = TEMPLATES.length - first;
    }
    /** Lucene's Arabic light stemmer: article, conjunction and common suffixes off (السوريين, سوري). */
    private static final org.apache.lucene.analysis.ar.ArabicStemmer LIGHT_STEMMER =
            new org.apache.lucene.analysis.ar.ArabicStemmer();
    private static final long BOS = 0x5bd1e9955bd1e995L, EOS = 0x27d4eb2f165667c5L;

    private final WordKeys keys;
    private final Gazetteer gazetteer;
    private final Gazetteer weakGazetteer;
    /**
     * The vocabulary (value 1), looked up for every Arabic token: a {@code HashSet} of Arabic words spent 4% of
     * enrich-service's CPU under the benchmark in bins of words that share a {@code String.hashCode}.
     */
    private final StringIntTable vocabulary;
    private final WordClusters clusters;
    private final int bucketBits;

    /**
     * @param gazetteer     curated names: ANERGazet, countries, larger cities, regions, people with a Wikidata id
     * @param weakGazetteer the long tail (name pairs, small places), which fires on common words more often: kept
     *                      apart so that the model can weigh it on its own
     * @param vocabulary    word stems seen at least twice in training: a word outside it after a first name or a
     *                      title is likely a name the model never saw. Empty for English, whose capitals say it
     *                      better (the feature cost 0.4 F1 there)
     * @param clusters      word clusters from unlabeled news ({@link WordClusters#NONE} for none)
     */
    public Featurizer(WordKeys keys, Gazetteer gazetteer, Gazetteer weakGazetteer, java.util.Set<String> vocabulary,
                      WordClusters clusters, int bucketBits) {
        this.keys = keys;
        this.clusters = clusters;
        this.vocabulary = StringIntTable.setOf(vocabulary);
        this.gazetteer = gazetteer;
        this.weakGazetteer = weakGazetteer;
        this.bucketBits = bucketBits;
    }

    /** Feature buckets, {@link #FEATURES} per token ({@code -1} where a template has no value), in a new array. */
    public int[] featurize(String[] tokens) {
        return featurize(tokens, new TagWork(), null);
    }

    /**
     * Feature buckets with the document's context ({@link DocumentContext#atoms}, two per token; null for none), in a
     * new array: what the trainer keeps per sentence.
     */
    public int[] featurize(String[] tokens, long[] document) {
        return featurize(tokens, new TagWork(), document);
    }

    /**
     * Feature buckets into {@code work}'s feature array (its first {@code tokens.length * FEATURES} entries), which is
     * returned: valid until the next use of {@code work}. {@code document} holds two atoms per token from the
     * document's first pass ({@link DocumentContext}), or is null (the first pass, and a lone sentence).
     */
    int[] featurize(String[] tokens, TagWork work, long[] document) {
        int n = tokens.length;
        long[] atoms = work.atoms(n * ATOMS);
        String[] stems = new String[n];
        String[][] k = new String[n][];
        for (int i = 0; i < n; i++) {
            k[i] = keys.of(tokens[i]);
            stems[i] = k[i][1];
        }
        int[] words = new int[n];
        int[] weakWords = new int[n];
        int[] names = gazetteer.phraseMasks(stems, words);
        int[] weakNames = weakGazetteer.phraseMasks(stems, weakWords);
        for (int i = 0; i < n; i++) {
            int o = i * ATOMS;
            atoms(atoms, o, tokens[i], k[i][0], k[i][1], words[i], names[i], i == 0);
            int w = weakWords[i];
            atoms[o + GAZ_WORD2] = w == 0 ? 0 : mix(GAZ_WORD2 * 0x100000001b3L + w);
            atoms[o + GAZ_NAME2] = weakNames[i] == 0 ? 0 : mix(GAZ_NAME2 * 0x100000001b3L + weakNames[i]);
            int cluster = clusters.of(stems[i]);
            if (cluster >= 0) {
                atoms[o + COARSE] = mix(COARSE * 0x100000001b3L + (cluster >>> 16));
                atoms[o + FINE] = mix(FINE * 0x100000001b3L + cluster);
            }
            if (vocabulary.size() > 0 && !stems[i].isEmpty() && Character.isLetter(stems[i].charAt(0))) {
                atoms[o + KNOWN] = mix(KNOWN * 0x100000001b3L + (known(stems[i]) ? 1 : 2));
            }
            if (document != null) {
                atoms[o + DOC_WORD] = document[2 * i];
                atoms[o + DOC_NAME] = document[2 * i + 1];
            }
        }
        int[] out = work.features(n * FEATURES);
        int mask = (1 << bucketBits) - 1;
        int bias = (int) (mix(0x9e3779b97f4a7c15L) & mask);
        for (int i = 0; i < n; i++) {
            out[i * FEATURES] = bias;
        }
        buckets(atoms, n, 0, TEMPLATES.length, out, FEATURES, 1);
        return out;
    }

    /**
     * Only the document pass's feature buckets ({@link #DOCUMENT_FEATURES} per token, in {@code work}'s feature
     * array): what the second pass adds to the first pass's label scores. The same buckets as {@link
     * #featurize(String[], TagWork, long[])} gives those templates.
     */
    int[] documentFeatures(String[] tokens, TagWork work, long[] document) {
        int n = tokens.length;
        long[] atoms = work.atoms(n * ATOMS);
        for (int i = 0; i < n; i++) {
            int o = i * ATOMS;
            atoms[o + SHORT] = shapeHash(SHORT, tokens[i], true);
            atoms[o + DOC_WORD] = document[2 * i];
            atoms[o + DOC_NAME] = document[2 * i + 1];
        }
        int[] out = work.features(n * DOCUMENT_FEATURES);
        buckets(atoms, n, FIRST_DOCUMENT_TEMPLATE, TEMPLATES.length, out, DOCUMENT_FEATURES,
                -FIRST_DOCUMENT_TEMPLATE);
        return out;
    }

    /**
     * The buckets of templates {@code [from, to)} of each token into {@code out[i * stride + t + shift]}
     * ({@code -1} where a template has no value).
     */
    private void buckets(long[] atoms, int n, int from, int to, int[] out, int stride, int shift) {
        int mask = (1 << bucketBits) - 1;
        for (int i = 0; i < n; i++) {
            int base = i * stride + shift;
            for (int t = from; t < to; t++) {
                int[] tpl = TEMPLATES[t];
                long a = atom(atoms, i + tpl[1], tpl[0], n);
                long h = 0;
                if (a != 0 && tpl.length == 4) {
                    long b = atom(atoms, i + tpl[3], tpl[2], n);
                    h = b == 0 ? 0 : mix(mix((t + 1) * 0xc2b2ae3d27d4eb4fL ^ a) ^ b);
                } else if (a != 0) {
                    h = mix((t + 1) * 0xc2b2ae3d27d4eb4fL ^ a);
                }
                out[base + t] = h == 0 ? -1 : (int) ((h >>> 17) & mask);
            }
        }
    }

    private static long atom(long[] atoms, int i, int atom, int n) {
        if (i < 0) {
            return atom == WORD || atom == SHAPE || atom == BARE ? BOS + atom : 0;
        }
        if (i >= n) {
            return atom == WORD || atom == SHAPE || atom == BARE ? EOS + atom : 0;
        }
        return atoms[i * ATOMS + atom];
    }

    /** A token's atoms into {@code a[o, o + ATOMS)}, which are 0 on entry (0: the atom has no value). */
    private static void atoms(long[] a, int o, String raw, String form, String stem, int gazWord, int gazName,
                              boolean first) {
        a[o + WORD] = hash(WORD, form);
        if (!raw.equals(form)) {
            a[o + RAW] = hash(RAW, raw);
        }
        a[o + SHAPE] = shapeHash(SHAPE, raw, false);
        a[o + SHORT] = shapeHash(SHORT, raw, true);
        int len = form.length();
        for (int k = 1; k <= 4 && k < len; k++) {
            a[o + P1 + k - 1] = hash(P1 + k - 1, form, 0, k);
            a[o + S1 + k - 1] = hash(S1 + k - 1, form, len - k, len);
        }
        boolean arabic = len > 0 && Scripts.inArabicBlock(form.charAt(0));
        if (arabic) {
            if (!stem.equals(form)) {
                a[o + STEM] = hash(STEM, stem);
            }
            int b0 = stem.startsWith("ال") && stem.length() > 3 ? 2 : 0; // the bare word is stem[b0..]
            int bl = stem.length() - b0;
            boolean endsWithBare = form.length() >= bl && form.regionMatches(form.length() - bl, stem, b0, bl);
            a[o + CLITIC] = endsWithBare ? hash(CLITIC, form, 0, form.length() - bl) : hash(CLITIC, "?");
            a[o + BARE] = hash(BARE, stem, b0, stem.length());
            if (bl > 2) {
                a[o + BARE_S2] = hash(BARE_S2, stem, stem.length() - 2, stem.length());
                a[o + BARE_P2] = hash(BARE_P2, stem, b0, b0 + 2);
            }
            if (bl > 3) {
                a[o + BARE_S3] = hash(BARE_S3, stem, stem.length() - 3, stem.length());
            }
            char[] buf = form.toCharArray();
            a[o + LIGHT] = hash(LIGHT, buf, LIGHT_STEMMER.stem(buf, buf.length));
        }
        a[o + GAZ_WORD] = gazWord == 0 ? 0 : mix(GAZ_WORD * 0x100000001b3L + gazWord);
        a[o + GAZ_NAME] = gazName == 0 ? 0 : mix(GAZ_NAME * 0x100000001b3L + gazName);
        int flags = (first ? 1 : 0) | (Math.min(len, 12) << 1);
        a[o + FLAGS] = mix(FLAGS * 0x100000001b3L + flags);
    }

    /**
     * The hash of a word's shape, as {@link #hash(int, String)} of it, without building it: Xxxx, XX, dd.d, aaaa
     * (Arabic letters), at most 12 characters; {@code collapse} collapses repeats: Xx, X, d.d, a.
     */
    static long shapeHash(int atom, String s, boolean collapse) {
        long h = 0xcbf29ce484222325L ^ (atom * 0x9e3779b97f4a7c15L);
        int length = 0;
        char last = 0;
        for (int i = 0; i < s.length() && length < 12; i++) {
            char c = s.charAt(i);
            char m;
            if (Character.isUpperCase(c)) {
                m = 'X';
            } else if (Character.isLowerCase(c)) {
                m = 'x';
            } else if (Character.isDigit(c)) {
                m = 'd';
            } else if (Character.isLetter(c)) {
                m = 'a';
            } else {
                m = c;
            }
            if (!collapse || m != last) {
                h ^= m;
                h *= 0x100000001b3L;
                length++;
            }
            last = m;
        }
        return mix(h) | 1;
    }

    /** The atom of a document feature (its value > 0): the word's labels elsewhere, or the names holding it. */
    static long documentAtom(boolean name, int value) {
        return mix((name ? DOC_NAME : DOC_WORD) * 0x100000001b3L + value) | 1;
    }

    static long hash(int atom, String s) {
        return hash(atom, s, 0, s.length());
    }

    /** FNV-1a over {@code s[from, to)}, mixed; the atom number seeds it so equal strings of two atoms differ. */
    static long hash(int atom, String s, int from, int to) {
        long h = 0xcbf29ce484222325L ^ (atom * 0x9e3779b97f4a7c15L);
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h) | 1; // never 0, which means "absent"
    }

    /** The same hash as {@link #hash(int, String, int, int)}, over {@code s[0, length)}. */
    static long hash(int atom, char[] s, int length) {
        long h = 0xcbf29ce484222325L ^ (atom * 0x9e3779b97f4a7c15L);
        for (int i = 0; i < length; i++) {
            h ^= s[i];
            h *= 0x100000001b3L;
        }
        return mix(h) | 1;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public Gazetteer weakGazetteer() {
        return weakGazetteer;
    }

    public WordKeys keys() {
        return keys;
    }

    /** The vocabulary, as a new set (for writing the model). */
    public java.util.Set<String> vocabulary() {
        java.util.Set<String> words = new java.util.HashSet<>();
        vocabulary.forEach((w, v) -> words.add(w));
        return words;
    }

    /** Whether the model has a vocabulary (Arabic; English has none). */
    public boolean hasVocabulary() {
        return vocabulary.size() > 0;
    }

    /** Whether {@code stem} is in the vocabulary. */
    public boolean known(String stem) {
        return vocabulary.contains(stem);
    }

    public WordClusters clusters() {
        return clusters;
    }

    public int bucketBits() {
        return bucketBits;
    }
}
