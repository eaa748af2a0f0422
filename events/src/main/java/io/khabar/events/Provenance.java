package io.khabar.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which component, model and knowledge base made an event's annotations of one kind. Schema version 2 says it once per
 * kind in the event's {@code provenance} list; an annotation whose own differs (an entity found in an English
 * paragraph of an Arabic article, by the English model) keeps it in its attributes. Version 1 events carried it on
 * every annotation, as the attributes {@code component}, {@code model} and {@code kb}: {@link #of} reads both.
 *
 * @param kind      the annotation kind it covers ({@code entity}, {@code nisba}, {@code quote}, {@code date}...)
 * @param component the component ({@code entities}, {@code quotes}, {@code temporal}, {@code topics})
 * @param model     the model or rule set and its version ({@code ner-ar@58d6048038b4}, {@code rules@1}), or null
 * @param kb        the knowledge-base version ({@code kb@142050}), or null where none is used
 */
public record Provenance(@JsonProperty(required = true) String kind, String component, String model, String kb) {
    /** The attribute names that hold an annotation's provenance in version 1 (and in version 2 where it differs). */
    public static final List<String> ATTRIBUTES = List.of("component", "model", "kb");

    public Provenance {
        Objects.requireNonNull(kind, "provenance kind is required");
    }

    /** The annotations with their provenance said once per kind, and the list that says it. */
    public record Hoisted(List<Annotation> annotations, List<Provenance> provenance) {
    }

    /**
     * Moves the provenance out of the annotations: for each kind, the most common component, model and knowledge base
     * become one entry of the list and leave the attributes of the annotations that have exactly them. Annotations
     * with none (languages) are unchanged.
     */
    public static Hoisted hoist(List<Annotation> annotations) {
        Map<String, Map<Provenance, Integer>> counts = new LinkedHashMap<>();
        for (Annotation a : annotations) {
            Provenance p = own(a);
            if (p != null) {
                counts.computeIfAbsent(a.kind(), k -> new HashMap<>()).merge(p, 1, Integer::sum);
            }
        }
        Map<String, Provenance> common = new LinkedHashMap<>();
        counts.forEach((kind, byProvenance) -> common.put(kind, byProvenance.entrySet().stream()
                .max(Map.Entry.<Provenance, Integer>comparingByValue()
                        .thenComparing(e -> String.valueOf(e.getKey().model()), java.util.Comparator.reverseOrder()))
                .orElseThrow().getKey()));
        List<Annotation> out = new ArrayList<>(annotations.size());
        for (Annotation a : annotations) {
            Provenance p = own(a);
            if (p != null && p.equals(common.get(a.kind()))) {
                Map<String, Object> attributes = new LinkedHashMap<>(a.attributes());
                ATTRIBUTES.forEach(attributes::remove);
                out.add(new Annotation(a.kind(), a.type(), a.start(), a.end(), a.value(), a.confidence(), attributes));
            } else {
                out.add(a);
            }
        }
        return new Hoisted(out, List.copyOf(common.values()));
    }

    /**
     * The provenance of an annotation of an event: its own attributes where it has them (every version 1 annotation,
     * and version 2 exceptions), else the event's entry for its kind; null when neither says.
     */
    public static Provenance of(Annotation a, List<Provenance> provenance) {
        Provenance p = own(a);
        if (p != null) {
            return p;
        }
        for (Provenance e : provenance == null ? List.<Provenance>of() : provenance) {
            if (e.kind().equals(a.kind())) {
                return e;
            }
        }
        return null;
    }

    private static Provenance own(Annotation a) {
        Object component = a.attributes().get("component");
        if (component == null) {
            return null;
        }
        Object model = a.attributes().get("model");
        Object kb = a.attributes().get("kb");
        return new Provenance(a.kind(), component.toString(), model == null ? null : model.toString(),
                kb == null ? null : kb.toString());
    }
}
