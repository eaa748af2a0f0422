package io.khabar.bench.kb;

import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KbEntity;
import io.khabar.knowledge.KnowledgeBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small dump in Wikidata's JSON shape (wikidata-sample.json: Putin, Moscow, the United Nations, the Mona Lisa as
 * a type the importer skips, Melbourne, and one truncated line) imported and loaded over the default.
 */
class WikidataImporterTest {
    @TempDir
    Path dir;

    private static Path sample() throws URISyntaxException {
        return Path.of(WikidataImporterTest.class.getResource("wikidata-sample.json").toURI());
    }

    @Test
    void importsItemsOfKnownTypesAndReportsTheMalformedLine() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path out = dir.resolve("newsroom.tsv.gz");
        WikidataImporter.Summary s = new WikidataImporter(KnowledgeBase.load(),
                new PrintStream(log, true, StandardCharsets.UTF_8)).run(sample(), out);
        assertThat(s).extracting(WikidataImporter.Summary::items, WikidataImporter.Summary::written,
                WikidataImporter.Summary::skippedType, WikidataImporter.Summary::malformed)
                .containsExactly(5L, 4L, 1L, 1L);
        assertThat(s.malformedLines()).containsExactly(5L);
        assertThat(s.byKind()).isEqualTo(Map.of("person", 1L, "city", 2L, "organization", 1L));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("line 5: not a JSON entity").contains("done:");

        KnowledgeBase alone = KnowledgeBase.read(java.nio.file.Files.newInputStream(out));
        KbEntity moscow = alone.byId("Q649").orElseThrow();
        assertThat(moscow).extracting(KbEntity::type, KbEntity::kind, KbEntity::countryCode, KbEntity::geonamesId,
                KbEntity::population).containsExactly(EntityType.LOCATION, "city", "RU", 524901L, 13010112L);
        assertThat(moscow.lat()).isEqualTo(55.75583);
        assertThat(alone.byId("Q3141").orElseThrow().population()).as("the preferred statement").isEqualTo(4917750L);
        KbEntity putin = alone.byId("Q7747").orElseThrow();
        assertThat(putin.countryCode()).as("citizenship, the deprecated statement left out").isEqualTo("RU");
        assertThat(putin.aliases()).containsExactly("Vladimir Putin", "فلاديمير بوتين", "Vladimir Vladimirovich Putin",
                "Putin", "فلاديمير فلاديميروفيتش بوتين");
        assertThat(putin.shortNames()).containsExactly("بوتين");
        assertThat(alone.byId("Q12418")).isEmpty();
        assertThat(alone.byId("Q999999")).isEmpty();
    }

    @Test
    void aGzippedDumpGivesTheSameFile() throws Exception {
        Path gz = dir.resolve("sample.json.gz");
        try (java.io.OutputStream o = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
            java.nio.file.Files.copy(sample(), o);
        }
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        WikidataImporter importer = new WikidataImporter(KnowledgeBase.load(), quiet);
        importer.run(sample(), dir.resolve("plain.tsv.gz"));
        WikidataImporter.Summary s = importer.run(gz, dir.resolve("gz.tsv.gz"));
        assertThat(s.written()).isEqualTo(4L);
        assertThat(KnowledgeBase.read(java.nio.file.Files.newInputStream(dir.resolve("gz.tsv.gz"))).entities())
                .containsExactlyElementsOf(KnowledgeBase.read(java.nio.file.Files.newInputStream(
                        dir.resolve("plain.tsv.gz"))).entities());
    }

    @Test
    void theImportedFileAddsToTheDefaultKnowledgeBase() throws Exception {
        Path out = dir.resolve("newsroom.tsv.gz");
        new WikidataImporter(KnowledgeBase.load(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run(sample(), out);
        KnowledgeBase kb = KnowledgeBase.load(List.of(out));
        assertThat(KnowledgeBase.load().byId("Q1065")).as("the default knows the United Nations").isPresent();
        assertThat(kb.size()).as("no new entity: the sample's United Nations merges by QID")
                .isEqualTo(KnowledgeBase.load().size());

        KbEntity un = kb.lookup("الأمم المتحدة").get(0).entity();
        assertThat(un).extracting(KbEntity::id, KbEntity::type).containsExactly("Q1065", EntityType.ORGANIZATION);
        assertThat(kb.lookup("United Nations").get(0).entity()).isSameAs(un);
        assertThat(kb.lookup("منظمة الأمم المتحدة").get(0).entity()).isSameAs(un);

        KbEntity moscow = kb.lookup("Moskva").get(0).entity();
        assertThat(moscow.id()).as("same id merges").isEqualTo("Q649");
        assertThat(kb.lookup("City of Moscow")).extracting(c -> c.entity().id()).containsExactly("Q649");
        assertThat(moscow.population()).as("the default's value stays").isEqualTo(
                KnowledgeBase.load().byId("Q649").orElseThrow().population());

        String before = KnowledgeBase.load().lookup("Melbourne").get(0).entity().id();
        assertThat(before).startsWith("khabar:location:");
        KbEntity melbourne = kb.lookup("Melbourne, Victoria").get(0).entity();
        assertThat(melbourne.id()).as("a place without a QID takes the QID of the import with its GeoNames id")
                .isEqualTo("Q3141");
        assertThat(melbourne).extracting(KbEntity::qid, KbEntity::geonamesId, KbEntity::kind)
                .containsExactly("Q3141", 2158177L, "city");
        assertThat(kb.lookup("Naarm")).extracting(c -> c.entity().id()).containsExactly("Q3141");
        assertThat(kb.lookup("ملبورن").get(0).entity()).as("the default's Arabic name").isSameAs(melbourne);
        assertThat(kb.byId(before)).as("the old id still finds it").containsSame(melbourne);
        assertThat(kb.lookup("Melbourne")).extracting(c -> c.entity().id()).doesNotContain(before);

        assertThat(kb.lookup("Putin")).filteredOn(c -> c.entity().id().equals("Q7747")).hasSize(1);
        assertThat(kb.nisba("الروسي")).map(KbEntity::id).hasValue("Q159");
    }
}
