package io.khabar.events;

/** A half-open character range {@code [start, end)} into an article's normalized {@code text} (UTF-16 indexes). */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
