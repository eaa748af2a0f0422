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
    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < HASHES; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            SEEDS[i] = x | 1;
        }
    }

    public Fingerprint fingerprint(String text, MatchingText matching) {
        String hash = ArticleIds.sha256Hex(text);
        String[] words = matching.stems().isEmpty() ? new String[0] : matching.stems().split(" ");
        if (words.length == 0) {
            return new Fingerprint(hash, new int[0]);
        }
        int[] min = new int[HASHES];
        java.util.Arrays.fill(min, Integer.MAX_VALUE);
        int shingles = Math.max(1, words.length - SHINGLE + 1);
        long[] wordHashes = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            wordHashes[i] = mix(words[i].hashCode() * 0x9E3779B97F4A7C15L + words[i].length());
        }
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int k = s; k < Math.min(words.length, s + SHINGLE); k++) {
                h = mix(h * 31 + wordHashes[k]);
            }
            for (int i = 0; i < HASHES; i++) {
                int v = (int) (mix(h ^ SEEDS[i]) >>> 33);
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
