package io.khabar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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
