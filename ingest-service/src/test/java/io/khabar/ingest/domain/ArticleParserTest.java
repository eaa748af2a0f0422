package io.khabar.ingest.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.EventJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleParserTest {
    private final ArticleParser parser = new ArticleParser();

    private static JsonNode json(String s) throws Exception {
        return EventJson.mapper().readTree(s);
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
}
