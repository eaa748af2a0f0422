package io.khabar.bench.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.knowledge.Names;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Countries and territories from {@code kb/country-codes} (ISO codes, UN English and Arabic names, GeoNames id, QID),
 * with GeoNames' country names and populations ({@code kb/geonames}) and the coordinates, names and nationality
 * adjectives of {@code kb/countries-states-cities}. Official names give their short forms as further aliases (the part
 * before a parenthesis or comma, "the" and UN footnote marks dropped) when no other country gets the same short form.
 */
final class Countries {
    /** One country as read, before it goes into the builder. */
    static final class Country {
        final String iso2;
        String qid;
        Long geonamesId;
        boolean independent;
        String nameEn;
        String nameAr;
        final Set<String> english = new LinkedHashSet<>();
        final Set<String> arabic = new LinkedHashSet<>();
        /** Official Arabic names (for the adjectives in them, see {@link Demonyms}). */
        final Set<String> officialArabic = new LinkedHashSet<>();
        String cscArabic;
        String geonamesArabic;
        final Set<String> derivedArabic = new LinkedHashSet<>();
        /** Nationality adjectives the data gives (English). */
        final Set<String> demonyms = new LinkedHashSet<>();
        Set<String> languages = Set.of();
        Double lat;
        Double lon;
        long population;

        Country(String iso2) {
            this.iso2 = iso2;
        }
    }

    final Map<String, Country> byIso2 = new LinkedHashMap<>();
    final Map<String, String> iso2ByQid = new HashMap<>();
    int rejectedTranslations;
    final List<String> rejected = new ArrayList<>();

    static Countries read(Path kb) throws IOException {
        Countries c = new Countries();
        c.readCountryCodes(kb.resolve("country-codes/country-codes.csv"));
        c.readGeoNames(kb.resolve("geonames/countryInfo.tsv"), kb.resolve("geonames/country_translations.json"));
        c.readCsc(kb.resolve("countries-states-cities/countries.json"));
        c.addArabicShortNames();
        for (Country country : c.byIso2.values()) {
            country.nameAr = canonicalArabic(country);
        }
        return c;
    }

    /**
     * Keys of the generic words of official Arabic names: words that the official names of four or more independent
     * countries share and that carry the article (العربية، المتحدة، الإسلامية، الديمقراطية) or begin eight or more
     * official names (جمهورية، مملكة، دولة). Shared place and landform words (غينيا، جزر، سانت) are not generic.
     */
    Set<String> genericArabicWords() {
        Map<String, Integer> owners = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        for (Country c : byIso2.values()) {
            if (c.independent) {
                Set<String> words = new HashSet<>();
                Set<String> firsts = new HashSet<>();
                for (String name : c.officialArabic) {
                    String[] w = KnowledgeBase.key(name.replaceAll("\\([^)]*\\)", " ")).split(" ");
                    words.addAll(List.of(w));
                    firsts.add(w[0]);
                }
                words.forEach(w -> owners.merge(w, 1, Integer::sum));
                firsts.forEach(w -> first.merge(w, 1, Integer::sum));
            }
        }
        Set<String> out = new HashSet<>();
        owners.forEach((w, n) -> {
            if (n >= 4 && (w.startsWith("ال") || first.getOrDefault(w, 0) >= 8)) {
                out.add(w);
            }
        });
        return out;
    }

