package io.khabar.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * The one API-key check of every Khabar service: a request that a subclass {@link #guards(ContainerRequestContext)
 * guards} needs the configured key as {@code Authorization: Bearer <key>} or {@code X-Api-Key}, or, where the subclass
 * {@link #sessionCookie() names one}, the session cookie derived from the key ({@link ApiKeys#sessionToken}). No key
 * configured means open. A refusal is {@code 401 application/problem+json} with {@code WWW-Authenticate: Bearer},
 * given before the request body is read.
 *
 * <p>A service registers one subclass per key ({@code @Provider}, with a {@code @Priority(AUTHENTICATION)} and,
 * where it guards only some endpoints, a name binding or {@link #guards}); the subclass only says which key and which
 * requests.
 */
public abstract class ApiKeyFilter implements ContainerRequestFilter {
    /** The configured key, read per request (configuration may come after the filter is built). */
    protected abstract Optional<String> configuredKey();

    /** Whether this request needs the key; every request the filter sees by default. */
    protected boolean guards(ContainerRequestContext request) {
        return true;
    }

    /** The name of a session cookie that stands for the key, or null when only the key itself is accepted. */
    protected String sessionCookie() {
        return null;
    }

    /** A {@code POST} to a path under {@code prefix}: what a write key guards. */
    protected static boolean postTo(ContainerRequestContext request, String prefix) {
        return "POST".equals(request.getMethod()) && request.getUriInfo().getPath().startsWith(prefix);
    }

    /** The realm named in {@code WWW-Authenticate}, or null. */
    protected String realm() {
        return null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!guards(request)) {
            return;
        }
        String cookieName = sessionCookie();
        Cookie session = cookieName == null ? null : request.getCookies().get(cookieName);
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String apiKey = request.getHeaderString(ApiKeys.HEADER);
        if (ApiKeys.authorized(configuredKey(), authorization, apiKey, session == null ? null : session.getValue())) {
            return;
        }
        String detail;
        if (session != null && ApiKeys.given(authorization, apiKey) == null) {
            detail = "the session has ended (the key changed?): sign in again with POST /session";
        } else if (cookieName != null) {
            detail = "this endpoint needs the API key: Authorization: Bearer <key>, X-Api-Key, or a session from"
                    + " POST /session";
        } else {
            detail = "this endpoint needs an API key (Authorization: Bearer ... or X-Api-Key)";
        }
        request.abortWith(unauthorized(detail, realm()));
    }

    /** A 401 problem asking for a bearer key. */
    public static Response unauthorized(String detail, String realm) {
        return Response.fromResponse(Problem.response(401, "Unauthorized", detail, null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, realm == null ? "Bearer" : "Bearer realm=\"" + realm + "\"")
                .build();
    }
}
