package io.khabar.bench.train;

import io.khabar.bench.cli.Tools;
import io.khabar.bench.ner.Corpora;
import io.khabar.bench.ner.LabeledSentence;
import io.khabar.bench.ner.NerData;
import io.khabar.entities.ner.DocumentContext;
import io.khabar.entities.ner.Featurizer;
import io.khabar.entities.ner.Gazetteer;
import io.khabar.entities.ner.NerModel;
import io.khabar.entities.ner.Perceptron;
import io.khabar.entities.ner.SpanScore;
import io.khabar.entities.ner.WordClusters;
import io.khabar.entities.ner.WordKeys;
import io.khabar.matching.MatchingAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Trains the recognizer of one language from the corpora in {@code ../shared/data/ner} and writes the model file.
 * Deterministic: the same data and arguments give the same weights.
 * <pre>
 * TrainNer --language ar|en [--data DIR] [--out FILE] [--epochs N] [--bits N] [--dev] [--holdout | --folds K]
 *          [--clusters FILE | --no-clusters] [--no-kb] [--wikiann] [--wikifane] [--seeds N] [--no-document-pass]
 *          (--help: the options)
 * </pre>
 * {@code --holdout} trains on the first nine tenths of the training split and scores the last tenth after every pass;
 * {@code --folds K} cross-validates on the training split (K contiguous folds, mean F1 after the last pass, no model
 * written): that is where settings are chosen, never on dev. Word clusters come from {@code entities/data/word-clusters-LANG.tsv.gz} unless
 * {@code --clusters} names another file or {@code --no-clusters} turns them off.
 * Arabic trains on ANERcorp train (with {@code --wikiann}, also WikiANN's silver train split); English on CoNLL-2003
 * train. {@code --dev} scores the dev split after every pass (for choosing the number of passes; the test splits are
 * held back). Gazetteer features come from ANERGazet (Arabic) and the knowledge base's names (both languages).
 * {@code --seeds N} ships the mean of N models trained in N shuffled orders; unless {@code --no-document-pass}, the
 * model also learns the document pass ({@link #fit}).
 */
@Command(name = "TrainNer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the recognizer of one language from the corpora in DATA_DIR/ner and writes the model"
                + " file; deterministic. Arabic trains on ANERcorp train, English on CoNLL-2003 train. Settings are"
                + " chosen with --holdout or --folds on the training split, never on dev; the test splits are held"
                + " back. Run by entities/scripts/train-ner."})
public final class TrainNer implements Callable<Integer> {
    public static final int DEFAULT_BITS = 20;

    @Option(names = "--language", paramLabel = "ar|en", required = true, description = "the language trained")
    Tools.Language languageOption;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "the shared data folder, with ner/ (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "the model file written, created with its folders"
            + " (default: entities/src/main/resources/io/khabar/entities/ner/ner-LANGUAGE.bin.gz)")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "12", converter = Tools.PositiveInt.class,
            description = "passes over the training data (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--bits", paramLabel = "N", defaultValue = "" + DEFAULT_BITS, converter = Tools.PositiveInt.class,
            description = "feature hash bits (default: ${DEFAULT-VALUE})")
    int bits;

    @Option(names = "--dev", description = "score the dev split after every pass (to choose the number of passes)")
    boolean dev;

    @Option(names = "--holdout", description = "train on the first nine tenths of the training split and score the"
            + " last tenth after every pass")
    boolean holdout;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0", converter = Tools.Count.class,
            description = "cross-validate on the training split (K contiguous folds, mean F1 after the last pass);"
                    + " no model is written")
    int folds;

    @Option(names = "--clusters", paramLabel = "FILE",
            description = "word clusters (default: entities/data/word-clusters-LANGUAGE.tsv.gz)")
    Path clusterFile;

    @Option(names = "--no-clusters", description = "no word clusters")
    boolean noClusters;

    @Option(names = "--no-kb", description = "no gazetteer of the knowledge base's names")
    boolean noKb;

    @Option(names = "--wikiann", description = "Arabic: also WikiANN's silver train split")
    boolean wikiann;

    @Option(names = "--wikifane", description = "Arabic: also WikiFANE's sentences")
    boolean wikifane;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", converter = Tools.PositiveInt.class,
            description = "train N models in N shuffled orders and ship their mean (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--no-document-pass", description = "no second pass with the document's context (the model tags"
            + " each sentence alone)")
    boolean noDocumentPass;

    private TrainNer() {
    }

    public static void main(String[] args) {
        Tools.run(new TrainNer(), args);
    }

    @Override
    public Integer call() throws IOException {
        String language = languageOption.name();
        boolean kb = !noKb;
        Path out = this.out != null ? this.out
                : Path.of("entities/src/main/resources/io/khabar/entities/ner/ner-" + language + ".bin.gz");
        Path clusterFile = this.clusterFile;
        Tools.requireFolder(data.resolve("ner"), "NER corpora", "pass the shared data folder with --data");
        if (folds <= 1) {
            Tools.writableFile(out); // before training, not after it
        }
        long t0 = System.nanoTime();
        MatchingAnalyzer analyzer = new MatchingAnalyzer();
        WordKeys keys = new WordKeys(analyzer);
        List<LabeledSentence> train = new ArrayList<>(Corpora.read(NerData.train(data, language)));
        if (wikiann && "ar".equals(language)) {
            train.addAll(Corpora.read(data.resolve("ner/ar/wikiann/train.tsv")));
        }
        List<LabeledSentence> devSet = dev ? Corpora.read(NerData.dev(data, language)) : List.of();
        if (holdout) {
            // settings are chosen on the last tenth of the training data (whole documents where it has them), not
            // on dev; the model is trained on the rest
            int cut = NerData.holdoutStart(train, language);
            devSet = new ArrayList<>(train.subList(cut, train.size()));
            train = new ArrayList<>(train.subList(0, cut));
            System.out.printf(Locale.ROOT, "• held out %,d training sentences for scoring%n", devSet.size());
        }
        if (clusterFile == null && !noClusters) {
            clusterFile = Path.of("entities/data/word-clusters-" + language + ".tsv.gz");
        }
        WordClusters clusters = noClusters ? WordClusters.NONE : WordClusters.read(clusterFile);
        Gazetteer[] gazetteers = NerData.gazetteers(data, language, keys, kb);
        System.out.printf(Locale.ROOT, "• %s: %,d training sentences, gazetteers of %,d and %,d names%n", language,
                train.size(), gazetteers[0].size(), gazetteers[1].size());
        String lang = language;
        List<LabeledSentence> extra = wikifane && "ar".equals(language) ? NerData.wikifane(data) : List.of();
        if (!extra.isEmpty()) {
            System.out.printf(Locale.ROOT, "• WikiFANE: %,d more training sentences%n", extra.size());
        }
        System.out.printf(Locale.ROOT, "• word clusters: %,d words%s%n", clusters.size(),
                clusterFile == null || noClusters ? "" : " from " + clusterFile);
        if (folds > 1) {
            // k-fold cross-validation on the training split: contiguous folds, the mean F1 after the last pass
            double sum = 0;
            StringBuilder each = new StringBuilder();
            List<LabeledSentence> all = train;
            for (int f = 0; f < folds; f++) {
                int a = all.size() * f / folds;
                int b = all.size() * (f + 1) / folds;
                List<LabeledSentence> rest = new ArrayList<>(all.subList(0, a));
                rest.addAll(all.subList(b, all.size()));
                rest.addAll(extra);
                double f1 = fit(keys, gazetteers, clusters, lang, bits, epochs, seeds, !noDocumentPass, rest,
                        all.subList(a, b), null, t0).f1();
                sum += f1;
                each.append(String.format(Locale.ROOT, " %.4f", f1));
            }
            System.out.printf(Locale.ROOT, "• %d-fold cross-validation on the training split: mean F1 %.4f (%s)%n",
                    folds, sum / folds, each.toString().strip());
            return 0;
        }
        train.addAll(extra);
        Fitted fitted = fit(keys, gazetteers, clusters, lang, bits, epochs, seeds, !noDocumentPass, train, devSet,
                holdout ? "held-out" : "dev", t0);
        fitted.model().save(out);
        System.out.printf(Locale.ROOT, "• wrote %s (%,d bytes) in %.1f s%n", out, Files.size(out),
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    record Fitted(NerModel model, double f1) {
    }

    /** Folds of the training data whose first-pass labels train the document pass: each tagged by a model of the rest. */
    static final int JACKKNIFE_FOLDS = 5;

    /**
     * Trains on {@code train}; when {@code scored} is not empty, scores it after every pass (printed when
     * {@code name} is not null), document by document as the service tags, and returns the last score.
     * <p>
     * With {@code documentPass}, every training sentence is learned twice: alone (the first pass) and with its
     * document's context ({@link DocumentContext}). That context comes from first-pass labels the way the service
     * gets them, on text the labelling model did not see: the training documents are cut into
     * {@value #JACKKNIFE_FOLDS} folds and each is tagged by a model trained on the other folds.
     */
    static Fitted fit(WordKeys keys, Gazetteer[] gazetteers, WordClusters clusters, String lang, int bits, int epochs,
                      int seeds, boolean documentPass, List<LabeledSentence> train, List<LabeledSentence> scored, String name,
                      long t0) {
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
        Featurizer featurizer = new Featurizer(keys, gazetteers[0], gazetteers[1], vocabulary, clusters, bits);
        List<int[]> feats = new ArrayList<>(train.size());
        List<int[]> gold = new ArrayList<>(train.size());
        for (LabeledSentence s : train) {
            feats.add(featurizer.featurize(s.tokens()));
            gold.add(s.labels());
        }
        if (documentPass) {
            List<List<LabeledSentence>> documents = NerData.documents(train, lang);
            java.util.Map<LabeledSentence, int[]> firstPass = new java.util.IdentityHashMap<>();
            for (int f = 0; f < JACKKNIFE_FOLDS; f++) {
                int a = documents.size() * f / JACKKNIFE_FOLDS;
                int b = documents.size() * (f + 1) / JACKKNIFE_FOLDS;
                List<int[]> restFeats = new ArrayList<>();
                List<int[]> restGold = new ArrayList<>();
                int k = 0;
                for (int d = 0; d < documents.size(); d++) {
                    for (LabeledSentence s : documents.get(d)) {
                        if (d < a || d >= b) {
                            restFeats.add(feats.get(k));
                            restGold.add(gold.get(k));
                        }
                        k++;
                    }
                }
                NerModel labeller = new NerModel(lang, featurizer, Perceptron.train(restFeats, restGold, bits,
                        Featurizer.FEATURES, epochs, 20261129L, (e, p) -> { }), false, "");
                for (List<LabeledSentence> document : documents.subList(a, b)) {
                    for (LabeledSentence s : document) {
                        firstPass.put(s, labeller.tag(s.tokens(), null));
                    }
                }
                if (name != null) {
                    System.out.printf(Locale.ROOT, "• first-pass labels of fold %d/%d (%.1f s)%n", f + 1,
                            JACKKNIFE_FOLDS, (System.nanoTime() - t0) / 1e9);
                }
            }
            for (List<LabeledSentence> document : documents) {
                DocumentContext context = DocumentContext.of(
                        document.stream().map(LabeledSentence::tokens).toArray(String[][]::new),
                        document.stream().map(firstPass::get).toArray(int[][]::new), keys);
                for (int i = 0; i < document.size(); i++) {
                    feats.add(featurizer.featurize(document.get(i).tokens(), context.atoms(i)));
                    gold.add(document.get(i).labels());
                }
            }
        }
        List<List<LabeledSentence>> scoredDocuments = NerData.documents(scored, lang);
        if (name != null) {
            System.out.printf(Locale.ROOT, "• features ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        java.util.function.ToDoubleFunction<Perceptron> score = p -> {
            NerModel model = new NerModel(lang, featurizer, p, documentPass, "");
            SpanScore s = new SpanScore();
            for (List<LabeledSentence> document : scoredDocuments) {
                int[][] labels = model.tagDocument(document.stream().map(LabeledSentence::tokens)
                        .toArray(String[][]::new), null);
                for (int i = 0; i < labels.length; i++) {
                    s.add(document.get(i).labels(), labels[i]);
                }
            }
            return s.f1();
        };
        List<Perceptron> models = new ArrayList<>();
        for (int k = 0; k < seeds; k++) {
            String which = seeds == 1 ? "" : String.format(Locale.ROOT, "order %d/%d, ", k + 1, seeds);
            BiConsumer<Integer, Perceptron> report = (epoch, p) -> {
                if (name == null) {
                    return;
                }
                if (!scored.isEmpty()) {
                    System.out.printf(Locale.ROOT, "  %spass %d: %s F1 %.4f%n", which, epoch, name,
                            score.applyAsDouble(p));
                } else {
                    System.out.printf(Locale.ROOT, "  %spass %d done (%.1f s)%n", which, epoch,
                            (System.nanoTime() - t0) / 1e9);
                }
            };
            models.add(Perceptron.train(feats, gold, bits, Featurizer.FEATURES, epochs, 20261129L + k, report));
        }
        Perceptron weights = models.size() == 1 ? models.get(0) : Perceptron.mean(models);
        double f1 = scored.isEmpty() ? 0 : score.applyAsDouble(weights);
        if (name != null && seeds > 1 && !scored.isEmpty()) {
            System.out.printf(Locale.ROOT, "• the mean of %d orders: %s F1 %.4f%n", seeds, name, f1);
        }
        return new Fitted(new NerModel(lang, featurizer, weights, documentPass, ""), f1);
    }
}
