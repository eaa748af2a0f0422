package io.khabar.store.config;

import io.khabar.matching.MatchingAnalyzer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One {@link MatchingAnalyzer} (it loads a lexicon) for indexing articles and normalizing search queries alike. */
public class MatchingProducer {
    @Produces
    @Singleton
    MatchingAnalyzer matchingAnalyzer() {
        return new MatchingAnalyzer();
    }
}
