package io.khabar.bench;

import io.khabar.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples each stage's committed offsets (its consumer group on its input topic) every 250 ms, so that per-stage
 * throughput comes from the lag draining over time rather than from guesses.
 */
final class LagMonitor implements AutoCloseable {
    /** A pipeline stage: the consumer group and the topic it reads. */
    record Stage(String name, String group, String topic) {
    }

    static final List<Stage> STAGES = List.of(
            new Stage("ingest", "khabar-ingest", Topics.RAW),
            new Stage("enrich", "khabar-enrich", Topics.NORMALIZED),
            new Stage("store", "khabar-store", Topics.ENRICHED));

    /** Committed offsets summed over partitions, at a time (ms since the run's start). */
    record Sample(long atMillis, Map<String, Long> committed) {
    }

    private final Admin admin;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lag-monitor");
        t.setDaemon(true);
        return t;
    });
    private long t0;

    LagMonitor(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    Map<String, Long> committedNow() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Stage s : STAGES) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(s.group())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                out.put(s.name(), offsets.entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(s.topic()) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum());
            } catch (Exception e) {
                out.put(s.name(), -1L);
            }
        }
        return out;
    }

    /**
     * True when the stage has consumed everything on its input topic now: per partition, its committed offset reaches
     * the end, or the end less one on a topic written in transactions (the last offset is then a commit marker, which
     * is not a record and which a consumer never acknowledges).
     */
    boolean caughtUp(Stage s) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(s.group())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(List.of(s.topic())).allTopicNames().get(5, TimeUnit.SECONDS).get(s.topic())
                    .partitions().forEach(p -> latest.put(new TopicPartition(s.topic(), p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            boolean transactional = !s.topic().equals(Topics.RAW);
            for (var e : ends.entrySet()) {
                long end = e.getValue().offset();
                OffsetAndMetadata c = offsets.get(e.getKey());
                long committed = c == null ? 0 : c.offset();
                if (committed < end - (transactional && end > 0 ? 1 : 0)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    void start(long t0Nanos) {
        this.t0 = t0Nanos;
        timer.scheduleAtFixedRate(() -> {
            Map<String, Long> c = committedNow();
            synchronized (samples) {
                samples.add(new Sample((System.nanoTime() - t0) / 1_000_000, c));
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
    }

    /**
     * Per stage: when it first moved past {@code baseline}, when it had committed {@code n} more records, and its
     * rate in between (records per second). Stages that did not finish report what they did.
     */
    Map<String, Map<String, Object>> perStage(Map<String, Long> baseline, long n) {
        List<Sample> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Stage s : STAGES) {
            long base = baseline.get(s.name());
            Long first = null;
            Long done = null;
            long last = base;
            double peak = 0;
            Sample prev = null;
            for (Sample sample : copy) {
                long c = sample.committed().get(s.name());
                if (c < 0) {
                    continue;
                }
                if (first == null && c > base) {
                    first = prev == null ? sample.atMillis() : prev.atMillis();
                }
                if (done == null && c - base >= n) {
                    done = sample.atMillis();
                }
                if (prev != null && sample.atMillis() > prev.atMillis() && prev.committed().get(s.name()) >= 0) {
                    peak = Math.max(peak, (c - prev.committed().get(s.name())) * 1000.0 / (sample.atMillis() - prev.atMillis()));
                }
                last = c;
                prev = sample;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("committed", last - base);
            m.put("firstCommitMs", first);
            m.put("drainedAtMs", done);
            m.put("articlesPerSecond", first != null && done != null && done > first
                    ? Math.round((double) n * 1000 / (done - first)) : null);
            m.put("peakArticlesPerSecond", Math.round(peak));
            out.put(s.name(), m);
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
