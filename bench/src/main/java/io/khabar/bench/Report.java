package io.khabar.bench;

import io.khabar.events.EventJson;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results as JSON ({@code benchmarks/<date>-<commit>.json}) and as a Markdown section appended to benchmarks.md. */
final class Report {
    /** Issue #16's goals on this 2-core machine, the same harness. */
    static final int GOAL_THROUGHPUT = 350;
    static final double GOAL_RATIO_TO_BASELINE = 0.25;
    static final Map<Integer, Double> GOAL_P99_MS = Map.of(50, 100.0, 100, 200.0);
    static final double GOAL_CPU_MS_PER_ARTICLE = 5.5;
    static final long GOAL_PEAK_RSS_MIB = 512;
    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "store-service");

    private Report() {
    }

    static Path write(Map<String, Object> results, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("benchmarks"));
        String stamp = results.get("date").toString().replace(":", "").replaceAll("\\..*", "");
        Path json = dir.resolve("benchmarks").resolve(stamp + "-" + results.get("commit") + ".json");
        Files.writeString(json, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        Path md = dir.resolve("benchmarks.md");
        if (!Files.exists(md)) {
            Files.writeString(md, "# Benchmarks\n\nAppended by `./khabar bench` (see README). Each section is one run; "
                    + "its full JSON is in `benchmarks/`.\n");
        }
        Files.writeString(md, "\n" + markdown(results) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return json;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        sb.append("## ").append(r.get("date")).append(" · commit ").append(r.get("commit")).append(" · ")
                .append(machine.get("cores")).append(" cores, ").append(machine.get("memoryGiB")).append(" GiB")
                .append(r.get("options") instanceof Map<?, ?> o && Boolean.TRUE.equals(o.get("attached")) ? " · attached" : "")
                .append("\n\n");
        sb.append("| run | N | seconds | articles/s | vs baseline | ingest/s | enrich/s | store/s | check |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String key : List.of("baseline", "throughput")) {
            Map<String, Object> t = (Map<String, Object>) r.get(key);
            if (t == null) {
                continue;
            }
            Map<String, Map<String, Object>> stages = (Map<String, Map<String, Object>>) t.get("stages");
            Map<String, Object> check = (Map<String, Object>) t.get("check");
            sb.append("| ").append(t.get("mode")).append(" | ").append(t.get("n")).append(" | ").append(t.get("seconds"))
                    .append(" | ").append(t.get("articlesPerSecond")).append(" | ")
                    .append(t.getOrDefault("ratioToBaseline", key.equals("baseline") ? "1" : "-")).append(" | ")
                    .append(stages.get("ingest").get("articlesPerSecond")).append(" | ")
                    .append(stages.get("enrich").get("articlesPerSecond")).append(" | ")
                    .append(stages.get("store").get("articlesPerSecond")).append(" | ")
                    .append(check == null ? "-" : check.get("ok").equals(Boolean.TRUE) ? "all " + check.get("storedRows")
                            + " stored once" : "FAILED " + check).append(" |\n");
        }
        List<Map<String, Object>> latency = (List<Map<String, Object>>) r.get("latency");
        if (latency != null && !latency.isEmpty()) {
            sb.append("\n| rate/s | stored | e2e p50 | p95 | p99 | max | ingest p99 | enrich p99 | store p99 (ms) |\n");
            sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (Map<String, Object> l : latency) {
                Map<String, Map<String, Object>> ms = (Map<String, Map<String, Object>>) l.get("latencyMs");
                Map<String, Object> e = ms.get("endToEnd");
                sb.append("| ").append(l.get("rate")).append(" | ").append(l.get("stored")).append("/").append(l.get("sent"))
                        .append(" | ").append(e.get("p50")).append(" | ").append(e.get("p95")).append(" | ")
                        .append(e.get("p99")).append(" | ").append(e.get("max")).append(" | ")
                        .append(ms.get("ingest").get("p99")).append(" | ").append(ms.get("enrich").get("p99")).append(" | ")
                        .append(ms.get("store").get("p99")).append(" |\n");
            }
        }
        Map<String, Object> t = (Map<String, Object>) r.get("throughput");
        if (t != null) {
            sb.append("\n| process | CPU ms/article (throughput run) | of which JIT compiler | of which GC | peak RSS MiB |\n"
                    + "| --- | --- | --- | --- | --- |\n");
            Map<String, Object> cpu = (Map<String, Object>) t.get("cpuMillisPerArticle");
            Map<String, Object> rss = (Map<String, Object>) t.get("peakRssMiB");
            Map<String, Map<String, Object>> jvm = (Map<String, Map<String, Object>>) t.getOrDefault(
                    "jvmThreadMillisPerArticle", Map.of());
            cpu.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" | ")
                    .append(jvm.containsKey(k) ? jvm.get(k).get("jit") : "-").append(" | ")
                    .append(jvm.containsKey(k) ? jvm.get(k).get("gc") : "-").append(" | ")
                    .append(rss.getOrDefault(k, "-")).append(" |\n"));
        }
        Map<String, Object> goals = (Map<String, Object>) r.get("goals");
        if (goals != null) {
            sb.append("\nGoals: ");
            List<String> parts = new ArrayList<>();
            goals.forEach((k, v) -> parts.add(k + " " + v));
            sb.append(String.join("; ", parts)).append("\n");
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> goals(Map<String, Object> r) {
        Map<String, Object> g = new LinkedHashMap<>();
        Map<String, Object> t = (Map<String, Object>) r.get("throughput");
        long tput = ((Number) t.get("articlesPerSecond")).longValue();
        g.put("throughput>=" + GOAL_THROUGHPUT + "/s", (tput >= GOAL_THROUGHPUT ? "met (" : "MISSED (") + tput + ")");
        if (t.get("ratioToBaseline") instanceof Number ratio) {
            g.put(">=" + GOAL_RATIO_TO_BASELINE + " of pass-through", (ratio.doubleValue() >= GOAL_RATIO_TO_BASELINE
                    ? "met (" : "MISSED (") + ratio + ")");
        }
        for (Map<String, Object> l : (List<Map<String, Object>>) r.get("latency")) {
            int rate = ((Number) l.get("rate")).intValue();
            Double goal = GOAL_P99_MS.get(rate);
            if (goal != null) {
                Object p99 = ((Map<String, Map<String, Object>>) l.get("latencyMs")).get("endToEnd").get("p99");
                boolean met = p99 instanceof Number n && n.doubleValue() <= goal;
                g.put("p99<=" + goal.intValue() + "ms@" + rate + "/s", (met ? "met (" : "MISSED (") + p99 + " ms)");
            }
        }
        if (t.get("cpuMillisPerArticle") instanceof Map<?, ?> cpu && !cpu.isEmpty()) {
            double total = cpu.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
            g.put("CPU<=" + GOAL_CPU_MS_PER_ARTICLE + "ms/article", (total <= GOAL_CPU_MS_PER_ARTICLE ? "met (" : "MISSED (")
                    + Math.round(total * 100) / 100.0 + ")");
        }
        if (t.get("peakRssMiB") instanceof Map<?, ?> rss && !rss.isEmpty()) {
            List<String> over = new ArrayList<>();
            for (String service : SERVICES) {
                if (rss.get(service) instanceof Number mib && mib.longValue() > GOAL_PEAK_RSS_MIB) {
                    over.add(service + " " + mib);
                }
            }
            g.put("RSS<=" + GOAL_PEAK_RSS_MIB + "MiB each", over.isEmpty() ? "met" : "MISSED (" + String.join(", ", over) + ")");
        }
        Map<String, Object> check = (Map<String, Object>) t.get("check");
        g.put("no loss or duplicate", Boolean.TRUE.equals(check.get("ok")) ? "met" : "MISSED " + check);
        return g;
    }

    static Map<String, Object> percentiles(List<Double> values) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("count", values.size());
        if (values.isEmpty()) {
            return p;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        for (double q : new double[]{0.5, 0.95, 0.99}) {
            int idx = (int) Math.ceil(q * sorted.size()) - 1;
            p.put("p" + Math.round(q * 100), Math.round(sorted.get(Math.max(0, idx)) * 10) / 10.0);
        }
        p.put("max", Math.round(sorted.get(sorted.size() - 1) * 10) / 10.0);
        return p;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        long mem = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        m.put("memoryGiB", Math.round(mem / 1024.0 / 1024 / 1024 * 10) / 10.0);
        m.put("java", System.getProperty("java.version"));
        try {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).strip()));
        } catch (IOException e) {
            // not Linux
        }
        return m;
    }

    static String gitCommit(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            Process dirty = new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean changed = !new String(dirty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            return p.waitFor() == 0 ? out + (changed ? "-dirty" : "") : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
