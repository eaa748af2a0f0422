package io.khabar.bench.kb;

import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KbEntity;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.knowledge.Names;
import io.khabar.text.Scores;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The compiler's mutable knowledge base: entity drafts by id (a draft added under an existing id merges into it),
 * indexes from alias and short-name keys to drafts, fresh {@code khabar:} ids, and the demonyms. Aliases whose key
 * is a very common word are refused.
 */
final class KbBuilder {
    private final LinkedHashMap<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, List<Draft>> aliasIndex = new HashMap<>();
    private final Map<String, List<Draft>> shortIndex = new HashMap<>();
    private final Map<String, String> nisba = new TreeMap<>();
    private final Set<String> commonWords;
    private int refusedAliases;

    KbBuilder(Set<String> commonWords) {
        this.commonWords = commonWords;
    }

    /** An entity under construction. Aliases and short names are kept by key: the first spelling of a key stays. */
    static final class Draft {
        String id;
        EntityType type;
        String kind;
        String nameEn;
        String nameAr;
        final LinkedHashMap<String, String> aliases = new LinkedHashMap<>();
        final LinkedHashMap<String, String> shortNames = new LinkedHashMap<>();
        String qid;
        Double lat;
        Double lon;
        String countryCode;
        Long geonamesId;
        long population;
        double prior;
        /** From a curated source (countries, places, people), not only from name pairs. */
        boolean curated = true;

        Draft(EntityType type, String kind) {
            this.type = type;
            this.kind = kind;
        }

        /** Adds names as aliases under their lookup key; a key already present keeps its first spelling. */
        void addAliases(java.util.Collection<String> names) {
            names.forEach(n -> aliases.putIfAbsent(KnowledgeBase.key(n), n));
        }

        KbEntity toEntity() {
            List<String> all = new ArrayList<>(aliases.values());
            return new KbEntity(id, type, kind, nameEn, nameAr, all,
                    qid == null ? List.of() : new ArrayList<>(shortNames.values()), qid, lat, lon, countryCode,
                    geonamesId, population, Scores.round3(prior));
        }
    }

    Draft get(String id) {
        return drafts.get(id);
    }

    Collection<Draft> drafts() {
        return drafts.values();
    }

    int refusedAliases() {
        return refusedAliases;
    }

    /**
     * Adds a draft with its id set, or merges it into the draft already under that id (aliases and short names added,
     * missing fields filled, the higher prior, a curated flag if either is). Returns the draft that is kept.
     */
    Draft put(Draft d) {
        Draft old = drafts.get(d.id);
        if (old == null) {
            drafts.put(d.id, d);
            List<String> aliases = new ArrayList<>(d.aliases.values());
            List<String> shorts = new ArrayList<>(d.shortNames.values());
            d.aliases.clear();
            d.shortNames.clear();
            if (d.nameEn != null) {
                alias(d, d.nameEn);
            }
            if (d.nameAr != null) {
                alias(d, d.nameAr);
            }
            aliases.forEach(a -> alias(d, a));
            shorts.forEach(s -> shortName(d, s));
            return d;
        }
        if (old.nameEn == null && d.nameEn != null) {
            old.nameEn = d.nameEn;
        }
        if (old.nameAr == null && d.nameAr != null) {
            old.nameAr = d.nameAr;
        }
        for (String name : new String[]{d.nameEn, d.nameAr}) {
            if (name != null) {
                alias(old, name);
            }
        }
        d.aliases.values().forEach(a -> alias(old, a));
        d.shortNames.values().forEach(s -> shortName(old, s));
        if (old.qid == null) {
            old.qid = d.qid;
        }
        if (old.lat == null && d.lat != null) {
            old.lat = d.lat;
            old.lon = d.lon;
        }
        if (old.countryCode == null) {
            old.countryCode = d.countryCode;
        }
        if (old.geonamesId == null) {
            old.geonamesId = d.geonamesId;
        }
        if (old.population == 0) {
            old.population = d.population;
        }
        old.prior = Math.max(old.prior, d.prior);
        old.curated |= d.curated;
        return old;
    }

