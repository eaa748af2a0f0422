package io.khabar.enrich.domain;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Language identification with optimaize language-detector (n-gram profiles of 71 languages). Takes the most probable
 * language rather than the library's thresholded {@code detect()}, which abstains on short text; below
 * {@link #MIN_LETTERS} letters the answer is {@code und}.
 */
public final class LanguageDetector {
    static final int MIN_LETTERS = 3;
    private final com.optimaize.langdetect.LanguageDetector detector;
    private final TextObjectFactory textFactory = CommonTextObjectFactories.forDetectingOnLargeText();

    public LanguageDetector() {
        try {
            List<LanguageProfile> profiles = new LanguageProfileReader().readAllBuiltIn();
            this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(profiles)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in language profiles", e);
        }
    }

    public LanguageGuess detect(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
            return LanguageGuess.UNDETERMINED;
        }
        List<DetectedLanguage> ranked = detector.getProbabilities(textFactory.forText(text));
        if (ranked.isEmpty()) {
            return LanguageGuess.UNDETERMINED;
        }
        DetectedLanguage best = ranked.get(0);
        return new LanguageGuess(best.getLocale().getLanguage(), best.getProbability());
    }
}
