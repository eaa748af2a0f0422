package io.khabar.entities;

import io.khabar.entities.linking.EntityIds;
import io.khabar.entities.linking.EntityLinker;
import io.khabar.entities.ner.EntityRecognizer;
import io.khabar.entities.ner.NamedSpan;
import io.khabar.entities.ner.WordKeys;
import io.khabar.entities.quotes.QuoteExtractor;
import io.khabar.events.Annotation;
import io.khabar.events.LanguageSpan;
import io.khabar.events.Span;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.knowledge.Transliterator;
import io.khabar.matching.MatchingAnalyzer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entities of an article: names found by the trained recognizers ({@link EntityRecognizer}), then grouped,
 * linked to the knowledge base and scored ({@link EntityLinker}); then the quotes, direct and indirect, with the
 * people and organisations who said them ({@link QuoteExtractor}). Loading takes the models, the knowledge base and
 * the transliteration table (a few seconds, once); extraction is then thread-safe and allocation-light.
 */
public final class EntityExtractor {
    private final EntityRecognizer recognizer;
    private final EntityLinker linker;
    private final QuoteExtractor quotes;

    public EntityExtractor(EntityRecognizer recognizer, EntityLinker linker, QuoteExtractor quotes) {
        this.recognizer = recognizer;
        this.linker = linker;
        this.quotes = quotes;
    }

    /** The shipped models and knowledge base, plus a newsroom's own knowledge-base files (may be empty). */
    public static EntityExtractor load(MatchingAnalyzer analyzer, List<Path> extraKnowledge) {
        return load(analyzer, extraKnowledge, java.util.Map.of());
    }

    /** As {@link #load(MatchingAnalyzer, List)}, with model files of one's own for some languages (evaluation). */
    public static EntityExtractor load(MatchingAnalyzer analyzer, List<Path> extraKnowledge,
                                       java.util.Map<String, Path> models) {
        WordKeys keys = new WordKeys(analyzer);
        EntityRecognizer recognizer = EntityRecognizer.loadDefault(keys);
        if (!models.isEmpty()) {
            java.util.Map<String, io.khabar.entities.ner.NerModel> m = new java.util.HashMap<>();
            for (String language : List.of("ar", "en")) {
                m.put(language, models.containsKey(language)
                        ? io.khabar.entities.ner.NerModel.load(models.get(language), analyzer)
                        : recognizer.modelFor(language, ""));
            }
            recognizer = new EntityRecognizer(m, keys);
        }
        KnowledgeBase kb = KnowledgeBase.load(extraKnowledge);
        EntityIds ids = new EntityIds(keys, Transliterator.load());
        String kbVersion = "kb@" + kb.size() + (extraKnowledge.isEmpty() ? "" : "+" + extraKnowledge.size());
        return new EntityExtractor(recognizer, new EntityLinker(kb, keys, ids, kbVersion,
                recognizer.modelFor("ar", "").clusters()),
                new QuoteExtractor(keys));
    }

    /**
     * @param text               the article's normalized text (annotation offsets index it)
     * @param title              its title, may be null
     * @param language           the article's language (BCP 47), may be null or {@code und}
     * @param sentences          sentence spans into {@code text}; may be empty (lines are used)
     * @param paragraphs         paragraph spans (the first one is the lead); may be empty
     * @param paragraphLanguages languages of paragraphs that differ from the article's; may be empty
     */
    public EntityRecognizer recognizer() {
        return recognizer;
    }

    public EntityLinker.Result extract(String text, String title, String language, List<Span> sentences,
                                       List<Span> paragraphs, List<LanguageSpan> paragraphLanguages) {
        List<NamedSpan> inText = recognizer.find(text, sentences, offset -> {
            for (LanguageSpan p : paragraphLanguages) {
                if (offset >= p.start() && offset < p.end() && p.confidence() > 0) {
                    return p.language();
                }
            }
            return language;
        });
        List<NamedSpan> inTitle = title == null || title.isBlank() ? List.of()
                : recognizer.find(title, List.of(new Span(0, title.length())), offset -> language);
        EntityLinker.Result linked = linker.link(text, title == null ? "" : title, inText, inTitle, paragraphs);
        List<QuoteExtractor.Speaker> speakers = new ArrayList<>();
        for (Annotation a : linked.annotations()) {
            if (a.kind().equals("entity") && (a.type().equals("PERSON") || a.type().equals("ORGANIZATION"))) {
                speakers.add(new QuoteExtractor.Speaker(a.value(), a.type(), text.substring(a.start(), a.end()), a.start(),
                        a.end()));
            }
        }
        List<Annotation> all = new ArrayList<>(linked.annotations());
        all.addAll(quotes.extract(text, paragraphs, speakers));
        all.sort(java.util.Comparator.comparingInt(Annotation::start));
        return new EntityLinker.Result(all, linked.entities());
    }
}
