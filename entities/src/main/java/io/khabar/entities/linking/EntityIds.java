package io.khabar.entities.linking;

import io.khabar.entities.ner.Tokenizer;
import io.khabar.entities.ner.WordKeys;
import io.khabar.knowledge.Transliterator;

import java.util.Locale;

/**
 * Stable ids for entities the knowledge base does not know: {@code khabar:<type>:<slug>}, the slug made from the
 * normalized name. An Arabic name is transliterated word by word to Latin script first (Wikidata's name pairs), so
 * سيرغي لافروف in one article and Sergei Lavrov in another can share an id; a word without a known transliteration
 * keeps its Arabic matching form. The same name and type always give the same id.
 */
public final class EntityIds {
    private final WordKeys keys;
    private final Transliterator transliterator;

    public EntityIds(WordKeys keys, Transliterator transliterator) {
        this.keys = keys;
        this.transliterator = transliterator;
    }

    public String forName(String type, String name) {
        String[] words = Tokenizer.words(name);
        StringBuilder latin = new StringBuilder();
        StringBuilder native_ = new StringBuilder();
        boolean allLatin = true;
        for (String w : words) {
            String stem = keys.of(w)[1];
            if (stem.isEmpty() || !Character.isLetterOrDigit(stem.charAt(0))) {
                continue;
            }
            boolean arabic = stem.charAt(0) >= 0x0600 && stem.charAt(0) <= 0x06ff;
            String l = arabic ? transliterator.toLatin(stem) : stem;
            if (l == null) {
                allLatin = false;
            } else {
                append(latin, keys.of(l)[0]);
            }
            append(native_, stem);
        }
        String slug = allLatin && !latin.isEmpty() ? latin.toString() : native_.toString();
        if ("ORGANIZATION".equals(type) && slug.startsWith("the-")) {
            slug = slug.substring(4);
        }
        return "khabar:" + type.toLowerCase(Locale.ROOT) + ":" + slug;
    }

    private static void append(StringBuilder sb, String word) {
        if (!sb.isEmpty()) {
            sb.append('-');
        }
        sb.append(word.replace(' ', '-'));
    }
}
