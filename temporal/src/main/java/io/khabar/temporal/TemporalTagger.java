package io.khabar.temporal;

import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import io.khabar.events.Annotation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates mentioned in an article, Arabic or English, resolved to ISO values: written dates (Gregorian month names of
 * every Arab region, numeric, ISO, Hijri in the Umm al-Qura calendar), and words relative to publication (أمس،
 * اليوم الثلاثاء، الأسبوع الماضي، last Tuesday, two days ago) resolved against the publication time in the source's
 * zone. Without a publication time, relative words are tagged {@code unanchored} with no value: never a guess.
 * Stateless and thread-safe; the resolution rules are in this module's README.
 */
public final class TemporalTagger {
    public static final String KIND = "date";
    public static final String ABSOLUTE = "absolute";
    public static final String RELATIVE = "relative";
    public static final String UNANCHORED = "unanchored";

    /** Whitespace within a paragraph: spaces, tabs, a single line break (never a blank line). */
    private static final String SP = "(?:[ \\t]|\\n(?![ \\t]*\\n))++";
    private static final String SP0 = "(?:[ \\t]|\\n(?![ \\t]*\\n))*+";
    private static final String B = "(?<![\\p{L}\\p{N}])";
    /** Before a number: no digit, letter or date separator (so 10/20 inside 2015/10/20 does not start a match). */
    private static final String BN = "(?<![\\p{L}\\p{N}/.,\\-])";
    /** Before an Arabic word: a word start, or after a one-letter proclitic و ف ب ل at a word start (وأمس، بالأمس). */
    private static final String AB = "(?:(?<![\\p{L}\\p{N}])|(?<=(?<![\\p{L}\\p{N}])[وفبل]))";
    private static final String NL = "(?![\\p{L}])";

    private static final String AR_MONTH_NAMES = Lexicon.alternation(Lexicon.ARABIC_MONTHS);
    /** An Arabic month, possibly written twice (آب/أغسطس، تشرين الأول (أكتوبر)): the first name is the one read. */
    private static final String AR_MONTH = "(?<m>" + AR_MONTH_NAMES + ")" + NL + "(?:" + SP0 + "[/(]" + SP0 + "(?:"
            + AR_MONTH_NAMES + ")" + NL + "(?:" + SP0 + "\\))?)?";
    private static final String HIJRI = "(?<h>" + Lexicon.alternation(Lexicon.HIJRI_MONTHS) + ")" + NL;
    private static final String EN_MONTH = "(?<m>" + Lexicon.alternation(Lexicon.ENGLISH_MONTHS) + ")" + NL + "\\.?";
    private static final String AR_WEEKDAY = "(?<w>" + Lexicon.alternation(Lexicon.ARABIC_WEEKDAYS) + ")" + NL;
    private static final String YEAR_WORD = "(?:(?:من" + SP + ")?(?:ال)?(?:عام|سنه)" + SP + ")";
    private static final String HIJRI_ERA = "(?<era>" + SP0 + "(?:ه|هجري|هجريه|للهجره)" + NL + ")";
    /** Times of day before يوم/اليوم/أمس/غدا: صباح اليوم is today. */
    private static final String PART = "(?:(?:صباح|مساء|ظهر|عصر|ليله|ليل|فجر|نهار|ظهيره|منتصف" + SP + "ليل)" + SP + ")";
    private static final String EN_PART = "(?:" + SP + "(?:morning|afternoon|evening|night))?";

    /** A rule is tried only where the text has a digit, or one of its first words (a proclitic off or not). */
    private static final Set<String> DIGITS = Set.of("0");
    private static final Set<String> DAY_WORDS = words(firstWords(Lexicon.ARABIC_WEEKDAYS), "صباح", "مساء", "ظهر", "عصر",
            "ليله", "ليل", "فجر", "نهار", "ظهيره", "منتصف", "هذا", "اليوم", "يوم", "اول", "امس", "الامس", "بعد", "غدا");

