package io.khabar.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.khabar.events.EventJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Real news for the benchmark, read in place from {@code ../shared/data/news} (never copied): Arabic SaudiNewsNet (zips
 * of JSON arrays) and English BBC (JSONL), interleaved in their natural proportion. Articles without a title or body
 * are skipped, since ingest would rightly reject them.
 */
public final class Corpus {
    /** One article of the corpus. */
    public record Item(String language, String title, String body) {
        /** The article as a producer posts it, with id {@code id}, its source named after its corpus. */
        public ObjectNode raw(String id) {
            ObjectNode a = EventJson.mapper().createObjectNode();
            a.put("id", id);
            a.put("source", language.equals("ar") ? "saudinewsnet" : "bbc");
            a.put("title", title);
            a.put("body", body);
            return a;
        }
    }

    /** The shared news corpus of the repository at {@code root}: {@code ../shared/data/news} beside it. */
    public static Path beside(Path root) {
        return root.resolve("../shared/data/news").normalize();
    }

    private final List<Item> items;

    private Corpus(List<Item> items) {
        this.items = items;
    }

    public int size() {
        return items.size();
    }

    /** The i-th article of an endless stream that repeats the corpus. */
    public Item get(long i) {
        return items.get((int) (i % items.size()));
    }

    /** Loads up to {@code maxArticles} distinct articles. */
    public static Corpus load(Path newsDir, int maxArticles) throws IOException {
        if (!Files.isDirectory(newsDir)) {
            throw new IllegalStateException("news corpus not found at " + newsDir.toAbsolutePath()
                    + " (expected ../shared/data/news beside the project; --corpus DIR sets another)");
        }
        List<Item> english = readBbc(newsDir.resolve("en/bbc"), maxArticles);
        List<Item> arabic = readSaudiNewsNet(newsDir.resolve("ar/saudinewsnet"), Math.max(1, maxArticles - english.size()));
        if (arabic.isEmpty() || english.isEmpty()) {
            throw new IllegalStateException("the corpus at " + newsDir + " has no Arabic or no English articles");
        }
        // Interleave: spread the English articles evenly through the Arabic ones.
        List<Item> mixed = new ArrayList<>(arabic.size() + english.size());
        double step = (double) (arabic.size() + english.size()) / english.size();
        int a = 0;
        int e = 0;
        for (int i = 0; i < arabic.size() + english.size(); i++) {
            boolean takeEnglish = e < english.size() && (a >= arabic.size() || i >= Math.round(e * step));
            mixed.add(takeEnglish ? english.get(e++) : arabic.get(a++));
        }
        return new Corpus(mixed.subList(0, Math.min(maxArticles, mixed.size())));
    }

    private static List<Item> readBbc(Path dir, int max) throws IOException {
        List<Item> out = new ArrayList<>();
        ObjectMapper mapper = EventJson.mapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = r.readLine()) != null && out.size() < max) {
                        JsonNode n = mapper.readTree(line);
                        add(out, "en", n.path("title").asText(""), n.path("body").asText(""));
                    }
                }
            }
        }
        return out;
    }

    private static List<Item> readSaudiNewsNet(Path dir, int max) throws IOException {
        List<Item> out = new ArrayList<>();
        ObjectMapper mapper = EventJson.mapper();
        try (Stream<Path> files = Files.list(dir.resolve("zip"))) {
            for (Path zip : files.filter(p -> p.toString().endsWith(".zip")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
                    ZipEntry entry;
                    while ((entry = z.getNextEntry()) != null && out.size() < max) {
                        if (!entry.getName().endsWith(".json")) {
                            continue;
                        }
                        JsonParser p = mapper.getFactory().createParser(z);
                        p.disable(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE);
                        if (p.nextToken() != JsonToken.START_ARRAY) {
                            continue;
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT && out.size() < max) {
                            JsonNode n = mapper.readTree(p);
                            add(out, "ar", n.path("title").asText(""), n.path("content").asText(""));
                        }
                    }
                }
                if (out.size() >= max) {
                    break;
                }
            }
        }
        return out;
    }

    private static void add(List<Item> out, String language, String title, String body) {
        if (!title.isBlank() && !body.isBlank() && title.length() <= 2000) {
            out.add(new Item(language, title.strip(), body));
        }
    }
}
