package io.khabar.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.ArticleIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one article in either accepted shape and validates it:
 * <ul>
 *   <li>native: {@code id?}, {@code source}, {@code url?}, {@code title?}, {@code body}, {@code language?},
 *       {@code publishedAt?}, {@code authors?} (also the {@code ArticleReceived} event, whose {@code articleId} is
 *       read as the id);</li>
 *   <li>IPTC ninjs 1.x, 2.x and 3.x ({@code uri}, {@code headline} or {@code headlines}, {@code body_html},
 *       {@code body_text} or {@code bodies}, ...): the version told apart by {@link NinjsVersion}, the members read
 *       by {@link NinjsReader}. Other versions and shapes are refused, naming the versions read.</li>
 * </ul>
 * Errors name the field as a JSON pointer. Values a database cannot hold are refused here, at the door: a NUL character
 * (U+0000) in any text, and a publication time outside years 1 to 9999.
 */
public final class ArticleParser {
    static final int MAX_SOURCE = 200;
    static final int MAX_URL = 2048;
    static final int MAX_TITLE = 2000;
    static final int MAX_AUTHORS = 50;
    private static final io.khabar.normalize.dates.PublishedAtParser DATES = new io.khabar.normalize.dates.PublishedAtParser();
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final NinjsReader NINJS = new NinjsReader();

    public ArticleSubmission parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException("/", "an article must be a JSON object");
        }
        if (isNinjs(node)) {
            return NINJS.read(node);
        }
        return parseNative(node);
    }

    /**
     * A document is read as ninjs when it says so ({@code standard}, {@code $standard} or {@code $schema}, see
     * {@link NinjsVersion}), or when it has a ninjs {@code uri} and no native {@code body}.
     */
    static boolean isNinjs(JsonNode node) {
        return NinjsVersion.declared(node) || node.has("uri") && !node.has("body");
    }

    private ArticleSubmission parseNative(JsonNode node) {
        String id = optionalText(node, node.has("articleId") ? "articleId" : "id");
        if (id != null && !ArticleIds.isValidProducerId(id)) {
            throw new InvalidArticleException("/id", "must be 1-" + ArticleIds.MAX_PRODUCER_ID_LENGTH
                    + " characters of A-Z a-z 0-9 . _ : -");
        }
        String source = requiredText(node, "source", MAX_SOURCE);
        String url = url(optionalText(node, "url"), "/url");
        String body = requiredText(node, "body", Integer.MAX_VALUE);
        // Without a title, a full HTML page's headline or a text body's first line is the title.
        String title = optionalText(node, "title");
        if (title != null && title.isBlank()) {
            title = null;
        }
        if (title != null) {
            checkLength("/title", title, MAX_TITLE);
        }
        return new ArticleSubmission(id, source, url, title, body, language(optionalText(node, "language"), "/language"),
                publishedAt(optionalScalar(node, "publishedAt"), "/publishedAt"), authors(node.get("authors"), "/authors"),
                "native");
    }

    private static List<String> authors(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(storable(field, node.asText()).strip());
        }
        if (!node.isArray()) {
            throw new InvalidArticleException(field, "must be an array of strings");
        }
        if (node.size() > MAX_AUTHORS) {
            throw new InvalidArticleException(field, "at most " + MAX_AUTHORS + " authors");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            if (!a.isTextual()) {
                throw new InvalidArticleException(field + "/" + i, "must be a string");
            }
            storable(field + "/" + i, a.asText());
            if (!a.asText().isBlank()) {
                out.add(a.asText().strip());
            }
        }
        return out;
    }

    static String language(String tag, String field) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(tag.strip()).matches()) {
            throw new InvalidArticleException(field, "must be a BCP 47 language tag such as ar or en-GB");
        }
        return tag.strip().toLowerCase(Locale.ROOT).equals(tag.strip()) ? tag.strip() : java.util.Locale.forLanguageTag(tag.strip()).toLanguageTag();
    }

    static String url(String url, String field) {
        if (url == null || url.isBlank()) {
            return null;
        }
        checkLength(field, url, MAX_URL);
        if (ArticleIds.canonicalUrl(url).isEmpty()) {
            throw new InvalidArticleException(field, "must be an absolute http(s) URL");
        }
        return url.strip();
    }

    static String requiredText(JsonNode node, String name, int max) {
        String value = optionalText(node, name);
        if (value == null || value.isBlank()) {
            throw new InvalidArticleException("/" + name, "is required");
        }
        checkLength("/" + name, value, max);
        return value;
    }

    static String optionalText(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidArticleException("/" + name, "must be a string");
        }
        return storable("/" + name, v.asText());
    }

    /** A string or a number (epoch timestamps). */
    static String optionalScalar(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new InvalidArticleException("/" + name, "must be a string or a number");
        }
        return storable("/" + name, v.asText());
    }

    /** A text a database can hold: no NUL character (PostgreSQL's text type refuses it). */
    static String storable(String field, String value) {
        int nul = value.indexOf('\u0000');
        if (nul >= 0) {
            throw new InvalidArticleException(field, "contains a NUL character (U+0000) at position " + nul
                    + ", which cannot be stored");
        }
        return value;
    }

    /** A publication time, refused when it names a date outside years 1 to 9999. Unreadable values pass (kept raw). */
    static String publishedAt(String raw, String field) {
        DATES.outOfRange(raw).ifPresent(t -> {
            throw new InvalidArticleException(field, "names " + t + ", outside the accepted years 1 to 9999");
        });
        return raw;
    }

    static void checkLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidArticleException(field, "longer than " + max + " characters");
        }
    }
}
