package io.khabar.bench.kb;

import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A settlement that CultLAMA names gives its QID to the place of the place data that is the same town. */
class NotablesTest {
    private final KbBuilder kb = new KbBuilder(Set.of());

    private KbBuilder.Draft place(String en, String ar, String qid, Long geonamesId, long population) {
        KbBuilder.Draft d = Notables.draft(qid, EntityType.LOCATION, "city", en, ar, 0.5);
        d.id = qid != null ? qid : kb.freshId(EntityType.LOCATION, KnowledgeBase.key(en), "XX", geonamesId);
        d.geonamesId = geonamesId;
        d.population = population;
        return kb.put(d);
    }

    @Test
    void theMostPopulousTownOfThatNameWhoseArabicNamesAgreeIsChosen() {
        place("Sochi", null, null, 1L, 1_000);
        KbBuilder.Draft big = place("Sochi", null, null, 2L, 300_000);
        place("Sochi", "سوتشي", "Q1", 3L, 900_000); // has a QID already
        place("Sochi", "شيء آخر", null, 4L, 800_000); // its Arabic names are another town's
        place("Sochi", null, null, null, 700_000); // a region of the data, not a GeoNames town

        assertThat(Notables.placeWithoutQid(kb, "Sochi", "سوتشي")).isSameAs(big);
        assertThat(Notables.placeWithoutQid(kb, "Sochi", null)).extracting(d -> d.geonamesId).isEqualTo(4L);
        assertThat(Notables.placeWithoutQid(kb, "Sotchi", "سوتشي")).isNull();
        assertThat(Notables.placeWithoutQid(kb, null, "سوتشي")).isNull();
    }

    @Test
    void aPlaceGivenItsQidMovesToItAndKeepsItsNamesIndexed() {
        KbBuilder.Draft sochi = place("Sochi", null, null, 491422L, 327_608);
        String old = sochi.id;
        kb.rekey(sochi, "Q39420");

        assertThat(kb.get("Q39420")).isSameAs(sochi);
        assertThat(kb.get(old)).isNull();
        assertThat(kb.byAlias(KnowledgeBase.key("Sochi"))).containsExactly(sochi);
        assertThatThrownBy(() -> kb.rekey(sochi, "Q39420")).isInstanceOf(IllegalStateException.class);
    }
}
