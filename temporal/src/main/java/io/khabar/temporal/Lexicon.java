package io.khabar.temporal;

import io.khabar.normalize.dates.ArabicMonths;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The calendar words the date tagger knows, written once here with the spellings news sites use, and stored folded
 * ({@link FoldedText}) so that hamza, ta marbuta and diacritic variants need no extra entries. Arabic month names come
 * from the normalizer's {@link ArabicMonths}, the table publication dates are parsed with; the rest is written here.
 */
final class Lexicon {
    /** Gregorian month names: Egyptian/Gulf, Levantine/Iraqi, Maghreb (Algeria/Tunisia, then Morocco) spellings. */
    static final Map<String, Integer> ARABIC_MONTHS = new HashMap<>();
    /** Hijri month names, with the common alternatives for months 3 to 6, 11 and 12. */
    static final Map<String, Integer> HIJRI_MONTHS = new HashMap<>();
    /** English month names and their abbreviations (a following dot is matched by the patterns). */
    static final Map<String, Integer> ENGLISH_MONTHS = new HashMap<>();
    static final Map<String, DayOfWeek> ARABIC_WEEKDAYS = new HashMap<>();
    static final Map<String, DayOfWeek> ENGLISH_WEEKDAYS = new HashMap<>();
    /** Arabic ordinal day numbers, masculine (يوم): الأول .. الحادي والثلاثين. */
    static final Map<String, Integer> ARABIC_ORDINAL_DAYS = new HashMap<>();
    /** Time units after a number (4 ساعات، 50 عاما، three days), by unit name: minute, hour, day, week, month, year. */
    static final Map<String, String> DURATION_UNITS = new HashMap<>();
    /** Arabic duals that are a number and a unit in one word: ساعتين is two hours. */
    static final Map<String, String> DUAL_DURATIONS = new HashMap<>();

    static {
        for (int m = 1; m <= 12; m++) {
            put(ARABIC_MONTHS, m, ArabicMonths.GREGORIAN.get(m - 1).toArray(String[]::new));
            put(HIJRI_MONTHS, m, ArabicMonths.HIJRI.get(m - 1).toArray(String[]::new));
        }

        String[][] english = {{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may"},
                {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep", "sept"},
                {"october", "oct"}, {"november", "nov"}, {"december", "dec"}};
        for (int m = 0; m < english.length; m++) {
            put(ENGLISH_MONTHS, m + 1, english[m]);
        }

        put(ARABIC_WEEKDAYS, DayOfWeek.SUNDAY, "الأحد");
        put(ARABIC_WEEKDAYS, DayOfWeek.MONDAY, "الاثنين", "الإثنين");
        put(ARABIC_WEEKDAYS, DayOfWeek.TUESDAY, "الثلاثاء");
        put(ARABIC_WEEKDAYS, DayOfWeek.WEDNESDAY, "الأربعاء");
        put(ARABIC_WEEKDAYS, DayOfWeek.THURSDAY, "الخميس");
        put(ARABIC_WEEKDAYS, DayOfWeek.FRIDAY, "الجمعة");
        put(ARABIC_WEEKDAYS, DayOfWeek.SATURDAY, "السبت");
        for (DayOfWeek d : DayOfWeek.values()) {
            ENGLISH_WEEKDAYS.put(d.name().toLowerCase(java.util.Locale.ROOT), d);
        }

        // 1-10 as words; 11-19 "<unit> عشر"; 20, 30 as words; 21-29 and 31 "<unit> و<tens>"; الحادي for 1 in compounds
        String[] units = {null, "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
                "العاشر"};
        for (int d = 1; d <= 10; d++) {
            put(ARABIC_ORDINAL_DAYS, d, units[d]);
        }
        for (int d = 11; d <= 19; d++) {
            put(ARABIC_ORDINAL_DAYS, d, (d == 11 ? "الحادي" : units[d - 10]) + " عشر");
        }
        put(ARABIC_ORDINAL_DAYS, 20, "العشرين");
        put(ARABIC_ORDINAL_DAYS, 30, "الثلاثين");
        for (int d = 21; d <= 31; d++) {
            if (d != 30) {
                String unit = d % 10 == 1 ? "الحادي" : units[d % 10];
                put(ARABIC_ORDINAL_DAYS, d, unit + (d < 30 ? " والعشرين" : " والثلاثين"));
            }
        }
        put(ARABIC_ORDINAL_DAYS, 21, "الواحد والعشرين");

        put(DURATION_UNITS, "minute", "دقيقة", "دقائق", "دقيقه", "minute", "minutes", "min", "mins");
        put(DURATION_UNITS, "hour", "ساعة", "ساعات", "hour", "hours", "hrs");
        put(DURATION_UNITS, "day", "يوم", "أيام", "يوما", "day", "days");
        put(DURATION_UNITS, "week", "أسبوع", "أسابيع", "أسبوعا", "week", "weeks");
        put(DURATION_UNITS, "month", "شهر", "أشهر", "شهور", "شهرا", "month", "months");
        put(DURATION_UNITS, "year", "سنة", "سنوات", "سنين", "عام", "أعوام", "عاما", "year", "years");
        put(DUAL_DURATIONS, "minute", "دقيقتين", "دقيقتان");
        put(DUAL_DURATIONS, "hour", "ساعتين", "ساعتان");
        put(DUAL_DURATIONS, "day", "يومين", "يومان");
        put(DUAL_DURATIONS, "week", "أسبوعين", "أسبوعان");
        put(DUAL_DURATIONS, "month", "شهرين", "شهران");
        put(DUAL_DURATIONS, "year", "سنتين", "سنتان", "عامين", "عامان");
    }

    private Lexicon() {
    }

    @SafeVarargs
    private static <V> void put(Map<String, V> table, V value, String... names) {
        for (String n : names) {
            table.put(FoldedText.foldWord(n), value);
        }
    }

    /** A regex alternation of the table's names, longest first so that a longer name wins over its prefix. */
    static String alternation(Map<String, ?> table) {
        List<String> names = new ArrayList<>(table.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return String.join("|", names.stream().map(n -> Pattern.quote(n).replace(" ", "\\E[ \\t]+\\Q")).toList());
    }
}
