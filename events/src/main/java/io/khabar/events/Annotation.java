package io.khabar.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One finding about a range of the normalized text. New kinds of finding (entities, quotes, dates, amounts, topics)
 * are new {@code kind} values, so the event does not need a new version for them.
 *
 * @param kind       what was found: {@code language}, {@code entity}, {@code quote}, {@code date}, {@code amount},
 *                   {@code topic}, ...
 * @param type       a finer type within the kind, e.g. {@code PERSON} for an entity; may be null
 * @param start      start offset into {@code text}, inclusive (UTF-16 index); 0 for article-level findings
 * @param end        end offset, exclusive; equals {@code text.length()} for article-level findings
 * @param value      the normalized value: a language tag, an entity id, an ISO date, a topic code ...
 * @param confidence 0..1, or null where not meaningful
 * @param attributes further named values (QID, canonical names, coordinates...); never null, left out of the JSON
 *                   when empty
 */
public record Annotation(@JsonProperty(required = true) String kind, String type, int start, int end, String value, Double confidence,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> attributes) {
    public Annotation {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("annotation kind is required");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad annotation span [" + start + ", " + end + ")");
        }
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
