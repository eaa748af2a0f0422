package io.khabar.bench.kb;

import io.khabar.bench.kb.KbBuilder.Draft;
import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.knowledge.Names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cities and regions. GeoNames cities of 15,000 people or more give coordinates, population, GeoNames id and the
 * Arabic-script alternate names (Persian, Urdu and Uyghur spellings with letters Arabic does not write are left
 * out). countries-states-cities cities carry QIDs and Arabic names: each is joined to the nearest GeoNames city of
 * the same country with the same name key within {@value #JOIN_KM} km, and added on its own otherwise. Its
 * states become regions; a state that is a city (Moscow, a federal city) joins its GeoNames city the same way,
 * giving it the QID.
 */
final class Places {
    static final double JOIN_KM = 25;
    /** Two cities with the same QID farther apart than this are not the same city: the QID is wrong for one. */
    static final double SAME_QID_KM = 50;

    /** One GeoNames or countries-states-cities city before it goes into the builder. */
    static final class City {
        Long geonamesId;
        String qid;
        String name;
        String nameAr;
        final Set<String> latin = new LinkedHashSet<>();
        final Set<String> arabic = new LinkedHashSet<>();
        String countryCode;
        double lat;
        double lon;
        long population;
        double joinedKm = Double.MAX_VALUE;
    }

    final List<City> cities = new ArrayList<>();
    private final Map<String, List<City>> byCountryAndKey = new HashMap<>();
    int geonamesCities;
    int geonamesWithArabic;
    int cscCities;
    int cscJoined;
    int cscDuplicates;
    int cscOnly;
    int regions;
    int regionsJoinedToCities;
    int regionsSkipped;
    int droppedQids;

    /** GeoNames cities, then countries-states-cities cities joined or added. */
    void readCities(Path kb) throws IOException {
        try (ZipFile zip = new ZipFile(kb.resolve("geonames/cities15000.zip").toFile())) {
            ZipEntry entry = zip.entries().nextElement();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] f = line.split("\t", -1);
                    if (f.length < 19) {
                        continue;
                    }
                    City c = new City();
                    c.geonamesId = Long.valueOf(f[0]);
                    c.name = Names.clean(f[1]);
                    addLatin(c, f[1]);
                    addLatin(c, f[2]);
                    for (String alt : f[3].split(",")) {
                        String a = Names.clean(alt);
                        if (a != null && KbNames.isArabicScript(a) && KbNames.isArabicLetters(a)) {
                            c.arabic.add(a);
                        }
                    }
                    c.nameAr = c.arabic.stream().filter(a -> !KbNames.hasPersianLetters(a)).findFirst().orElse(null);
                    c.lat = Double.parseDouble(f[4]);
                    c.lon = Double.parseDouble(f[5]);
                    c.countryCode = f[8].isBlank() ? null : f[8].strip();
                    c.population = f[14].isBlank() ? 0 : Long.parseLong(f[14].strip());
                    cities.add(c);
                    geonamesCities++;
                    if (!c.arabic.isEmpty()) {
                        geonamesWithArabic++;
                    }
                    for (String alt : f[3].split(",")) {
                        String a = Names.clean(alt);
                        if (a != null) {
                            index(c, a);
                        }
                    }
                    index(c, f[1]);
                    index(c, f[2]);
                }
            }
        }
        List<Path> compact;
        try (Stream<Path> files = Files.list(kb.resolve("countries-states-cities"))) {
            compact = files.filter(p -> p.getFileName().toString().startsWith("cities_compact_")).sorted().toList();
        }
        for (Path file : compact) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (f.length < 10 || f[6].isBlank() || f[7].isBlank()) {
                    continue;
                }
                cscCities++;
                City csc = new City();
                csc.name = Names.clean(f[1]);
                addLatin(csc, f[1]);
                addLatin(csc, f[2]);
                String ar = Names.clean(f[3]);
                if (ar != null && KbNames.isArabicScript(ar) && KbNames.isArabicLetters(ar)) {
                    csc.arabic.add(ar);
                    csc.nameAr = KbNames.hasPersianLetters(ar) ? null : ar;
                }
                String nativeName = Names.clean(f[2]);
                if (nativeName != null && KbNames.isArabicScript(nativeName) && KbNames.isArabicLetters(nativeName)) {
                    csc.arabic.add(nativeName);
                }
                csc.countryCode = f[4].strip();
                csc.lat = Double.parseDouble(f[6]);
                csc.lon = Double.parseDouble(f[7]);
                csc.population = f[8].isBlank() ? 0 : Long.parseLong(f[8].strip());
                csc.qid = f[9].isBlank() ? null : f[9].strip();
                City match = nearest(csc, csc.latin, csc.arabic);
                if (match == null) {
                    cities.add(csc);
                    cscOnly++;
                    for (String n : csc.latin) {
                        index(csc, n);
                    }
                    for (String n : csc.arabic) {
                        index(csc, n);
                    }
                } else if (match.qid == null || csc.joinedKm < match.joinedKm) {
                    if (match.qid != null) {
                        cscDuplicates++;
                    } else {
                        cscJoined++;
                    }
                    match.qid = csc.qid;
                    match.joinedKm = csc.joinedKm;
                    if (csc.nameAr != null) {
                        match.nameAr = csc.nameAr;
                    }
                    match.arabic.addAll(csc.arabic);
                    if (match.population == 0) {
                        match.population = csc.population;
                    }
                } else {
                    cscDuplicates++;
                    match.arabic.addAll(csc.arabic);
                }
            }
        }
    }

    /** The nearest indexed city of the same country with one of these name keys within JOIN_KM, or null. */
    private City nearest(City c, Set<String> latin, Set<String> arabic) {
        City best = null;
        double bestKm = JOIN_KM;
        for (Set<String> names : List.of(latin, arabic)) {
            for (String n : names) {
                for (City g : byCountryAndKey.getOrDefault(c.countryCode + "\t" + KnowledgeBase.key(n), List.of())) {
                    double km = KbNames.distanceKm(c.lat, c.lon, g.lat, g.lon);
                    if (km < bestKm || km == bestKm && best == null) {
                        best = g;
                        bestKm = km;
                    }
                }
            }
        }
        c.joinedKm = bestKm;
        return best;
    }

    private void index(City c, String name) {
        String key = KnowledgeBase.key(name);
        if (!key.isEmpty()) {
            List<City> l = byCountryAndKey.computeIfAbsent(c.countryCode + "\t" + key, k -> new ArrayList<>(1));
            if (!l.contains(c)) {
                l.add(c);
            }
        }
    }

    private static void addLatin(City c, String name) {
        String n = Names.clean(name);
        if (n != null && KbNames.hasLatin(n)) {
            c.latin.add(n);
        }
    }

    /**
     * States and regions of countries-states-cities: city states join their GeoNames city; the others become
     * regions (kind {@code region}) with the GeoNames id of the GeoNames first-level division of the same name.
     * Arabic-script native names are aliases, and the Arabic name where the country speaks Arabic.
     */
    List<Draft> readRegions(Path kb, Countries countries) throws IOException {
        Map<String, Long> admin1 = new HashMap<>();
        for (String line : Files.readAllLines(kb.resolve("geonames/regionInfo.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (line.startsWith("#") || f.length < 4 || f[3].isBlank()) {
                continue;
            }
            String cc = f[0].split("\\.")[0];
            admin1.putIfAbsent(cc + "\t" + KnowledgeBase.key(f[1]), Long.valueOf(f[3].strip()));
            admin1.putIfAbsent(cc + "\t" + KnowledgeBase.key(f[2]), Long.valueOf(f[3].strip()));
        }
        List<Draft> out = new ArrayList<>();
        for (Map<String, String> r : Csv.read(kb.resolve("countries-states-cities/states.csv"))) {
            String name = Names.clean(r.get("name"));
            String cc = Names.clean(r.get("country_code"));
            if (name == null || cc == null || name.matches(".*\\d.*") || name.replaceAll("\\P{L}", "").length() < 3) {
                regionsSkipped++;
                continue;
            }
            String qid = Names.clean(r.get("wikiDataId"));
            String nativeName = Names.clean(r.get("native"));
            String arabic = nativeName != null && KbNames.isArabicScript(nativeName)
                    && KbNames.isArabicLetters(nativeName)
                    ? nativeName : null;
            Double lat = number(r.get("latitude"));
            Double lon = number(r.get("longitude"));
            String type = r.getOrDefault("type", "");
            if (type.contains("city") && lat != null && lon != null) {
                City probe = new City();
                probe.countryCode = cc;
                probe.lat = lat;
                probe.lon = lon;
                Set<String> latin = new LinkedHashSet<>(List.of(name));
                City match = nearest(probe, latin, arabic == null ? Set.of() : Set.of(arabic));
                if (match != null && match.geonamesId != null) {
                    if (match.qid == null) {
                        match.qid = qid;
                    }
                    if (arabic != null) {
                        match.arabic.add(arabic);
                    }
                    regionsJoinedToCities++;
                    continue;
                }
            }
            Draft d = new Draft(EntityType.LOCATION, "region");
            d.nameEn = name;
            Countries.Country country = countries.byIso2.get(cc);
            if (arabic != null) {
                d.aliases.put(KnowledgeBase.key(arabic), arabic);
                if (country != null && country.languages.contains("ar") && !KbNames.hasPersianLetters(arabic)) {
                    d.nameAr = arabic;
                }
            }
            d.qid = qid;
            d.lat = lat;
            d.lon = lon;
            d.countryCode = cc;
            d.geonamesId = admin1.get(cc + "\t" + KnowledgeBase.key(name));
            String pop = Names.clean(r.get("population"));
            d.population = pop == null ? 0 : Long.parseLong(pop);
            d.prior = 0.8 * cityPrior(d.population);
            out.add(d);
            regions++;
        }
        return out;
    }

    /** Cities as drafts: ids are QIDs, else khabar ids given in descending population order. */
    List<Draft> cityDrafts(KbBuilder kb) {
        List<City> sorted = new ArrayList<>(cities);
        sorted.sort(Comparator.comparingLong((City c) -> -c.population)
                .thenComparing(c -> c.geonamesId == null ? Long.MAX_VALUE : c.geonamesId)
                .thenComparing(c -> c.qid == null ? "" : c.qid));
        List<Draft> out = new ArrayList<>(sorted.size());
        for (City c : sorted) {
            Draft d = new Draft(EntityType.LOCATION, "city");
            d.nameEn = c.name;
            d.nameAr = c.nameAr;
            d.addAliases(c.latin);
            d.addAliases(c.arabic);
            d.countryCode = c.countryCode;
            d.qid = c.qid;
            d.lat = c.lat;
            d.lon = c.lon;
            d.geonamesId = c.geonamesId;
            d.population = c.population;
            d.prior = cityPrior(c.population);
            d.id = placeId(kb, d);
            out.add(kb.put(d));
        }
        return out;
    }

    /**
     * The id of a place draft: its QID, unless a country, or another city more than {@value #SAME_QID_KM} km away,
     * already has that QID and shares no name with it, in which case the QID is dropped (countries-states-cities
     * gives Woodlands, a town of Singapore, the QID of Singapore, and Idlib that of Homs; the city state Singapore
     * itself does merge). Without a QID, a fresh
     * {@code khabar:} id. Cities come in descending population, so the larger place keeps a disputed QID.
     */
    String placeId(KbBuilder kb, Draft d) {
        if (d.qid != null) {
            Draft other = kb.get(d.qid);
            boolean clash = "country".equals(other == null ? null : other.kind)
                    || "city".equals(d.kind) && other != null && "city".equals(other.kind) && d.lat != null
                    && other.lat != null && KbNames.distanceKm(d.lat, d.lon, other.lat, other.lon) > SAME_QID_KM;
            if (!clash || d.aliases.keySet().stream().anyMatch(other.aliases::containsKey)) {
                return d.qid;
            }
            d.qid = null;
            droppedQids++;
        }
        String name = d.nameEn != null ? d.nameEn : d.nameAr != null ? d.nameAr : d.aliases.values().iterator().next();
        return kb.freshId(EntityType.LOCATION, KnowledgeBase.key(name), d.countryCode, d.geonamesId);
    }

    /** 0.3 for unknown or small places, rising with log population to 0.9 at about 30 million. */
    static double cityPrior(long population) {
        if (population <= 1000) {
            return 0.3;
        }
        return Math.min(0.9, 0.3 + 0.6 * (Math.log10(population) - 3) / 4.5);
    }

    private static Double number(String s) {
        String c = Names.clean(s);
        return c == null ? null : Double.valueOf(c);
    }
}
