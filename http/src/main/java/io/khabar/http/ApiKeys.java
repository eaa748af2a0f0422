package io.khabar.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The optional API key of an endpoint: given as {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>},
 * compared in constant time. No key configured means the endpoint is open.
 *
 * <p>A browser cannot put a header on an {@code EventSource}, so a service may also accept a session cookie whose value
 * is {@link #sessionToken(String) derived from the key} (an HMAC, so the cookie never carries the key itself, and
 * changing the key ends every session).
 */
public final class ApiKeys {
    public static final String HEADER = "X-Api-Key";
    private static final byte[] SESSION_LABEL = "khabar-session-v1".getBytes(StandardCharsets.UTF_8);

    private ApiKeys() {
    }

    /** True when no key is configured. */
    public static boolean open(Optional<String> configured) {
        return configured.isEmpty() || configured.get().isBlank();
    }

    public static boolean authorized(Optional<String> configured, String authorization, String apiKeyHeader) {
        if (open(configured)) {
            return true;
        }
        String given = given(authorization, apiKeyHeader);
        return given != null && equal(configured.get(), given);
    }

    /** The key of a request: {@code X-Api-Key}, else the bearer token of {@code Authorization}; null when neither. */
    public static String given(String authorization, String apiKeyHeader) {
        if (apiKeyHeader != null) {
            return apiKeyHeader;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    /** A request's key, or a session cookie made from the configured key. */
    public static boolean authorized(Optional<String> configured, String authorization, String apiKeyHeader,
                                     String sessionCookie) {
        if (authorized(configured, authorization, apiKeyHeader)) {
            return true;
        }
        return sessionCookie != null && given(authorization, apiKeyHeader) == null
                && equal(sessionToken(configured.get()), sessionCookie);
    }

    /** The session cookie value for a key: HMAC-SHA256 of a fixed label, base64url without padding. */
    public static String sessionToken(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(SESSION_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
