package io.khabar.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.io.IOException;

/**
 * A half-open character range {@code [start, end)} into an article's normalized {@code text} (UTF-16 indexes).
 * Written as a two-number array {@code [start, end]} (schema version 2: spans are the most repeated value of an
 * event); read from that or from version 1's object {@code {"start": s, "end": e}}.
 */
@JsonSerialize(using = Span.Writer.class)
@JsonDeserialize(using = Span.Reader.class)
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    static final class Writer extends JsonSerializer<Span> {
        @Override
        public void serialize(Span s, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartArray(s, 2);
            g.writeNumber(s.start);
            g.writeNumber(s.end);
            g.writeEndArray();
        }
    }

    static final class Reader extends JsonDeserializer<Span> {
        @Override
        public Span deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.START_ARRAY) {
                int start = nextInt(p, ctxt);
                int end = nextInt(p, ctxt);
                if (p.nextToken() != JsonToken.END_ARRAY) {
                    return (Span) ctxt.handleUnexpectedToken(Span.class, p.currentToken(), p,
                            "a span is two numbers, [start, end]");
                }
                return new Span(start, end);
            }
            JsonNode node = p.readValueAsTree();
            if (node == null || !node.isObject() || !node.path("start").canConvertToInt()
                    || !node.path("end").canConvertToInt()) {
                return (Span) ctxt.handleUnexpectedToken(Span.class, p.currentToken(), p,
                        "a span is [start, end] or {\"start\": s, \"end\": e}");
            }
            return new Span(node.get("start").intValue(), node.get("end").intValue());
        }

        private static int nextInt(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Integer) ctxt.handleUnexpectedToken(Integer.class, p.currentToken(), p,
                        "a span is two numbers, [start, end]");
            }
            return p.getIntValue();
        }
    }
}
