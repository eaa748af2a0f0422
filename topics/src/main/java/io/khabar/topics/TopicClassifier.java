package io.khabar.topics;

import io.khabar.events.Annotation;
import io.khabar.events.MatchingText;
import io.khabar.matching.MatchingAnalyzer;
import io.khabar.text.Scores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assigns IPTC Media Topics (the 17 top-level topics) to an Arabic or English article with a transparent
 * keyword-and-entity model, and says which cue words decided it.
 * <ol>
 *   <li>Cues: hand-written cue words and phrases per topic and language, weights 1-3, plus the IPTC labels of each
 *       topic and its children (weight 1); see {@code cues-en.txt}, {@code cues-ar.txt}. Title and text are read on
 *       the matching layer ({@link MatchingAnalyzer}, then {@link Keys}); at each word the longest cue phrase wins.</li>
 *   <li>Zones: a cue in the title counts {@value #TITLE} times, in the lead paragraph {@value #LEAD} times.</li>
 *   <li>Damping: a cue seen with zone-weighted count {@code n} gives {@code weight * (1 + ln n)} to each of its topics
 *       ({@code weight * n} below 1), so one repeated word cannot carry an article.</li>
 *   <li>Entity prior (optional hints): politicians, parties and government bodies add to politics; two or more
 *       countries add to politics and, at half the rate, to conflict; armed groups add to conflict; companies to
 *       economy; sports clubs and athletes to sport. Each rule adds at most {@value #PRIOR_CAP}.</li>
 *   <li>Score: {@code raw(t) / (sum of raw + }{@value #SMOOTHING}{@code )}, in 0..1; the constant keeps a lone weak cue
 *       from looking certain. Topics scoring at least {@value #THRESHOLD} are returned, and the best one whenever there
 *       is any evidence; no cue and no hint gives an empty list.</li>
 * </ol>
 * Thread-safe; build once and share.
 */
public final class TopicClassifier {
    static final double TITLE = 3;
    static final double LEAD = 1.5;
    static final double SMOOTHING = 3;
    static final double THRESHOLD = 0.2;
    static final double PRIOR_CAP = 3;
    /** Words of the text counted as lead when the first paragraph is longer. */
    static final int LEAD_WORDS = 60;
    static final String COMPONENT = "topics";

    private final MatchingAnalyzer analyzer;
    private final CueModel model;
    private final int politics;
    private final int conflict;
    private final int economy;
    private final int sport;

    /** Loads the cue tables from the classpath, with the default matching layer. */
    public TopicClassifier() {
        this(new MatchingAnalyzer());
    }

    /** Loads the cue tables from the classpath, sharing the caller's matching layer. */
    public TopicClassifier(MatchingAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.model = CueModel.load(analyzer);
        this.politics = indexOf("medtop:11000000");
        this.conflict = indexOf("medtop:16000000");
        this.economy = indexOf("medtop:04000000");
        this.sport = indexOf("medtop:15000000");
    }

    /** The topics this classifier can assign, in IPTC order. */
    public List<Topic> topics() {
        return model.topics;
    }

    /** The model version written into each annotation: {@code keywords@} and a hash of the cue and topic files. */
    public String modelVersion() {
        return model.version;
    }

    /**
     * Topics of one article, best first.
     *
     * @param title    the headline; may be null
     * @param text     the article text; annotation offsets refer to it
     * @param language {@code ar} or {@code en}; anything else (or null) uses the cues of both languages
     * @param entities entity hints for the prior; may be empty
     * @return kind {@code topic}, type {@code iptc-mediatopic} annotations over the whole text, value the topic code,
     *         confidence the score, attributes {@code label}, {@code labelAr}, {@code level}, {@code component},
     *         {@code model} and {@code cues} (up to 5 cue words that fired, strongest first)
     */
    public List<Annotation> classify(String title, String text, String language, List<EntityHint> entities) {
        return classify(analyze(title, text), language, entities);
    }

    /** The title and text with their matching layers, for {@link #classify(AnalyzedText, String, List)}. */
    public AnalyzedText analyze(String title, String text) {
        return AnalyzedText.of(analyzer, title, text);
    }

    /** {@link #classify(String, String, String, List)} of a title and text already analyzed. */
    public List<Annotation> classify(AnalyzedText analyzed, String language, List<EntityHint> entities) {
        AnalyzedText article = analyzed.by(analyzer);
        String body = article.text();
        int n = model.topics.size();
        double[] raw = new double[n];
        double[] tally = new double[model.cueCount];
        CueModel.Cue[] seen = new CueModel.Cue[model.cueCount];
        int[] order = new int[model.cueCount];
        int distinct = 0;
        List<CueModel.Node> roots = roots(language);
        for (CueModel.Node root : roots) {
            if (article.titleMatching() != null) {
                distinct = match(article.titleMatching(), root, TITLE, Integer.MAX_VALUE, tally, seen, order, distinct);
            }
            MatchingText mt = article.textMatching();
            distinct = match(mt, root, 1, leadEnd(body, mt), tally, seen, order, distinct);
        }
        // contribution of each cue to each topic, remembered per topic for the "cues" attribute
        List<List<double[]>> fired = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            fired.add(new ArrayList<>());
        }
        for (int i = 0; i < distinct; i++) {
            CueModel.Cue cue = seen[order[i]];
            double c = tally[cue.id()];
            double damped = c >= 1 ? 1 + Math.log(c) : c;
            for (int k = 0; k < cue.topics().length; k++) {
                double v = cue.weights()[k] * damped;
                raw[cue.topics()[k]] += v;
                fired.get(cue.topics()[k]).add(new double[]{v, cue.id()});
            }
        }
        Map<Integer, List<String>> priorCues = prior(entities == null ? List.of() : entities, raw);
        double sum = 0;
        for (double r : raw) {
            sum += r;
        }
        if (sum <= 0) {
            return List.of();
        }
        Integer[] ranked = new Integer[n];
        for (int t = 0; t < n; t++) {
            ranked[t] = t;
        }
        Arrays.sort(ranked, Comparator.comparingDouble((Integer t) -> -raw[t]).thenComparingInt(t -> t));
        List<Annotation> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int t = ranked[r];
            double score = raw[t] / (sum + SMOOTHING);
            if (raw[t] <= 0 || r > 0 && score < THRESHOLD) {
                break;
            }
            Topic topic = model.topics.get(t);
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("label", topic.label());
            attrs.put("labelAr", topic.labelAr());
            attrs.put("level", topic.level());
            attrs.put("component", COMPONENT);
            attrs.put("model", model.version);
            attrs.put("cues", topCues(fired.get(t), seen, priorCues.getOrDefault(t, List.of())));
            out.add(new Annotation("topic", "iptc-mediatopic", 0, body.length(), topic.code(),
                    Scores.round3(score), attrs));
        }
        return out;
    }

    private List<CueModel.Node> roots(String language) {
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        if (lang.startsWith("ar")) {
            return List.of(model.arabic);
        }
        if (lang.startsWith("en")) {
            return List.of(model.english);
        }
        return List.of(model.arabic, model.english);
    }

    /** Offset where the lead ends: the first paragraph break, or after {@value #LEAD_WORDS} words. */
    static int leadEnd(String text, MatchingText mt) {
        int para = text.indexOf('\n', 1);
        while (para > 0 && para < text.length() && text.substring(0, para).isBlank()) {
            para = text.indexOf('\n', para + 1);
        }
        int words = mt.size() > LEAD_WORDS ? mt.offsets()[2 * LEAD_WORDS] : text.length();
        return para > 0 ? Math.min(para, words) : words;
    }

    /** One pass over the words: longest cue phrase at each word, zone-weighted counts into {@code tally}. */
    private static int match(MatchingText mt, CueModel.Node root, double zone, int leadEnd, double[] tally,
                             CueModel.Cue[] seen, int[] order, int distinct) {
        int size = mt.size();
        if (size == 0) {
            return distinct;
        }
        String[] keys = mt.stemsOrForms().split(" ");
        for (int i = 0; i < size; i++) {
            keys[i] = Keys.key(keys[i]);
        }
        int[] offsets = mt.offsets();
        int i = 0;
        while (i < size) {
            CueModel.Node node = root.next.get(keys[i]);
            CueModel.Cue best = null;
            int bestEnd = i + 1;
            int j = i;
            while (node != null) {
                if (node.cue != null) {
                    best = node.cue;
                    bestEnd = j + 1;
                }
                j++;
                node = j < size ? node.next.get(keys[j]) : null;
            }
            if (best != null) {
                double w = zone == 1 && offsets[2 * i] < leadEnd ? LEAD : zone;
                if (seen[best.id()] == null) {
                    seen[best.id()] = best;
                    order[distinct++] = best.id();
                }
                tally[best.id()] += w;
            }
            i = best != null ? bestEnd : i + 1;
        }
        return distinct;
    }

    /** Adds the entity prior to {@code raw}; returns, per topic, the hint rules that fired (for the cues attribute). */
    private Map<Integer, List<String>> prior(List<EntityHint> entities, double[] raw) {
        double politicians = 0;
        double countries = 0;
        double armed = 0;
        double companies = 0;
        double athletes = 0;
        for (EntityHint e : entities) {
            String type = e.type().toUpperCase(Locale.ROOT);
            String kind = e.kind().toLowerCase(Locale.ROOT);
            if (kind.contains("politician") || kind.contains("head of state") || kind.contains("head of government")
                    || kind.contains("minister") || kind.contains("political party") || kind.contains("government")
                    || kind.contains("parliament") || kind.contains("monarch")) {
                politicians++;
            } else if (kind.contains("country") || kind.contains("state") && type.startsWith("LOC")) {
                countries++;
            } else if (kind.contains("armed") || kind.contains("militant") || kind.contains("military")
                    || kind.contains("terror")) {
                armed++;
            } else if (kind.contains("company") || kind.contains("business") || kind.contains("bank")) {
                companies++;
            } else if (kind.contains("sport") || kind.contains("club") || kind.contains("athlete")
                    || kind.contains("footballer") || kind.contains("team")) {
                athletes++;
            }
        }
        Map<Integer, List<String>> fired = new LinkedHashMap<>();
        addPrior(raw, fired, politics, politicians, "entity:politician");
        if (countries >= 2) {
            addPrior(raw, fired, politics, countries * 0.5, "entity:countries");
            addPrior(raw, fired, conflict, countries * 0.25, "entity:countries");
        }
        addPrior(raw, fired, conflict, armed, "entity:armed group");
        addPrior(raw, fired, economy, companies, "entity:company");
        addPrior(raw, fired, sport, athletes, "entity:sport");
        return fired;
    }

    private static void addPrior(double[] raw, Map<Integer, List<String>> fired, int topic, double amount, String why) {
        if (amount > 0 && topic >= 0) {
            raw[topic] += Math.min(PRIOR_CAP, amount);
            fired.computeIfAbsent(topic, k -> new ArrayList<>()).add(why);
        }
    }

    private static List<String> topCues(List<double[]> fired, CueModel.Cue[] seen, List<String> prior) {
        fired.sort(Comparator.comparingDouble((double[] f) -> -f[0]));
        List<String> cues = new ArrayList<>(5);
        for (double[] f : fired) {
            if (cues.size() == 5) {
                break;
            }
            cues.add(seen[(int) f[1]].phrase());
        }
        for (String p : prior) {
            if (cues.size() < 5) {
                cues.add(p);
            }
        }
        return List.copyOf(cues);
    }

    private int indexOf(String code) {
        for (int i = 0; i < model.topics.size(); i++) {
            if (model.topics.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
