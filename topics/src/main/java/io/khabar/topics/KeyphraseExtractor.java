package io.khabar.topics;

import io.khabar.events.Annotation;
import io.khabar.events.MatchingText;
import io.khabar.matching.MatchingAnalyzer;
import io.khabar.text.Scores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unsupervised keyphrases of an Arabic or English article, so an editor or a search index gets the article's own
 * salient terms beside its IPTC topics. No model and no training data: frequency, title and position.
 * <ul>
 *   <li>Candidates are runs of 1 to {@value #MAX_WORDS} content words: not a stop word (Arabic lists derived from
 *       {@code stopwords/ar}, MIT, plus a short team-written list of reporting words; a team-written English list),
 *       not a number, at least 3 characters, and not across punctuation. Words are grouped by their matching key
 *       (normalized, proclitics and ال stripped, English plural folded).</li>
 *   <li>Score: each occurrence counts 1, or {@value #LEAD} in the lead paragraph; a phrase also in the title gets
 *       {@code x}{@value #TITLE}; an n-word phrase gets {@code x(1 + 0.5(n-1))} but must occur twice (or in the title).
 *       A longer phrase that accounts for {@value #SUBSUME} or more of the occurrences of a phrase inside it replaces it
 *       (بشار الأسد rather than الأسد); a phrase overlapping a better one (one inside the other) is dropped.</li>
 *   <li>Confidence is the score over the best score (0..1).</li>
 * </ul>
 * Thread-safe; build once and share.
 */
public final class KeyphraseExtractor {
    static final int MAX_WORDS = 3;
    static final double LEAD = 1.5;
    static final double TITLE = 3;
    /** Share of a phrase's occurrences that a longer phrase containing it must account for to replace it. */
    static final double SUBSUME = 0.6;
    static final String COMPONENT = "topics";
    static final String METHOD = "frequency-title-position@1";

    private final MatchingAnalyzer analyzer;
    private final Set<String> stopwords;

    /** Loads the stop word lists from the classpath, with the default matching layer. */
    public KeyphraseExtractor() {
        this(new MatchingAnalyzer());
    }

    /** Loads the stop word lists from the classpath, sharing the caller's matching layer. */
    public KeyphraseExtractor(MatchingAnalyzer analyzer) {
        this.analyzer = analyzer;
        Set<String> words = new HashSet<>();
        for (String resource : List.of("stopwords-ar.txt", "stopwords-ar-news.txt", "stopwords-en.txt")) {
            for (String line : CueModel.read(resource).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String w : line.strip().split("\\s+")) {
                    if (!w.isEmpty()) {
                        String form = analyzer.form(w);
                        words.add(form);
                        words.add(Keys.key(analyzer.stems(w)));
                    }
                }
            }
        }
        this.stopwords = Set.copyOf(words);
    }

    private static final class Candidate {
        final String key;
        final int words;
        final int start;
        final int end;
        final String value;
        double score;
        int count;

        Candidate(String key, int words, int start, int end, String value) {
            this.key = key;
            this.words = words;
            this.start = start;
            this.end = end;
            this.value = value;
        }
    }

    /**
     * Up to {@code max} keyphrases of one article, best first.
     *
     * @param title    the headline; may be null (it only boosts phrases that also occur in {@code text})
     * @param text     the article text; spans are the first occurrence of each phrase in it
     * @param language {@code ar} or {@code en}; both are handled alike, the stop words of both apply
     * @param max      how many phrases at most
     * @return kind {@code keyword}, type {@code keyphrase} annotations: value the normalized phrase, confidence the
     *         relative score, attributes {@code count}, {@code component} and {@code method}
     */
    public List<Annotation> keyphrases(String title, String text, String language, int max) {
        if (text == null || text.isEmpty() || max <= 0) {
            return List.of();
        }
        return keyphrases(AnalyzedText.of(analyzer, title, text), language, max);
    }

    /** {@link #keyphrases(String, String, String, int)} of a title and text already analyzed. */
    public List<Annotation> keyphrases(AnalyzedText analyzed, String language, int max) {
        AnalyzedText article = analyzed.by(analyzer);
        String text = article.text();
        if (text.isEmpty() || max <= 0) {
            return List.of();
        }
        MatchingText mt = article.textMatching();
        int leadEnd = TopicClassifier.leadEnd(text, mt);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        collect(text, mt, leadEnd, candidates);
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<String> inTitle = new HashSet<>();
        if (article.titleMatching() != null) {
            Map<String, Candidate> t = new HashMap<>();
            collect(article.title(), article.titleMatching(), 0, t);
            inTitle.addAll(t.keySet());
        }
        List<Candidate> ranked = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            boolean titled = inTitle.contains(c.key);
            if (c.words > 1 && c.count < 2 && !titled) {
                continue;
            }
            c.score *= (1 + 0.5 * (c.words - 1)) * (titled ? TITLE : 1);
            ranked.add(c);
        }
        // a longer phrase that accounts for most occurrences of a shorter one inside it takes its place
        // (the shorter phrases inside one are its runs of fewer words: looked up, not searched for among all)
        Map<String, Candidate> rankedByKey = new HashMap<>();
        for (Candidate c : ranked) {
            rankedByKey.put(c.key, c);
        }
        Set<Candidate> subsumed = new HashSet<>();
        for (Candidate c : ranked) {
            if (c.words == 1) {
                continue;
            }
            String[] words = c.key.split(" ");
            for (int n = 1; n < words.length; n++) {
                for (int from = 0; from + n <= words.length; from++) {
                    Candidate u = rankedByKey.get(n == 1 ? words[from] : String.join(" ",
                            java.util.Arrays.asList(words).subList(from, from + n)));
                    if (u != null && c.count >= SUBSUME * u.count) {
                        subsumed.add(u);
                        c.score = Math.max(c.score, u.score);
                    }
                }
            }
        }
        ranked.removeAll(subsumed);
        ranked.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : Integer.compare(a.start, b.start));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : ranked) {
            if (chosen.size() == max) {
                break;
            }
            boolean overlaps = false;
            for (Candidate s : chosen) {
                if (contains(s.key, c.key) || contains(c.key, s.key)) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                chosen.add(c);
            }
        }
        double best = chosen.isEmpty() ? 1 : chosen.get(0).score;
        List<Annotation> out = new ArrayList<>(chosen.size());
        for (Candidate c : chosen) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("count", c.count);
            attrs.put("component", COMPONENT);
            attrs.put("model", METHOD);
            out.add(new Annotation("keyword", "keyphrase", c.start, c.end, c.value,
                    Scores.round3(c.score / best), attrs));
        }
        return out;
    }

    /** One pass over the words: every 1..3-word run of content words, with its zone-weighted count. */
    private void collect(String text, MatchingText mt, int leadEnd, Map<String, Candidate> candidates) {
        int size = mt.size();
        if (size == 0) {
            return;
        }
        String[] forms = mt.forms().split(" ");
        String[] stems = mt.stemsOrForms().split(" ");
        int[] offsets = mt.offsets();
        String[] keys = new String[size];
        boolean[] content = new boolean[size];
        boolean[] breakBefore = new boolean[size];
        for (int i = 0; i < size; i++) {
            keys[i] = Keys.key(stems[i]);
            content[i] = keys[i].length() >= 3 && !isNumber(keys[i]) && !stopwords.contains(forms[i])
                    && !stopwords.contains(keys[i]);
            breakBefore[i] = i > 0 && punctuated(text, offsets[2 * i - 1], offsets[2 * i]);
        }
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (!content[i]) {
                continue;
            }
            key.setLength(0);
            value.setLength(0);
            double weight = offsets[2 * i] < leadEnd ? LEAD : 1;
            for (int n = 1; n <= MAX_WORDS && i + n - 1 < size; n++) {
                int j = i + n - 1;
                if (!content[j] || n > 1 && breakBefore[j]) {
                    break;
                }
                if (n > 1) {
                    key.append(' ');
                    value.append(' ');
                }
                key.append(keys[j]);
                value.append(stems[j]); // الاسد for بالاسد: the keyphrase without its proclitic
                String k = n == 1 ? keys[j] : key.toString(); // one word: its key as it is, no copy
                Candidate c = candidates.get(k);
                if (c == null) {
                    c = new Candidate(k, n, offsets[2 * i], offsets[2 * j + 1], n == 1 ? stems[j] : value.toString());
                    candidates.put(k, c);
                }
                c.score += weight;
                c.count++;
            }
        }
    }

    private static boolean punctuated(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\u00A0' && c != '\u200F' && c != '\u200E' && c != '-' && c != '\'') {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether phrase key {@code outer} contains {@code inner} as a run of whole words. */
    private static boolean contains(String outer, String inner) {
        int at = outer.indexOf(inner);
        while (at >= 0) {
            int end = at + inner.length();
            if ((at == 0 || outer.charAt(at - 1) == ' ') && (end == outer.length() || outer.charAt(end) == ' ')) {
                return true;
            }
            at = outer.indexOf(inner, at + 1);
        }
        return false;
    }
}
