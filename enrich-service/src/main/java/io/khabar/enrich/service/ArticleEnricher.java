package io.khabar.enrich.service;

import io.khabar.events.Annotation;
import io.khabar.events.LanguageSpan;
import io.khabar.normalize.language.LanguageGuess;
import io.khabar.normalize.language.LanguageIdentifier;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleNormalized;
import io.khabar.events.Span;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Describes a normalized article. Today: the language of the article and of each paragraph whose language differs
 * from it, as {@code language} annotations with offsets into {@code text}. ingest-service identifies languages; events
 * from older producers that carry none are identified here. Plain Java, no framework.
 */
public final class ArticleEnricher {
    static final int MIN_PARAGRAPH_CHARS = 40;
    /** Only for events from producers that identify no language: built on first need (it loads 71 profiles). */
    private volatile LanguageIdentifier languages;

    public ArticleEnriched enrich(ArticleNormalized in, Instant now) {
        if (in.articleId() == null || in.articleId().isBlank()) {
            throw new IllegalArgumentException("normalized event without articleId");
        }
        String text = in.text() == null ? "" : in.text();
        in.paragraphs().forEach(p -> checkSpan(p.start(), p.end(), text));
        List<Annotation> annotations = new ArrayList<>();
        LanguageGuess article;
        List<LanguageSpan> paragraphs = in.facts() == null ? List.of() : in.facts().paragraphLanguages();
        if (in.language() != null && !"und".equals(in.language()) && !paragraphs.isEmpty()) {
            article = new LanguageGuess(in.language(), in.languageConfidence());
        } else {
            LanguageIdentifier languages = languages();
            article = languages.identify((in.title() == null ? "" : in.title() + "\n") + text);
            paragraphs = new ArrayList<>();
            for (Span p : in.paragraphs()) {
                if (p.end() - p.start() >= MIN_PARAGRAPH_CHARS) {
                    LanguageGuess g = languages.identify(text.substring(p.start(), p.end()));
                    paragraphs.add(new LanguageSpan(p.start(), p.end(), g.language(), g.confidence()));
                }
            }
        }
        annotations.add(new Annotation("language", "article", 0, text.length(), article.language(),
                round(article.confidence()), Map.of()));
        for (LanguageSpan p : paragraphs) {
            checkSpan(p.start(), p.end(), text);
            if (!"und".equals(p.language()) && p.confidence() > 0 && !p.language().equals(article.language())) {
                annotations.add(new Annotation("language", "paragraph", p.start(), p.end(), p.language(),
                        round(p.confidence()), Map.of()));
            }
        }
        return new ArticleEnriched(ArticleEnriched.SCHEMA_VERSION, UUID.randomUUID().toString(), in.articleId(),
                in.revision(), in.contentHash(), in.receivedAt(), in.normalizedAt(), now, in.source(), in.url(),
                in.title(), text, article.language(), round(article.confidence()), in.publishedAt(), in.authors(),
                in.paragraphs(), annotations, in.facts(), in.metadata(), in.matching(), in.duplicate());
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
        return Math.round(p * 1000) / 1000.0;
    }
}
