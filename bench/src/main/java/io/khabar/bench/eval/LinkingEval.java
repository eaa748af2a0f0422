package io.khabar.bench.eval;

import io.khabar.bench.cli.Tools;
import io.khabar.bench.ner.Corpora;
import io.khabar.bench.ner.LabeledSentence;
import io.khabar.entities.EntityExtractor;
import io.khabar.entities.linking.EntityLinker;
import io.khabar.entities.ner.EntityLabels;
import io.khabar.events.Annotation;
import io.khabar.knowledge.Candidate;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.matching.MatchingAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code ./khabar eval-linking}: entity linking as users get it, on AIDA-CoNLL's dev documents ({@code testa}, the
 * 216 documents of CoNLL-2003 eng.testa with the Wikipedia entity of each mention). Each document goes through
 * {@link EntityExtractor#extract} as in {@link EntityEval}; a gold mention's prediction is the QID of the entity
 * annotation on its span (exact span first, else any overlapping one), or the country of a nisba relation there (AIDA
 * links "Iraqi" to Iraq, as Khabar's nisba relations do).
 * <p>
 * Gold titles become QIDs through the knowledge base's English names: the title (underscores as spaces) must be a full
 * alias of entities that all share one QID. Printed:
 * <ul>
 *   <li><b>accuracy on in-KB mentions</b>: gold mentions whose title maps to a QID, predicted with that QID;</li>
 *   <li><b>NIL precision</b>: of the gold mentions the path recognized and left without a QID, the share gold leaves
 *       unlinked too ({@code --NME--});</li>
 *   <li><b>coverage</b>: the share of gold mentions with a Wikipedia entity whose title maps to a QID (what the
 *       knowledge base can know), and the share that got a QID (what users see linked);</li>
 *   <li>how many mentions with an entity NIL precision 0.9 allows to be left unlinked, and the best NIL precision if
 *       the knowledge base also held, and the path linked, every entity the training documents link to;</li>
 *   <li>the most frequent misses, by title.</li>
 * </ul>
 * <pre>
 * ./khabar eval-linking [DATA_DIR] [--split dev|train] [--misses N] [--arabic FILE]
 * </pre>
 * {@code --arabic bench/data/linking-ar-saudinewsnet.tsv} scores the hand-annotated Arabic set instead.
 */
@Command(name = "eval-linking", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Entity linking as users get it, on AIDA-CoNLL's dev documents (testa): each document goes"
                + " through enrich-service's entity path; a gold mention's prediction is the QID of the entity"
                + " annotation on its span, or the country of a nisba relation there. Prints the accuracy on in-KB"
                + " mentions, NIL precision, coverage and the most frequent misses."})
public final class LinkingEval implements Callable<Integer> {
    private LinkingEval() {
    }

    /** One gold mention: document, token range [start, end), Wikipedia title or null for --NME--. */
    record Gold(int document, int start, int end, String title) {
    }

    @Parameters(paramLabel = "DATA_DIR", arity = "0..1", defaultValue = "../shared/data",
            description = "the shared data folder, with linking/ and ner/ (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--split", paramLabel = "dev|train", defaultValue = "dev",
            description = "AIDA-CoNLL's dev (testa) or train documents (default: ${DEFAULT-VALUE})")
    Tools.Split split;

    @Option(names = "--misses", paramLabel = "N", defaultValue = "25", converter = Tools.Count.class,
            description = "the N most frequent misses printed, by title (default: ${DEFAULT-VALUE})")
    int misses;

    @Option(names = "--arabic", paramLabel = "FILE", description = "score the hand-annotated Arabic set instead"
            + " (bench/data/linking-ar-saudinewsnet.tsv)")
    Path arabic;

    public static void main(String[] args) {
        Tools.run(new LinkingEval(), args);
    }

    @Override
    public Integer call() throws IOException {
        boolean train = split == Tools.Split.train;
        if (arabic != null) {
            if (!Files.isRegularFile(arabic)) {
                throw new Tools.Failure("no such file: " + arabic.toAbsolutePath().normalize());
            }
            Tools.requireFolder(data.resolve("news/ar/saudinewsnet"), "SaudiNewsNet sample",
                    "pass the shared data folder");
            arabic(data, arabic, misses);
            return 0;
        }
        Path aida = data.resolve("linking/en/aida/aida-yago2-annotations.train-testa.tsv");
        Path conll = data.resolve(train ? "ner/en/conll2003/train.iob2.txt" : "ner/en/conll2003/dev.iob2.txt");
        if (!Files.isRegularFile(aida) || !Files.isRegularFile(conll)) {
            throw new Tools.Failure("AIDA annotations or CoNLL-2003 not found under " + data.toAbsolutePath().normalize()
                    + "; pass the shared data folder");
        }
        long t0 = System.nanoTime();
        MatchingAnalyzer analyzer = new MatchingAnalyzer();
        EntityExtractor extractor = EntityExtractor.load(analyzer, List.of());
        KnowledgeBase kb = KnowledgeBase.load();
        List<EntityEval.Document> documents = EntityEval.documents(Corpora.read(conll), "en");
        List<String> annotations = Files.readAllLines(aida, StandardCharsets.UTF_8);
        List<Gold> gold = read(annotations, train, documents);
        System.out.printf(Locale.ROOT, "• %,d documents, %,d gold mentions, loaded in %.1f s%n", documents.size(),
                gold.size(), (System.nanoTime() - t0) / 1e9);

        Map<String, String> qidOfTitle = new HashMap<>();
        List<List<Annotation>> predicted = new ArrayList<>();
        for (EntityEval.Document d : documents) {
            EntityLinker.Result r = extractor.extract(d.text(), null, "en", d.sentenceSpans(), d.sentenceSpans(),
                    List.of());
            predicted.add(r.annotations().stream().filter(a -> "entity".equals(a.kind()) || "nisba".equals(a.kind()))
                    .toList());
        }
        Tally t = new Tally();
        java.util.Set<String> trainTitles = train ? java.util.Set.of() : titles(annotations, true);
        long beyondTrain = 0; // mentions of an entity left without a QID that no training document links to
        for (Gold g : gold) {
            EntityEval.Document d = documents.get(g.document());
            int[] span = charSpan(d, g.start(), g.end());
            Annotation a = annotationOn(predicted.get(g.document()), span[0], span[1]);
            String goldQid = g.title() == null ? null : qidOfTitle.computeIfAbsent(g.title(), x -> qidOf(kb, x));
            String qid = t.add(a, g.title() == null, goldQid == null || goldQid.isEmpty() ? null : goldQid,
                    g.title() != null ? g.title() : "--NME-- " + d.text().substring(span[0], span[1]));
            if (g.title() != null && qid == null && !trainTitles.contains(g.title())) {
                beyondTrain++;
            }
        }
        System.out.printf(Locale.ROOT, "%nAIDA-CoNLL %s, whole entity path of enrich-service, KB of %,d entities%n",
                train ? "train (the recognizer saw it)" : "dev (testa)", kb.size());
        System.out.printf(Locale.ROOT, "gold mentions: %,d; with a Wikipedia entity: %,d; --NME--: %,d%n", gold.size(),
                t.withEntity, gold.size() - t.withEntity);
        System.out.printf(Locale.ROOT, "KB coverage (entity's title maps to a QID): %,d of %,d = %.3f%n", t.inKb,
                t.withEntity, ratio(t.inKb, t.withEntity));
        System.out.printf(Locale.ROOT, "accuracy on in-KB mentions: %,d of %,d = %.3f%n", t.correct, t.inKb,
                ratio(t.correct, t.inKb));
        System.out.printf(Locale.ROOT, "mentions with an entity that got a QID: %,d of %,d = %.3f%n", t.linked,
                t.withEntity, ratio(t.linked, t.withEntity));
        System.out.printf(Locale.ROOT, "NIL precision (left unlinked, and gold has no entity): %,d of %,d = %.3f%n",
                t.predictedNilGoldNil, t.predictedNil, ratio(t.predictedNilGoldNil, t.predictedNil));
        long goldNil = gold.size() - t.withEntity;
        System.out.printf(Locale.ROOT, "NIL precision 0.9 allows at most %,d of the %,d mentions with an entity to be"
                + " left unlinked (%,d are now)%n", goldNil / 9, t.withEntity, t.withEntity - t.linked);
        if (!train) {
            System.out.printf(Locale.ROOT, "NIL precision at best if the KB also held, and the path linked, every"
                    + " entity that AIDA's training documents link to (%,d titles): %,d of %,d = %.3f%n",
                    trainTitles.size(), goldNil, goldNil + beyondTrain, ratio(goldNil, goldNil + beyondTrain));
        }
        System.out.printf(Locale.ROOT, "gold mentions not recognized at all: %,d%n", t.notFound);
        if (misses > 0) {
            System.out.println("most frequent misses:");
            t.missed.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(misses)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %4d  %s%n", e.getValue(), e.getKey()));
        }
        return 0;
    }

    /**
     * The hand-annotated Arabic set ({@code bench/data/linking-ar-saudinewsnet.tsv}): SaudiNewsNet articles normalized
     * as ingest-service does and given to the entity path; each gold mention (a surface and which occurrence of it)
     * is compared with the annotation on it. Cross-script: the mentions are Arabic, the knowledge base's QIDs come
     * mostly from English-language data.
     */
    static void arabic(Path data, Path gold, int misses) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Map<String, com.fasterxml.jackson.databind.JsonNode> articles = new HashMap<>();
        for (String line : Files.readAllLines(data.resolve("news/ar/saudinewsnet/sample_00.jsonl"),
                StandardCharsets.UTF_8)) {
            com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
            articles.put(n.path("url").asText(), n);
        }
        EntityExtractor extractor = EntityExtractor.load(new MatchingAnalyzer(), List.of());
        io.khabar.normalize.ArticleNormalizer normalizer = new io.khabar.normalize.ArticleNormalizer();
        Map<String, io.khabar.normalize.NormalizedArticle> normalized = new HashMap<>();
        Map<String, List<Annotation>> predicted = new HashMap<>();
        Tally t = new Tally();
        for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String g = f[3];
            if (g.equals("-") || g.equals("?")) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode article = articles.get(f[0]);
            if (article == null) {
                throw new IllegalStateException("no article " + f[0] + " in the SaudiNewsNet sample");
            }
            io.khabar.normalize.NormalizedArticle n = normalized.computeIfAbsent(f[0], u -> normalizer.normalize(
                    io.khabar.normalize.ArticleNormalizer.Input.of(article.path("title").asText(),
                            article.path("content").asText())));
            List<Annotation> annotations = predicted.computeIfAbsent(f[0], u -> extractor.extract(n.text(), n.title(),
                    n.language(), n.facts().sentences(), n.paragraphs(), List.of()).annotations().stream()
                    .filter(a -> "entity".equals(a.kind()) || "nisba".equals(a.kind())).toList());
            int at = -1;
            for (int k = 0; k <= Integer.parseInt(f[2]); k++) {
                at = n.text().indexOf(f[1], at + 1);
                if (at < 0) {
                    throw new IllegalStateException("occurrence " + f[2] + " of " + f[1] + " not in " + f[0]);
                }
            }
            t.add(annotationOn(annotations, at, at + f[1].length()), g.equals("NIL"), g.equals("NIL") ? null : g,
                    f[1]);
        }
        System.out.printf(Locale.ROOT, "%nArabic hand-annotated set (%s): %,d articles, %,d gold mentions%n",
                gold.getFileName(), normalized.size(), t.mentions);
        System.out.printf(Locale.ROOT, "cross-script accuracy on mentions with a QID: %,d of %,d = %.3f%n", t.correct,
                t.inKb, ratio(t.correct, t.inKb));
        System.out.printf(Locale.ROOT, "NIL precision (left unlinked, and gold has no QID): %,d of %,d = %.3f%n",
                t.predictedNilGoldNil, t.predictedNil, ratio(t.predictedNilGoldNil, t.predictedNil));
        System.out.printf(Locale.ROOT, "gold NIL mentions linked to something: %,d of %,d%n", t.goldNilLinked,
                t.mentions - t.withEntity);
        t.missed.entrySet().stream().limit(misses)
                .forEach(e -> System.out.println("  " + e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : "")));
    }

    /** Counts of one linking evaluation: each gold mention against the annotation found on it. */
    static final class Tally {
        long mentions;
        long withEntity;
        long inKb;
        long correct;
        long linked;
        long predictedNil;
        long predictedNilGoldNil;
        long goldNilLinked;
        long notFound;
        final Map<String, Integer> missed = new LinkedHashMap<>();

        /**
         * @param a       the entity or nisba annotation on the gold mention, or null
         * @param goldNil whether gold links the mention to nothing
         * @param goldQid the QID gold links it to, where the knowledge base can know it (else null)
         * @param label   how a miss is named (a title or the mention)
         * @return the QID predicted for the mention, or null
         */
        String add(Annotation a, boolean goldNil, String goldQid, String label) {
            mentions++;
            String qid = a == null ? null : "nisba".equals(a.kind()) ? qidOfId(a.value())
                    : (String) a.attributes().get("qid");
            if (a == null) {
                notFound++;
            } else if (qid == null) {
                predictedNil++;
                if (goldNil) {
                    predictedNilGoldNil++;
                }
            }
            if (goldNil) {
                if (qid != null) {
                    goldNilLinked++;
                    missed.merge(label + " (NIL): linked to " + qid, 1, Integer::sum);
                }
                return qid;
            }
            withEntity++;
            if (qid != null) {
                linked++;
            }
            if (goldQid == null) {
                return qid;
            }
            inKb++;
            if (goldQid.equals(qid)) {
                correct++;
            } else {
                String why = a == null ? "not recognized" : qid == null ? "left unlinked" : "linked to " + qid;
                missed.merge(label + " (" + goldQid + "): " + why, 1, Integer::sum);
            }
            return qid;
        }
    }

    /** A nisba relation's value is the country's (or region's) entity id: its QID when it has one. */
    private static String qidOfId(String id) {
        return id != null && id.matches("Q\\d+") ? id : null;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /**
     * The QID a Wikipedia title names in the knowledge base: every entity that has the title as a full English alias
     * must share it. Empty when there is none or the title is ambiguous.
     */
    static String qidOf(KnowledgeBase kb, String title) {
        TreeSet<String> qids = new TreeSet<>();
        for (Candidate c : kb.lookup(title)) {
            if (!c.shortForm()) {
                qids.add(c.entity().qid() == null ? "" : c.entity().qid());
            }
        }
        return qids.size() == 1 ? qids.first() : "";
    }

    /**
     * The Wikipedia titles that the training documents ({@code train}) or the dev documents link to, from the AIDA
     * annotation file's lines.
     */
    static java.util.Set<String> titles(List<String> aida, boolean train) {
        java.util.Set<String> out = new java.util.HashSet<>();
        boolean wanted = false;
        for (String line : aida) {
            if (line.startsWith("-DOCSTART-")) {
                wanted = inSplit(line, train);
                continue;
            }
            String[] f = line.split("\t");
            if (wanted && f.length >= 3 && !"--NME--".equals(f[1])) {
                out.add(title(f[2]));
            }
        }
        return out;
    }

    /** Whether a {@code -DOCSTART-} line opens a document of the training split ({@code train}) or of dev (testa). */
    private static boolean inSplit(String docstart, boolean train) {
        boolean testa = docstart.contains("testa");
        boolean testb = docstart.contains("testb");
        return train ? !testa && !testb : testa;
    }

    private static String title(String url) {
        return URLDecoder.decode(url.substring(url.lastIndexOf('/') + 1), StandardCharsets.UTF_8).replace('_', ' ');
    }

    /**
     * The gold mentions of the split's documents, from the AIDA annotation file's lines, aligned with the CoNLL
     * documents by order.
     */
    static List<Gold> read(List<String> aida, boolean train, List<EntityEval.Document> documents) {
        List<Gold> out = new ArrayList<>();
        int doc = -1;
        boolean wanted = false;
        for (String line : aida) {
            if (line.startsWith("-DOCSTART-")) {
                wanted = inSplit(line, train);
                if (wanted) {
                    doc++;
                }
                continue;
            }
            if (!wanted || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            int token = Integer.parseInt(f[0].strip());
            String title = null;
            if (f.length >= 3 && !"--NME--".equals(f[1])) {
                title = title(f[2]);
            }
            if (doc >= documents.size()) {
                throw new IllegalStateException("AIDA has more documents than the CoNLL split");
            }
            int[] range = goldSpan(documents.get(doc), token);
            out.add(new Gold(doc, range[0], range[1], title));
        }
        if (doc + 1 != documents.size()) {
            throw new IllegalStateException("AIDA has " + (doc + 1) + " documents, the CoNLL split "
                    + documents.size());
        }
        return out;
    }

    /** The document-level token range of the CoNLL entity that starts at {@code token} (or that token alone). */
    private static int[] goldSpan(EntityEval.Document d, int token) {
        int base = 0;
        for (LabeledSentence s : d.sentences()) {
            int n = s.tokens().length;
            if (token < base + n) {
                int i = token - base;
                int end = i + 1;
                if (EntityLabels.isBegin(s.labels()[i])) {
                    while (end < n && s.labels()[end] == EntityLabels.inside(EntityLabels.type(s.labels()[i]))) {
                        end++;
                    }
                }
                return new int[]{token, base + end};
            }
            base += n;
        }
        throw new IllegalStateException("token " + token + " is past the document's end");
    }

    /** Character offsets of document-level tokens [start, end). */
    private static int[] charSpan(EntityEval.Document d, int start, int end) {
        int base = 0;
        int from = -1;
        int to = -1;
        for (int si = 0; si < d.sentences().size(); si++) {
            int[] b = d.tokenBounds().get(si);
            int n = b.length / 2;
            if (from < 0 && start < base + n) {
                from = b[2 * (start - base)];
            }
            if (end - 1 < base + n && to < 0) {
                to = b[2 * (end - 1 - base) + 1];
            }
            base += n;
        }
        return new int[]{from, to};
    }

    private static Annotation annotationOn(List<Annotation> annotations, int start, int end) {
        Annotation overlapping = null;
        for (Annotation a : annotations) {
            if (a.start() == start && a.end() == end) {
                return a;
            }
            if (overlapping == null && a.start() < end && a.end() > start) {
                overlapping = a;
            }
        }
        return overlapping;
    }
}
