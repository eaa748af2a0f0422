package io.khabar.normalize.dedup;

import io.khabar.events.Duplicate;
import io.khabar.text.Scores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link DuplicateIndex} in memory, for one process (the normalize command, tests). ingest-service keeps the same
 * state in PostgreSQL so that it survives restarts and is shared by all instances.
 */
public final class InMemoryDuplicateIndex implements DuplicateIndex {
    private record Seen(long seq, int[] signature) {
    }

    private final Map<String, Seen> articles = new HashMap<>();
    private final Map<String, String> firstByText = new HashMap<>();
    private final Map<Long, List<String>> byBand = new HashMap<>();
    private final double threshold;

    public InMemoryDuplicateIndex() {
        this(NEAR_THRESHOLD);
    }

    public InMemoryDuplicateIndex(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public synchronized Duplicate check(String articleId, Fingerprint fp) {
        Seen me = articles.computeIfAbsent(articleId, id -> new Seen(articles.size(), fp.signature()));
        String first = firstByText.computeIfAbsent(fp.textHash(), h -> articleId);
        if (!first.equals(articleId)) {
            return new Duplicate(Duplicate.EXACT, first, 1.0);
        }
        long[] bands = fp.bands();
        String best = null;
        double bestSimilarity = 0;
        long bestSeq = Long.MAX_VALUE;
        for (int b = 0; b < bands.length; b++) {
            long key = bands[b] * 31 + b;
            List<String> ids = byBand.computeIfAbsent(key, k -> new ArrayList<>());
            for (String other : ids) {
                Seen seen = articles.get(other);
                if (seen.seq() < me.seq() && seen.seq() < bestSeq) {
                    double sim = fp.similarity(seen.signature());
                    if (sim >= threshold) {
                        best = other;
                        bestSimilarity = sim;
                        bestSeq = seen.seq();
                    }
                }
            }
            if (!ids.contains(articleId)) {
                ids.add(articleId);
            }
        }
        return best == null ? Duplicate.unique() : new Duplicate(Duplicate.NEAR, best, round(bestSimilarity));
    }

    static double round(double d) {
        return Scores.round3(d);
    }
}
