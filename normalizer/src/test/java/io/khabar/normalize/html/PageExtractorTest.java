package io.khabar.normalize.html;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whether a body is a whole page (main text extracted) or a fragment. Real pages: bench's {@code PageExtractionTest}. */
class PageExtractorTest {
    @Test
    void fullPagesAreToldFromFragments() {
        assertThat(PageExtractor.isFullPage("\uFEFF<!DOCTYPE html><html><body><p>x</p></body></html>")).isTrue();
        assertThat(PageExtractor.isFullPage("<html lang=ar><p>x</p></html>")).isTrue();
        assertThat(PageExtractor.isFullPage("<p>Paragraph one.</p><p>Two.</p>")).isFalse();
        assertThat(PageExtractor.isFullPage("plain text about <html> tags")).isFalse();
    }
}
