package io.khabar.bench.kb;

import io.khabar.bench.kb.KbBuilder.Draft;
import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.knowledge.Names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ANETAC's English-Arabic named-entity pairs ({@code CLASS English Arabic}, one word each side, no QIDs). A pair
 * whose English or Arabic side is the key of an alias of an entity of a compatible type ({@link #compatible}) adds
 * the other side as an alias of each such entity; a person pair matching a short name adds the other side as a
 * short name. Otherwise the pair becomes an entity of its own ({@code khabar:} id, prior {@value #PRIOR}), unless
 * a side is the name of an entity of another type from a curated source (ANETAC's classes are automatic: it has "Damascus" as a person) or a demonym.
 */
final class NamePairs {
    static final double PRIOR = 0.2;

    int pairs;
    int attached;
    int created;
    int typeConflicts;
    int demonyms;
    int commonWords;

    /** The person pairs as a word fallback for transliteration: English key -> Arabic. */
    static Map<String, String> personWords(Path kb) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String[] p : read(kb)) {
            if (p[0].equals("PERSON")) {
                out.putIfAbsent(KnowledgeBase.key(p[1]), p[2]);
            }
        }
        return out;
    }

    void apply(Path kb, KbBuilder builder, Set<String> nisbaKeys) throws IOException {
        for (String[] p : read(kb)) {
            pairs++;
            EntityType type = switch (p[0]) {
                case "PERSON" -> EntityType.PERSON;
                case "LOCATION" -> EntityType.LOCATION;
                case "ORGANIZATION" -> EntityType.ORGANIZATION;
                default -> null;
            };
            String en = Names.clean(p[1]);
            String ar = Names.clean(p[2]);
            if (type == null || en == null || ar == null || !KbNames.isArabicScript(ar)) {
                continue;
            }
            String ke = KnowledgeBase.key(en);
            String ka = KnowledgeBase.key(ar);
            if (ke.isEmpty() || ka.isEmpty()) {
                continue;
            }
            if (nisbaKeys.contains(ke) || nisbaKeys.contains(ka)) {
                demonyms++;
                continue;
            }
            if (builder.isCommonWord(ke) || builder.isCommonWord(ka)) {
                commonWords++;
                continue;
            }
            boolean matched = false;
            for (Draft d : List.copyOf(builder.byAlias(ke))) {
                if (compatible(d.type, type)) {
                    builder.alias(d, ar);
                    matched = true;
                }
            }
            for (Draft d : List.copyOf(builder.byAlias(ka))) {
                if (compatible(d.type, type)) {
                    builder.alias(d, en);
                    matched = true;
                }
            }
            if (type == EntityType.PERSON) {
                for (Draft d : List.copyOf(builder.byShortName(ke))) {
                    if (compatible(d.type, type)) {
                        builder.shortName(d, ar);
                        matched = true;
                    }
                }
                for (Draft d : List.copyOf(builder.byShortName(ka))) {
                    if (compatible(d.type, type)) {
                        builder.shortName(d, en);
                        matched = true;
                    }
                }
            }
            if (matched) {
                attached++;
                continue;
            }
            if (curatedOfOtherType(builder, ke, type) || curatedOfOtherType(builder, ka, type)) {
                typeConflicts++;
                continue;
            }
            Draft d = new Draft(type, switch (type) {
                case PERSON -> "person";
                case ORGANIZATION -> "organization";
                default -> "place";
            });
            d.id = KbBuilder.slugId(type, ke);
            d.nameEn = en;
            d.nameAr = ar;
            d.prior = PRIOR;
            d.curated = false;
            if (builder.get(d.id) == null) {
                created++;
            }
            builder.put(d);
        }
    }

    /**
     * Same type, or an ANETAC organisation pair for a place: parallel news text names governments and teams by their
     * city or country ("Moscow said"), and ANETAC's classes followed that use (it has Sochi only as an organisation).
     */
    static boolean compatible(EntityType entity, EntityType pair) {
        return entity == pair || pair == EntityType.ORGANIZATION && entity == EntityType.LOCATION;
    }

    private static boolean curatedOfOtherType(KbBuilder builder, String key, EntityType type) {
        for (Draft d : builder.byAlias(key)) {
            if (d.curated && !compatible(d.type, type)) {
                return true;
            }
        }
        return false;
    }

    private static List<String[]> read(Path kb) throws IOException {
        return Files.readAllLines(kb.resolve("anetac/EN-AR Named-entities.txt"), StandardCharsets.UTF_8).stream()
                .map(l -> l.strip().split("\\s+"))
                .filter(f -> f.length == 3)
                .toList();
    }
}
