package io.khabar.temporal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers written as words, Arabic and English, with the scale words that multiply a number (ألف، مليون، billion,
 * bn) and the plural words that stand for an unknown multiple (عشرات، مئات، dozens, hundreds). Keys are folded
 * ({@link FoldedText}); multi-word numbers (خمسة وعشرين، احد عشر) are keys with one space.
 */
final class NumberWords {
    /** Cardinal numbers: Arabic 1-19, tens, compounds 21-99, hundreds, ألف/ألفين; English one-twenty, tens. */
    static final Map<String, BigDecimal> CARDINALS = new HashMap<>();
    /** Words that multiply the number before them, or stand for one of themselves alone (مليون دولار). */
    static final Map<String, BigDecimal> SCALES = new HashMap<>();
    /** Plural words for an unknown count of a unit: the value is the unit, the lower bound two of them. */
    static final Map<String, BigDecimal> APPROXIMATE = new HashMap<>();
    /** Number words that are also common words (ست lady, سبع lion, خمس fifth, one...): need a unit after them. */
    static final Map<String, Boolean> AMBIGUOUS = new HashMap<>();
    /** The longest key, in words. */
    static final int MAX_WORDS = 3;
    /** The first word of every key of {@link #CARDINALS}: a word not in it starts no cardinal, of any length. */
    static final java.util.Set<String> CARDINAL_FIRST_WORDS;

    static {
        String[][] arabicUnits = {{}, {"واحد", "واحدة"}, {"اثنان", "اثنين", "اثنتان", "اثنتين"}, {"ثلاثة", "ثلاث"},
                {"أربعة", "أربع"}, {"خمسة", "خمس"}, {"ستة", "ست"}, {"سبعة", "سبع"}, {"ثمانية", "ثماني", "ثمان"},
                {"تسعة", "تسع"}, {"عشرة", "عشر"}};
        String[][] arabicTens = {{}, {}, {"عشرون", "عشرين"}, {"ثلاثون", "ثلاثين"}, {"أربعون", "أربعين"},
                {"خمسون", "خمسين"}, {"ستون", "ستين"}, {"سبعون", "سبعين"}, {"ثمانون", "ثمانين"}, {"تسعون", "تسعين"}};
        for (int u = 1; u <= 10; u++) {
            put(CARDINALS, u, arabicUnits[u]);
        }
        put(CARDINALS, 11, "أحد عشر", "إحدى عشرة", "احدى عشر");
        put(CARDINALS, 12, "اثنا عشر", "اثني عشر", "اثنتا عشرة", "اثنتي عشرة");
        for (int u = 3; u <= 9; u++) {
            for (String w : arabicUnits[u]) {
                put(CARDINALS, 10 + u, w + " عشر", w + " عشرة");
            }
        }
        for (int t = 2; t <= 9; t++) {
            put(CARDINALS, t * 10, arabicTens[t]);
            for (int u = 1; u <= 9; u++) {
                for (String unit : arabicUnits[u]) {
                    for (String tens : arabicTens[t]) {
                        put(CARDINALS, t * 10 + u, unit + " و" + tens);
                    }
                }
            }
        }
        put(CARDINALS, 100, "مئة", "مائة");
        put(CARDINALS, 200, "مئتين", "مئتان", "مائتين", "مائتان");
        String[] hundreds = {null, null, null, "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع"};
        for (int h = 3; h <= 9; h++) {
            put(CARDINALS, h * 100, hundreds[h] + "مئة", hundreds[h] + "مائة", hundreds[h] + " مئة", hundreds[h] + " مائة");
        }
        put(CARDINALS, 2000, "ألفين", "ألفان");
        put(CARDINALS, 2_000_000, "مليونين", "مليونان", "مليوني");

        String[] english = {null, "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
        for (int n = 1; n < english.length; n++) {
            put(CARDINALS, n, english[n]);
        }
        String[] englishTens = {null, null, "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int t = 3; t <= 9; t++) {
            put(CARDINALS, t * 10, englishTens[t]);
        }
        put(CARDINALS, 12, "a dozen", "dozen");
        put(CARDINALS, 100, "a hundred", "one hundred");

        put(SCALES, 1_000, "ألف", "آلاف", "ألفا", "الف", "thousand", "k");
        put(SCALES, 1_000_000, "مليون", "ملايين", "مليونا", "million", "millions", "mn", "m");
        put(SCALES, 1_000_000_000, "مليار", "مليارات", "مليارا", "بليون", "billion", "bn", "b");
        SCALES.put(FoldedText.foldWord("تريليون"), BigDecimal.TEN.pow(12));
        SCALES.put(FoldedText.foldWord("ترليون"), BigDecimal.TEN.pow(12));
        SCALES.put("trillion", BigDecimal.TEN.pow(12));
        SCALES.put("tn", BigDecimal.TEN.pow(12));

        put(APPROXIMATE, 10, "عشرات");
        put(APPROXIMATE, 12, "dozens");
        put(APPROXIMATE, 100, "مئات", "hundreds");
        put(APPROXIMATE, 1_000, "آلاف", "الآلاف", "thousands");
        put(APPROXIMATE, 1_000_000, "ملايين", "الملايين", "millions");
        put(APPROXIMATE, 1_000_000_000, "مليارات", "المليارات", "billions");

        for (String w : new String[]{"ست", "سبع", "خمس", "عشر", "ثمان", "تسع", "ثلاث", "أربع", "ثماني", "واحد",
                "one", "dozen"}) {
            AMBIGUOUS.put(FoldedText.foldWord(w), true);
        }
        java.util.Set<String> first = new java.util.HashSet<>();
        for (String key : CARDINALS.keySet()) {
            int space = key.indexOf(' ');
            first.add(space < 0 ? key : key.substring(0, space));
        }
        CARDINAL_FIRST_WORDS = java.util.Set.copyOf(first);
    }

    private NumberWords() {
    }

    private static void put(Map<String, BigDecimal> table, long value, String... words) {
        for (String w : words) {
            table.put(FoldedText.foldWord(w), BigDecimal.valueOf(value));
        }
    }
}
