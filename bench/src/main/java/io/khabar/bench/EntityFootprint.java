package io.khabar.bench;

import io.khabar.bench.cli.Tools;
import io.khabar.entities.EntityExtractor;
import io.khabar.knowledge.KnowledgeBase;
import io.khabar.matching.MatchingAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Load time and retained heap of what enrich-service holds for entities: both NER models, the knowledge base and
 * the transliteration table, plus any knowledge-base files given (a newsroom's extract).
 * {@code ./khabar entity-footprint [KB_FILE...]}. Run it with the service's heap limit (-Xmx1g).
 */
@Command(name = "entity-footprint", mixinStandardHelpOptions = true,
        description = {"Load time and retained heap of what enrich-service holds for entities: both NER models, the"
                + " knowledge base and the transliteration table, plus the knowledge-base files given (a newsroom's"
                + " extract). Run with the service's heap limit (KHABAR_FOOTPRINT_HEAP, default -Xmx1g)."})
public final class EntityFootprint implements Callable<Integer> {
    @Parameters(paramLabel = "KB_FILE", arity = "0..*", description = "knowledge-base files added to the default one")
    List<Path> files = new ArrayList<>();

    private EntityFootprint() {
    }

    public static void main(String[] args) {
        Tools.run(new EntityFootprint(), args);
    }

    @Override
    public Integer call() throws Exception {
        Path cwd = Path.of(System.getProperty("khabar.cwd", "."));
        List<Path> extra = files.stream().map(cwd::resolve).toList();
        for (Path f : extra) {
            if (!Files.isRegularFile(f)) {
                throw new Tools.Failure("no such file: " + f);
            }
        }
        Runtime rt = Runtime.getRuntime();
        long before = used(rt);
        long t0 = System.nanoTime();
        EntityExtractor extractor = EntityExtractor.load(new MatchingAnalyzer(), extra);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = used(rt);
        var r = extractor.extract("قال الرئيس الروسي فلاديمير بوتين في موسكو", null, "ar", List.of(), List.of(),
                List.of());
        System.out.printf(Locale.ROOT, "entities loaded in %.2f s; retained heap %.0f MiB (max heap %.0f MiB,"
                        + " JVM uptime %.2f s); sample: %d entities%n", seconds, (after - before) / 1048576.0,
                rt.maxMemory() / 1048576.0, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                r.entities().size());
        long beforeCopy = used(rt);
        KnowledgeBase copy = freshKnowledgeBase(extra); // the default one is shared: measure a copy of it
        System.out.printf(Locale.ROOT, "of which the knowledge base (%,d entities) %.0f MiB%n", copy.size(),
                (used(rt) - beforeCopy) / 1048576.0);
        return 0;
    }

    /** A knowledge base as the extractor loads it, built anew (not the shared default instance). */
    private static KnowledgeBase freshKnowledgeBase(List<Path> extra) throws java.io.IOException {
        if (!extra.isEmpty()) {
            return KnowledgeBase.load(extra);
        }
        try (var in = KnowledgeBase.class.getResourceAsStream(KnowledgeBase.RESOURCE)) {
            return KnowledgeBase.read(in);
        }
    }

    private static long used(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
