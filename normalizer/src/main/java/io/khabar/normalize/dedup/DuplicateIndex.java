package io.khabar.normalize.dedup;

import io.khabar.events.Duplicate;

/**
 * Remembers the fingerprints of articles seen so far and says whether a new one repeats an earlier one. "Earlier"
 * means first recorded: an article checked again (a replay, a restart, another instance) keeps its place, so the
 * answer for it does not change.
 */
public interface DuplicateIndex {
    /** Similarity at or above which a text is a near duplicate. */
    double NEAR_THRESHOLD = 0.5;

    /** Records the article (once) and returns whether an article recorded before it has the same or nearly the same text. */
    Duplicate check(String articleId, Fingerprint fingerprint);
}
