package io.khabar.local;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code khabar post} against an ingest door on loopback that answers as ingest-service does (202 with ids, 503 with
 * {@code Retry-After}, 400 problem+json): NDJSON in requests of at most 1,000 lines, retries, progress, exit codes.
 */
class ArticleFilesTest {
    private HttpServer server;
    private String url;
    private final List<Integer> linesPerRequest = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final AtomicInteger served = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeEach
    void door() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/articles", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer status = script.poll();
            int code = status == null ? 202 : status;
            String answer;
            if (code == 202) {
                List<String> lines = body.lines().filter(l -> !l.isBlank()).toList();
                linesPerRequest.add(lines.size());
                int first = served.getAndAdd(lines.size());
                answer = "{\"ids\":[" + String.join(",", IntStream.range(first, first + lines.size())
                        .mapToObj(i -> "\"a" + i + "\"").toList()) + "]}";
            } else {
                if (code == 503) {
                    exchange.getResponseHeaders().add("Retry-After", "0");
                }
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                answer = "{\"status\":" + code + ",\"title\":\"t\",\"detail\":\"said " + code + "\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void close() {
        server.stop(0);
    }

    private Path ndjson(int lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append("{\"source\":\"t\",\"title\":\"n").append(i).append("\",\"body\":\"b\"}\n");
            if (i % 100 == 0) {
                b.append('\n'); // blank lines are skipped
            }
        }
        return Files.writeString(dir.resolve("many.ndjson"), b.toString());
    }

    @Test
    void aLargeNdjsonFileGoesInRequestsOfAtMostAThousandLines() throws Exception {
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        ArticleFiles.Result r = new ArticleFiles(url, null, 1000, 3, progress::add).postFile(ndjson(2500));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.ids()).hasSize(2500).startsWith("a0").endsWith("a2499");
        assertThat(linesPerRequest).containsExactly(1000, 1000, 500);
        assertThat(progress).containsExactly("many.ndjson: articles 1-1000 of 2500: 1000 accepted",
                "many.ndjson: articles 1001-2000 of 2500: 1000 accepted",
                "many.ndjson: articles 2001-2500 of 2500: 500 accepted");
    }

    @Test
    void a503IsRetriedAfterItsRetryAfterAndNothingIsLost() throws Exception {
        script.add(503);
        script.add(503);
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        ArticleFiles.Result r = new ArticleFiles(url, null, 400, 5, progress::add).postFile(ndjson(1000));
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.ids()).hasSize(1000).doesNotHaveDuplicates();
        assertThat(linesPerRequest).containsExactly(400, 400, 200);
        assertThat(progress).filteredOn(l -> l.startsWith("HTTP 503 (said 503), trying again in 0.0 s")).hasSize(2);
        assertThat(progress).contains("many.ndjson: articles 1-400 of 1000: 400 accepted after 3 tries");
    }

    @Test
    void aRefusalIsReportedWithTheServicesReasonAndTheLinesItConcerns() throws Exception {
        script.add(202);
        script.add(400);
        ArticleFiles.Result r = new ArticleFiles(url, null, 2, 2, line -> { }).postFile(ndjson(5));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("articles 3-4: said 400");
        assertThat(r.ids()).hasSize(3); // lines 1-2 and 5 were accepted
    }

    @Test
    void retryAfterIsReadAsSecondsOrADateAndBounded() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        Duration otherwise = Duration.ofSeconds(2);
        assertThat(ArticleFiles.retryAfter("7", otherwise, now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(ArticleFiles.retryAfter("Sat, 05 Dec 2026 10:00:30 GMT", otherwise, now))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(ArticleFiles.retryAfter("soon", otherwise, now)).isEqualTo(otherwise);
        assertThat(ArticleFiles.retryAfter(null, otherwise, now)).isEqualTo(otherwise);
        assertThat(ArticleFiles.retryAfter("86400", otherwise, now)).isEqualTo(ArticleFiles.LONGEST_PAUSE);
        assertThat(ArticleFiles.retryAfter("Sat, 05 Dec 2026 09:00:00 GMT", otherwise, now)).isZero();
    }

    @Test
    void theCommandLineHelpsAndRefusesBadOptionsInOneLine() throws Exception {
        Run help = run("post", "--help");
        assertThat(help.code).isZero();
        assertThat(help.out).contains("Usage: khabar post", "--url", "--chunk", "Retry-After");
        Run top = run("--help");
        assertThat(top.code).isZero();
        assertThat(top.out).contains("run", "post", "replay-dead-letters");

        Run chunk = run("post", "--chunk", "5000", "--url", url, ndjson(3).toString());
        assertThat(chunk.code).isEqualTo(2);
        assertThat(chunk.err).startsWith("--chunk must be 1-1000, was 5000");
        Run missing = run("post");
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).contains("Missing required parameter: 'FILE|FOLDER'");
        Run unknown = run("post", "--what", "x");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).startsWith("Unknown option: '--what'");
        Run nothing = run("post", "--url", url, dir.resolve("absent.json").toString());
        assertThat(nothing.code).isEqualTo(1);
        assertThat(nothing.err.strip()).startsWith("post: no such file or folder").doesNotContain("\tat ");

        Run posted = run("post", "--url", url, ndjson(1500).toString());
        assertThat(posted.code).isZero();
        assertThat(posted.out).contains("articles 1001-1500 of 1500: 500 accepted")
                .contains("1 files, 1500 articles accepted, 0 files with refusals");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Khabar.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
