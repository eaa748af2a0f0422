package io.khabar.entities.ner;

/**
 * A name the recognizer found.
 *
 * @param start      start offset into the text (after any Arabic proclitic: the span of لموسكو is موسكو)
 * @param end        end offset, exclusive
 * @param type       PERSON, ORGANIZATION, LOCATION or MISC
 * @param tokens     the tokens of the name, as written (the first one with its proclitic)
 * @param bounds     each token's start and end offsets, in pairs (the first token's start before its proclitic)
 * @param confidence 0..1, from the decision margins of the name's tokens
 * @param model      version of the model that found it
 */
public record NamedSpan(int start, int end, String type, String[] tokens, int[] bounds, double confidence, String model) {
}
