package io.khabar.bench.eval;

import io.khabar.topics.TopicClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The evaluation on held-out data, with floors a little under the measured figures (see the module README). */
class TopicEvalTest {
    static final Path DATA = Path.of(System.getProperty("khabar.data", "../../shared/data"));
    static TopicClassifier classifier;

    @BeforeAll
    static void load() {
        assumeTrue(Files.isDirectory(DATA.resolve("news")), "reference data not found at " + DATA);
        classifier = new TopicClassifier();
    }

    // BBC held-out split (CRC32(id) % 5 == 0), never read while writing the cue lists: measured 0.883 / 0.908
    @Test
    void englishHeldOutAccuracyAndMacroF1() {
        TopicEval.Result r = TopicEval.evaluate(classifier, TopicEval.bbc(DATA, true));
        assertThat(r.size()).isEqualTo(446);
        assertThat(r.accuracy()).isGreaterThanOrEqualTo(0.85);
        assertThat(r.macroF1()).isGreaterThanOrEqualTo(0.87);
    }

    // SaudiNewsNet sample, weak labels from source and URL section
    @Test
    void arabicWeakLabelAccuracy() {
        TopicEval.Result r = TopicEval.evaluate(classifier, TopicEval.saudiNewsNet(DATA));
        assertThat(r.size()).isEqualTo(150);
        assertThat(r.accuracy()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.macroF1()).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void weakLabelRules() {
        assertThat(TopicEval.weakLabel("arriyadiyah", "http://www.arriyadiyah.com/node/1/x")).isEqualTo(TopicEval.SPORT);
        assertThat(TopicEval.weakLabel("3alyoum", "http://www.3alyoum.com/finance/a/x/")).isEqualTo(TopicEval.ECONOMY);
        assertThat(TopicEval.weakLabel("alwatan", "http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=1"))
                .isEqualTo(TopicEval.POLITICS);
        assertThat(TopicEval.weakLabel("3alyoum", "http://www.3alyoum.com/news/local/a/x/")).isNull();
        assertThat(TopicEval.weakLabel("okaz", "http://www.okaz.com.sa/new/Issues/1.htm")).isNull();
    }
}
