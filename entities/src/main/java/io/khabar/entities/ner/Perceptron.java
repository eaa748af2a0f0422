package io.khabar.entities.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * An averaged structured perceptron (Collins 2002) over hashed features, decoded with Viterbi under the IOB2
 * constraint (an {@code I-X} only after {@code B-X} or {@code I-X}). Weights are one flat array, the {@link
 * EntityLabels#COUNT} label weights of a feature side by side, so scoring a token reads one short run per feature.
 */
public final class Perceptron {
    static final int L = EntityLabels.COUNT;
    /**
     * {@link EntityLabels#allowed} as a table, row = previous label ({@code L} for the sentence start), column =
     * label: read in Viterbi's inner loop, where computing it took a third of decoding.
     */
    private static final boolean[] ALLOWED = new boolean[(L + 1) * L];

    static {
        for (int p = 0; p <= L; p++) {
            for (int l = 0; l < L; l++) {
                ALLOWED[p * L + l] = EntityLabels.allowed(p == L ? -1 : p, l);
            }
        }
    }
    private final int features;
    /**
     * Label weights, {@code L} per row. While training, row {@code b} is hashed bucket {@code b} (dense). A model read
     * from its file keeps only the rows of buckets with a non-zero weight (13-25% of them), in bucket order, found
     * through {@link #rows}.
     */
    final float[] weights;
    /** Which row is a bucket's, when read from a file; null when dense. */
    private final SparseRows rows;
    /** transition weights: row = previous label (L for the sentence start), column = label */
    final float[] transitions;

    public Perceptron(int bucketBits, int features) {
        this.features = features;
        this.weights = new float[(1 << bucketBits) * L];
        this.transitions = new float[(L + 1) * L];
        this.rows = null;
    }

    private Perceptron(int features, float[] weights, float[] transitions, SparseRows rows) {
        this.features = features;
        this.weights = weights;
        this.transitions = transitions;
        this.rows = rows;
    }

    /**
     * The rows of a model read from its file: which buckets have one (a bit each, 128 KB for a million buckets, which
     * stays in cache, so a feature without weights costs no miss); a bucket's row is the count of set bits before
     * it. An {@code int} per bucket took 4 MiB per model, read at a random place for every feature, present or not.
     * A row holds all {@code L} weights, zeros too: keeping only the non-zero ones (a third) took 6 MiB less heap
     * for both models, but finding them took another random read per feature; without it the recognizer spends 14%
     * less CPU.
     */
    private static final class SparseRows {
        final int buckets;
        final long[] present;
        /** per word of {@link #present}, the set bits in the words before it */
        final int[] before;

        SparseRows(int buckets, boolean[] has) {
            this.buckets = buckets;
            present = new long[(buckets + 63) >>> 6];
            before = new int[present.length];
            for (int b = 0; b < buckets; b++) {
                if (has[b]) {
                    present[b >>> 6] |= 1L << b;
                }
            }
            int at = 0;
            for (int w = 0; w < present.length; w++) {
                before[w] = at;
                at += Long.bitCount(present[w]);
            }
        }

        /** Bucket {@code b}'s row, or -1 when it has no weights. */
        int row(int b) {
            long word = present[b >>> 6];
            long bit = 1L << b;
            return (word & bit) == 0 ? -1 : before[b >>> 6] + Long.bitCount(word & (bit - 1));
        }
    }

    private int buckets() {
        return rows == null ? weights.length / L : rows.buckets;
    }

    /** Bucket {@code b}'s weight for label {@code l}. */
    private float weight(int b, int l) {
        int r = rows == null ? b : rows.row(b);
        return r < 0 ? 0 : weights[r * L + l];
    }

    /** Best label sequence; {@code margins}, when given, receives per token the best minus the runner-up score. */
    public int[] decode(int[] feats, int n, float[] margins) {
        return decode(feats, n, margins, new TagWork());
    }

    /** {@link #decode(int[], int, float[])} with {@code work}'s arrays for its scores; the labels are a new array. */
    int[] decode(int[] feats, int n, float[] margins, TagWork work) {
        float[] emit = work.emit(n * L);
        addEmissions(feats, n, features, emit, work);
        return viterbi(emit, n, margins, work);
    }

    /**
     * Adds to {@code emit} ({@code L} scores per token) the label weights of the feature buckets, {@code stride} per
     * token ({@code -1}: none): all of a token's features, or only some of them on top of scores already there.
     * {@code work} lends a scratch array.
     */
    void addEmissions(int[] feats, int n, int stride, float[] emit, TagWork work) {
        int[] at = work.rows(stride);
        for (int i = 0; i < n; i++) {
            int base = i * stride;
            int e = i * L;
            // first where each feature's row is, then the rows: the lookups of a token's features do not wait for
            // one another's weights (15-17% less CPU for the recognizer). The scores are those of adding only the
            // non-zero weights: a row's zeros change no sum.
            for (int f = 0; f < stride; f++) {
                int b = feats[base + f];
                at[f] = b < 0 ? -1 : rows == null ? b : rows.row(b);
            }
            for (int f = 0; f < stride; f++) {
                int r = at[f];
                if (r >= 0) {
                    int w = r * L;
                    for (int l = 0; l < L; l++) {
                        emit[e + l] += weights[w + l];
                    }
                }
            }
        }
    }

    /** The best label sequence for the tokens' label scores {@code emit}, under the IOB2 constraint. */
    int[] viterbi(float[] emit, int n, float[] margins, TagWork work) {
        float[] score = work.score(n * L);
        int[] back = work.back(n * L);
        for (int l = 0; l < L; l++) {
            score[l] = ALLOWED[L * L + l] ? emit[l] + transitions[L * L + l] : Float.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            for (int l = 0; l < L; l++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < L; p++) {
                    if (!ALLOWED[p * L + l]) {
                        continue;
                    }
                    float s = score[(i - 1) * L + p] + transitions[p * L + l];
                    if (s > best) {
                        best = s;
                        arg = p;
                    }
                }
                score[i * L + l] = best + emit[i * L + l];
                back[i * L + l] = arg;
            }
        }
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        int last = 0;
        for (int l = 1; l < L; l++) {
            if (score[(n - 1) * L + l] > score[(n - 1) * L + last]) {
                last = l;
            }
        }
        out[n - 1] = last;
        for (int i = n - 1; i > 0; i--) {
            out[i - 1] = back[i * L + out[i]];
        }
        if (margins != null) {
            for (int i = 0; i < n; i++) {
                float chosen = score[i * L + out[i]];
                float second = Float.NEGATIVE_INFINITY;
                for (int l = 0; l < L; l++) {
                    if (l != out[i] && score[i * L + l] > second) {
                        second = score[i * L + l];
                    }
                }
                margins[i] = chosen - second;
            }
        }
        return out;
    }

    /**
     * Trains on featurized sentences for a number of passes, in an order shuffled with a fixed seed (the run is
     * reproducible), and returns the averaged model. {@code afterEpoch} sees each pass's number and averaged model, for progress.
     */
    public static Perceptron train(List<int[]> feats, List<int[]> gold, int bucketBits, int features, int epochs,
                                   long seed, BiConsumer<Integer, Perceptron> afterEpoch) {
        Perceptron w = new Perceptron(bucketBits, features); // dense: every bucket has its row
        double[] sumW = new double[w.weights.length];
        double[] sumT = new double[w.transitions.length];
        Integer[] order = new Integer[feats.size()];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        long c = 1;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            java.util.Collections.shuffle(Arrays.asList(order), random);
            for (int s : order) {
                int[] f = feats.get(s);
                int[] g = gold.get(s);
                int n = g.length;
                int[] p = w.decode(f, n, null);
                if (!Arrays.equals(p, g)) {
                    for (int i = 0; i < n; i++) {
                        if (p[i] != g[i]) {
                            for (int k = 0; k < features; k++) {
                                int b = f[i * features + k];
                                if (b >= 0) {
                                    update(w.weights, sumW, b * L + g[i], 1, c);
                                    update(w.weights, sumW, b * L + p[i], -1, c);
                                }
                            }
                        }
                        int gp = i == 0 ? L : g[i - 1];
                        int pp = i == 0 ? L : p[i - 1];
                        if (gp != pp || g[i] != p[i]) {
                            update(w.transitions, sumT, gp * L + g[i], 1, c);
                            update(w.transitions, sumT, pp * L + p[i], -1, c);
                        }
                    }
                }
                c++;
            }
            afterEpoch.accept(epoch, average(w, sumW, sumT, c));
        }
        return average(w, sumW, sumT, c);
    }

    /**
     * The mean of models trained on the same data in different orders (different seeds): one model of the same size,
     * with less of the variance that a perceptron's visiting order gives its weights.
     */
    public static Perceptron mean(List<Perceptron> models) {
        Perceptron first = models.get(0);
        float[] w = new float[first.weights.length];
        float[] t = new float[first.transitions.length];
        for (Perceptron m : models) {
            if (m.rows != null || m.weights.length != w.length || m.features != first.features) {
                throw new IllegalArgumentException("models of different shapes, or read from files, cannot be averaged");
            }
            for (int i = 0; i < w.length; i++) {
                w[i] += m.weights[i] / models.size();
            }
            for (int i = 0; i < t.length; i++) {
                t[i] += m.transitions[i] / models.size();
            }
        }
        return new Perceptron(first.features, w, t, null);
    }

    /** The averaged weights: w - sum(c_t * update_t) / c. */
    private static Perceptron average(Perceptron w, double[] sumW, double[] sumT, long c) {
        float[] avgW = new float[w.weights.length];
        for (int i = 0; i < avgW.length; i++) {
            avgW[i] = (float) (w.weights[i] - sumW[i] / c);
        }
        float[] avgT = new float[w.transitions.length];
        for (int i = 0; i < avgT.length; i++) {
            avgT[i] = (float) (w.transitions[i] - sumT[i] / c);
        }
        return new Perceptron(w.features, avgW, avgT, null);
    }

    private static void update(float[] w, double[] sum, int i, int delta, long c) {
        w[i] += delta;
        sum[i] += delta * (double) c;
    }

    /** Writes the non-zero feature rows only (most hashed buckets are empty or were never updated). */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(features);
        out.writeInt(buckets());
        for (float t : transitions) {
            out.writeFloat(t);
        }
        int rows = 0;
        for (int b = 0; b < buckets(); b++) {
            if (nonZero(b)) {
                rows++;
            }
        }
        out.writeInt(rows);
        for (int b = 0; b < buckets(); b++) {
            if (nonZero(b)) {
                out.writeInt(b);
                for (int l = 0; l < L; l++) {
                    out.writeFloat(weight(b, l));
                }
            }
        }
    }

    private boolean nonZero(int b) {
        for (int l = 0; l < L; l++) {
            if (weight(b, l) != 0) {
                return true;
            }
        }
        return false;
    }

    static Perceptron read(DataInputStream in) throws IOException {
        int features = in.readInt();
        int buckets = in.readInt();
        float[] transitions = new float[(L + 1) * L];
        for (int i = 0; i < transitions.length; i++) {
            transitions[i] = in.readFloat();
        }
        int rows = in.readInt();
        if (rows < 0 || rows > buckets) {
            throw new IOException("corrupt model: " + rows + " rows for " + buckets + " buckets");
        }
        if ((long) rows * L > Integer.MAX_VALUE - 8) {
            throw new IOException("model too large: " + rows + " rows");
        }
        boolean[] seen = new boolean[buckets];
        boolean[] has = new boolean[buckets]; // a row of zeros is no row
        int[] bucketOf = new int[rows];
        float[] read = new float[rows * L];
        int kept = 0;
        for (int r = 0; r < rows; r++) {
            int b = in.readInt();
            if (b < 0 || b >= buckets || seen[b]) {
                throw new IOException("corrupt model: bucket " + b + " out of range or repeated");
            }
            seen[b] = true;
            bucketOf[r] = b;
            for (int l = 0; l < L; l++) {
                read[r * L + l] = in.readFloat();
                has[b] |= read[r * L + l] != 0;
            }
            kept += has[b] ? 1 : 0;
        }
        SparseRows index = new SparseRows(buckets, has);
        float[] weights = new float[kept * L];
        for (int r = 0; r < rows; r++) {
            if (has[bucketOf[r]]) {
                System.arraycopy(read, r * L, weights, index.row(bucketOf[r]) * L, L);
            }
        }
        return new Perceptron(features, weights, transitions, index);
    }
}
