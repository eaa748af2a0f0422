package io.khabar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.bench.cli.Tools;
import io.khabar.events.EventJson;
import io.khabar.normalize.ArticleNormalizer;
import io.khabar.normalize.NormalizedArticle;
import io.khabar.normalize.dedup.InMemoryDuplicateIndex;
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
 * {@code ./khabar normalize FILE|FOLDER...}: runs the normalizer on your own files, with no service running. Plain
 * text (title on line 1), HTML (a fragment, or a full page: main content and metadata are extracted) and native JSON
 * articles. Prints one normalized JSON object per file (pretty for one file, NDJSON for several); files are also
 * checked against each other for duplicates, in the order given.
 */
@Command(name = "normalize", mixinStandardHelpOptions = true,
        description = {"Runs the normalizer on your own files, with no service running: plain text (.txt, title on"
                + " line 1), HTML (.html, a fragment or a full page: main content and metadata are extracted) and"
                + " native JSON articles (.json); folders recursively. Prints one normalized JSON object per file"
                + " (pretty for one file, NDJSON for several); the files are also checked against each other for"
                + " duplicates, in the order given.",
                "Exit code: 0 when every file was normalized, 1 when any failed."})
public final class NormalizeFiles implements Callable<Integer> {
    @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*", description = "what to normalize")
    List<Path> inputs;

    private NormalizeFiles() {
    }

    public static void main(String[] args) {
        Tools.run(new NormalizeFiles(), args);
    }

    @Override
    public Integer call() throws IOException {
        Path cwd = Path.of(System.getProperty("khabar.cwd", "."));
        List<Path> files = new ArrayList<>();
        List<Path> given = new ArrayList<>();
        for (Path a : inputs) {
            Path p = cwd.resolve(a);
            if (!Files.exists(p)) {
                throw new Tools.Failure("no such file or folder: " + p);
            }
            given.add(p);
        }
        for (Path p : given) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        ArticleNormalizer normalizer = new ArticleNormalizer();
        InMemoryDuplicateIndex duplicates = new InMemoryDuplicateIndex();
        int failures = 0;
        for (Path f : files) {
            try {
                NormalizedArticle n = normalizer.normalize(read(f));
                n = n.withDuplicate(duplicates.check(f.toString(), n.fingerprint()));
                ObjectNode out = toJson(f, n);
                System.out.println(files.size() == 1
                        ? EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out)
                        : EventJson.mapper().writeValueAsString(out));
            } catch (IOException | RuntimeException e) {
                failures++;
                System.err.println(f + ": " + Tools.message(e));
            }
        }
        return failures == 0 ? 0 : 1;
    }

    static ArticleNormalizer.Input read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        if (name.endsWith(".json")) {
            JsonNode n = EventJson.mapper().readTree(content);
            List<String> authors = new ArrayList<>();
            n.path("authors").forEach(a -> authors.add(a.asText()));
            return new ArticleNormalizer.Input(n.path("title").asText(null), n.path("body").asText(""),
                    n.path("url").asText(null), n.path("language").asText(null), n.path("publishedAt").asText(null),
                    authors);
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return ArticleNormalizer.Input.of(null, content);
        }
        int nl = content.indexOf('\n');
        return ArticleNormalizer.Input.of(nl < 0 ? content : content.substring(0, nl), nl < 0 ? "" : content.substring(nl + 1));
    }

    static ObjectNode toJson(Path file, NormalizedArticle n) {
        ObjectNode out = EventJson.mapper().createObjectNode();
        out.put("file", file.toString());
        ObjectNode article = EventJson.mapper().valueToTree(n);
        article.remove("fingerprint");
        out.setAll(article);
        return out;
    }
}
