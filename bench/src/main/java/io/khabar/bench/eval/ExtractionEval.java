package io.khabar.bench.eval;

import io.khabar.bench.cli.Tools;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./khabar eval-extraction [DATA_DIR]}: scores main-text extraction on the real pages of
 * {@code html/mozilla-readability} (expected: Readability.js's own output, {@code expected.html}) and
 * {@code html/newspaper4k} (expected: newspaper4k's text). Each page goes through the whole normalizer, as an article
 * would; the title is scored with the text, since both expected texts may start with the headline. Prints a Markdown
 * table: per set, pages, macro precision, recall and F1, micro F1 and the worst pages.
 */
@Command(name = "eval-extraction", mixinStandardHelpOptions = true,
        description = {"Scores main-text extraction on the real pages of html/mozilla-readability (expected:"
                + " Readability.js's own output) and html/newspaper4k (expected: newspaper4k's text). Each page goes"
                + " through the whole normalizer, as an article would. Prints a Markdown table: per set, pages, macro"
                + " precision, recall and F1, and the worst pages."})
public final class ExtractionEval implements Callable<Integer> {
    public record Page(String set, String name, String html, String expected) {
    }

    record Scored(Page page, TokenScore score, String method, long micros) {
    }

    private ExtractionEval() {
    }

    @Parameters(paramLabel = "DATA_DIR", arity = "0..1", defaultValue = "${sys:khabar.data:-../shared/data}",
            description = "the shared data folder, with html/ (default: ${DEFAULT-VALUE})")
    Path data;

    public static void main(String[] args) {
        Tools.run(new ExtractionEval(), args);
    }

    @Override
    public Integer call() throws IOException {
        List<Page> pages = pages(data);
        if (pages.isEmpty()) {
            throw new Tools.Failure("no pages under " + data.resolve("html").toAbsolutePath().normalize()
                    + "; pass the shared data folder");
        }
        ArticleNormalizer normalizer = new ArticleNormalizer();
        List<Scored> scored = new ArrayList<>();
        for (Page p : pages) {
            long t0 = System.nanoTime();
            NormalizedArticle n = normalizer.normalize(ArticleNormalizer.Input.of(null, p.html()));
            long micros = (System.nanoTime() - t0) / 1000;
            scored.add(new Scored(p, TokenScore.of(n.title() + "\n" + n.text(), p.expected()), n.extraction(), micros));
        }
        System.out.println("| set | pages | precision | recall | F1 (macro) | median ms/page |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (String set : List.of("mozilla-readability", "newspaper4k", "all")) {
            List<Scored> s = scored.stream().filter(x -> set.equals("all") || x.page().set().equals(set)).toList();
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | **%.3f** | %.1f |%n", set, s.size(),
                    s.stream().mapToDouble(x -> x.score().precision()).average().orElse(0),
                    s.stream().mapToDouble(x -> x.score().recall()).average().orElse(0),
                    s.stream().mapToDouble(x -> x.score().f1()).average().orElse(0),
                    s.stream().mapToLong(Scored::micros).sorted().skip(s.size() / 2).findFirst().orElse(0) / 1000.0);
        }
        System.out.println();
        System.out.println("Lowest F1:");
        scored.stream().sorted((a, b) -> Double.compare(a.score().f1(), b.score().f1())).limit(8)
                .forEach(x -> System.out.printf(Locale.ROOT, "- %s/%s: P %.3f R %.3f F1 %.3f (%s)%n", x.page().set(),
                        x.page().name(), x.score().precision(), x.score().recall(), x.score().f1(), x.method()));
        return 0;
    }

    public static List<Page> pages(Path data) throws IOException {
        List<Page> pages = new ArrayList<>();
        Path mozilla = data.resolve("html/mozilla-readability/test/test-pages");
        if (Files.isDirectory(mozilla)) {
            try (Stream<Path> dirs = Files.list(mozilla)) {
                for (Path d : dirs.sorted().toList()) {
                    Path source = d.resolve("source.html");
                    Path expected = d.resolve("expected.html");
                    if (Files.exists(source) && Files.exists(expected)) {
                        pages.add(new Page("mozilla-readability", d.getFileName().toString(), read(source),
                                Jsoup.parse(read(expected)).text()));
                    }
                }
            }
        }
        Path np = data.resolve("html/newspaper4k/tests/data");
        if (Files.isDirectory(np.resolve("html"))) {
            try (Stream<Path> files = Files.list(np.resolve("html"))) {
                for (Path html : files.sorted().toList()) {
                    String name = html.getFileName().toString().replaceFirst("\\.html$", "");
                    Path txt = np.resolve("txt/" + name + ".txt");
                    if (Files.exists(txt)) {
                        pages.add(new Page("newspaper4k", name, read(html), read(txt)));
                    }
                }
            }
        }
        return pages;
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }
}
