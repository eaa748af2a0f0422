package io.khabar.ingest.domain;

import io.khabar.events.Span;

import java.util.List;

/** Clean title and body text, with the body's paragraph spans. */
public record NormalizedText(String title, String text, List<Span> paragraphs) {
}
