package io.khabar.enrich.service;

import io.khabar.enrich.domain.LanguageDetector;
import io.khabar.enrich.domain.LanguageGuess;
import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.Span;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Describes a normalized article. Today: the language of the article (title and text) and of each paragraph long
 * enough to tell, as {@code language} annotations with offsets into {@code text}. Plain Java, no framework.
 */
public final class ArticleEnricher {
    static final int MIN_PARAGRAPH_CHARS = 40;
    private final LanguageDetector languages = new LanguageDetector();

    public ArticleEnriched enrich(ArticleNormalized in, Instant now) {
        if (in.articleId() == null || in.articleId().isBlank()) {
            throw new IllegalArgumentException("normalized event without articleId");
        }
        String text = in.text() == null ? "" : in.text();
        LanguageGuess article = languages.detect((in.title() == null ? "" : in.title() + "\n") + text);
        List<Annotation> annotations = new ArrayList<>();
        annotations.add(new Annotation("language", "article", 0, text.length(), article.language(),
                round(article.confidence()), Map.of()));
        for (Span p : in.paragraphs()) {
            if (p.end() > text.length()) {
                throw new IllegalArgumentException("paragraph span " + p + " is outside the text (" + text.length() + ")");
            }
            if (p.end() - p.start() >= MIN_PARAGRAPH_CHARS) {
                LanguageGuess g = languages.detect(text.substring(p.start(), p.end()));
                if (!g.language().equals(article.language())) {
                    annotations.add(new Annotation("language", "paragraph", p.start(), p.end(), g.language(),
                            round(g.confidence()), Map.of()));
                }
            }
        }
        return new ArticleEnriched(ArticleEnriched.SCHEMA_VERSION, UUID.randomUUID().toString(), in.articleId(),
                in.revision(), in.contentHash(), in.receivedAt(), in.normalizedAt(), now, in.source(), in.url(),
                in.title(), text, article.language(), round(article.confidence()), in.publishedAt(), in.authors(),
                in.paragraphs(), annotations, in.facts());
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }
}
