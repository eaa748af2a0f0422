package io.khabar.temporal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The attributes every annotation of this module carries, so a stored finding says which rules produced it. */
final class Provenance {
    static final String COMPONENT = "temporal";
    static final String MODEL = "rules@1";

    private Provenance() {
    }

    /** A fresh, ordered attribute map holding the provenance, for the tagger to add its own values to. */
    static Map<String, Object> attributes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("component", COMPONENT);
        a.put("model", MODEL);
        return a;
    }
}
