package io.khabar.bench.build;

import io.khabar.bench.cli.Tools;
import io.khabar.matching.MatchingAnalyzer;
import io.khabar.text.Scripts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Compiles {@code arabic-lexicon.txt}, the known words that guide proclitic stripping in {@link MatchingAnalyzer}:
 * <ul>
 *   <li>name words from Wikidata's Latin-Arabic transliteration pairs ({@code kb/wikidata-transliteration-en-ar},
 *       CC0);</li>
 *   <li>country names in Arabic ({@code kb/country-codes}, ODC-PDDL);</li>
 *   <li>Arabic stop words ({@code stopwords/ar/mohataher-arabic-stop-words}, MIT).</li>
 * </ul>
 * Usage: {@code matching/scripts/build-arabic-lexicon [DATA_DIR]} (default {@code ../shared/data}). Each word is
 * stored in its matching form; words under 3 letters are left out.
 */
@Command(name = "BuildArabicLexicon", mixinStandardHelpOptions = true,
        description = {"Compiles arabic-lexicon.txt, the known words that guide proclitic stripping in the matching"
                + " layer: name words of Wikidata's Latin-Arabic transliteration pairs, Arabic country names and"
                + " Arabic stop words, each in its matching form. Run by matching/scripts/build-arabic-lexicon, from"
                + " the repository root."})
public final class BuildArabicLexicon implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA_DIR", arity = "0..1", defaultValue = "../shared/data",
            description = "the shared data folder, with kb/ and stopwords/ (default: ${DEFAULT-VALUE})")
    Path data;

    @Parameters(index = "1", paramLabel = "OUT_FILE", arity = "0..1",
            defaultValue = "matching/src/main/resources/io/khabar/matching/" + MatchingAnalyzer.LEXICON,
            description = "the lexicon written, created with its folders (default: ${DEFAULT-VALUE})")
    Path out;

    private BuildArabicLexicon() {
    }

    public static void main(String[] args) {
        Tools.run(new BuildArabicLexicon(), args);
    }

    @Override
    public Integer call() throws IOException {
        Tools.requireFolder(data.resolve("kb/wikidata-transliteration-en-ar"), "transliteration pairs",
                "pass the shared data folder");
        Tools.writableFile(out);
        MatchingAnalyzer analyzer = new MatchingAnalyzer(Set.of());
        Set<String> words = new TreeSet<>();
        Path translit = data.resolve("kb/wikidata-transliteration-en-ar");
        try (Stream<Path> files = Files.list(translit)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("wd_arabic")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] cols = line.split("\t");
                    if (cols.length >= 2) {
                        add(words, analyzer, cols[1].replace(" ", ""));
                    }
                }
            }
        }
        List<String> countries = Files.readAllLines(data.resolve("kb/country-codes/country-codes.csv"));
        List<String> header = List.of(countries.get(0).split(",", -1));
        int arabicName = header.indexOf("official_name_ar");
        for (String line : countries.subList(1, countries.size())) {
            String[] cols = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            if (arabicName < cols.length) {
                for (String w : cols[arabicName].replace("\"", "").split("\\s+")) {
                    add(words, analyzer, w);
                }
            }
        }
        for (String w : Files.readAllLines(data.resolve("stopwords/ar/mohataher-arabic-stop-words/list.txt"))) {
            add(words, analyzer, w);
        }
        Files.write(out, words, StandardCharsets.UTF_8);
        System.out.println("wrote " + words.size() + " words to " + out);
        return 0;
    }

    private static void add(Set<String> words, MatchingAnalyzer analyzer, String raw) {
        String form = analyzer.form(raw.strip());
        if (form.length() >= 3 && form.indexOf(' ') < 0 && form.chars().allMatch(c -> Scripts.inArabicBlock((char) c))) {
            words.add(form);
        }
    }
}