    /**
     * The one word an official Arabic name keeps once its generic words are left out is the country's short name
     * (المملكة العربية السعودية: السعودية; دولة فلسطين: فلسطين), unless it is only the adjective of a country's name
     * (الجمهورية العربية السورية: السورية, of سوريا; الجمهورية الدومينيكية: of دومينيكا) or another country gets the
     * same word.
     */
    private void addArabicShortNames() {
        Set<String> generic = genericArabicWords();
        Set<String> bases = new HashSet<>();
        for (Country c : byIso2.values()) {
            for (String n : c.arabic) {
                if (!n.contains(" ") && Demonyms.arabicBase(n) != null) {
                    bases.add(KnowledgeBase.key(Demonyms.arabicBase(n)));
                }
            }
        }
        Map<String, Set<String>> owners = new HashMap<>();
        Map<String, String> candidate = new LinkedHashMap<>();
        for (Country c : byIso2.values()) {
            for (String name : c.officialArabic) {
                List<String> words = new ArrayList<>(List.of(name.replaceAll("\\([^)]*\\)", " ").strip().split(" +")));
                words.removeIf(w -> generic.contains(KnowledgeBase.key(w)));
                if (words.size() != 1 || words.get(0).length() < 3) {
                    continue;
                }
                String word = words.get(0);
                String key = KnowledgeBase.key(word);
                String base = Demonyms.arabicBase(word);
                boolean known = c.arabic.stream().anyMatch(n -> KnowledgeBase.key(n).equals(key));
                boolean adjective = !known && base != null && bases.contains(KnowledgeBase.key(base));
                if (!adjective) {
                    owners.computeIfAbsent(key, k -> new HashSet<>()).add(c.iso2);
                    candidate.put(c.iso2 + "\t" + key, word);
                }
            }
        }
        candidate.forEach((k, word) -> {
            String iso2 = k.substring(0, k.indexOf('\t'));
            if (owners.get(KnowledgeBase.key(word)).size() == 1) {
                byIso2.get(iso2).arabic.add(word);
                byIso2.get(iso2).derivedArabic.add(word);
            }
        });
    }

    /**
     * The canonical Arabic name: the one with the fewest words, in this order of sources on a tie: the UN names of
     * country-codes, the countries-states-cities translation, short names derived from official names, GeoNames
     * (which often drops the article: صين، يونان). So سوريا, not الشام; الصين, not صين.
     */
    private static String canonicalArabic(Country c) {
        List<String> ranked = new ArrayList<>();
        for (String n : c.officialArabic) {
            String s = shortForm(n);
            ranked.add(s != null ? s : n);
        }
        if (c.cscArabic != null) {
            ranked.add(c.cscArabic);
        }
        ranked.addAll(c.derivedArabic);
        if (c.geonamesArabic != null) {
            ranked.add(c.geonamesArabic);
        }
        String best = null;
        for (String n : ranked) {
            if (best == null || Names.words(n) < Names.words(best)) {
                best = n;
            }
        }
        return best;
    }

    private void readCountryCodes(Path csv) throws IOException {
        for (Map<String, String> r : Csv.read(csv)) {
            String iso2 = r.get("ISO3166-1-Alpha-2").strip();
            if (iso2.length() != 2) {
                continue;
            }
            Country c = byIso2.computeIfAbsent(iso2, Country::new);
            String wd = r.get("wikidata_id");
            if (wd != null && wd.contains("/Q")) {
                c.qid = wd.substring(wd.lastIndexOf('/') + 1).strip();
                iso2ByQid.put(c.qid, iso2);
            }
            String gid = r.get("Geoname ID").strip();
            c.geonamesId = gid.isEmpty() ? null : Long.valueOf(gid);
            c.independent = "Yes".equals(r.get("is_independent").strip());
            for (String col : List.of("CLDR display name", "official_name_en", "UNTERM English Short",
                    "UNTERM English Formal")) {
                addOfficial(c.english, r.get(col));
            }
            for (String col : List.of("official_name_ar", "UNTERM Arabic Short", "UNTERM Arabic Formal")) {
                addOfficial(c.arabic, r.get(col));
                String official = unmark(r.get(col));
                if (official != null) {
                    c.officialArabic.add(official);
                }
            }
            Set<String> langs = new LinkedHashSet<>();
            for (String l : r.get("Languages").split(",")) {
                langs.add(l.strip().split("-")[0]);
            }
            c.languages = langs;
        }
    }

    private void readGeoNames(Path countryInfo, Path translations) throws IOException {
        for (String line : Files.readAllLines(countryInfo)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Country c = byIso2.get(f[0]);
            if (c == null) {
                continue;
            }
            c.nameEn = Names.clean(f[4]);
            c.english.add(c.nameEn);
            c.population = f[7].isBlank() ? 0 : Long.parseLong(f[7].strip());
        }
        JsonNode names = new ObjectMapper().readTree(translations.toFile());
        for (Country c : byIso2.values()) {
            JsonNode n = c.geonamesId == null ? null : names.get(c.geonamesId.toString());
            if (n == null) {
                continue;
            }
            addOfficial(c.english, n.path("en").asText(null));
            String ar = Names.clean(n.path("ar").asText(null));
            if (ar != null && KbNames.isArabicScript(ar)) {
                c.arabic.add(ar);
                c.geonamesArabic = ar;
            }
        }
    }

