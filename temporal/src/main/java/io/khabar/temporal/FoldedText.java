package io.khabar.temporal;

/**
 * The text the taggers match against: Arabic-Indic and Persian digits as ASCII, the Arabic decimal and thousands
 * separators and percent sign as {@code . , %}, hamza-carrying alefs as bare alef, ta marbuta as ha, alef maqsura as
 * ya, diacritics, tatweel and bidi marks dropped, Latin lower-cased, odd spaces as spaces. One table of spellings then
 * covers every way a word is written, and {@link #originalStart}/{@link #originalEnd} map a match back to the UTF-16
 * offsets of the text the caller gave.
 */
final class FoldedText {
    private final String text;
    /** For each folded index, the index of its character in the original; one extra entry: the original length. */
    private final int[] toOriginal;

    private FoldedText(String text, int[] toOriginal) {
        this.text = text;
        this.toOriginal = toOriginal;
    }

    static FoldedText of(String original) {
        StringBuilder b = new StringBuilder(original.length());
        int[] map = new int[original.length() + 1];
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            char f = fold(c);
            if (f != 0) {
                map[b.length()] = i;
                b.append(f);
            }
        }
        map[b.length()] = original.length();
        return new FoldedText(b.toString(), map);
    }

    /** The folded form of one character, or 0 to drop it. Exposed for folding table entries the same way. */
    static char fold(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + c - '\u0660');
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + c - '\u06F0');
        }
        if (c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c == '\u0640'
                || c >= '\u200B' && c <= '\u200F' || c == '\u061C' || c >= '\u202A' && c <= '\u202E') {
            return 0;
        }
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671' -> '\u0627';
            case '\u0629' -> '\u0647';
            case '\u0649' -> '\u064A';
            case '\u066B' -> '.';
            case '\u066C' -> ',';
            case '\u066A' -> '%';
            case '\u00A0', '\u2009', '\u202F', '\u2007' -> ' ';
            default -> Character.toLowerCase(c);
        };
    }

    /** A table entry or phrase folded like the text, so that it matches. */
    static String foldWord(String s) {
        return of(s).text;
    }

    String text() {
        return text;
    }

    int originalStart(int foldedStart) {
        return toOriginal[foldedStart];
    }

    /** The original end of a match ending at {@code foldedEnd}: dropped marks right after its last character count. */
    int originalEnd(int foldedEnd) {
        return toOriginal[foldedEnd];
    }
}
