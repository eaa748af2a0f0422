package io.khabar.ingest.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedAtParserTest {
    private final PublishedAtParser p = new PublishedAtParser();

    @Test
    void commonProducerForms() {
        Instant expected = Instant.parse("2017-11-21T05:00:00Z");
        assertThat(p.parse("2017-11-21T08:00:00+03:00")).contains(expected);
        assertThat(p.parse("2017-11-21T05:00:00Z")).contains(expected);
        assertThat(p.parse("Tue, 21 Nov 2017 05:00:00 GMT")).contains(expected);
        assertThat(p.parse("1511240400")).contains(expected);
        assertThat(p.parse("1511240400000")).contains(expected);
        assertThat(p.parse("2017-11-21 05:00:00")).contains(expected);
        assertThat(p.parse("2017-11-21")).contains(Instant.parse("2017-11-21T00:00:00Z"));
    }

    @Test
    void unknownFormsAreEmptyNotGuessed() {
        assertThat(p.parse("yesterday")).isEmpty();
        assertThat(p.parse("")).isEmpty();
        assertThat(p.parse(null)).isEmpty();
    }
}
