package io.khabar.bench.eval;

import io.khabar.bench.cli.Tools;
import io.khabar.bench.ner.Corpora;
import io.khabar.bench.ner.LabeledSentence;
import io.khabar.bench.ner.NerData;
import io.khabar.entities.EntityExtractor;
import io.khabar.entities.linking.EntityLinker;
import io.khabar.entities.ner.EntityLabels;
import io.khabar.entities.ner.EntityRecognizer;
import io.khabar.entities.ner.NerModel;
import io.khabar.entities.ner.SpanScore;
import io.khabar.events.Annotation;
import io.khabar.events.Span;
import io.khabar.matching.MatchingAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ./khabar eval-ner}: the entities users get, scored on the dev splits (ANERcorp dev, CoNLL-2003 eng.testa) in
 * the CoNLL exact-span convention over PERSON, LOCATION and ORGANIZATION, two ways:
 * <ul>
 *   <li><b>recognizer alone</b>: the shipped model's tags, sentence by sentence;</li>
 *   <li><b>whole path</b>: each document is given to {@link EntityExtractor#extract} exactly as enrich-service gives
 *       an article (text, language, sentence and paragraph spans), and its {@code entity} annotations (after nisba
 *       handling, coreference, propagation and linking) are mapped back onto the corpus tokens. {@code nisba}
 *       annotations are relations, not entities, and are not counted.</li>
 * </ul>
 * A document's text is its sentences' tokens joined by spaces, one sentence a line, each sentence a paragraph.
 * CoNLL-2003 has document boundaries; ANERcorp has none, so it is read in pieces of {@value NerData#ANERCORP_DOCUMENT}
 * sentences (about 460 words, a news article's length). The test splits are held back.
 * <pre>
 * ./khabar eval-ner [DATA_DIR] [--language ar|en] [--split dev|train] [--holdout] [--model FILE]... [--errors N]
 * </pre>
 * {@code --model} scores a model file of one's own in place of the shipped one (its name says its language:
 * {@code ner-ar*}, else English).
 * {@code --split train} runs the same on the training split, where the recognizer is nearly right, so that what the
 * rest of the path changes can be studied without looking at dev. {@code --holdout} scores only the training split's
 * last tenth, which a model trained with {@code TrainNer --holdout} did not see: the path's settings are chosen there.
 * {@code --errors N} prints up to N sentences where the whole path changed the recognizer's tags, as
 * {@code token[gold|recognizer|whole path]}.
 * <pre>
 * </pre>
 */
@Command(name = "eval-ner", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The entities users get, scored on the dev splits (ANERcorp dev, CoNLL-2003 eng.testa) in the"
                + " CoNLL exact-span convention over PERSON, LOCATION and ORGANIZATION, two ways: the recognizer alone"
                + " (the shipped model's tags, sentence by sentence), and the whole entity path of enrich-service"
                + " (EntityExtractor: nisba handling, coreference, propagation and linking), each document given as"
                + " enrich-service gives an article. The test splits are held back."})
public final class EntityEval implements Callable<Integer> {
    private static final int MISC = EntityLabels.TYPES.indexOf("MISC");

    private EntityEval() {
    }

    /** One document of a corpus, its text as the service gets it and where each token sits in that text. */
    record Document(List<LabeledSentence> sentences, String text, List<int[]> tokenBounds, List<Span> sentenceSpans) {
    }

    @Parameters(paramLabel = "DATA_DIR", arity = "0..1", defaultValue = "../shared/data",
            description = "the shared data folder, with ner/ (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--language", paramLabel = "ar|en", description = "only this language (default: both)")
    Tools.Language only;

    @Option(names = "--split", paramLabel = "dev|train", defaultValue = "dev",
            description = "the split scored (default: ${DEFAULT-VALUE}); train is where the recognizer is nearly"
                    + " right, to study what the rest of the path changes without looking at dev")
    Tools.Split split;

    @Option(names = "--holdout", description = "score only the last tenth of the training split: what a model"
            + " trained with TrainNer --holdout did not see, to choose the path's settings without looking at dev")
    boolean holdout;

    @Option(names = "--model", paramLabel = "FILE", description = "a model file of one's own in place of the shipped"
            + " one (its name says its language: ner-ar*, else English); repeatable")
    List<Path> modelFiles = new ArrayList<>();

    @Option(names = "--errors", paramLabel = "N", defaultValue = "0", converter = Tools.Count.class,
            description = "print up to N sentences where the whole path changed the recognizer's tags, as"
                    + " token[gold|recognizer|whole path] (default: ${DEFAULT-VALUE})")
    int errors;

    public static void main(String[] args) {
        Tools.run(new EntityEval(), args);
    }

    @Override
    public Integer call() throws Exception {
        List<String> languages = only == null ? List.of("ar", "en") : List.of(only.name());
        boolean train = split == Tools.Split.train || holdout;
        if (holdout && modelFiles.isEmpty()) {
            throw new Tools.Failure("--holdout scores a model that did not see the last tenth: train one with TrainNer"
                    + " --holdout and pass it with --model (the shipped models were trained on all of it)");
        }
        java.util.Map<String, Path> models = new java.util.HashMap<>();
        for (Path file : modelFiles) {
            if (!Files.isRegularFile(file)) {
                throw new Tools.Failure("no such model file: " + file);
            }
            models.put(file.getFileName().toString().contains("-ar") ? "ar" : "en", file);
        }
        Tools.requireFolder(data.resolve("ner"), "NER corpora", "pass the shared data folder");
        long t0 = System.nanoTime();
        MatchingAnalyzer analyzer = new MatchingAnalyzer();
        EntityExtractor extractor = EntityExtractor.load(analyzer, List.of(), models);
        EntityRecognizer recognizer = extractor.recognizer();
        System.out.printf(Locale.ROOT, "• models and knowledge base loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (String language : languages) {
            List<LabeledSentence> dev = Corpora.read(train ? NerData.train(data, language) : NerData.dev(data, language));
            if (holdout) {
                dev = dev.subList(NerData.holdoutStart(dev, language), dev.size());
            }
            List<Document> documents = documents(dev, language);
            NerModel model = recognizer.modelFor(language, "");
            String corpus = ("ar".equals(language) ? "ANERcorp " : "CoNLL-2003 ") + (holdout ? "train, last tenth"
                    : train ? "train (the models saw it)"
                    : "ar".equals(language) ? "dev" : "dev (eng.testa)");
            SpanScore alone = new SpanScore();
            java.util.Map<LabeledSentence, int[]> recognized = new java.util.IdentityHashMap<>();
            for (Document d : documents) {
                int[][] labels = model.tagDocument(d.sentences().stream().map(LabeledSentence::tokens)
                        .toArray(String[][]::new), null);
                for (int i = 0; i < labels.length; i++) {
                    recognized.put(d.sentences().get(i), labels[i]);
                    alone.add(withoutMisc(d.sentences().get(i).labels()), withoutMisc(labels[i]));
                }
            }
            System.out.print(alone.report(String.format(Locale.ROOT, "%n%s: %s, %,d sentences, recognizer alone (%s),"
                    + " PER/LOC/ORG", language, corpus, dev.size(), model.version())));
            SpanScore whole = new SpanScore();
            List<String> misses = new ArrayList<>();
            long t1 = System.nanoTime();
            for (Document d : documents) {
                EntityLinker.Result r = extractor.extract(d.text(), null, language, d.sentenceSpans(),
                        d.sentenceSpans(), List.of());
                List<int[]> predicted = labels(d, r.annotations());
                for (int i = 0; i < d.sentences().size(); i++) {
                    int[] gold = withoutMisc(d.sentences().get(i).labels());
                    whole.add(gold, predicted.get(i));
                    if (misses.size() < errors) { // the recognizer's tags again, only for the listing
                        int[] byModel = withoutMisc(recognized.get(d.sentences().get(i)));
                        if (!java.util.Arrays.equals(byModel, predicted.get(i))) {
                            misses.add(difference(d.sentences().get(i).tokens(), gold, byModel, predicted.get(i)));
                        }
                    }
                }
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            System.out.print(whole.report(String.format(Locale.ROOT, "%n%s: %s, %,d documents, whole entity path of"
                    + " enrich-service (EntityExtractor), PER/LOC/ORG", language, corpus, documents.size())));
            System.out.printf(Locale.ROOT, "whole path: %,.0f documents/s, one thread%n", documents.size() / seconds);
            misses.forEach(System.out::println);
        }
        return 0;
    }

    /** The corpus's documents ({@link NerData#documents}) as the service gets them. */
    static List<Document> documents(List<LabeledSentence> sentences, String language) {
        return NerData.documents(sentences, language).stream().map(EntityEval::document).toList();
    }

    static Document document(List<LabeledSentence> sentences) {
        StringBuilder text = new StringBuilder();
        List<int[]> bounds = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (LabeledSentence s : sentences) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            int sentenceStart = text.length();
            int[] b = new int[s.tokens().length * 2];
            for (int i = 0; i < s.tokens().length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                b[2 * i] = text.length();
                text.append(s.tokens()[i]);
                b[2 * i + 1] = text.length();
            }
            bounds.add(b);
            spans.add(new Span(sentenceStart, text.length()));
        }
        return new Document(List.copyOf(sentences), text.toString(), bounds, spans);
    }

    /**
     * IOB2 labels per sentence from the entity annotations: a name covers the tokens its span touches (an Arabic
     * name's span starts after its proclitic, inside the corpus token). Overlapping names keep the first.
     */
    static List<int[]> labels(Document d, List<Annotation> annotations) {
        List<int[]> out = new ArrayList<>();
        for (LabeledSentence s : d.sentences()) {
            out.add(new int[s.tokens().length]);
        }
        for (Annotation a : annotations) {
            if (!"entity".equals(a.kind())) {
                continue;
            }
            int type = EntityLabels.typeOf(a.type());
            if (type < 0 || type == MISC) {
                continue;
            }
            for (int si = 0; si < d.sentences().size(); si++) {
                Span sentence = d.sentenceSpans().get(si);
                if (a.start() < sentence.start() || a.start() >= sentence.end()) {
                    continue;
                }
                int[] b = d.tokenBounds().get(si);
                int first = -1;
                int last = -1;
                for (int t = 0; t < b.length / 2; t++) {
                    if (b[2 * t + 1] > a.start() && b[2 * t] < a.end()) {
                        first = first < 0 ? t : first;
                        last = t;
                    }
                }
                int[] labels = out.get(si);
                boolean free = first >= 0;
                for (int t = Math.max(first, 0); free && t <= last; t++) {
                    free = labels[t] == EntityLabels.O;
                }
                if (free) {
                    labels[first] = EntityLabels.begin(type);
                    for (int t = first + 1; t <= last; t++) {
                        labels[t] = EntityLabels.inside(type);
                    }
                }
            }
        }
        return out;
    }

    static int[] withoutMisc(int[] labels) {
        int[] out = labels.clone();
        for (int i = 0; i < out.length; i++) {
            if (EntityLabels.type(out[i]) == MISC) {
                out[i] = EntityLabels.O;
            }
        }
        return out;
    }

    /** A sentence where the whole path changed the recognizer's tags: token[gold|recognizer|whole path]. */
    private static String difference(String[] tokens, int[] gold, int[] byModel, int[] predicted) {
        StringBuilder sb = new StringBuilder("  ");
        for (int i = 0; i < tokens.length; i++) {
            sb.append(tokens[i]);
            if (byModel[i] != predicted[i]) {
                sb.append('[').append(EntityLabels.name(gold[i])).append('|').append(EntityLabels.name(byModel[i]))
                        .append('|').append(EntityLabels.name(predicted[i])).append(']');
            }
            sb.append(' ');
        }
        return sb.toString();
    }
}
