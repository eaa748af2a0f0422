package io.khabar.normalize.dates;

import com.ibm.icu.util.IslamicCalendar;
import com.ibm.icu.util.TimeZone;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication times in the forms producers send: ISO-8601 (instant, offset, local date-time or date), RFC 1123
 * (RSS), epoch seconds or milliseconds, English month names, numeric day/month/year, and Arabic dates: Arabic-Indic
 * or Persian digits, Gregorian months in their Egyptian/Gulf (أكتوبر), Levantine/Iraqi (تشرين الأول) and Maghreb
 * (جانفي، أوت، شتنبر) names, Hijri dates (Umm al-Qura calendar, ICU4J), weekdays and "الساعة ... مساءً".
 * A date without a zone is read in the source's zone (UTC unless configured). Anything else is empty, never a
 * guess, and so is a time more than {@link #FUTURE_TOLERANCE} in the future (suspicious, not trusted).
 */
public final class PublishedAtParser {
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    private static final long EPOCH_MILLIS_THRESHOLD = 100_000_000_000L;

    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-–—|]\\s+");
    private static final Pattern FILLER = Pattern.compile(
            "(?<![\\p{L}])(?:يوم|الموافق|في|الساعه|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|اخر|تحديث|نشر"
                    + "|بتاريخ|تاريخ)(?![\\p{L}])");
    private static final Pattern ERA_SUFFIX = Pattern.compile("(\\d)(هـ|ه|م)(?![\\p{L}])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<String, Integer> GREGORIAN = new LinkedHashMap<>();
    private static final Map<String, Integer> HIJRI = new LinkedHashMap<>();

    static {
        for (int m = 1; m <= 12; m++) {
            month(GREGORIAN, m, ArabicMonths.GREGORIAN.get(m - 1));
            month(HIJRI, m, ArabicMonths.HIJRI.get(m - 1));
        }
    }

    private static final Pattern ARABIC_DATE = Pattern.compile(
            "(\\d{1,2}) (" + alternation(GREGORIAN) + "|" + alternation(HIJRI) + ") (\\d{4})( ?(?:هـ|ه|م))?"
                    + "(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?: (ص|م|صباحا|مساء|ظهرا|فجرا))?)?");
    /** Media often write both names of a month: آب/أغسطس, كانون الثاني/يناير. The first one is kept. */
    private static final Pattern DUAL_MONTH = Pattern.compile(
            "(?<=\\p{L})\\s*/\\s*(?:" + alternation(GREGORIAN) + ")(?![\\p{L}])");
    private static final Pattern NUMERIC_DMY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?: (\\d{1,2}):(\\d{2}))?");
    private static final Pattern NUMERIC_YMD = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})(?: (\\d{1,2}):(\\d{2}))?");
    private static final Pattern ZONE = Pattern.compile("(?:\\s*(?:gmt|utc|غرينتش|جرينتش|بتوقيت غرينتش|بتوقيت جرينتش)"
            + "(?:\\s*([+-]\\d{1,2})(?::?(\\d{2}))?)?|\\s*([+-]\\d{2}):?(\\d{2})|\\s*بتوقيت (?:مكه المكرمه|مكه|السعوديه|الرياض))$");
    private static final List<DateTimeFormatter> ENGLISH = List.of(
            english("MMMM d, uuuu[ h:mm a][ HH:mm]"), english("MMM d, uuuu[ h:mm a][ HH:mm]"),
            english("d MMMM uuuu[ HH:mm]"), english("d MMM uuuu[ HH:mm]"),
            english("EEEE, MMMM d, uuuu[ h:mm a]"), english("EEEE d MMMM uuuu[ HH:mm]"));

    private final Clock clock;
    private final ZoneId defaultZone;

    public PublishedAtParser() {
        this(Clock.systemUTC(), ZoneOffset.UTC);
    }

    /** @param defaultZone the zone of dates that name none (the source's local time) */
    public PublishedAtParser(Clock clock, ZoneId defaultZone) {
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /** The earliest and latest publication times accepted: years 1 to 9999 (what every database and ISO-8601 holds). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return parseAny(raw.strip()).filter(i -> !i.isAfter(clock.instant().plus(FUTURE_TOLERANCE)))
                .filter(i -> !i.isBefore(EARLIEST));
    }

    /** The time {@code raw} names when it is a date outside years 1-9999 (a value no store can hold), else empty. */
    public Optional<Instant> outOfRange(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return parseAny(raw.strip()).filter(i -> i.isBefore(EARLIEST) || i.isAfter(LATEST));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Instant> parseAny(String s) {
        if (s.matches("-?\\d{9,13}")) {
            long n = Long.parseLong(s);
            return Optional.of(Math.abs(n) >= EPOCH_MILLIS_THRESHOLD ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
        }
        for (var attempt : List.<java.util.function.Supplier<Instant>>of(
                () -> OffsetDateTime.parse(s).toInstant(),
                () -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
                () -> LocalDateTime.parse(s.replace(' ', 'T')).atZone(defaultZone).toInstant(),
                () -> LocalDate.parse(s).atStartOfDay(defaultZone).toInstant())) {
            try {
                return Optional.of(attempt.get());
            } catch (DateTimeException e) {
                // next form
            }
        }
        return parseWords(s);
    }

    /** Dates written with words or numeric day/month/year, in Arabic or English. */
    private Optional<Instant> parseWords(String raw) {
        for (DateTimeFormatter f : ENGLISH) {
            Optional<Instant> english = english(f, WHITESPACE.matcher(raw).replaceAll(" "), defaultZone);
            if (english.isPresent()) {
                return english;
            }
        }
        String s = fold(raw);
        ZoneId zone = defaultZone;
        Matcher z = ZONE.matcher(s);
        if (z.find()) {
            zone = zoneOf(z);
            s = s.substring(0, z.start()).strip();
        }
        Matcher m = ARABIC_DATE.matcher(s);
        if (m.find()) {
            int day = Integer.parseInt(m.group(1));
            String monthName = m.group(2);
            int year = Integer.parseInt(m.group(3));
            String era = m.group(4) == null ? "" : m.group(4).strip();
            LocalTime time = time(m.group(5), m.group(6), m.group(7), m.group(8));
            Integer hijriMonth = HIJRI.get(monthName);
            Integer gregorianMonth = GREGORIAN.get(monthName);
            try {
                LocalDate date;
                if (hijriMonth != null && (era.startsWith("ه") || year < 1600)) {
                    date = hijri(year, hijriMonth, day);
                } else if (gregorianMonth != null) {
                    date = LocalDate.of(year, gregorianMonth, day);
                } else {
                    return Optional.empty();
                }
                return Optional.of(date.atTime(time).atZone(zone).toInstant());
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        for (Pattern p : List.of(NUMERIC_DMY, NUMERIC_YMD)) {
            Matcher n = p.matcher(s);
            if (n.matches()) {
                try {
                    boolean dmy = p == NUMERIC_DMY;
                    LocalDate date = LocalDate.of(Integer.parseInt(n.group(dmy ? 3 : 1)), Integer.parseInt(n.group(2)),
                            Integer.parseInt(n.group(dmy ? 1 : 3)));
                    return Optional.of(date.atTime(time(n.group(4), n.group(5), null, null)).atZone(zone).toInstant());
                } catch (DateTimeException e) {
                    return Optional.empty();
                }
            }
        }
        for (DateTimeFormatter f : ENGLISH) {
            Optional<Instant> english = english(f, s, zone);
            if (english.isPresent()) {
                return english;
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> english(DateTimeFormatter f, String s, ZoneId zone) {
        try {
            var parsed = f.parseBest(s, LocalDateTime::from, LocalDate::from);
            LocalDateTime t = parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
            return Optional.of(t.atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Digits to ASCII, Arabic letters folded, weekdays and filler words dropped, spaces collapsed. */
    static String foldLetters(String raw) {
        StringBuilder b = new StringBuilder();
        raw.codePoints().forEach(c -> {
            if (c >= 0x0660 && c <= 0x0669) {
                b.append((char) ('0' + c - 0x0660));
            } else if (c >= 0x06F0 && c <= 0x06F9) {
                b.append((char) ('0' + c - 0x06F0));
            } else if (c >= 0x064B && c <= 0x065F || c == 0x0640 || c == 0x0670) {
                // diacritics and tatweel
            } else if (c == 0x0622 || c == 0x0623 || c == 0x0625) {
                b.append('ا');
            } else if (c == 0x0629) {
                b.append('ه');
            } else if (c == 0x0649) {
                b.append('ي');
            } else if (c == ',' || c == '،' || c == '\u00a0' || c == '(' || c == ')') {
                b.append(' ');
            } else {
                b.appendCodePoint(Character.toLowerCase(c));
            }
        });
        String s = SEPARATOR.matcher(b).replaceAll(" ");
        s = FILLER.matcher(s).replaceAll(" ");
        s = ERA_SUFFIX.matcher(s).replaceAll("$1 $2");
        return WHITESPACE.matcher(s).replaceAll(" ").strip();
    }

    /** {@link #foldLetters}, then the second name of a doubled month name dropped. */
    static String fold(String raw) {
        return DUAL_MONTH.matcher(foldLetters(raw)).replaceAll("");
    }

    private static LocalTime time(String h, String m, String sec, String period) {
        if (h == null) {
            return LocalTime.MIDNIGHT;
        }
        int hour = Integer.parseInt(h);
        if (period != null && (period.equals("م") || period.equals("مساء") || period.equals("ظهرا")) && hour < 12) {
            hour += 12;
        } else if (period != null && (period.equals("ص") || period.equals("صباحا") || period.equals("فجرا")) && hour == 12) {
            hour = 0;
        }
        return LocalTime.of(hour, Integer.parseInt(m), sec == null ? 0 : Integer.parseInt(sec));
    }

    private static ZoneId zoneOf(Matcher z) {
        if (z.group(1) != null) {
            return ZoneOffset.ofHoursMinutes(Integer.parseInt(z.group(1)),
                    z.group(2) == null ? 0 : Integer.signum(Integer.parseInt(z.group(1))) * Integer.parseInt(z.group(2)));
        }
        if (z.group(3) != null) {
            int hours = Integer.parseInt(z.group(3));
            return ZoneOffset.ofHoursMinutes(hours, Integer.signum(hours == 0 ? 1 : hours) * Integer.parseInt(z.group(4)));
        }
        return z.group(0).contains("مكه") || z.group(0).contains("السعوديه") || z.group(0).contains("الرياض")
                ? ZoneOffset.ofHours(3) : ZoneOffset.UTC;
    }

    /** A Hijri date in the Umm al-Qura calendar (Saudi Arabia's official calendar) as a Gregorian date. */
    static LocalDate hijri(int year, int month, int day) {
        IslamicCalendar cal = new IslamicCalendar(TimeZone.GMT_ZONE, com.ibm.icu.util.ULocale.ROOT);
        cal.setCalculationType(IslamicCalendar.CalculationType.ISLAMIC_UMALQURA);
        cal.clear();
        cal.set(year, month - 1, day);
        if (day < 1 || day > cal.getActualMaximum(IslamicCalendar.DAY_OF_MONTH)) {
            throw new DateTimeException("no day " + day + " in Hijri month " + month + " of " + year);
        }
        return Instant.ofEpochMilli(cal.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static void month(Map<String, Integer> table, int month, List<String> names) {
        for (String n : names) {
            table.put(foldLetters(n), month);
        }
    }

    private static String alternation(Map<String, Integer> table) {
        List<String> names = new ArrayList<>(table.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());
        return String.join("|", names.stream().map(Pattern::quote).toList());
    }

    private static DateTimeFormatter english(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
