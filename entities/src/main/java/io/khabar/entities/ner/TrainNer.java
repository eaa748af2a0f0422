package io.khabar.entities.ner;

import io.khabar.normalize.matching.MatchingAnalyzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Trains the recognizer of one language from the corpora in {@code ../shared/data/ner} and writes the model file.
 * Deterministic: the same data and arguments give the same weights.
 * <pre>
 * TrainNer --language ar|en [--data DIR] [--out FILE] [--epochs N] [--bits N] [--dev] [--no-kb] [--wikiann]
 * </pre>
 * Arabic trains on ANERcorp train (with {@code --wikiann}, also WikiANN's silver train split); English on CoNLL-2003
 * train. {@code --dev} scores the dev split after every pass (for choosing the number of passes; the test splits are
 * held back). Gazetteer features come from ANERGazet (Arabic) and the knowledge base's names (both languages).
 */
public final class TrainNer {
    public static final int DEFAULT_BITS = 20;

    public static void main(String[] args) throws IOException {
        String language = null;
        Path data = Path.of("../shared/data");
        Path out = null;
        int epochs = 12;
        int bits = DEFAULT_BITS;
        boolean dev = false;
        boolean kb = true;
        boolean wikiann = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--language" -> language = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--bits" -> bits = Integer.parseInt(args[++i]);
                case "--dev" -> dev = true;
                case "--no-kb" -> kb = false;
                case "--wikiann" -> wikiann = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!"ar".equals(language) && !"en".equals(language)) {
            System.err.println("usage: TrainNer --language ar|en [--data DIR] [--out FILE] [--epochs N] [--bits N]"
                    + " [--dev] [--no-kb] [--wikiann]");
            System.exit(2);
        }
        if (out == null) {
            out = Path.of("entities/src/main/resources/io/khabar/entities/ner/ner-" + language + ".bin.gz");
        }
        long t0 = System.nanoTime();
        MatchingAnalyzer analyzer = new MatchingAnalyzer();
        WordKeys keys = new WordKeys(analyzer);
        List<LabeledSentence> train = new ArrayList<>(Corpora.read(NerData.train(data, language)));
        if (wikiann && "ar".equals(language)) {
            train.addAll(Corpora.read(data.resolve("ner/ar/wikiann/train.tsv")));
        }
        List<LabeledSentence> devSet = dev ? Corpora.read(NerData.dev(data, language)) : List.of();
        Gazetteer[] gazetteers = NerData.gazetteers(data, language, keys, kb);
        System.out.printf(Locale.ROOT, "• %s: %,d training sentences, gazetteers of %,d and %,d names%n", language,
                train.size(), gazetteers[0].size(), gazetteers[1].size());
        String lang = language;
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (LabeledSentence s : train) {
            for (String t : s.tokens()) {
                counts.merge(keys.of(t)[1], 1, Integer::sum);
            }
        }
        java.util.Set<String> vocabulary = new java.util.HashSet<>();
        counts.forEach((w, c) -> {
            if (c >= 2 && "ar".equals(lang)) {
                vocabulary.add(w);
            }
        });
        Featurizer featurizer = new Featurizer(keys, gazetteers[0], gazetteers[1], vocabulary, bits);
        List<int[]> feats = new ArrayList<>(train.size());
        List<int[]> gold = new ArrayList<>(train.size());
        for (LabeledSentence s : train) {
            feats.add(featurizer.featurize(s.tokens()));
            gold.add(s.labels());
        }
        List<int[]> devFeats = devSet.stream().map(s -> featurizer.featurize(s.tokens())).toList();
        System.out.printf(Locale.ROOT, "• features ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        BiConsumer<Integer, Perceptron> report = (epoch, p) -> {
            if (!devSet.isEmpty()) {
                SpanScore score = new SpanScore();
                for (int i = 0; i < devSet.size(); i++) {
                    score.add(devSet.get(i).labels(), p.decode(devFeats.get(i), devSet.get(i).tokens().length, null));
                }
                System.out.printf(Locale.ROOT, "  pass %d: dev F1 %.4f%n", epoch, score.f1());
            } else {
                System.out.printf(Locale.ROOT, "  pass %d done (%.1f s)%n", epoch, (System.nanoTime() - t0) / 1e9);
            }
        };
        Perceptron model = Perceptron.train(feats, gold, bits, Featurizer.FEATURES, epochs, 20261129L, report);
        new NerModel(lang, featurizer, model, "").save(out);
        System.out.printf(Locale.ROOT, "• wrote %s (%,d bytes) in %.1f s%n", out, Files.size(out),
                (System.nanoTime() - t0) / 1e9);
    }
}
