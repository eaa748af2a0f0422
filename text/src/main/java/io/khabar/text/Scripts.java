package io.khabar.text;

/**
 * Is this Arabic? Two questions with two answers, asked in one place:
 * <ul>
 *   <li>{@link #inArabicBlock(char)}: the character is in the Arabic block, U+0600-U+06FF (letters, diacritics,
 *       Arabic-Indic digits and Arabic punctuation such as {@code ، ؛ ؟}). This is what the recognizers' features, the
 *       matching layer and the taggers were built and trained with: keep it for them, or the trained models no longer
 *       see the features they learned.</li>
 *   <li>{@link #isArabicScript(char)}: any Arabic-script character a text may carry, the Arabic block and its
 *       supplements and presentation forms (U+0750-U+077F, U+08A0-U+08FF, U+FB50-U+FDFF, U+FE70-U+FEFC); for
 *       deciding whether a name or a text is written in Arabic.</li>
 * </ul>
 */
public final class Scripts {
    private Scripts() {
    }

    /** U+0600-U+06FF. */
    public static boolean inArabicBlock(char c) {
        return c >= '\u0600' && c <= '\u06FF';
    }

    /** Whether {@code s} is non-empty and its first character is in the Arabic block. */
    public static boolean startsInArabicBlock(CharSequence s) {
        return s != null && s.length() > 0 && inArabicBlock(s.charAt(0));
    }

    /** Whether any character of {@code s} is in the Arabic block. */
    public static boolean anyInArabicBlock(CharSequence s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (inArabicBlock(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The Arabic block, its supplements and its presentation forms (not U+FEFF, the byte-order mark). */
    public static boolean isArabicScript(char c) {
        return inArabicBlock(c) || c >= '\u0750' && c <= '\u077F' || c >= '\u08A0' && c <= '\u08FF'
                || c >= '\uFB50' && c <= '\uFDFF' || c >= '\uFE70' && c <= '\uFEFC';
    }

    /** Whether any character of {@code s} is Arabic script. */
    public static boolean anyArabicScript(CharSequence s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isArabicScript(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
