package io.khabar.normalize.dedup;

import io.khabar.events.Duplicate;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed article, an exact copy under another id, a light rewrite (another outlet's edit of the same wire story),
 * and a different story on the same topic. Only the copy and the rewrite are marked, both with the seed's id.
 */
class DuplicateDetectionTest {
    private final ArticleNormalizer normalizer = new ArticleNormalizer();

    static String seedBody() throws Exception {
        String file = Files.readString(Path.of("../samples/kremlin-assad-visit.ar.txt"), StandardCharsets.UTF_8);
        return file.substring(file.indexOf('\n') + 1);
    }

    private NormalizedArticle normalize(String title, String body) {
        return normalizer.normalize(ArticleNormalizer.Input.of(title, body));
    }

    @Test
    void exactAndNearDuplicatesAreMarkedADifferentStoryIsNot() throws Exception {
        String seed = seedBody();
        String title = "الكرملين يعلن تفاصيل زيارة بشار الأسد السرية لموسكو أمس الإثنين";
        // a light rewrite: other words here and there, diacritics added, a sentence dropped
        String rewrite = seed.replace("كشف الكرملين في وقت مبكر من صباح هذا اليوم", "أعلن الكرملين صباح اليوم")
                .replace("منتجع سوتشي", "منتجع سوتشي الروسي")
                .replace("وأبدى استعداده للتحاور مع أي شخص مهتم بالتسوية السياسية.", "")
                .replace("الأسد", "الأَسد");
        String other = """
                قالت وزارة الدفاع الروسية اليوم إن طائراتها نفذت عشرات الغارات على مواقع في ريف دير الزور خلال الأسبوع الماضي.

                وأضاف المتحدث باسم الوزارة أن موسكو ستواصل دعم الجيش السوري حتى القضاء على آخر معاقل المسلحين، فيما دعت الأمم المتحدة إلى فتح ممرات إنسانية.

                وكان الرئيس فلاديمير بوتين قد أعلن في وقت سابق أن روسيا ستبقي على قاعدتيها في حميميم وطرطوس، وأن الرئيس بشار الأسد يدعم هذا القرار.
                """;
        DuplicateIndex index = new InMemoryDuplicateIndex();
        NormalizedArticle first = normalize(title, seed);
        NormalizedArticle copy = normalize(title, seed);
        NormalizedArticle edited = normalize("الأسد في سوتشي: تفاصيل الزيارة السرية", rewrite);
        NormalizedArticle different = normalize("غارات روسية على دير الزور", other);

        assertThat(index.check("seed", first.fingerprint())).isEqualTo(Duplicate.unique());
        assertThat(index.check("copy", copy.fingerprint())).isEqualTo(new Duplicate(Duplicate.EXACT, "seed", 1.0));
        Duplicate near = index.check("rewrite", edited.fingerprint());
        assertThat(near.status()).isEqualTo(Duplicate.NEAR);
        assertThat(near.of()).isEqualTo("seed");
        assertThat(near.similarity()).isBetween(DuplicateIndex.NEAR_THRESHOLD, 0.99);
        assertThat(index.check("different", different.fingerprint()).status()).isEqualTo(Duplicate.UNIQUE);
        // a replay keeps its place: the first article is still the original, the rewrite still a near duplicate
        assertThat(index.check("seed", first.fingerprint())).isEqualTo(Duplicate.unique());
        assertThat(index.check("rewrite", edited.fingerprint())).isEqualTo(near);
    }

    @Test
    void signaturesAreDeterministic() throws Exception {
        NormalizedArticle a = normalize("t", seedBody());
        NormalizedArticle b = new ArticleNormalizer().normalize(ArticleNormalizer.Input.of("t", seedBody()));
        assertThat(a.fingerprint().signature()).containsExactly(b.fingerprint().signature());
        assertThat(a.fingerprint().bands()).containsExactly(b.fingerprint().bands());
        assertThat(a.fingerprint().signature()).hasSize(MinHasher.HASHES);
    }
}
