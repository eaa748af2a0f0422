package io.khabar.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The major versions of IPTC ninjs that ingest reads, and how a document's version is told. In this order:
 * <ol>
 *   <li>what the document declares: {@code standard.version} (2.x, 3.x) or {@code $standard.version} (1.3 and later),
 *       else the {@code ninjs-schema_X.Y.json} named by {@code standard.schema}, {@code $standard.schema} or a
 *       {@code $schema} member. A declared version other than 1, 2 or 3 is refused, naming the versions read;</li>
 *   <li>else the field set, since each major version has names of its own:
 *     <ul>
 *       <li>1.x: {@code headline} (a string), {@code body_*} and {@code description_*} members, {@code byline},
 *           {@code infosource};</li>
 *       <li>2.x and 3.x: {@code headlines} and {@code bodies} (arrays). 3.x renamed the 2.x members to camel case
 *           ({@code firstcreated} became {@code firstCreated}, {@code infosources} {@code infoSources},
 *           {@code copyrightholder} {@code copyrightHolder}, ...): those names tell them apart. A document with
 *           only names the two share ({@code uri}, {@code headlines}, {@code bodies}, {@code language}, {@code by})
 *           reads the same either way and is read as 3.x.</li>
 *     </ul>
 *       A document that mixes the names of two versions, or has neither a headline nor a body of any version, is
 *       refused, naming the versions read.</li>
 * </ol>
 */
enum NinjsVersion {
    V1("1.x"), V2("2.x"), V3("3.x");

    /** For problem details: which versions are read. */
    static final String SUPPORTED = "ingest reads IPTC ninjs 1.x, 2.x and 3.x";

    private static final Pattern SCHEMA_URI = Pattern.compile("ninjs-schema_(\\d+)\\.(\\d+)");
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.\\d+)*");
    private static final Set<String> V1_NAMES = Set.of("headline", "byline", "infosource");
    private static final Set<String> ARRAY_NAMES = Set.of("headlines", "bodies");
    /** Members 3.x spells in camel case. */
    private static final Set<String> V3_NAMES = Set.of("firstCreated", "versionCreated", "contentCreated",
            "embargoedUntil", "pubStatus", "copyrightHolder", "copyrightNotice", "usageTerms", "edNote", "infoSources",
            "altIds", "trustIndicators", "rightsInfo", "representationType", "eventDetails", "plannedCoverage");
    /** The same members as 2.x spells them (1.x shares most of these, so they only tell 2.x from 3.x). */
    private static final Set<String> V2_NAMES = Set.of("firstcreated", "versioncreated", "contentcreated",
            "embargoed", "pubstatus", "copyrightholder", "copyrightnotice", "usageterms", "ednote", "infosources",
            "altids", "trustindicators", "rightsinfo", "representationtype");

    final String label;

    NinjsVersion(String label) {
        this.label = label;
    }

    /** Whether a document says it is ninjs (a {@code standard} named ninjs, or a ninjs schema), whatever its shape. */
    static boolean declared(JsonNode doc) {
        return declaration(doc) != null;
    }

    /**
     * The version to read {@code doc} as.
     *
     * @throws InvalidArticleException when the declared version is not one ingest reads, or the shape is none of
     *                                 them
     */
    static NinjsVersion of(JsonNode doc) {
        Declaration d = declaration(doc);
        if (d != null && d.version != null) {
            Matcher m = VERSION.matcher(d.version.strip());
            String major = m.matches() ? m.group(1) : null;
            return switch (major == null ? "" : major) {
                case "1" -> V1;
                case "2" -> V2;
                case "3" -> V3;
                default -> throw new InvalidArticleException(d.field, "ninjs version \"" + d.version
                        + "\" is not supported; " + SUPPORTED);
            };
        }
        return fromFields(doc);
    }

    private static NinjsVersion fromFields(JsonNode doc) {
        List<String> v1 = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        List<String> v2 = new ArrayList<>();
        List<String> v3 = new ArrayList<>();
        for (Iterator<String> names = doc.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (V1_NAMES.contains(name) || name.startsWith("body_") || name.startsWith("description_")) {
                v1.add(name);
            } else if (ARRAY_NAMES.contains(name)) {
                arrays.add(name);
            } else if (V3_NAMES.contains(name)) {
                v3.add(name);
            } else if (V2_NAMES.contains(name)) {
                v2.add(name);
            }
        }
        if (!v1.isEmpty() && (!arrays.isEmpty() || !v3.isEmpty())) {
            throw mixed("1.x", v1, arrays.isEmpty() ? "3.x" : "2.x/3.x", arrays.isEmpty() ? v3 : arrays);
        }
        if (!v1.isEmpty()) {
            return V1;
        }
        if (arrays.isEmpty()) {
            throw new InvalidArticleException("/", "not a ninjs document ingest can read: ninjs 1.x has headline and "
                    + "body_html or body_text, ninjs 2.x and 3.x have headlines and bodies; " + SUPPORTED);
        }
        if (!v2.isEmpty() && !v3.isEmpty()) {
            throw mixed("2.x", v2, "3.x", v3);
        }
        return v2.isEmpty() ? V3 : V2;
    }

    private static InvalidArticleException mixed(String a, List<String> aNames, String b, List<String> bNames) {
        return new InvalidArticleException("/", "mixes members of ninjs " + a + " " + aNames + " and of ninjs " + b
                + " " + bNames + "; declare the version in standard.version, or use the members of one version; "
                + SUPPORTED);
    }

    /** A version a document declares, and the member that declares it. */
    private record Declaration(String version, String field) {
    }

    private static Declaration declaration(JsonNode doc) {
        for (String holder : List.of("standard", "$standard")) {
            JsonNode s = doc.get(holder);
            if (s == null || !s.isObject()) {
                continue;
            }
            String name = text(s.get("name"));
            if (name != null && !name.isBlank() && !name.strip().equalsIgnoreCase("ninjs")) {
                continue;
            }
            String version = text(s.get("version"));
            if (version != null && !version.isBlank()) {
                return new Declaration(version, "/" + holder + "/version");
            }
            Declaration fromSchema = fromSchema(text(s.get("schema")), "/" + holder + "/schema");
            if (fromSchema != null) {
                return fromSchema;
            }
            if (name != null) {
                return new Declaration(null, "/" + holder + "/name"); // ninjs, version not said
            }
        }
        return fromSchema(text(doc.get("$schema")), "/$schema");
    }

    private static Declaration fromSchema(String uri, String field) {
        if (uri == null) {
            return null;
        }
        Matcher m = SCHEMA_URI.matcher(uri);
        return m.find() ? new Declaration(m.group(1) + "." + m.group(2), field) : null;
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
