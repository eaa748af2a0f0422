package io.khabar.text;

/** How Khabar writes a score or confidence: three decimals, half up, the same in every event and answer. */
public final class Scores {
    private Scores() {
    }

    /** {@code v} rounded to three decimals ({@code Math.round(v * 1000) / 1000.0}). */
    public static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
