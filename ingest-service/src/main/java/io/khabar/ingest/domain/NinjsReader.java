package io.khabar.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.ArticleIds;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static io.khabar.ingest.domain.ArticleParser.MAX_AUTHORS;
import static io.khabar.ingest.domain.ArticleParser.MAX_SOURCE;
import static io.khabar.ingest.domain.ArticleParser.MAX_TITLE;
import static io.khabar.ingest.domain.ArticleParser.MAX_URL;
import static io.khabar.ingest.domain.ArticleParser.checkLength;
import static io.khabar.ingest.domain.ArticleParser.language;
import static io.khabar.ingest.domain.ArticleParser.optionalScalar;
import static io.khabar.ingest.domain.ArticleParser.optionalText;
import static io.khabar.ingest.domain.ArticleParser.publishedAt;
import static io.khabar.ingest.domain.ArticleParser.storable;
import static io.khabar.ingest.domain.ArticleParser.url;

/**
 * An IPTC ninjs document (1.x, 2.x or 3.x, told apart by {@link NinjsVersion}) as a submission. The same article
 * comes out of every version:
 * <table>
 *   <caption>ninjs members read</caption>
 *   <tr><th>submission</th><th>1.x</th><th>2.x</th><th>3.x</th></tr>
 *   <tr><td>title</td><td>{@code headline}</td><td colspan="2">the first of {@code headlines} with a value</td></tr>
 *   <tr><td>body</td><td>{@code body_html}, else {@code body_text}, else another {@code body_*}</td>
 *       <td colspan="2">the first of {@code bodies} with a value</td></tr>
 *   <tr><td>publishedAt</td><td colspan="2">{@code firstcreated}, else {@code versioncreated}</td>
 *       <td>{@code firstCreated}, else {@code versionCreated}</td></tr>
 *   <tr><td>source</td><td>{@code infosource[].name}, else {@code copyrightholder}</td>
 *       <td>{@code infosources[].name}, else {@code copyrightholder}</td>
 *       <td>{@code infoSources[].name}, else {@code copyrightHolder}</td></tr>
 *   <tr><td>authors</td><td>{@code byline}</td><td colspan="2">{@code by}</td></tr>
 *   <tr><td>language</td><td colspan="3">{@code language}</td></tr>
 * </table>
 * Without an info source or copyright holder, the source is the host of an http(s) {@code uri}, else {@code ninjs}.
 * {@code profile} is not a source: ninjs defines it as the structure of the item ({@code text-only},
 * {@code text-photo}), and Superdesk fills it with its content profile's id.
 * <p>
 * The {@code uri} must be an absolute URI (RFC 3986; ninjs says {@code "format": "uri"}). An http(s) {@code uri} is
 * the article's URL, and its id derives from source and URL as for native articles; any other {@code uri} is the
 * producer's id when it is one ({@code [A-Za-z0-9._:-]}, up to 128 characters), else {@code n-} + its hash.
 */
final class NinjsReader {

    ArticleSubmission read(JsonNode doc) {
        NinjsVersion version = NinjsVersion.of(doc);
        String uri = ArticleParser.requiredText(doc, "uri", MAX_URL).strip();
        boolean uriIsUrl = isUrl(uri);
        Names n = Names.of(version);
        String title;
        String body;
        List<String> authors;
        if (version == NinjsVersion.V1) {
            title = optionalText(doc, "headline");
            if (title == null || title.isBlank()) {
                throw new InvalidArticleException("/headline", "is required (ninjs 1.x)");
            }
            checkLength("/headline", title, MAX_TITLE);
            body = v1Body(doc);
            authors = byline(doc, "byline");
        } else {
            title = firstValue(doc.get("headlines"), "/headlines");
            if (title == null || title.isBlank()) {
                throw new InvalidArticleException("/headlines", "needs at least one headline with a value (ninjs "
                        + version.label + ")");
            }
            checkLength("/headlines/0/value", title, MAX_TITLE);
            body = firstValue(doc.get("bodies"), "/bodies");
            if (body == null || body.isBlank()) {
                throw new InvalidArticleException("/bodies", "needs at least one body with a value (ninjs "
                        + version.label + ")");
            }
            authors = byline(doc, "by");
        }
        String source = firstName(doc.get(n.infoSources), "/" + n.infoSources);
        String sourceField = "/" + n.infoSources;
        if (source == null) {
            source = copyrightHolder(doc, n.copyrightHolder);
            sourceField = "/" + n.copyrightHolder;
        }
        if (source == null || source.isBlank()) {
            source = uriIsUrl ? URI.create(uri).getHost() : "ninjs";
        }
        checkLength(sourceField, source.strip(), MAX_SOURCE);
        String created = doc.hasNonNull(n.firstCreated) ? n.firstCreated : n.versionCreated;
        String producerId = uriIsUrl ? null
                : ArticleIds.isValidProducerId(uri) ? uri : "n-" + ArticleIds.sha256Hex(uri).substring(0, 32);
        return new ArticleSubmission(producerId, source.strip(), uriIsUrl ? uri : null, title, body,
                language(optionalText(doc, "language"), "/language"),
                publishedAt(optionalScalar(doc, created), "/" + created), authors, "ninjs");
    }

