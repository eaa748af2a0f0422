package io.khabar.knowledge;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The knowledge-base file format: what is written is read back unchanged. */
class KbFileTest {
    private static final KbEntity MOSCOW = new KbEntity("Q649", EntityType.LOCATION, "city", "Moscow", "موسكو",
            List.of("Moscow", "موسكو", "Moskva"), List.of(), "Q649", 55.75204, 37.61781, "RU", 524901L, 10381222L,
            0.835);
    private static final KbEntity PUTIN = new KbEntity("Q7747", EntityType.PERSON, "person", "Vladimir Putin", null,
            List.of("Vladimir Putin", "فلاديمير بوتين"), List.of("Putin", "بوتين"), "Q7747", null, null, "RU", null,
            0, 0.9);
    private static final KbEntity PAIR = new KbEntity("khabar:organization:vodacom", EntityType.ORGANIZATION,
            "organization", "Vodacom", "فوداكوم", List.of("Vodacom", "فوداكوم"), List.of(), null, null, null, null,
            null, 0, 0.2);

    private static byte[] write(List<KbEntity> entities, Map<String, String> nisba) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KbFile.write(out, entities, nisba);
        return out.toByteArray();
    }

    @Test
    void entitiesAndDemonymsRoundTrip() {
        byte[] file = write(List.of(MOSCOW, PUTIN, PAIR), Map.of("الروسي", "Q159"));
        KbFile.Contents read = KbFile.read(new ByteArrayInputStream(file));
        assertThat(read.entities()).containsExactly(MOSCOW, PUTIN, PAIR);
        assertThat(read.nisba()).containsExactly(Map.entry("الروسي", "Q159"));
    }

    @Test
    void aKnowledgeBaseReadFromAFileFindsItsEntitiesAndWritesTheSameFileAgain() {
        byte[] file = write(List.of(MOSCOW, PUTIN, PAIR), Map.of());
        KnowledgeBase kb = KnowledgeBase.read(new ByteArrayInputStream(file));
        assertThat(kb.size()).isEqualTo(3);
        assertThat(kb.lookup("moskva")).extracting(c -> c.entity().id()).containsExactly("Q649");
        assertThat(kb.lookup("بوتين")).extracting(c -> c.entity().id(), Candidate::shortForm)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Q7747", true));
        List<KbEntity> again = new java.util.ArrayList<>();
        kb.entities().forEach(again::add);
        assertThat(KbFile.read(new ByteArrayInputStream(write(again, Map.of()))).entities())
                .containsExactly(MOSCOW, PUTIN, PAIR);
    }

    @Test
    void separatorsInsideValuesAreRefused() {
        KbEntity bad = new KbEntity("x", EntityType.MISC, "place", "a|b", null, List.of("a|b"), List.of(), null,
                null, null, null, null, 0, 0.2);
        assertThatThrownBy(() -> write(List.of(bad), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Names.clean(" a|b\tc\n d ")).isEqualTo("a b c d");
    }

    @Test
    void aFileOfANewerFormatOrAnotherKindIsRefused() throws Exception {
        assertThatThrownBy(() -> KbFile.read(new ByteArrayInputStream(gzip("khabar-kb\t2\n"))))
                .hasMessageContaining("newer");
        assertThatThrownBy(() -> KbFile.read(new ByteArrayInputStream(gzip("id\tname\n"))))
                .hasMessageContaining("not a khabar knowledge-base file");
    }

    private static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
