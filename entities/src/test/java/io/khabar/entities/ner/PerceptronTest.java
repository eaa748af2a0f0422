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

    /**
     * A model read from its file keeps only the rows with a non-zero weight: it scores every sentence as the dense
     * model it was written from (labels and margins), and writes the same bytes again.
     */
    @Test
    void aModelReadFromItsFileScoresAndWritesAsTheDenseOne() throws IOException {
        java.util.Random random = new java.util.Random(5);
        Perceptron dense = new Perceptron(8, 3);
        int L = Perceptron.L;
        int nonZeroRows = 0;
        for (int row = 0; row < dense.weights.length / L; row++) {
            boolean any = false;
            // most rows all zero and most weights of the others zero, as in a trained model
            boolean used = random.nextInt(3) == 0;
            for (int l = 0; l < L && used; l++) {
                if (random.nextInt(3) == 0) {
                    dense.weights[row * L + l] = random.nextFloat() * 4 - 2;
                    any = true;
                }
            }
            nonZeroRows += any ? 1 : 0;
        }
        for (int i = 0; i < dense.transitions.length; i++) {
            dense.transitions[i] = random.nextFloat() - 0.5f;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        dense.write(new DataOutputStream(bytes));
        Perceptron read = Perceptron.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(nonZeroRows).isBetween(dense.weights.length / L / 10, dense.weights.length / L / 2);
        assertThat(read.weights.length).isEqualTo(nonZeroRows * L);
        for (int sentence = 0; sentence < 200; sentence++) {
            int n = 1 + random.nextInt(12);
            int[] feats = new int[n * 3];
            for (int k = 0; k < feats.length; k++) {
                feats[k] = random.nextInt(10) == 0 ? -1 : random.nextInt(256);
            }
            float[] denseMargins = new float[n];
            float[] readMargins = new float[n];
            assertThat(read.decode(feats, n, readMargins)).containsExactly(dense.decode(feats, n, denseMargins));
            assertThat(readMargins).containsExactly(denseMargins);
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        read.write(new DataOutputStream(again));
        assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
    }
}
