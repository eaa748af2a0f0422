package io.khabar.normalize.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

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
 * that keeps long Arabic text cheap.
 * Below {@link #MIN_LETTERS} letters the answer is {@code und}. Thread-safe once built; building reads the profiles
 * (about 100 ms), so share one instance.
 */
public final class LanguageIdentifier {
    static final int MIN_LETTERS = 3;
    /** Script-specific letters beyond which the letters alone decide among ar, fa and ur. */
    static final int DECISIVE_LETTERS = 4;
    private static final Set<String> ARABIC_SCRIPT = Set.of("ar", "fa", "ur");
    private final LanguageDetector detector;
    private final TextObjectFactory textFactory = CommonTextObjectFactories.forDetectingOnLargeText();

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
            this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in language profiles", e);
        }
    }

    public LanguageGuess identify(CharSequence text) {
        if (text == null) {
            return LanguageGuess.UNDETERMINED;
        }
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
            if (c >= 0x0600 && c <= 0x06FF || c >= 0x0750 && c <= 0x077F || c >= 0xFB50 && c <= 0xFEFF) {
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
