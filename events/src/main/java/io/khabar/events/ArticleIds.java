package io.khabar.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stable article ids. In order of preference:
 * <ol>
 *   <li>the producer's own id, when it sends one ({@code [A-Za-z0-9._:-]}, at most 128 characters);</li>
 *   <li>{@code u-} + hash of source and canonical URL, so the same story re-sent with a new body keeps its id;</li>
 *   <li>{@code c-} + hash of source, title and body (whitespace- and NFC-insensitive), for text without a URL.</li>
 * </ol>
 */
public final class ArticleIds {
    public static final int MAX_PRODUCER_ID_LENGTH = 128;
    private static final Pattern PRODUCER_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_PRODUCER_ID_LENGTH + "}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final List<String> TRACKING_PARAMS = List.of("fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid");

    private ArticleIds() {
    }

    public static boolean isValidProducerId(String id) {
        return id != null && PRODUCER_ID.matcher(id).matches();
    }

    /** Derives the id; {@code producerId} wins when present (callers validate it first). */
    public static String derive(String producerId, String source, String url, String title, String body) {
        if (producerId != null && !producerId.isBlank()) {
            return producerId;
        }
        Optional<String> canonical = canonicalUrl(url);
        if (canonical.isPresent()) {
            return "u-" + sha256Hex(nullToEmpty(source) + "\n" + canonical.get()).substring(0, 32);
        }
        return "c-" + sha256Hex(nullToEmpty(source) + "\n" + fold(title) + "\n" + fold(body)).substring(0, 32);
    }

    /**
     * Canonical form of an article URL: lower-case scheme and host, no default port, no fragment, no tracking
     * parameters ({@code utm_*}, {@code fbclid}...), remaining query parameters sorted, no trailing slash.
     * Empty when the URL is absent or not an absolute http(s) URL.
     */
    public static Optional<String> canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
            if (!defaultPort) {
                sb.append(':').append(port);
            }
            sb.append(path);
            String query = uri.getRawQuery();
            if (query != null && !query.isEmpty()) {
                List<String> kept = new ArrayList<>();
                for (String param : query.split("&")) {
                    String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (!param.isEmpty() && !name.startsWith("utm_") && !TRACKING_PARAMS.contains(name)) {
                        kept.add(param);
                    }
                }
                kept.sort(null);
                if (!kept.isEmpty()) {
                    sb.append('?').append(String.join("&", kept));
                }
            }
            return Optional.of(sb.toString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** SHA-256 of the UTF-8 bytes, lower-case hex. */
    public static String sha256Hex(String s) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String fold(String s) {
        return s == null ? "" : WHITESPACE.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
