package io.khabar.normalize.dedup;

import io.khabar.events.ArticleIds;
import io.khabar.events.MatchingText;

/**
 * MinHash over word shingles of the matching layer's stems, so a rewrite that only changes diacritics, hamza forms,
 * case, clitics or a few words still shares most shingles. {@value #SHINGLE} words a shingle, {@value #HASHES} hash
 * functions in {@value #BANDS} bands for locality-sensitive lookup. Deterministic: the same text gives the same
 * signature on every machine and every run.
 */
public final class MinHasher {
    public static final int SHINGLE = 3;
    public static final int HASHES = 64;
    public static final int BANDS = 32;
    /** Hash function i is {@code (A[i] * h + B[i]) >>> 32} over the shingle's 64-bit hash h (multiply-shift). */
    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];

    static {
        long x = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            A[i] = x | 1;
            x = mix(x + 0x9E3779B97F4A7C15L);
            B[i] = x;
        }
    }

    public Fingerprint fingerprint(String text, MatchingText matching) {
        String hash = ArticleIds.sha256Hex(text);
        String stems = matching.stemsOrForms();
        int n = matching.size();
        if (n == 0 || stems.isEmpty()) {
            return new Fingerprint(hash, new int[0]);
        }
        int[] min = new int[HASHES];
        java.util.Arrays.fill(min, Integer.MAX_VALUE);
        long[] wordHashes = new long[n];
        int words = 0;
        long h0 = 0;
        int len = 0;
        for (int i = 0; i <= stems.length(); i++) {
            if (i == stems.length() || stems.charAt(i) == ' ') {
                if (words < n) {
                    wordHashes[words++] = mix(h0 * 0x9E3779B97F4A7C15L + len);
                }
                h0 = 0;
                len = 0;
            } else {
                h0 = 31 * h0 + stems.charAt(i);
                len++;
            }
        }
        int shingles = Math.max(1, words - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int k = s; k < Math.min(words, s + SHINGLE); k++) {
                h = mix(h * 31 + wordHashes[k]);
            }
            for (int i = 0; i < HASHES; i++) {
                int v = (int) ((A[i] * h + B[i]) >>> 33);
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        return new Fingerprint(hash, min);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