    private final List<Rule> rules = List.of(
            new Rule(DIGITS, B + "(?<y>\\d{4})-(?<mo>\\d{1,2})-(?<d>\\d{1,2})(?![\\p{N}])", TemporalTagger::numericYmd),
            new Rule(DIGITS, BN + "(?<y>\\d{4})/(?<mo>\\d{1,2})/(?<d>\\d{1,2})(?![\\p{N}/])", TemporalTagger::numericYmd),
            new Rule(DIGITS, BN + "(?<a>\\d{1,2})(?<sep>[/.\\-])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{4})(?![\\p{N}])",
                    TemporalTagger::numericDmy),
            new Rule(DIGITS, BN + "(?<d>\\d{1,2})" + SP + "(?:من" + SP + ")?(?:شهر" + SP + ")?" + HIJRI + SP0 + YEAR_WORD
                    + "?(?<y>\\d{4})(?![\\p{N}])" + HIJRI_ERA + "?", TemporalTagger::hijriDate),
            new Rule(words(firstWords(Lexicon.ARABIC_ORDINAL_DAYS), "يوم"), AB + "(?:يوم" + SP + ")?(?<o>" + Lexicon.alternation(Lexicon.ARABIC_ORDINAL_DAYS) + ")" + NL + SP
                    + "من" + SP + "(?:شهر" + SP + ")?(?:" + AR_MONTH + "|" + HIJRI + ")(?:" + SP0 + "[,،]?" + SP0
                    + YEAR_WORD + "?(?<y>\\d{4})(?![\\p{N}]))?" + HIJRI_ERA + "?", TemporalTagger::ordinalDate),
            new Rule(DIGITS, BN + "(?<d>\\d{1,2})" + SP + "(?:من" + SP + ")?(?:شهر" + SP + ")?" + AR_MONTH + "(?:" + SP0
                    + "[,،]?" + SP0 + YEAR_WORD + "?(?<y>\\d{4})(?![\\p{N}])(?:" + SP0 + "م" + NL + ")?)?",
                    TemporalTagger::dayMonth),
            new Rule(firstWords(Lexicon.ENGLISH_MONTHS), B + EN_MONTH + SP + "(?<d>\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])(?:" + SP0 + ",?" + SP0
                    + "(?<y>\\d{4})(?![\\p{N}]))?", TemporalTagger::dayMonth),
            new Rule(DIGITS, BN + "(?<d>\\d{1,2})(?:st|nd|rd|th)?" + SP + "(?:of" + SP + ")?" + EN_MONTH + "(?:" + SP0 + ",?"
                    + SP0 + "(?<y>\\d{4})(?![\\p{N}]))?", TemporalTagger::dayMonth),
            new Rule(words(firstWords(Lexicon.ARABIC_MONTHS), "شهر"), AB + "(?:شهر" + SP + ")?" + AR_MONTH + SP0 + "[,،]?" + SP0 + YEAR_WORD + "?(?<y>\\d{4})(?![\\p{N}])"
                    + "(?:" + SP0 + "م" + NL + ")?", TemporalTagger::monthYear),
            new Rule(firstWords(Lexicon.ENGLISH_MONTHS), B + EN_MONTH + SP0 + ",?" + SP0 + "(?:of" + SP + ")?(?<y>\\d{4})(?![\\p{N}])",
                    TemporalTagger::monthYear),
            new Rule(words(Set.of(), "في", "خلال", "منذ", "مطلع", "اوائل", "اواخر", "منتصف", "بدايه", "نهايه", "حتي"), AB + "(?:في|خلال|منذ|مطلع|اوائل|اواخر|منتصف|بدايه|نهايه|حتي)" + SP + "(?<s>(?:شهر" + SP + ")?"
                    + AR_MONTH + ")", TemporalTagger::monthOnly),
            new Rule(words(Set.of(), "in", "since", "during", "until", "by", "early", "late", "mid"), B + "(?:in|since|during|until|by|early|late|mid-?)" + SP0 + "(?<s>" + EN_MONTH + ")"
                    + "(?!" + SP0 + "\\d)", TemporalTagger::monthOnly),
            new Rule(words(Set.of(), "في", "منذ", "خلال", "حتي", "بحلول", "قبل", "بعد", "مطلع", "اواخر", "منتصف", "عام", "العام", "سنه", "السنه"), AB + "(?:(?<cue>في|منذ|خلال|حتي|بحلول|قبل|بعد|مطلع|اواخر|منتصف)" + SP + ")?(?<n>(?:ال)?(?:عام|سنه)"
                    + SP + ")?(?<y>(?:1[89]|20)\\d{2})(?![\\p{L}\\p{N}%])(?!" + HIJRI_ERA + ")",
                    TemporalTagger::yearWithCue),
            new Rule(words(Set.of(), "in", "since", "during", "until", "by", "before", "after", "of", "early", "late", "mid"), B + "(?<cue>in|since|during|until|by|before|after|of|early|late|mid-?)" + SP0 + "(?:the" + SP
                    + "year" + SP + ")?(?<y>(?:1[89]|20)\\d{2})(?![\\p{L}\\p{N}%])", TemporalTagger::yearWithCue),
            new Rule(DAY_WORDS, AB + PART + "?(?:هذا" + SP + ")?(?<!(?:ذلك|نفس|ذات)[ \\t])اليوم" + NL + "(?!" + SP
                    + "(?:التالي|السابق|الوطني|العالمي|الدولي|نفسه|ذاته|الاول|الاخير|الثاني)" + NL + ")(?:" + SP
                    + AR_WEEKDAY + ")?", m -> new Offset(0)),
            new Rule(DAY_WORDS, AB + PART + "?(?:يوم" + SP + ")?(?:(?<first>اول)" + SP + ")?(?:ال)?امس" + NL + "(?:" + SP
                    + "(?<first2>الاول)" + NL + ")?(?:" + SP + AR_WEEKDAY + ")?",
                    m -> new Offset(m.group("first") != null || m.group("first2") != null ? -2 : -1)),
            new Rule(DAY_WORDS, AB + PART + "?(?:(?<after>بعد)" + SP + "(?:ال)?غد|(?:يوم" + SP + ")?غدا|يوم" + SP + "غد)" + NL
                    + "(?:" + SP + AR_WEEKDAY + ")?", m -> new Offset(m.group("after") != null ? 2 : 1)),
            new Rule(words(Set.of(), "الاسبوع", "الشهر", "العام", "السنه", "هذا", "هذه"), AB + "(?:(?<u>الاسبوع|الشهر|العام|السنه)" + SP + "(?<dir>الماضي|الماضيه|المنصرم|المنصرمه|الفائت"
                    + "|الفائته|المقبل|المقبله|القادم|القادمه|الحالي|الحاليه|الجاري|الجاريه)|(?:هذا|هذه)" + SP
                    + "(?<u2>الاسبوع|الشهر|العام|السنه))" + NL, TemporalTagger::arabicPeriod),
            new Rule(words(Set.of(), "قبل"), AB + "قبل" + SP + "(?:(?<dual>" + Lexicon.alternation(Lexicon.DUAL_DURATIONS) + ")|(?:(?<n>\\d{1,3}|"
                    + "\\p{L}+(?:" + SP + "\\p{L}+)?)" + SP + ")?(?<u>" + Lexicon.alternation(Lexicon.DURATION_UNITS)
                    + "))" + NL, TemporalTagger::ago),
            new Rule(DAY_WORDS, AB + PART + "?(?:(?<yom>يوم)" + SP + ")?" + AR_WEEKDAY + "(?:" + SP
                    + "(?<dir>الماضي|المنصرم|الفائت|المقبل|القادم)" + NL + ")?", TemporalTagger::arabicWeekday),
            new Rule(words(Set.of(), "the", "yesterday", "today", "tonight", "tomorrow"), B + "(?:(?<dby>the" + SP + "day" + SP + "before" + SP + "yesterday)|(?<dat>the" + SP + "day" + SP
                    + "after" + SP + "tomorrow)|(?<w>yesterday|today|tonight|tomorrow))" + NL + EN_PART,
                    TemporalTagger::englishDay),
            new Rule(words(Lexicon.ENGLISH_WEEKDAYS.keySet(), "on", "this", "last", "next", "coming"), B + "(?:(?<dir>on|this|last|next|coming)" + SP + ")?(?<w>"
                    + Lexicon.alternation(Lexicon.ENGLISH_WEEKDAYS) + ")" + NL + EN_PART, TemporalTagger::englishWeekday),
            new Rule(words(Set.of(), "this", "last", "next", "coming"), B + "(?<dir>this|last|next|coming)" + SP + "(?<u>week|month|year)" + NL,
                    TemporalTagger::englishPeriod),
            new Rule(words(DIGITS, NumberWords.CARDINALS.keySet().stream().filter(k -> k.matches("[a-z]+")).toArray(String[]::new)), B + "(?<n>\\d{1,3}|[a-z]+)" + SP + "(?<u>days?|weeks?|months?|years?)" + SP + "ago" + NL,
                    TemporalTagger::ago));

