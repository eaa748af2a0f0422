package io.khabar.entities.linking;

import io.khabar.entities.ner.NamedSpan;

/**
 * A recognized name on its way through linking.
 *
 * @param span    what the recognizer found (offsets into the title when {@code inTitle})
 * @param inTitle whether it is in the title rather than the text
 * @param lead    whether it is in the first paragraph
 * @param words   the stem keys of its words (proclitics stripped, normalized)
 */
record Mention(NamedSpan span, boolean inTitle, boolean lead, String[] words) {
    String key() {
        return String.join(" ", words);
    }

    String type() {
        return span.type();
    }
}
