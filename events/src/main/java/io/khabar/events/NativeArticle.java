package io.khabar.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An article in Khabar's native producer format, as {@code POST /articles} takes it and as a producer may write it to
 * {@link Topics#RAW} directly (IPTC ninjs is the other accepted format). ingest-service checks more than this record
 * says: lengths (source 200, url 2048, title 2000 characters; 50 authors), the id's characters, URL schemes and
 * language tags; its errors name the field as a JSON pointer.
 *
 * @param id          the producer's own id (1-128 of A-Z a-z 0-9 . _ : -); the article id derives from it, else from
 *                    the url, else from source and content
 * @param source      the producing newsroom or feed, e.g. {@code afp}
 * @param url         the article's canonical http(s) URL, may be absent
 * @param title       the title; when absent, a full HTML page's headline or a text body's first line is the title
 * @param body        plain text, an HTML fragment or a whole HTML page
 * @param language    a language hint (BCP 47), may be absent: the language is then identified
 * @param publishedAt publication time: ISO 8601, RFC 1123 or a date as newsrooms write it, may be absent
 * @param authors     bylines, may be absent
 */
public record NativeArticle(String id, @JsonProperty(required = true) String source, String url, String title,
                            @JsonProperty(required = true) String body, String language, String publishedAt,
                            List<String> authors) {
    /** The {@code ce_type}-like name of this format, whose schema is {@link CloudEventTypes#dataSchema(String)}. */
    public static final String SCHEMA = "io.khabar.article.native";
}
