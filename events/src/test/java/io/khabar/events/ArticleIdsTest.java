package io.khabar.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTest {

    @Test
    void producerIdWinsOverUrlAndContent() {
        assertThat(ArticleIds.derive("afp-2017-11-21-001", "afp", "https://x.test/a", "t", "b"))
                .isEqualTo("afp-2017-11-21-001");
    }

    @Test
    void sameUrlModuloTrackingFragmentAndCaseGivesSameId() {
        String a = ArticleIds.derive(null, "bbc", "https://www.BBC.co.uk/news/world-1?utm_source=tw&b=2&a=1#top", "t", "x");
        String b = ArticleIds.derive(null, "bbc", "HTTPS://www.bbc.co.uk:443/news/world-1/?a=1&b=2", "other", "y");
        assertThat(a).startsWith("u-").hasSize(34).isEqualTo(b);
    }

    @Test
    void sameUrlFromAnotherSourceIsAnotherArticle() {
        assertThat(ArticleIds.derive(null, "a", "https://x.test/1", null, null))
                .isNotEqualTo(ArticleIds.derive(null, "b", "https://x.test/1", null, null));
    }

    @Test
    void withoutUrlTheContentHashIsInsensitiveToWhitespaceAndNormalizationForm() {
        // "é" precomposed vs. decomposed, and different spacing: same content, same id.
        String a = ArticleIds.derive(null, "s", null, "Caf\u00e9  news", "line one\n\nline two");
        String b = ArticleIds.derive(null, "s", "", "Cafe\u0301 news", " line one line two ");
        assertThat(a).startsWith("c-").isEqualTo(b);
        assertThat(ArticleIds.derive(null, "s", null, "Caf\u00e9 news", "line one, line two")).isNotEqualTo(a);
    }

    @Test
    void nonHttpUrlsAreNotCanonicalized() {
        assertThat(ArticleIds.canonicalUrl("javascript:alert(1)")).isEmpty();
        assertThat(ArticleIds.canonicalUrl("not a url")).isEmpty();
        assertThat(ArticleIds.canonicalUrl("https://x.test")).contains("https://x.test/");
    }

    @Test
    void producerIdValidation() {
        assertThat(ArticleIds.isValidProducerId("a:b-c_d.1")).isTrue();
        assertThat(ArticleIds.isValidProducerId("has space")).isFalse();
        assertThat(ArticleIds.isValidProducerId("x".repeat(129))).isFalse();
        assertThat(ArticleIds.isValidProducerId("")).isFalse();
    }
}
