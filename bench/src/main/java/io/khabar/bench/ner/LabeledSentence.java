package io.khabar.bench.ner;

import io.khabar.entities.ner.EntityLabels;

/**
 * One sentence of a training or evaluation corpus: its tokens and their IOB2 labels ({@link EntityLabels}).
 *
 * @param tokens        the words as the corpus writes them
 * @param labels        one label per token
 * @param documentStart whether a new document starts with this sentence
 */
public record LabeledSentence(String[] tokens, int[] labels, boolean documentStart) {
    public LabeledSentence {
        if (tokens.length != labels.length) {
            throw new IllegalArgumentException("tokens and labels differ in length");
        }
    }
}
