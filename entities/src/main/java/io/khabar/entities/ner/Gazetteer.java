package io.khabar.entities.ner;

import io.khabar.text.StringIntTable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Names by entity type, as features for the recognizer (never as the recognizer itself): for each word, which types
 * it occurs in and where (a whole one-word name, the first word, a later word); for each whole name, its types. Keys
 * are {@link WordKeys} stems, so a clitic-bearing token such as لموسكو meets the entry موسكو.
 */
public final class Gazetteer {
    static final int MAX_WORDS = 5;
    /** While names are added (training); null once frozen into the tables. */
    private Map<String, Integer> words = new HashMap<>();
    private Map<String, Integer> names = new HashMap<>();
    private StringIntTable wordTable;
    private StringIntTable nameTable;

    /** Adds a name (its words as stem keys) of a type index of {@link EntityLabels#TYPES}. */
    public void add(String[] keys, int type) {
        if (words == null) {
            throw new IllegalStateException("a gazetteer read from a model file is frozen");
        }
        if (keys.length == 0 || keys.length > MAX_WORDS || type < 0) {
            return;
        }
        for (int i = 0; i < keys.length; i++) {
            int bit = keys.length == 1 ? type : (i == 0 ? 4 + type : 8 + type);
            words.merge(keys[i], 1 << bit, (a, b) -> a | b);
        }
        names.merge(String.join(" ", keys), 1 << type, (a, b) -> a | b);
    }

    /** Bits: type t as a one-word name (t), first word of a name (4+t), later word of a name (8+t). */
    public int wordMask(String key) {
        return wordTable != null ? wordTable.get(key, 0) : words.getOrDefault(key, 0);
    }

    /** Keeps the names in compact tables (what a loaded model holds for the life of the service); no more adds. */
    Gazetteer freeze() {
        if (words != null) {
            wordTable = StringIntTable.of(words);
            nameTable = StringIntTable.of(names);
            words = null;
            names = null;
        }
        return this;
    }

    private int nameTypes(StringBuilder phrase) {
        if (nameTable != null) {
            return nameTable.get(phrase, 0);
        }
        return names.getOrDefault(phrase.toString(), 0);
    }

    /**
     * Marks the tokens of a sentence covered by a name, longest match first: per token, bit t for the first token
     * of a name of type t and bit 4+t for a following one.
     */
    public int[] phraseMasks(String[] keys) {
        return phraseMasks(keys, new int[keys.length]);
    }

    /**
     * {@link #phraseMasks(String[])}, with each token's {@link #wordMask} into {@code wordMasks} (as long as
     * {@code keys}), which a caller that needs both then does not look up again.
     */
    public int[] phraseMasks(String[] keys, int[] wordMasks) {
        for (int i = 0; i < keys.length; i++) {
            wordMasks[i] = wordMask(keys[i]);
        }
        int[] masks = new int[keys.length];
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < keys.length) {
            int matched = 0;
            int types = 0;
            int word = wordMasks[i];
            if ((word & 0xf0) != 0) { // first word of some longer name: try those, longest first
                for (int len = Math.min(MAX_WORDS, keys.length - i); len >= 2 && matched == 0; len--) {
                    sb.setLength(0);
                    for (int k = i; k < i + len; k++) {
                        if (k > i) {
                            sb.append(' ');
                        }
                        sb.append(keys[k]);
                    }
                    int t = nameTypes(sb);
                    if (t != 0) {
                        matched = len;
                        types = t;
                    }
                }
            }
            if (matched == 0 && (word & 0xf) != 0) { // a one-word name
                matched = 1;
                types = word & 0xf;
            }
            if (matched == 0) {
                i++;
                continue;
            }
            masks[i] |= types;
            for (int k = i + 1; k < i + matched; k++) {
                masks[k] |= types << 4;
            }
            i += matched;
        }
        return masks;
    }

    public int size() {
        return nameTable != null ? nameTable.size() : names.size();
    }

    void write(DataOutputStream out) throws IOException {
        Map<String, Integer> all = names;
        if (all == null) {
            all = new java.util.TreeMap<>();
            nameTable.forEach(all::put);
        }
        out.writeInt(all.size());
        for (Map.Entry<String, Integer> e : all.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeByte(e.getValue());
        }
    }

    static Gazetteer read(DataInputStream in) throws IOException {
        Gazetteer g = new Gazetteer();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int types = in.readByte();
            for (int t = 0; t < 4; t++) {
                if ((types & (1 << t)) != 0) {
                    g.add(name.split(" "), t);
                }
            }
        }
        return g.freeze();
    }
}
