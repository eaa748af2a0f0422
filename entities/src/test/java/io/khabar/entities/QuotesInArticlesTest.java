package io.khabar.entities;

import io.khabar.events.Annotation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Quotes and their speakers in the seed article and in real articles of ../shared/data/news (three Arabic, three
 * English), against expectations written here by hand from reading them.
 */
class QuotesInArticlesTest {
    /** The first three words of a quote. */
    private static String start(Articles.Extracted a, Annotation q) {
        String[] words = a.quoted(q).split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(3, words.length)));
    }

    @Test
    void theSeedArticle() throws Exception {
        Articles.Extracted a = Articles.extract(null, Files.readString(
                Path.of("../../shared/seed/kremlin-assad-visit.ar.txt"), StandardCharsets.UTF_8));
        assertThat(a.quotes("direct"))
                .extracting(q -> start(a, q), Annotation::value, q -> q.attributes().containsKey("speakerInferred"))
                .containsExactly(
                        tuple("ما زال أمامنا", "Q7747", false),   // وأضاف بوتين قائلا: “...”
                        tuple("أعتقد أن أهم", "Q7747", true),   // وتابع بالقول: “...”
                        tuple("إن المضي قدما", "Q44329", false),  // قال الأسد للزعيم الروسي : ” ... “الإرهابيين”
                        tuple("أعتقد أن الوضع", "Q44329", false)); // وأضاف الأسد :” ...”
        assertThat(a.quoted(a.quotes("direct").get(2))).endsWith("“الإرهابيين”");
        // قال بوتين للأسد إنه ... ; وأشار بوتين أيضا إلى أنه ... ; وأشار الأسد إلى أنه ...
        assertThat(a.quotes("indirect")).extracting(q -> start(a, q), Annotation::value).containsExactly(
                tuple("يريد الاجتماع به", "Q7747"), tuple("سيجري اتصالات هاتفية", "Q7747"),
                tuple("يتطلع لاستمرار الدعم", "Q44329"));
        assertThat(a.quotes("indirect")).allSatisfy(q -> assertThat(q.confidence()).isLessThan(0.9));
        assertThat(a.quotes("direct").get(0).attributes()).containsEntry("cue", "قائلا")
                .containsEntry("component", "quotes");
    }

    @Test
    void frenchDefenceMinisterArabic() throws Exception {
        Articles.Extracted a = Articles.saudi("http://www.aleqt.com/2015/08/06/article_979464.html");
        String drian = a.idsNamed("جان إيف لو دريان").get(0);
        // وقال "انتهت محادثات ..." with no name: the minister quoted just before
        assertThat(a.quotes("direct")).extracting(q -> start(a, q), Annotation::value)
                .containsExactly(tuple("انتهت محادثات بين", drian));
        assertThat(a.quotes("indirect")).extracting(Annotation::value).containsExactly(drian, drian);
    }

    @Test
    void whiteHouseCyberSecurityArabic() throws Exception {
        Articles.Extracted a = Articles.saudi("http://www.aleqt.com/2015/08/01/article_978036.html");
        String scott = a.idsNamed("توني سكوت").get(0);
        assertThat(a.quotes("direct")).extracting(q -> start(a, q), Annotation::value).contains(
                tuple("عملية تحقق قوية", scott), tuple("لا يزال أمامنا", scott));
        // "مراجعة لأمن الإنترنت" is the name of a review, not a quote
        assertThat(a.quotes("direct")).extracting(a::quoted).doesNotContain("مراجعة لأمن الإنترنت");
    }

    @Test
    void asianFootballPresidentArabic() throws Exception {
        Articles.Extracted a = Articles.saudi(
                "http://www.alwatan.com.sa/Sports/News_Detail.aspx?ArticleID=230518&CategoryID=6");
        List<Annotation> direct = a.quotes("direct");
        assertThat(direct).extracting(q -> start(a, q), q -> q.attributes().get("speakerName")).contains(
                tuple("بالتأكيد نحن تابعنا", "بن إبراهيم"), tuple("لهذا فإنه من", "بن إبراهيم"));
    }

    @Test
    void brownInAfricaEnglish() throws Exception {
        Articles.Extracted a = Articles.bbc("politics/024.txt");
        assertThat(a.quotes("direct")).extracting(q -> start(a, q), Annotation::value)
                .containsExactly(tuple("It is simply", "Q10648"));
    }

    @Test
    void blairsSpokesmanIsNotBlairEnglish() throws Exception {
        Articles.Extracted a = Articles.bbc("politics/035.txt");
        // Mr Blair's official spokesman said: "...": the speaker is not an entity of the article, and not Blair
        assertThat(a.quotes("direct")).extracting(q -> start(a, q), Annotation::value).containsExactly(
                tuple("The prime minister", null), tuple("The key issue", null));
    }

    @Test
    void saudiForeignMinisterEnglish() throws Exception {
        Articles.Extracted a = Articles.bbc("business/043.txt");
        assertThat(a.quotes("direct")).extracting(q -> start(a, q), q -> q.attributes().get("speakerName"))
                .contains(tuple("Our educational reforms", "Prince Saud"), tuple("I am proud", "Prince Saud"));
    }
}
