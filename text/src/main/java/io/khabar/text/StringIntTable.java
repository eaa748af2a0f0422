package io.khabar.text;

import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * An immutable map from words (or phrases) to ints held in four arrays: the keys' characters end to end, where each
 * key starts, the values, and an open-addressing slot table. A {@code HashMap<String, Integer>} of the same half a
 * million names costs four objects per entry (node, string, its bytes, the boxed value), which the garbage collector
 * walks again at every marking cycle of a long-running service; this costs none per entry. Lookups take any
 * {@link CharSequence}, so a phrase assembled in a reused {@code StringBuilder} needs no new string. Keys are hashed
 * with a finalizing mix, since {@code String.hashCode} of Arabic words collides often in the low bits.
 */
public final class StringIntTable {
    public static final StringIntTable EMPTY = of(Map.of());
    private final char[] chars;
    /** entry i's key is chars[starts[i], starts[i + 1]) */
    private final int[] starts;
    private final int[] values;
    /**
     * Per slot, 0 when empty, else the entry's index + 1 in the low {@link #entryBits} bits and the top bits of its
     * key's hash above them: a probe that meets another key's slot tells from the slot alone, nearly always, that it
     * is not the key, without reading that key's characters (two more cache misses in a large table). A power of two
     * at most half full.
     */
    private final int[] slots;
    /** bits that hold an entry's index + 1 in a slot (enough for the entry count); the rest hold hash bits */
    private final int entryBits;

    private StringIntTable(char[] chars, int[] starts, int[] values, int[] slots, int entryBits) {
        this.chars = chars;
        this.starts = starts;
        this.values = values;
        this.slots = slots;
        this.entryBits = entryBits;
    }

    /** A set of words: each key with the value 1, for {@link #contains}. */
    public static StringIntTable setOf(java.util.Collection<String> keys) {
        Map<String, Integer> map = new java.util.HashMap<>();
        for (String k : keys) {
            map.put(k, 1);
        }
        return of(map);
    }

    public static StringIntTable of(Map<String, Integer> map) {
        int n = map.size();
        long total = 0;
        for (String k : map.keySet()) {
            total += k.length();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("keys too long for one table: " + total + " characters");
        }
        char[] chars = new char[(int) total];
        int[] starts = new int[n + 1];
        int[] values = new int[n];
        int capacity = Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1;
        int[] slots = new int[capacity];
        int entryBits = entryBits(n);
        int i = 0;
        int at = 0;
        for (Map.Entry<String, Integer> e : map.entrySet()) {
            String k = e.getKey();
            k.getChars(0, k.length(), chars, at);
            starts[i] = at;
            at += k.length();
            values[i] = e.getValue();
            int h = hash(k);
            int s = h & (capacity - 1);
            while (slots[s] != 0) {
                s = (s + 1) & (capacity - 1);
            }
            slots[s] = (h >>> entryBits << entryBits) | (i + 1);
            i++;
        }
        starts[n] = at;
        return new StringIntTable(chars, starts, values, slots, entryBits);
    }

    /** Bits for index + 1 of {@code n} entries: 1 to 31, so at least one bit of hash is left. */
    private static int entryBits(int n) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(n));
    }

    /** The value of {@code key}, or {@code missing} when the table has no such key. */
    public int get(CharSequence key, int missing) {
        int mask = slots.length - 1;
        int h = hash(key);
        int high = h >>> entryBits;
        int entryMask = (1 << entryBits) - 1;
        int s = h & mask;
        for (int e = slots[s]; e != 0; e = slots[s]) {
            if (e >>> entryBits == high) {
                int entry = (e & entryMask) - 1;
                if (equalsKey(entry, key)) {
                    return values[entry];
                }
            }
            s = (s + 1) & mask;
        }
        return missing;
    }

    /** Whether the table has {@code key} (with a value other than 0: every key of {@link #setOf}). */
    public boolean contains(CharSequence key) {
        return get(key, 0) != 0;
    }

    public int size() {
        return values.length;
    }

    /** Every entry, in the table's (arbitrary) order. */
    public void forEach(ObjIntConsumer<String> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(new String(chars, starts[i], starts[i + 1] - starts[i]), values[i]);
        }
    }

    private boolean equalsKey(int entry, CharSequence key) {
        int from = starts[entry];
        int len = starts[entry + 1] - from;
        if (len != key.length()) {
            return false;
        }
        for (int j = 0; j < len; j++) {
            if (chars[from + j] != key.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The table's hash of a key: every character, then a finalizing mix. Also for other structures keyed by words,
     * since {@code String.hashCode} of two Arabic words is often the same (الرئه and الذنب).
     */
    public static int hash(CharSequence key) {
        int h = 0x9E3779B9;
        for (int j = 0, n = key.length(); j < n; j++) {
            h = (h ^ key.charAt(j)) * 0x01000193; // FNV-1a step, then murmur3's finalizer spreads every bit
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    @Override
    public String toString() {
        return "StringIntTable[" + values.length + " keys, " + chars.length + " chars, " + slots.length + " slots]";
    }
}
