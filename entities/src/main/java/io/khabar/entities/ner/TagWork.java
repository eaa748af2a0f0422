package io.khabar.entities.ner;

import java.util.Arrays;

/**
 * The work arrays of tagging one sentence (token atoms, feature buckets, Viterbi scores), kept by one thread and
 * reused for its next sentence, so that tagging allocates no per-token arrays. Grown when a longer sentence comes;
 * never shared between threads.
 */
final class TagWork {
    private long[] atoms = new long[0];
    private int[] features = new int[0];
    private float[] emit = new float[0];
    private float[] score = new float[0];
    private int[] back = new int[0];
    private int[] rows = new int[0];

    /** At least {@code n} atoms, the first {@code n} of them 0. */
    long[] atoms(int n) {
        if (atoms.length < n) {
            atoms = new long[grown(atoms.length, n)];
        } else {
            Arrays.fill(atoms, 0, n, 0L);
        }
        return atoms;
    }

    /** At least {@code n} feature buckets (every one is written before it is read). */
    int[] features(int n) {
        if (features.length < n) {
            features = new int[grown(features.length, n)];
        }
        return features;
    }

    /** At least {@code n} emission scores, the first {@code n} of them 0. */
    float[] emit(int n) {
        if (emit.length < n) {
            emit = new float[grown(emit.length, n)];
        } else {
            Arrays.fill(emit, 0, n, 0f);
        }
        return emit;
    }

    /** At least {@code n} Viterbi scores (every one is written before it is read). */
    float[] score(int n) {
        if (score.length < n) {
            score = new float[grown(score.length, n)];
        }
        return score;
    }

    /** At least {@code n} back pointers (every one is written before it is read). */
    int[] back(int n) {
        if (back.length < n) {
            back = new int[grown(back.length, n)];
        }
        return back;
    }

    /** At least {@code n} weight rows of one token's features (every one is written before it is read). */
    int[] rows(int n) {
        if (rows.length < n) {
            rows = new int[grown(rows.length, n)];
        }
        return rows;
    }

    /** A first array exactly as large as asked (the trainer keeps one per sentence); later ones with room to grow. */
    private static int grown(int had, int need) {
        return had == 0 ? need : Math.max(need, had + (had >> 1));
    }
}
