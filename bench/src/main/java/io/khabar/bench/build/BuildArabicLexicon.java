package io.khabar.bench.build;

import io.khabar.normalize.matching.MatchingAnalyzer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compiles {@code arabic-lexicon.txt}, the known words that guide proclitic stripping in {@link MatchingAnalyzer}:
 * <ul>
 *   <li>name words from Wikidata's Latin-Arabic transliteration pairs ({@code kb/wikidata-transliteration-en-ar},
 *       CC0);</li>
 *   <li>country names in Arabic ({@code kb/country-codes}, ODC-PDDL);</li>
 *   <li>Arabic stop words ({@code stopwords/ar/mohataher-arabic-stop-words}, MIT).</li>
 * </ul>
 * Usage: {@code normalizer/scripts/build-arabic-lexicon [DATA_DIR]} (default {@code ../shared/data}). Each word is
 * stored in its matching form; words under 3 letters are left out.
 */
public final class BuildArabicLexicon {
    private BuildArabicLexicon() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = Path.of(args.length > 1 ? args[1]
                : "normalizer/src/main/resources/io/khabar/normalize/matching/" + MatchingAnalyzer.LEXICON);
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
        Files.createDirectories(out.getParent());
        Files.write(out, words, StandardCharsets.UTF_8);
        System.out.println("wrote " + words.size() + " words to " + out);
    }

    private static void add(Set<String> words, MatchingAnalyzer analyzer, String raw) {
        String form = analyzer.form(raw.strip());
        if (form.length() >= 3 && form.indexOf(' ') < 0 && form.chars().allMatch(c -> c >= 0x0600 && c <= 0x06FF)) {
            words.add(form);
        }
    }
}
