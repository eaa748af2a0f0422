package io.khabar.enrich.service;

import io.khabar.entities.EntityExtractor;
import io.khabar.entities.linking.EntityLinker;
import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleEntity;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.LanguageSpan;
import io.khabar.events.Provenance;
import io.khabar.events.Span;
import io.khabar.events.TextFacts;
import io.khabar.normalize.language.LanguageGuess;
import io.khabar.normalize.language.LanguageIdentifier;
import io.khabar.matching.MatchingAnalyzer;
import io.khabar.temporal.AmountTagger;
import io.khabar.temporal.TemporalTagger;
import io.khabar.text.Scores;
import io.khabar.topics.AnalyzedText;
import io.khabar.topics.EntityHint;
import io.khabar.topics.KeyphraseExtractor;
import io.khabar.topics.TopicClassifier;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Describes a normalized article: the language of the article and of each paragraph whose language differs from it;
 * its named entities (mentions, nisba relations and the per-article entity list) and quotes with their speakers
 * ({@link EntityExtractor}); dates resolved against the publication time ({@link TemporalTagger}); amounts
 * ({@link AmountTagger}); IPTC Media Topics ({@link TopicClassifier}) and keyphrases ({@link KeyphraseExtractor}).
 * All are annotations with offsets into {@code text}. ingest-service identifies languages; events from older
 * producers that carry none are identified here. Plain Java, no framework.
 */
public final class ArticleEnricher {
    static final int MIN_PARAGRAPH_CHARS = 40;
    private static final int KEYPHRASES = 10;
    /** Annotation kinds the event carries in {@code entities} instead (the REST description keeps them). */
    private static final java.util.Set<String> ENTITY_KINDS = java.util.Set.of("entity", "nisba");
    private final Annotators annotators;
    /**
     * Only for events that carry no language at all (older producers, {@code POST /enrichments} without one): built on
     * first need, since its 71 profiles take about 130 MiB of heap.
     */
    private volatile LanguageIdentifier languages;

    /**
     * What enrichment runs besides languages: entities and quotes, dates (resolved in {@code zone} against the
     * publication time), amounts, topics and keyphrases. Each may be null to leave it out.
     */
    public record Annotators(EntityExtractor entities, TemporalTagger dates, AmountTagger amounts,
                             TopicClassifier topics, KeyphraseExtractor keyphrases, ZoneId zone) {
        /** Languages only (benchmarks of the language path). */
        public static Annotators none() {
            return new Annotators(null, null, null, null, null, ZoneOffset.UTC);
        }

        /** Everything, with the shipped models. */
        public static Annotators all(EntityExtractor entities, ZoneId zone) {
            MatchingAnalyzer analyzer = new MatchingAnalyzer();
            return new Annotators(entities, new TemporalTagger(), new AmountTagger(), new TopicClassifier(analyzer),
                    new KeyphraseExtractor(analyzer), zone);
        }
    }

    public ArticleEnricher(Annotators annotators) {
        this.annotators = annotators;
    }

    /** What enrichment found in one text. */
    public record Description(LanguageGuess language, List<Annotation> annotations, List<ArticleEntity> entities) {
    }

    public ArticleEnriched enrich(ArticleNormalized in, Instant now) {
        if (in.articleId() == null || in.articleId().isBlank()) {
            throw new IllegalArgumentException("normalized event without articleId");
        }
        String text = in.text() == null ? "" : in.text();
        Description d = describe(text, in.title(), in.language(), in.languageConfidence(), in.publishedAt(),
                in.paragraphs(), in.facts());
        // schema 2: entity mentions and nisba relations are said once, in the entity rows (mentions, adjectives);
        // provenance once per kind, not on every annotation; no matching layer (consumers compute it).
        // schema 3: keyphrases as a list of strings, best first; the article's language only in its own fields.
        Provenance.Hoisted hoisted = Provenance.hoist(d.annotations());
        List<Annotation> annotations = new ArrayList<>();
        List<Annotation> keyphrases = new ArrayList<>();
        java.util.Set<Provenance> provenance = new java.util.LinkedHashSet<>(hoisted.provenance());
        for (Annotation a : hoisted.annotations()) {
            if (ArticleEnriched.KEYWORD_KIND.equals(a.kind())) {
                keyphrases.add(a);
            } else if ("language".equals(a.kind()) && "article".equals(a.type())) {
                continue; // the event's language and languageConfidence
            } else if (!ENTITY_KINDS.contains(a.kind())) {
                annotations.add(a);
            } else if (Provenance.of(a, List.of()) != null) {
                provenance.add(Provenance.of(a, List.of())); // another model's (a paragraph in another language)
            }
        }
        return new ArticleEnriched(ArticleEnriched.SCHEMA_VERSION, UUID.randomUUID().toString(), in.articleId(),
                in.revision(), in.contentHash(), in.receivedAt(), in.normalizedAt(), now, in.source(), in.url(),
                in.title(), text, d.language().language(), round(d.language().confidence()), in.publishedAt(),
                in.authors(), in.paragraphs(), annotations, d.entities(), in.facts(), in.metadata(), null,
                in.duplicate(), List.copyOf(provenance), ArticleEnriched.keywordsOf(keyphrases));
    }

