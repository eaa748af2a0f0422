package io.khabar.entities.ner;

import java.util.Arrays;

/**
 * Splits text into the tokens the recognizer was trained on (the corpora's convention): runs of letters, digits and
 * combining marks, kept whole across an inner hyphen ({@code Italian-born}), an abbreviation's dots ({@code U.S.})
 * and a number's separators ({@code 1,250.5}); an initial ({@code P. Simmons}) and a short list of abbreviations
 * ({@code Inc.}, {@code St.}) keep their dot; every other non-space character is a token of its own. Arabic
 * proclitics stay attached, as in ANERcorp ({@code بالأسد} is one token).
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** Token boundaries within {@code [from, to)} of {@code text}, as start,end pairs. */
    public static int[] tokenize(CharSequence text, int from, int to) {
        int[] out = new int[32];
        int n = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isIgnorable(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isWordChar(c)) {
                i++;
                while (i < to) {
                    char d = text.charAt(i);
                    if (isWordChar(d)) {
                        i++;
                    } else if (i + 1 < to && isWordChar(text.charAt(i + 1)) && joins(text, start, i, d)) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                if (i < to && text.charAt(i) == '.' && (isAbbreviation(text, start, i) || isInitial(text, start, i, to)
                        || ABBREVIATIONS.contains(text.subSequence(start, i).toString())
                        || start == from && isOrdinal(text, start, i, to))) {
                    i++; // U.S., an initial (P. Simmons) and Inc. keep their dot, as the corpora write them
                }
            } else {
                i++;
            }
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = start;
            out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    public static String[] words(String text) {
        int[] t = tokenize(text, 0, text.length());
        String[] w = new String[t.length / 2];
        for (int k = 0; k < w.length; k++) {
            w[k] = text.substring(t[2 * k], t[2 * k + 1]);
        }
        return w;
    }

    private static boolean joins(CharSequence text, int start, int at, char d) {
        char before = text.charAt(at - 1);
        char after = text.charAt(at + 1);
        if (d == '-' || d == '\u2010' || d == '\u2011') {
            return true;
        }
        if ((d == '.' || d == ',') && Character.isDigit(before) && Character.isDigit(after)) {
            return true;
        }
        // U.S, U.N (the final dot is taken after the loop): single letters between dots
        return d == '.' && Character.isLetter(before) && Character.isUpperCase(after)
                && (at - start == 1 || text.charAt(at - 2) == '.');
    }

    /** Abbreviations written with a dot inside news sentences (the corpora keep the dot on the word). */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Mt",
            "Ft", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen",
            "Rep", "Prof", "Rev", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "No", "vs");

    /** A list's number at the start of a line or sentence ({@code 2. McEwen}). */
    private static boolean isOrdinal(CharSequence text, int start, int end, int to) {
        if (end - start > 3 || end + 1 >= to || text.charAt(end + 1) != ' ') {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A single capital letter with its dot before a capitalized word: an initial (P. Simmons, George W. Bush). */
    private static boolean isInitial(CharSequence text, int start, int end, int to) {
        if (end - start != 1 || !Character.isUpperCase(text.charAt(start)) || text.charAt(start) > 'Z') {
            return false;
        }
        int k = end + 1;
        while (k < to && text.charAt(k) == ' ') {
            k++;
        }
        return k > end + 1 && k < to && Character.isUpperCase(text.charAt(k));
    }

    private static boolean isAbbreviation(CharSequence text, int start, int end) {
        // single capital letters separated by dots: U.S  U.N  U.K
        if (end - start < 3) {
            return false;
        }
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            boolean letterSlot = (k - start) % 2 == 0;
            if (letterSlot ? !Character.isUpperCase(c) : c != '.') {
                return false;
            }
        }
        return true;
    }

    static boolean isWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || c == '\u0640';
    }

    private static boolean isIgnorable(char c) {
        return c == '\u200f' || c == '\u200e' || c == '\u200b' || c == '\u200c' || c == '\u200d' || c == '\ufeff';
    }
}
