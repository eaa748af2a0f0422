package io.khabar.bench.ner;

import io.khabar.entities.ner.EntityLabels;
import io.khabar.entities.ner.Gazetteer;
import io.khabar.entities.ner.WordKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the training and dev corpora and the gazetteers sit in the shared data folder, and how they are read. */
public final class NerData {
    /**
     * ANERcorp has no document boundaries: it is read in pieces of this many sentences (about 460 words, a news
     * article's length), for training and scoring alike.
     */
    public static final int ANERCORP_DOCUMENT = 15;

    private NerData() {
    }

    /**
     * Where the held-out last tenth of a training split starts (at a document start where the corpus has them):
     * settings are chosen by training on what comes before and scoring what comes after, never on dev.
     */
    public static int holdoutStart(List<LabeledSentence> train, String language) {
        int cut = train.size() - train.size() / 10;
        while (cut < train.size() && !train.get(cut).documentStart() && "en".equals(language)) {
            cut++;
        }
        return cut;
    }

    /**
     * A corpus's documents: CoNLL's -DOCSTART- boundaries, or for Arabic (ANERcorp has none) pieces of
     * {@link #ANERCORP_DOCUMENT} sentences.
     */
    public static List<List<LabeledSentence>> documents(List<LabeledSentence> sentences, String language) {
        int every = "ar".equals(language) ? ANERCORP_DOCUMENT : 0;
        List<List<LabeledSentence>> out = new ArrayList<>();
        List<LabeledSentence> current = new ArrayList<>();
        for (LabeledSentence s : sentences) {
            boolean starts = every > 0 ? current.size() == every : s.documentStart();
            if (starts && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(s);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
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
    public static Gazetteer[] gazetteers(Path data, String language, WordKeys keys, boolean kb) {
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

    /**
     * WikiFANE Gold (Arabic Wikipedia, 50 fine-grained classes, clitic-segmented) as ANERcorp-like sentences: classes
     * mapped to PERSON, LOCATION (places, geo-political entities, facilities), ORGANIZATION and MISC (products,
     * vehicles, weapons, works), groups of people left out (O); proclitics (و ف ب ل ك س) joined to the next word and
     * pronoun enclitics to the previous one, as ANERcorp writes them (ل + الأسد is للأسد).
     */
    public static List<LabeledSentence> wikifane(Path data) {
        Path file = data.resolve("ner/ar/wikifane/WikiFANE_Gold_2014_500K.txt.gz");
        List<LabeledSentence> out = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.replace("\u200e", "").replace("\u200f", "").replace("\ufeff", "").strip()
                        .split("\\s+");
                if (f.length < 2 || f[0].isEmpty()) {
                    flushJoined(out, tokens, labels);
                    continue;
                }
                tokens.add(f[0]);
                labels.add(fane(f[f.length - 1]));
            }
            flushJoined(out, tokens, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    private static final java.util.Set<String> PROCLITICS = java.util.Set.of("و", "ف", "ب", "ل", "ك", "س");
    private static final java.util.Set<String> ENCLITICS = java.util.Set.of("ه", "ها", "هم", "هما", "هن", "كم", "كما",
            "كن", "نا", "ني", "ي");

    private static void flushJoined(List<LabeledSentence> out, List<String> tokens, List<Integer> labels) {
        List<String> t = new ArrayList<>();
        List<Integer> l = new ArrayList<>();
        String pending = "";
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i);
            if (PROCLITICS.contains(w) && i + 1 < tokens.size()) {
                pending += w;
                continue;
            }
            if (ENCLITICS.contains(w) && pending.isEmpty() && !t.isEmpty()) {
                t.set(t.size() - 1, t.get(t.size() - 1) + w);
                continue;
            }
            if (pending.endsWith("ل") && w.startsWith("ال")) {
                w = pending + w.substring(1); // ل + الأسد: للأسد
            } else {
                w = pending + w;
            }
            pending = "";
            t.add(w);
            l.add(labels.get(i));
        }
        if (!t.isEmpty()) {
            int[] a = new int[l.size()];
            int prev = -1;
            for (int i = 0; i < a.length; i++) {
                int label = l.get(i);
                a[i] = EntityLabels.allowed(prev, label) ? label : EntityLabels.begin(EntityLabels.type(label));
                prev = a[i];
            }
            out.add(new LabeledSentence(t.toArray(String[]::new), a, false));
        }
        tokens.clear();
        labels.clear();
    }

    /** A WikiFANE tag (B-Politician) as a recognizer label. */
    static int fane(String tag) {
        if (tag.length() < 3 || tag.charAt(1) != '-') {
            return EntityLabels.O;
        }
        String cls = tag.substring(2);
        String type = switch (cls) {
            case "Politician", "Religious_PER", "Artist", "Other_PER", "Scientist", "Athlete", "Businessperson",
                 "Engineer", "Lawyer", "Police" -> "PERSON";
            case "Population-Center", "Nation", "State-or-Province", "Continent", "GPE-Cluster", "County-or-District",
                 "Water-Body", "Land-Region-Natural", "Building-Grounds", "Airport", "Path", "Subarea-Facility",
                 "Celestial" -> "LOCATION";
            case "Commercial", "Non-Governmental", "Government", "Educational", "Media", "Sports", "Religious_ORG",
                 "Entertainment", "Medical-Science" -> "ORGANIZATION";
            case "Book", "Software", "Hardware", "Movie", "Sound", "Air", "Land", "Water", "Projectile", "Food",
                 "Drug", "Plant", "Nuclear", "Shooting", "Blunt", "Exploding", "Chemical", "Sharp" -> "MISC";
            default -> null; // Group: people as a group, no ANERcorp type
        };
        if (type == null) {
            return EntityLabels.O;
        }
        int t = EntityLabels.typeOf(type);
        return tag.charAt(0) == 'B' ? EntityLabels.begin(t) : EntityLabels.inside(t);
    }

    static void add(Gazetteer g, WordKeys keys, String name, int type) {
        String key = keys.nameKey(name);
        if (!key.isEmpty()) {
            g.add(key.split(" "), type);
        }
    }
}
