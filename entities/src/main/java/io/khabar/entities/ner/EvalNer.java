package io.khabar.entities.ner;

import io.khabar.normalize.matching.MatchingAnalyzer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the shipped recognizers on the dev splits (ANERcorp dev, CoNLL-2003 eng.testa) in the CoNLL exact-span
 * convention: precision, recall and F1 per type and overall. The test splits are held back for independent
 * evaluation.
 * <pre>
 * EvalNer [DATA_DIR] [--language ar|en] [--model FILE]
 * </pre>
 */
public final class EvalNer {
    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        List<String> languages = new ArrayList<>(List.of("ar", "en"));
        Path modelFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--language" -> languages = List.of(args[++i]);
                case "--model" -> modelFile = Path.of(args[++i]);
                default -> data = Path.of(args[i]);
            }
        }
        if (!Files.isDirectory(data.resolve("ner"))) {
            System.err.println("no NER corpora under " + data.toAbsolutePath() + "/ner; pass the shared data folder");
            System.exit(2);
        }
        MatchingAnalyzer analyzer = new MatchingAnalyzer();
        WordKeys keys = new WordKeys(analyzer);
        EntityRecognizer shipped = modelFile == null ? EntityRecognizer.loadDefault(keys) : null;
        for (String language : languages) {
            NerModel model = modelFile != null ? NerModel.load(modelFile, analyzer)
                    : shipped.modelFor(language, "");
            List<LabeledSentence> dev = Corpora.read(NerData.dev(data, language));
            SpanScore score = new SpanScore();
            long tokens = 0;
            long t0 = System.nanoTime();
            for (LabeledSentence s : dev) {
                score.add(s.labels(), model.tag(s.tokens(), null));
                tokens += s.tokens().length;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String corpus = Map.of("ar", "ANERcorp dev", "en", "CoNLL-2003 dev (eng.testa)").get(language);
            System.out.print(score.report(String.format(Locale.ROOT, "%s: %s, %,d sentences, %,d tokens (%s)",
                    language, corpus, dev.size(), tokens, model.version())));
            System.out.printf(Locale.ROOT, "tagging speed, one thread, cold JVM: %,.0f tokens/s%n%n", tokens / seconds);
        }
    }
}
