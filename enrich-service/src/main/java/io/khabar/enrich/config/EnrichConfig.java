package io.khabar.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** enrich-service settings ({@code khabar.enrich.*}). */
@ConfigMapping(prefix = "khabar.enrich")
public interface EnrichConfig {
    /**
     * Find entities, quotes, dates, amounts, topics and keyphrases. When false only languages are annotated (for
     * benchmarks of the bare pipeline).
     */
    @WithDefault("true")
    boolean entities();

    /**
     * A newsroom's own knowledge-base files (gzipped TSV, as {@code WikidataImporter} writes them), loaded on top of
     * the shipped one: their entities and aliases are added, and the same id merges.
     */
    Optional<List<String>> knowledgeFiles();

    /**
     * The newsroom's time zone: the day that أمس or "yesterday" means is the day before publication in this zone
     * (an article published at 23:30 UTC is already "tomorrow" in Riyadh).
     */
    @WithDefault("UTC")
    String timeZone();

    /** Records enriched at once, each on a thread of its own (CPU-bound: about one per core). */
    @WithDefault("2")
    int concurrency();

    /**
     * The longest enriching one article may take; past it the article is dead-lettered with the reason and the batch
     * goes on (no input can stall the stage).
     */
    @WithDefault("60s")
    java.time.Duration recordBudget();

    /** Largest text {@code POST /enrichments} accepts, in characters; longer gets 413. */
    @WithDefault("200000")
    int maxTextChars();

    /** When set, {@code POST /enrichments} requires {@code Authorization: Bearer <key>} (or {@code X-Api-Key}). */
    Optional<String> apiKey();
}
