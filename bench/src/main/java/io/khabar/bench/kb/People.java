package io.khabar.bench.kb;

import io.khabar.bench.kb.KbBuilder.Draft;
import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.knowledge.Names;
import io.khabar.knowledge.Transliterator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * People with QIDs: heads of state and government of 2021-22 ({@code kb/world-leaders-2021}, English labels, prior
 * 0.9) and legislators ({@code kb/everypolitician-2015}, English and Arabic names, prior 0.5). One QID is one entry.
 * A person without an Arabic name from the data gets Arabic aliases by word-by-word transliteration
 * ({@link Transliterator#arabicNames}, falling back to ANETAC's one-word person pairs), the most likely spelling
 * becoming its Arabic name, and Arabic short names by transliterating its Latin ones (so el-Sisi gives السيسي even
 * when Abdel Fattah is unknown). Short names come from every full alias ({@link KbNames#shortNames}). A head of state
 * of several countries (Macron, also co-prince of Andorra) gets the most populous one's code.
 */
final class People {
    static final double LEADER_PRIOR = 0.9;
    static final double LEGISLATOR_PRIOR = 0.5;
    static final int MAX_SPELLINGS = 4;

    int leaders;
    int legislators;
    int withDataArabic;
    int transliterated;
    int withoutArabic;
    final List<String> untransliterated = new ArrayList<>();

    List<Draft> read(Path kb, KbBuilder builder, Countries countries, Map<String, String> countryIdByNameKey,
                     Transliterator translit, Function<String, String> wordFallback) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> attestedArabic = new LinkedHashSet<>();
        for (Map<String, String> r : Csv.read(kb.resolve("world-leaders-2021/wikidata.csv"))) {
            String qid = Names.clean(r.get("officeholder"));
            String name = Names.clean(r.get("officeholderLabel"));
            if (qid == null || name == null || name.matches("Q\\d+")) {
                continue;
            }
            Draft d = person(qid, name, null, LEADER_PRIOR);
            d.countryCode = countries.iso2ByQid.get(Names.clean(r.get("countryid")));
            Draft kept = builder.put(d);
            if (ids.add(kept.id)) {
                leaders++;
            } else if (d.countryCode != null && population(countries, d.countryCode)
                    > population(countries, kept.countryCode)) {
                kept.countryCode = d.countryCode; // Macron, co-prince of Andorra, is French
            }
        }
        List<String> tsv = Files.readAllLines(kb.resolve("everypolitician-2015/ep2015_wikidata_people_en_ar.tsv"),
                StandardCharsets.UTF_8);
        for (String line : tsv.subList(1, tsv.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 4) {
                continue;
            }
            legislator(builder, ids, attestedArabic, f[0], f[1], f[2], countryOf(f[3], countryIdByNameKey, builder));
        }
        List<Path> sources;
        try (Stream<Path> files = Files.walk(kb.resolve("everypolitician-2015/data"))) {
            sources = files.filter(p -> p.getFileName().toString().equals("wikidata.csv")).sorted().toList();
        }
        for (Path csv : sources) {
            String source = kb.resolve("everypolitician-2015").relativize(csv).toString();
            String cc = countryOf(source, countryIdByNameKey, builder);
            for (Map<String, String> r : Csv.read(csv)) {
                legislator(builder, ids, attestedArabic, r.get("id"), r.get("name__en"), r.get("name__ar"), cc);
            }
        }
        List<Draft> out = new ArrayList<>();
        for (String id : ids) {
            Draft d = builder.get(id);
            if (attestedArabic.contains(id) || d.nameAr != null) {
                withDataArabic++;
            } else {
                List<String> spellings = new ArrayList<>();
                for (String latin : new ArrayList<>(d.aliases.values())) {
                    if (KbNames.hasLatin(latin)) {
                        for (String s : translit.arabicNames(latin, wordFallback, MAX_SPELLINGS)) {
                            if (!spellings.contains(s)) {
                                spellings.add(s);
                            }
                        }
                    }
                }
                if (spellings.isEmpty()) {
                    withoutArabic++;
                    untransliterated.add(d.nameEn);
                } else {
                    transliterated++;
                    spellings.forEach(s -> builder.alias(d, s));
                    d.nameAr = spellings.get(0);
                }
                for (String latin : new ArrayList<>(d.aliases.values())) {
                    if (KbNames.hasLatin(latin)) {
                        for (String surname : KbNames.shortNames(latin)) {
                            translit.arabicNames(surname, wordFallback, 2).forEach(s -> builder.shortName(d, s));
                        }
                    }
                }
            }
            for (String alias : new ArrayList<>(d.aliases.values())) {
                for (String s : KbNames.shortNames(alias)) {
                    builder.shortName(d, s);
                }
            }
            out.add(d);
        }
        return out;
    }

    private static long population(Countries countries, String iso2) {
        Countries.Country c = iso2 == null ? null : countries.byIso2.get(iso2);
        return c == null ? -1 : c.population;
    }

    private void legislator(KbBuilder builder, Set<String> ids, Set<String> attestedArabic, String rawQid,
                            String en, String ar, String cc) {
        String qid = Names.clean(rawQid);
        String nameEn = Names.clean(en);
        String nameAr = Names.clean(ar);
        if (qid == null || !qid.matches("Q\\d+") || nameEn == null && nameAr == null) {
            return;
        }
        if (nameAr != null && !KbNames.isArabicScript(nameAr)) {
            nameAr = null;
        }
        Draft d = person(qid, nameEn, nameAr, LEGISLATOR_PRIOR);
        d.countryCode = cc;
        boolean known = ids.contains(qid);
        ids.add(builder.put(d).id);
        if (nameAr != null) {
            attestedArabic.add(qid);
        }
        if (!known) {
            legislators++;
        }
    }

    private static Draft person(String qid, String nameEn, String nameAr, double prior) {
        return Notables.draft(qid, EntityType.PERSON, "person", nameEn, nameAr, prior);
    }

    /** The country of an everypolitician source path ({@code data/United_States_of_America/House}). */
    private static String countryOf(String source, Map<String, String> countryIdByNameKey, KbBuilder builder) {
        String[] parts = source.split("/");
        if (parts.length < 2) {
            return null;
        }
        String id = countryIdByNameKey.get(KnowledgeBase.key(parts[1].replace('_', ' ')));
        return id == null ? null : builder.get(id).countryCode;
    }
}
