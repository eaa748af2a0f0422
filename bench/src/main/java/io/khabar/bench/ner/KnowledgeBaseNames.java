package io.khabar.bench.ner;

import io.khabar.entities.ner.EntityLabels;
import io.khabar.entities.ner.Gazetteer;
import io.khabar.entities.ner.WordKeys;
import io.khabar.knowledge.KbEntity;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.text.Scripts;

/**
 * Adds the knowledge base's names (full names and people's surnames) to a gazetteer: those written in Arabic script
 * for the Arabic model, the others for the English one. This is where recall on names the corpora never show comes
 * from (countries, 66,000 cities, leaders, legislators, 80,000 name pairs). Prominent entities and the long tail go
 * to separate gazetteers.
 */
final class KnowledgeBaseNames {
    /** Chosen on ANERcorp dev among 0.4, 0.5, 0.65 and 0.8 (docs/benchmarks.md, "Entities"). */
    static final double PROMINENT = 0.65;
    private KnowledgeBaseNames() {
    }

    /** Prominent entities (prior of at least {@value #PROMINENT}) to {@code g}, the others to {@code weak}. */
    static void addTo(Gazetteer strong, Gazetteer weak, WordKeys keys, String language) {
        boolean arabic = "ar".equals(language);
        for (KbEntity e : KnowledgeBase.load().entities()) {
            int type = EntityLabels.typeOf(e.type().name());
            if (type < 0) {
                continue;
            }
            Gazetteer g = e.prior() >= PROMINENT ? strong : weak;
            for (String alias : e.aliases()) {
                if (isArabic(alias) == arabic) {
                    NerData.add(g, keys, alias, type);
                }
            }
            for (String name : e.shortNames()) {
                if (isArabic(name) == arabic) {
                    NerData.add(g, keys, name, type);
                }
            }
        }
    }

    static boolean isArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Scripts.inArabicBlock(c)) {
                return true;
            }
            if (Character.isLetter(c)) {
                return false;
            }
        }
        return false;
    }
}
