package io.khabar.bench;

import io.khabar.bench.cli.Tools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in for a newsroom's Wikidata extract of a given size, for the memory table of {@code knowledge/README.md}:
 * the shipped knowledge base's entities, copied with fresh ids ({@code Q900000000+n}) and their names numbered so that
 * every copy is a distinct entry with names of the real lengths and scripts. Not for linking: for measuring.
 * <pre>
 * ./khabar synthetic-kb N OUT.tsv.gz     then   ./khabar entity-footprint OUT.tsv.gz
 * </pre>
 */
@Command(name = "synthetic-kb", mixinStandardHelpOptions = true,
        description = {"Writes a stand-in for a newsroom's Wikidata extract of N entities: the shipped knowledge base's"
                + " entities, copied with fresh ids (Q900000000+n) and numbered names. For measuring memory"
                + " (./khabar entity-footprint OUT), not for linking."})
public final class SyntheticKnowledgeBase implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "N", converter = Tools.Count.class,
            description = "entities to write (100000, 100_000 and 100,000 alike)")
    int n;

    @Parameters(index = "1", paramLabel = "OUT", description = "the knowledge-base file written (.tsv.gz), created"
            + " with its folders")
    Path out;

    private SyntheticKnowledgeBase() {
    }

    public static void main(String[] args) {
        Tools.run(new SyntheticKnowledgeBase(), args);
    }

    @Override
    public Integer call() throws IOException {
        Tools.writableFile(out);
        List<String[]> entities = new ArrayList<>();
        try (InputStream in = SyntheticKnowledgeBase.class.getResourceAsStream("/io/khabar/knowledge/kb.tsv.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                     StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("entity\t")) {
                    entities.add(line.split("\t", -1));
                }
            }
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)),
                StandardCharsets.UTF_8))) {
            w.write("khabar-kb\t1\n");
            for (int i = 0; i < n; i++) {
                String[] f = entities.get(i % entities.size()).clone();
                String tag = " " + (i / entities.size() + 2);
                f[1] = "Q" + (900_000_000 + i);
                for (int k : new int[]{4, 5}) {
                    f[k] = f[k].isEmpty() ? f[k] : f[k] + tag;
                }
                f[6] = number(f[6], tag);
                f[7] = number(f[7], tag);
                f[8] = f[1];
                w.write(String.join("\t", f));
                w.write('\n');
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %,d entities, %,d bytes%n", out, n, Files.size(out));
        return 0;
    }

    private static String number(String names, String tag) {
        if (names.isEmpty()) {
            return names;
        }
        StringBuilder sb = new StringBuilder();
        for (String name : names.split("\\|")) {
            sb.append(sb.isEmpty() ? "" : "|").append(name).append(tag);
        }
        return sb.toString();
    }
}
