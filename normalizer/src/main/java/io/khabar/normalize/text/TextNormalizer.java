package io.khabar.normalize.text;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.khabar.events.Removal;
import io.khabar.events.Span;
import io.khabar.events.TextFacts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

import io.khabar.normalize.dates.PublishedAtParser;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a producer's body into clean, faithful text:
 * <ul>
 *   <li>HTML to text (jsoup; block elements become paragraphs, scripts and styles dropped). Whether a body is HTML is
 *       {@link #looksLikeHtml}; a text body stays text: its HTML character references are decoded once
 *       ({@link CharacterReferences}) and a tag it mentions is kept as the characters it is;</li>
 *   <li>Unicode NFC, invisible format characters removed, no-break spaces as spaces, whitespace collapsed, one
 *       paragraph per line with a blank line between paragraphs. Letters, diacritics and tatweel are kept;</li>
 *   <li>scraping noise removed and recorded ({@link Removal}): the title repeated at the start or end of the body
 *       (also with a stray page number after it), lone page numbers at the end, "read more" and social lines, lines
 *       repeated elsewhere in the body; short lines that the source repeats are image captions and move to
 *       {@code captions};</li>
 *   <li>facts: dominant script and direction, sentence spans (ICU), word count and reading time.</li>
 * </ul>
 * When the producer sent no title, the first line of the body is the title. No rule here knows any one article.
 */
public final class TextNormalizer {
    /** A start or end tag of an element that marks up news bodies. */
    private static final Pattern TAG = Pattern.compile(
            "<(/?)(p|div|br|html|body|span|a|h[1-6]|ul|ol|li|article|section|strong|em|b|i|img|figure|table|blockquote)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);
    /** A body that opens with a block of markup, a doctype or a comment. */
    private static final Pattern OPENS_AS_HTML = Pattern.compile(
            "^[\\s\\uFEFF]*<(?:!doctype|!--|(?:p|div|html|body|h[1-6]|ul|ol|li|article|section|figure|table|blockquote)\\b[^<>]*>)",
            Pattern.CASE_INSENSITIVE);
    /** Elements dropped with their content, and the ones of them whose content is markup (see {@link #htmlToText}). */
    private static final String DROPPED = "script, style, noscript, template, iframe, object, embed, svg, form, nav";
    private static final Pattern MARKUP_CONTAINER = Pattern.compile("<(?:svg|form|nav|object|template)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> MARKUP_CONTAINERS = Set.of("svg", "form", "nav", "object", "template");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\u2028\\u2029\\u0085]");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "article", "section", "blockquote", "figure", "figcaption", "table", "tr", "header", "footer", "main",
            "aside", "pre", "dd", "dt", "dl", "hr", "body", "address");

    /** A trailing page artifact: a number of 1-3 digits (Latin or Arabic-Indic) after the text. */
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\s+[0-9\\u0660-\\u0669\\u06F0-\\u06F9]{1,3}$");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[0-9\\u0660-\\u0669\\u06F0-\\u06F9]{1,4}|(?:page|p\\.|صفحة)\\s*[0-9\\u0660-\\u0669]{1,4}(?:\\s*(?:of|/|من)\\s*[0-9\\u0660-\\u0669]{1,4})?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern READ_MORE = Pattern.compile(
            "^(?:اقرأ|إقرأ|اقرا)\\s+(?:أيضا|أيضاً|ايضا|ايضاً|المزيد)\\b.*|^رابط\\s+(?:الخبر|المقال|الموضوع)\\s+(?:ب|في\\s+)?(?:صحيفة|موقع).*|^(?:read more|read also|related(?: articles?| stories)?|see also|more on this story)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOCIAL = Pattern.compile(
            "^(?:share(?: this)?(?: article| story| on \\w+)?|follow us(?: on \\w+)?|tweet|(?:شارك|شاركها|شارك الخبر|تابعونا|تابعنا)(?:\\s+(?:على|عبر)\\s+\\S+)?|(?:facebook|twitter|whatsapp|telegram|linkedin|email|print)(?:\\s*[|/·•]\\s*(?:facebook|twitter|whatsapp|telegram|linkedin|email|print))*)\\s*[:.!]?$",
            Pattern.CASE_INSENSITIVE);
    /** Sentence-final marks: a line ending with one is prose, not a caption. */
    private static final Pattern ENDS_AS_PROSE = Pattern.compile("[.!?؟。:؛\"”»'’)]$");
    static final int CAPTION_MAX_WORDS = 12;
    static final int DATELINE_MAX_WORDS = 12;
    /** A dateline names its year. */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:1[3-4]|19|20)\\d\\d(?!\\d)|(?<![\\u0660-\\u0669])[\\u0661\\u0662][\\u0660-\\u0669]{3}(?![\\u0660-\\u0669])");
    /** ICU break iterators are costly to create and not thread-safe: one of each per thread. */
    private static final ThreadLocal<BreakIterator> AR_SENTENCES =
            ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(new ULocale("ar")));
    private static final ThreadLocal<BreakIterator> EN_SENTENCES =
            ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(ULocale.ENGLISH));
    private static final ThreadLocal<BreakIterator> WORDS =
            ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));
    static final int WORDS_PER_MINUTE = 200;

    /** A cleaned line and where it was in the original body. */
    private record Line(String text, int start, int end) {
    }

    private final PublishedAtParser dates;

    /** Without date parsing: no dateline is recognized. */
    public TextNormalizer() {
        this(null);
    }

    /** @param dates recognizes a dateline (a first or last line that is only a date), may be null */
    public TextNormalizer(PublishedAtParser dates) {
        this.dates = dates;
    }

    /** As {@link #normalize(String, String, boolean)}, the body HTML when it {@link #looksLikeHtml looks like HTML}. */
    public NormalizedText normalize(String title, String body) {
        return normalize(title, body, looksLikeHtml(body));
    }

    /**
     * @param title clean text (character references already decoded: {@code ArticleNormalizer} decodes a producer's
     *              title, a page's comes decoded from its HTML), may be null: then the body's first line
     * @param html  whether the body is HTML (else text: character references decoded once, tags kept as written)
     */
    public NormalizedText normalize(String title, String body, boolean html) {
        return normalize(title, body, html, true);
    }

    /** @param titleFromBody whether a body sent without a title gives its first line as the title */
    public NormalizedText normalize(String title, String body, boolean html, boolean titleFromBody) {
        String original = body == null ? "" : html ? htmlToText(body) : CharacterReferences.decode(body);
        List<Line> lines = lines(original);
        List<Removal> removed = new ArrayList<>();
        String cleanTitle = title == null ? "" : String.join(" ", lines(title).stream().map(Line::text).toList());
        if (cleanTitle.isBlank() && !lines.isEmpty() && titleFromBody) {
            cleanTitle = lines.remove(0).text();
        }
        String titleKey = key(cleanTitle);

        // The title printed again at the start or the end of the body (at the end, often with a page number).
        // A dateline (a short first line that is only a date, often with "updated" and a zone) goes, its date kept.
        Instant dateline = null;
        boolean changed = true;
        while (changed && !lines.isEmpty()) {
            changed = false;
            if (!titleKey.isEmpty() && key(lines.get(0).text()).equals(titleKey)) {
                removed.add(removal("title-repeat", lines.remove(0)));
                changed = true;
            } else if (dateline == null && (dateline = dateline(lines.get(0).text())) != null) {
                removed.add(removal("dateline", lines.remove(0)));
                changed = true;
            }
        }
        while (!lines.isEmpty()) {
            Line last = lines.get(lines.size() - 1);
            String lastKey = key(last.text());
            if (!titleKey.isEmpty() && (lastKey.equals(titleKey)
                    || key(TRAILING_NUMBER.matcher(last.text()).replaceFirst("")).equals(titleKey))) {
                removed.add(removal("title-repeat", lines.remove(lines.size() - 1)));
            } else if (PAGE_NUMBER.matcher(last.text()).matches()) {
                removed.add(removal("page-number", lines.remove(lines.size() - 1)));
            } else if (dateline == null && (dateline = dateline(last.text())) != null) {
                removed.add(removal("dateline", lines.remove(lines.size() - 1)));
            } else {
                break;
            }
        }
        // Read-more and share/follow lines, wherever they are.
        List<Line> kept = new ArrayList<>();
        for (Line l : lines) {
            if (l.text().length() <= 300 && READ_MORE.matcher(l.text()).matches()) {
                removed.add(removal("read-more", l));
            } else if (l.text().length() <= 80 && SOCIAL.matcher(l.text()).matches()) {
                removed.add(removal("social", l));
            } else {
                kept.add(l);
            }
        }
        // Lines the source repeats: short caption-like ones move to captions, others keep their first occurrence.
        List<String> keys = kept.stream().map(l -> key(l.text())).toList();
        Map<String, Integer> counts = new HashMap<>();
        keys.forEach(k -> counts.merge(k, 1, Integer::sum));
        Map<String, String> captions = new LinkedHashMap<>();
        List<Line> body2 = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            Line l = kept.get(i);
            String k = keys.get(i);
            if (counts.get(k) > 1 && isCaptionLike(l.text())) {
                captions.putIfAbsent(k, l.text());
                removed.add(removal("caption", l));
            } else if (seen.putIfAbsent(k, true) != null) {
                removed.add(removal("repeated-line", l));
            } else {
                body2.add(l);
            }
        }

        StringBuilder text = new StringBuilder();
        List<Span> paragraphs = new ArrayList<>(body2.size());
        for (Line line : body2) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(line.text());
            paragraphs.add(new Span(start, text.length()));
        }
        String clean = text.toString();
        removed.sort((a, b) -> Integer.compare(a.start(), b.start()));
        String script = dominantScript(cleanTitle + "\n" + clean);
        int words = countWords(clean);
        TextFacts facts = new TextFacts(script, direction(script), sentences(clean, paragraphs, script), words,
                (int) Math.ceil(words * 60.0 / WORDS_PER_MINUTE), new ArrayList<>(captions.values()), removed, List.of());
        return new NormalizedText(cleanTitle, clean, paragraphs, facts, dateline);
    }

    /**
     * Whether a body is HTML: when markup structures it, not when it mentions a tag. That is when it
     * <ul>
     *   <li>opens with a block element ({@code <p>}, {@code <div>}, {@code <h1>}, {@code <ul>}, {@code <table>},
     *       {@code <html>}, ...), a doctype or a comment;</li>
     *   <li>or opens and then closes an element of news markup ({@code <p>...</p>}, {@code <b>...</b>},
     *       {@code <a href>...</a>});</li>
     *   <li>or breaks lines with {@code <br>}.</li>
     * </ul>
     * Text that mentions a tag ("use the {@code <b>} tag", a security story quoting
     * {@code </textarea><svg onload=alert(1)>}) is text, and keeps those characters. Text that quotes both a start
     * and its end tag remains ambiguous, and is read as HTML.
     */
    public static boolean looksLikeHtml(String body) {
        if (body == null || body.indexOf('<') < 0) {
            return false;
        }
        if (OPENS_AS_HTML.matcher(body).find()) {
            return true;
        }
        Set<String> opened = new java.util.HashSet<>();
        for (Matcher m = TAG.matcher(body); m.find(); ) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            if (name.equals("br")) {
                return true;
            }
            if (m.group(1).isEmpty()) {
                opened.add(name);
            } else if (opened.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text of an HTML body, a line per block. Scripts, styles, SVG, forms, navigation and embedded objects are
     * dropped with their content, except an SVG, form, navigation, object or template that the body never closes:
     * such an element holds everything after it ({@code <svg onload=...>} quoted in a fragment), so it is unwrapped
     * and that text kept.
     */
    static String htmlToText(String html) {
        boolean track = MARKUP_CONTAINER.matcher(html).find(); // positions cost: only when it can matter
        Element root = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(track)).body();
        for (Element e : root.select(DROPPED)) {
            if (track && MARKUP_CONTAINERS.contains(e.normalName()) && e.endSourceRange().isImplicit()) {
                e.unwrap();
            } else {
                e.remove();
            }
        }
        StringBuilder out = new StringBuilder();
        org.jsoup.select.NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.append(t.getWholeText().replace('\n', ' '));
                } else if (node instanceof Element e && ("br".equals(e.normalName()) || BLOCKS.contains(e.normalName()))) {
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

    /** Non-blank lines, each cleaned (NFC, invisible characters removed, spaces collapsed), with original offsets. */
    private static List<Line> lines(String s) {
        List<Line> out = new ArrayList<>();
        Matcher m = LINE_BREAK.matcher(s);
        int start = 0;
        while (true) {
            boolean found = m.find();
            int end = found ? m.start() : s.length();
            String cleaned = clean(s.substring(start, end));
            if (!cleaned.isEmpty()) {
                out.add(new Line(cleaned, start, end));
            }
            if (!found) {
                return out;
            }
            start = m.end();
        }
    }

    /** One line of text: NFC, invisible characters removed, controls and runs of spaces as one space, trimmed. */
    public static String clean(String line) {
        String n = Normalizer.isNormalized(line, Normalizer.Form.NFC) ? line : Normalizer.normalize(line, Normalizer.Form.NFC);
        // one pass: invisible format characters dropped, controls and any run of spaces as one space, trimmed
        StringBuilder out = null;
        boolean space = false;
        int len = n.length();
        for (int i = 0; i < len; i++) {
            char c = n.charAt(i);
            boolean isSpace;
            boolean drop = false;
            if (c < 0x80) {
                isSpace = c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c < 0x20 || c == 0x7F;
            } else {
                drop = isInvisible(c);
                isSpace = !drop && (Character.getType(c) == Character.SPACE_SEPARATOR || Character.isISOControl(c));
            }
            if (out == null && (drop || isSpace && (c != ' ' || space))) {
                out = new StringBuilder(len);
                out.append(n, 0, i); // the prefix is clean: single plain spaces only
            }
            if (drop) {
                continue;
            }
            if (isSpace) {
                if (out != null && !space) {
                    out.append(' ');
                }
                space = true;
            } else {
                if (out != null) {
                    out.append(c);
                }
                space = false;
            }
        }
        String result = out == null ? n : out.toString();
        return result.strip();
    }

    /** Zero-width and bidi control characters that carry no meaning in stored text (ZWNJ U+200C is kept: Persian). */
    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200D' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF' || c == '\u00AD';
    }

    /**
     * Comparison key for repeated lines: case-folded, Arabic diacritics and tatweel dropped, alef/ya/teh-marbuta
     * variants unified, punctuation and spaces ignored. Only used to compare lines, never stored.
     */
    static String key(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x064B && c <= 0x065F || c == 0x0670 || c == 0x0640) {
                continue; // harakat, superscript alef, tatweel
            }
            switch (c) {
                case 0x0622, 0x0623, 0x0625, 0x0671 -> b.append('\u0627');
                case 0x0649 -> b.append('\u064A');
                case 0x0629 -> b.append('\u0647');
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        b.appendCodePoint(Character.toLowerCase(c));
                    } else if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                        b.append(' ');
                    }
                }
            }
        }
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == ' ' ? b.substring(0, end - 1) : b.toString();
    }

    /**
     * The date of a line that is a date and nothing else (at most {@value #DATELINE_MAX_WORDS} words, a year, no
     * sentence-final mark), else null.
     */
    private Instant dateline(String line) {
        if (dates == null || line.length() > 120 || wordCount(line) > DATELINE_MAX_WORDS
                || ".!?؟".indexOf(line.charAt(line.length() - 1)) >= 0 || !YEAR.matcher(line).find()) {
            return null;
        }
        return dates.parse(line).orElse(null);
    }

    /** Words of a cleaned line (single spaces only). */
    private static int wordCount(String cleanLine) {
        int words = 1;
        for (int i = 0; i < cleanLine.length(); i++) {
            if (cleanLine.charAt(i) == ' ') {
                words++;
            }
        }
        return words;
    }

    static boolean isCaptionLike(String line) {
        return wordCount(line) <= CAPTION_MAX_WORDS && !ENDS_AS_PROSE.matcher(line).find();
    }

    private static Removal removal(String kind, Line l) {
        return new Removal(kind, l.start(), l.end(), l.text());
    }

    /** ISO 15924 code of the script of most letters, {@code Zyyy} (common) when there are none. */
    static String dominantScript(String s) {
        int[] counts = new int[UScript.CODE_LIMIT];
        int best = -1;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                int script = UScript.getScript(c);
                if (++counts[script] > (best < 0 ? 0 : counts[best])) {
                    best = script;
                }
            }
        }
        return best < 0 ? "Zyyy" : UScript.getShortName(best);
    }

    static String direction(String script) {
        return Set.of("Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Mand", "Samr").contains(script) ? "rtl" : "ltr";
    }

    private static List<Span> sentences(String text, List<Span> paragraphs, String script) {
        BreakIterator it = ("Arab".equals(script) ? AR_SENTENCES : EN_SENTENCES).get();
        List<Span> out = new ArrayList<>();
        for (Span p : paragraphs) {
            String para = text.substring(p.start(), p.end());
            it.setText(para);
            int start = it.first();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                int s = start;
                int e = end;
                while (s < e && Character.isWhitespace(para.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(para.charAt(e - 1))) {
                    e--;
                }
                if (e > s) {
                    out.add(new Span(p.start() + s, p.start() + e));
                }
            }
        }
        return out;
    }

    /**
     * Words: runs of letters, digits and marks, an apostrophe or a hyphen between letters joining them (the same
     * count as ICU's word breaks for spaced scripts, at a fraction of the cost). Scripts written without spaces (Han,
     * Kana, Thai, Lao, Khmer, Myanmar) need a dictionary: ICU's word breaker counts those.
     */
    static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordChar;
            if (c < 0x80) {
                wordChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            } else {
                if (c >= 0x0E00 && c <= 0x0EFF || c >= 0x1000 && c <= 0x109F || c >= 0x1780 && c <= 0x17FF
                        || c >= 0x3040 && c <= 0x30FF || c >= 0x3400 && c <= 0x9FFF || Character.isSurrogate(c)) {
                    return icuWordCount(text);
                }
                int type = Character.getType(c);
                wordChar = Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                        || type == Character.COMBINING_SPACING_MARK || c == '\u0640';
            }
            if (!wordChar && inWord && (c == '\'' || c == '\u2019' || c == '-') && i + 1 < text.length()
                    && Character.isLetter(text.charAt(i + 1))) {
                continue; // don't, Al-Assad: one word
            }
            if (wordChar && !inWord) {
                words++;
            }
            inWord = wordChar;
        }
        return words;
    }

    private static int icuWordCount(String text) {
        BreakIterator it = WORDS.get();
        it.setText(text);
        int words = 0;
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            int status = it.getRuleStatus();
            if (status >= BreakIterator.WORD_NUMBER && status < BreakIterator.WORD_NUMBER_LIMIT
                    || status >= BreakIterator.WORD_LETTER && status < BreakIterator.WORD_IDEO_LIMIT) {
                words++;
            }
        }
        return words;
    }
}
