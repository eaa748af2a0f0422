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
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Posts a user's files to ingest-service: plain text (title on line 1), JSON (one article), NDJSON/JSONL (one article a
 * line, sent in requests of at most {@link #MAX_ARTICLES_PER_REQUEST} lines) and HTML pages (ingest extracts the main
 * content, headline and metadata). Folders are read recursively. A 503 (the pipeline is waiting for its broker or
 * database) or 429 is retried after its {@code Retry-After}, a refused connection after a growing pause, up to
 * {@code maxAttempts} tries; other answers are final.
 */
public final class ArticleFiles {
    /** ingest-service's default {@code khabar.ingest.max-articles-per-request}. */
    public static final int MAX_ARTICLES_PER_REQUEST = 1000;
    /** A request body above this is split even when it has fewer lines (the service takes at most 64 MiB). */
    static final int MAX_REQUEST_CHARS = 32 * 1024 * 1024;
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String apiKey;
    private final int chunkLines;
    private final int maxAttempts;
    private final Consumer<String> progress;

    /** Posts without a key, or with {@code KHABAR_INGEST_API_KEY} when it is set (the services see it too). */
    public ArticleFiles(String ingestBaseUrl) {
        this(ingestBaseUrl, System.getenv("KHABAR_INGEST_API_KEY"));
    }

    /** @param apiKey ingest-service's write key, sent as {@code Authorization: Bearer}; null or blank for none */
    public ArticleFiles(String ingestBaseUrl, String apiKey) {
        this(ingestBaseUrl, apiKey, MAX_ARTICLES_PER_REQUEST, 8, line -> { });
    }

