package io.khabar.entities.ner;

import java.util.List;
import java.util.Locale;

/**
 * The IOB2 label set of the recognizer: {@code O}, then {@code B-} and {@code I-} for each entity type. Types are
 * Khabar's names (PERSON, ORGANIZATION, LOCATION, MISC); the corpora's own names (PERS, PER, LOC, ORG) map onto them.
 */
public final class EntityLabels {
    public static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
    public static final int O = 0;
    public static final int COUNT = 1 + 2 * TYPES.size();

    private EntityLabels() {
    }

    public static int begin(int type) {
        return 1 + 2 * type;
    }

    public static int inside(int type) {
        return 2 + 2 * type;
    }

    /** The type index of a label, or -1 for {@code O}. */
    public static int type(int label) {
        return label == O ? -1 : (label - 1) / 2;
    }

    public static boolean isBegin(int label) {
        return label != O && (label - 1) % 2 == 0;
    }

    /** A corpus type name (PERS, PER, LOC, ORG, MISC, or Khabar's own) as a type index, or -1 when unknown. */
    public static int typeOf(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "PERS", "PER", "PERSON" -> 0;
            case "ORG", "ORGANIZATION", "ORGANISATION" -> 1;
            case "LOC", "LOCATION", "GPE" -> 2;
            case "MISC" -> 3;
            default -> -1;
        };
    }

    /** Parses an IOB2 (or IOB1) tag; anything unreadable, such as a stray mark in place of the tag, is {@code O}. */
    public static int parse(String tag) {
        if (tag.length() < 3 || tag.charAt(1) != '-') {
            return O;
        }
        int type = typeOf(tag.substring(2));
        if (type < 0) {
            return O;
        }
        return switch (tag.charAt(0)) {
            case 'B' -> begin(type);
            case 'I' -> inside(type);
            default -> O;
        };
    }

    /** Whether {@code next} may follow {@code prev} (-1 for the sentence start): I-X only after B-X or I-X. */
    public static boolean allowed(int prev, int next) {
        if (next == O || isBegin(next)) {
            return true;
        }
        return prev != -1 && prev != O && type(prev) == type(next);
    }

    public static String name(int label) {
        return label == O ? "O" : (isBegin(label) ? "B-" : "I-") + TYPES.get(type(label));
    }
}
