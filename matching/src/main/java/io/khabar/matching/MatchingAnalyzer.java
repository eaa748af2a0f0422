package io.khabar.matching;

import io.khabar.events.MatchingText;
import io.khabar.text.Scripts;
import io.khabar.text.StringIntTable;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The matching layer: one normalized form per word of {@code text}, for search and entity lookup, with each word's
 * offsets so a match leads back to the original. It never changes {@code text}.
 * <ul>
 *   <li>Words are maximal runs of letters, digits and combining marks (tatweel included).</li>
 *   <li>Arabic script: Lucene's {@link ArabicNormalizer} (أ إ آ ٱ to ا, ى to ي, ة to ه, diacritics and tatweel
 *       removed), Persian ک and ی to ك and ي, Arabic-Indic and Persian digits to ASCII.</li>
 *   <li>Other scripts: lower case, then accents folded ({@link ASCIIFoldingFilter}: é to e, ß to ss).</li>
 *   <li>Stems strip Arabic proclitics. The article combinations وال فال بال كال (and لل, which is ل + ال) always
 *       come down to ال. A bare و ف ب ك ل is stripped only when what remains is a known word of the lexicon (names
 *       of people and places, and common words) and the word itself is not one: so لموسكو is موسكو, while بوتين
 *       stays بوتين and كبير stays كبير.</li>
 * </ul>
 * The lexicon is {@code arabic-lexicon.txt} beside this class, built by {@code matching/scripts/build-arabic-lexicon}
 * (see {@code matching/src/main/resources/io/khabar/matching/PROVENANCE.md}).
 */
public final class MatchingAnalyzer {
    /** The committed lexicon resource, beside this class; rebuilt by {@code matching/scripts/build-arabic-lexicon}. */
    public static final String LEXICON = "arabic-lexicon.txt";
    private static final ArabicNormalizer ARABIC = new ArabicNormalizer();
    /**
     * The lexicon's words (value 1). Not a {@code Set.of}: {@code String.hashCode} of Arabic words collides in full
     * often (الرئه and الذنب), and that set's linear probing then compared long runs of words, 2-8% of each service's
     * CPU under the benchmark; the table hashes every character with a finalizing mix.
     */
    private final StringIntTable lexicon;

    public MatchingAnalyzer() {
        this(loadLexicon());
    }

    public MatchingAnalyzer(Set<String> lexicon) {
        this.lexicon = StringIntTable.setOf(lexicon);
    }

    public MatchingText analyze(String text) {
        int[] offsets = new int[64];
        int words = 0;
        StringBuilder forms = new StringBuilder(text.length());
        StringBuilder stems = new StringBuilder(text.length());
        char[] buf = new char[64];
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            if (buf.length < (i - start) * 4) {
                buf = new char[(i - start) * 4];
            }
            String form = form(text, start, i, buf);
            if (form.isEmpty()) {
                continue; // a run of marks alone
            }
            if (words * 2 + 2 > offsets.length) {
                offsets = Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[words * 2] = start;
            offsets[words * 2 + 1] = i;
            if (words > 0) {
                forms.append(' ');
                stems.append(' ');
            }
            forms.append(form);
            stems.append(stem(form));
            words++;
        }
        String f = forms.toString();
        String st = stems.toString();
        return new MatchingText(f, st.equals(f) ? null : st, Arrays.copyOf(offsets, words * 2));
    }

    /** The matching form of one word or a whole query (words joined by single spaces). */
    public String form(String s) {
        return analyze(s).forms();
    }

    /** The proclitic-stripped forms of a word or query. */
    public String stems(String s) {
        return analyze(s).stemsOrForms();
    }

