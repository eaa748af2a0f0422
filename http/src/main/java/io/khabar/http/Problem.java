package io.khabar.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details, served as {@code application/problem+json}: what every Khabar service answers for a
 * request it refuses. Absent members are left out.
 *
 * @param field     JSON pointer of the offending member of a request body ({@code /title}), for bodies
 * @param parameter the offending query or path parameter ({@code limit}), for queries
 * @param line      1-based line of an NDJSON body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String parameter,
                      Integer line) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem with a request body, naming the member ({@code field}) and, for NDJSON, the line. */
    public static Response response(int status, String title, String detail, String field, Integer line) {
        return build(new Problem("about:blank", title, status, detail, field, null, line));
    }

    /** A problem with a query or path parameter. */
    public static Response forParameter(int status, String title, String detail, String parameter) {
        return build(new Problem("about:blank", title, status, detail, null, parameter, null));
    }

    private static Response build(Problem p) {
        return Response.status(p.status()).type(MEDIA_TYPE).entity(p).build();
    }
}
