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
    void aQidHeldByARegionOrAMisnamedPlaceGoesToTheTownOnlyWhereThatIsPlausible() {
        KbBuilder.Draft berlinState = place("Berlin", null, "Q64", null, 0);
        berlinState.kind = "region";
        berlinState.countryCode = "DE";
        berlinState.lat = 52.51;
        berlinState.lon = 13.40;
        KbBuilder.Draft berlin = place("Berlin", null, null, 2950159L, 3_426_354);
        berlin.countryCode = "DE";
        berlin.lat = 52.52;
        berlin.lon = 13.41;
        assertThat(Notables.heldByAnotherPlace(berlinState, "Berlin")).as("a region").isTrue();
        assertThat(Notables.sameTownPlausibly(berlinState, berlin)).isTrue();

        KbBuilder.Draft washingtonState = place("Washington", null, "Q1223", null, 0);
        washingtonState.kind = "region";
        washingtonState.countryCode = "US";
        washingtonState.lat = 47.4;
        washingtonState.lon = -120.5;
        KbBuilder.Draft dc = place("Washington", null, null, 4140963L, 689_545);
        dc.countryCode = "US";
        dc.lat = 38.9;
        dc.lon = -77.0;
        assertThat(Notables.sameTownPlausibly(washingtonState, dc)).as("a state is not its namesake city").isFalse();

        KbBuilder.Draft shangmei = place("Shangmei", null, "Q8686", 1788869L, 75_233);
        assertThat(Notables.heldByAnotherPlace(shangmei, "Shanghai")).as("a place without that name").isTrue();
        assertThat(Notables.heldByAnotherPlace(shangmei, "Shangmei")).isFalse();
        KbBuilder.Draft odesa = place("Odesa", null, "Q1874", null, 0);
        odesa.countryCode = "UA";
        KbBuilder.Draft odessaTexas = place("Odessa", null, null, 5527554L, 99_940);
        odessaTexas.countryCode = "US";
        assertThat(Notables.sameTownPlausibly(odesa, odessaTexas)).as("another country").isFalse();
    }

    @Test
    void aClubIsNamedWithoutTheWordsThatOnlySayItIsAClub() {
        assertThat(Notables.clubShortName("FC Barcelona")).isEqualTo("Barcelona");
        assertThat(Notables.clubShortName("Olympique de Marseille")).isEqualTo("Marseille");
        assertThat(Notables.clubShortName("FC Schalke 04")).isEqualTo("Schalke");
        assertThat(Notables.clubShortName("SV Werder Bremen")).isEqualTo("Werder Bremen");
        assertThat(Notables.clubShortName("FC Girondins de Bordeaux")).isEqualTo("Girondins de Bordeaux");
        assertThat(Notables.clubShortName("نادي برشلونة")).isEqualTo("برشلونة");
        assertThat(Notables.clubShortName("Manchester United")).as("nothing to leave out").isNull();
        assertThat(Notables.clubShortName("AC")).isNull();
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
