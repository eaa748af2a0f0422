package io.khabar.normalize.language;

/** A detected language (BCP 47, {@code und} when undetermined) and the detector's probability for it. */
public record LanguageGuess(String language, double confidence) {
    public static final LanguageGuess UNDETERMINED = new LanguageGuess("und", 0.0);
}