    private static final int[] NONE = {};
    /** Trigger word to the indexes of the rules it may start. */
    private final Map<String, int[]> rulesByTrigger = new java.util.HashMap<>();

    public TemporalTagger() {
        Map<String, List<Integer>> index = new java.util.HashMap<>();
        for (int r = 0; r < rules.size(); r++) {
            for (String t : rules.get(r).triggers) {
                index.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
            }
        }
        index.forEach((word, rs) -> rulesByTrigger.put(word, rs.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * @param text        the normalized article text; offsets of the result index into it
     * @param language    the text's language tag: {@code en*} reads 10/20/2015 as month first when it can only be
     *                    that; anything else reads numeric dates day first
     * @param publishedAt the anchor of relative expressions, or null when unknown
     * @param zone        the source's zone, in which "today" is reckoned; null means UTC
     * @return the dates found, in text order, not overlapping
     */
    public List<Annotation> tag(String text, String language, Instant publishedAt, ZoneId zone) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        FoldedText folded = FoldedText.of(text);
        LocalDate anchor = publishedAt == null ? null : publishedAt.atZone(zone == null ? ZoneOffset.UTC : zone)
                .toLocalDate();
        Context context = new Context(anchor, language != null && language.toLowerCase().startsWith("en"));
        List<List<Integer>> starts = candidates(folded.text());
        List<Found> found = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            Matcher m = rule.pattern.matcher(folded.text()).useTransparentBounds(true).useAnchoringBounds(false);
            int covered = 0;
            for (int start : starts.get(r)) {
                if (start < covered || !m.region(start, folded.text().length()).lookingAt()) {
                    continue;
                }
                Found f = rule.resolve(m, context);
                if (f != null && found.stream().noneMatch(g -> g.start < f.end && f.start < g.end)) {
                    found.add(f);
                    covered = m.end();
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        List<Annotation> out = new ArrayList<>(found.size());
        for (Found f : found) {
            Map<String, Object> attributes = Provenance.attributes();
            attributes.put("granularity", f.granularity);
            attributes.putAll(f.attributes);
            out.add(new Annotation(KIND, f.type, folded.originalStart(f.start), folded.originalEnd(f.end), f.value,
                    null, attributes));
        }
        return out;
    }

    /**
     * For each rule, the offsets where it may match: word starts whose word (or the word after a one-letter proclitic
     * و ف ب ل) is one of its triggers, or digits. One pass over the text instead of one regex scan per rule.
     */
    private List<List<Integer>> candidates(String s) {
        List<List<Integer>> starts = new ArrayList<>(rules.size());
        for (int r = 0; r < rules.size(); r++) {
            starts.add(new ArrayList<>());
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int end = i + 1;
            boolean digit = Character.isDigit(c);
            while (end < s.length() && (digit ? Character.isDigit(s.charAt(end)) : Character.isLetter(s.charAt(end)))) {
                end++;
            }
            String word = digit ? "0" : s.substring(i, end);
            for (int r : rulesByTrigger.getOrDefault(word, NONE)) {
                starts.get(r).add(i);
            }
            if (!digit && word.length() > 2 && "وفبل".indexOf(c) >= 0) {
                for (int r : rulesByTrigger.getOrDefault(word.substring(1), NONE)) {
                    starts.get(r).add(i + 1);
                }
            }
            i = end;
        }
        return starts;
    }

    private static Set<String> firstWords(Map<String, ?> table) {
        Set<String> first = new HashSet<>();
        table.keySet().forEach(k -> first.add(k.split(" ")[0]));
        return first;
    }

    private static Set<String> words(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    // --- written dates ---

    private static Found numericYmd(Matcher m, Context c) {
        return absoluteDay(m, num(m, "y"), num(m, "mo"), num(m, "d"), Map.of());
    }

    /** Day first, except in English text when the second number cannot be a month and the first can (10/20/2015). */
    private static Found numericDmy(Matcher m, Context c) {
        int a = num(m, "a");
        int b = num(m, "b");
        boolean monthFirst = c.english && b > 12 && a <= 12;
        return absoluteDay(m, num(m, "y"), monthFirst ? a : b, monthFirst ? b : a, Map.of());
    }

    private static Found hijriDate(Matcher m, Context c) {
        int year = num(m, "y");
        if (m.group("era") == null && year >= 1600) {
            return null;
        }
        LocalDate date = hijri(year, Lexicon.HIJRI_MONTHS.get(words(m.group("h"))), num(m, "d"));
        return date == null ? null : day(m, ABSOLUTE, date, Map.of("calendar", "hijri"));
    }

    private static Found ordinalDate(Matcher m, Context c) {
        int day = Lexicon.ARABIC_ORDINAL_DAYS.get(words(m.group("o")));
        if (m.group("h") != null) {
            int month = Lexicon.HIJRI_MONTHS.get(words(m.group("h")));
            if (m.group("y") != null) {
                LocalDate date = hijri(num(m, "y"), month, day);
                return date == null ? null : day(m, ABSOLUTE, date, Map.of("calendar", "hijri"));
            }
            if (c.anchor == null) {
                return unanchored(m, "day", Map.of("calendar", "hijri"));
            }
            int hijriYear = hijriYear(c.anchor);
            LocalDate date = hijri(hijriYear, month, day);
            if (date != null && date.isAfter(c.anchor.plusDays(1))) {
                date = hijri(hijriYear - 1, month, day);
            }
            return date == null ? null : day(m, ABSOLUTE, date,
                    Map.of("calendar", "hijri", "anchor", c.anchor.toString(), "yearInferred", true));
        }
        return gregorian(m, c, Lexicon.ARABIC_MONTHS.get(words(m.group("m"))), day);
    }

    private static Found dayMonth(Matcher m, Context c) {
        String month = words(m.group("m"));
        Integer number = Lexicon.ARABIC_MONTHS.containsKey(month) ? Lexicon.ARABIC_MONTHS.get(month)
                : Lexicon.ENGLISH_MONTHS.get(month);
        if (month.equals("may") && m.group("y") == null) {
            return null; // "5 may be": the modal verb, unless a year makes it a date
        }
        return gregorian(m, c, number, num(m, "d"));
    }

    /** A day and month, with the year written or else the latest such date not after the day after publication. */
    private static Found gregorian(Matcher m, Context c, int month, int day) {
        if (m.group("y") != null) {
            return absoluteDay(m, num(m, "y"), month, day, Map.of());
        }
        if (day < 1 || day > Month.of(month).maxLength()) {
            return null;
        }
        if (c.anchor == null) {
            return unanchored(m, "day", Map.of());
        }
        LocalDate limit = c.anchor.plusDays(1);
        for (int year = limit.getYear(); year > limit.getYear() - 8; year--) {
            try {
                LocalDate date = LocalDate.of(year, month, day);
                if (!date.isAfter(limit)) {
                    return day(m, ABSOLUTE, date, Map.of("anchor", c.anchor.toString(), "yearInferred", true));
                }
            } catch (DateTimeException e) {
                // 29 February: try the year before
            }
        }
        return null;
    }

    private static Found monthYear(Matcher m, Context c) {
        String name = words(m.group("m"));
        Integer month = Lexicon.ARABIC_MONTHS.containsKey(name) ? Lexicon.ARABIC_MONTHS.get(name)
                : Lexicon.ENGLISH_MONTHS.get(name);
        return new Found(m.start(), m.end(), ABSOLUTE, YearMonth.of(num(m, "y"), month).toString(), "month", Map.of());
    }

    /** "in October": the latest such month that has begun by the day after publication. */
    private static Found monthOnly(Matcher m, Context c) {
        String name = words(m.group("m"));
        Integer month = Lexicon.ARABIC_MONTHS.containsKey(name) ? Lexicon.ARABIC_MONTHS.get(name)
                : Lexicon.ENGLISH_MONTHS.get(name);
        if (c.anchor == null) {
            return new Found(m.start("s"), m.end("s"), UNANCHORED, null, "month", Map.of());
        }
        YearMonth ym = YearMonth.of(c.anchor.plusDays(1).getYear(), month);
        if (ym.atDay(1).isAfter(c.anchor.plusDays(1))) {
            ym = ym.minusYears(1);
        }
        return new Found(m.start("s"), m.end("s"), ABSOLUTE, ym.toString(), "month",
                Map.of("anchor", c.anchor.toString(), "yearInferred", true));
    }

    /** A year needs a cue (في، عام، in, since): a bare four-digit number is more often a count. */
    private static Found yearWithCue(Matcher m, Context c) {
        boolean noun = group(m, "n") != null;
        if (m.group("cue") == null && !noun) {
            return null;
        }
        int start = noun ? m.start("n") : m.start("y");
        return new Found(start, m.end("y"), ABSOLUTE, m.group("y"), "year", Map.of());
    }

    // --- relative to publication ---

    /** A day offset from publication (اليوم 0, أمس -1, أول أمس -2, غدا 1, بعد غد 2). */
    private record Offset(int days) {
    }

    private static Found relativeDay(Matcher m, Context c, int offset) {
        DayOfWeek said = group(m, "w") != null ? weekday(m.group("w")) : null;
        if (c.anchor == null) {
            return unanchored(m, "day", Map.of());
        }
        LocalDate date = c.anchor.plusDays(offset);
        Map<String, Object> attributes = said != null && said != date.getDayOfWeek()
                ? Map.of("anchor", c.anchor.toString(), "conflict", true) : Map.of("anchor", c.anchor.toString());
        return day(m, RELATIVE, date, attributes);
    }

    private static Found arabicPeriod(Matcher m, Context c) {
        String unit = m.group("u") != null ? m.group("u") : m.group("u2");
        String dir = m.group("dir") == null ? "" : m.group("dir");
        int offset = dir.startsWith("الماض") || dir.startsWith("المنصرم") || dir.startsWith("الفائت") ? -1
                : dir.startsWith("المقبل") || dir.startsWith("القادم") ? 1 : 0;
        return period(m, c, unit.equals("الاسبوع") ? "week" : unit.equals("الشهر") ? "month" : "year", offset);
    }

    private static Found englishPeriod(Matcher m, Context c) {
        String dir = m.group("dir");
        return period(m, c, m.group("u"), dir.equals("last") ? -1 : dir.equals("this") ? 0 : 1);
    }

    /** "N days/weeks/months/years ago", قبل ثلاثة أيام، قبل يومين: the day, ISO week, month or year that far back. */
    private static Found ago(Matcher m, Context c) {
        String unit;
        BigDecimal n;
        if (group(m, "dual") != null) {
            unit = Lexicon.DUAL_DURATIONS.get(m.group("dual"));
            n = BigDecimal.valueOf(2);
        } else {
            String u = words(m.group("u"));
            unit = Lexicon.DURATION_UNITS.getOrDefault(u, u.endsWith("s") ? u.substring(0, u.length() - 1) : u);
            n = m.group("n") == null ? BigDecimal.ONE : number(m.group("n"));
        }
        if (n == null || unit.equals("hour") || unit.equals("minute") || n.scale() > 0) {
            return null;
        }
        int k = n.intValueExact();
        return switch (unit) {
            case "day" -> c.anchor == null ? unanchored(m, "day", Map.of())
                    : day(m, RELATIVE, c.anchor.minusDays(k), Map.of("anchor", c.anchor.toString()));
            case "week" -> period(m, c, "week", -k);
            case "month" -> period(m, c, "month", -k);
            default -> period(m, c, "year", -k);
        };
    }

    private static Found period(Matcher m, Context c, String unit, int offset) {
        if (c.anchor == null) {
            return unanchored(m, unit, Map.of());
        }
        String value = switch (unit) {
            case "week" -> {
                LocalDate d = c.anchor.plusWeeks(offset);
                yield String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case "month" -> YearMonth.from(c.anchor).plusMonths(offset).toString();
            default -> String.valueOf(c.anchor.getYear() + offset);
        };
        return new Found(m.start(), m.end(), RELATIVE, value, unit, Map.of("anchor", c.anchor.toString()));
    }

    private static Found arabicWeekday(Matcher m, Context c) {
        String dir = m.group("dir");
        if (m.group("w").equals("الاثنين") && dir == null && m.group().equals("الاثنين")) {
            return null; // bare الاثنين is as often "the two"
        }
        Direction direction = dir == null ? Direction.LATEST : dir.equals("المقبل") || dir.equals("القادم")
                ? Direction.NEXT : Direction.PREVIOUS;
        return weekdayDate(m, m.start(), c, weekday(m.group("w")), direction);
    }

    private static Found englishWeekday(Matcher m, Context c) {
        String dir = m.group("dir") == null ? "on" : m.group("dir");
        Direction direction = switch (dir) {
            case "last" -> Direction.PREVIOUS;
            case "next", "coming" -> Direction.NEXT;
            case "this" -> Direction.THIS_WEEK;
            default -> Direction.LATEST;
        };
        return weekdayDate(m, dir.equals("on") ? m.start("w") : m.start(), c, weekday(m.group("w")), direction);
    }

    private static Found englishDay(Matcher m, Context c) {
        if (m.group("dby") != null) {
            return relativeDay(m, c, -2);
        }
        if (m.group("dat") != null) {
            return relativeDay(m, c, 2);
        }
        String w = m.group("w");
        return relativeDay(m, c, w.equals("yesterday") ? -1 : w.equals("tomorrow") ? 1 : 0);
    }

    /** How a weekday name picks its date relative to publication day P. */
    private enum Direction {
        /** plain (الثلاثاء، يوم الخميس، on Tuesday): the latest such day on or before P, news being past tense */
        LATEST,
        /** الماضي, last: the latest such day strictly before P */
        PREVIOUS,
        /** المقبل/القادم, next: the first such day strictly after P */
        NEXT,
        /** this Tuesday: that day of P's ISO week */
        THIS_WEEK
    }

    private static Found weekdayDate(Matcher m, int start, Context c, DayOfWeek day, Direction direction) {
        if (c.anchor == null) {
            return new Found(start, m.end(), UNANCHORED, null, "day", Map.of());
        }
        LocalDate date = switch (direction) {
            case LATEST -> c.anchor.with(TemporalAdjusters.previousOrSame(day));
            case PREVIOUS -> c.anchor.with(TemporalAdjusters.previous(day));
            case NEXT -> c.anchor.with(TemporalAdjusters.next(day));
            case THIS_WEEK -> c.anchor.with(DayOfWeek.MONDAY).plusDays(day.getValue() - 1L);
        };
        return new Found(start, m.end(), RELATIVE, date.toString(), "day", Map.of("anchor", c.anchor.toString()));
    }

    // --- helpers ---

    private static Found absoluteDay(Matcher m, int year, int month, int day, Map<String, Object> attributes) {
        try {
            return day(m, ABSOLUTE, LocalDate.of(year, month, day), attributes);
        } catch (DateTimeException e) {
            return null; // 31/02/2015, 2015-13-01: not a date
        }
    }

    private static Found day(Matcher m, String type, LocalDate date, Map<String, Object> attributes) {
        return new Found(m.start(), m.end(), type, date.toString(), "day", attributes);
    }

    private static Found unanchored(Matcher m, String granularity, Map<String, Object> attributes) {
        return new Found(m.start(), m.end(), UNANCHORED, null, granularity, attributes);
    }

    /** A Hijri date (Umm al-Qura, Saudi Arabia's official calendar) as Gregorian, or null if there is no such day. */
    static LocalDate hijri(int year, int month, int day) {
        IslamicCalendar cal = umAlQura();
        cal.set(year, month - 1, 1);
        if (day < 1 || day > cal.getActualMaximum(IslamicCalendar.DAY_OF_MONTH)) {
            return null;
        }
        cal.set(IslamicCalendar.DAY_OF_MONTH, day);
        return Instant.ofEpochMilli(cal.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static int hijriYear(LocalDate date) {
        IslamicCalendar cal = umAlQura();
        cal.setTimeInMillis(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return cal.get(IslamicCalendar.EXTENDED_YEAR);
    }

    private static IslamicCalendar umAlQura() {
        IslamicCalendar cal = new IslamicCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
        cal.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        cal.clear();
        return cal;
    }

    /** Digits or a number word (two, ثلاثة، خمسة وعشرين), or null. */
    private static BigDecimal number(String s) {
        String w = words(s);
        if (w.chars().allMatch(Character::isDigit)) {
            return new BigDecimal(w);
        }
        return NumberWords.CARDINALS.get(w);
    }

    private static DayOfWeek weekday(String folded) {
        DayOfWeek d = Lexicon.ARABIC_WEEKDAYS.get(folded);
        return d != null ? d : Lexicon.ENGLISH_WEEKDAYS.get(folded);
    }

    /** A matched name with its inner whitespace as one space, as the tables store it. */
    private static String words(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static int num(Matcher m, String group) {
        return Integer.parseInt(m.group(group));
    }

    /** The named group's text, or null when it did not take part or the rule's pattern has no such group. */
    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Context(LocalDate anchor, boolean english) {
    }

    private record Found(int start, int end, String type, String value, String granularity,
                         Map<String, Object> attributes) {
    }

    @FunctionalInterface
    private interface Resolver {
        Found resolve(Matcher m, Context c);
    }

    private static final class Rule {
        private final Set<String> triggers;
        private final Pattern pattern;
        private final Resolver resolver;

        Rule(Set<String> triggers, String regex, Resolver resolver) {
            this.triggers = triggers;
            this.pattern = Pattern.compile(regex);
            this.resolver = resolver;
        }

        /** A day offset rule (اليوم، أمس، غدا) checks the weekday said with it. */
        Rule(Set<String> triggers, String regex, java.util.function.Function<Matcher, Offset> offset) {
            this(triggers, regex, (m, c) -> relativeDay(m, c, offset.apply(m).days()));
        }

        Found resolve(Matcher m, Context c) {
            return resolver.resolve(m, c);
        }
    }
}
