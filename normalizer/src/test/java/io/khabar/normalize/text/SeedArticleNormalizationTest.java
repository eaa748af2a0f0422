package io.khabar.normalize.text;

import io.khabar.events.Removal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed article (samples/kremlin-assad-visit.ar.txt, title = first line) comes out clean. The expected text below
 * was written for this test from the article itself (paragraph by paragraph, spaces collapsed), not produced by the
 * normalizer; no rule of the normalizer mentions this article.
 */
class SeedArticleNormalizationTest {
    static final String TITLE = "الكرملين يعلن تفاصيل زيارة بشار الأسد السرية لموسكو أمس الإثنين";
    static final List<String> PARAGRAPHS = List.of(
            "اجتماع الرئيس بوتين بالاسد",
            "كشف الكرملين في وقت مبكر من صباح هذا اليوم الثلاثاء عن استضافة الرئيس الروسي فلاديمير بوتين، لرئيس النظام السوري بشار الأسد، في مقره في منتجع سوتشي على البحر الأسود، يوم أمس الاثنين، لإجراء محادثات اتفق الرئيسان فيها على أن تركيز الصراع في سوريا تحول الآن من العمليات العسكرية إلى إيجاد حلول سياسية.",
            "الاجتماع عُقد أمس الاثنين ولكن لم تُعلن تفاصيله حتى صباح اليوم الثلاثاء، بحسب تصريحات الكرملين التي جاء فيها بأن بوتين قال للأسد إنه يريد الاجتماع به قبيل الاجتماع المقرر هذا الأسبوع في روسيا مع كلا من الرئيس التركي والرئيس الإيراني الدولتان اللاعبتان دور قوي في الصراع السوري.",
            "وأشار بوتين أيضا إلى أنه سيجري اتصالات هاتفية مع الرئيس الأمريكي دونالد ترامب وزعماء في الشرق الأوسط بعد اجتماعه بالأسد، وأضاف بوتين قائلا: “ما زال أمامنا طريق طويل قبل أن نحقق نصرا كاملا على الإرهابيين، لكن بالنسبة لجهودنا المشتركة لمحاربة الإرهاب على الأرض في سوريا فإن العملية العسكرية في نهايتها بالفعل”.",
            "وتابع بالقول: “أعتقد أن أهم شيء الآن بالطبع هو الانتقال إلى القضايا السياسية وألاحظ برضا استعدادكم للعمل مع كل من يريدون السلام والتوصل لحل للصراع”.",
            "ومن جهته قال الأسد للزعيم الروسي : ” إن المضي قدما في العملية السياسية في هذه المرحلة مهم خاصة بعد الانتصار على “الإرهابيين”.",
            "وأضاف الأسد :” أعتقد أن الوضع الآن على الأرض ومن الناحية السياسية يسمح بتوقع إحراز تقدم في العملية السياسية” ، وأشار الأسد إلى أنه يتطلع لاستمرار الدعم الروسي من أجل ضمان عدم تدخل لاعبين خارجيين في العملية السياسية.",
            "وتوجه الأسد بالشكر للرئيس الروسي بوتين على ما قدمه ويقدمه من دعم عسكري وسياسي له، وشكر أيضا القوات المسلحة الروسية وضحاياها عمّا تبذله من دور في سبيل إنقاذ سوريا، وأبدى استعداده للتحاور مع أي شخص مهتم بالتسوية السياسية.",
            "ووفقا لوكالة الإعلام الروسية فإن زيارة الأسد بالأمس لروسيا استغرقت 4 ساعات، وهي الزيارة الثانية للأسد إلى موسكو بعد زيارته الأخيرة في 20 أكتوبر 2015 عقب إطلاق موسكو للعملية العسكرية الواسعة والتي حولت موازين الصراع لصالح الأسد.");
    static final List<String> CAPTIONS = List.of("الرئيس بوتين والأسد", "لقاء بوتين والأسد", "زيارة الأسد السرية لموسكو");

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void seedArticleComesOutCleanWithCaptionsAndNoStrayPageNumber() throws Exception {
        String file = Files.readString(Path.of("../samples/kremlin-assad-visit.ar.txt"), StandardCharsets.UTF_8);
        int nl = file.indexOf('\n');
        NormalizedText n = normalizer.normalize(file.substring(0, nl), file.substring(nl + 1));

        assertThat(n.title().codePoints().toArray()).containsExactly(TITLE.codePoints().toArray());
        String expected = String.join("\n\n", PARAGRAPHS);
        assertThat(n.text().codePoints().toArray()).containsExactly(expected.codePoints().toArray());
        assertThat(n.paragraphs()).hasSize(PARAGRAPHS.size());
        for (int i = 0; i < PARAGRAPHS.size(); i++) {
            assertThat(n.text().substring(n.paragraphs().get(i).start(), n.paragraphs().get(i).end()))
                    .isEqualTo(PARAGRAPHS.get(i));
        }
        assertThat(n.text()).doesNotContain(TITLE).doesNotEndWith("1");
        assertThat(n.facts().captions()).containsExactlyElementsOf(CAPTIONS);
        // Every removal is recorded with its kind and its span in the original body.
        String body = file.substring(nl + 1);
        assertThat(n.facts().removed()).extracting(Removal::kind).containsExactly(
                "title-repeat", "caption", "caption", "caption", "caption", "caption", "caption", "title-repeat");
        for (Removal r : n.facts().removed()) {
            assertThat(body.substring(r.start(), r.end()).replace('\u00a0', ' ').strip()).isEqualTo(r.text());
        }
        assertThat(n.facts().removed().get(7).text()).isEqualTo(TITLE + " 1");
        assertThat(n.facts().script()).isEqualTo("Arab");
        assertThat(n.facts().direction()).isEqualTo("rtl");
        assertThat(n.facts().wordCount()).isBetween(300, 340);
        assertThat(n.facts().readingTimeSeconds()).isEqualTo((int) Math.ceil(n.facts().wordCount() * 60.0 / 200));
        // Sentences end at Arabic full stops; the first paragraph (no final mark) is one sentence.
        assertThat(n.facts().sentences().get(0)).isEqualTo(n.paragraphs().get(0));
        assertThat(n.facts().sentences()).hasSizeGreaterThanOrEqualTo(PARAGRAPHS.size());
        n.facts().sentences().forEach(s -> assertThat(n.text().substring(s.start(), s.end())).isEqualTo(
                n.text().substring(s.start(), s.end()).strip()));
    }
}
