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
 *   <li>IPTC ninjs 3.x: {@code uri}, {@code headlines}, {@code bodies}, {@code firstCreated}, {@code language},
 *       {@code by}, {@code infoSources}.</li>
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

    public ArticleSubmission parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidArticleException("/", "an article must be a JSON object");
        }
        if (node.has("uri") && (node.has("headlines") || node.has("bodies"))) {
            return parseNinjs(node);
        }
        return parseNative(node);
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

    private ArticleSubmission parseNinjs(JsonNode node) {
        String uri = requiredText(node, "uri", MAX_URL);
        String title = firstValue(node.get("headlines"), "/headlines");
        String body = firstValue(node.get("bodies"), "/bodies");
        if (title == null || title.isBlank()) {
            throw new InvalidArticleException("/headlines", "needs at least one headline with a value");
        }
        if (body == null || body.isBlank()) {
            throw new InvalidArticleException("/bodies", "needs at least one body with a value");
        }
        checkLength("/headlines/0/value", title, MAX_TITLE);
        String source = null;
        JsonNode infoSources = node.get("infoSources");
        if (infoSources != null && infoSources.isArray() && !infoSources.isEmpty()) {
            source = optionalText(infoSources.get(0), "name");
        }
        if (source == null && node.hasNonNull("copyrightHolder")) {
            source = optionalText(node.get("copyrightHolder"), "name");
        }
        boolean uriIsUrl = uri.startsWith("http://") || uri.startsWith("https://");
        if (source == null) {
            source = uriIsUrl ? java.net.URI.create(uri).getHost() : "ninjs";
        }
        String producerId = !uriIsUrl && ArticleIds.isValidProducerId(uri) ? uri
                : uriIsUrl ? null : "n-" + ArticleIds.sha256Hex(uri).substring(0, 32);
        return new ArticleSubmission(producerId, source, uriIsUrl ? url(uri, "/uri") : null, title, body,
                language(optionalText(node, "language"), "/language"),
                publishedAt(optionalScalar(node, "firstCreated"), "/firstCreated"), ninjsAuthors(node.get("by")), "ninjs");
    }

    private static String firstValue(JsonNode array, String field) {
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new InvalidArticleException(field, "must be an array of {value, contentType?, role?}");
        }
        for (JsonNode item : array) {
            if (item.isObject() && item.hasNonNull("value") && item.get("value").isTextual()) {
                return storable(field + "/" + indexOf(array, item) + "/value", item.get("value").asText());
            }
        }
        return null;
    }

    private static List<String> ninjsAuthors(JsonNode by) {
        if (by == null || by.isNull()) {
            return List.of();
        }
        if (by.isTextual()) {
            return List.of(storable("/by", by.asText()));
        }
        List<String> names = new ArrayList<>();
        if (by.isArray()) {
            for (JsonNode b : by) {
                String name = b.isTextual() ? storable("/by/" + indexOf(by, b), b.asText()) : optionalText(b, "name");
                if (name != null && !name.isBlank() && names.size() < MAX_AUTHORS) {
                    names.add(name.strip());
                }
            }
        }
        return names;
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

    private static String language(String tag, String field) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        if (!LANGUAGE_TAG.matcher(tag.strip()).matches()) {
            throw new InvalidArticleException(field, "must be a BCP 47 language tag such as ar or en-GB");
        }
        return tag.strip().toLowerCase(Locale.ROOT).equals(tag.strip()) ? tag.strip() : java.util.Locale.forLanguageTag(tag.strip()).toLanguageTag();
    }

    private static String url(String url, String field) {
        if (url == null || url.isBlank()) {
            return null;
        }
        checkLength(field, url, MAX_URL);
        if (ArticleIds.canonicalUrl(url).isEmpty()) {
            throw new InvalidArticleException(field, "must be an absolute http(s) URL");
        }
        return url.strip();
    }

    private static String requiredText(JsonNode node, String name, int max) {
        String value = optionalText(node, name);
        if (value == null || value.isBlank()) {
            throw new InvalidArticleException("/" + name, "is required");
        }
        checkLength("/" + name, value, max);
        return value;
    }

    private static String optionalText(JsonNode node, String name) {
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
    private static String optionalScalar(JsonNode node, String name) {
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
    private static String storable(String field, String value) {
        int nul = value.indexOf('\u0000');
        if (nul >= 0) {
            throw new InvalidArticleException(field, "contains a NUL character (U+0000) at position " + nul
                    + ", which cannot be stored");
        }
        return value;
    }

    /** A publication time, refused when it names a date outside years 1 to 9999. Unreadable values pass (kept raw). */
    private static String publishedAt(String raw, String field) {
        DATES.outOfRange(raw).ifPresent(t -> {
            throw new InvalidArticleException(field, "names " + t + ", outside the accepted years 1 to 9999");
        });
        return raw;
    }

    private static int indexOf(JsonNode array, JsonNode item) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == item) {
                return i;
            }
        }
        return 0;
    }

    private static void checkLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidArticleException(field, "longer than " + max + " characters");
        }
    }
}
