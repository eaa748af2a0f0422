package io.khabar.entities.ner;

import io.khabar.matching.MatchingAnalyzer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentContextTest {
    private static final int O = EntityLabels.O;
    private static final int ORG = EntityLabels.typeOf("ORGANIZATION"), LOC = EntityLabels.typeOf("LOCATION");
    private static final WordKeys KEYS = new WordKeys(new MatchingAnalyzer());

    private static String[] words(String s) {
        return s.split(" ");
    }

    @Test
    void aWordSeesHowTheRestOfTheDocumentLabelsItAndTheLongerNamesThatHoldIt() {
        String[][] sentences = {
                words("Leeds won again ."),
                words("Leeds United beat Chelsea ."),
                words("The Leeds coach said Leeds deserved it ."),
        };
        int[][] first = {
                {EntityLabels.begin(LOC), O, O, O},
                {EntityLabels.begin(ORG), EntityLabels.inside(ORG), O, EntityLabels.begin(ORG), O},
                {O, EntityLabels.begin(ORG), O, O, EntityLabels.begin(ORG), O, O, O},
        };
        DocumentContext context = DocumentContext.of(sentences, first, KEYS);

        // Leeds in the lead: its other three occurrences are organisations, and so is the longer name holding it
        long[] lead = context.atoms(0);
        assertThat(lead[0]).isEqualTo(Featurizer.documentAtom(false, 1 + 2 * ORG + 1));
        assertThat(lead[1]).isEqualTo(Featurizer.documentAtom(true, 1 + ORG));
        assertThat(context.rerun(0)).as("the lead typed Leeds a place").isTrue();
        // lower-case words and punctuation get no context
        assertThat(lead[2]).isZero();
        assertThat(lead[7]).isZero();

        // in the name itself, Leeds does not count its own name: only the others (a place once, organisations twice)
        long[] name = context.atoms(1);
        assertThat(name[0]).isEqualTo(Featurizer.documentAtom(false, 1 + 2 * ORG));
        assertThat(name[1]).as("no other longer name holds Leeds").isZero();
        // Chelsea occurs once: nothing elsewhere
        assertThat(name[6]).isZero();
        assertThat(context.rerun(1)).as("Leeds is mostly an organisation elsewhere too").isFalse();
        // the third sentence agrees with the majority as well
        assertThat(context.rerun(2)).isFalse();
    }

    @Test
    void aDocumentThatAgreesWithItselfIsNotTaggedAgain() {
        String[][] sentences = {words("Paris is calm ."), words("In Paris , the Louvre reopened .")};
        int[][] first = {
                {EntityLabels.begin(LOC), O, O, O},
                {O, EntityLabels.begin(LOC), O, O, EntityLabels.begin(ORG), O, O},
        };
        DocumentContext context = DocumentContext.of(sentences, first, KEYS);
        assertThat(context.rerun(0)).isFalse();
        assertThat(context.rerun(1)).isFalse();
        assertThat(context.atoms(0)[0]).isEqualTo(Featurizer.documentAtom(false, 1 + 2 * LOC + 1));
    }

    @Test
    void theShippedModelsTagADocumentInTwoPassesAndALoneSentenceInOne() {
        EntityRecognizer recognizer = EntityRecognizer.loadDefault(KEYS);
        // chosen by 5-fold cross-validation on the training splits (docs/benchmarks.md, issue #15)
        for (String language : new String[]{"en", "ar"}) {
            assertThat(recognizer.modelFor(language, "").documentPass()).as(language).isTrue();
        }
        NerModel english = recognizer.modelFor("en", "");
        String[][] document = {words("Ryanair has ordered 70 Boeing planes ."), words("Ryanair shares rose .")};
        int[][] labels = english.tagDocument(document, null);
        assertThat(labels).hasNumberOfRows(2);
        assertThat(labels[0]).hasSize(7);
        // a sentence alone has no document to see: its labels are the first pass's
        assertThat(english.tagDocument(new String[][]{document[1]}, null)[0])
                .containsExactly(english.tag(document[1], null));
    }
}
