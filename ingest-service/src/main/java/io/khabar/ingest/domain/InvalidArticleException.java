package io.khabar.ingest.domain;

/** An article that cannot be accepted; names the offending field (JSON pointer style, e.g. {@code /title}). */
public class InvalidArticleException extends RuntimeException {
    private final String field;

    public InvalidArticleException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }
}
