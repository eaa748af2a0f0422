package io.khabar.knowledge;

import io.khabar.matching.MatchingAnalyzer;
import io.khabar.text.StringIntTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The entity knowledge base for linking: every entity indexed by the matching form of each of its aliases and short
 * names, plus demonyms (nisba adjectives) to countries. The default is compiled from public data by
 * {@code knowledge/scripts/build-knowledge-base} into the classpath resource {@code kb.tsv.gz} (sources and licences
 * in {@code PROVENANCE.md} beside it); a newsroom adds its own files in the same format, for instance a Wikidata
 * extract written by {@code ./khabar import-wikidata} ({@code io.khabar.bench.kb.WikidataImporter}). Immutable and
 * thread-safe once loaded.
 */
public final class KnowledgeBase {
    /** The file name of the compiled default, a classpath resource beside this class (the compiler writes it). */
    public static final String RESOURCE = "kb.tsv.gz";
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
    private static final MatchingAnalyzer FORMS = new MatchingAnalyzer(Set.of());
    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");

    private final List<KbEntity> entities;
    private final Map<String, KbEntity> byId;
    /**
     * key -> its number k, whose postings are {@code postings[postingStarts[k], postingStarts[k + 1])}; a posting is
     * entity index * 2, plus 1 for a short-name match; full matches first. Three arrays and a table instead of a map
     * entry, a key string and a posting array per key: about 300,000 keys in the default.
     */
    private final StringIntTable keyNumbers;
    private final int[] postingStarts;
    private final int[] postings;
    private final Map<String, KbEntity> nisba;
    /**
     * The last words of the demonyms of two words (korean of south korean, الجنوبي): a pair is looked up only then.
     * Looked up for most words of an article: a table, since Arabic words share {@code String.hashCode}s.
     */
    private final StringIntTable demonymSecondWords;
    private final int maxAliasWords;

    private KnowledgeBase(List<KbEntity> entities, Map<String, String> idAliases, Map<String, String> nisbaIds) {
        this.entities = List.copyOf(entities);
        Map<String, KbEntity> ids = new HashMap<>(entities.size() * 2);
        for (KbEntity e : entities) {
            ids.put(e.id(), e);
        }
        idAliases.forEach((old, current) -> ids.putIfAbsent(old, ids.get(current)));
        this.byId = ids;
        // keys first, in parallel (the analyzer is the slow part of loading), then the index in entity order
        String[][] keys = new String[this.entities.size()][];
        IntStream.range(0, keys.length).parallel().forEach(i -> {
            KbEntity e = this.entities.get(i);
            String[] k = new String[e.aliases().size() + e.shortNames().size()];
            int j = 0;
            for (String alias : e.aliases()) {
                k[j++] = key(alias);
            }
            for (String shortName : e.shortNames()) {
                k[j++] = key(shortName);
            }
            keys[i] = k;
        });
        Map<String, int[]> postings = new HashMap<>(entities.size() * 4);
        int longest = 0;
        for (int i = 0; i < keys.length; i++) {
            int aliases = this.entities.get(i).aliases().size();
            for (int j = 0; j < keys[i].length; j++) {
                longest = Math.max(longest, add(postings, keys[i][j], j < aliases ? i * 2 : i * 2 + 1));
            }
        }
        Map<String, Integer> numbers = new HashMap<>(postings.size() * 2);
        int[] starts = new int[postings.size() + 1];
        int total = 0;
        for (int[] p : postings.values()) {
            total += p[0];
        }
        int[] flat = new int[total];
        int k = 0;
        for (Map.Entry<String, int[]> p : postings.entrySet()) {
            int[] sorted = finish(p.getValue());
            numbers.put(p.getKey(), k);
            System.arraycopy(sorted, 0, flat, starts[k], sorted.length);
            starts[k + 1] = starts[k] + sorted.length;
            k++;
        }
        this.keyNumbers = StringIntTable.of(numbers);
        this.postingStarts = starts;
        this.postings = flat;
        this.maxAliasWords = longest;
        Map<String, KbEntity> demonyms = new HashMap<>();
        nisbaIds.forEach((form, id) -> {
            KbEntity country = ids.get(id);
            if (country != null) {
                demonyms.put(key(form), country);
            }
        });
        this.nisba = demonyms;
        java.util.Set<String> seconds = new java.util.HashSet<>();
        for (String key : demonyms.keySet()) {
            int space = key.indexOf(' ');
            if (space > 0 && key.indexOf(' ', space + 1) < 0) {
                seconds.add(key.substring(space + 1));
            }
        }
        this.demonymSecondWords = StringIntTable.setOf(seconds);
    }

    /** The compiled default knowledge base (a classpath resource), read once and shared. */
    public static KnowledgeBase load() {
        return Default.INSTANCE;
    }

