package io.khabar.normalize;

import io.khabar.events.LanguageSpan;
import io.khabar.events.MatchingText;
import io.khabar.events.PageMetadata;
import io.khabar.events.Span;
import io.khabar.events.TextFacts;
import io.khabar.normalize.dates.PublishedAtParser;
import io.khabar.normalize.dedup.MinHasher;
import io.khabar.normalize.html.ExtractedPage;
import io.khabar.normalize.html.PageExtractor;
import io.khabar.normalize.language.LanguageGuess;
import io.khabar.normalize.language.LanguageIdentifier;
import io.khabar.matching.MatchingAnalyzer;
import io.khabar.normalize.text.CharacterReferences;
import io.khabar.normalize.text.NormalizedText;
import io.khabar.normalize.text.TextNormalizer;
import io.khabar.text.Scores;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole normalization of one article, as plain Java (no framework, no I/O): full HTML pages go through main-content
 * extraction and metadata, then the text normalizer, language identification per article and per paragraph, the
 * matching layer, the publication date, and the duplicate fingerprint. Thread-safe; build one and share it (building
 * loads the language profiles and the lexicon).
 */
public final class ArticleNormalizer {
    /** Paragraphs with fewer letters than this take the article's language, with confidence 0. */
    static final int MIN_PARAGRAPH_LETTERS = 20;
    private final TextNormalizer text;
    private final LanguageIdentifier languages;
    private final MatchingAnalyzer matching = new MatchingAnalyzer();
    private final MinHasher minHasher = new MinHasher();
    private final PublishedAtParser dates;
    private final PageExtractor pages;

    /**
     * What a producer sent.
     *
     * @param title        text, may be null (then the page's headline or the text's first line); HTML character
     *                     references in it are decoded once ({@code &quot;} is {@code "})
     * @param body         plain text, an HTML fragment or a full HTML page ({@link TextNormalizer#looksLikeHtml}
     *                     tells text from a fragment)
     * @param url          may be null
     * @param languageHint the producer's BCP 47 tag, may be null
     * @param publishedAt  as the producer wrote it, may be null
     * @param authors      may be empty; text, as the title
     */
    public record Input(String title, String body, String url, String languageHint, String publishedAt,
                        List<String> authors) {
        public Input {
            authors = authors == null ? List.of() : List.copyOf(authors);
        }

        public static Input of(String title, String body) {
            return new Input(title, body, null, null, null, List.of());
        }
    }

    public ArticleNormalizer() {
        this(Clock.systemUTC(), ZoneOffset.UTC);
    }

    /**
     * @param clock       "now", for rejecting publication dates in the future
     * @param defaultZone the zone of dates written without one
     */
    public ArticleNormalizer(Clock clock, ZoneId defaultZone) {
        this(clock, defaultZone, java.util.Set.of());
    }

    /**
     * @param candidateLanguages ISO 639-1 codes that language identification chooses among (a newsroom's own
     *                           languages), empty for all 71 it knows
     */
    public ArticleNormalizer(Clock clock, ZoneId defaultZone, java.util.Set<String> candidateLanguages) {
        this.languages = new LanguageIdentifier(candidateLanguages);
        this.dates = new PublishedAtParser(clock, defaultZone);
        this.text = new TextNormalizer(dates);
        this.pages = new PageExtractor(dates);
    }

    /** As a producer's article: without a title, the page's headline or the text's first line is the title. */
    public NormalizedArticle normalize(Input in) {
        return normalize(in, true);
    }

