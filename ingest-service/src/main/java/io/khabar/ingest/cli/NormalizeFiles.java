package io.khabar.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.events.EventJson;
import io.khabar.ingest.domain.NormalizedText;
import io.khabar.ingest.domain.TextNormalizer;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./khabar normalize FILE|FOLDER...}: runs the normalizer on your own files, with no service running. Plain
 * text (title on line 1), HTML (title from {@code <title>}) and native JSON articles; prints one normalized JSON
 * object per file (pretty for one file, NDJSON for several).
 */
public final class NormalizeFiles {
    private NormalizeFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ./khabar normalize FILE|FOLDER...  (.txt with the title on line 1, .html, .json)");
            System.exit(2);
        }
        Path cwd = Path.of(System.getProperty("khabar.cwd", "."));
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            Path p = cwd.resolve(a);
            if (!Files.exists(p)) {
                System.err.println("no such file or folder: " + p);
                System.exit(2);
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        TextNormalizer normalizer = new TextNormalizer();
        int failures = 0;
        for (Path f : files) {
            try {
                ObjectNode out = normalize(normalizer, f);
                System.out.println(files.size() == 1
                        ? EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out)
                        : EventJson.mapper().writeValueAsString(out));
            } catch (IOException | RuntimeException e) {
                failures++;
                System.err.println(f + ": " + e.getMessage());
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    static ObjectNode normalize(TextNormalizer normalizer, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String title;
        String body;
        if (name.endsWith(".json")) {
            JsonNode n = EventJson.mapper().readTree(content);
            title = n.path("title").asText(null);
            body = n.path("body").asText("");
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            title = Jsoup.parse(content).title();
            body = content;
        } else {
            int nl = content.indexOf('\n');
            title = nl < 0 ? content : content.substring(0, nl);
            body = nl < 0 ? "" : content.substring(nl + 1);
        }
        NormalizedText n = normalizer.normalize(title, body);
        ObjectNode out = EventJson.mapper().createObjectNode();
        out.put("file", file.toString());
        out.put("title", n.title());
        out.put("text", n.text());
        out.set("paragraphs", EventJson.mapper().valueToTree(n.paragraphs()));
        out.set("facts", EventJson.mapper().valueToTree(n.facts()));
        return out;
    }
}
