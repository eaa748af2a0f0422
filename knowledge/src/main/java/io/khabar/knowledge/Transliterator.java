package io.khabar.knowledge;

import io.khabar.text.StringIntTable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Word-level name transliteration between Latin and Arabic script, from the Latin-Arabic name word pairs that
 * Merhav and Ash mined from Wikidata (CC0), compiled into the classpath resource {@code transliteration.tsv.gz} by
 * {@code knowledge/scripts/build-knowledge-base}. Both directions look words up by their matching form
 * ({@link KnowledgeBase#key}), so case, accents, hamza variants and ة/ه do not matter; of several spellings the most
 * frequent in the data wins. It knows names the data has seen; it does not guess unseen ones. Immutable and
 * thread-safe.
 */
public final class Transliterator {
    /** The file name of the compiled table, a classpath resource beside this class (the compiler writes it). */
    public static final String RESOURCE = "transliteration.tsv.gz";
    static final String MAGIC = "khabar-transliteration";
    /** The Arabic article as Latin transliterations write it before a hyphen ("al-Assad", "el-Sisi"). */
    private static final Set<String> ARTICLES = Set.of("al", "el");

    /** One word pair of the data with the number of Wikidata names it was seen in. */
    public record Pair(String latin, String arabic, int count) {
    }

    private final List<Pair> pairs;
    /** a Latin word's key -> the index in {@code pairs} of its most frequent Arabic spelling */
    private final StringIntTable arabicByLatin;
    /** an Arabic word's key -> the index in {@code pairs} of its most frequent Latin spelling */
    private final StringIntTable latinByArabic;

    private Transliterator(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
        Map<String, Integer> bestArabic = new HashMap<>();
        Map<String, Integer> bestLatin = new HashMap<>();
        for (int i = 0; i < this.pairs.size(); i++) {
            Pair p = this.pairs.get(i);
            bestArabic.merge(KnowledgeBase.key(p.latin()), i, this::better);
            bestLatin.merge(KnowledgeBase.key(p.arabic()), i, this::better);
        }
        this.arabicByLatin = StringIntTable.of(bestArabic);
        this.latinByArabic = StringIntTable.of(bestLatin);
    }

    /** The pair of a key, or null: {@code table} maps keys to indexes into {@code pairs}. */
    private Pair pair(StringIntTable table, String key) {
        int i = table.get(key, -1);
        return i < 0 ? null : pairs.get(i);
    }

    /** The compiled default, read once and shared. */
    public static Transliterator load() {
        return Default.INSTANCE;
    }

    /** A table of these pairs (the knowledge-base compiler reads them from the data, then {@link #write}s it). */
    public static Transliterator of(List<Pair> pairs) {
        return new Transliterator(pairs);
    }

    /** The most frequent Arabic spelling of a Latin name word, as the data writes it; null if unknown. */
    public String toArabic(String latinWord) {
        String k = KnowledgeBase.key(latinWord);
        Pair p = k.isEmpty() || k.indexOf(' ') >= 0 ? null : pair(arabicByLatin, k);
        return p == null ? null : p.arabic();
    }

    /** The most frequent Latin spelling (lower case) of an Arabic name word; null if unknown. */
    public String toLatin(String arabicWord) {
        String k = KnowledgeBase.key(arabicWord);
        Pair p = k.isEmpty() || k.indexOf(' ') >= 0 ? null : pair(latinByArabic, k);
        return p == null ? null : p.latin();
    }

    /**
     * A Latin-script name in Arabic script, word by word; a hyphenated article becomes the joined Arabic article
     * ("al-Assad" to "ال" + the word), other hyphenated parts become separate words. Null if any word is unknown.
     */
    public String toArabicName(String latinName) {
        List<String> names = arabicNames(latinName, w -> null, 1, false);
        return names.isEmpty() ? null : names.get(0);
    }

    /** An Arabic-script name in Latin script (lower case), word by word; null if any word is unknown. */
    public String toLatinName(String arabicName) {
        String clean = Names.clean(arabicName);
        if (clean == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String word : clean.split(" ")) {
            String latin = toLatin(word);
            String k = KnowledgeBase.key(word);
            if (latin == null && k.startsWith("ال") && k.length() > 3) {
                String rest = toLatin(k.substring(2));
                latin = rest == null ? null : "al-" + rest;
            }
            if (latin == null) {
                return null;
            }
            out.add(latin);
        }
        return String.join(" ", out);
    }

    /**
     * Up to {@code max} Arabic spellings of a Latin name, the most likely first. Each word gives the data's spelling
     * of the word and, when the data has seen it at least as often, the spelling of the word with doubled consonants
     * written once (Arabic writes a doubled consonant once, with an unwritten shadda: "Assad", 3 names, is أسعد in the
     * data, "Asad", 5 names, أسد); the more frequent comes first. A word the data lacks is asked of {@code fallback}.
     * Empty if a word is unknown to both.
     */
    public List<String> arabicNames(String latinName, Function<String, String> fallback, int max) {
        return arabicNames(latinName, fallback, max, true);
    }

    private List<String> arabicNames(String latinName, Function<String, String> fallback, int max,
                                     boolean degeminated) {
        String clean = Names.clean(latinName);
        if (clean == null) {
            return List.of();
        }
        List<List<String>> words = new ArrayList<>();
        for (String token : clean.split(" ")) {
            String[] parts = token.split("-");
            int i = 0;
            while (i < parts.length) {
                String part = parts[i];
                if (part.isEmpty()) {
                    i++;
                    continue;
                }
                if (ARTICLES.contains(KnowledgeBase.key(part)) && i + 1 < parts.length) {
                    List<String> next = spellings(parts[i + 1], fallback, degeminated);
                    if (next.isEmpty()) {
                        return List.of();
                    }
                    List<String> joined = new ArrayList<>();
                    for (String n : next) {
                        joined.add(KnowledgeBase.key(n).startsWith("ال") ? n : "ال" + n);
                    }
                    words.add(joined);
                    i += 2;
                } else {
                    List<String> s = spellings(part, fallback, degeminated);
                    if (s.isEmpty()) {
                        return List.of();
                    }
                    words.add(s);
                    i++;
                }
            }
        }
        if (words.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(List.of(""));
        for (List<String> options : words) {
            List<String> next = new ArrayList<>();
            for (String prefix : names) {
                for (String o : options) {
                    if (next.size() < max) {
                        next.add(prefix.isEmpty() ? o : prefix + " " + o);
                    }
                }
            }
            names = next;
        }
        return names;
    }

    private List<String> spellings(String latinWord, Function<String, String> fallback, boolean withDegeminated) {
        Set<String> out = new LinkedHashSet<>();
        String k = KnowledgeBase.key(latinWord);
        if (k.isEmpty() || k.indexOf(' ') >= 0) {
            return List.of();
        }
        Pair direct = pair(arabicByLatin, k);
        String single = degeminate(k);
        Pair degeminated = single.equals(k) || !withDegeminated ? null : pair(arabicByLatin, single);
        if (degeminated != null && (direct == null || degeminated.count() > direct.count())) {
            out.add(degeminated.arabic());
        }
        if (direct != null) {
            out.add(direct.arabic());
        } else if (fallback.apply(k) != null) {
            out.add(fallback.apply(k));
        }
        if (degeminated != null && direct != null && degeminated.count() == direct.count()) {
            out.add(degeminated.arabic());
        }
        return new ArrayList<>(out);
    }

    /** Doubled consonants written once ("assad" to "asad", "mohammed" to "mohamed"). */
    static String degeminate(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (i > 0 && c == w.charAt(i - 1) && "aeiouy".indexOf(c) < 0) {
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** {@link #better(Pair, Pair)} of two indexes into {@code pairs}. */
    private Integer better(Integer a, Integer b) {
        return better(pairs.get(a), pairs.get(b)) == pairs.get(a) ? a : b;
    }

    /** Higher count wins; then a plain-ASCII Latin spelling; then the alphabetically first pair. */
    private static Pair better(Pair a, Pair b) {
        if (a.count() != b.count()) {
            return a.count() > b.count() ? a : b;
        }
        boolean asciiA = a.latin().chars().allMatch(c -> c < 0x80);
        boolean asciiB = b.latin().chars().allMatch(c -> c < 0x80);
        if (asciiA != asciiB) {
            return asciiA ? a : b;
        }
        int c = a.latin().compareTo(b.latin());
        return c != 0 ? (c < 0 ? a : b) : (a.arabic().compareTo(b.arabic()) <= 0 ? a : b);
    }

    /** The number of word pairs. */
    public int size() {
        return pairs.size();
    }

    /** Writes the pairs as gzipped TSV ({@code latin arabic count}) under a {@code khabar-transliteration 1} line. */
    public void write(OutputStream out) {
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(out, 1 << 16), StandardCharsets.UTF_8)) {
            w.write(MAGIC + "\t1\n");
            for (Pair p : pairs) {
                w.write(p.latin() + "\t" + p.arabic() + "\t" + p.count() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transliterator read(InputStream gz) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz),
                StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || !header.startsWith(MAGIC + "\t")) {
                throw new IllegalArgumentException("not a transliteration file: " + header);
            }
            List<Pair> pairs = new ArrayList<>(1 << 16);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split("\t");
                if (c.length == 3) {
                    pairs.add(new Pair(c[0], c[1], Integer.parseInt(c[2])));
                }
            }
            return new Transliterator(pairs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Default {
        static final Transliterator INSTANCE = readResource();

        private static Transliterator readResource() {
            try (InputStream in = Transliterator.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath: run "
                            + "knowledge/scripts/build-knowledge-base");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