    /**
     * @param titleFromBody whether an article sent without a title takes one from its body (a page's headline, a
     *                      text's first line), as producers' articles do; false keeps the whole body as the text, so
     *                      offsets into the text refer to what was sent (the {@code POST /enrichments} playground)
     */
    public NormalizedArticle normalize(Input in, boolean titleFromBody) {
        String body = in.body() == null ? "" : in.body();
        // A producer's title is text: its HTML character references (&quot;) are decoded, once, here. A page's title
        // is read from its HTML by PageMetadataReader, decoded there.
        String title = CharacterReferences.decode(in.title());
        PageMetadata metadata = null;
        String degraded = null;
        boolean html = TextNormalizer.looksLikeHtml(body);
        String extraction = html ? "html-fragment" : "text";
        if (PageExtractor.isFullPage(body)) {
            ExtractedPage page = pages.extract(body, in.url());
            metadata = page.metadata();
            body = page.content();
            html = true; // the extracted content is HTML, whatever it starts with
            extraction = page.method();
            degraded = page.degraded();
            if ((title == null || title.isBlank()) && titleFromBody) {
                title = page.title();
            }
        }
        NormalizedText clean = text.normalize(title, body, html, titleFromBody);
        // A first guess from the title and the start of the text, then each paragraph checked against it.
        LanguageGuess first = languages.identify(clean.title() + "\n" + LanguageIdentifier.sample(clean.text()));
        List<LanguageSpan> paragraphLanguages = new ArrayList<>(clean.paragraphs().size());
        java.util.Map<String, double[]> votes = new java.util.HashMap<>(); // language -> {letters, letters x confidence}
        for (Span p : clean.paragraphs()) {
            CharSequence para = clean.text().subSequence(p.start(), p.end());
            int letters = letters(para, LanguageIdentifier.MAX_CHARS);
            LanguageGuess g = letters >= MIN_PARAGRAPH_LETTERS ? languages.confirm(para, first.language())
                    : LanguageGuess.UNDETERMINED;
            paragraphLanguages.add(new LanguageSpan(p.start(), p.end(), g.language(), round(g.confidence())));
            if (!"und".equals(g.language())) {
                double[] v = votes.computeIfAbsent(g.language(), k -> new double[2]);
                v[0] += letters;
                v[1] += letters * g.confidence();
            }
        }
        // The article's language: the paragraphs' vote by letters; when no paragraph can tell, the first guess; then
        // the producer's hint, then the page's own declaration.
        LanguageGuess article = votes.entrySet().stream().max(java.util.Comparator.comparingDouble(e -> e.getValue()[0]))
                .map(e -> new LanguageGuess(e.getKey(), e.getValue()[1] / e.getValue()[0]))
                .orElse(first);
        if ("und".equals(article.language()) && in.languageHint() != null) {
            article = new LanguageGuess(in.languageHint(), 1.0);
        } else if ("und".equals(article.language()) && metadata != null && metadata.language() != null) {
            article = new LanguageGuess(metadata.language(), 1.0);
        }
        // Only the paragraphs in another language than the article's are said (an English quote in an Arabic
        // article); the others, and those too short to tell, are in the article's.
        String articleLanguage = article.language();
        paragraphLanguages.removeIf(l -> !l.differsFrom(articleLanguage));
        TextFacts f = clean.facts();
        List<io.khabar.events.Removal> removed = f.removed();
        if (degraded != null) {
            removed = new ArrayList<>(removed);
            removed.add(0, new io.khabar.events.Removal("html-too-complex", 0, 0, degraded));
        }
        TextFacts facts = new TextFacts(f.script(), f.direction(), f.sentences(), f.wordCount(),
                f.readingTimeSeconds(), f.captions(), removed, paragraphLanguages);
        MatchingText match = matching.analyze(clean.text());
        Instant published = dates.parse(in.publishedAt())
                .orElse(metadata != null && metadata.publishedAt() != null ? metadata.publishedAt() : clean.dateline());
        List<String> authors = !in.authors().isEmpty() || metadata == null ? bylines(in.authors()) : metadata.authors();
        String url = in.url() != null ? in.url() : metadata == null ? null : metadata.canonicalUrl();
        return new NormalizedArticle(clean.title(), clean.text(), clean.paragraphs(), facts, article.language(),
                round(article.confidence()), published, authors, url, metadata, extraction, match,
                minHasher.fingerprint(clean.text(), match), null);
    }

    public MatchingAnalyzer matching() {
        return matching;
    }

    public LanguageIdentifier languages() {
        return languages;
    }

    /** A producer's bylines are text too: references decoded once ({@code &nbsp;Name}), spaces cleaned. */
    private static List<String> bylines(List<String> authors) {
        List<String> out = new ArrayList<>(authors.size());
        for (String a : authors) {
            String clean = a == null ? "" : TextNormalizer.clean(CharacterReferences.decode(a));
            if (!clean.isEmpty()) {
                out.add(clean);
            }
        }
        return out;
    }

    private static int letters(CharSequence s, int maxChars) {
        int n = 0;
        for (int i = 0; i < s.length() && i < maxChars; i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static double round(double p) {
        return Scores.round3(p);
    }
}
