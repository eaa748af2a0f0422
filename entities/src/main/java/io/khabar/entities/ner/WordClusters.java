package io.khabar.entities.ner;

import io.khabar.text.StringIntTable;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Word clusters learned from unlabeled news: words used in the same contexts share a cluster, at two grains (a
 * coarse cluster and a fine one inside it). They let the recognizer generalise from the names it was trained on to
 * names it never saw in the same roles (a city's name in a dateline, a surname before "said"). Keys are the words'
 * stem keys ({@link WordKeys}), so case (all-capital headlines) and Arabic proclitics do not matter.
 * <p>
 * Built by {@code entities/scripts/build-word-clusters} (class {@code io.khabar.bench.train.BuildWordClusters});
 * file: gzipped UTF-8 lines {@code word<TAB>coarse<TAB>fine}.
 */
public final class WordClusters {
    public static final WordClusters NONE = new WordClusters(Map.of());
    private final StringIntTable ids;

    private WordClusters(Map<String, Integer> ids) {
        this.ids = StringIntTable.of(ids);
    }

    /** Coarse cluster in the high 16 bits, fine cluster (within the coarse one) in the low 16; -1 when unknown. */
    public int of(String key) {
        return ids.get(key, -1);
    }

    public int size() {
        return ids.size();
    }

    /** Reads a clusters file (gzipped TSV, as written by the build script). */
    public static WordClusters read(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, Integer> ids = new HashMap<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    ids.put(f[0], Integer.parseInt(f[1]) << 16 | Integer.parseInt(f[2]));
                }
            }
            return new WordClusters(ids);
        }
    }

    void write(DataOutputStream out) throws IOException {
        Map<String, Integer> sorted = new java.util.TreeMap<>();
        ids.forEach(sorted::put);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Integer> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    static WordClusters read(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Integer> ids = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String w = in.readUTF();
            ids.put(w, in.readInt());
        }
        return new WordClusters(ids);
    }
}
