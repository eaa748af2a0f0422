package io.khabar.normalize.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import io.khabar.text.Scripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Language identification: optimaize language-detector's n-gram profiles (71 languages), taking the most probable
 * language of the text's own script rather than the library's thresholded {@code detect()}, which abstains on short
 * text. Arabic-script text is where n-grams are weakest (Persian and Urdu share most letters with Arabic), so letters
 * that only one of the three writes decide when present:
 * <ul>
 *   <li>Urdu: ٹ ڈ ڑ ں ے ۓ ہ ۂ (at least 2% of the Arabic-script letters);</li>
 *   <li>else Persian when its letters پ چ ژ گ ک ی outnumber Arabic's own ك ي ة ى, Arabic when the reverse;</li>
 *   <li>else (a tie, often none of either) the n-gram ranking among ar, fa and ur.</li>
 * </ul>
 * With {@link #DECISIVE_LETTERS} or more such letters of margin the letters decide alone, without the n-gram pass;
 * that keeps long Arabic text cheap. {@link #identify} uses the library's sampling algorithm, the accurate one, on text
 * of {@link #SHORT_TEXT} characters or more, and its deterministic one-pass algorithm on shorter text (as the library
 * does by default); {@link #confirm} first tries that quick pass over a paragraph's first {@value #QUICK_CHARS} characters
 * and falls back to {@link #identify} when that does not confirm the language expected from the rest of the article.
 * Below {@link #MIN_LETTERS} letters the answer is {@code und}. Thread-safe once built; building reads the profiles
 * (about 100 ms), so share one instance.
 */
public final class LanguageIdentifier {
    static final int MIN_LETTERS = 3;
    /**
     * Longer text is judged on its first {@value} characters (cut at a space): a few sentences decide as well as a
     * page does (99% at sentence length), and the n-gram pass costs in proportion to the text.
     */
    public static final int MAX_CHARS = 250;
    /** Script-specific letters beyond which the letters alone decide among ar, fa and ur. */
    static final int DECISIVE_LETTERS = 4;
    private static final Set<String> ARABIC_SCRIPT = Set.of("ar", "fa", "ur");
    /** How sure the quick check must be to confirm the expected language. */
    static final double SURE = 0.9;
    /** The quick check reads this many characters. */
    static final int QUICK_CHARS = 48;
    /** Below this length the library's short-text algorithm decides (its own default is 50). */
    static final int SHORT_TEXT = QUICK_CHARS + 1;
    /**
     * One detector, so one copy of the n-gram table (about 65 MiB of heap for 71 languages): text shorter than
     * {@link #SHORT_TEXT} characters gets the library's deterministic one-pass algorithm, longer text its sampling.
     */
    private final LanguageDetector detector;
    private final TextObjectFactory textFactory = CommonTextObjectFactories.forDetectingShortCleanText();

    /** The first {@value #MAX_CHARS} characters of {@code text}, cut at a space. */
    public static CharSequence sample(CharSequence text) {
        return head(text, MAX_CHARS);
    }

    /** At most {@code max} characters from the start, cut at a space in the second half when there is one. */
    private static CharSequence head(CharSequence text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        while (end > max / 2 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        return text.subSequence(0, end);
    }

    /**
     * The language of a paragraph of an article whose language is {@code expected}: cheap when the paragraph is in
     * that language (the usual case), as accurate as {@link #identify} when it is not.
     */
    public LanguageGuess confirm(CharSequence paragraph, String expected) {
        if (paragraph == null || expected == null || "und".equals(expected)) {
            return identify(paragraph);
        }
        if (!ARABIC_SCRIPT.contains(expected)) {
            CharSequence head = head(paragraph, QUICK_CHARS);
            List<DetectedLanguage> quick = detector.getProbabilities(textFactory.forText(head));
            if (!quick.isEmpty() && quick.get(0).getLocale().getLanguage().equals(expected)
                    && quick.get(0).getProbability() >= SURE) {
                return new LanguageGuess(expected, quick.get(0).getProbability());
            }
        }
        return identify(paragraph);
    }

    /** All 71 built-in languages. */
    public LanguageIdentifier() {
        this(Set.of());
    }

    /**
     * @param languages ISO 639-1 codes to choose among (a newsroom's own languages: fewer candidates, fewer
     *                  confusions such as es/gl or pt/it); empty for all built-in languages
     */
    public LanguageIdentifier(Set<String> languages) {
        try {
            List<LanguageProfile> profiles = new LanguageProfileReader().readAllBuiltIn().stream()
                    .filter(p -> languages.isEmpty() || languages.contains(p.getLocale().getLanguage()))
                    .toList();
            if (profiles.isEmpty()) {
                throw new IllegalArgumentException("no built-in language profile for any of " + languages);
            }
            this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles)
                    .shortTextAlgorithm(SHORT_TEXT).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in language profiles", e);
        }
    }

    public LanguageGuess identify(CharSequence input) {
        if (input == null) {
            return LanguageGuess.UNDETERMINED;
        }
        CharSequence text = sample(input);
        int letters = 0;
        int arabicScript = 0;
        int urdu = 0;
        int persian = 0;
        int arabicOnly = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            if (Scripts.isArabicScript(c)) {
                arabicScript++;
                switch (c) {
                    case '\u0679', '\u0688', '\u0691', '\u06BA', '\u06D2', '\u06D3', '\u06C1', '\u06C2' -> urdu++;
                    case '\u067E', '\u0686', '\u0698', '\u06AF', '\u06A9', '\u06CC' -> persian++;
                    case '\u0643', '\u064A', '\u0629', '\u0649' -> arabicOnly++;
                    default -> { }
                }
            }
        }
        if (letters < MIN_LETTERS) {
            return LanguageGuess.UNDETERMINED;
        }
        boolean arabicDominant = arabicScript * 2 > letters;
        String byLetters = null;
        if (arabicDominant) {
            byLetters = urdu > 0 && urdu * 50 >= arabicScript ? "ur"
                    : persian > arabicOnly ? "fa"
                    : arabicOnly > persian ? "ar" : null;
            int margin = Math.abs(arabicOnly - persian) + urdu;
            if (byLetters != null && margin >= DECISIVE_LETTERS) {
                // plenty of evidence: skip the n-gram pass (most of the cost on Arabic-script text)
                return new LanguageGuess(byLetters, 1.0 - Math.pow(0.5, Math.min(margin, 30)));
            }
        }
        List<DetectedLanguage> ranked = detector.getProbabilities(textFactory.forText(text));
        if (arabicDominant) {
            for (DetectedLanguage d : ranked) {
                String lang = d.getLocale().getLanguage();
                if (ARABIC_SCRIPT.contains(lang) && (byLetters == null || byLetters.equals(lang))) {
                    return new LanguageGuess(lang, d.getProbability());
                }
            }
            return byLetters == null ? LanguageGuess.UNDETERMINED : new LanguageGuess(byLetters, 0.5);
        }
        for (DetectedLanguage d : ranked) {
            String lang = d.getLocale().getLanguage();
            if (!ARABIC_SCRIPT.contains(lang)) {
                return new LanguageGuess(lang, d.getProbability());
            }
        }
        return LanguageGuess.UNDETERMINED;
    }
}
