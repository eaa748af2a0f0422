package io.khabar.entities.linking;

import io.khabar.entities.ner.Tokenizer;
import io.khabar.entities.ner.WordKeys;
import io.khabar.knowledge.Transliterator;
import io.khabar.text.Scripts;

import java.util.Locale;

/**
 * Stable ids for entities the knowledge base does not know: {@code khabar:<type>:<slug>}, the slug made from the
 * normalized name. To let a name written in Latin script in one article and in Arabic in another share an id, the
 * slug of a person is written in Arabic script when every word can be: Latin words go through the most frequent Arabic spelling
 * of Wikidata's name pairs (Barack and Obama give باراك and أوباما, matching باراك أوباما), and the Arabic matching
 * form then irons out hamza and ta marbuta variants. Arabic spelling is the more uniform side: Sergei and Sergey
 * both give سيرغي, and غ and ج, the two spellings of a foreign g, are one letter in ids. A name with a word the table
 * lacks keeps its own script. The same name and type always give the
 * same id.
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
        StringBuilder arabic = new StringBuilder();
        StringBuilder own = new StringBuilder();
        boolean allArabic = true;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String stem = keys.of(w)[1];
            if (stem.isEmpty() || !Character.isLetterOrDigit(stem.charAt(0)) || i == 0 && stem.equals("the")) {
                continue;
            }
            boolean isArabic = Scripts.inArabicBlock(stem.charAt(0));
            // only people's names are what the transliteration pairs hold (Britain would come out as العظمى)
            String a = isArabic ? stem : "PERSON".equals(type) ? transliterator.toArabic(w) : null;
            if (a == null) {
                allArabic = false;
            } else {
                append(arabic, keys.of(a)[0]);
            }
            append(own, stem);
        }
        // a foreign g is written غ or ج (سيرغي, سيرجي): one letter for both in ids
        String slug = allArabic && !arabic.isEmpty() ? arabic.toString().replace('غ', 'ج') : own.toString();
        return "khabar:" + type.toLowerCase(Locale.ROOT) + ":" + slug;
    }

    private static void append(StringBuilder sb, String word) {
        if (!sb.isEmpty()) {
            sb.append('-');
        }
        sb.append(word.replace(' ', '-'));
    }
}