    /**
     * countries-states-cities: coordinates, the English name and nationality, and the Arabic translation, which is
     * kept only when one of its words shares its first four letters with a word of the country's other Arabic names
     * (it calls Turkey "ديك رومى", the bird).
     */
    private void readCsc(Path countriesJson) throws IOException {
        for (JsonNode n : new ObjectMapper().readTree(countriesJson.toFile())) {
            Country c = byIso2.get(n.path("iso2").asText());
            if (c == null) {
                continue;
            }
            if (n.hasNonNull("latitude") && n.hasNonNull("longitude")) {
                c.lat = Double.valueOf(n.get("latitude").asText());
                c.lon = Double.valueOf(n.get("longitude").asText());
            }
            String en = Names.clean(n.path("name").asText(null));
            if (en != null) {
                c.english.add(en);
            }
            for (String d : n.path("nationality").asText("").split(",| or ")) {
                String clean = Names.clean(d);
                if (clean != null) {
                    c.demonyms.add(clean);
                }
            }
            String ar = Names.clean(n.path("translations").path("ar").asText(null));
            if (ar != null && KbNames.isArabicScript(ar)) {
                if (corroborated(ar, c.arabic)) {
                    c.arabic.add(ar);
                    c.cscArabic = ar;
                } else {
                    rejectedTranslations++;
                    rejected.add(c.iso2 + " " + ar);
                }
            }
        }
    }

    static boolean corroborated(String name, Set<String> others) {
        for (String w : KnowledgeBase.key(name).split(" ")) {
            String a = stripArticle(w);
            for (String other : others) {
                for (String o : KnowledgeBase.key(other).split(" ")) {
                    String b = stripArticle(o);
                    int n = Math.min(4, Math.min(a.length(), b.length()));
                    if (n >= 3 && a.regionMatches(0, b, 0, n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String stripArticle(String key) {
        return key.startsWith("ال") && key.length() > 4 ? key.substring(2) : key;
    }

    private static void addOfficial(Set<String> names, String raw) {
        String name = unmark(raw);
        if (name != null) {
            names.add(name);
        }
    }

    /** Drops UN footnote marks, "(the)" and a leading "the ". */
    private static String unmark(String raw) {
        String s = Names.clean(raw);
        if (s == null) {
            return null;
        }
        s = s.replace("*", "").replaceAll("\\(the\\)$", "").strip();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        return Names.clean(s);
    }

    /** The short form of an official name: before a parenthesis or a comma ("Iran (Islamic Republic of)"). */
    static String shortForm(String name) {
        int cut = name.length();
        for (char c : new char[]{'(', ','}) {
            int i = name.indexOf(c);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return cut == name.length() ? null : Names.clean(name.substring(0, cut));
    }

    /**
     * Short forms of official names, per country, kept only when another name of the country in the same script
     * corroborates them (the UN's "رجل (جزيرة)" for the Isle of Man does not give رجل, "man") and no other country
     * gets the same key ("Korea" from both Koreas is dropped).
     */
    Map<String, List<String>> uniqueShortForms() {
        Map<String, Set<String>> owners = new HashMap<>();
        Map<String, List<String>> forms = new LinkedHashMap<>();
        for (Country c : byIso2.values()) {
            List<String> mine = new ArrayList<>();
            for (Set<String> names : List.of(c.english, c.arabic)) {
                for (String n : names) {
                    String s = shortForm(n);
                    Set<String> others = new LinkedHashSet<>(names);
                    others.remove(n);
                    if (s != null && corroborated(s, others)) {
                        mine.add(s);
                        owners.computeIfAbsent(KnowledgeBase.key(s), k -> new LinkedHashSet<>()).add(c.iso2);
                    }
                }
            }
            forms.put(c.iso2, mine);
        }
        for (Map.Entry<String, List<String>> e : forms.entrySet()) {
            e.getValue().removeIf(s -> owners.get(KnowledgeBase.key(s)).size() > 1);
        }
        return forms;
    }
}
