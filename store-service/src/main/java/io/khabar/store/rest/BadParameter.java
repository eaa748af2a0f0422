package io.khabar.store.rest;

/** A query or path parameter the API refuses; answered as a 400 problem naming it ({@link BadParameterMapper}). */
public class BadParameter extends RuntimeException {
    private final String parameter;
    private final String title;

    public BadParameter(String parameter, String title, String detail) {
        super(detail, null, false, false);
        this.parameter = parameter;
        this.title = title;
    }

    public String parameter() {
        return parameter;
    }

    public String title() {
        return title;
    }
}
