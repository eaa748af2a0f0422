package io.khabar.entities.ner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerTest {
    /** A frozen gazetteer (as loaded with a model) marks the same names as the one it was built as. */
    @Test
    void aFrozenGazetteerMarksTheSameNames() {
        Gazetteer open = new Gazetteer();
        Gazetteer frozen = new Gazetteer();
        for (Gazetteer g : new Gazetteer[]{open, frozen}) {
            g.add(new String[]{"بشار", "الاسد"}, 0);
            g.add(new String[]{"موسكو"}, 1);
            g.add(new String[]{"البحر", "الاسود"}, 1);
        }
        frozen.freeze();
        String[] sentence = {"استقبل", "بشار", "الاسد", "في", "موسكو", "على", "البحر", "الاسود"};
        assertThat(frozen.phraseMasks(sentence)).containsExactly(open.phraseMasks(sentence)).isNotEqualTo(new int[8]);
        assertThat(frozen.wordMask("بشار")).isEqualTo(open.wordMask("بشار")).isNotZero();
        assertThat(frozen.size()).isEqualTo(3);
    }
}
