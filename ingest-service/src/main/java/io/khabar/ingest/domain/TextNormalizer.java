package io.khabar.ingest.domain;

import io.khabar.events.Span;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * First-pass normalization: HTML to text (jsoup, block elements become paragraphs, scripts and styles dropped),
 * Unicode NFC, invisible format characters removed, no-break spaces as spaces, whitespace collapsed, one paragraph per
 * line with a blank line between paragraphs. Letters, diacritics and tatweel are kept as written. When the producer
 * sent no title, the first line of a plain-text body is the title; a body that opens by repeating the title loses
 * that line.
 */
public final class TextNormalizer {
    private static final Pattern HTML = Pattern.compile(
            "<\\s*(p|div|br|html|body|span|a|h[1-6]|ul|ol|li|article|section|strong|em|b|i|img|figure|table|blockquote)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    /** Zero-width and bidi control characters that carry no meaning in stored text (ZWNJ U+200C is kept: Persian). */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200D\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\t\\x0B\\f]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "article", "section", "blockquote", "figure", "figcaption", "table", "tr", "header", "footer", "main",
            "aside", "pre", "dd", "dt", "dl", "hr", "body", "address");

    public NormalizedText normalize(String title, String body) {
        String plain = looksLikeHtml(body) ? htmlToText(body) : body;
        List<String> lines = cleanLines(plain);
        String cleanTitle = title == null ? null : String.join(" ", cleanLines(title));
        if ((cleanTitle == null || cleanTitle.isBlank()) && !lines.isEmpty()) {
            cleanTitle = lines.remove(0);
        }
        if (!lines.isEmpty() && lines.get(0).equals(cleanTitle)) {
            lines.remove(0);
        }
        StringBuilder text = new StringBuilder();
        List<Span> paragraphs = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(line);
            paragraphs.add(new Span(start, text.length()));
        }
        return new NormalizedText(cleanTitle == null ? "" : cleanTitle, text.toString(), paragraphs);
    }

    static boolean looksLikeHtml(String body) {
        return body != null && HTML.matcher(body).find();
    }

    static String htmlToText(String html) {
        Element root = Jsoup.parse(html).body();
        root.select("script, style, noscript, template, iframe, object, embed, svg, form, nav").remove();
        StringBuilder out = new StringBuilder();
        org.jsoup.select.NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element e && ("br".equals(e.normalName()))) {
                    out.append('\n');
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }
        }, root);
        return out.toString();
    }

    /** NFC, invisible characters removed, spaces collapsed; returns the non-blank lines. */
    static List<String> cleanLines(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u2028', '\n').replace('\u2029', '\n');
        n = INVISIBLE.matcher(n).replaceAll("");
        n = CONTROL.matcher(n).replaceAll(" ");
        List<String> lines = new ArrayList<>();
        for (String line : n.split("\n")) {
            String l = SPACES.matcher(line).replaceAll(" ").strip();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }
}
