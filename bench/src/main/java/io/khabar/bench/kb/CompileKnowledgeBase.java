package io.khabar.bench.kb;

import io.khabar.bench.cli.Tools;
import io.khabar.bench.kb.KbBuilder.Draft;
import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KbEntity;
import io.khabar.knowledge.KbFile;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.knowledge.Names;
import io.khabar.knowledge.Transliterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Compiles the default knowledge base ({@code kb.tsv.gz}) and the transliteration table
 * ({@code transliteration.tsv.gz}) from the public data in {@code DATA_DIR/kb} (see {@code PROVENANCE.md} beside the
 * resources), in this order: countries, cities and regions, demonyms, people, CultLAMA and Khabar's own list of
 * news entities ({@link Notables}), ANETAC name pairs. Prints progress and counts.
 * <p>
 * Usage: {@code knowledge/scripts/build-knowledge-base [DATA_DIR] [OUT_DIR]} (defaults {@code ../shared/data} and
 * {@code knowledge/src/main/resources/io/khabar/knowledge}).
 */
@Command(name = "CompileKnowledgeBase", mixinStandardHelpOptions = true,
        description = {"Compiles the default knowledge base (kb.tsv.gz) and the transliteration table"
                + " (transliteration.tsv.gz) from the public data in DATA_DIR/kb: countries, cities and regions,"
                + " demonyms, people, CultLAMA and Khabar's own list of news entities, ANETAC name pairs. Prints"
                + " progress and counts. Run by knowledge/scripts/build-knowledge-base, from the repository root."})