    /**
     * The default plus newsroom files in the same format, in order. A later entity with an id already loaded merges
     * into it (aliases and short names added, missing fields filled, the higher prior kept); an entity with a new
     * QID whose GeoNames id is that of a loaded place without a QID merges into that place, which takes the QID as
     * its id (the old id still finds it). Demonyms of later files are added.
     */
    public static KnowledgeBase load(List<Path> extraFiles) {
        if (extraFiles.isEmpty()) {
            return load(); // immutable: one copy per JVM however many callers load it
        }
        KbFile.Contents base = defaultContents();
        Merger merger = new Merger(base);
        for (Path file : extraFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                merger.add(KbFile.read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read knowledge-base file " + file, e);
            }
        }
        return merger.build();
    }

    /** One knowledge-base file alone (gzipped, as written by the compiler or the importer). */
    public static KnowledgeBase read(InputStream tsvGz) {
        KbFile.Contents c = KbFile.read(tsvGz);
        Merger merger = new Merger(new KbFile.Contents(List.of(), Map.of()));
        merger.add(c);
        return merger.build();
    }

    /**
     * The lookup key of a name: its matching form ({@link MatchingAnalyzer#form}: Arabic normalized, Latin lower
     * case and accents folded, words joined by one space).
     */
    public static String key(String name) {
        String ascii = asciiKey(name);
        return ascii != null ? ascii : FORMS.form(name);
    }

    /** The same key for a plain-ASCII name without the analyzer (lower case, runs of letters and digits), else null. */
    private static String asciiKey(String name) {
        StringBuilder b = null;
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
            if (!word) {
                gap = true;
                continue;
            }
            if (b == null) {
                b = new StringBuilder(name.length());
            } else if (gap) {
                b.append(' ');
            }
            gap = false;
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b == null ? "" : b.toString();
    }

    /** Candidates with an alias or short name whose key is that of {@code name}; full-name matches first. */
    public List<Candidate> lookup(String name) {
        return lookupKey(key(name));
    }

