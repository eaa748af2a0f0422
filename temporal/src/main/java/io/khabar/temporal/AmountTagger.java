package io.khabar.temporal;

import io.khabar.events.Annotation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts in an article, Arabic or English: money (ISO 4217 code), percentages, durations (with an ISO-8601
 * duration), quantities with a unit, and counts of something (25 حوثياً). Numbers may be digits of any script with
 * either decimal separator, number words (ثلاثة، خمسة وعشرين، ten), scaled (1.2 مليار، $10bn) or approximate plurals
 * (عشرات، hundreds). Works on a word stream rather than one big pattern, so a long article costs one pass.
 * Stateless and thread-safe.
 */
public final class AmountTagger {
    public static final String KIND = "amount";
    public static final String MONEY = "money";
    public static final String PERCENT = "percent";
    public static final String DURATION = "duration";
    public static final String QUANTITY = "quantity";
    public static final String COUNT = "count";

    /** Digits with thousands commas, plain digits with a decimal point, a decimal comma (Arabic text only), words. */
    private static final Pattern TOKEN = Pattern.compile("(?<n>\\d{1,3}(?:,\\d{3})++(?:\\.\\d+)?(?![\\d,])"
            + "|\\d+,\\d{1,2}(?![\\d,])|\\d+(?:\\.\\d+)?)|(?<w>\\p{L}+)|(?<s>[%$€£¥])");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d{1,2}");
    /** Words that cannot be what a number counts: function words, times of day, era marks. */
    private static final Set<String> NOT_COUNTED = new HashSet<>();
    /** First words of month and weekday names: "20 أكتوبر" is a date, never a count of Octobers. */
    private static final Set<String> CALENDAR_WORDS = new HashSet<>();

    static {
        for (String w : ("من في على إلى عن مع أو و ثم حتى ما لا قد عند منذ بين بعد قبل خلال حول نحو أكثر أقل هـ م "
                + "صباحا مساء ظهرا فجرا ليلا of in on at to for and or the a an by from with as is was were "
                + "are am pm gmt utc than more less which who that this these those per times percent").split(" ")) {
            NOT_COUNTED.add(FoldedText.foldWord(w));
        }
        for (Map<String, ?> table : List.of(Lexicon.ARABIC_MONTHS, Lexicon.HIJRI_MONTHS, Lexicon.ENGLISH_MONTHS,
                Lexicon.ARABIC_WEEKDAYS, Lexicon.ENGLISH_WEEKDAYS)) {
            table.keySet().forEach(k -> CALENDAR_WORDS.add(k.split(" ")[0]));
        }
    }

    /** Amounts in {@code text}; {@code language} {@code en*} reads "1,5" as not a number, others as 1.5. */
    public List<Annotation> tag(String text, String language) {
        return tag(text, language, List.of());
    }