    /**
     * @param chunkLines  at most this many NDJSON lines a request (1 to {@link #MAX_ARTICLES_PER_REQUEST})
     * @param maxAttempts tries per request when the service answers 503/429 or cannot be reached (at least 1)
     * @param progress    receives one line per request sent
     */
    public ArticleFiles(String ingestBaseUrl, String apiKey, int chunkLines, int maxAttempts, Consumer<String> progress) {
        if (chunkLines < 1 || chunkLines > MAX_ARTICLES_PER_REQUEST) {
            throw new IllegalArgumentException("chunk must be 1-" + MAX_ARTICLES_PER_REQUEST + " lines, was "
                    + chunkLines);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + maxAttempts);
        }
        this.ingestUrl = ingestBaseUrl.replaceAll("/+$", "") + "/articles";
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.chunkLines = chunkLines;
        this.maxAttempts = maxAttempts;
        this.progress = progress;
    }

    /**
     * One posted file: the ids of its accepted articles, and the first error the service gave (null when every
     * request was accepted). {@code status} is 202 when all were accepted, else the first refusal's status (0: the
     * service could not be reached).
     */
    public record Result(Path file, int status, List<String> ids, String error) {
    }

    /** Every file of the paths (folders recursively, in name order). */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    public List<Result> post(List<Path> paths) throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        for (Path f : files(paths)) {
            results.add(postFile(f));
        }
        return results;
    }

    public Result postFile(Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String source = "local-files";
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return postLines(file, content);
        }
        String body;
        if (name.endsWith(".json")) {
            body = content;
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            body = json(source, null, content); // ingest takes the headline, authors and dates from the page itself
        } else {
            String[] lines = content.split("\\R", 2);
            body = json(source, lines[0].strip(), lines.length > 1 ? lines[1] : "");
        }
        Answer a = send(body, "application/json");
        progress.accept(file.getFileName() + ": " + a.describe());
        return new Result(file, a.status, a.ids, a.error);
    }

    /** An NDJSON file, in requests of at most {@code chunkLines} non-blank lines. */
    private Result postLines(Path file, String content) throws IOException, InterruptedException {
        List<String> lines = content.lines().filter(l -> !l.isBlank()).toList();
        List<String> ids = new ArrayList<>();
        int status = 202;
        String error = null;
        int from = 0;
        while (from < lines.size()) {
            int to = from;
            long chars = 0;
            StringBuilder body = new StringBuilder();
            while (to < lines.size() && to - from < chunkLines
                    && (to == from || chars + lines.get(to).length() + 1 <= MAX_REQUEST_CHARS)) {
                body.append(lines.get(to)).append('\n');
                chars += lines.get(to).length() + 1;
                to++;
            }
            Answer a = send(body.toString(), "application/x-ndjson");
            progress.accept(String.format(Locale.ROOT, "%s: articles %d-%d of %d: %s", file.getFileName(), from + 1,
                    to, lines.size(), a.describe()));
            ids.addAll(a.ids);
            if (a.status != 202 && error == null) {
                status = a.status;
                error = "articles " + (from + 1) + "-" + to + ": " + a.error;
            }
            from = to;
        }
        return new Result(file, status, List.copyOf(ids), error);
    }

    private record Answer(int status, List<String> ids, String error, int attempts) {
        String describe() {
            String tries = attempts > 1 ? " after " + attempts + " tries" : "";
            return status == 202 ? ids.size() + " accepted" + tries
                    : status == 0 ? "not sent" + tries + ": " + error : "HTTP " + status + tries + ": " + error;
        }
    }

    private Answer send(String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingestUrl))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpRequest built = request.build();
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r;
            try {
                r = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    return new Answer(0, List.of(), "cannot reach " + ingestUrl + ": " + e, attempt);
                }
                progress.accept("cannot reach " + ingestUrl + " (" + e.getClass().getSimpleName() + "), trying again in "
                        + backoff.toSeconds() + " s");
                Thread.sleep(backoff.toMillis());
                backoff = min(backoff.multipliedBy(2), LONGEST_PAUSE);
                continue;
            }
            int status = r.statusCode();
            if ((status == 503 || status == 429) && attempt < maxAttempts) {
                Duration wait = retryAfter(r.headers().firstValue("Retry-After").orElse(null), backoff, Instant.now());
                progress.accept("HTTP " + status + " (" + problemDetail(r.body()) + "), trying again in "
                        + wait.toMillis() / 1000.0 + " s");
                Thread.sleep(wait.toMillis());
                backoff = min(backoff.multipliedBy(2), LONGEST_PAUSE);
                continue;
            }
            if (status == 202) {
                JsonNode ids = EventJson.mapper().readTree(r.body()).get("ids");
                List<String> out = new ArrayList<>();
                if (ids != null) {
                    ids.forEach(id -> out.add(id.asText()));
                }
                return new Answer(status, List.copyOf(out), null, attempt);
            }
            return new Answer(status, List.of(), problemDetail(r.body()), attempt);
        }
    }

    /**
     * How long a {@code Retry-After} asks to wait: delay-seconds or an HTTP date; {@code otherwise} when absent or
     * unreadable; never more than {@link #LONGEST_PAUSE}, never negative.
     */
    static Duration retryAfter(String header, Duration otherwise, Instant now) {
        Duration wait = otherwise;
        if (header != null && !header.isBlank()) {
            String h = header.strip();
            try {
                wait = Duration.ofSeconds(Long.parseLong(h));
            } catch (NumberFormatException notSeconds) {
                try {
                    wait = Duration.between(now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant());
                } catch (DateTimeParseException notADate) {
                    wait = otherwise;
                }
            }
        }
        return wait.isNegative() ? Duration.ZERO : min(wait, LONGEST_PAUSE);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A problem+json's detail (or title), else the body's first line. */
    private static String problemDetail(String body) {
        try {
            JsonNode p = EventJson.mapper().readTree(body);
            if (p != null && p.isObject()) {
                String detail = p.path("detail").asText(p.path("title").asText(""));
                if (!detail.isBlank()) {
                    return detail;
                }
            }
        } catch (IOException notJson) {
            // fall through: the body as it is
        }
        return EventJson.firstLine(body);
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
