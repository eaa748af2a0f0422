package io.khabar.normalize.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.EventJson;
import io.khabar.events.PageMetadata;
import io.khabar.normalize.dates.PublishedAtParser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a page says about itself, most specific source first: schema.org JSON-LD (an {@code Article} or
 * {@code NewsArticle}, also inside {@code @graph}), then OpenGraph and {@code article:*} properties, then plain meta
 * tags, {@code <link rel=canonical>}, {@code <html lang>} and {@code <title>}.
 */
public final class PageMetadataReader {
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "blogposting", "report",
            "liveblogposting", "techarticle", "socialmediaposting");
    private static final int MAX_AUTHORS = 20;
    private final PublishedAtParser dates;

    public PageMetadataReader(PublishedAtParser dates) {
        this.dates = dates;
    }

    /** The metadata and, when JSON-LD carries it, the publisher's own {@code articleBody} (else null). */
    public record Result(PageMetadata metadata, String jsonLdBody) {
    }

    public Result read(Document doc) {
        JsonNode ld = jsonLdArticle(doc);
        String title = first(text(ld, "headline"), meta(doc, "og:title"), meta(doc, "twitter:title"),
                emptyToNull(doc.title()));
        List<String> authors = authors(doc, ld);
        Instant published = date(text(ld, "datePublished"), meta(doc, "article:published_time"),
                meta(doc, "og:article:published_time"), meta(doc, "datePublished"), meta(doc, "pubdate"),
                meta(doc, "publishdate"), meta(doc, "publish-date"), meta(doc, "parsely-pub-date"),
                meta(doc, "sailthru.date"), meta(doc, "dc.date.issued"), meta(doc, "dcterms.created"),
                meta(doc, "date"), timeElement(doc));
        Instant modified = date(text(ld, "dateModified"), meta(doc, "article:modified_time"),
                meta(doc, "og:updated_time"), meta(doc, "dateModified"), meta(doc, "last-modified"));
        String canonical = first(attr(doc.selectFirst("link[rel=canonical][href]"), "abs:href"), meta(doc, "og:url"),
                text(ld, "url"));
        String image = first(meta(doc, "og:image"), meta(doc, "og:image:url"), image(ld), meta(doc, "twitter:image"));
        String site = first(meta(doc, "og:site_name"), ld == null ? null : text(ld.path("publisher"), "name"),
                meta(doc, "application-name"));
        String description = first(meta(doc, "og:description"), meta(doc, "description"), text(ld, "description"));
        String language = language(first(attr(doc.selectFirst("html[lang]"), "lang"), text(ld, "inLanguage"),
                meta(doc, "og:locale"), meta(doc, "content-language"), meta(doc, "language"), meta(doc, "dc.language")));
        String body = text(ld, "articleBody");
        return new Result(new PageMetadata(clean(title), authors, published, modified, canonical, image, clean(site),
                clean(description), language), body == null || body.isBlank() ? null : body);
    }

    /** The first JSON-LD object whose {@code @type} is an article type; malformed blocks are skipped. */
    static JsonNode jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = EventJson.mapper().readTree(script.data().strip());
            } catch (IOException | RuntimeException e) {
                continue; // publishers ship broken JSON-LD; the other sources still apply
            }
            JsonNode found = findArticle(root, 0);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node, int depth) {
        if (node == null || depth > 4) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                JsonNode f = findArticle(n, depth + 1);
                if (f != null) {
                    return f;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode type = node.get("@type");
        if (type != null) {
            for (JsonNode t : type.isArray() ? type : List.of(type)) {
                if (ARTICLE_TYPES.contains(t.asText("").toLowerCase(Locale.ROOT))) {
                    return node;
                }
            }
        }
        JsonNode f = findArticle(node.get("@graph"), depth + 1);
        return f != null ? f : findArticle(node.get("mainEntity"), depth + 1);
    }

    private static List<String> authors(Document doc, JsonNode ld) {
        Set<String> names = new LinkedHashSet<>();
        if (ld != null) {
            JsonNode a = ld.get("author");
            for (JsonNode n : a == null ? List.<JsonNode>of() : a.isArray() ? a : List.of(a)) {
                addAuthor(names, n.isTextual() ? n.asText() : text(n, "name"));
            }
        }
        if (names.isEmpty()) {
            for (Element m : doc.select("meta[name=author], meta[property=article:author], meta[name=byl], "
                    + "meta[name=sailthru.author], meta[name=parsely-author]")) {
                addAuthor(names, m.attr("content").replaceFirst("(?i)^by\\s+", ""));
            }
        }
        if (names.isEmpty()) {
            for (Element e : doc.select("[rel=author], [itemprop=author] [itemprop=name], .byline__name")) {
                addAuthor(names, e.text());
            }
        }
        return new ArrayList<>(names).subList(0, Math.min(names.size(), MAX_AUTHORS));
    }

    private static void addAuthor(Set<String> names, String name) {
        String n = clean(name);
        // article:author is often a profile URL, and some sites put the whole newsroom in the field
        if (n != null && !n.startsWith("http") && n.length() <= 100) {
            names.add(n);
        }
    }

    private static String image(JsonNode ld) {
        if (ld == null || ld.get("image") == null) {
            return null;
        }
        JsonNode i = ld.get("image");
        JsonNode first = i.isArray() && !i.isEmpty() ? i.get(0) : i;
        return first.isTextual() ? first.asText() : text(first, "url");
    }

    private static String timeElement(Document doc) {
        Element t = doc.selectFirst("time[datetime][pubdate], [itemprop=datePublished][datetime], time[datetime]");
        return t == null ? null : t.attr("datetime");
    }

    private Instant date(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                Optional<Instant> parsed = dates.parse(c);
                if (parsed.isPresent()) {
                    return parsed.get();
                }
            }
        }
        return null;
    }

    static String meta(Document doc, String name) {
        for (Element m : doc.getElementsByTag("meta")) {
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name")
                    : m.hasAttr("itemprop") ? m.attr("itemprop") : m.attr("http-equiv");
            if (key.equalsIgnoreCase(name) && !m.attr("content").isBlank()) {
                return m.attr("content").strip();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v != null && v.isArray() && !v.isEmpty()) {
            v = v.get(0);
        }
        if (v != null && v.isObject()) {
            v = v.has("@value") ? v.get("@value") : v.get("name");
        }
        return v == null || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static String attr(Element e, String attr) {
        return e == null ? null : emptyToNull(e.attr(attr));
    }

    private static String language(String raw) {
        if (raw == null) {
            return null;
        }
        String tag = Locale.forLanguageTag(raw.strip().replace('_', '-')).toLanguageTag();
        return "und".equals(tag) ? null : tag;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String clean(String s) {
        return s == null ? null : emptyToNull(org.jsoup.parser.Parser.unescapeEntities(s, false)
                .replaceAll("[\\s\\p{Z}\\u200B-\\u200F\\u202A-\\u202E\\uFEFF]+", " "));
    }
}
