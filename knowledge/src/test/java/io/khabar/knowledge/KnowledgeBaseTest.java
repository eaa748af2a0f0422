package io.khabar.knowledge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiled default knowledge base: the lookups, demonyms and place data the linker relies on. */
class KnowledgeBaseTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.load();
    }

    @Test
    void theDefaultLoadsInAboutASecond() throws Exception {
        // a fresh read of the resource (load() itself may already have run in this JVM); under 3 s on one idle core,
        // so the bound here only catches a regression by an order of magnitude on a busy machine
        long start = System.nanoTime();
        KnowledgeBase fresh;
        try (java.io.InputStream in = KnowledgeBase.class.getResourceAsStream(KnowledgeBase.RESOURCE)) {
            fresh = KnowledgeBase.read(in);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("default knowledge base: %,d entities, %,d demonyms, longest alias %d words, %,d ms%n",
                fresh.size(), fresh.nisbaSize(), fresh.maxAliasWords(), ms);
        assertThat(fresh.size()).isEqualTo(kb.size()).isGreaterThan(100_000);
        assertThat(ms).isLessThan(10_000);
    }

    private static List<String> ids(String name) {
        return kb.lookup(name).stream().map(c -> c.entity().id()).toList();
    }

    private static Candidate first(String name) {
        assertThat(kb.lookup(name)).as(name).isNotEmpty();
        return kb.lookup(name).get(0);
    }

    @Test
    void putinIsFoundByFullNameInBothScriptsAndBySurname() {
        for (String name : List.of("Vladimir Putin", "فلاديمير بوتين")) {
            Candidate c = first(name);
            assertThat(c.entity().id()).isEqualTo("Q7747");
            assertThat(c.shortForm()).isFalse();
        }
        for (String surname : List.of("Putin", "بوتين")) {
            assertThat(kb.lookup(surname)).filteredOn(c -> c.entity().id().equals("Q7747"))
                    .singleElement().extracting(Candidate::shortForm).isEqualTo(true);
        }
        KbEntity putin = kb.byId("Q7747").orElseThrow();
        assertThat(putin.type()).isEqualTo(EntityType.PERSON);
        assertThat(putin.kind()).isEqualTo("person");
        assertThat(putin.countryCode()).isEqualTo("RU");
        assertThat(putin.prior()).isEqualTo(0.9);
        assertThat(putin.shortNames()).contains("Putin", "بوتين");
    }

    @Test
    void assadIsFoundByArabicFullNameAndByTheSurnameWithAndWithoutArticle() {
        assertThat(first("بشار الأسد").entity().id()).isEqualTo("Q44329");
        assertThat(first("Bashar al-Assad").entity().id()).isEqualTo("Q44329");
        for (String surname : List.of("الأسد", "Assad", "al-Assad")) {
            assertThat(kb.lookup(surname)).as(surname).filteredOn(c -> c.entity().id().equals("Q44329"))
                    .singleElement().extracting(Candidate::shortForm).isEqualTo(true);
        }
        assertThat(kb.byId("Q44329").orElseThrow().countryCode()).isEqualTo("SY");
    }

    @Test
    void citiesAreFoundInBothScriptsWithTheirPlaceData() {
        KbEntity moscow = first("موسكو").entity();
        assertThat(first("Moscow").entity()).isSameAs(moscow);
        assertThat(moscow).extracting(KbEntity::id, KbEntity::qid, KbEntity::geonamesId, KbEntity::countryCode,
                KbEntity::kind).containsExactly("Q649", "Q649", 524901L, "RU", "city");
        assertThat(moscow.lat()).isCloseTo(55.75, org.assertj.core.data.Offset.offset(0.1));
        assertThat(moscow.lon()).isCloseTo(37.62, org.assertj.core.data.Offset.offset(0.1));
        assertThat(moscow.population()).isGreaterThan(10_000_000);

        KbEntity sochi = first("Sochi").entity();
        assertThat(first("سوتشي").entity()).isSameAs(sochi);
        assertThat(sochi).extracting(KbEntity::countryCode, KbEntity::geonamesId).containsExactly("RU", 491422L);

        KbEntity damascus = first("دمشق").entity();
        assertThat(first("Damascus").entity()).isSameAs(damascus);
        assertThat(damascus).extracting(KbEntity::qid, KbEntity::countryCode, KbEntity::geonamesId)
                .containsExactly("Q3766", "SY", 170654L);
        assertThat(damascus.lat()).isNotNull();
    }

    @Test
    void countriesAreFoundByTheirCommonNamesInBothScripts() {
        assertThat(ids("روسيا")).first().isEqualTo("Q159");
        assertThat(ids("Russia")).first().isEqualTo("Q159");
        for (String syria : List.of("سوريا", "سورية", "Syria")) {
            assertThat(ids(syria)).as(syria).first().isEqualTo("Q858");
        }
        assertThat(ids("Turkey")).first().isEqualTo("Q43");
        assertThat(ids("تركيا")).first().isEqualTo("Q43");
        assertThat(ids("Iran")).first().isEqualTo("Q794");
        assertThat(ids("إيران")).first().isEqualTo("Q794");
        assertThat(ids("ايران")).as("hamza variant").first().isEqualTo("Q794");
        assertThat(ids("الولايات المتحدة")).first().isEqualTo("Q30");
        assertThat(ids("United States")).first().isEqualTo("Q30");
        assertThat(ids("السعودية")).first().isEqualTo("Q851");
    }

    @Test
    void everyCountryHasCoordinatesACodeAndTopPrior() {
        List<KbEntity> countries = new java.util.ArrayList<>();
        kb.entities().forEach(e -> {
            if ("country".equals(e.kind())) {
                countries.add(e);
            }
        });
        assertThat(countries).hasSizeGreaterThan(240).allSatisfy(c -> {
            assertThat(c.lat()).as(c.id()).isNotNull();
            assertThat(c.countryCode()).as(c.id()).hasSize(2);
            assertThat(c.prior()).isEqualTo(1.0);
        });
        KbEntity russia = kb.byId("Q159").orElseThrow();
        assertThat(russia).extracting(KbEntity::nameEn, KbEntity::nameAr, KbEntity::countryCode, KbEntity::geonamesId)
                .containsExactly("Russia", "روسيا", "RU", 2017370L);
    }

    @Test
    void theSameIdIsFoundFromBothScripts() {
        List<String[]> pairs = List.of(new String[]{"Vladimir Putin", "فلاديمير بوتين"},
                new String[]{"Moscow", "موسكو"}, new String[]{"Damascus", "دمشق"}, new String[]{"Turkey", "تركيا"},
                new String[]{"Egypt", "مصر"}, new String[]{"Cairo", "القاهرة"});
        for (String[] p : pairs) {
            assertThat(ids(p[0])).as(p[0]).first().isEqualTo(ids(p[1]).get(0));
        }
    }

    @Test
    void nisbaAdjectivesGiveTheirCountry() {
        assertThat(kb.nisba("الروسي")).map(KbEntity::id).hasValue("Q159");
        assertThat(kb.nisba("الروسية")).map(KbEntity::id).hasValue("Q159");
        assertThat(kb.nisba("روسي")).map(KbEntity::id).hasValue("Q159");
        assertThat(kb.nisba("السوريون")).map(KbEntity::id).hasValue("Q858");
        assertThat(kb.nisba("التركي")).map(KbEntity::id).hasValue("Q43");
        assertThat(kb.nisba("الإيراني")).map(KbEntity::id).hasValue("Q794");
        assertThat(kb.nisba("الايراني")).as("hamza variant").map(KbEntity::id).hasValue("Q794");
        assertThat(kb.nisba("الأمريكي")).map(KbEntity::id).hasValue("Q30");
        assertThat(kb.nisba("Russian")).map(KbEntity::id).hasValue("Q159");
        assertThat(kb.nisba("Syrian")).map(KbEntity::id).hasValue("Q858");
        assertThat(kb.nisba("Turkish")).map(KbEntity::id).hasValue("Q43");
        assertThat(kb.nisba("Iranian")).map(KbEntity::id).hasValue("Q794");
        assertThat(kb.nisba("American")).map(KbEntity::id).hasValue("Q30");
        assertThat(kb.nisba("British")).map(KbEntity::id).hasValue("Q145");
        assertThat(kb.nisba("French")).map(KbEntity::id).hasValue("Q142");
    }

    @Test
    void wordsThatAreNotDemonymsGiveNothing() {
        assertThat(kb.nisba("مالي")).as("Mali, and 'financial'").isEmpty();
        assertThat(kb.nisba("موسكو")).isEmpty();
        assertThat(kb.nisba("في")).isEmpty();
        assertThat(kb.nisba("Moscow")).isEmpty();
    }

    @Test
    void fullNameMatchesComeBeforeShortOnes() {
        List<Candidate> found = kb.lookup("بوتين");
        int firstShort = found.size();
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).shortForm()) {
                firstShort = Math.min(firstShort, i);
            } else {
                assertThat(i).isLessThan(firstShort);
            }
        }
        assertThat(kb.lookupKey(KnowledgeBase.key("Vladimir Putin"))).isEqualTo(kb.lookup("vladimir  PUTIN"));
    }

    @Test
    void shortNamesOnlyForPeopleAndClubsWithQids() {
        kb.entities().forEach(e -> {
            if (!e.shortNames().isEmpty()) {
                assertThat(e.qid()).as(e.id()).isNotNull();
                assertThat(e.type()).as(e.id()).isIn(EntityType.PERSON, EntityType.ORGANIZATION);
            }
        });
        // a surname (Putin) and a club's city (Barcelona) are short forms, never full names
        assertThat(kb.lookup("Putin")).filteredOn(c -> c.entity().id().equals("Q7747"))
                .singleElement().satisfies(c -> assertThat(c.shortForm()).isTrue());
        assertThat(kb.lookup("Barcelona")).filteredOn(c -> c.entity().id().equals("Q7156"))
                .singleElement().satisfies(c -> assertThat(c.shortForm()).isTrue());
        assertThat(kb.lookup("Barcelona")).filteredOn(c -> c.entity().id().equals("Q1492"))
                .singleElement().satisfies(c -> assertThat(c.shortForm()).isFalse());
    }

    @Test
    void namePairOnlyEntriesHaveKhabarIdsAndLowPrior() {
        kb.entities().forEach(e -> {
            if (e.qid() == null) {
                assertThat(e.id()).startsWith("khabar:" + e.type().name().toLowerCase(java.util.Locale.ROOT) + ":");
            }
        });
        assertThat(kb.maxAliasWords()).isBetween(4, 20);
    }
}