    /**
     * Languages, entities, quotes, dates, amounts, topics and keyphrases of a text.
     *
     * @param language    the language ingest identified ({@code und} included), or null to identify it here
     * @param publishedAt the anchor of relative dates (أمس, last week); null leaves them unresolved
     * @param facts       sentences and paragraph languages from ingest; may be null
     */
    public Description describe(String text, String title, String language, double languageConfidence,
                                Instant publishedAt, List<Span> paragraphSpans, TextFacts facts) {
        paragraphSpans.forEach(p -> checkSpan(p.start(), p.end(), text));
        List<Annotation> annotations = new ArrayList<>();
        LanguageGuess article;
        List<LanguageSpan> paragraphs = facts == null ? List.of() : facts.paragraphLanguages();
        if (language != null) {
            // ingest identified it (und when the text cannot tell, with the same identifier: asking again here would
            // only load another 130 MiB of language profiles into this service's heap)
            article = new LanguageGuess(language, languageConfidence);
        } else {
            LanguageIdentifier languages = languages();
            article = languages.identify((title == null ? "" : title + "\n") + text);
            paragraphs = new ArrayList<>();
            for (Span p : paragraphSpans) {
                if (p.end() - p.start() >= MIN_PARAGRAPH_CHARS) {
                    LanguageGuess g = languages.identify(text.substring(p.start(), p.end()));
                    paragraphs.add(new LanguageSpan(p.start(), p.end(), g.language(), g.confidence()));
                }
            }
        }
        annotations.add(new Annotation("language", "article", 0, text.length(), article.language(),
                round(article.confidence()), Map.of()));
        List<LanguageSpan> differing = new ArrayList<>();
        for (LanguageSpan p : paragraphs) {
            checkSpan(p.start(), p.end(), text);
            if (p.differsFrom(article.language())) {
                annotations.add(new Annotation("language", "paragraph", p.start(), p.end(), p.language(),
                        round(p.confidence()), Map.of()));
                differing.add(p);
            }
        }
        List<ArticleEntity> found = List.of();
        String lang = article.language();
        if (annotators.entities() != null) {
            List<Span> sentences = facts == null ? List.of() : facts.sentences();
            EntityLinker.Result r = annotators.entities().extract(text, title, lang, sentences, paragraphSpans,
                    differing);
            annotations.addAll(r.annotations());
            found = r.entities();
        }
        List<Annotation> dates = List.of();
        if (annotators.dates() != null) {
            dates = annotators.dates().tag(text, lang, publishedAt, annotators.zone());
            annotations.addAll(dates);
        }
        if (annotators.amounts() != null) {
            annotations.addAll(annotators.amounts().tag(text, lang, dates));
        }
        // the title and text analyzed once for topics and keyphrases (one analyzer in Annotators.all; with two, the
        // keyphrase extractor analyzes them again with its own)
        AnalyzedText analyzed = annotators.topics() != null ? annotators.topics().analyze(title, text) : null;
        if (annotators.topics() != null) {
            List<EntityHint> hints = found.stream().map(e -> new EntityHint(e.type(), e.kind())).toList();
            annotations.addAll(annotators.topics().classify(analyzed, lang, hints));
        }
        if (annotators.keyphrases() != null) {
            annotations.addAll(analyzed != null ? annotators.keyphrases().keyphrases(analyzed, lang, KEYPHRASES)
                    : annotators.keyphrases().keyphrases(title, text, lang, KEYPHRASES));
        }
        return new Description(article, annotations, found);
    }

    private LanguageIdentifier languages() {
        LanguageIdentifier l = languages;
        if (l == null) {
            synchronized (this) {
                if (languages == null) {
                    languages = new LanguageIdentifier();
                }
                l = languages;
            }
        }
        return l;
    }

    private static void checkSpan(int start, int end, String text) {
        if (start < 0 || end > text.length() || start > end) {
            throw new IllegalArgumentException("paragraph span [" + start + ", " + end + ") is outside the text ("
                    + text.length() + ")");
        }
    }

    private static double round(double p) {
        return Scores.round3(p);
    }
}
