package io.khabar.store.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.khabar.events.Annotation;
import io.khabar.events.ArticleEnriched;
import io.khabar.events.ArticleEntity;
import io.khabar.events.Provenance;
import io.khabar.events.Span;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored article as an IPTC ninjs 3.1 document (News in JSON, {@code ninjs-schema_3.1.json}; it is valid against
 * 3.0 too): what {@code GET /articles/{id}} answers to {@code Accept: application/ninjs+json}. Built from the stored
 * enriched event:
 * <ul>
 *   <li>{@code standard}: ninjs 3.1 and its schema (ninjs 3 says its version there; a top-level {@code $schema} is not
 *       a ninjs property);</li>
 *   <li>{@code uri}: {@code urn:khabar:article:<article id>} (characters outside {@code A-Z a-z 0-9 - . _ ~ :}
 *       percent-encoded as UTF-8); {@code altIds}: the article id ({@code khabar}) and the canonical URL
 *       ({@code url});</li>
 *   <li>{@code version}: the revision; {@code firstCreated}: publishedAt, else when ingest accepted the article;
 *       {@code versionCreated}: when this version was enriched (it changes whenever the stored article does);</li>
 *   <li>{@code headlines}: the title; {@code bodies}: the text as {@code text/plain}, and the same text as
 *       {@code text/html}, one {@code <p>} per paragraph, every character of the text escaped (never markup from the
 *       article);</li>
 *   <li>{@code subjects}: the IPTC Media Topics ({@code http://cv.iptc.org/newscodes/mediatopic/<code>}, the code as
 *       {@code literal}, the label as {@code name}, the score as {@code confidence} 0-100, the model as
 *       {@code creator}), best first;</li>
 *   <li>{@code people}, {@code organisations}, {@code places}: the entities of type PERSON, ORGANIZATION, LOCATION,
 *       most salient first, with {@code uri} {@code https://www.wikidata.org/entity/<QID>} when the entity has a
 *       QID, and always the Khabar entity id as {@code literal} (an entity without a QID has no {@code uri});
 *       MISC entities are left out. Names are in the article's language where known (Arabic for {@code ar}), else
 *       English, else as the article writes them.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Ninjs", description = "The article as an IPTC ninjs 3.1 document"
        + " (http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json)")
public record Ninjs(@Schema(required = true) Standard standard,
                    @Schema(required = true, description = "urn:khabar:article:<article id>") String uri,
                    @Schema(description = "always text") String type,
                    @Schema(description = "always full") String representationType,
                    @Schema(description = "the article's revision") String version,
                    @Schema(description = "publishedAt, else when the article was accepted") Instant firstCreated,
                    @Schema(description = "when this version was enriched") Instant versionCreated,
                    @Schema(description = "BCP 47; und when undetermined") String language,
                    List<Text> headlines,
                    @Schema(description = "the text as text/plain, then as text/html (escaped, a <p> per paragraph)")
                    List<Body> bodies,
                    @Schema(description = "the bylines") String by,
                    @Schema(description = "the source") List<Party> infoSources,
                    @Schema(description = "the article id (role khabar) and its canonical URL (role url)")
                    List<AltId> altIds,
                    @Schema(description = "IPTC Media Topics") List<Subject> subjects,
                    List<Party> people,
                    List<Party> organisations,
                    List<Party> places) {
    public static final String MEDIA_TYPE = "application/ninjs+json";
    static final String VERSION = "3.1";
    static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    static final String URI_PREFIX = "urn:khabar:article:";
    static final String MEDIA_TOPIC = "http://cv.iptc.org/newscodes/mediatopic/";
    static final String WIKIDATA = "https://www.wikidata.org/entity/";
    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]{0,11}");
    private static final Pattern MEDIA_TOPIC_CODE = Pattern.compile("medtop:([0-9]{8})");

    @Schema(name = "NinjsStandard", description = "The standard, version and schema this document conforms to")
    public record Standard(String name, String version, String schema) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsText", description = "A headline")
    public record Text(String role, String contentType, @Schema(required = true) String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsBody", description = "A body: text/plain, or text/html built from escaped text")
    public record Body(String role, String contentType, Integer charCount, Integer wordCount,
                       @Schema(required = true) String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsParty", description = "A person, organisation, place or source: its name, its Wikidata URI"
            + " when it has a QID, and its Khabar entity id as literal")
    public record Party(String name, String uri, String literal) {
    }

    @Schema(name = "NinjsAltId", description = "An alternative identifier")
    public record AltId(String role, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsSubject", description = "An IPTC Media Topic")
    public record Subject(@Schema(description = "the topic's label") String name,
                          @Schema(description = "http://cv.iptc.org/newscodes/mediatopic/<code>") String uri,
                          @Schema(description = "the code, medtop:<code>") String literal,
                          @Schema(description = "the component and model that assigned it") String creator,
                          @Schema(description = "the score, 0-100") Integer confidence) {
    }

    /** The article as ninjs. */
    public static Ninjs of(ArticleEnriched a) {
        boolean arabic = a.language() != null && a.language().toLowerCase(Locale.ROOT).matches("ar(-.*)?");
        String text = a.text() == null ? "" : a.text();
        List<Body> bodies = new ArrayList<>();
        if (!text.isBlank()) {
            bodies.add(new Body("main", "text/plain", text.codePointCount(0, text.length()),
                    a.facts() == null ? null : a.facts().wordCount(), text));
            bodies.add(new Body("main", "text/html", null, null, html(text, a.paragraphs())));
        }
        List<AltId> altIds = new ArrayList<>();
        altIds.add(new AltId("khabar", a.articleId()));
        if (a.url() != null && !a.url().isBlank()) {
            altIds.add(new AltId("url", a.url()));
        }
        List<Party> people = new ArrayList<>(), organisations = new ArrayList<>(), places = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ArticleEntity e : a.entities()) {
            if (!seen.add(e.id())) {
                continue;
            }
            List<Party> to = switch (e.type() == null ? "" : e.type().toUpperCase(Locale.ROOT)) {
                case "PERSON" -> people;
                case "ORGANIZATION" -> organisations;
                case "LOCATION" -> places;
                default -> null;
            };
            if (to != null) {
                String qid = qid(e);
                to.add(new Party(name(e, arabic), qid == null ? null : WIKIDATA + qid, e.id()));
            }
        }
        Instant first = a.publishedAt() != null ? a.publishedAt() : a.receivedAt();
        return new Ninjs(new Standard("ninjs", VERSION, SCHEMA), URI_PREFIX + uriPart(a.articleId()), "text", "full",
                Long.toString(a.revision()), first, a.enrichedAt() != null ? a.enrichedAt() : a.receivedAt(),
                a.language(),
                a.title() == null || a.title().isBlank() ? null : List.of(new Text("main", "text/plain", a.title())),
                orNull(bodies), a.authors().isEmpty() ? null : String.join(", ", a.authors()),
                a.source() == null || a.source().isBlank() ? null : List.of(new Party(a.source(), null, null)),
                altIds, orNull(subjects(a, arabic)), orNull(people), orNull(organisations), orNull(places));
    }

    /** The topic annotations as Media Topic subjects, in the event's order (best first), once per code. */
    private static List<Subject> subjects(ArticleEnriched a, boolean arabic) {
        List<Subject> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Annotation t : a.annotations()) {
            if (!"topic".equals(t.kind()) || t.value() == null || t.value().isBlank() || !seen.add(t.value())) {
                continue;
            }
            Matcher code = MEDIA_TOPIC_CODE.matcher(t.value());
            String label = attribute(t, "label"), labelAr = attribute(t, "labelAr");
            String name = arabic && labelAr != null ? labelAr : label != null ? label : labelAr;
            Provenance p = a.provenanceOf(t);
            String creator = p == null || p.component() == null ? null
                    : "khabar " + p.component() + (p.model() == null ? "" : " " + p.model());
            Integer confidence = t.confidence() == null || t.confidence().isNaN() ? null
                    : (int) Math.round(Math.max(0, Math.min(1, t.confidence())) * 100);
            out.add(new Subject(name, code.matches() ? MEDIA_TOPIC + code.group(1) : null, t.value(), creator,
                    confidence));
        }
        return out;
    }

    private static String qid(ArticleEntity e) {
        if (e.qid() != null && QID.matcher(e.qid()).matches()) {
            return e.qid();
        }
        return QID.matcher(e.id()).matches() ? e.id() : null;
    }

    /** In the article's language where known (Arabic for ar), else English, else as the article writes it. */
    private static String name(ArticleEntity e, boolean arabic) {
        String first = arabic ? e.nameAr() : e.nameEn();
        String last = arabic ? e.nameEn() : e.nameAr();
        return first != null ? first : e.name() != null ? e.name() : last;
    }

    private static String attribute(Annotation a, String name) {
        Object v = a.attributes().get(name);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    /** The article id as a URN part: unreserved characters and colons kept, every other byte of UTF-8 as %XX. */
    static String uriPart(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The text as HTML: one paragraph element per paragraph span (else per blank-line block), all text escaped. */
    static String html(String text, List<Span> paragraphs) {
        List<String> parts = new ArrayList<>();
        boolean spans = !paragraphs.isEmpty() && paragraphs.stream().allMatch(p -> p.end() <= text.length());
        if (spans) {
            paragraphs.forEach(p -> parts.add(text.substring(p.start(), p.end())));
        } else {
            parts.addAll(List.of(text.split("\n\\s*\n")));
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * parts.size());
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            out.append("<p>");
            escape(part.strip(), out);
            out.append("</p>");
        }
        return out.toString();
    }

    static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : List.copyOf(list);
    }
}
