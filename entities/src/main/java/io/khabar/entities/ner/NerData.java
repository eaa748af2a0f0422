package io.khabar.entities.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the training and dev corpora and the gazetteers sit in the shared data folder, and how they are read. */
public final class NerData {
    private NerData() {
    }

    public static Path train(Path data, String language) {
        return data.resolve("ar".equals(language) ? "ner/ar/anercorp/train.txt" : "ner/en/conll2003/train.iob2.txt");
    }

    public static Path dev(Path data, String language) {
        return data.resolve("ar".equals(language) ? "ner/ar/anercorp/dev.txt" : "ner/en/conll2003/dev.iob2.txt");
    }

    /**
     * The two gazetteers of a model: curated names (ANERGazet for Arabic, and with {@code kb} the knowledge base's
     * prominent entities) and, with {@code kb}, the knowledge base's long tail.
     */
    static Gazetteer[] gazetteers(Path data, String language, WordKeys keys, boolean kb) {
        Gazetteer g = new Gazetteer();
        Gazetteer weak = new Gazetteer();
        if ("ar".equals(language)) {
            Path dir = data.resolve("ner/ar/anercorp/gazetteers");
            addLines(g, keys, dir.resolve("PersGazetteer.txt"), EntityLabels.typeOf("PERSON"));
            addLines(g, keys, dir.resolve("LocGazetteer.txt"), EntityLabels.typeOf("LOCATION"));
            addLines(g, keys, dir.resolve("OrgGazetteer.txt"), EntityLabels.typeOf("ORGANIZATION"));
        }
        if (kb) {
            KnowledgeBaseNames.addTo(g, weak, keys, language);
        }
        return new Gazetteer[]{g, weak};
    }

    private static void addLines(Gazetteer g, WordKeys keys, Path file, int type) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String name = line.strip();
                if (!name.isEmpty()) {
                    add(g, keys, name, type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer " + file, e);
        }
    }

    static void add(Gazetteer g, WordKeys keys, String name, int type) {
        String key = keys.nameKey(name);
        if (!key.isEmpty()) {
            g.add(key.split(" "), type);
        }
    }
}
