package io.khabar.events;

/**
 * The matching layer of {@code text}: one form per word, for search and entity lookup. It never replaces {@code text}.
 * Word {@code i} of {@code forms} and of {@code stems} (split on single spaces) is the word at
 * {@code text.substring(offsets[2i], offsets[2i+1])}.
 * <ul>
 *   <li>Arabic: alef variants to ا, ى to ي, ة to ه, diacritics and tatweel removed (Lucene's ArabicNormalizer), and
 *       Arabic-Indic and Persian digits to ASCII;</li>
 *   <li>Latin and other cased scripts: case folding and accent folding;</li>
 *   <li>{@code stems}: the same with Arabic proclitics stripped (و ف ب ك ل ال and their combinations) when what
 *       remains is still a word; for other scripts equal to {@code forms}.</li>
 * </ul>
 *
 * @param forms   normalized words, separated by one space
 * @param stems   proclitic-stripped words, separated by one space, aligned with {@code forms}; absent (null) when
 *                equal to {@code forms} (text with no Arabic proclitics to strip), see {@link #stemsOrForms()}
 * @param offsets start and end offset into {@code text} of each word, two per word
 */
public record MatchingText(String forms, String stems, int[] offsets) {
    /** {@code stems}, or {@code forms} when they are the same. */
    public String stemsOrForms() {
        return stems == null ? forms : stems;
    }

    /** Number of words. */
    public int size() {
        return offsets == null ? 0 : offsets.length / 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchingText m && java.util.Objects.equals(forms, m.forms)
                && java.util.Objects.equals(stems, m.stems) && java.util.Arrays.equals(offsets, m.offsets);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(forms, stems, java.util.Arrays.hashCode(offsets));
    }

    @Override
    public String toString() {
        return "MatchingText[forms=" + forms + ", stems=" + stems + ", words=" + size() + "]";
    }
}
