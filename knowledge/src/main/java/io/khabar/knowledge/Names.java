package io.khabar.knowledge;

/**
 * Name helpers of the knowledge base, public for the tools that write knowledge-base files (the compiler and the
 * Wikidata importer in {@code bench}): cleaning a name into a valid value, and the word count of a lookup key.
 */
public final class Names {
    private Names() {
    }

    /**
     * Collapses white space and replaces tabs, line breaks and {@code |} (not allowed in KB values); null if blank.
     * Producers of knowledge-base files clean every name with this before writing it ({@link KbFile}).
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '|' || c == '\u200f'
                    || c == '\u200e' || c == '\ufeff';
            if (ws) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** The number of words of a lookup key ({@link KnowledgeBase#key}): spaces plus one, 0 for an empty key. */
    public static int words(String key) {
        if (key.isEmpty()) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }
}
