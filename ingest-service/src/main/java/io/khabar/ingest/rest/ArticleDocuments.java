package io.khabar.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The request bodies of {@code POST /articles}, for the OpenAPI document only: {@code ArticleParser} reads and
 * validates them from the JSON tree.
 */
final class ArticleDocuments {
    private ArticleDocuments() {
    }

    /** A native article. */
    @Schema(name = "NativeArticle", description = "An article in Khabar's own shape. Without a title, a full HTML "
            + "page's headline or a text body's first line is the title. Any text holding a NUL character (U+0000) is "
            + "refused.")
    record NativeArticle(
            @Schema(description = "the producer's own id: 1-128 characters of A-Z a-z 0-9 . _ : -. Without it, the id"
                    + " derives from source and URL, else from source, title and body") String id,
            @Schema(required = true, maxLength = 200, description = "who publishes the article") String source,
            @Schema(maxLength = 2048, description = "absolute http(s) URL of the article") String url,
            @Schema(maxLength = 2000) String title,
            @Schema(required = true, description = "plain text, an HTML fragment or a full HTML page") String body,
            @Schema(description = "BCP 47 language tag, such as ar or en-GB") String language,
            @Schema(description = "as the producer writes it: ISO-8601, RFC 1123, epoch seconds, English or Arabic "
                    + "dates; a time outside years 1 to 9999 is refused, one that cannot be read is kept as written",
                    type = SchemaType.STRING) String publishedAt,
            @Schema(maxItems = 50) List<String> authors) {
    }

    /** An IPTC ninjs document. */
    @Schema(name = "NinjsArticle", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            description = "An IPTC ninjs document, version 1.x, 2.x or 3.x "
                    + "(https://www.iptc.org/std/ninjs/). The version is the one declared (standard.version, "
                    + "$standard.version, or the ninjs-schema_X.Y.json named by standard.schema or $schema), else told "
                    + "by the member names: 1.x headline and body_html or body_text, 2.x headlines and bodies with "
                    + "lower-case members (firstcreated, infosources), 3.x the same in camel case (firstCreated, "
                    + "infoSources). title: the headline; body: body_html, else body_text (1.x), the first of bodies "
                    + "(2.x, 3.x); publishedAt: first created, else version created; source: the first info source's "
                    + "name, else the copyright holder, else the host of an http(s) uri; authors: byline (1.x) or by; "
                    + "language. Other versions and shapes are a 400 naming the versions read.")
    record NinjsArticle(
            @Schema(required = true, format = "uri", description = "an absolute URI. An http(s) uri is the article's "
                    + "URL; any other is its id when it is 1-128 characters of A-Z a-z 0-9 . _ : -") String uri) {
    }
}
