package io.khabar.entities.ner;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerceptronTest {
    @Test
    void theMeanOfModelsTrainedInDifferentOrdersAveragesEveryWeight() throws IOException {
        Perceptron a = new Perceptron(4, 2);
        Perceptron b = new Perceptron(4, 2);
        a.weights[3] = 2;
        b.weights[3] = 4;
        b.weights[7] = -1;
        a.transitions[1] = 1;
        Perceptron mean = Perceptron.mean(List.of(a, b));
        assertThat(mean.weights[3]).isEqualTo(3f);
        assertThat(mean.weights[7]).isEqualTo(-0.5f);
        assertThat(mean.transitions[1]).isEqualTo(0.5f);
        // a model read from its file keeps only its non-zero rows: it cannot be averaged again
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mean.write(new DataOutputStream(bytes));
        Perceptron read = Perceptron.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThatThrownBy(() -> Perceptron.mean(List.of(read, a))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMeanDecodesAsTheModelsAgree() {
        // one feature bucket per token; both models put token label 1 (B-PERSON) on bucket 0, one of them strongly
        Perceptron a = new Perceptron(2, 1);
        Perceptron b = new Perceptron(2, 1);
        a.weights[EntityLabels.begin(0)] = 1;
        b.weights[EntityLabels.begin(0)] = 3;
        b.weights[Perceptron.L + EntityLabels.O] = 1; // bucket 1: O
        int[] labels = Perceptron.mean(List.of(a, b)).decode(new int[]{0, 1}, 2, null);
        assertThat(labels).containsExactly(EntityLabels.begin(0), EntityLabels.O);
    }
}
