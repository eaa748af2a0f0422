package io.khabar.entities.quotes;

import io.khabar.entities.ner.WordKeys;
import io.khabar.events.Annotation;
import io.khabar.events.Span;
import io.khabar.text.Scripts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotations and who said them, in Arabic and English.
 * <ul>
 *   <li><b>Direct quotes</b> between “ ” « » or " marks, including the Arabic habit of opening with a closing-style
 *       mark (” إن ...”) and of quoting a word inside a quote (“الإرهابيين”): a mark opens when no quote is open, and
 *       inside a quote a mark glued to the next word opens a nested one; anything else closes. A quote open at the
 *       end of its paragraph ends there. Spans of fewer than three words are scare quotes or titles, not quotes.</li>
 *   <li><b>Speaker</b>: the reporting verb (قال، أضاف، أكد، أشار، تابع، أوضح، صرح...; said, told, added, according
 *       to...) nearest before the quote in its paragraph, or right after it ("...,” said Brown), and the person or
 *       organisation mentioned next to that verb. A cue without a speaker ("وتابع بالقول") gives the nearest
 *       preceding speaker, marked {@code speakerInferred}.</li>
 *   <li><b>Indirect speech</b> with a clear speaker ("قال بوتين إن ...", "Brown said that ...") is kind
 *       {@code quote}, type {@code indirect}, with lower confidence.</li>
 * </ul>
 * Output: {@code quote} annotations whose span is the quoted words (without the marks), value the speaker's entity
 * id (null when none is found), attributes {@code speakerName}, {@code cue}, {@code cueStart}, {@code cueEnd},
 * {@code speakerInferred}, {@code component}, {@code model}. Plain Java and thread-safe.
 */
public final class QuoteExtractor {
    public static final String COMPONENT = "quotes";
    public static final String MODEL = "rules@1";
    private static final int MIN_WORDS = 3;
    private static final int CUE_WINDOW_BEFORE = 160;
    private static final int CUE_WINDOW_AFTER = 60;

    /** Reporting verbs and phrases, as matching stems (proclitics و ف are stripped by the analyzer or below). */
    private static final Set<String> ARABIC_CUES = Set.of("قال", "قالت", "يقول", "تقول", "اضاف", "اضافت", "يضيف",
            "اكد", "اكدت", "يؤكد", "اشار", "اشارت", "تابع", "تابعت", "اوضح", "اوضحت", "صرح", "صرحت", "ذكر", "ذكرت",
            "اعلن", "اعلنت", "شدد", "شددت", "لفت", "لفتت", "اعتبر", "اعتبرت", "راي", "رات", "قائلا", "قائله",
            "بالقول", "مضيفا", "مضيفه", "مؤكدا", "مؤكده", "موضحا", "موضحه", "مشيرا", "مشيره", "حسب", "بحسب",
            "وفقا", "نقلا", "كتب", "كتبت", "غرد", "غردت", "ختم", "استطرد", "علق", "علقت", "ردد", "حذر",
            "حذرت", "طالب", "طالبت", "دعا", "دعت");
    private static final Set<String> ENGLISH_CUES = Set.of("said", "says", "say", "told", "tells", "added", "adds",
            "stated", "states", "noted", "explained", "insisted", "warned", "argued", "asked", "replied", "declared",
            "announced", "claimed", "wrote", "tweeted", "according", "saying", "continued", "stressed", "urged");
    /** "...", قال/said X: a cue right after a quote. */
    private static final Pattern INDIRECT_AR = Pattern.compile("(?:إن|إنه|إنها|أن|أنه|أنها|بأن|بأنه|بأنها)(?=\\s)");
    private static final Pattern INDIRECT_EN = Pattern.compile("\\b(?:that)\\b");
    private static final String MARKS = "“”\"«»";

    private final WordKeys keys;

    public QuoteExtractor(WordKeys keys) {
        this.keys = keys;
    }

    /** A mention that can speak: a person or organisation annotation of the entity extractor. */
    public record Speaker(String entityId, String type, String name, int start, int end) {
    }

    /**
     * @param text       the article's normalized text
     * @param paragraphs paragraph spans (quotes do not cross them); may be empty (the whole text is one)
     * @param mentions   people and organisations mentioned, in text order
     */
    public List<Annotation> extract(String text, List<Span> paragraphs, List<Speaker> mentions) {
        List<Span> units = paragraphs.isEmpty() ? List.of(new Span(0, text.length())) : paragraphs;
        List<Speaker> speakers = new ArrayList<>(mentions);
        speakers.sort(Comparator.comparingInt(Speaker::start));
        List<Annotation> out = new ArrayList<>();
        Speaker[] last = new Speaker[1];
        List<int[]> direct = new ArrayList<>();
        for (Span p : units) {
            for (int[] q : directQuotes(text, p.start(), p.end())) {
                direct.add(q);
            }
        }
        int d = 0;
        for (Span p : units) {
            // direct quotes of this paragraph, in order, with their speakers
            List<int[]> here = new ArrayList<>();
            while (d < direct.size() && direct.get(d)[0] < p.end()) {
                here.add(direct.get(d++));
            }
            int previousEnd = -1;
            Speaker previous = null;
            for (int[] q : here) {
                Annotation a = direct(text, p, q, previousEnd, previous, speakers, last);
                if (a != null) {
                    out.add(a);
                    previous = findSpeaker(speakers, a);
                }
                previousEnd = q[3] + 1;
            }
            indirect(text, p, here, speakers, out, last);
        }
        out.sort(Comparator.comparingInt(Annotation::start));
        return out;
    }

    /** Quote spans within [from, to) as {contentStart, contentEnd, openMark, closeMark}. */
    static List<int[]> directQuotes(String text, int from, int to) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int open = -1;
        char opener = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (MARKS.indexOf(c) < 0) {
                continue;
            }
            if (depth == 0) {
                if (c == '»') {
                    continue; // a closing guillemet with nothing open
                }
                depth = 1;
                open = i;
                opener = c;
                continue;
            }
            boolean gluedToNext = i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1));
            boolean afterSpace = i == from || Character.isWhitespace(text.charAt(i - 1));
            if (c == '"' && opener == '"' && gluedToNext && afterSpace) {
                // straight marks do not nest: "... Councils. "The key ...": a quote left open and a new one
                add(out, text, open, i);
                open = i;
                continue;
            }
            boolean nestedOpen = opener == '«' ? c == '«' : gluedToNext && afterSpace;
            if (nestedOpen) {
                depth++;
            } else if (opener != '«' || c == '»') {
                depth--;
                if (depth == 0) {
                    add(out, text, open, i);
                    open = -1;
                }
            }
        }
        if (depth > 0 && open >= 0) {
            int end = to;
            while (end > open + 1 && ".،,؛; \n".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            add(out, text, open, end);
        }
        return out;
    }

    private static void add(List<int[]> out, String text, int open, int close) {
        int s = open + 1;
        int e = close;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (words(text, s, e) >= MIN_WORDS) {
            out.add(new int[]{s, e, open, close});
        }
    }

    private static int words(String text, int s, int e) {
        int n = 0;
        boolean in = false;
        for (int i = s; i < e; i++) {
            boolean w = Character.isLetterOrDigit(text.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }

    private Annotation direct(String text, Span p, int[] q, int previousEnd, Speaker previous, List<Speaker> speakers,
                              Speaker[] last) {
        // a cue before the quote, in its paragraph, and after the previous quote
        int windowStart = Math.min(q[2], Math.max(Math.max(p.start(), previousEnd), q[2] - CUE_WINDOW_BEFORE));
        Cue before = lastCue(text, windowStart, q[2]);
        Speaker speaker = null;
        Cue cue = null;
        if (before != null) {
            cue = before;
            speaker = speakerNear(text, speakers, before, windowStart, q[2]);
        }
        if (speaker == null) {
            int afterEnd = Math.min(p.end(), q[3] + 1 + CUE_WINDOW_AFTER);
            Cue after = firstCue(text, q[3] + 1, afterEnd);
            if (after != null) {
                Speaker s = speakerNear(text, speakers, after, q[3] + 1, afterEnd);
                if (s != null || cue == null) {
                    cue = after;
                    speaker = s;
                }
            }
        }
        boolean inferred = false;
        boolean continues = previousEnd > 0 && (previousEnd > q[2] || text.substring(previousEnd, q[2]).isBlank());
        if (cue == null && continues) {
            speaker = previous; // "... Councils. "The key issue ...": the same speaker goes on
            inferred = speaker != null;
        } else if (speaker == null && cue != null && last[0] != null) {
            speaker = last[0];
            inferred = true;
        }
        if (cue == null && speaker == null && words(text, q[0], q[1]) < 8) {
            return null; // a short phrase in quotes with no one saying it: a title or a scare quote
        }
        if (speaker != null && !inferred) {
            last[0] = speaker;
        }
        double confidence = speaker == null ? 0.5 : inferred ? 0.7 : 0.9;
        return annotation("direct", q[0], q[1], speaker, cue, inferred, confidence);
    }

    private static Speaker findSpeaker(List<Speaker> speakers, Annotation quote) {
        Object start = quote.attributes().get("speakerStart");
        for (Speaker s : speakers) {
            if (start != null && s.start() == (int) start) {
                return s;
            }
        }
        return null;
    }

    /** قال بوتين إن ... / Brown said that ...: reported speech outside the direct quotes of the paragraph. */
    private void indirect(String text, Span p, List<int[]> direct, List<Speaker> speakers, List<Annotation> out,
                          Speaker[] last) {
        int coveredUntil = -1;
        for (Speaker s : speakers) {
            if (s.start() < p.start() || s.end() > p.end() || insideAny(direct, s.start()) || isAddressee(text, s)) {
                continue;
            }
            Cue cue = lastCue(text, Math.max(p.start(), s.start() - 25), s.start());
            boolean cueAfter = false;
            if (cue == null) { // English order: Brown said (that) ... (not: Brown's aides say)
                cue = firstCue(text, s.end(), Math.min(p.end(), s.end() + 12));
                cueAfter = cue != null && text.substring(s.end(), cue.start).isBlank();
                if (!cueAfter) {
                    cue = null;
                }
            }
            if (cue == null || cue.text.equals("حسب") || cue.text.equals("بحسب") || cue.text.equals("according")) {
                continue;
            }
            int from = cueAfter ? cue.end : s.end();
            Matcher m = (isArabic(text, s.start()) ? INDIRECT_AR : INDIRECT_EN).matcher(text);
            m.region(from, Math.min(p.end(), from + 40));
            int start;
            if (m.find()) {
                start = m.end();
            } else if (cueAfter) {
                start = cue.end; // "Brown said the talks ..." without "that"
            } else {
                continue;
            }
            while (start < p.end() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            int end = clauseEnd(text, start, p.end());
            if (start < coveredUntil || words(text, start, end) < MIN_WORDS || overlapsAny(direct, start, end)) {
                continue;
            }
            coveredUntil = end;
            out.add(annotation("indirect", start, end, s, cue, false, 0.6));
            last[0] = s;
        }
    }

    /**
     * Where reported speech ends: the end of its sentence (a full stop followed by a space, not the one of 1.2), a
     * colon or quote mark, or a comma that starts another report (، وأضاف بوتين ...).
     */
    private int clauseEnd(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean stop = c == '.' && (i + 1 == to || Character.isWhitespace(text.charAt(i + 1)));
            if (stop || c == '؟' || c == '?' || c == '!' || c == ':' || c == '\n' || MARKS.indexOf(c) >= 0) {
                return trimEnd(text, from, i);
            }
            if ((c == '،' || c == ',') && firstCue(text, i + 1, Math.min(to, i + 14)) != null) {
                return trimEnd(text, from, i);
            }
        }
        return trimEnd(text, from, to);
    }

    private static int trimEnd(String text, int from, int end) {
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** للأسد, to Assad: the person spoken to, not the speaker. */
    private static boolean isAddressee(String text, Speaker s) {
        return s.start() > 0 && text.charAt(s.start() - 1) == 'ل';
    }

    private static boolean insideAny(List<int[]> quotes, int offset) {
        for (int[] q : quotes) {
            if (offset >= q[2] && offset <= q[3]) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsAny(List<int[]> quotes, int s, int e) {
        for (int[] q : quotes) {
            if (s < q[3] && e > q[2]) {
                return true;
            }
        }
        return false;
    }

    private record Cue(String text, int start, int end) {
    }

    private Cue lastCue(String text, int from, int to) {
        Cue found = null;
        for (Cue c : cues(text, from, to)) {
            found = c;
        }
        return found;
    }

    private Cue firstCue(String text, int from, int to) {
        List<Cue> all = cues(text, from, to);
        return all.isEmpty() ? null : all.get(0);
    }

    private List<Cue> cues(String text, int from, int to) {
        List<Cue> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < to && (Character.isLetter(text.charAt(i)) || Character.getType(text.charAt(i))
                    == Character.NON_SPACING_MARK)) {
                i++;
            }
            String cue = i > s ? cue(text.substring(s, i)) : null;
            if (cue != null) {
                out.add(new Cue(cue, s, i));
            }
        }
        return out;
    }

    /** The reporting verb a word is, without its conjunction (وقال: قال), or null. */
    private String cue(String word) {
        String[] k = keys.of(word);
        if (ENGLISH_CUES.contains(k[0]) || ARABIC_CUES.contains(k[0])) {
            return k[0];
        }
        if (ARABIC_CUES.contains(k[1])) {
            return k[1];
        }
        // وقال، فأضاف: a conjunction the lexicon-guided stemmer kept
        String f = k[0];
        if (f.length() > 3 && (f.charAt(0) == 'و' || f.charAt(0) == 'ف') && ARABIC_CUES.contains(f.substring(1))) {
            return f.substring(1);
        }
        return null;
    }

    /** The speaker mention nearest to the cue within [from, to): after it first (قال بوتين), else before it. */
    private static Speaker speakerNear(String text, List<Speaker> speakers, Cue cue, int from, int to) {
        Speaker after = null;
        Speaker personAfter = null;
        Speaker before = null;
        for (Speaker s : speakers) {
            if (s.start() >= cue.end && s.end() <= to && s.start() - cue.end <= 60) {
                after = after == null ? s : after;
                if (personAfter == null && s.type().equals("PERSON")) {
                    personAfter = s; // رئيس الاتحاد الآسيوي سلمان ...: the person, not the body he heads
                }
            }
            if (s.end() <= cue.start && s.start() >= from) {
                before = s;
            }
        }
        if (personAfter != null) {
            return personAfter;
        }
        if (after != null && after.start() - cue.end <= 40) {
            return after;
        }
        if (before != null && cue.start - before.end() <= 40 && !possessive(text, before, cue)) {
            return before;
        }
        return after;
    }

    /** Blair's spokesman said: between the name and the cue, someone else is the subject. */
    private static boolean possessive(String text, Speaker before, Cue cue) {
        String gap = text.substring(before.end(), cue.start);
        return gap.startsWith("'s") || gap.startsWith("’s") || gap.startsWith("'") || gap.startsWith("’");
    }

    private static boolean isArabic(String text, int at) {
        return Scripts.inArabicBlock(text.charAt(at));
    }

    private static Annotation annotation(String type, int start, int end, Speaker speaker, Cue cue, boolean inferred,
                                         double confidence) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (speaker != null) {
            attrs.put("speakerName", speaker.name());
            attrs.put("speakerStart", speaker.start());
            attrs.put("speakerEnd", speaker.end());
        }
        if (cue != null) {
            attrs.put("cue", cue.text);
            attrs.put("cueStart", cue.start);
            attrs.put("cueEnd", cue.end);
        }
        if (inferred) { // left out when false
            attrs.put("speakerInferred", true);
        }
        attrs.put("component", COMPONENT);
        attrs.put("model", MODEL);
        return new Annotation("quote", type, start, end, speaker == null ? null : speaker.entityId(), confidence,
                attrs);
    }
}
