package io.khabar.bench.train;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khabar.bench.cli.Tools;
import io.khabar.bench.ner.Corpora;
import io.khabar.bench.ner.LabeledSentence;
import io.khabar.bench.ner.NerData;
import io.khabar.entities.ner.Tokenizer;
import io.khabar.entities.ner.WordKeys;
import io.khabar.matching.MatchingAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Learns the recognizer's word clusters ({@code io.khabar.entities.ner.WordClusters}) from unlabeled news of the
 * shared data, deterministically:
 * <ol>
 *   <li>text: Arabic from SaudiNewsNet (all 31,030 articles, titles and bodies) and the ANERcorp training split;
 *       English from Reuters-21578 (titles and bodies), the BBC articles and the CoNLL-2003 training split. No dev or
 *       test text is read;</li>
 *   <li>words: Khabar's tokenizer, then each token's stem key (case-folded, Arabic proclitics off), as the recognizer
 *       sees them; the {@value #VOCABULARY} most frequent words seen at least {@value #MIN_COUNT} times are
 *       clustered;</li>
 *   <li>contexts: counts of the {@value #CONTEXTS} most frequent words as the word before and the word after
 *       (a wider window grouped places with years and quantities, through "in"), weighted by
 *       positive pointwise mutual information (context counts smoothed to the power 0.75), projected to
 *       {@value #DIMENSIONS} dimensions with a seeded Gaussian matrix and normalized;</li>
 *   <li>clusters: spherical k-means in two levels, 64 coarse clusters, then 16 inside each (system
 *       properties {@code khabar.clusters.coarse} and {@code khabar.clusters.fine} to try others)
 *       (k-means++ seeding from a fixed seed).</li>
 * </ol>
 * <pre>
 * BuildWordClusters --language ar|en [--data DIR] [--out FILE]   (--help: the options)
 * </pre>
 * Run by {@code entities/scripts/build-word-clusters}; the output is committed and read by {@code train-ner}.
 */
@Command(name = "BuildWordClusters", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Learns the recognizer's word clusters from unlabeled news of the shared data (SaudiNewsNet;"
                + " Reuters-21578 and BBC) and the training splits, deterministically. Run by"
                + " entities/scripts/build-word-clusters; the output is committed and read by train-ner.",
                "-Dkhabar.clusters.coarse=N, -Dkhabar.clusters.fine=N: other cluster counts (default 64 and 16)."})
public final class BuildWordClusters implements Callable<Integer> {
    static final int VOCABULARY = 60_000;
    static final int MIN_COUNT = 5;
    static final int CONTEXTS = 1000;
    static final int DIMENSIONS = 256;
    static final int COARSE = Integer.getInteger("khabar.clusters.coarse", 64);
    static final int FINE = Integer.getInteger("khabar.clusters.fine", 16);
    static final int ITERATIONS = 12;
    static final long SEED = 20261205L;

    private BuildWordClusters() {
    }

    @Option(names = "--language", paramLabel = "ar|en", required = true, description = "the language")
    Tools.Language languageOption;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "the shared data folder, with news/ and ner/ (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "the clusters file written, created with its folders"
            + " (default: entities/data/word-clusters-LANGUAGE.tsv.gz)")
    Path out;

    public static void main(String[] args) {
        Tools.run(new BuildWordClusters(), args);
    }

    @Override
    public Integer call() throws IOException {
        String language = languageOption.name();
        Path out = this.out != null ? this.out : Path.of("entities/data/word-clusters-" + language + ".tsv.gz");
        Tools.requireFolder(data.resolve("news"), "news corpora", "pass the shared data folder with --data");
        Tools.writableFile(out); // before the work, not after it
        long t0 = System.nanoTime();
        WordKeys keys = new WordKeys(new MatchingAnalyzer());
        // pass 1: the corpus as word ids (a growing dictionary), one int array per text
        Map<String, Integer> dictionary = new HashMap<>(1 << 20);
        List<String> words = new ArrayList<>(1 << 20);
        List<int[]> texts = new ArrayList<>();
        Consumer<String> add = text -> {
            int[] b = Tokenizer.tokenize(text, 0, text.length());
            int[] ids = new int[b.length / 2];
            int n = 0;
            for (int k = 0; k < b.length; k += 2) {
                String key = keys.of(text.substring(b[k], b[k + 1]))[1];
                if (key.isEmpty()) {
                    continue;
                }
                Integer id = dictionary.get(key);
                if (id == null) {
                    id = words.size();
                    dictionary.put(key, id);
                    words.add(key);
                }
                ids[n++] = id;
            }
            texts.add(Arrays.copyOf(ids, n));
        };
        if ("ar".equals(language)) {
            saudiNewsNet(data.resolve("news/ar/saudinewsnet/zip"), add);
        } else {
            reuters(data.resolve("news/en/reuters21578"), add);
            jsonLines(data.resolve("news/en/bbc"), "body", add);
        }
        for (LabeledSentence s : Corpora.read(NerData.train(data, language))) {
            add.accept(String.join(" ", s.tokens()));
        }
        long tokens = texts.stream().mapToLong(t -> t.length).sum();
        System.out.printf(Locale.ROOT, "• %s: %,d texts, %,d tokens, %,d distinct words (%.1f s)%n", language,
                texts.size(), tokens, words.size(), (System.nanoTime() - t0) / 1e9);

        long[] counts = new long[words.size()];
        for (int[] t : texts) {
            for (int id : t) {
                counts[id]++;
            }
        }
        Integer[] byFrequency = new Integer[words.size()];
        for (int i = 0; i < byFrequency.length; i++) {
            byFrequency[i] = i;
        }
        Arrays.sort(byFrequency, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a])
                : words.get(a).compareTo(words.get(b)));
        int[] targetOf = new int[words.size()];
        int[] contextOf = new int[words.size()];
        Arrays.fill(targetOf, -1);
        Arrays.fill(contextOf, -1);
        int targets = 0;
        for (int i = 0; i < byFrequency.length && targets < VOCABULARY && counts[byFrequency[i]] >= MIN_COUNT; i++) {
            targetOf[byFrequency[i]] = targets++;
        }
        for (int i = 0; i < Math.min(CONTEXTS, byFrequency.length); i++) {
            contextOf[byFrequency[i]] = i;
        }
        // pass 2: left and right neighbour counts
        int dims = 2 * CONTEXTS; // the word before, the word after
        float[] cooc = new float[targets * dims];
        double[] contextTotals = new double[dims];
        for (int[] t : texts) {
            for (int i = 0; i < t.length; i++) {
                int w = targetOf[t[i]];
                if (w < 0) {
                    continue;
                }
                for (int slot = 0, at = i - 1; slot < 2; slot++, at += 2) {
                    if (at >= 0 && at < t.length && contextOf[t[at]] >= 0) {
                        cooc[w * dims + slot * CONTEXTS + contextOf[t[at]]]++;
                    }
                }
            }
        }
        double total = 0;
        double[] rowTotals = new double[targets];
        for (int w = 0; w < targets; w++) {
            for (int c = 0; c < dims; c++) {
                float x = cooc[w * dims + c];
                rowTotals[w] += x;
                contextTotals[c] += x;
                total += x;
            }
        }
        double smoothed = 0;
        double[] contextP = new double[dims];
        for (int c = 0; c < dims; c++) {
            contextP[c] = Math.pow(contextTotals[c], 0.75);
            smoothed += contextP[c];
        }
        Random random = new Random(SEED);
        float[] projection = new float[dims * DIMENSIONS];
        for (int i = 0; i < projection.length; i++) {
            projection[i] = (float) random.nextGaussian();
        }
        float[] vectors = new float[targets * DIMENSIONS];
        for (int w = 0; w < targets; w++) {
            if (rowTotals[w] == 0) {
                continue;
            }
            for (int c = 0; c < dims; c++) {
                float x = cooc[w * dims + c];
                if (x == 0) {
                    continue;
                }
                double pmi = Math.log((x / rowTotals[w]) / (contextP[c] / smoothed));
                if (pmi <= 0) {
                    continue;
                }
                for (int d = 0; d < DIMENSIONS; d++) {
                    vectors[w * DIMENSIONS + d] += (float) (pmi * projection[c * DIMENSIONS + d]);
                }
            }
            normalize(vectors, w * DIMENSIONS);
        }
        System.out.printf(Locale.ROOT, "• %,d words to cluster, vectors ready (%.1f s)%n", targets,
                (System.nanoTime() - t0) / 1e9);

        int[] all = new int[targets];
        for (int i = 0; i < targets; i++) {
            all[i] = i;
        }
        int[] coarse = kmeans(vectors, all, COARSE, random);
        int[] fine = new int[targets];
        for (int k = 0; k < COARSE; k++) {
            final int cluster = k;
            int[] members = Arrays.stream(all).filter(i -> coarse[i] == cluster).toArray();
            int[] sub = kmeans(vectors, members, Math.min(FINE, members.length), random);
            for (int j = 0; j < members.length; j++) {
                fine[members[j]] = sub[j];
            }
        }
        String[] targetWords = new String[targets];
        for (int i = 0; i < words.size(); i++) {
            if (targetOf[i] >= 0) {
                targetWords[targetOf[i]] = words.get(i);
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)),
                StandardCharsets.UTF_8))) {
            for (int i = 0; i < targets; i++) {
                w.write(targetWords[i] + "\t" + coarse[i] + "\t" + fine[i] + "\n");
            }
        }
        System.out.printf(Locale.ROOT, "• wrote %s (%,d words, %,d bytes) in %.1f s%n", out, targets, Files.size(out),
                (System.nanoTime() - t0) / 1e9);
        for (String probe : "ar".equals(language) ? List.of("موسكو", "بوتين", "قال", "وزير")
                : List.of("moscow", "clinton", "said", "minister")) {
            Integer id = dictionary.get(keys.of(probe)[1]);
            if (id != null && targetOf[id] >= 0) {
                int t = targetOf[id];
                List<String> same = new ArrayList<>();
                for (int i = 0; i < targets && same.size() < 12; i++) {
                    if (coarse[i] == coarse[t] && fine[i] == fine[t]) {
                        same.add(targetWords[i]);
                    }
                }
                System.out.printf(Locale.ROOT, "  %s: %d/%d %s%n", probe, coarse[t], fine[t], same);
            }
        }
        return 0;
    }

    /** Spherical k-means of the rows {@code members} into {@code k} clusters; returns each member's cluster. */
    static int[] kmeans(float[] vectors, int[] members, int k, Random random) {
        int n = members.length;
        int[] assign = new int[n];
        if (k <= 1 || n <= k) {
            for (int i = 0; i < n; i++) {
                assign[i] = n <= k ? i : 0;
            }
            return assign;
        }
        float[] centres = new float[k * DIMENSIONS];
        // k-means++ seeding
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.MAX_VALUE);
        int first = random.nextInt(n);
        System.arraycopy(vectors, members[first] * DIMENSIONS, centres, 0, DIMENSIONS);
        for (int c = 1; c < k; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double d = 1 - dot(vectors, members[i] * DIMENSIONS, centres, (c - 1) * DIMENSIONS);
                nearest[i] = Math.min(nearest[i], Math.max(d, 0));
                sum += nearest[i] * nearest[i];
            }
            double r = random.nextDouble() * sum;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                r -= nearest[i] * nearest[i];
                if (r <= 0) {
                    pick = i;
                    break;
                }
            }
            System.arraycopy(vectors, members[pick] * DIMENSIONS, centres, c * DIMENSIONS, DIMENSIONS);
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            int moved = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestDot = -2;
                for (int c = 0; c < k; c++) {
                    double d = dot(vectors, members[i] * DIMENSIONS, centres, c * DIMENSIONS);
                    if (d > bestDot) {
                        bestDot = d;
                        best = c;
                    }
                }
                if (assign[i] != best || iteration == 0) {
                    moved++;
                }
                assign[i] = best;
            }
            Arrays.fill(centres, 0);
            for (int i = 0; i < n; i++) {
                int base = assign[i] * DIMENSIONS;
                int v = members[i] * DIMENSIONS;
                for (int d = 0; d < DIMENSIONS; d++) {
                    centres[base + d] += vectors[v + d];
                }
            }
            for (int c = 0; c < k; c++) {
                normalize(centres, c * DIMENSIONS);
            }
            if (moved == 0) {
                break;
            }
        }
        return assign;
    }

    private static double dot(float[] a, int ai, float[] b, int bi) {
        double s = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            s += a[ai + d] * b[bi + d];
        }
        return s;
    }

    private static void normalize(float[] v, int from) {
        double s = 0;
        for (int d = 0; d < DIMENSIONS; d++) {
            s += v[from + d] * v[from + d];
        }
        if (s == 0) {
            return;
        }
        float inv = (float) (1 / Math.sqrt(s));
        for (int d = 0; d < DIMENSIONS; d++) {
            v[from + d] *= inv;
        }
    }

    /** SaudiNewsNet: one JSON array of articles per zip; title and content of each. */
    private static void saudiNewsNet(Path dir, Consumer<String> add) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> zips;
        try (Stream<Path> files = Files.list(dir)) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        for (Path zip : zips) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (!e.getName().endsWith(".json")) {
                        continue;
                    }
                    JsonParser p = new JsonFactory().createParser(in.readAllBytes());
                    p.setCodec(json);
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        throw new IOException(zip + ": not a JSON array");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode a = p.readValueAsTree();
                        add.accept(a.path("title").asText("") + "\n" + a.path("content").asText(""));
                    }
                }
            }
        }
    }

    private static final Pattern REUTERS = Pattern.compile("<TITLE>(.*?)</TITLE>|<BODY>(.*?)</BODY>", Pattern.DOTALL);

    /** Reuters-21578: the TITLE and BODY elements of the SGML files. */
    private static void reuters(Path dir, Consumer<String> add) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm\\.gz")).sorted().toList();
        }
        for (Path f : files) {
            String sgml;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                sgml = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            Matcher m = REUTERS.matcher(sgml);
            while (m.find()) {
                String text = m.group(1) != null ? m.group(1) : m.group(2);
                add.accept(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                        .replace("&#3;", " "));
            }
        }
    }

    /** JSON-lines files of a folder: the given field of each line. */
    private static void jsonLines(Path dir, String field, Consumer<String> add) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                JsonNode n = json.readTree(line);
                add.accept(n.path("title").asText("") + "\n" + n.path(field).asText(""));
            }
        }
    }
}
