package io.khabar.bench.cli;

import io.khabar.bench.SyntheticKnowledgeBase;
import io.khabar.bench.QueryBenchmark;
import io.khabar.bench.eval.EntityEval;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool of bench has the same command line (issue #17): {@code --help} prints the usage, exit code 0; an unknown
 * option is named, with the usage, exit code 2; a failure is one line {@code <tool>: <message>}, exit code 1, never a
 * stack trace; a report goes to a new folder as well as to an existing one. The tools are found by their
 * {@code main}, so a new tool that parses its own arguments fails here.
 */
class ToolsCommandLineTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(Object command, String... args) {
        CommandLine cli = Tools.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Every class of bench with a {@code public static void main(String[])}, and its picocli command class. */
    static Map<String, Class<?>> tools() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Tools.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("jmh_generated"))
                    .forEach(f -> names.add(classes.relativize(f).toString().replace(".class", "")
                            .replace(f.getFileSystem().getSeparator(), ".")));
        }
        Map<String, Class<?>> tools = new TreeMap<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, ToolsCommandLineTest.class.getClassLoader());
            if (hasMain(c)) {
                tools.put(c.getName(), commandOf(c));
            }
        }
        return tools;
    }

    private static boolean hasMain(Class<?> c) {
        try {
            Method m = c.getDeclaredMethod("main", String[].class);
            return Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The tool class itself when it is the command, else its nested command class; null when it has none. */
    private static Class<?> commandOf(Class<?> tool) {
        if (tool.isAnnotationPresent(CommandLine.Command.class)) {
            return tool;
        }
        return Arrays.stream(tool.getDeclaredClasses()).filter(c -> c.isAnnotationPresent(CommandLine.Command.class))
                .findFirst().orElse(null);
    }

    @Test
    void everyToolMainIsAPicocliCommand() throws Exception {
        Map<String, Class<?>> tools = tools();
        assertThat(tools).hasSizeGreaterThanOrEqualTo(18).containsKeys("io.khabar.bench.Benchmark",
                "io.khabar.bench.QueryBenchmark", "io.khabar.bench.eval.EntityEval", "io.khabar.bench.kb.WikidataImporter");
        tools.forEach((tool, command) -> assertThat(command).as("the picocli command of %s", tool).isNotNull());
    }

    @TestFactory
    Stream<DynamicTest> everyToolHasHelpVersionAndRefusesAnUnknownOption() throws Exception {
        return tools().entrySet().stream().filter(e -> e.getValue() != null).map(e -> DynamicTest.dynamicTest(
                e.getKey(), () -> {
                    Class<?> command = e.getValue();
                    Run help = run(command, "--help");
                    assertThat(help.code()).as(e.getKey() + " --help").isZero();
                    assertThat(help.out()).startsWith("Usage: ").contains("-h, --help").contains("-V, --version");
                    assertThat(help.err()).isEmpty();

                    Run version = run(command, "--version");
                    assertThat(version.code()).isZero();
                    assertThat(version.out()).isEqualTo(Tools.VERSION + System.lineSeparator());

                    // with what the tool requires, so that the unknown option is what is wrong
                    List<String> args = new ArrayList<>(List.of("--no-such-option"));
                    args.addAll(required(command));
                    Run unknown = run(command, args.toArray(String[]::new));
                    assertThat(unknown.code()).as(e.getKey() + " " + args).isEqualTo(2);
                    assertThat(unknown.err()).startsWith("Unknown option: '--no-such-option'")
                            .containsAnyOf("Usage: ", "Possible solutions: ")
                            .doesNotContain("Exception").doesNotContain("\tat ");
                    assertThat(unknown.out()).isEmpty();
                }));
    }

    /** Values for the required options and parameters of {@code command}: the first candidate, else "1". */
    private static List<String> required(Class<?> command) {
        List<String> args = new ArrayList<>();
        for (CommandLine.Model.ArgSpec a : Tools.commandLine(command).getCommandSpec().requiredArgs()) {
            java.util.Iterator<String> candidates = a.completionCandidates() == null ? null
                    : a.completionCandidates().iterator();
            String value = candidates != null && candidates.hasNext() ? candidates.next() : "1";
            if (a instanceof CommandLine.Model.OptionSpec o) {
                args.add(0, value);
                args.add(0, o.longestName());
            } else {
                args.add(value);
            }
        }
        return args;
    }

    @Test
    void evalNerHelpNamesItsOptionsAndDefaults() {
        Run help = run(EntityEval.class, "--help");
        assertThat(help.out()).startsWith("Usage: eval-ner ").contains("[DATA_DIR]").contains("--language=ar|en")
                .contains("--split=dev|train").contains("--holdout").contains("--model=FILE").contains("--errors=N")
                .contains("(default: ../shared/data)");
    }

    @Test
    void evalNerOnTheHeldOutTenthWantsAModelThatDidNotSeeIt() {
        Run r = run(EntityEval.class, "--holdout");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("eval-ner: --holdout scores a model")
                .contains("--model");
    }

    @Test
    void evalNerWithoutItsDataIsOneLineAndNoStackTrace() {
        Path missing = dir.resolve("no-such-data");
        Run r = run(EntityEval.class, missing.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly("eval-ner: no NER corpora under " + missing.resolve("ner")
                + "; pass the shared data folder");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aWrongValueIsNamedWithTheUsageExitCode2() {
        Run r = run(EntityEval.class, "--language", "fr");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Invalid value for option '--language'").contains("ar, en").contains("Usage: ");

        Run n = run(QueryBenchmark.Command.class, "--articles", "0");
        assertThat(n.code()).isEqualTo(2);
        assertThat(n.err()).contains("'--articles'").contains("needs a positive whole number, not 0");

        Run missing = run(SyntheticKnowledgeBase.class, "10");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Missing required parameter: 'OUT'");
    }

    @Test
    void anOutputFileGoesToANewFolder() throws Exception {
        Path out = dir.resolve("new/folder/kb.tsv.gz");
        Run r = run(SyntheticKnowledgeBase.class, "1,000", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(out).isRegularFile();
    }

    @Test
    void aReportThatCannotBeWrittenIsOneLineBeforeAnyWork() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run r = run(QueryBenchmark.Command.class, "--report", file.resolve("report.md").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly("query-bench: cannot write " + file.resolve("report.md")
                + ": cannot create folder " + file + " (a file is in the way)");

        Run folder = run(QueryBenchmark.Command.class, "--report", dir.toString());
        assertThat(folder.code()).isEqualTo(1);
        assertThat(folder.err()).isEqualTo("query-bench: cannot write " + dir + ": it is a folder"
                + System.lineSeparator());
    }

    @Test
    void appendCreatesTheFileAndItsFolders() throws IOException {
        Path report = dir.resolve("docs/new/benchmarks.md");
        Tools.append(report, "one\n");
        Tools.append(report, "two\n");
        assertThat(report).hasContent("one\ntwo");
    }

    @Test
    void failuresReadAsOneLine() {
        assertThat(Tools.message(new NoSuchFileException("/x/y"))).isEqualTo("no such file or folder: /x/y");
        assertThat(Tools.message(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/x"))))
                .isEqualTo("permission denied: /x");
        assertThat(Tools.message(new IllegalStateException("two\n  lines"))).isEqualTo("two lines");
        assertThat(Tools.message(new NullPointerException())).startsWith("java.lang.NullPointerException");
    }
}
