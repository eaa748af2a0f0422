package io.khabar.bench.eval;

import io.khabar.bench.cli.Tools;
import io.khabar.bench.ner.LabeledSentence;
import io.khabar.entities.ner.EntityLabels;
import io.khabar.events.Annotation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation of what users get: annotation offsets map back onto corpus tokens, and the whole entity path, scored
 * on the dev splits of ../shared/data, stays at least where this commit put it (a floor a change cannot silently
 * lower); linking on AIDA-CoNLL dev and on the hand-annotated Arabic set meets the goal of 0.85.
 */
class EntityEvalTest {
    private static final int B_PER = EntityLabels.begin(0);
    private static final int I_PER = EntityLabels.inside(0);
    private static final int B_LOC = EntityLabels.begin(2);

    @Test
    void annotationsBecomeTheTokensTheyTouch() {
        EntityEval.Document d = EntityEval.document(List.of(
                new LabeledSentence(new String[]{"زار", "بوتين", "بالأسد"}, new int[3], true),
                new LabeledSentence(new String[]{"P.", "Simmons", "in", "Leeds", "."}, new int[5], false)));
        assertThat(d.text()).isEqualTo("زار بوتين بالأسد\nP. Simmons in Leeds .");
        int assad = d.text().indexOf("الأسد"); // the span starts after the proclitic, inside the corpus token
        int simmons = d.text().indexOf("P.");
        int leeds = d.text().indexOf("Leeds");
        List<int[]> labels = EntityEval.labels(d, List.of(
                new Annotation("entity", "PERSON", assad, assad + 5, "Q44329", 1.0, Map.of()),
                new Annotation("nisba", "LOCATION", 4, 9, "Q159", 1.0, Map.of()),
                new Annotation("entity", "PERSON", simmons, simmons + 10, "x", 1.0, Map.of()),
                new Annotation("entity", "LOCATION", leeds, leeds + 5, "y", 1.0, Map.of()),
                new Annotation("entity", "MISC", 0, 3, "z", 1.0, Map.of())));
        assertThat(labels.get(0)).containsExactly(EntityLabels.O, EntityLabels.O, B_PER);
        assertThat(labels.get(1)).containsExactly(B_PER, I_PER, EntityLabels.O, B_LOC, EntityLabels.O);
    }

    @Test
    void theWholePathOnTheDevSplitsStaysAboveItsFloor() throws Exception {
        String report = run(EntityEval.class, "../../shared/data");
        assertThat(wholePathF1(report, "ar")).as("ANERcorp dev, whole path").isGreaterThanOrEqualTo(0.83);
        // issue #15's goal; the models and the path are deterministic, so this holds until they change
        assertThat(wholePathF1(report, "en")).as("CoNLL-2003 dev, whole path").isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void linkingOnAidaDevMeetsItsGoal() throws Exception {
        String report = run(LinkingEval.class, "../../shared/data", "--misses", "0");
        Matcher m = Pattern.compile("accuracy on in-KB mentions: [\\d,]+ of ([\\d,]+) = (\\S+)").matcher(report);
        assertThat(m.find()).as(report).isTrue();
        assertThat(Integer.parseInt(m.group(1).replace(",", ""))).as("in-KB gold mentions").isGreaterThan(1_000);
        assertThat(Double.parseDouble(m.group(2))).as("AIDA dev accuracy on in-KB mentions")
                .isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void linkingOnTheHandAnnotatedArabicSetMeetsItsGoal() throws Exception {
        String report = run(LinkingEval.class, "../../shared/data", "--misses", "0", "--arabic",
                "data/linking-ar-saudinewsnet.tsv");
        Matcher m = Pattern.compile("cross-script accuracy on mentions with a QID: [\\d,]+ of ([\\d,]+) = (\\S+)")
                .matcher(report);
        assertThat(m.find()).as(report).isTrue();
        assertThat(Integer.parseInt(m.group(1).replace(",", ""))).as("gold mentions with a QID").isGreaterThan(150);
        assertThat(Double.parseDouble(m.group(2))).as("Arabic cross-script accuracy").isGreaterThanOrEqualTo(0.85);
    }

    /** Runs the tool's command line, as {@code ./khabar} does, and returns what it printed; it must succeed. */
    private static String run(Class<?> tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Tools.execute(tool, args);
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).as("exit code of %s", tool.getSimpleName()).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        stdout.print(report);
        return report;
    }

    private static double wholePathF1(String report, String language) {
        Matcher m = Pattern.compile("(?s)\\n" + language + ": [^\\n]*whole entity path.*?\\noverall\\s+\\S+\\s+\\S+\\s+(\\S+)")
                .matcher(report);
        assertThat(m.find()).as("a whole-path report for %s", language).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