    /**
     * Amounts in {@code text}, except where they overlap one of {@code dates} (the year of "20 أكتوبر 2015" is not an
     * amount): pass the {@link TemporalTagger}'s annotations of the same text.
     */
    public List<Annotation> tag(String text, String language, List<Annotation> dates) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        FoldedText folded = FoldedText.of(text);
        List<Token> tokens = tokens(folded.text(), language != null && language.toLowerCase().startsWith("en"));
        List<Annotation> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Amount a = new Parse(folded.text(), tokens).at(i);
            if (a == null) {
                i++;
                continue;
            }
            int start = folded.originalStart(a.start);
            int end = folded.originalEnd(a.end);
            if (dates.stream().anyMatch(d -> d.start() < end && start < d.end())) {
                i++;
                continue;
            }
            out.add(new Annotation(KIND, a.type, start, end, plain(a.value), null, a.attributes()));
            i = a.nextToken;
        }
        return out;
    }

    private static List<Token> tokens(String s, boolean english) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            if (m.group("n") != null) {
                char before = m.start() == 0 ? ' ' : s.charAt(m.start() - 1);
                boolean glued = before >= 'a' && before <= 'z' || before == '-' || before == '/' || before == ':'
                        || before == '.' || before == '_';
                boolean decimalComma = DECIMAL_COMMA.matcher(m.group()).matches();
                BigDecimal value = glued || decimalComma && english ? null
                        : new BigDecimal(decimalComma ? m.group().replace(',', '.') : m.group().replace(",", ""));
                tokens.add(new Token(m.start(), m.end(), m.group(), value));
            } else {
                tokens.add(new Token(m.start(), m.end(), m.group(), null));
            }
        }
        return tokens;
    }

    /** One pass of the grammar from a token: [qualifier] [symbol] quantity [scale] [percent | unit | counted noun]. */
    private static final class Parse {
        private final String text;
        private final List<Token> tokens;
        private int j;

        Parse(String text, List<Token> tokens) {
            this.text = text;
            this.tokens = tokens;
        }

        Amount at(int i) {
            j = i;
            withoutConjunction(i, NumberWords.CARDINALS, NumberWords.APPROXIMATE, NumberWords.SCALES,
                    Lexicon.DUAL_DURATIONS);
            String currency = null;
            boolean symbol = false;
            Token first = tokens.get(i);
            if (first.text.equals("us") && next("$")) {
                j++;
            }
            if (Units.SYMBOLS.containsKey(tok(j).text)) {
                currency = Units.SYMBOLS.get(tok(j).text);
                symbol = true;
                j++;
                if (j >= tokens.size() || !joined(j)) {
                    return null;
                }
            }
            Token quantity = tok(j);
            BigDecimal value;
            boolean approximate = false;
            boolean digits = quantity.number != null;
            boolean needsUnit = false;
            String dualUnit = null;
            if (digits) {
                value = quantity.number;
                j++;
            } else if (quantity.number == null && Character.isDigit(quantity.text.charAt(0))) {
                return null;
            } else if (symbol) {
                return null;
            } else if (Lexicon.DUAL_DURATIONS.containsKey(quantity.text)) {
                value = BigDecimal.valueOf(2);
                dualUnit = Lexicon.DUAL_DURATIONS.get(quantity.text);
                j++;
            } else {
                int words = cardinal(j);
                if (words > 0) {
                    value = NumberWords.CARDINALS.get(phrase(j, words));
                    needsUnit = words == 1 && NumberWords.AMBIGUOUS.containsKey(quantity.text);
                    j += words;
                } else if (NumberWords.APPROXIMATE.containsKey(quantity.text)) {
                    value = NumberWords.APPROXIMATE.get(quantity.text);
                    approximate = true;
                    j++;
                    int of = j < tokens.size() && joined(j) && (tok(j).text.equals("of") || tok(j).text.equals("من"))
                            ? 1 : 0;
                    if (j + of < tokens.size() && joined(j + of)
                            && NumberWords.APPROXIMATE.containsKey(tok(j + of).text)) {
                        value = value.multiply(NumberWords.APPROXIMATE.get(tok(j + of).text)); // عشرات الآلاف
                        j += of + 1;
                    }
                } else if (NumberWords.SCALES.containsKey(quantity.text) && quantity.text.length() > 2
                        && !(i > 0 && joined(i) && Character.isDigit(tok(i - 1).text.charAt(0)))) {
                    // مليون دولار، ألف شخص; never the scale of a number that was not read (1,5 billion in English)
                    value = NumberWords.SCALES.get(quantity.text);
                    j++;
                } else {
                    return null;
                }
            }
            if (dualUnit == null && !approximate && j < tokens.size() && joined(j)) {
                String w = tok(j).text;
                boolean glued = tok(j).start == tok(j - 1).end;
                if (NumberWords.SCALES.containsKey(w) && (w.length() > 2 || symbol || glued && (w.equals("bn") || w.equals("mn")))) {
                    value = value.multiply(NumberWords.SCALES.get(w));
                    needsUnit = false;
                    j++;
                }
            }
            Amount a = new Amount(tokens.get(i).start, value);
            a.approximate = approximate;
            a.currency = currency;
            a.type = symbol ? MONEY : null;
            if (dualUnit != null) {
                a.duration(dualUnit);
            } else if (!symbol && j < tokens.size() && joined(j) && tok(j).text.equals("%")) {
                a.type = PERCENT;
                j++;
            } else if (!symbol && percentWords() > 0) {
                a.type = PERCENT;
                j += percentWords();
            } else {
                unit(a);
            }
            if (a.type == null) {
                if (needsUnit || !count(a, quantity, digits)) {
                    return null;
                }
            }
            a.end = tok(j - 1).end;
            a.nextToken = j;
            qualifier(a, i);
            return a;
        }

        /** A currency (with its nationality), a measure or a time unit after the number. */
        private void unit(Amount a) {
            int k = j;
            if (k < tokens.size() && joined(k) && tok(k).text.equals("من") && a.approximate) {
                k++; // عشرات الملايين من الدولارات
            }
            if (k >= tokens.size() || !joined(k)) {
                if (a.currency != null) {
                    a.type = MONEY;
                }
                return;
            }
            String w = strip(tok(k).text);
            String adjective = null;
            if (!Units.CURRENCIES.containsKey(w) && Units.NATIONAL_CURRENCY.containsKey(w) && k + 1 < tokens.size()
                    && joined(k + 1) && Units.CURRENCIES.containsKey(tok(k + 1).text)) {
                adjective = w; // Egyptian pounds
                k++;
                w = tok(k).text;
            }
            if (Units.CURRENCIES.containsKey(w) || Units.ISO_CODES.contains(w)) {
                String code = Units.ISO_CODES.contains(w) ? w.toUpperCase() : Units.CURRENCIES.get(w);
                if (adjective == null && k + 1 < tokens.size() && joined(k + 1)
                        && Units.NATIONAL_CURRENCY.containsKey(strip(tok(k + 1).text))) {
                    adjective = strip(tok(k + 1).text); // ريال قطري
                    k++;
                }
                if (adjective != null) {
                    code = Units.NATIONAL_CURRENCY.get(adjective);
                }
                a.type = MONEY;
                a.currency = code;
                j = k + 1;
                return;
            }
            if (a.currency != null) {
                a.type = MONEY;
                return;
            }
            for (int n = 3; n >= 1; n--) {
                String p = k + n <= tokens.size() ? phrase(k, n) : null;
                if (p != null && Units.MEASURES.containsKey(p)) {
                    a.type = QUANTITY;
                    a.unit = Units.MEASURES.get(p);
                    j = k + n;
                    return;
                }
            }
            if (Lexicon.DURATION_UNITS.containsKey(w)) {
                a.duration(Lexicon.DURATION_UNITS.get(w));
                j = k + 1;
            }
        }

        /** The counted noun: an indefinite word after digits or an unambiguous number word (25 حوثياً، 15 آخرين). */
        private boolean count(Amount a, Token quantity, boolean digits) {
            int k = j;
            if (a.approximate && k < tokens.size() && joined(k) && (tok(k).text.equals("of") || tok(k).text.equals("من"))) {
                k++;
            }
            if (k >= tokens.size() || !joined(k)) {
                return false;
            }
            String noun = tok(k).text;
            boolean year = digits && quantity.text.length() == 4 && quantity.text.matches("1[89]\\d\\d|20\\d\\d")
                    && a.value.compareTo(quantity.number) == 0;
            if (year || a.value.scale() > 0 && a.value.stripTrailingZeros().scale() > 0
                    || noun.length() < 2 || !Character.isLetter(noun.charAt(0)) || NOT_COUNTED.contains(noun)
                    || CALENDAR_WORDS.contains(noun) || noun.startsWith("ال") && !a.approximate) {
                return false;
            }
            a.type = COUNT;
            j = k + 1;
            return true;
        }

        private void qualifier(Amount a, int i) {
            for (int n = Units.MAX_WORDS; n >= 1; n--) {
                int from = i - n;
                if (from < 0 || !chained(from, i)) {
                    continue;
                }
                Token head = tok(from);
                if (head.text.length() > 2 && head.text.charAt(0) == 'و') {
                    tokens.set(from, new Token(head.start + 1, head.end, head.text.substring(1), null));
                    if (!Units.QUALIFIERS.containsKey(phrase(from, n))) {
                        tokens.set(from, head);
                    }
                }
                if (Units.QUALIFIERS.containsKey(phrase(from, n))) {
                    a.qualifier = Units.QUALIFIERS.get(phrase(from, n));
                    a.start = tok(from).start;
                    return;
                }
            }
        }

        /**
         * The conjunction و off a word that starts an amount when only the rest is a number word (وثلاثة، وعشرات);
         * inside a compound (خمسة وعشرين) the word is never at the start of an amount.
         */
        @SafeVarargs
        private void withoutConjunction(int i, Map<String, ?>... tables) {
            Token t = tok(i);
            if (t.number != null || t.text.length() < 3 || t.text.charAt(0) != 'و') {
                return;
            }
            String rest = t.text.substring(1);
            for (Map<String, ?> table : tables) {
                if (table.containsKey(t.text)) {
                    return;
                }
            }
            for (Map<String, ?> table : tables) {
                if (table.containsKey(rest)) {
                    tokens.set(i, new Token(t.start + 1, t.end, rest, null));
                    return;
                }
            }
        }

        private int percentWords() {
            for (int n = 2; n >= 1; n--) {
                if (j + n <= tokens.size() && chained(j - 1, j + n - 1) && joined(j)
                        && Units.PERCENT.contains(phrase(j, n))) {
                    return n;
                }
            }
            return 0;
        }

        /** The longest run of words (up to 3) from {@code k} that is a cardinal number, or 0. */
        private int cardinal(int k) {
            if (!NumberWords.CARDINAL_FIRST_WORDS.contains(tok(k).text)) {
                return 0; // most words: no phrase from them needs building
            }
            for (int n = NumberWords.MAX_WORDS; n >= 1; n--) {
                if (k + n <= tokens.size() && chained(k, k + n - 1) && NumberWords.CARDINALS.containsKey(phrase(k, n))) {
                    return n;
                }
            }
            return 0;
        }

        private String phrase(int k, int n) {
            if (n == 1) {
                return tok(k).text; // most lookups are of one word: no copy
            }
            StringBuilder b = new StringBuilder(tok(k).text);
            for (int x = k + 1; x < k + n; x++) {
                b.append(' ').append(tok(x).text);
            }
            return b.toString();
        }

        /** Only spaces (at most one line break) between token {@code k - 1} and token {@code k}. */
        private boolean joined(int k) {
            if (k <= 0) {
                return true;
            }
            int newlines = 0;
            for (int x = tok(k - 1).end; x < tok(k).start; x++) {
                char c = text.charAt(x);
                if (c == '\n') {
                    newlines++;
                } else if (c != ' ' && c != '\t') {
                    return false;
                }
            }
            return newlines <= 1;
        }

        private boolean chained(int from, int to) {
            for (int k = from + 1; k <= to; k++) {
                if (!joined(k)) {
                    return false;
                }
            }
            return true;
        }

        private boolean next(String s) {
            return j + 1 < tokens.size() && tokens.get(j + 1).text.equals(s) && joined(j + 1);
        }

        private Token tok(int k) {
            return tokens.get(k);
        }

        /** The definite article off a unit word: الدولارات is دولارات. */
        private static String strip(String w) {
            return w.startsWith("ال") && w.length() > 3 ? w.substring(2) : w;
        }
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private record Token(int start, int end, String text, BigDecimal number) {
    }

    /** What the parse found, folded offsets. */
    private static final class Amount {
        int start;
        int end;
        int nextToken;
        final BigDecimal value;
        String type;
        String currency;
        String unit;
        String iso;
        String qualifier;
        boolean approximate;

        Amount(int start, BigDecimal value) {
            this.start = start;
            this.value = value;
        }

        void duration(String timeUnit) {
            type = DURATION;
            unit = timeUnit;
            String n = plain(value);
            iso = switch (timeUnit) {
                case "minute" -> "PT" + n + "M";
                case "hour" -> "PT" + n + "H";
                case "day" -> "P" + n + "D";
                case "week" -> "P" + n + "W";
                case "month" -> "P" + n + "M";
                default -> "P" + n + "Y";
            };
        }

        Map<String, Object> attributes() {
            Map<String, Object> a = Provenance.attributes();
            String u = type.equals(MONEY) ? currency : type.equals(PERCENT) ? "percent" : unit;
            if (u != null) {
                a.put("unit", u);
            }
            if (iso != null) {
                a.put("iso", iso);
            }
            if (qualifier != null) {
                a.put("qualifier", qualifier);
            }
            if (approximate) {
                a.put("approximate", true);
                a.put("lowerBound", plain(value.multiply(BigDecimal.valueOf(2))));
            }
            return a;
        }
    }
}
