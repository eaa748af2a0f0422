package io.khabar.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.khabar.events.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Posts a user's files to ingest-service: plain text (title on line 1), JSON (one article), NDJSON/JSONL (one article a
 * line) and HTML pages (ingest extracts the main content, headline and metadata). Folders are read recursively.
 */
public final class ArticleFiles {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String apiKey;

    /** Posts without a key, or with {@code KHABAR_INGEST_API_KEY} when it is set (the services see it too). */
    public ArticleFiles(String ingestBaseUrl) {
        this(ingestBaseUrl, System.getenv("KHABAR_INGEST_API_KEY"));
    }

    /** @param apiKey ingest-service's write key, sent as {@code Authorization: Bearer}; null or blank for none */
    public ArticleFiles(String ingestBaseUrl, String apiKey) {
        this.ingestUrl = ingestBaseUrl + "/articles";
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** One posted file: its ids, or the error the service gave. */
    public record Result(Path file, int status, List<String> ids, String error) {
    }

    public List<Result> post(List<Path> paths) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        for (Path p : paths) {
            List<Path> files;
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(p);
            }
            for (Path f : files) {
                results.add(postFile(f));
            }
        }
        return results;
    }

    public Result postFile(Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String source = "local-files";
        String contentType = "application/json";
        String body;
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            contentType = "application/x-ndjson";
            body = content;
        } else if (name.endsWith(".json")) {
            body = content;
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            body = json(source, null, content); // ingest takes the headline, authors and dates from the page itself
        } else {
            String[] lines = content.split("\\R", 2);
            body = json(source, lines[0].strip(), lines.length > 1 ? lines[1] : "");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingestUrl))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 202) {
            JsonNode ids = EventJson.mapper().readTree(r.body()).get("ids");
            List<String> out = new ArrayList<>();
            ids.forEach(id -> out.add(id.asText()));
            return new Result(file, r.statusCode(), out, null);
        }
        return new Result(file, r.statusCode(), List.of(), r.body());
    }

    private static String json(String source, String title, String body) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("source", source);
        if (title != null) {
            article.put("title", title);
        }
        article.put("body", body);
        return EventJson.toJson(article);
    }
}
