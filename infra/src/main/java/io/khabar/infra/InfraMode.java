package io.khabar.infra;

import java.util.Locale;

/**
 * Where tests get their broker and database. Chosen once, with {@code -Dkhabar.test.infra=...}:
 * <ul>
 *   <li>{@code embedded} (default): an in-JVM KRaft broker, and the local PostgreSQL on 127.0.0.1:5432 when it answers,
 *       else an embedded PostgreSQL. Needs only a JDK.</li>
 *   <li>{@code testcontainers}: the {@code apache/kafka} and {@code postgres} images; needs a Docker engine.</li>
 * </ul>
 */
public enum InfraMode {
    EMBEDDED, TESTCONTAINERS;

    public static final String PROPERTY = "khabar.test.infra";

    public static InfraMode current() {
        String value = System.getProperty(PROPERTY, System.getenv().getOrDefault("KHABAR_TEST_INFRA", "embedded"));
        if (value == null || value.isBlank() || value.startsWith("${")) {
            return EMBEDDED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + value + " is not one of: embedded, testcontainers");
        }
    }
}