    /**
     * Candidates for an already computed key: entities with a full alias of that key first, then those with a short
     * name of that key; each group by descending prior.
     */
    public List<Candidate> lookupKey(String key) {
        int k = keyNumbers.get(key, -1);
        if (k < 0) {
            return List.of();
        }
        int from = postingStarts[k];
        int to = postingStarts[k + 1];
        List<Candidate> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            int p = postings[i];
            out.add(new Candidate(entities.get(p >>> 1), (p & 1) == 1));
        }
        return out;
    }

    public Optional<KbEntity> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The country of a demonym (nisba) adjective: الروسي، الروسية، روسي، السوريون، Russian, Syrian...; empty for any
     * other word.
     */
    public Optional<KbEntity> nisba(String word) {
        return Optional.ofNullable(nisba.get(key(word)));
    }

    /** {@link #nisba(String)} for an already computed {@link #key(String)} (callers that cache keys). */
    public Optional<KbEntity> nisbaKey(String key) {
        return Optional.ofNullable(nisba.get(key));
    }

    /** Whether a word's key ends some demonym of two words (South Korean, الكوري الجنوبي). */
    public boolean endsTwoWordDemonym(String key) {
        return demonymSecondWords.contains(key);
    }

    /** The longest alias or short name, in words: the largest n-gram worth looking up. */
    public int maxAliasWords() {
        return maxAliasWords;
    }

    public int size() {
        return entities.size();
    }

    public Iterable<KbEntity> entities() {
        return entities;
    }

    /** Demonym count (distinct keys). */
    int nisbaSize() {
        return nisba.size();
    }

    private static int add(Map<String, int[]> postings, String key, int posting) {
        if (key.isEmpty()) {
            return 0;
        }
        int[] p = postings.get(key);
        if (p == null) {
            postings.put(key, new int[]{1, posting});
        } else {
            for (int i = 1; i <= p[0]; i++) {
                if (p[i] >> 1 == posting >> 1) {
                    if ((p[i] & 1) == 1 && (posting & 1) == 0) {
                        p[i] = posting; // a full match beats a short one of the same entity
                    }
                    return Names.words(key);
                }
            }
            if (p[0] + 1 == p.length) {
                p = Arrays.copyOf(p, p.length * 2);
                postings.put(key, p);
            }
            p[++p[0]] = posting;
        }
        return Names.words(key);
    }

    /** Trims a growing posting array (count first) and orders it: full matches, then by descending prior. */
    private int[] finish(int[] p) {
        int[] out = Arrays.copyOfRange(p, 1, p[0] + 1);
        if (out.length > 1) {
            Integer[] boxed = Arrays.stream(out).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, (a, b) -> {
                int c = Integer.compare(a & 1, b & 1);
                if (c != 0) {
                    return c;
                }
                c = Double.compare(entities.get(b >>> 1).prior(), entities.get(a >>> 1).prior());
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int i = 0; i < out.length; i++) {
                out[i] = boxed[i];
            }
        }
        return out;
    }

    private static KbFile.Contents defaultContents() {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath: run "
                        + "knowledge/scripts/build-knowledge-base");
            }
            return KbFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static final class Default {
        static final KnowledgeBase INSTANCE = readDefault();

        private static KnowledgeBase readDefault() {
            long start = System.nanoTime();
            KbFile.Contents c = defaultContents();
            KnowledgeBase kb = new KnowledgeBase(c.entities(), Map.of(), c.nisba());
            LOG.info("knowledge base loaded: {} entities, {} demonyms in {} ms", kb.size(), kb.nisbaSize(),
                    (System.nanoTime() - start) / 1_000_000);
            return kb;
        }
    }

    /** Accumulates files in order, merging entities by id (and places by GeoNames id, see {@link #load(List)}). */
    private static final class Merger {
        private final LinkedHashMap<String, KbEntity> entities = new LinkedHashMap<>();
        private final Map<String, String> idAliases = new HashMap<>();
        private final Map<String, String> nisba = new LinkedHashMap<>();
        private Map<Long, String> placesWithoutQid;

        Merger(KbFile.Contents base) {
            for (KbEntity e : base.entities()) {
                entities.merge(e.id(), e, Merger::merge);
            }
            nisba.putAll(base.nisba());
        }

        void add(KbFile.Contents c) {
            for (KbEntity e : c.entities()) {
                String id = currentId(e.id());
                if (!entities.containsKey(id) && e.geonamesId() != null && QID.matcher(e.id()).matches()) {
                    String place = placesWithoutQid().remove(e.geonamesId());
                    if (place != null && entities.containsKey(place)) {
                        KbEntity old = entities.remove(place);
                        idAliases.put(place, e.id());
                        entities.put(e.id(), merge(withId(old, e.id()), e));
                        continue;
                    }
                }
                entities.merge(id, withId(e, id), Merger::merge);
            }
            c.nisba().forEach((form, id) -> nisba.put(form, currentId(id)));
        }

        private String currentId(String id) {
            return idAliases.getOrDefault(id, id);
        }

        private Map<Long, String> placesWithoutQid() {
            if (placesWithoutQid == null) {
                placesWithoutQid = new HashMap<>();
                for (KbEntity e : entities.values()) {
                    if (e.qid() == null && e.geonamesId() != null) {
                        placesWithoutQid.putIfAbsent(e.geonamesId(), e.id());
                    }
                }
            }
            return placesWithoutQid;
        }

        KnowledgeBase build() {
            return new KnowledgeBase(new ArrayList<>(entities.values()), idAliases, nisba);
        }

        private static KbEntity withId(KbEntity e, String id) {
            if (e.id().equals(id)) {
                return e;
            }
            return new KbEntity(id, e.type(), e.kind(), e.nameEn(), e.nameAr(), e.aliases(), e.shortNames(),
                    QID.matcher(id).matches() ? id : e.qid(), e.lat(), e.lon(), e.countryCode(), e.geonamesId(),
                    e.population(), e.prior());
        }

        /** Aliases and short names added, missing fields filled from the later entry, the higher prior kept. */
        static KbEntity merge(KbEntity a, KbEntity b) {
            return new KbEntity(a.id(), a.type(), a.kind(),
                    a.nameEn() != null ? a.nameEn() : b.nameEn(),
                    a.nameAr() != null ? a.nameAr() : b.nameAr(),
                    union(a.aliases(), b.aliases()), union(a.shortNames(), b.shortNames()),
                    a.qid() != null ? a.qid() : b.qid(),
                    a.lat() != null ? a.lat() : b.lat(), a.lat() != null ? a.lon() : b.lon(),
                    a.countryCode() != null ? a.countryCode() : b.countryCode(),
                    a.geonamesId() != null ? a.geonamesId() : b.geonamesId(),
                    a.population() != 0 ? a.population() : b.population(),
                    Math.max(a.prior(), b.prior()));
        }

        private static List<String> union(List<String> a, List<String> b) {
            if (b.isEmpty()) {
                return a;
            }
            Set<String> keys = new HashSet<>();
            Set<String> out = new LinkedHashSet<>(a);
            for (String s : a) {
                keys.add(key(s));
            }
            for (String s : b) {
                if (keys.add(key(s))) {
                    out.add(s);
                }
            }
            return Collections.unmodifiableList(new ArrayList<>(out));
        }
    }
}
