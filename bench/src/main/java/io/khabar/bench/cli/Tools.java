package io.khabar.bench.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line every tool of bench shares, the same as {@code ./khabar run|post|replay-dead-letters}
 * ({@code io.khabar.local.Khabar}): picocli, {@code --help} and {@code --version} on every tool; a wrong option or
 * value prints the message and the usage, exit code 2; a failure prints one line, {@code <tool>: <message>}, exit
 * code 1, never a stack trace. A tool's {@code main} is {@code Tools.run(new Tool(), args)}.
 */
public final class Tools {
    /** What {@code --version} prints. */
    public static final String VERSION = "khabar 0.1.0";
    /** Columns of {@code --help}: wide enough that paths and defaults are not cut. */
    static final int USAGE_WIDTH = 100;

    private Tools() {
    }

    /**
     * Runs {@code command} (an instance, or a class picocli can instantiate) on {@code args} and exits the JVM with its exit
     * code: 0 done, 1 failed (one line), 2 wrong options (the message and the usage).
     */
    public static void run(Object command, String... args) {
        System.exit(execute(command, args));
    }

    /** Runs {@code command} on {@code args} and returns the exit code, without exiting. */
    public static int execute(Object command, String... args) {
        return commandLine(command).execute(args);
    }

    /** The command line of {@code command} with the tools' error handling. */
    public static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        cli.setUsageHelpWidth(USAGE_WIDTH);
        if (cli.getCommandSpec().version().length == 0) {
            cli.getCommandSpec().version(VERSION);
        }
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": " + message(e));
            line.getErr().flush();
            return 1;
        });
        return cli;
    }

    /**
     * Parses {@code args} into {@code command}'s fields without running it (for tools whose options are also built
     * in code); a wrong option is a {@link CommandLine.ParameterException}.
     */
    public static <T> T parse(T command, String... args) {
        commandLine(command).parseArgs(args);
        return command;
    }

    /** A failure of a tool: its message is the one line the user sees. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    /** One line for a failure: what the user needs, no class names unless nothing better is known. */
    public static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof FileSystemException f && f.getFile() != null) {
            return reason(f) + ": " + f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            StackTraceElement[] trace = t.getStackTrace();
            return t.getClass().getName() + (trace.length > 0 ? " at " + trace[0] : "");
        }
        return m.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Why a file operation failed, in words ({@code no such file or folder}, {@code permission denied}...). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "folder not empty";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason().strip() : f.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Makes sure {@code file} can be written: creates the folders it goes in, and fails with one line when it cannot,
     * or when the file is a folder or not writable. Returns the file. For reports, checked before a long run.
     */
    public static Path writableFile(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new Failure("cannot write " + file + ": cannot create folder " + parent + " ("
                    + (e instanceof FileAlreadyExistsException ? "a file is in the way" : reason(e)) + ")");
        }
        if (Files.isDirectory(file)) {
            throw new Failure("cannot write " + file + ": it is a folder");
        }
        if (Files.exists(file) ? !Files.isWritable(file) : parent != null && !Files.isWritable(parent)) {
            throw new Failure("cannot write " + file + ": permission denied");
        }
        return file;
    }

    /** Creates {@code dir} and the folders above it, or fails with one line. Returns the folder. */
    public static Path writableFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Failure("cannot create folder " + dir + ": "
                    + (e instanceof FileAlreadyExistsException ? "a file is in the way" : reason(e)));
        }
        if (!Files.isWritable(dir)) {
            throw new Failure("cannot write in " + dir + ": permission denied");
        }
        return dir;
    }

    /** Appends {@code text} (UTF-8) to {@code file}, creating it and its folders; one line when it cannot. */
    public static void append(Path file, String text) {
        writableFile(file);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new Failure("cannot write " + file + ": " + reason(e));
        }
    }

    /** The existing folder {@code dir}, or a failure naming what was looked for: {@code no WHAT under DIR; HINT}. */
    public static Path requireFolder(Path dir, String what, String hint) {
        if (!Files.isDirectory(dir)) {
            throw new Failure("no " + what + " under " + dir.toAbsolutePath().normalize() + "; " + hint);
        }
        return dir;
    }

    // ------------------------------------------------------------------------------------------- option values

    /** The languages of the NER corpora and models ({@code --language ar|en}). */
    public enum Language { ar, en }

    /** A corpus split a tool reads ({@code --split dev|train}); the test splits are held back. */
    public enum Split { dev, train }

    /** A whole number above zero. */
    public static final class PositiveInt implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String s) {
            try {
                int v = Integer.parseInt(s.strip().replace("_", "").replace(",", ""));
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new CommandLine.TypeConversionException("needs a positive whole number, not " + s);
        }
    }

    /** A whole number, zero or more; {@code 1_000} and {@code 1,000} are read as 1000. */
    public static final class Count implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String s) {
            try {
                int v = Integer.parseInt(s.strip().replace("_", "").replace(",", ""));
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new CommandLine.TypeConversionException("needs a whole number, 0 or more, not " + s);
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT10S}). */
    public static Duration duration(String v) {
        Matcher m = DURATION.matcher(v.strip());
        if (!m.matches()) {
            return Duration.parse(v.strip());
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** A duration as {@link #duration(String)} reads it. */
    public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String s) {
            try {
                return duration(s);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not a duration (500ms, 10s, 2m, 1h or PT10S): " + s);
            }
        }
    }
}