public final class CompileKnowledgeBase implements Callable<Integer> {
    /**
     * English words that are also country abbreviations or short names in the data ("US"); with case folded they
     * would match everywhere. Arabic common words come from the Arabic stop-word lists of the data.
     */
    static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "of", "in", "on", "at",
            "to", "by", "for", "from", "with", "as", "is", "it", "be", "we", "us", "he", "me", "my", "no", "so", "up",
            "do", "go", "if", "am", "are", "was", "not", "but", "all", "any", "one", "who", "its", "our", "his", "her",
            "you", "they", "them", "this", "that", "can", "may", "will", "per", "via", "new", "man", "men", "oh", "ok",
            "hi", "yes", "out", "off", "own", "now", "how", "why", "see", "get", "set", "say", "has", "had", "did");

    @Parameters(index = "0", paramLabel = "DATA_DIR", arity = "0..1", defaultValue = "../shared/data",
            description = "the shared data folder, with kb/ and stopwords/ (default: ${DEFAULT-VALUE})")
    Path data;

    @Parameters(index = "1", paramLabel = "OUT_DIR", arity = "0..1",
            defaultValue = "knowledge/src/main/resources/io/khabar/knowledge",
            description = "where the two files go, created with its folders (default: ${DEFAULT-VALUE})")
    Path out;

    private CompileKnowledgeBase() {
    }

    public static void main(String[] args) {
        Tools.run(new CompileKnowledgeBase(), args);
    }

    @Override
    public Integer call() throws IOException {
        Tools.requireFolder(data.resolve("kb"), "knowledge-base sources (kb/)", "pass the shared data folder");
        Tools.writableFolder(out); // before the work, not after it
        Path kbDir = data.resolve("kb");
        long start = System.nanoTime();

        Set<String> common = commonWords(data);
        KbBuilder kb = new KbBuilder(common);
        log("common words (Arabic stop words and English function words): %,d", common.size());

        Transliterator translit = Transliterator.of(readTransliterations(kbDir));
        log("transliteration pairs: %,d", translit.size());

        Countries countries = Countries.read(kbDir);
        Map<String, List<String>> shortForms = countries.uniqueShortForms();
        Map<String, Draft> countryDrafts = new LinkedHashMap<>();
        for (Countries.Country c : countries.byIso2.values()) {
            Draft d = new Draft(EntityType.LOCATION, "country");
            d.nameEn = c.nameEn != null ? c.nameEn : c.english.stream().findFirst().orElse(null);
            d.nameAr = c.nameAr;
            d.addAliases(c.english);
            d.addAliases(c.arabic);
            d.addAliases(shortForms.get(c.iso2));
            d.qid = c.qid;
            d.countryCode = c.iso2;
            d.geonamesId = c.geonamesId;
            d.population = c.population;
            d.lat = c.lat;
            d.lon = c.lon;
            d.prior = 1.0;
            d.id = c.qid != null ? c.qid : kb.freshId(EntityType.LOCATION, KnowledgeBase.key(d.nameEn), null, null);
            countryDrafts.put(c.iso2, kb.put(d));
        }
        log("countries: %,d (CSC Arabic translations not corroborated and left out: %s)", countryDrafts.size(),
                countries.rejected);

        Map<String, String> countryByNameKey = new HashMap<>();
        for (Draft d : countryDrafts.values()) {
            d.aliases.keySet().forEach(k -> countryByNameKey.putIfAbsent(k, d.countryCode));
        }
        Places places = new Places();
        places.readCities(kbDir);
        List<Draft> regions = places.readRegions(kbDir, countries);
        List<Draft> cities = places.cityDrafts(kb);
        log("cities: GeoNames %,d (%,d with Arabic-script names); countries-states-cities %,d: %,d joined to "
                        + "GeoNames, %,d duplicates of a joined city, %,d added on their own", places.geonamesCities,
                places.geonamesWithArabic, places.cscCities, places.cscJoined, places.cscDuplicates, places.cscOnly);
        for (Draft r : regions) {
            r.id = places.placeId(kb, r);
            kb.put(r);
        }
        log("regions: %,d (%,d city states joined to their city, %,d without a usable name)", places.regions,
                places.regionsJoinedToCities, places.regionsSkipped);
        log("place QIDs dropped as another place's (a country's, or a city's over %.0f km away): %,d",
                Places.SAME_QID_KM, places.droppedQids);
        int transliterated = transliterateCityNames(cities, kb, translit);
        log("cities without an Arabic name given the transliteration of their English name: %,d", transliterated);
        int dropped = dropOtherCountryNames(kb, countryByNameKey);
        log("place aliases that name another country, left out: %,d", dropped);
        int centroids = countryCentroids(countryDrafts, cities);
        log("countries given the population-weighted centroid of their cities: %,d", centroids);

        Set<String> placeAliasKeys = placeNames(kb, countries);
        Demonyms demonyms = new Demonyms();
        Map<String, String> nisba = demonyms.build(countries, countryDrafts, placeAliasKeys, kb);
        kb.nisba().putAll(nisba);
        log("demonyms: %,d forms; dropped: %s", nisba.size(), demonyms.dropped);
        int variants = arabicYaVariants(kb, countryDrafts, placeAliasKeys);
        log("country names in -يا given their -ية spelling (سوريا, سورية): %,d", variants);

        Map<String, String> countryIdByNameKey = new HashMap<>();
        for (Draft d : countryDrafts.values()) {
            d.aliases.keySet().forEach(k -> countryIdByNameKey.putIfAbsent(k, d.id));
        }
        People people = new People();
        Map<String, String> personWords = NamePairs.personWords(kbDir);
        people.read(kbDir, kb, countries, countryIdByNameKey, translit, personWords::get);
        log("people: %,d heads of state or government, %,d more legislators; Arabic name from the data %,d, "
                        + "transliterated %,d, none %,d %s", people.leaders, people.legislators, people.withDataArabic,
                people.transliterated, people.withoutArabic, people.untransliterated);

        Notables notables = new Notables();
        notables.read(kbDir, Path.of(System.getProperty("khabar.kb.list", "knowledge/data/news-entities.tsv")), kb,
                countries);
        log("CultLAMA: %,d people (%,d left out for a one-word name in a script), %,d organisations, %,d places added;"
                        + " %,d QIDs already known given their labels; %,d places of the place data given their QID;"
                        + " Khabar's list: %,d entries (%,d joined to an entity of the same name), %,d region demonyms",
                notables.people, notables.mononyms, notables.organisations, notables.places, notables.merged,
                notables.placesGivenQid, notables.listed, notables.listedJoined, notables.demonymForms);
        log("CultLAMA settlement QIDs moved to their town from a region or a misnamed place: %,d %s",
                notables.movedQids.size(), notables.movedQids);
        log("CultLAMA sports clubs' short names (Barcelona, Werder Bremen, برشلونة): %,d", notables.clubShortNames);

        Set<String> nisbaKeys = new HashSet<>();
        nisba.keySet().forEach(f -> nisbaKeys.add(KnowledgeBase.key(f)));
        NamePairs pairs = new NamePairs();
        pairs.apply(kbDir, kb, nisbaKeys);
        log("ANETAC pairs: %,d; attached to an entity %,d; new entities %,d; left out: type conflict %,d, demonym %,d,"
                        + " common word %,d", pairs.pairs, pairs.attached, pairs.created, pairs.typeConflicts,
                pairs.demonyms, pairs.commonWords);

        List<KbEntity> entities = kb.entities();
        Path kbFile = out.resolve(KnowledgeBase.RESOURCE);
        try (OutputStream o = Files.newOutputStream(kbFile)) {
            KbFile.write(o, entities, kb.nisba());
        }
        Path translitFile = out.resolve(Transliterator.RESOURCE);
        try (OutputStream o = Files.newOutputStream(translitFile)) {
            translit.write(o);
        }
        printCounts(entities, kb, kbFile, translitFile);
        log("done in %.1f s", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Stop words of both Arabic lists in the data, and the English function words, as keys. */
    static Set<String> commonWords(Path data) throws IOException {
        Set<String> out = new HashSet<>(ENGLISH_FUNCTION_WORDS);
        Path dir = data.resolve("stopwords/ar");
        List<Path> lists;
        try (Stream<Path> files = Files.walk(dir)) {
            lists = files.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString()
                    .equalsIgnoreCase("LICENSE.txt")).sorted().toList();
        }
        for (Path list : lists) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String k = KnowledgeBase.key(line.strip());
                if (!k.isEmpty() && KbNames.isArabicScript(k)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    /** The Wikidata word pairs: Latin word, Arabic letters joined, count. */
    static List<Transliterator.Pair> readTransliterations(Path kb) throws IOException {
        List<Transliterator.Pair> pairs = new ArrayList<>(1 << 16);
        Path file = kb.resolve("wikidata-transliteration-en-ar/wd_arabic.normalized.aligned.tokens");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length != 3) {
                continue;
            }
            String latin = Names.clean(f[0]);
            String arabic = Names.clean(f[1].replace(" ", ""));
            if (latin != null && arabic != null && KbNames.isArabicScript(arabic)) {
                pairs.add(new Transliterator.Pair(latin, arabic, Integer.parseInt(f[2].strip())));
            }
        }
        return pairs;
    }

    /**
     * The alias keys of places whose names a demonym must not take: countries, and places in countries that speak
     * Arabic. The Arabic names of towns elsewhere are transliterations (Coity, Wales: كويتي) that Arabic text hardly
     * ever means.
     */
    private static Set<String> placeNames(KbBuilder kb, Countries countries) {
        Set<String> out = new HashSet<>();
        for (Draft d : kb.drafts()) {
            Countries.Country c = d.countryCode == null ? null : countries.byIso2.get(d.countryCode);
            boolean arabicSpeaking = c != null && c.languages.contains("ar");
            if (d.type == EntityType.LOCATION && ("country".equals(d.kind) || arabicSpeaking)) {
                out.addAll(d.aliases.keySet());
            }
        }
        return out;
    }

    /**
     * A city with no Arabic name in the data gets, as an alias, the word-by-word transliteration of its English name
     * when the name-pair data knows every word (Washington, D.C.: واشنطن). Not its Arabic name: that stays null.
     */
    private static int transliterateCityNames(List<Draft> cities, KbBuilder kb, Transliterator translit) {
        int n = 0;
        for (Draft d : cities) {
            if (d.nameEn == null || d.aliases.values().stream().anyMatch(KbNames::isArabicScript)) {
                continue;
            }
            String arabic = translit.toArabicName(d.nameEn);
            if (arabic != null && kb.alias(d, arabic)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Removes the aliases of cities and regions, other than the English name, that name a country other than their
     * own: the data has Usa, Japan, as الولايات المتحدة الأمريكية and a Jamaican village as Russia. A town called
     * Lebanon keeps its English name.
     */
    private static int dropOtherCountryNames(KbBuilder kb, Map<String, String> countryByNameKey) {
        int n = 0;
        for (Draft d : kb.drafts()) {
            if (d.type != EntityType.LOCATION || "country".equals(d.kind)) {
                continue;
            }
            String own = d.nameEn == null ? null : KnowledgeBase.key(d.nameEn);
            for (String key : new ArrayList<>(d.aliases.keySet())) {
                String country = countryByNameKey.get(key);
                if (country != null && !country.equals(d.countryCode) && !key.equals(own)) {
                    kb.removeAlias(d, key);
                    n++;
                }
            }
        }
        return n;
    }

    /** Countries without coordinates get the population-weighted centroid of their cities. */
    private static int countryCentroids(Map<String, Draft> countries, List<Draft> cities) {
        Map<String, double[]> sums = new HashMap<>();
        for (Draft c : cities) {
            if (c.countryCode != null && c.lat != null) {
                double w = Math.max(1, c.population);
                double[] s = sums.computeIfAbsent(c.countryCode, k -> new double[3]);
                s[0] += w * c.lat;
                s[1] += w * c.lon;
                s[2] += w;
            }
        }
        int n = 0;
        for (Draft d : countries.values()) {
            double[] s = sums.get(d.countryCode);
            if (d.lat == null && s != null) {
                d.lat = s[0] / s[2];
                d.lon = s[1] / s[2];
                n++;
            }
        }
        return n;
    }

    /**
     * A one-word Arabic country name ending in يا also gets its ية spelling (سوريا, سورية), unless that spelling names
     * another place.
     */
    private static int arabicYaVariants(KbBuilder kb, Map<String, Draft> countries, Set<String> placeAliasKeys) {
        int n = 0;
        for (Draft d : countries.values()) {
            for (String name : new ArrayList<>(d.aliases.values())) {
                if (KbNames.isArabicScript(name) && !name.contains(" ") && name.endsWith("يا") && name.length() > 4) {
                    String variant = name.substring(0, name.length() - 1) + "ة";
                    if (!placeAliasKeys.contains(KnowledgeBase.key(variant)) && kb.alias(d, variant)) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static void printCounts(List<KbEntity> entities, KbBuilder kb, Path kbFile, Path translitFile)
            throws IOException {
        Map<String, Integer> byKind = new TreeMap<>();
        long aliases = 0;
        long shortNames = 0;
        long withQid = 0;
        long withArabic = 0;
        for (KbEntity e : entities) {
            byKind.merge(e.type() + "/" + e.kind(), 1, Integer::sum);
            aliases += e.aliases().size();
            shortNames += e.shortNames().size();
            withQid += e.qid() != null ? 1 : 0;
            withArabic += e.aliases().stream().anyMatch(KbNames::isArabicScript) ? 1 : 0;
        }
        log("entities: %,d %s; with QID %,d; with an Arabic alias %,d", entities.size(), byKind, withQid, withArabic);
        log("aliases: %,d; short names: %,d; demonym forms: %,d; aliases refused as common words: %,d", aliases,
                shortNames, kb.nisba().size(), kb.refusedAliases());
        log("wrote %s (%,d bytes) and %s (%,d bytes)", kbFile, Files.size(kbFile), translitFile,
                Files.size(translitFile));
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
