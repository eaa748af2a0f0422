package io.khabar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CPU time and peak RSS of the pipeline's processes, from the OS ({@code /proc} on Linux). */
final class ProcessStats {
    private ProcessStats() {
    }

    /** CPU seconds used so far by each process; {@code postgresql} sums every PostgreSQL server process. */
    static Map<String, Double> cpuSeconds(Map<String, Long> pids) {
        Map<String, Double> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1e9).orElse(Double.NaN)));
        double pg = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToDouble(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9).sum();
        out.put("postgresql", pg);
        return out;
    }

    /**
     * CPU seconds used so far by each JVM's JIT compiler threads ({@code jit}) and garbage collector ({@code gc}: the
     * VM thread, which runs the serial collector's pauses, and any GC worker threads), read per thread from
     * {@code /proc/PID/task}: the share of a process's CPU that is neither the service's own work nor its libraries'.
     * The JIT's part is a cost of start-up and warm-up that a long-running service stops paying, and that JMH leaves
     * out by warming up. Empty where {@code /proc} cannot be read.
     */
    static Map<String, Map<String, Double>> jvmThreadSeconds(Map<String, Long> pids) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        double tick = 100.0; // USER_HZ, 100 on every Linux the JDK runs on
        pids.forEach((name, pid) -> {
            double jit = 0;
            double gc = 0;
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException e) {
                        continue; // the thread ended meanwhile
                    }
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick;
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        jit += seconds;
                    } else if (comm.equals("VM Thread") || comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                        gc += seconds;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return; // process gone, or not Linux
            }
            out.put(name, Map.of("jit", jit, "gc", gc));
        });
        return out;
    }

    /** Milliseconds per article of each process's JIT and GC threads between two {@link #jvmThreadSeconds} readings. */
    static Map<String, Map<String, Double>> jvmThreadMillisPerArticle(Map<String, Map<String, Double>> before,
                                                                      Map<String, Map<String, Double>> after,
                                                                      long articles) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        after.forEach((name, now) -> {
            Map<String, Double> then = before.getOrDefault(name, Map.of());
            Map<String, Double> perArticle = new LinkedHashMap<>();
            for (String kind : List.of("jit", "gc")) {
                perArticle.put(kind, Benchmark.round((now.get(kind) - then.getOrDefault(kind, 0.0)) * 1000
                        / Math.max(1, articles)));
            }
            out.put(name, perArticle);
        });
        return out;
    }

    /** Milliseconds per article of each process between two {@link #cpuSeconds} readings. */
    static Map<String, Double> millisPerArticle(Map<String, Double> before, Map<String, Double> after, long articles) {
        Map<String, Double> out = new LinkedHashMap<>();
        after.forEach((name, v) -> out.put(name,
                Benchmark.round((v - before.getOrDefault(name, 0.0)) * 1000 / Math.max(1, articles))));
        return out;
    }

    /**
     * The JIT compiler threads' share of the CPU of the JVMs that {@code jvm} covers, from per-article figures
     * ({@link #millisPerArticle}, {@link #jvmThreadMillisPerArticle}); NaN when there is no JVM to read.
     */
    static double jitShare(Map<String, Double> cpuPerArticle, Map<String, Map<String, Double>> jvmPerArticle) {
        double jit = 0;
        double all = 0;
        for (Map.Entry<String, Map<String, Double>> e : jvmPerArticle.entrySet()) {
            Double cpu = cpuPerArticle.get(e.getKey());
            if (cpu != null && !cpu.isNaN()) {
                jit += e.getValue().get("jit");
                all += cpu;
            }
        }
        return all > 0 ? jit / all : Double.NaN;
    }

    /** Resets the kernel's peak-RSS counter of each process (root or owner only; ignored where not allowed). */
    static void resetPeakRss(Map<String, Long> pids) {
        for (long pid : pids.values()) {
            try {
                Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            } catch (IOException | UnsupportedOperationException e) {
                // not Linux, or not allowed: the peak then covers the process's whole life
            }
        }
    }

    /** Peak resident set size (VmHWM) in MiB of each process. */
    static Map<String, Long> peakRssMiB(Map<String, Long> pids) {
        Map<String, Long> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, vmHwmKb(pid) / 1024));
        return out;
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone or not Linux
        }
        return -1024;
    }
}
