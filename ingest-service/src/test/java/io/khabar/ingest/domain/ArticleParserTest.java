package io.khabar.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.events.EventJson;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleParserTest {
    private final ArticleParser parser = new ArticleParser();

    private static JsonNode json(String s) throws Exception {
        return EventJson.mapper().readTree(s);
    }

    /** A test document of src/test/resources/ninjs (each is checked against IPTC's schema in IngestNinjsTest). */
    static ObjectNode resource(String name) throws Exception {
        try (InputStream in = ArticleParserTest.class.getResourceAsStream("/ninjs/" + name)) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        }
    }

    private void refused(JsonNode doc, String field, String detail) {
        assertThatThrownBy(() -> parser.parse(doc)).isInstanceOfSatisfying(InvalidArticleException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.detail()).contains(detail);
        });
    }

    @Test
    void nativeArticleWithAllFields() throws Exception {
        ArticleSubmission s = parser.parse(json("{\"id\":\"a-1\",\"source\":\"src\",\"url\":\"https://x.test/1\","
                + "\"title\":\"T\",\"body\":\"B\",\"language\":\"ar\",\"publishedAt\":1511244000,\"authors\":[\"X\",\" \"]}"));
        assertThat(s).isEqualTo(new ArticleSubmission("a-1", "src", "https://x.test/1", "T", "B", "ar", "1511244000",
                java.util.List.of("X"), "native"));
    }

    @Test
    void errorsNameTheField() {
        assertThatThrownBy(() -> parser.parse(json("{\"title\":\"t\",\"body\":\"b\"}")))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.field()).isEqualTo("/source"));
        assertThatThrownBy(() -> parser.parse(json("{\"source\":\"s\",\"title\":\"t\",\"body\":\"b\",\"id\":\"a b\"}")))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.field()).isEqualTo("/id"));
        assertThatThrownBy(() -> parser.parse(json("{\"source\":\"s\",\"title\":\"t\",\"body\":\"b\",\"authors\":[1]}")))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.field()).isEqualTo("/authors/0"));
        assertThatThrownBy(() -> parser.parse(json("{\"source\":\"s\",\"title\":\"t\",\"body\":\"b\",\"language\":\"arabic!\"}")))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.field()).isEqualTo("/language"));
        assertThatThrownBy(() -> parser.parse(json("[1]")))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.field()).isEqualTo("/"));
    }

    @Test
    void ninjsWithANonUrlUriGetsAStableDerivedId() throws Exception {
        String doc = "{\"uri\":\"urn:newsml:afp.com:20171121:ABC/1\",\"headlines\":[{\"value\":\"H\"}],"
                + "\"bodies\":[{\"contentType\":\"text/plain\",\"value\":\"Body\"}],\"infoSources\":[{\"name\":\"AFP\"}]}";
        ArticleSubmission a = parser.parse(json(doc));
        assertThat(a.producerId()).startsWith("n-").isEqualTo(parser.parse(json(doc)).producerId());
        assertThat(a.source()).isEqualTo("AFP");
        assertThat(a.format()).isEqualTo("ninjs");
        assertThatThrownBy(() -> parser.parse(json("{\"uri\":\"u:1\",\"headlines\":[{\"value\":\"H\"}],\"bodies\":[]}")))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.field()).isEqualTo("/bodies"));
    }

    @Test
    void ninjs1xSuperdeskDocumentIsReadLikeANativeArticle() throws Exception {
        ObjectNode doc = resource("superdesk-1.6.json");
        ArticleSubmission s = parser.parse(doc);
        assertThat(s).isEqualTo(new ArticleSubmission(doc.get("uri").asText(), "Khabar Test Wire", null,
                "Council &quot;approves&quot; the harbour budget", doc.get("body_html").asText(), "en",
                "2024-05-01T08:15:00+00:00", List.of("Jane Reporter"), "ninjs"));
        // body_text when there is no body_html, versioncreated when there is no firstcreated, an info source first
        doc.remove(List.of("body_html", "firstcreated"));
        doc.put("body_text", "Plain text body.");
        doc.putArray("infosource").addObject().put("name", "Reuters");
        ArticleSubmission text = parser.parse(doc);
        assertThat(text.body()).isEqualTo("Plain text body.");
        assertThat(text.publishedAt()).isEqualTo("2024-05-01T09:30:00+00:00");
        assertThat(text.source()).isEqualTo("Reuters");
        // neither a source nor a copyright holder: the host of an http(s) uri; the profile is not a source
        doc.remove(List.of("infosource", "copyrightholder"));
        doc.put("uri", "https://wire.example/items/42");
        ArticleSubmission byHost = parser.parse(doc);
        assertThat(byHost.source()).isEqualTo("wire.example");
        assertThat(byHost.url()).isEqualTo("https://wire.example/items/42");
        assertThat(byHost.producerId()).isNull();
        doc.remove(List.of("body_text"));
        refused(doc, "/body_html", "body_html or body_text");
    }

    @Test
    void ninjs2xDocumentIsReadWithItsLowerCaseMembersDeclaredOrNot() throws Exception {
        ObjectNode doc = resource("article-2.2.json");
        ArticleSubmission s = parser.parse(doc);
        assertThat(s.producerId()).isNull();
        assertThat(s.url()).isEqualTo("https://news.example/2024/05/02/desalination-plant");
        assertThat(s.source()).isEqualTo("وكالة الأنباء التجريبية");
        assertThat(s.title()).startsWith("افتتاح محطة جديدة");
        assertThat(s.body()).startsWith("افتتحت الهيئة العامة").contains("\n\n");
        assertThat(s.publishedAt()).isEqualTo("2024-05-02T06:00:00+03:00");
        assertThat(s.authors()).containsExactly("سارة المحررة");
        assertThat(s.language()).isEqualTo("ar");
        // without the declaration, the lower-case members (firstcreated, infosources) say 2.x
        doc.remove("standard");
        assertThat(parser.parse(doc)).isEqualTo(s);
    }

    @Test
    void ninjs3xCopyrightHolderAsTheSchemaWritesItIsTheSource() throws Exception {
        ArticleSubmission s = parser.parse(json("{\"uri\":\"urn:x:1\",\"headlines\":[{\"value\":\"H\"}],"
                + "\"bodies\":[{\"value\":\"B\"}],\"copyrightHolder\":\"AFP\",\"versionCreated\":\"2024-01-02T00:00:00Z\"}"));
        assertThat(s.source()).isEqualTo("AFP");
        assertThat(s.publishedAt()).isEqualTo("2024-01-02T00:00:00Z");
        assertThat(s.producerId()).isEqualTo("urn:x:1");
    }

    @Test
    void unsupportedVersionsAndShapesNameTheVersionsRead() throws Exception {
        String supported = "ninjs 1.x, 2.x and 3.x";
        refused(json("{\"standard\":{\"name\":\"ninjs\",\"version\":\"4.0\"},\"uri\":\"urn:x:1\","
                + "\"headlines\":[{\"value\":\"H\"}],\"bodies\":[{\"value\":\"B\"}]}"), "/standard/version", supported);
        refused(json("{\"$standard\":{\"name\":\"ninjs\",\"version\":\"0.9\"},\"uri\":\"urn:x:1\",\"headline\":\"H\","
                + "\"body_text\":\"B\"}"), "/$standard/version", "\"0.9\" is not supported");
        refused(json("{\"$schema\":\"http://www.iptc.org/std/ninjs/ninjs-schema_5.0.json#\",\"uri\":\"urn:x:1\"}"),
                "/$schema", supported);
        // no headline nor body of any version
        refused(json("{\"uri\":\"urn:x:1\",\"title\":\"only a title\"}"), "/", supported);
        // members of two versions
        refused(json("{\"uri\":\"urn:x:1\",\"headline\":\"H\",\"bodies\":[{\"value\":\"B\"}]}"), "/", "mixes");
        refused(json("{\"uri\":\"urn:x:1\",\"headlines\":[{\"value\":\"H\"}],\"bodies\":[{\"value\":\"B\"}],"
                + "\"firstcreated\":\"2024-01-01T00:00:00Z\",\"firstCreated\":\"2024-01-01T00:00:00Z\"}"), "/", supported);
        // a declared version wins over the field set: 1.6 is read as 1.x, and then needs a headline
        refused(json("{\"$standard\":{\"version\":\"1.6\"},\"uri\":\"urn:x:1\",\"headlines\":[{\"value\":\"H\"}],"
                + "\"bodies\":[{\"value\":\"B\"}]}"), "/headline", "ninjs 1.x");
    }

    @Test
    void aNinjsUriThatIsNotAnAbsoluteUriIsRefused() throws Exception {
        for (String uri : List.of("not a uri", "https://exa mple.com/a", "https:///no-host", "news/1", "%zz")) {
            ObjectNode doc = resource("superdesk-1.6.json");
            doc.put("uri", uri);
            refused(doc, "/uri", "");
        }
    }

    @Test
    void aNativeArticleWithAUriMemberIsStillNative() throws Exception {
        ArticleSubmission s = parser.parse(json("{\"source\":\"s\",\"body\":\"b\",\"uri\":\"urn:x:1\"}"));
        assertThat(s.format()).isEqualTo("native");
    }
}
