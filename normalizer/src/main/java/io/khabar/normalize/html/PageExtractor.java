package io.khabar.normalize.html;

import io.khabar.normalize.dates.PublishedAtParser;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.regex.Pattern;

/**
 * Main-content extraction for full HTML pages: boilerplate (navigation, related links, comments, footers) removed,
 * the article kept. Readability4J, a port of Mozilla Readability (the algorithm of Firefox's reader view), does the
 * extraction. Where real pages show its gaps, this class steps in:
 * <ul>
 *   <li>some layouts collapse to a few dozen words: when the page's JSON-LD carries the publisher's own
 *       {@code articleBody} and Readability kept well under half of it, the {@code articleBody} is used;</li>
 *   <li>when Readability finds nothing, the whole body (scripts, navigation and forms removed) is used.</li>
 * </ul>
 * Metadata comes from {@link PageMetadataReader}, read before Readability rewrites the document.
 */
public final class PageExtractor {
    /** A document, not a fragment: a doctype, or an html, head or body element. */
    private static final Pattern FULL_PAGE = Pattern.compile("(?is)^\\uFEFF?\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*"
            + "(?:<!doctype\\s+html|<html[\\s>]|<head[\\s>])|<body[\\s>]");
    static final double JSON_LD_PREFERRED_BELOW = 0.5;
    private static final String FALLBACK_URI = "https://localhost/";
    private final PageMetadataReader metadata;

    public PageExtractor(PublishedAtParser dates) {
        this.metadata = new PageMetadataReader(dates);
    }

    public static boolean isFullPage(String body) {
        return body != null && FULL_PAGE.matcher(body.length() > 4096 ? body.substring(0, 4096) : body).find();
    }

    /**
     * @param html the page as fetched
     * @param url  the page's address (resolves relative links), may be null
     */
    public ExtractedPage extract(String html, String url) {
        String base = url == null || url.isBlank() ? FALLBACK_URI : url;
        Document doc = Jsoup.parse(html, base);
        PageMetadataReader.Result meta = metadata.read(doc);
        String tooComplex = tooComplex(doc);
        if (tooComplex != null) {
            // Readability's scoring is quadratic in depth: on such a page it runs for minutes. The page's text, in its
            // blocks, is kept instead, and the degradation recorded.
            Element body = doc.body();
            body.select("script, style, noscript, template").remove();
            return new ExtractedPage(meta.metadata().title(), body.html(), meta.metadata(), "body", tooComplex);
        }
        removeInvisible(doc);
        Article article = new Readability4JExtended(base, doc).parse();
        Element content = article.getArticleContent();
        String title = meta.metadata().title() != null ? meta.metadata().title() : blankToNull(article.getTitle());
        int readabilityChars = content == null ? 0 : content.text().length();
        if (meta.jsonLdBody() != null && readabilityChars < JSON_LD_PREFERRED_BELOW * meta.jsonLdBody().length()) {
            return new ExtractedPage(title, paragraphsAsHtml(meta.jsonLdBody()), meta.metadata(), "json-ld", null);
        }
        if (content == null || readabilityChars == 0) {
            Element body = Jsoup.parse(html, base).body();
            body.select("script, style, noscript, nav, header, footer, form, aside").remove();
            return new ExtractedPage(title, body.html(), meta.metadata(), "body", null);
        }
        return new ExtractedPage(title, content.outerHtml(), meta.metadata(), "readability", null);
    }

    /**
     * Past these, main-content extraction is skipped: no real news page comes near them (the deepest of the 96 real
     * pages of ../shared/data/html nests 34 elements, the largest has 2,565; {@code PageComplexityTest}), and past them
     * Readability's cost runs away (30,000 nested elements, which jsoup keeps 512 deep, took minutes).
     */
    static final int MAX_DEPTH = 256;
    static final int MAX_ELEMENTS = 100_000;

    /** How deep a document's elements nest and how many there are. */
    record Complexity(int depth, int elements) {
    }

    /** Measured without recursion (jsoup's traversal is iterative), so any page can be measured. */
    static Complexity complexity(Document doc) {
        int[] deepest = {0};
        int[] elements = {0};
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element) {
                elements[0]++;
                deepest[0] = Math.max(deepest[0], depth);
            }
        }, doc);
        return new Complexity(deepest[0], elements[0]);
    }

    /** Why the page is too complex to extract its main content from, or null. */
    static String tooComplex(Document doc) {
        Complexity c = complexity(doc);
        if (c.depth() > MAX_DEPTH) {
            return "html-too-complex: elements nested " + c.depth() + " deep (at most " + MAX_DEPTH
                    + "); main-content extraction skipped, the page's text kept";
        }
        if (c.elements() > MAX_ELEMENTS) {
            return "html-too-complex: " + c.elements() + " elements (at most " + MAX_ELEMENTS
                    + "); main-content extraction skipped, the page's text kept";
        }
        return null;
    }

    /**
     * What a reader never sees: elements hidden by attribute or inline style, and dialogs, menus and alerts by ARIA
     * role (consent banners are the usual case). Mozilla Readability skips these; Readability4J 1.0.8 does not.
     */
    static void removeInvisible(Document doc) {
        doc.select("[hidden], [aria-hidden=true]:not(.fallback-image), [style~=(?i)display\\s*:\\s*none], "
                + "[style~=(?i)visibility\\s*:\\s*hidden], [role~=^(?i)(menu|menubar|complementary|navigation|alert|"
                + "alertdialog|dialog)$]").remove();
    }

    /** Plain text (JSON-LD articleBody) as escaped paragraphs, one per line of the text. */
    private static String paragraphsAsHtml(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                out.append("<p>").append(new TextNode(line.strip()).outerHtml()).append("</p>\n");
            }
        }
        return out.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
