package io.khabar.bench;

import io.khabar.entities.EntityExtractor;
import io.khabar.normalize.matching.MatchingAnalyzer;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Load time and retained heap of what enrich-service holds for entities: both NER models, the knowledge base and
 * the transliteration table, plus any knowledge-base files given (a newsroom's extract).
 * {@code ./khabar entity-footprint [KB_FILE...]}. Run it with the service's heap limit (-Xmx1g).
 */
public final class EntityFootprint {
    private EntityFootprint() {
    }

    public static void main(String[] args) throws Exception {
        Runtime rt = Runtime.getRuntime();
        long before = used(rt);
        long t0 = System.nanoTime();
        java.nio.file.Path cwd = java.nio.file.Path.of(System.getProperty("khabar.cwd", "."));
        List<java.nio.file.Path> extra = java.util.Arrays.stream(args).map(cwd::resolve).toList();
        EntityExtractor extractor = EntityExtractor.load(new MatchingAnalyzer(), extra);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = used(rt);
        var r = extractor.extract("قال الرئيس الروسي فلاديمير بوتين في موسكو", null, "ar", List.of(), List.of(),
                List.of());
        System.out.printf(Locale.ROOT, "entities loaded in %.2f s; retained heap %.0f MiB (max heap %.0f MiB,"
                        + " JVM uptime %.2f s); sample: %d entities%n", seconds, (after - before) / 1048576.0,
                rt.maxMemory() / 1048576.0, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0,
                r.entities().size());
    }

    private static long used(Runtime rt) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