    /** Moves a draft to a new id not yet taken (a place that is given its QID); its names stay indexed. */
    void rekey(Draft d, String id) {
        if (drafts.containsKey(id) || drafts.get(d.id) != d) {
            throw new IllegalStateException("cannot move " + d.id + " to " + id);
        }
        drafts.remove(d.id);
        d.id = id;
        drafts.put(id, d);
    }

    /** Adds a full-name alias (cleaned); false if its key is empty, a common word, or already an alias. */
    boolean alias(Draft d, String name) {
        String clean = Names.clean(name);
        if (clean == null) {
            return false;
        }
        String key = KnowledgeBase.key(clean);
        if (key.isEmpty() || commonWords.contains(key)) {
            refusedAliases++;
            return false;
        }
        if (d.aliases.putIfAbsent(key, clean) != null) {
            return false;
        }
        if (drafts.get(d.id) == d) {
            aliasIndex.computeIfAbsent(key, k -> new ArrayList<>(1)).add(d);
        }
        return true;
    }

    /** Adds a short (surname) form; false if its key is empty, a common word, already known, or a full alias. */
    boolean shortName(Draft d, String name) {
        String clean = Names.clean(name);
        if (clean == null) {
            return false;
        }
        String key = KnowledgeBase.key(clean);
        if (key.isEmpty() || commonWords.contains(key) || d.aliases.containsKey(key)) {
            return false;
        }
        if (d.shortNames.putIfAbsent(key, clean) != null) {
            return false;
        }
        if (drafts.get(d.id) == d) {
            shortIndex.computeIfAbsent(key, k -> new ArrayList<>(1)).add(d);
        }
        return true;
    }

    /** Removes an alias (by key) and its index entry; the canonical names are cleared if they had that key. */
    void removeAlias(Draft d, String key) {
        if (d.aliases.remove(key) != null) {
            List<Draft> l = aliasIndex.get(key);
            if (l != null) {
                l.remove(d);
            }
            if (d.nameEn != null && KnowledgeBase.key(d.nameEn).equals(key)) {
                d.nameEn = null;
            }
            if (d.nameAr != null && KnowledgeBase.key(d.nameAr).equals(key)) {
                d.nameAr = null;
            }
        }
    }

    List<Draft> byAlias(String key) {
        return aliasIndex.getOrDefault(key, List.of());
    }

    List<Draft> byShortName(String key) {
        return shortIndex.getOrDefault(key, List.of());
    }

    boolean isCommonWord(String key) {
        return commonWords.contains(key);
    }

    /**
     * A new {@code khabar:<type>:<slug>} id for a name key; when taken, the country code and then the GeoNames id
     * are appended, then a counter. Deterministic for the same input order.
     */
    String freshId(EntityType type, String key, String countryCode, Long geonamesId) {
        String base = "khabar:" + type.name().toLowerCase(Locale.ROOT) + ":" + KbNames.slug(key);
        if (!drafts.containsKey(base)) {
            return base;
        }
        if (countryCode != null) {
            base = base + "-" + countryCode.toLowerCase(Locale.ROOT);
            if (!drafts.containsKey(base)) {
                return base;
            }
        }
        if (geonamesId != null) {
            base = base + "-" + geonamesId;
            if (!drafts.containsKey(base)) {
                return base;
            }
        }
        for (int i = 2; ; i++) {
            if (!drafts.containsKey(base + "-" + i)) {
                return base + "-" + i;
            }
        }
    }

    /** The id of the slug of a name key, whether taken or not (name-pair entries merge under it). */
    static String slugId(EntityType type, String key) {
        return "khabar:" + type.name().toLowerCase(Locale.ROOT) + ":" + KbNames.slug(key);
    }

    Map<String, String> nisba() {
        return nisba;
    }

    List<KbEntity> entities() {
        List<KbEntity> out = new ArrayList<>(drafts.size());
        for (Draft d : drafts.values()) {
            out.add(d.toEntity());
        }
        return out;
    }
}
