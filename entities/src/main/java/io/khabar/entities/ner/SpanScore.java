package io.khabar.entities.ner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 in the CoNLL convention: an entity counts only when its type and both
 * boundaries are exactly right. Kept per type and overall.
 */
public final class SpanScore {
    private final long[] gold = new long[EntityLabels.TYPES.size()];
    private final long[] predicted = new long[EntityLabels.TYPES.size()];
    private final long[] correct = new long[EntityLabels.TYPES.size()];

    /** Adds one sentence's gold and predicted labels. */
    public void add(int[] goldLabels, int[] predictedLabels) {
        Set<Long> g = new HashSet<>();
        for (long span : spans(goldLabels)) {
            g.add(span);
            gold[(int) (span & 0xff)]++;
        }
        for (long span : spans(predictedLabels)) {
            predicted[(int) (span & 0xff)]++;
            if (g.contains(span)) {
                correct[(int) (span & 0xff)]++;
            }
        }
    }

    /** Entities as (start << 40 | end << 8 | type). */
    static List<Long> spans(int[] labels) {
        List<Long> out = new ArrayList<>();
        int start = -1;
        int type = -1;
        for (int i = 0; i <= labels.length; i++) {
            int l = i < labels.length ? labels[i] : EntityLabels.O;
            boolean continues = l != EntityLabels.O && !EntityLabels.isBegin(l) && EntityLabels.type(l) == type;
            if (start >= 0 && !continues) {
                out.add(((long) start << 40) | ((long) i << 8) | type);
                start = -1;
                type = -1;
            }
            if (l != EntityLabels.O && !continues) {
                start = i;
                type = EntityLabels.type(l);
            }
        }
        return out;
    }

    public double f1() {
        return f1(sum(correct), sum(predicted), sum(gold));
    }

    public String report(String title) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        sb.append(String.format(Locale.ROOT, "%-13s %9s %9s %9s %7s %7s%n", "type", "precision", "recall", "F1",
                "gold", "found"));
        for (int t = 0; t < gold.length; t++) {
            if (gold[t] == 0 && predicted[t] == 0) {
                continue; // a type left out of the scoring (MISC when only PER/LOC/ORG count)
            }
            row(sb, EntityLabels.TYPES.get(t), correct[t], predicted[t], gold[t]);
        }
        row(sb, "overall", sum(correct), sum(predicted), sum(gold));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, long c, long p, long g) {
        sb.append(String.format(Locale.ROOT, "%-13s %9.4f %9.4f %9.4f %7d %7d%n", name, p == 0 ? 0 : (double) c / p,
                g == 0 ? 0 : (double) c / g, f1(c, p, g), g, p));
    }

    private static double f1(long c, long p, long g) {
        return c == 0 ? 0 : 2.0 * c / (p + g);
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }
}
