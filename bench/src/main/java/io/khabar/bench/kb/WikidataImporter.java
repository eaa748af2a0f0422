package io.khabar.bench.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khabar.bench.cli.Tools;
import io.khabar.knowledge.EntityType;
import io.khabar.knowledge.KbEntity;
import io.khabar.knowledge.KbFile;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.knowledge.Names;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

/**
 * Turns a Wikidata JSON dump ({@code latest-all.json} or an extract of it in the same shape: one entity a line
 * between {@code [} and {@code ]}, lines ending with a comma; plain or {@code .gz}) into a knowledge-base file that
 * {@link KnowledgeBase#load(List)} adds to the default. It reads the dump one line at a time, so a full dump needs no
 * more memory than one entity.
 * <p>
 * Each item becomes one entity: the QID as id; English and Arabic labels and aliases; the type from "instance of"
 * (P31, see {@link #TYPES}); coordinates (P625), GeoNames id (P1566), population (P1082), and the country (P17, or
 * citizenship P27 for people) as an ISO code through the default knowledge base's countries (P297 for a country
 * itself). The prior grows with the number of Wikipedia articles (sitelinks); countries get 1.0. Items of other types
 * or without an English or Arabic label are skipped and counted; a line that is not valid JSON is counted and
 * reported, and the import goes on.
 * <p>
 * Usage: {@code ./khabar import-wikidata DUMP OUT.tsv.gz} (this class, {@code io.khabar.bench.kb.WikidataImporter}, on
 * the classpath of {@code bench}).
 */
public final class WikidataImporter {
    static final int PROGRESS_EVERY = 100_000;

    /** A P31 class and what it makes of an item. */
    record Kind(EntityType type, String kind) {
    }

    /**
     * P31 classes, in order of precedence (an item that is both a city and a region is a city): humans; countries and
     * sovereign states; cities and other settlements; regions and first-level divisions; other places; organisations.
     */
    static final Map<String, Kind> TYPES = types();

    private static Map<String, Kind> types() {
        Map<String, Kind> m = new LinkedHashMap<>();
        Kind person = new Kind(EntityType.PERSON, "person");
        Kind country = new Kind(EntityType.LOCATION, "country");
        Kind city = new Kind(EntityType.LOCATION, "city");
        Kind region = new Kind(EntityType.LOCATION, "region");
        Kind place = new Kind(EntityType.LOCATION, "place");
        Kind org = new Kind(EntityType.ORGANIZATION, "organization");
        m.put("Q5", person);                 // human
        m.put("Q6256", country);             // country
        m.put("Q3624078", country);          // sovereign state
        m.put("Q515", city);                 // city
        m.put("Q1549591", city);             // big city
        m.put("Q1637706", city);             // city with millions of inhabitants
        m.put("Q200250", city);              // metropolis
        m.put("Q5119", city);                // capital city
        m.put("Q3957", city);                // town
        m.put("Q532", city);                 // village
        m.put("Q486972", city);              // human settlement
        m.put("Q15284", city);               // municipality
        m.put("Q10864048", region);          // first-level administrative country subdivision
        m.put("Q107390", region);            // federated state
        m.put("Q34876", region);             // province
        m.put("Q35657", region);             // state of the United States
        m.put("Q82794", region);             // geographic region
        m.put("Q5107", place);               // continent
        m.put("Q23442", place);              // island
        m.put("Q8502", place);               // mountain
        m.put("Q4022", place);               // river
        m.put("Q23397", place);              // lake
        m.put("Q43229", org);                // organization
        m.put("Q4830453", org);              // business
        m.put("Q783794", org);               // company
        m.put("Q891723", org);               // public company
        m.put("Q6881511", org);              // enterprise
        m.put("Q7278", org);                 // political party
        m.put("Q2659904", org);              // government organization
        m.put("Q327333", org);               // government agency
        m.put("Q484652", org);               // international organization
        m.put("Q245065", org);               // intergovernmental organization
        m.put("Q163740", org);               // nonprofit organization
        m.put("Q3918", org);                 // university
        m.put("Q192283", org);               // news agency
        m.put("Q11032", org);                // newspaper
        return Map.copyOf(m);
    }

    private static final List<String> PRECEDENCE = List.of("person", "country", "city", "region", "place",
            "organization");

    /** What one import did. */
    public record Summary(long lines, long items, long written, long skippedType, long skippedUnnamed,
                          long malformed, List<Long> malformedLines, Map<String, Long> byKind) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> iso2ByQid;
    private final PrintStream log;

