package io.khabar.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Headless Chromium for browser tests: Debian's {@code chromium} (installed with apt-get when missing and running as
 * root; the browser cannot be downloaded from the internet here) driven by {@code playwright-core} from npm, installed
 * into {@code target/browser-test}. Install output goes to {@code target/browser-test/install.log}.
 */
final class BrowserTools {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path TOOLS = Path.of("target", "browser-test").toAbsolutePath();

    private BrowserTools() {
    }

    /** Why a browser test cannot run here, after trying to install what is missing; null when it can. */
    static String unavailable() throws InterruptedException {
        if (run(30, "node", "--version") != 0) {
            return "node is not installed";
        }
        if (!chromium()) {
            return CHROMIUM + " is missing and `apt-get install chromium` failed or is not allowed (see " + TOOLS
                    + "/install.log)";
        }
        if (!playwrightCore()) {
            return "`npm install playwright-core@1` failed (see " + TOOLS + "/install.log)";
        }
        return null;
    }

    /** What a browser script printed, and how it ended. */
    record Outcome(boolean finished, int exitCode, String output) {
    }

    /**
     * Runs a node script. A line {@code @@send <what>} asks the test to act: the answer of {@code onSend} is written
     * back as one line on the script's standard input.
     */
    static Outcome runScript(Path script, List<String> args, Map<String, String> env, Function<String, String> onSend,
                             long timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("KHABAR_BROWSER_TOOLS", TOOLS.toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 OutputStream answers = process.getOutputStream()) {
                for (String line; (line = lines.readLine()) != null; ) {
                    System.out.println("[browser] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("@@send ")) {
                        String answer;
                        try {
                            answer = onSend.apply(line.substring(7));
                        } catch (RuntimeException e) {
                            answer = "ERROR " + e.getMessage();
                        }
                        answers.write((answer.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
                        answers.flush();
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "browser-output");
        reader.start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        reader.join(5_000);
        synchronized (output) {
            return new Outcome(finished, finished ? process.exitValue() : -1, output.toString());
        }
    }

    /** Debian's chromium: there already, or installed with apt-get when running as root. */
    private static boolean chromium() throws InterruptedException {
        if (Files.isExecutable(CHROMIUM)) {
            return true;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            log("not root: cannot apt-get install chromium");
            return false;
        }
        String[] install = {"apt-get", "install", "-y", "--no-install-recommends", "chromium", "fonts-dejavu-core"};
        if (run(900, install) != 0) {
            run(300, "apt-get", "update");
            run(900, install);
        }
        return Files.isExecutable(CHROMIUM);
    }

    /** playwright-core from npm into target/browser-test (once per clean build). */
    private static boolean playwrightCore() throws InterruptedException {
        Path installed = TOOLS.resolve("node_modules/playwright-core/package.json");
        if (Files.exists(installed)) {
            return true;
        }
        run(300, "npm", "install", "--prefix", TOOLS.toString(), "--no-audit", "--no-fund", "playwright-core@1");
        return Files.exists(installed);
    }

    private static void log(String line) {
        try {
            Files.createDirectories(TOOLS);
            Files.writeString(TOOLS.resolve("install.log"), line + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a courtesy
        }
    }

    /** Runs a command, its output appended to the install log; its exit code, -1 if it cannot run. */
    private static int run(long timeoutSeconds, String... command) throws InterruptedException {
        try {
            Files.createDirectories(TOOLS);
            log("$ " + String.join(" ", command));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(TOOLS.resolve("install.log").toFile()));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
