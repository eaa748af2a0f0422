package io.khabar.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khabar.events.Annotation;
import io.khabar.events.ArticleEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What editors see trending over the 826 real SaudiNewsNet articles of the shared sample: entities ranked by the
 * number of articles that mention them, as the store's trending list ranks them. Religious formulae, honorifics and
 * common words must not be there: a word of an Arabic stop-word list (stopwords-iso, read from the shared data) or a
 * formula word is never an entity name of the top 20; الله and the formulae's words are no entity anywhere, nor is
 * a common word written with a preposition (برضا, "with satisfaction").
 */
class TrendingNotEntitiesTest {
    private static final Path DATA = Path.of("../../shared/data");
    private static final List<Articles.Extracted> ARTICLES = new ArrayList<>();

    @BeforeAll
    static void extractTheSample() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(DATA.resolve("news/ar/saudinewsnet/sample_00.jsonl"),
                StandardCharsets.UTF_8)) {
            JsonNode n = json.readTree(line);
            ARTICLES.add(Articles.extract(n.path("title").asText(), n.path("content").asText()));
        }
    }

    /** Entity id to the names its mentions are written with, and the number of articles that mention it. */
    private static List<Map.Entry<String, Integer>> trending() {
        Map<String, Integer> articles = new HashMap<>();
        for (Articles.Extracted a : ARTICLES) {
            for (ArticleEntity e : a.result().entities()) {
                if (!e.mentions().isEmpty() || e.inTitle()) {
                    articles.merge(e.id() + "\t" + e.name(), 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(articles.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
        return ranked;
    }

    @Test
    void theTopTwentyHoldNoFormulaNoHonorificAndNoCommonWord() throws IOException {
        assertThat(ARTICLES).hasSize(826);
        Set<String> common = new HashSet<>();
        for (String w : Files.readAllLines(DATA.resolve("stopwords/ar/stopwords-iso-ar/stopwords-ar.txt"),
                StandardCharsets.UTF_8)) {
            if (!w.isBlank()) {
                common.add(w.strip());
            }
        }
        common.addAll(List.of("الله", "لله", "تعالى", "سبحانه", "رحمه", "رضي", "عليه", "السلام", "الشيخ", "السيد",
                "سمو", "معالي", "فضيلة", "الأمير", "الملك"));
        List<Map.Entry<String, Integer>> top = trending().subList(0, 20);
        String shown = top.stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("\n"));
        System.out.println("trending on the SaudiNewsNet sample:\n" + shown);
        for (Map.Entry<String, Integer> e : top) {
            String name = e.getKey().substring(e.getKey().indexOf('\t') + 1);
            assertThat(common).as("%s is trending:%n%s", name, shown).doesNotContain(name);
            for (String word : name.split(" ")) {
                assertThat(word.length()).as("a name of one-letter words: %s", name).isGreaterThan(1);
            }
        }
    }

    @Test
    void godIsNoEntityAndFormulaeAreLeftAlone() {
        List<String> found = new ArrayList<>();
        for (Articles.Extracted a : ARTICLES) {
            for (Annotation an : a.result().annotations()) {
                if (an.kind().equals("entity")) {
                    String text = a.text().substring(an.start(), an.end());
                    boolean afterPreposition = an.start() > 0 && a.text().charAt(an.start() - 1) == 'ب';
                    if (text.equals("الله") || text.equals("لله") || text.equals("سبحانه") || text.equals("تعالى")
                            || text.equals("رضا") && afterPreposition) { // برضا: "with satisfaction"
                        found.add(text + " in …" + a.text().substring(Math.max(0, an.start() - 30),
                                Math.min(a.text().length(), an.end() + 20)) + "…");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