    private static String form(String text, int start, int end, char[] buf) {
        boolean arabic = false;
        int len = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Scripts.inArabicBlock(c)) {
                arabic = true;
                if (c >= 0x0660 && c <= 0x0669) {
                    c = (char) ('0' + c - 0x0660);
                } else if (c >= 0x06F0 && c <= 0x06F9) {
                    c = (char) ('0' + c - 0x06F0);
                } else if (c == 0x06A9) {
                    c = 0x0643; // Persian keheh to kaf
                } else if (c == 0x06CC) {
                    c = 0x064A; // Persian yeh to yeh
                }
                buf[len++] = c;
            } else {
                buf[len++] = Character.toLowerCase(c);
            }
        }
        if (arabic) {
            len = ARABIC.normalize(buf, len);
        }
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (buf[i] >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(buf, 0, len);
        }
        // drop combining marks left over (NFD input), then fold accents; Arabic letters pass through unchanged
        int kept = 0;
        for (int i = 0; i < len; i++) {
            if (Character.getType(buf[i]) != Character.NON_SPACING_MARK) {
                buf[kept++] = buf[i];
            }
        }
        boolean folds = false;
        for (int i = 0; i < kept && !folds; i++) {
            folds = FOLDS.get(buf[i]);
        }
        if (!folds) {
            return new String(buf, 0, kept); // Arabic letters, mostly: folding would give them back
        }
        char[] out = new char[kept * 4];
        int outLen = ASCIIFoldingFilter.foldToASCII(buf, 0, out, 0, kept);
        return new String(out, 0, outLen);
    }

    /**
     * The characters that {@link ASCIIFoldingFilter} changes, found once by folding each alone (it folds each
     * character on its own): a word with none of them is its own folding. The filter finds a character among about a
     * thousand cases, which for every letter of an Arabic text was the analyzer's largest cost (6-11% of store's and
     * ingest's CPU under the benchmark).
     */
    private static final java.util.BitSet FOLDS = new java.util.BitSet(Character.MAX_VALUE + 1);

    static {
        char[] in = new char[1];
        char[] out = new char[4];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            in[0] = (char) c;
            if (ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1) != 1 || out[0] != c) {
                FOLDS.set(c);
            }
        }
    }

    private boolean known(String word) {
        return lexicon.contains(word);
    }

    /** Strips proclitics from one normalized word (see the class comment). */
    String stem(String w) {
        if (w.length() < 4 || "وفبكلا".indexOf(w.charAt(0)) < 0 || known(w)) {
            return w;
        }
        // article combinations: وال فال بال كال -> ال ; لل -> ال ; also و/ف + those
        String s = w;
        if ((s.startsWith("و") || s.startsWith("ف")) && s.length() >= 5 && (s.startsWith("ال", 1)
                || s.startsWith("بال", 1) || s.startsWith("كال", 1) || s.startsWith("لل", 1))) {
            s = s.substring(1);
        }
        if ((s.startsWith("بال") || s.startsWith("كال")) && s.length() >= 5) {
            return s.substring(1);
        }
        if (s.startsWith("لل") && s.length() >= 4) {
            return "ا" + s.substring(1);
        }
        if (s.startsWith("ال") && s.length() >= 4) {
            return s;
        }
        // bare proclitics, only towards a known word: conjunction (و ف) then preposition (ب ك ل)
        for (String candidate : new String[]{strip(s, "وفبكل", 3), strip(strip(s, "وف", 3), "بكل", 3)}) {
            if (!candidate.equals(s) && known(candidate)) {
                return candidate;
            }
        }
        return s;
    }

    private static String strip(String s, String letters, int minRest) {
        return s.length() - 1 >= minRest && letters.indexOf(s.charAt(0)) >= 0 ? s.substring(1) : s;
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || c == '\u0640';
    }

    static Set<String> loadLexicon() {
        try (InputStream in = MatchingAnalyzer.class.getResourceAsStream(LEXICON)) {
            if (in == null) {
                throw new IllegalStateException(LEXICON + " is missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        words.add(line.strip());
                    }
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LEXICON, e);
        }
    }
}
