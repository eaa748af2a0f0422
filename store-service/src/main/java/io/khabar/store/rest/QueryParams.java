package io.khabar.store.rest;

import io.khabar.store.persistence.ArticleFilter.BoundingBox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and bounds of the query API's parameters; each failure is a {@link BadParameter} naming the parameter. */
final class QueryParams {
    static final int MAX_TEXT_CHARS = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_]{1,32}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,32}:[A-Za-z0-9._-]{1,32}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern SHORT_WINDOW = Pattern.compile("(\\d{1,6})([mhd])");

    private QueryParams() {
    }

    static boolean absent(String value) {
        return value == null || value.isBlank();
    }

    /** Free text of at most {@link #MAX_TEXT_CHARS} characters, stripped; null when absent. */
    static String text(String name, String value) {
        if (absent(value)) {
            return null;
        }
        if (value.length() > MAX_TEXT_CHARS) {
            throw new BadParameter(name, "Invalid " + name, name + " has at most " + MAX_TEXT_CHARS + " characters");
        }
        return value.strip();
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (absent(value)) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            n = min - 1;
        }
        if (n < min || n > max) {
            throw new BadParameter(name, "Invalid " + name, name + " must be between " + min + " and " + max);
        }
        return n;
    }

    static String language(String value) {
        return matching("language", value, LANGUAGE, "a BCP 47 language tag such as ar or en");
    }

    /** Entity type, upper-cased (PERSON, ORGANIZATION, LOCATION, MISC). */
    static String type(String value) {
        String t = matching("type", value, TYPE, "an entity type: PERSON, ORGANIZATION, LOCATION or MISC");
        return t == null ? null : t.toUpperCase(Locale.ROOT);
    }

    static String topic(String value) {
        return matching("topic", value, TOPIC, "an IPTC Media Topic code such as medtop:11000000");
    }

    /** ISO 3166-1 alpha-2, upper-cased. */
    static String country(String value) {
        String c = matching("country", value, COUNTRY, "an ISO 3166-1 alpha-2 country code such as SY");
        return c == null ? null : c.toUpperCase(Locale.ROOT);
    }

    private static String matching(String name, String value, Pattern pattern, String expected) {
        if (absent(value)) {
            return null;
        }
        String v = value.strip();
        if (!pattern.matcher(v).matches()) {
            throw new BadParameter(name, "Invalid " + name, name + " must be " + expected);
        }
        return v;
    }

    /** {@code minLon,minLat,maxLon,maxLat} in degrees; minLon above maxLon crosses the antimeridian. */
    static BoundingBox bbox(String value) {
        if (absent(value)) {
            return null;
        }
        String[] parts = value.split(",", -1);
        String expected = "bbox must be minLon,minLat,maxLon,maxLat in degrees (longitudes -180..180, latitudes -90..90,"
                + " minLat <= maxLat)";
        if (parts.length != 4 || value.length() > 100) {
            throw new BadParameter("bbox", "Invalid bbox", expected);
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new BadParameter("bbox", "Invalid bbox", expected);
            }
            if (!Double.isFinite(v[i])) {
                throw new BadParameter("bbox", "Invalid bbox", expected);
            }
        }
        if (Math.abs(v[0]) > 180 || Math.abs(v[2]) > 180 || Math.abs(v[1]) > 90 || Math.abs(v[3]) > 90 || v[1] > v[3]) {
            throw new BadParameter("bbox", "Invalid bbox", expected);
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    /** An ISO-8601 instant ({@code 2017-11-21T06:00:00Z}), date-time with offset, or day (midnight UTC). */
    static Instant time(String name, String value) {
        if (absent(value)) {
            return null;
        }
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // try the other shapes
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try a day
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "Invalid " + name,
                    name + " must be an ISO-8601 time (2017-11-21T06:00:00Z) or day (2017-11-21)");
        }
    }

    /** {@code 1h}, {@code 30m}, {@code 7d} or an ISO-8601 duration ({@code PT1H}, {@code P1D}), within the bounds. */
    static Duration window(String value, Duration fallback, Duration min, Duration max) {
        if (absent(value)) {
            return fallback;
        }
        String v = value.strip();
        Duration d = null;
        Matcher m = SHORT_WINDOW.matcher(v.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else if (v.length() <= 40) {
            try {
                d = Duration.parse(v);
            } catch (DateTimeParseException e) {
                d = null;
            }
        }
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new BadParameter("window", "Invalid window", "window must be a duration (1h, 30m, 7d, PT6H) from "
                    + min.toMinutes() + " minutes to " + max.toDays() + " days");
        }
        return d;
    }
}