    /** The member names of one version; 1.x and 2.x share theirs. */
    private record Names(String firstCreated, String versionCreated, String infoSources, String copyrightHolder) {
        static Names of(NinjsVersion v) {
            return switch (v) {
                case V1 -> new Names("firstcreated", "versioncreated", "infosource", "copyrightholder");
                case V2 -> new Names("firstcreated", "versioncreated", "infosources", "copyrightholder");
                case V3 -> new Names("firstCreated", "versionCreated", "infoSources", "copyrightHolder");
            };
        }
    }

    /**
     * Whether the {@code uri} is an http(s) URL; refused when it is not an absolute URI, or an http(s) one without a
     * host.
     */
    private static boolean isUrl(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new InvalidArticleException("/uri", "must be a URI (RFC 3986) such as https://example.com/news/1 "
                    + "or urn:newsml:example.com:20240501:1; " + e.getReason() + " at index " + e.getIndex());
        }
        if (!parsed.isAbsolute()) {
            throw new InvalidArticleException("/uri", "must be an absolute URI, with a scheme (https:, urn:, ...)");
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        url(uri, "/uri"); // an http(s) URI is the article's URL: it needs a host
        return true;
    }

    /** 1.x: {@code body_html}, else {@code body_text}, else the first other {@code body_*} with a value. */
    private static String v1Body(JsonNode doc) {
        for (String name : List.of("body_html", "body_text")) {
            String body = optionalText(doc, name);
            if (body != null && !body.isBlank()) {
                return body;
            }
        }
        for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("body_")) {
                String body = optionalText(doc, name);
                if (body != null && !body.isBlank()) {
                    return body;
                }
            }
        }
        throw new InvalidArticleException("/body_html", "ninjs 1.x needs body_html or body_text with a value");
    }

    private static String copyrightHolder(JsonNode doc, String name) {
        JsonNode holder = doc.get(name);
        if (holder != null && holder.isObject()) { // not in any ninjs schema, but sent by some producers
            return optionalText(holder, "name");
        }
        return optionalText(doc, name);
    }

    /** The first {@code name} of an array of parties (info sources). */
    private static String firstName(JsonNode parties, String field) {
        if (parties == null || parties.isNull()) {
            return null;
        }
        if (!parties.isArray()) {
            throw new InvalidArticleException(field, "must be an array of {name, ...}");
        }
        for (int i = 0; i < parties.size(); i++) {
            JsonNode name = parties.get(i).get("name");
            if (name != null && name.isTextual() && !name.asText().isBlank()) {
                return storable(field + "/" + i + "/name", name.asText());
            }
        }
        return null;
    }

    /** The first {@code value} of an array of {@code {value, contentType?, role?}} (headlines, bodies). */
    private static String firstValue(JsonNode array, String field) {
        if (array == null || array.isNull()) {
            return null;
        }
        if (!array.isArray()) {
            throw new InvalidArticleException(field, "must be an array of {value, contentType?, role?}");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isObject() && item.hasNonNull("value") && item.get("value").isTextual()) {
                return storable(field + "/" + i + "/value", item.get("value").asText());
            }
        }
        return null;
    }

    /**
     * The byline: a string in every ninjs schema (one author, as written); an array of strings or of
     * {@code {name}} is also read.
     */
    private static List<String> byline(JsonNode doc, String member) {
        JsonNode by = doc.get(member);
        if (by == null || by.isNull()) {
            return List.of();
        }
        if (by.isTextual()) {
            String name = storable("/" + member, by.asText()).strip();
            return name.isEmpty() ? List.of() : List.of(name);
        }
        List<String> names = new ArrayList<>();
        if (by.isArray()) {
            for (int i = 0; i < by.size() && names.size() < MAX_AUTHORS; i++) {
                JsonNode b = by.get(i);
                String name = b.isTextual() ? storable("/" + member + "/" + i, b.asText()) : optionalText(b, "name");
                if (name != null && !name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }
}
