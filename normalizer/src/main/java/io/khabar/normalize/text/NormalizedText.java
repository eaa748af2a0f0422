package io.khabar.normalize.text;

import io.khabar.events.Span;
import io.khabar.events.TextFacts;

import java.util.List;

/**
 * Clean title and body text, with the body's paragraph spans and what was learned and removed on the way.
 *
 * @param dateline the date of a dateline line removed from the start or end of the body, else null
 */
public record NormalizedText(String title, String text, List<Span> paragraphs, TextFacts facts,
                             java.time.Instant dateline) {
}
