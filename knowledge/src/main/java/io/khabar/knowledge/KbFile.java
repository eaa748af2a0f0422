package io.khabar.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The knowledge-base file format (see {@code knowledge/README.md}): gzipped UTF-8, tab-separated, one record a line.
 * The first line is {@code khabar-kb<TAB>1} (magic and format version); lines starting with {@code #} are comments;
 * {@code entity} lines carry the fields of {@link KbEntity} in order, {@code nisba} lines map a demonym to an entity
 * id. Empty fields are null (0 for population); list fields are joined with {@code |}. Tabs, line breaks and
 * {@code |} are not allowed inside values: the writer rejects them, so producers clean names first
 * ({@link Names#clean}).
 * <p>
 * The writing side is public for the tools that produce such files ({@code io.khabar.bench.kb}: the compiler of the
 * default and the Wikidata importer); reading goes through {@link KnowledgeBase#load(java.util.List)} and
 * {@link KnowledgeBase#read}.
 */
public final class KbFile {
    static final String MAGIC = "khabar-kb";
    static final int VERSION = 1;
    static final String ENTITY = "entity";
    static final String NISBA = "nisba";
    static final String COLUMNS = "#record\tid\ttype\tkind\tname_en\tname_ar\taliases\tshort_names\tqid\tlat\tlon"
            + "\tcountry_code\tgeonames_id\tpopulation\tprior";

    private KbFile() {
    }

    /** What one file holds: entities in file order and demonyms (form as written, entity id). */
    record Contents(List<KbEntity> entities, Map<String, String> nisba) {
    }

    /** Writes a whole file (gzipped). */
    public static void write(OutputStream out, Iterable<KbEntity> entities, Map<String, String> nisba) {
        try (Out w = new Out(out)) {
            for (KbEntity e : entities) {
                w.entity(e);
            }
            for (Map.Entry<String, String> n : nisba.entrySet()) {
                w.nisba(n.getKey(), n.getValue());
            }
        }
    }

    /** Writes a file one record at a time, for producers that stream (the Wikidata importer). */
    public static final class Out implements AutoCloseable {
        private final Writer w;

        /** Starts a gzipped file on {@code out} (closed with this writer) and writes its header lines. */
        public Out(OutputStream out) {
            try {
                w = new OutputStreamWriter(new GZIPOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
                w.write(MAGIC + "\t" + VERSION + "\n");
                w.write(COLUMNS + "\n");
                w.write("#nisba\tform\tentity_id\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** One {@code entity} line; throws if a value holds a tab, a line break or {@code |}. */
        public void entity(KbEntity e) {
            try {
                w.write(line(e));
                w.write('\n');
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** One {@code nisba} line: a demonym as written and the id of its country or region. */
        public void nisba(String form, String entityId) {
            try {
                w.write(NISBA + "\t" + value(form) + "\t" + value(entityId) + "\n");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        @Override
        public void close() {
            try {
                w.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One entity line, without the line break. */
    static String line(KbEntity e) {
        StringBuilder b = new StringBuilder(128);
        b.append(ENTITY).append('\t').append(value(e.id()))
                .append('\t').append(e.type().name())
                .append('\t').append(value(e.kind()))
                .append('\t').append(value(e.nameEn()))
                .append('\t').append(value(e.nameAr()))
                .append('\t').append(list(e.aliases()))
                .append('\t').append(list(e.shortNames()))
                .append('\t').append(value(e.qid()))
                .append('\t').append(e.lat() == null ? "" : coordinate(e.lat()))
                .append('\t').append(e.lon() == null ? "" : coordinate(e.lon()))
                .append('\t').append(value(e.countryCode()))
                .append('\t').append(e.geonamesId() == null ? "" : e.geonamesId().toString())
                .append('\t').append(e.population() == 0 ? "" : Long.toString(e.population()))
                .append('\t').append(prior(e.prior()));
        return b.toString();
    }

    /** Reads a whole gzipped file. */
    static Contents read(InputStream gz) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            String header = r.readLine();
            if (header == null || !header.startsWith(MAGIC + "\t")) {
                throw new IllegalArgumentException("not a khabar knowledge-base file (first line: " + header + ")");
            }
            int version = Integer.parseInt(header.substring(MAGIC.length() + 1).strip());
            if (version > VERSION) {
                throw new IllegalArgumentException("knowledge-base format " + version + " is newer than " + VERSION);
            }
            List<KbEntity> entities = new ArrayList<>(1 << 16);
            Map<String, String> nisba = new LinkedHashMap<>();
            String[] cols = new String[16];
            int lineNo = 1;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                int n = split(line, '\t', cols);
                if (ENTITY.equals(cols[0])) {
                    if (n != 15) {
                        throw new IllegalArgumentException("line " + lineNo + ": " + n + " fields, expected 15");
                    }
                    entities.add(entity(cols));
                } else if (NISBA.equals(cols[0]) && n == 3) {
                    nisba.put(cols[1], cols[2]);
                } else {
                    throw new IllegalArgumentException("line " + lineNo + ": unknown record " + cols[0]);
                }
            }
            return new Contents(entities, nisba);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entity line; an alias equal to a canonical name, and a QID equal to the id, share that string. */
    private static KbEntity entity(String[] c) {
        String id = c[1];
        String nameEn = emptyToNull(c[4]);
        String nameAr = emptyToNull(c[5]);
        return new KbEntity(id, EntityType.valueOf(c[2]), c[3].intern(), nameEn, nameAr,
                items(c[6], nameEn, nameAr), items(c[7], null, null), c[8].equals(id) ? id : emptyToNull(c[8]),
                c[9].isEmpty() ? null : Double.valueOf(c[9]), c[10].isEmpty() ? null : Double.valueOf(c[10]),
                c[11].isEmpty() ? null : c[11].intern(), c[12].isEmpty() ? null : Long.valueOf(c[12]),
                c[13].isEmpty() ? 0 : Long.parseLong(c[13]), Double.parseDouble(c[14]));
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** The '|'-separated items of {@code s}; one equal to {@code same1} or {@code same2} is that string. */
    private static List<String> items(String s, String same1, String same2) {
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = s.indexOf('|'); ; i = s.indexOf('|', start)) {
            String item = s.substring(start, i < 0 ? s.length() : i);
            out.add(item.equals(same1) ? same1 : item.equals(same2) ? same2 : item);
            if (i < 0) {
                break;
            }
            start = i + 1;
        }
        return out;
    }

    /** Splits on {@code sep} into {@code out} (fields past its length are dropped); returns the field count. */
    private static int split(String line, char sep, String[] out) {
        int n = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == sep) {
                if (n < out.length) {
                    out[n] = line.substring(start, i);
                }
                n++;
                start = i + 1;
            }
        }
        return n;
    }

    private static String list(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            if (b.length() > 0) {
                b.append('|');
            }
            b.append(value(v));
        }
        return b.toString();
    }

    private static String value(String v) {
        if (v == null) {
            return "";
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '|') {
                throw new IllegalArgumentException("tab, line break or | inside a knowledge-base value: " + v);
            }
        }
        return v;
    }

    private static String coordinate(double d) {
        return trim(String.format(Locale.ROOT, "%.5f", d));
    }

    private static String prior(double d) {
        return trim(String.format(Locale.ROOT, "%.3f", d));
    }

    private static String trim(String s) {
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
