package io.khabar.bench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.khabar.bench.cli.Tools;
import io.khabar.events.EventJson;
import io.khabar.normalize.language.LanguageIdentifier;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./khabar eval-langid [DATA_DIR]}: language-identification accuracy of {@link LanguageIdentifier} on real text
 * that the identifier never saw, cut into sentences (30-300 characters) and short snippets (a sentence's first three
 * words):
 * <ul>
 *   <li>ar: Saudi newspaper articles ({@code news/ar/saudinewsnet/sample_00.jsonl});</li>
 *   <li>en: BBC articles ({@code news/en/bbc});</li>
 *   <li>other languages: the real pages' expected texts in {@code html/}, labelled by their metadata (fr, de, es,
 *       pt, cs, lv...);</li>
 *   <li>fa and ur: no corpus in the data folder has them, so sentences written by the team
 *       ({@code normalizer/src/test/resources/langid}).</li>
 * </ul>
 * At most {@value #PER_LANGUAGE} sentences a language. Prints accuracy per language and overall (macro), and the
 * confusions.
 */
@Command(name = "eval-langid", mixinStandardHelpOptions = true,
        description = {"Language-identification accuracy on real text the identifier never saw, cut into sentences"
                + " (30-300 characters) and short snippets (a sentence's first three words): Arabic SaudiNewsNet"
                + " articles, English BBC articles, the real pages' texts of html/ in other languages, and the team's"
                + " own Persian and Urdu sentences. Prints accuracy per language and overall (macro), and the"
                + " confusions.", "-Dkhabar.eval.restrict=true: only the evaluated languages as candidates."})
public final class LanguageIdEval implements Callable<Integer> {
    static final int PER_LANGUAGE = 400;

    private LanguageIdEval() {
    }

    @Parameters(index = "0", paramLabel = "DATA_DIR", arity = "0..1", defaultValue = "../shared/data",
            description = "the shared data folder, with news/ and html/ (default: ${DEFAULT-VALUE})")
    Path data;

    @Parameters(index = "1", paramLabel = "OWN_DIR", arity = "0..1",
            defaultValue = "normalizer/src/test/resources/langid",
            description = "the team's own sentences, fa.txt and ur.txt (default: ${DEFAULT-VALUE})")
    Path own;

    public static void main(String[] args) {
        Tools.run(new LanguageIdEval(), args);
    }

    @Override
    public Integer call() throws IOException {
        Tools.requireFolder(data.resolve("news/en/bbc"), "BBC articles", "pass the shared data folder");
        Map<String, List<String>> texts = new TreeMap<>();
        jsonl(data.resolve("news/ar/saudinewsnet/sample_00.jsonl"), "content", "ar", texts);
        try (Stream<Path> bbc = Files.list(data.resolve("news/en/bbc"))) {
            for (Path f : bbc.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                jsonl(f, "body", "en", texts);
            }
        }
        pages(data, texts);
        for (String lang : List.of("fa", "ur")) {
            Path f = own.resolve(lang + ".txt");
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        texts.computeIfAbsent(lang, k -> new ArrayList<>()).add(line.strip());
                    }
                }
            }
        }
        boolean restricted = Boolean.getBoolean("khabar.eval.restrict");
        LanguageIdentifier id = restricted ? new LanguageIdentifier(texts.keySet()) : new LanguageIdentifier();
        System.out.println(restricted ? "Candidates: the " + texts.size() + " evaluated languages " + texts.keySet()
                : "Candidates: all 71 built-in languages");
        System.out.println();
        System.out.println("| language | sentences | accuracy | short snippets (3 words) | accuracy |");
        System.out.println("| --- | --- | --- | --- | --- |");
        double sumSentence = 0;
        double sumShort = 0;
        int all = 0;
        int allOk = 0;
        Map<String, Integer> confusions = new TreeMap<>();
        long nanos = 0;
        int calls = 0;
        for (Map.Entry<String, List<String>> e : texts.entrySet()) {
            List<String> sentences = sentences(e.getKey(), e.getValue());
            int ok = 0;
            int shortOk = 0;
            int shortN = 0;
            for (String s : sentences) {
                long t0 = System.nanoTime();
                String got = id.identify(s).language();
                nanos += System.nanoTime() - t0;
                calls++;
                if (got.equals(e.getKey())) {
                    ok++;
                } else {
                    confusions.merge(e.getKey() + " -> " + got, 1, Integer::sum);
                    if (Boolean.getBoolean("khabar.eval.verbose")) {
                        System.err.println(e.getKey() + " -> " + got + ": " + s);
                    }
                }
                String[] words = s.split("\\s+");
                if (words.length >= 3) {
                    shortN++;
                    if (id.identify(String.join(" ", words[0], words[1], words[2])).language().equals(e.getKey())) {
                        shortOk++;
                    }
                }
            }
            all += sentences.size();
            allOk += ok;
            double acc = (double) ok / sentences.size();
            double shortAcc = shortN == 0 ? 0 : (double) shortOk / shortN;
            sumSentence += acc;
            sumShort += shortAcc;
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %d | %.3f |%n", e.getKey(), sentences.size(), acc, shortN,
                    shortAcc);
        }
        System.out.printf(Locale.ROOT, "| **macro** | | **%.3f** | | **%.3f** |%n", sumSentence / texts.size(),
                sumShort / texts.size());
        System.out.printf(Locale.ROOT, "| **all sentences (micro)** | %d | **%.3f** | | |%n", all, (double) allOk / all);
        System.out.printf(Locale.ROOT, "%nmean time per sentence: %.0f µs%n", nanos / 1000.0 / calls);
        System.out.println("confusions (sentences): " + confusions);
        return 0;
    }

    private static void jsonl(Path file, String field, String lang, Map<String, List<String>> texts) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = EventJson.mapper().readTree(line);
                texts.computeIfAbsent(lang, k -> new ArrayList<>()).add(n.path(field).asText(""));
            }
        }
    }

    private static void pages(Path data, Map<String, List<String>> texts) throws IOException {
        Path mozilla = data.resolve("html/mozilla-readability/test/test-pages");
        if (Files.isDirectory(mozilla)) {
            try (Stream<Path> dirs = Files.list(mozilla)) {
                for (Path d : dirs.sorted().toList()) {
                    Path meta = d.resolve("expected-metadata.json");
                    if (Files.exists(meta) && Files.exists(d.resolve("expected.html"))) {
                        String lang = EventJson.mapper().readTree(meta.toFile()).path("lang").asText("");
                        add(texts, lang, Jsoup.parse(d.resolve("expected.html").toFile()).text());
                    }
                }
            }
        }
        Path np = data.resolve("html/newspaper4k/tests/data");
        if (Files.isDirectory(np.resolve("metadata"))) {
            try (Stream<Path> files = Files.list(np.resolve("metadata"))) {
                for (Path meta : files.sorted().toList()) {
                    Path txt = np.resolve("txt/" + meta.getFileName().toString().replace(".json", ".txt"));
                    if (Files.exists(txt)) {
                        String lang = EventJson.mapper().readTree(meta.toFile()).path("language").asText("");
                        add(texts, lang, Files.readString(txt));
                    }
                }
            }
        }
    }

    /** Pages in languages written with spaces between words; the others have no sentence-length test here. */
    private static void add(Map<String, List<String>> texts, String tag, String text) {
        String lang = tag.toLowerCase(Locale.ROOT).replaceFirst("[-_].*", "");
        if (!lang.isEmpty() && !List.of("zh", "ja", "th", "ko", "my", "km", "lo").contains(lang)) {
            texts.computeIfAbsent(lang, k -> new ArrayList<>()).add(text);
        }
    }

    private static List<String> sentences(String lang, List<String> docs) {
        BreakIterator it = BreakIterator.getSentenceInstance(new ULocale(lang));
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String doc : docs) {
            for (String para : doc.split("\\n+")) {
                it.setText(para);
                int start = it.first();
                for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                    String s = para.substring(start, end).strip();
                    if (s.length() >= 30 && s.length() <= 300) {
                        out.put(s, true);
                    }
                    if (out.size() >= PER_LANGUAGE) {
                        return new ArrayList<>(out.keySet());
                    }
                }
            }
        }
        return new ArrayList<>(out.keySet());
    }
}
