package io.khabar.bench.kb;

import io.khabar.bench.kb.KbBuilder.Draft;
import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.knowledge.Names;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The people, organisations and places the news is about that the place and politician data lack:
 * <ul>
 *   <li><b>CultLAMA</b> ({@code kb/cultlama}): Wikidata entities with English and Arabic labels, typed by the facts
 *       they take part in. Subjects of birthplace, citizenship, occupation or language facts are people; record
 *       labels and broadcasters (objects of P264, P449) and the sports clubs among the subjects of P17 are
 *       organisations (a club with its country, and its name without FC and the like: {@link #clubShortName});
 *       continents (objects of P30) and the landmarks and sites among the subjects of P17 are places.
 *       Occupations, genres, instruments, languages and works are not entities of the news and are left out. A QID
 *       the knowledge base already has only adds its labels as aliases. A settlement (a place of birth or death, a
 *       twinned town, a capital) that the place data holds without a QID gives that town its QID
 *       ({@link #placeWithoutQid}).</li>
 *   <li><b>Khabar's demonyms of regions</b> ({@code knowledge/data/news-demonyms.tsv}: European, الأوروبي)
 *       relate a name to its region as a country's demonym does.</li>
 *   <li><b>Khabar's list</b> ({@code knowledge/data/news-entities.tsv}, written by hand): seas and regions,
 *       international organisations, government seats, news agencies, armed groups, parties, companies, clubs and
 *       former leaders, and constituent countries' and countries' own names the data lacks (U.S., England). An entry
 *       without a QID joins an entity of the same type that has one of its English names,
 *       if there is one, rather than duplicating it.</li>
 * </ul>
 */
final class Notables {
    static final double CULTLAMA_PERSON_PRIOR = 0.5; // as legislators: a surname alone does not link without context
    static final double CULTLAMA_OTHER_PRIOR = 0.6;
    /** How far a city state's point may lie from its city's (Chongqing's municipality: about 140 km). */
    static final double CITY_STATE_KM = 150;
    private static final Set<String> PERSON_FACTS = Set.of("P19:sub", "P20:sub", "P27:sub", "P106:sub", "P103:sub",
            "P1412:sub");
    private static final Set<String> ORGANIZATION_FACTS = Set.of("P264:obj", "P449:obj");
    /** Places of birth and death, twinned towns, capitals: settlements, which the place data may hold without a QID. */
    private static final Set<String> SETTLEMENT_FACTS = Set.of("P19:obj", "P20:obj", "P190:obj", "P190:sub",
            "P36:obj", "P1376:sub");
    private static final Pattern FACT = Pattern.compile(
            "\"sub_uri\":\\s*\"(Q\\d+)\",\\s*\"obj_uri\":\\s*\\[\"(Q\\d+)\".*\"uuid\":\\s*\"P17_([a-z_]+?)_");
    /** Words of a club's name that say it is a club (FC Barcelona, Olympique de Marseille), not which one. */
    private static final Set<String> CLUB_WORDS = Set.of("FC", "F.C.", "AFC", "A.F.C.", "CF", "C.F.", "SC", "S.C.",
            "AC", "A.C.", "AS", "A.S.", "SV", "S.V.", "SL", "S.L.", "SK", "S.K.", "BV", "RC", "R.C.", "CD", "C.D.",
            "UD", "SD", "RCD", "CA", "C.A.", "SS", "S.S.", "FK", "NK", "KV", "OSC", "VfB", "VfL", "TSV", "1.", "Club",
            "Olympique", "Stade", "de", "نادي");

    int people;
    int organisations;
    int places;
    int merged;
    int listed;
    int listedJoined;
    int demonymForms;
    int mononyms;
    int placesGivenQid;
    int clubShortNames;
    /** Settlement QIDs moved from a region or a misnamed place to their town: "QID name: old holder -> town". */
    final List<String> movedQids = new ArrayList<>();

    void read(Path kbDir, Path listFile, KbBuilder kb, Countries countries) throws IOException {
        Map<String, String[]> p17 = p17Facts(kbDir.resolve("cultlama/cultlama_v1.tar.gz"));
        List<String> lines = Files.readAllLines(kbDir.resolve("cultlama/derived_qid_en_ar.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 4 || !f[0].matches("Q\\d+")) {
                continue;
            }
            Set<String> roles = Set.of(f[3].split(","));
            String en = Names.clean(f[1]);
            String ar = Names.clean(f[2]);
            if (ar != null && !KbNames.isArabicScript(ar)) {
                ar = null;
            }
            Draft existing = kb.get(f[0]);
            boolean settlement = roles.stream().anyMatch(SETTLEMENT_FACTS::contains);
            boolean club = p17.containsKey(f[0]) && "sports".equals(p17.get(f[0])[0]);
            if (existing != null && settlement && heldByAnotherPlace(existing, en)) {
                Draft town = placeWithoutQid(kb, en, ar);
                if (town != null && sameTownPlausibly(existing, town)) {
                    String name = existing.nameEn != null ? existing.nameEn
                            : existing.aliases.values().iterator().next();
                    kb.rekey(existing, kb.freshId(EntityType.LOCATION, KnowledgeBase.key(name), existing.countryCode,
                            existing.geonamesId));
                    existing.qid = null;
                    giveQid(kb, town, f[0], ar);
                    movedQids.add(f[0] + " " + en + ": " + existing.id + " -> town " + town.geonamesId);
                    continue;
                }
            }
            if (existing != null) {
                if (en != null) {
                    kb.alias(existing, en);
                }
                if (ar != null) {
                    kb.alias(existing, ar);
                    if (existing.nameAr == null) {
                        existing.nameAr = ar;
                    }
                }
                merged++;
                continue;
            }
            Draft d;
            if (roles.stream().anyMatch(PERSON_FACTS::contains) && (!fullName(en) || !fullName(ar))) {
                mononyms++; // a one-word name (رضا, Fairuz) is too often a common word to be a gazetteer's person
                continue;
            }
            if (roles.stream().anyMatch(PERSON_FACTS::contains)) {
                d = draft(f[0], EntityType.PERSON, "person", en, ar, CULTLAMA_PERSON_PRIOR);
                people++;
            } else if (roles.stream().anyMatch(ORGANIZATION_FACTS::contains)
                    || club) {
                d = draft(f[0], EntityType.ORGANIZATION, "organization", en, ar, CULTLAMA_OTHER_PRIOR);
                if (club) {
                    // a club is named short in the news (Barcelona, Schalke, برشلونة) and belongs to its country:
                    // the recognizer's type then tells the club from its city
                    Draft country = kb.get(p17.get(f[0])[1]);
                    d.countryCode = country != null && "country".equals(country.kind) ? country.countryCode : null;
                    for (String name : new String[]{en, ar}) {
                        String shortName = clubShortName(name);
                        if (shortName == null) {
                            continue;
                        }
                        // one word is often the club's city (Barcelona): a short form, which the recognizer's type
                        // and the context must confirm; more words (Werder Bremen) name the club alone, unless they
                        // are a place's name too (New York City FC)
                        String key = KnowledgeBase.key(shortName);
                        if (!shortName.contains(" ")) {
                            d.shortNames.putIfAbsent(key, shortName);
                        } else if (kb.byAlias(key).stream().noneMatch(p -> p.type == EntityType.LOCATION)) {
                            d.aliases.putIfAbsent(key, shortName);
                        } else {
                            continue;
                        }
                        clubShortNames++;
                    }
                }
                organisations++;
            } else if (roles.contains("P30:obj") || roles.contains("P17:sub") && p17.containsKey(f[0])) {
                d = draft(f[0], EntityType.LOCATION, roles.contains("P30:obj") ? "region" : "place", en, ar,
                        CULTLAMA_OTHER_PRIOR);
                places++;
            } else {
                if (settlement) {
                    Draft place = placeWithoutQid(kb, en, ar);
                    if (place != null) {
                        giveQid(kb, place, f[0], ar);
                        placesGivenQid++;
                    }
                }
                continue;
            }
            Draft kept = kb.put(d);
            if (kept.type == EntityType.PERSON) {
                for (String name : new String[]{en, ar}) {
                    if (name != null) {
                        KbNames.shortNames(name).forEach(s -> kb.shortName(kept, s));
                    }
                }
            }
        }
        readList(listFile, kb, countries);
        Path demonyms = listFile.resolveSibling("news-demonyms.tsv");
        for (String line : Files.readAllLines(demonyms, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 2 || kb.get(f[1]) == null) {
                throw new IllegalArgumentException(demonyms + ": expected a form and a known entity id in: " + line);
            }
            if (kb.nisba().putIfAbsent(f[0], f[1]) == null) {
                demonymForms++;
            }
        }
    }

    /** The hand-written list; see the file's header for its columns. */
    private void readList(Path file, KbBuilder kb, Countries countries) throws IOException {
        Map<String, Draft> byEnglishName = new HashMap<>();
        for (Draft d : kb.drafts()) {
            if (d.qid != null && d.type != EntityType.LOCATION && d.nameEn != null) {
                byEnglishName.putIfAbsent(d.type + "|" + KnowledgeBase.key(d.nameEn), d);
            }
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalArgumentException(file + ": expected 7 tab-separated columns in: " + line);
            }
            EntityType type = EntityType.valueOf(f[1]);
            String[] en = f[5].split("\\|");
            String[] ar = f[6].split("\\|");
            Draft d = draft(f[0].isBlank() ? null : f[0], type, f[2], en[0], ar[0], Double.parseDouble(f[4]));
            d.countryCode = f[3].isBlank() ? null : f[3];
            if (d.countryCode != null && !countries.byIso2.containsKey(d.countryCode)) {
                throw new IllegalArgumentException(file + ": unknown country code " + d.countryCode);
            }
            Draft same = null;
            for (String name : en) {
                same = same != null ? same : byEnglishName.get(type + "|" + KnowledgeBase.key(name));
            }
            if (d.id == null && same != null) {
                d.id = same.id;
                d.qid = same.qid;
                listedJoined++;
            } else if (d.id == null) {
                d.id = kb.freshId(type, KnowledgeBase.key(en[0]), d.countryCode, null);
            }
            Draft kept = kb.put(d);
            kept.prior = Math.max(kept.prior, d.prior);
            for (String[] names : new String[][]{en, ar}) {
                for (String name : names) {
                    kb.alias(kept, name);
                    if (type == EntityType.PERSON) {
                        KbNames.shortNames(name).forEach(s -> kb.shortName(kept, s));
                    }
                }
            }
            listed++;
        }
    }

    /** A town of the place data takes a settlement's QID as its id, and its Arabic label as a name. */
    private static void giveQid(KbBuilder kb, Draft town, String qid, String ar) {
        kb.rekey(town, qid);
        town.qid = qid;
        if (ar != null && !ar.matches(".*[(),،].*") && kb.alias(town, ar) && town.nameAr == null) {
            town.nameAr = ar; // a label with a qualifier (مولينز، ألير) is not a name
        }
    }

    /**
     * Whether a settlement's QID is held by a place that is not the town: a region (the state of Berlin has Berlin's
     * QID in the place data), or a place without the settlement's English name (the place data gives Shanghai's QID
     * to Shangmei, a town of 75,000).
     */
    static boolean heldByAnotherPlace(Draft holder, String en) {
        return holder.type == EntityType.LOCATION && !"country".equals(holder.kind)
                && ("region".equals(holder.kind) || en != null && !holder.aliases.containsKey(KnowledgeBase.key(en)));
    }

    /**
     * Whether a town may take the QID its holder has: both of one country, and a region within
     * {@value #CITY_STATE_KM} km of the town (a city state such as Berlin; the state of Washington is not its
     * namesake city, nor the French department of Vienne the town of Vienne).
     */
    static boolean sameTownPlausibly(Draft holder, Draft town) {
        if (holder.countryCode != null && town.countryCode != null && !holder.countryCode.equals(town.countryCode)) {
            return false;
        }
        return !"region".equals(holder.kind) || holder.lat != null && town.lat != null
                && KbNames.distanceKm(holder.lat, holder.lon, town.lat, town.lon) <= CITY_STATE_KM;
    }

    /**
     * The place without a QID that a settlement of CultLAMA names: a place of the place data with its English label
     * and, if the place has Arabic names, its Arabic label among them; the most populous if several are; null if none.
     */
    static Draft placeWithoutQid(KbBuilder kb, String en, String ar) {
        if (en == null) {
            return null;
        }
        String arKey = ar == null ? null : KnowledgeBase.key(ar);
        Draft best = null;
        for (Draft d : kb.byAlias(KnowledgeBase.key(en))) {
            if (d.type == EntityType.LOCATION && d.qid == null && d.geonamesId != null
                    && (arKey == null || d.aliases.containsKey(arKey)
                            || d.aliases.values().stream().noneMatch(KbNames::isArabicScript))
                    && (best == null || d.population > best.population)) {
                best = d;
            }
        }
        return best;
    }

    /**
     * A club's name without the words that only say it is a club, at either end (FC Barcelona: Barcelona; Olympique
     * de Marseille: Marseille; FC Schalke 04: Schalke; نادي برشلونة: برشلونة); null if nothing is left out, or
     * fewer than three letters are left.
     */
    static String clubShortName(String name) {
        if (name == null) {
            return null;
        }
        List<String> words = new ArrayList<>(List.of(name.strip().split("\\s+")));
        int before = words.size();
        while (!words.isEmpty() && CLUB_WORDS.contains(words.get(0))) {
            words.remove(0);
        }
        while (!words.isEmpty() && (CLUB_WORDS.contains(words.get(words.size() - 1))
                || words.get(words.size() - 1).matches("\\d+"))) {
            words.remove(words.size() - 1);
        }
        String out = String.join(" ", words);
        return words.size() < before && out.codePoints().filter(Character::isLetter).count() >= 3 ? out : null;
    }

    private static boolean fullName(String name) {
        return name != null && name.strip().contains(" ");
    }

    /** A draft entry of the knowledge base with a QID (or none) as its id. */
    static Draft draft(String qid, EntityType type, String kind, String en, String ar, double prior) {
        Draft d = new Draft(type, kind);
        d.id = qid;
        d.qid = qid;
        d.nameEn = en;
        d.nameAr = ar;
        d.prior = prior;
        return d;
    }

    /**
     * The category (geography, history, sports) and the country QID of each subject of a P17 (country) fact, from
     * the English facts in the CultLAMA archive: the fact ids say the category ({@code P17_sports_ARAB_REGION_3}).
     * Read with a minimal tar reader.
     */
    static Map<String, String[]> p17Facts(Path archive) throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.UTF_8).replace("\0", "");
                long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII)
                        .replace("\0", "").strip(), 8);
                long padded = (size + 511) / 512 * 512;
                boolean wanted = name.endsWith("arab_west/cultlama/en/P17.jsonl") && !name.contains("/._");
                if (wanted) {
                    ByteArrayOutputStream body = new ByteArrayOutputStream((int) size);
                    body.write(in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                    for (String line : body.toString(StandardCharsets.UTF_8).split("\n")) {
                        Matcher m = FACT.matcher(line);
                        if (m.find()) {
                            out.putIfAbsent(m.group(1), new String[]{m.group(3), m.group(2)});
                        }
                    }
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no P17 facts found in " + archive);
        }
        return out;
    }
}
