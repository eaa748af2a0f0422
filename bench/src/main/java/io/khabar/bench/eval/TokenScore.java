package io.khabar.bench.eval;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Token-level precision, recall and F1 of an extracted text against an expected one, as bags of tokens (the metric of
 * the common main-content extraction benchmarks). Tokens are runs of letters and digits, lower-cased; in scripts
 * written without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar) each character is a token.
 */
public record TokenScore(double precision, double recall, double f1) {

    public static TokenScore of(String predicted, String expected) {
        Map<String, Integer> p = tokens(predicted);
        Map<String, Integer> g = tokens(expected);
        int pn = p.values().stream().mapToInt(Integer::intValue).sum();
        int gn = g.values().stream().mapToInt(Integer::intValue).sum();
        int common = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            common += Math.min(e.getValue(), g.getOrDefault(e.getKey(), 0));
        }
        if (pn == 0 && gn == 0) {
            return new TokenScore(1, 1, 1);
        }
        double precision = pn == 0 ? 0 : (double) common / pn;
        double recall = gn == 0 ? 0 : (double) common / gn;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new TokenScore(precision, recall, f1);
    }

    static Map<String, Integer> tokens(String s) {
        Map<String, Integer> out = new HashMap<>();
        String lower = s.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            int c = lower.codePointAt(i);
            int len = Character.charCount(c);
            if (unspaced(c)) {
                out.merge(lower.substring(i, i + len), 1, Integer::sum);
                i += len;
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < lower.length() && Character.isLetterOrDigit(lower.codePointAt(i))
                        && !unspaced(lower.codePointAt(i))) {
                    i += Character.charCount(lower.codePointAt(i));
                }
                out.merge(lower.substring(start, i), 1, Integer::sum);
            } else {
                i += len;
            }
        }
        return out;
    }

    private static boolean unspaced(int c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI
                || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
                || s == Character.UnicodeScript.MYANMAR;
    }
}
