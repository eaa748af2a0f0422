package io.khabar.entities.ner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpanScoreTest {
    private static final int B_PER = EntityLabels.begin(0), I_PER = EntityLabels.inside(0),
            B_LOC = EntityLabels.begin(2), O = EntityLabels.O;

    @Test
    void anEntityCountsOnlyWithItsExactSpanAndType() {
        SpanScore score = new SpanScore();
        // gold: [Vladimir Putin]PER in [Sochi]LOC ; predicted: [Putin]PER (wrong start), [Sochi]LOC (right)
        score.add(new int[]{B_PER, I_PER, O, B_LOC}, new int[]{O, B_PER, O, B_LOC});
        assertThat(score.f1()).isCloseTo(0.5, within(1e-9)); // P = 1/2, R = 1/2
        assertThat(score.report("t")).contains("PERSON").contains("overall");
    }

    @Test
    void twoAdjacentEntitiesOfOneTypeAreTwoWhenTheSecondBegins() {
        assertThat(SpanScore.spans(new int[]{B_PER, B_PER, I_PER})).hasSize(2);
        assertThat(SpanScore.spans(new int[]{B_PER, I_PER, I_PER})).hasSize(1);
    }
}
