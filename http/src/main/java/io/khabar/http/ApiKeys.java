package io.khabar.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The optional API key of an endpoint: given as {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>},
 * compared in constant time. No key configured means the endpoint is open.
 */
public final class ApiKeys {
    public static final String HEADER = "X-Api-Key";

    private ApiKeys() {
    }

    public static boolean authorized(Optional<String> configured, String authorization, String apiKeyHeader) {
        if (configured.isEmpty() || configured.get().isBlank()) {
            return true;
        }
        String given = apiKeyHeader;
        if (given == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).strip();
        }
        return given != null && MessageDigest.isEqual(configured.get().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
