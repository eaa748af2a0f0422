package io.khabar.bench.kb;

import io.khabar.entities.EntityExtractor;
import io.khabar.entities.linking.EntityLinker;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.matching.MatchingAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newsroom loads its own Wikidata extract on top of the shipped knowledge base: the importer streams the dump
 * (here a one-entity sample written for this test, in the dump's shape) into a knowledge-base file, and the
 * extractor links to what it holds, in both scripts.
 */
class NewsroomKnowledgeTest {
    @Test
    void entitiesOfANewsroomExtractAreLinked(@TempDir Path dir) throws Exception {
        Path dump = Path.of(getClass().getResource("newsroom-wikidata.json").toURI());
        Path kb = dir.resolve("newsroom.tsv.gz");
        WikidataImporter.Summary summary = new WikidataImporter(KnowledgeBase.load(), new PrintStream(
                java.io.OutputStream.nullOutputStream())).run(dump, kb);
        assertThat(summary.written()).isEqualTo(1);

        String text = "التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري في عمان، وقال الصفدي إن المحادثات بناءة.";
        EntityExtractor shipped = EntityExtractor.load(new MatchingAnalyzer(), List.of());
        EntityLinker.Result without = shipped.extract(text, null, "ar", List.of(), List.of(), List.of());
        assertThat(without.entities()).extracting(e -> e.id()).doesNotContain("Q16198328");

        EntityExtractor newsroom = EntityExtractor.load(new MatchingAnalyzer(), List.of(kb));
        EntityLinker.Result ar = newsroom.extract(text, null, "ar", List.of(), List.of(), List.of());
        assertThat(ar.entities()).filteredOn(e -> e.id().equals("Q16198328")).singleElement()
                .satisfies(e -> {
                    assertThat(e.nameEn()).isEqualTo("Ayman Safadi");
                    assertThat(e.countryCode()).isEqualTo("JO");
                    assertThat(e.mentions()).extracting(m -> text.substring(m.start(), m.end()))
                            .containsExactly("أيمن الصفدي", "الصفدي");
                });
        EntityLinker.Result en = newsroom.extract("Jordan's Foreign Minister Ayman Safadi met his Egyptian"
                + " counterpart in Amman.", null, "en", List.of(), List.of(), List.of());
        assertThat(en.entities()).extracting(e -> e.id()).contains("Q16198328");
    }
}
