package io.khabar.topics;

import io.khabar.text.Scripts;

/**
 * The matching key of one word, shared by the cue tables and the articles so both sides fold the same way. It starts
 * from the matching layer's stem (normalized, proclitics stripped) and folds a little further:
 * <ul>
 *   <li>Arabic: the article ال is dropped when three letters or more remain (الاقتصاد and اقتصاد are one key);</li>
 *   <li>Latin: a plural -s is folded (ies to y; s dropped unless the word ends in ss, us or is), words of 4 letters or
 *       more only.</li>
 * </ul>
 */
final class Keys {
    private Keys() {
    }

    static String key(String stem) {
        int n = stem.length();
        if (n == 0) {
            return stem;
        }
        char c = stem.charAt(0);
        if (Scripts.inArabicBlock(c)) {
            return n >= 5 && c == 'ا' && stem.charAt(1) == 'ل' ? stem.substring(2) : stem;
        }
        if (n >= 4 && stem.charAt(n - 1) == 's') {
            char p = stem.charAt(n - 2);
            if (p == 's' || p == 'u' || p == 'i') {
                return stem;
            }
            if (n >= 5 && p == 'e' && stem.charAt(n - 3) == 'i') {
                return stem.substring(0, n - 3) + 'y';
            }
            return stem.substring(0, n - 1);
        }
        return stem;
    }

    static boolean isArabic(String s) {
        return Scripts.anyInArabicBlock(s);
    }
}
