package io.khabar.normalize.dedup;

/**
 * What deduplication compares: the SHA-256 of the normalized text (exact duplicates) and a MinHash signature of its
 * word shingles (near duplicates).
 *
 * @param textHash  SHA-256 (hex) of {@code text}
 * @param signature {@link MinHasher#HASHES} minimum hashes, empty when the text has no words
 */
public record Fingerprint(String textHash, int[] signature) {
    /** The locality-sensitive band keys: {@link MinHasher#BANDS} values, two hashes each. */
    public long[] bands() {
        if (signature.length == 0) {
            return new long[0];
        }
        long[] bands = new long[MinHasher.BANDS];
        int rows = MinHasher.HASHES / MinHasher.BANDS;
        for (int b = 0; b < MinHasher.BANDS; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < rows; r++) {
                h = (h ^ (signature[b * rows + r] & 0xFFFFFFFFL)) * 0xBF58476D1CE4E5B9L;
            }
            bands[b] = h ^ (h >>> 31);
        }
        return bands;
    }

    /** Estimated Jaccard similarity of the two texts' shingle sets: the share of equal minimum hashes. */
    public double similarity(int[] other) {
        if (signature.length == 0 || other.length != signature.length) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < signature.length; i++) {
            if (signature[i] == other[i]) {
                same++;
            }
        }
        return (double) same / signature.length;
    }
}