    /** An importer that gives ISO codes through {@code kb}'s countries and prints progress to {@code log}. */
    public WikidataImporter(KnowledgeBase kb, PrintStream log) {
        this.log = log;
        Map<String, String> codes = new HashMap<>();
        for (KbEntity e : kb.entities()) {
            if ("country".equals(e.kind()) && e.qid() != null && e.countryCode() != null) {
                codes.put(e.qid(), e.countryCode());
            }
        }
        this.iso2ByQid = codes;
    }

    public static void main(String[] args) {
        Tools.run(new Command(), args);
    }

    /** {@code ./khabar import-wikidata DUMP OUT}. */
    @CommandLine.Command(name = "import-wikidata", mixinStandardHelpOptions = true,
            description = {"Turns a Wikidata JSON dump (latest-all.json or an extract in the same shape, plain or"
                    + " .gz, read one line at a time) into a knowledge-base file that enrich-service adds to the"
                    + " default one (KHABAR_ENRICH_KNOWLEDGE_FILES). Items of other types or without an English or"
                    + " Arabic label are skipped and counted; a line that is not valid JSON is reported, and the"
                    + " import goes on."})
    public static final class Command implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "DUMP", description = "the dump, .json or .json.gz")
        Path dump;

        @CommandLine.Parameters(index = "1", paramLabel = "OUT", description = "the knowledge-base file written"
                + " (.tsv.gz), created with its folders")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(dump)) {
                throw new Tools.Failure("no such file: " + dump.toAbsolutePath().normalize());
            }
            Tools.writableFile(out);
            new WikidataImporter(KnowledgeBase.load(), System.out).run(dump, out);
            return 0;
        }
    }

    /** Imports {@code dump} into the knowledge-base file {@code out}. */
    public Summary run(Path dump, Path out) throws IOException {
        long lines = 0;
        long items = 0;
        long written = 0;
        long skippedType = 0;
        long skippedUnnamed = 0;
        long malformed = 0;
        List<Long> malformedLines = new ArrayList<>();
        Map<String, Long> byKind = new TreeMap<>();
        try (InputStream raw = Files.newInputStream(dump);
             InputStream in = dump.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
             OutputStream o = Files.newOutputStream(out);
             KbFile.Out w = new KbFile.Out(o)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines++;
                if (lines % PROGRESS_EVERY == 0) {
                    log.printf("%,d lines: %,d items, %,d written, %,d skipped by type, %,d malformed%n", lines, items,
                            written, skippedType, malformed);
                }
                String s = line.strip();
                if (s.endsWith(",")) {
                    s = s.substring(0, s.length() - 1);
                }
                if (s.isEmpty() || s.equals("[") || s.equals("]")) {
                    continue;
                }
                JsonNode item;
                try {
                    item = json.readTree(s);
                } catch (JsonProcessingException e) {
                    malformed++;
                    if (malformedLines.size() < 100) {
                        malformedLines.add(lines);
                    }
                    log.printf("line %,d: not a JSON entity (%s), skipped%n", lines, e.getOriginalMessage());
                    continue;
                }
                if (item == null || !item.isObject() || !"item".equals(item.path("type").asText())) {
                    skippedType++;
                    continue;
                }
                items++;
                Kind kind = kind(item);
                if (kind == null) {
                    skippedType++;
                    continue;
                }
                KbEntity e = entity(item, kind);
                if (e == null) {
                    skippedUnnamed++;
                    continue;
                }
                w.entity(e);
                written++;
                byKind.merge(e.kind(), 1L, Long::sum);
            }
        }
        Summary summary = new Summary(lines, items, written, skippedType, skippedUnnamed, malformed,
                List.copyOf(malformedLines), Map.copyOf(byKind));
        log.printf("done: %,d lines, %,d items, %,d written %s, %,d skipped by type, %,d without an English or Arabic "
                + "label, %,d malformed (lines %s)%n", lines, items, written, byKind, skippedType, skippedUnnamed,
                malformed, malformedLines);
        return summary;
    }

    /** The kind of the highest-precedence known P31 class, or null. */
    static Kind kind(JsonNode item) {
        Kind best = null;
        for (String cls : itemValues(item, "P31")) {
            Kind k = TYPES.get(cls);
            if (k != null && (best == null || PRECEDENCE.indexOf(k.kind()) < PRECEDENCE.indexOf(best.kind()))) {
                best = k;
            }
        }
        return best;
    }

    private KbEntity entity(JsonNode item, Kind kind) {
        String qid = item.path("id").asText();
        String en = Names.clean(item.path("labels").path("en").path("value").asText(null));
        String ar = Names.clean(item.path("labels").path("ar").path("value").asText(null));
        if (en == null && ar == null) {
            return null;
        }
        Set<String> aliases = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String name : new String[]{en, ar}) {
            addName(aliases, keys, name);
        }
        for (String lang : new String[]{"en", "ar"}) {
            for (JsonNode a : item.path("aliases").path(lang)) {
                addName(aliases, keys, a.path("value").asText(null));
            }
        }
        List<String> shortNames = new ArrayList<>();
        if (kind.type() == EntityType.PERSON) {
            for (String name : new String[]{en, ar}) {
                for (String s : name == null ? List.<String>of() : KbNames.shortNames(name)) {
                    String k = KnowledgeBase.key(s);
                    if (!keys.contains(k) && !shortNames.contains(s)) {
                        shortNames.add(s);
                    }
                }
            }
        }
        JsonNode coordinate = best(item, "P625");
        Double lat = coordinate == null ? null : coordinate.path("latitude").asDouble();
        Double lon = coordinate == null ? null : coordinate.path("longitude").asDouble();
        JsonNode gn = best(item, "P1566");
        Long geonamesId = gn != null && gn.asText().matches("\\d+") ? Long.valueOf(gn.asText()) : null;
        JsonNode pop = population(item);
        long population = pop == null ? 0 : Math.max(0, Math.round(Double.parseDouble(pop.path("amount").asText("0"))));
        String countryCode;
        if ("country".equals(kind.kind())) {
            JsonNode iso = best(item, "P297");
            countryCode = iso != null ? iso.asText() : iso2ByQid.get(qid);
        } else {
            countryCode = country(item, "P17");
            if (countryCode == null && kind.type() == EntityType.PERSON) {
                countryCode = country(item, "P27");
            }
        }
        double prior = "country".equals(kind.kind()) ? 1.0 : prior(item.path("sitelinks").size());
        return new KbEntity(qid, kind.type(), kind.kind(), en, ar, new ArrayList<>(aliases), shortNames, qid, lat, lon,
                countryCode, geonamesId, population, prior);
    }

    private static void addName(Set<String> aliases, Set<String> keys, String raw) {
        String name = Names.clean(raw);
        if (name != null && keys.add(KnowledgeBase.key(name))) {
            aliases.add(name);
        }
    }

    /** 0.2 for an item without Wikipedia articles, rising with their log count to 0.95 at 300 and more. */
    static double prior(int sitelinks) {
        return Math.min(0.95, 0.2 + 0.75 * Math.log10(1 + sitelinks) / Math.log10(300));
    }

    private String country(JsonNode item, String property) {
        for (String q : itemValues(item, property)) {
            String iso = iso2ByQid.get(q);
            if (iso != null) {
                return iso;
            }
        }
        return null;
    }

    /** The QIDs of an item-valued property, preferred statements first, deprecated ones left out. */
    static List<String> itemValues(JsonNode item, String property) {
        List<String> preferred = new ArrayList<>();
        List<String> normal = new ArrayList<>();
        for (JsonNode st : item.path("claims").path(property)) {
            String rank = st.path("rank").asText("normal");
            JsonNode id = st.path("mainsnak").path("datavalue").path("value").path("id");
            if (id.isTextual() && !"deprecated".equals(rank)) {
                ("preferred".equals(rank) ? preferred : normal).add(id.asText());
            }
        }
        preferred.addAll(normal);
        return preferred;
    }

    /** The value of the best statement of a property: preferred, else the first normal one; null if none. */
    static JsonNode best(JsonNode item, String property) {
        return best(item, property, statement -> "");
    }

    /** Population: the preferred statement, else the one with the latest point in time (P585), else the first. */
    private static JsonNode population(JsonNode item) {
        return best(item, "P1082", statement -> statement.path("qualifiers").path("P585").path(0).path("datavalue")
                .path("value").path("time").asText(""));
    }

    /**
     * The value of a property's preferred statement, else of the normal statement with the greatest {@code order}
     * (the first among equals); deprecated statements never count. Null if none.
     */
    private static JsonNode best(JsonNode item, String property, java.util.function.Function<JsonNode, String> order) {
        JsonNode best = null;
        String bestOrder = "";
        for (JsonNode st : item.path("claims").path(property)) {
            String rank = st.path("rank").asText("normal");
            JsonNode v = st.path("mainsnak").path("datavalue").path("value");
            if (v.isMissingNode() || "deprecated".equals(rank)) {
                continue;
            }
            if ("preferred".equals(rank)) {
                return v;
            }
            String o = order.apply(st);
            if (best == null || o.compareTo(bestOrder) > 0) {
                best = v;
                bestOrder = o;
            }
        }
        return best;
    }
}
