package io.khabar.bench.ner;

import io.khabar.entities.ner.EntityLabels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the NER corpora of {@code ../shared/data/ner}: one token a line, the tag in the last whitespace-separated
 * column (ANERcorp {@code token TAG}, CoNLL-2003 {@code token POS chunk TAG}, WikiANN {@code token<TAB>TAG}), blank
 * lines between sentences and {@code -DOCSTART-} lines between documents. Tags are read as IOB2; an {@code I-} that
 * starts an entity (IOB1, or a slip in the corpus) becomes {@code B-}, as conlleval counts it.
 */
public final class Corpora {
    private Corpora() {
    }

    public static List<LabeledSentence> read(Path file) {
        List<LabeledSentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        boolean documentStart = true;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.strip();
                if (s.startsWith("-DOCSTART-")) {
                    flush(sentences, tokens, labels, documentStart);
                    documentStart = true;
                    continue;
                }
                String[] cols = s.split("\\s+");
                if (s.isEmpty() || cols.length < 2) {
                    if (flush(sentences, tokens, labels, documentStart)) {
                        documentStart = false;
                    }
                    continue;
                }
                tokens.add(cols[0]);
                labels.add(EntityLabels.parse(cols[cols.length - 1]));
            }
            flush(sentences, tokens, labels, documentStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file, e);
        }
        return sentences;
    }

    private static boolean flush(List<LabeledSentence> out, List<String> tokens, List<Integer> labels, boolean doc) {
        if (tokens.isEmpty()) {
            return false;
        }
        int[] l = new int[labels.size()];
        int prev = -1;
        for (int i = 0; i < l.length; i++) {
            int label = labels.get(i);
            if (!EntityLabels.allowed(prev, label)) {
                label = EntityLabels.begin(EntityLabels.type(label));
            }
            l[i] = label;
            prev = label;
        }
        out.add(new LabeledSentence(tokens.toArray(String[]::new), l, doc));
        tokens.clear();
        labels.clear();
        return true;
    }
}
