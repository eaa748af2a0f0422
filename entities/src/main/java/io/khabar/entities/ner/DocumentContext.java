package io.khabar.entities.ner;

import io.khabar.text.Scripts;

import java.util.HashMap;
import java.util.Map;

/**
 * What the rest of a document says about each word, from a first tagging pass: the recognizer's second pass sees it
 * as features (label aggregation, after Krishnan and Manning 2006). Two atoms per token:
 * <ul>
 *   <li>the label type that the word's other occurrences in the document mostly got (a type or none), and whether
 *   they all agree: {@code Leeds} tagged as an organisation in the results table helps {@code Leeds} in the lead;</li>
 *   <li>the type of the longer names elsewhere in the document that hold the word: {@code United} alone after
 *   {@code Manchester United}.</li>
 * </ul>
 * Only words that can start a name count (a capital, or Arabic script), by their stem key ({@link WordKeys}).
 * A sentence is tagged again only where its context disagrees with its first labels ({@link #rerun}: a word's
 * other occurrences or the longer names holding it mostly have another type than it got). That is a quarter of the
 * sentences of English news; tagging a split divided vote again as well took a third and scored no better on
 * held-out training documents.
 */
public final class DocumentContext {
    /** The "type" of a word tagged O. */
    private static final int NONE = EntityLabels.TYPES.size();
    private final long[][] atoms;
    private final boolean[] rerun;

    private DocumentContext(long[][] atoms, boolean[] rerun) {
        this.atoms = atoms;
        this.rerun = rerun;
    }

    /** The context of a document's sentences from their first-pass labels. */
    public static DocumentContext of(String[][] sentences, int[][] labels, WordKeys keys) {
        int n = sentences.length;
        String[][] key = new String[n][];
        boolean[][] inName = new boolean[n][];
        Map<String, int[]> words = new HashMap<>();
        Map<String, int[]> names = new HashMap<>();
        for (int s = 0; s < n; s++) {
            String[] tokens = sentences[s];
            key[s] = new String[tokens.length];
            inName[s] = new boolean[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                if (eligible(tokens[i])) {
                    key[s][i] = keys.of(tokens[i])[1];
                    words.computeIfAbsent(key[s][i], k -> new int[NONE + 1])[typeOf(labels[s][i])]++;
                }
            }
            for (long span : SpanScore.spans(labels[s])) {
                int a = (int) (span >>> 40);
                int b = (int) ((span >>> 8) & 0xffffffffL);
                if (b - a < 2) {
                    continue;
                }
                for (int i = a; i < b; i++) {
                    inName[s][i] = true;
                    if (key[s][i] != null) {
                        names.computeIfAbsent(key[s][i], k -> new int[NONE])[(int) (span & 0xff)]++;
                    }
                }
            }
        }
        long[][] atoms = new long[n][];
        boolean[] rerun = new boolean[n];
        for (int s = 0; s < n; s++) {
            long[] a = new long[2 * sentences[s].length];
            for (int i = 0; i < sentences[s].length; i++) {
                if (key[s][i] == null) {
                    continue;
                }
                int own = typeOf(labels[s][i]);
                int[] w = words.get(key[s][i]);
                int others = -1;
                for (int c : w) {
                    others += c;
                }
                if (others > 0) {
                    w[own]--; // the other occurrences only
                    int best = argmax(w);
                    boolean unanimous = w[best] == others;
                    w[own]++;
                    a[2 * i] = Featurizer.documentAtom(false, 1 + 2 * best + (unanimous ? 1 : 0));
                    rerun[s] |= best != own;
                }
                int[] m = names.get(key[s][i]);
                if (m != null) {
                    boolean mine = inName[s][i];
                    if (mine) {
                        m[own]--;
                    }
                    int best = argmax(m);
                    if (m[best] > 0) {
                        a[2 * i + 1] = Featurizer.documentAtom(true, 1 + best);
                        rerun[s] |= best != own;
                    }
                    if (mine) {
                        m[own]++;
                    }
                }
            }
            atoms[s] = a;
        }
        return new DocumentContext(atoms, rerun);
    }

    /** Two atoms per token of sentence {@code s} (0: no context), for {@link Featurizer}. */
    public long[] atoms(int s) {
        return atoms[s];
    }

    /** Whether sentence {@code s} has a word whose context mostly says another type than its first label. */
    public boolean rerun(int s) {
        return rerun[s];
    }

    private static boolean eligible(String token) {
        if (token.length() < 2) {
            return false;
        }
        char c = token.charAt(0);
        return Character.isUpperCase(c) || Scripts.inArabicBlock(c) && Character.isLetter(c);
    }

    private static int typeOf(int label) {
        return label == EntityLabels.O ? NONE : EntityLabels.type(label);
    }

    /** The index of the largest count; ties go to the earlier index (a type before none). */
    private static int argmax(int[] counts) {
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return best;
    }
}
