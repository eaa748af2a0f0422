package io.khabar.topics;

import io.khabar.matching.MatchingAnalyzer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled cue tables: the top-level topics (from {@code iptc-topics.tsv}) and, per language, a word trie of cue
 * phrases keyed by {@link Keys#key(String)}. Built once from the resources beside this class; immutable afterwards.
 * <p>
 * Cues come from the hand-written lists {@code cues-en.txt} and {@code cues-ar.txt}, and from the IPTC labels of the
 * top-level topics and their children (English, weight 1, split at commas and "and"). A hand-written weight wins over
 * a label weight; weight 0 removes a cue.
 */
final class CueModel {
    static final String TOPICS = "iptc-topics.tsv";
    static final String CUES_EN = "cues-en.txt";
    static final String CUES_AR = "cues-ar.txt";

    /** One cue phrase: its key, and the weight it gives to each topic it points to. */
    record Cue(int id, String phrase, int[] topics, double[] weights) {
    }

    /** A trie node: the next word's nodes, and the cue ending here, if any. */
    static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        Cue cue;
    }

    final List<Topic> topics;
    final Node english;
    final Node arabic;
    final int cueCount;
    final String version;

    private CueModel(List<Topic> topics, Node english, Node arabic, int cueCount, String version) {
        this.topics = topics;
        this.english = english;
        this.arabic = arabic;
        this.cueCount = cueCount;
        this.version = version;
    }

    static CueModel load(MatchingAnalyzer analyzer) {
        String tsv = read(TOPICS);
        String en = read(CUES_EN);
        String ar = read(CUES_AR);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            labels.put(cols[0], cols[3]);
            if ("1".equals(cols[1])) {
                parents.put(cols[0], cols[0]);
            } else {
                parents.put(cols[0], cols[2]);
            }
        }
        Map<String, String> arabicLabels = new HashMap<>();
        // phrase key -> (topic code -> weight); insertion-ordered so cue ids are stable
        Map<String, Map<String, Double>> enCues = new LinkedHashMap<>();
        Map<String, Map<String, Double>> arCues = new LinkedHashMap<>();
        Map<String, String> shown = new HashMap<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String top = parents.get(e.getKey());
            for (String part : e.getValue().split(",|\\band\\b")) {
                add(enCues, shown, analyzer, part, top, 1);
            }
        }
        parseCues(en, enCues, shown, arabicLabels, analyzer, parents.keySet());
        parseCues(ar, arCues, shown, arabicLabels, analyzer, parents.keySet());
        List<Topic> topics = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (parents.get(e.getKey()).equals(e.getKey())) {
                index.put(e.getKey(), topics.size());
                topics.add(new Topic(e.getKey(), e.getValue(), arabicLabels.getOrDefault(e.getKey(), e.getValue()), 1));
            }
        }
        int[] ids = {0};
        Node enRoot = trie(enCues, shown, index, ids);
        Node arRoot = trie(arCues, shown, index, ids);
        return new CueModel(List.copyOf(topics), enRoot, arRoot, ids[0], "keywords@" + hash(tsv, en, ar));
    }

    private static void parseCues(String text, Map<String, Map<String, Double>> cues, Map<String, String> shown,
                                  Map<String, String> arabicLabels, MatchingAnalyzer analyzer,
                                  java.util.Set<String> known) {
        String topic = null;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("@")) {
                String[] head = l.substring(1).split("\\|");
                topic = head[0].strip();
                if (!known.contains(topic)) {
                    throw new IllegalStateException("unknown topic in cue list: " + topic);
                }
                if (head.length > 1) {
                    arabicLabels.putIfAbsent(topic, head[1].strip());
                }
                continue;
            }
            if (topic == null) {
                throw new IllegalStateException("cue before any topic header: " + l);
            }
            for (String entry : l.split("[,،]")) {
                String e = entry.strip();
                if (e.isEmpty()) {
                    continue;
                }
                int colon = e.lastIndexOf(':');
                double weight = 1;
                if (colon > 0 && colon < e.length() - 1 && Character.isDigit(e.charAt(colon + 1))) {
                    weight = Double.parseDouble(e.substring(colon + 1).strip());
                    e = e.substring(0, colon).strip();
                }
                add(cues, shown, analyzer, e, topic, weight);
            }
        }
    }

    private static void add(Map<String, Map<String, Double>> cues, Map<String, String> shown,
                            MatchingAnalyzer analyzer, String phrase, String topic, double weight) {
        String key = key(analyzer, phrase);
        if (key.isEmpty()) {
            return;
        }
        shown.putIfAbsent(key, analyzer.form(phrase.strip()));
        Map<String, Double> byTopic = cues.computeIfAbsent(key, k -> new LinkedHashMap<>());
        Double old = byTopic.get(topic);
        if (weight == 0 || old == null) {
            byTopic.put(topic, weight);
        } else if (old != 0) {
            byTopic.put(topic, Math.max(old, weight));
        }
    }

    /** The key of a phrase: the {@link Keys#key(String)} of each of its words, joined by single spaces. */
    static String key(MatchingAnalyzer analyzer, String phrase) {
        String stems = analyzer.analyze(phrase).stemsOrForms();
        if (stems.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String w : stems.split(" ")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Keys.key(w));
        }
        return sb.toString();
    }

    private static Node trie(Map<String, Map<String, Double>> cues, Map<String, String> shown,
                             Map<String, Integer> index, int[] ids) {
        Node root = new Node();
        for (Map.Entry<String, Map<String, Double>> e : cues.entrySet()) {
            List<Map.Entry<String, Double>> live = e.getValue().entrySet().stream().filter(t -> t.getValue() > 0).toList();
            if (live.isEmpty()) {
                continue;
            }
            int[] topics = new int[live.size()];
            double[] weights = new double[live.size()];
            for (int i = 0; i < live.size(); i++) {
                topics[i] = index.get(live.get(i).getKey());
                weights[i] = live.get(i).getValue();
            }
            Node n = root;
            for (String w : e.getKey().split(" ")) {
                n = n.next.computeIfAbsent(w, k -> new Node());
            }
            n.cue = new Cue(ids[0]++, shown.get(e.getKey()), topics, weights);
        }
        return root;
    }

    static String read(String resource) {
        try (InputStream in = CueModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8).replace("\r", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
