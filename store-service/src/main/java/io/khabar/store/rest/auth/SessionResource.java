package io.khabar.store.rest.auth;

import io.khabar.http.ApiKeyFilter;
import io.khabar.http.ApiKeys;
import io.khabar.http.Problem;
import io.khabar.store.config.StoreConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * A browser session for the read API. Browsers cannot send a header on an {@code EventSource}, so the dashboard trades
 * the read key, once, for an {@code HttpOnly}, {@code SameSite=Strict} cookie holding an HMAC of the key (never the
 * key). Changing the key ends every session. {@code Secure} is set when the request came over HTTPS (behind a proxy,
 * turn on {@code quarkus.http.proxy.proxy-address-forwarding} so that the scheme is known).
 */
@Path("/session")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SessionResource {
    static final String COOKIE = "khabar_read";
    static final String REALM = "khabar-store";
    private static final Logger LOG = Logger.getLogger(SessionResource.class);

    @Inject
    StoreConfig config;

    @Context
    UriInfo uri;

    /** What {@code GET /session} answers. */
    @Schema(description = "Whether the read API needs a key, and whether this request has it (or a good session)")
    public record SessionState(@Schema(required = true) boolean required,
                               @Schema(required = true) boolean authenticated) {
    }

    /** Whether the read API needs a key, and whether this browser's session (if any) is good. */
    @GET
    @Operation(summary = "Whether the read API needs a key and whether this request is signed in")
    @APIResponse(responseCode = "200", description = "{required, authenticated}", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionState.class)))
    public SessionState state(@CookieParam(COOKIE) String session,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @HeaderParam(ApiKeys.HEADER) String apiKey) {
        boolean required = !ApiKeys.open(config.readApiKey());
        return new SessionState(required, ApiKeys.authorized(config.readApiKey(), authorization, apiKey, session));
    }

    /** Signs in with the read key (as a header) and sets the session cookie. */
    @POST
    @Operation(summary = "Trade the read API key (Authorization: Bearer or X-Api-Key) for a session cookie")
    @APIResponse(responseCode = "204", description = "signed in; the cookie is set")
    @APIResponse(responseCode = "401", description = "no key, or the wrong one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signIn(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam(ApiKeys.HEADER) String apiKey) {
        if (ApiKeys.open(config.readApiKey())) {
            return Response.noContent().build();
        }
        if (ApiKeys.given(authorization, apiKey) == null) {
            LOG.warn("session refused: no key given");
            return unauthorized("give the read API key as Authorization: Bearer <key> or X-Api-Key");
        }
        if (!ApiKeys.authorized(config.readApiKey(), authorization, apiKey)) {
            LOG.warn("session refused: wrong key");
            return unauthorized("this is not the read API key");
        }
        return Response.noContent()
                .cookie(cookie(ApiKeys.sessionToken(config.readApiKey().get()), (int) config.sessionTtl().toSeconds()))
                .build();
    }

    /** Signs out: the cookie is cleared. */
    @DELETE
    @Operation(summary = "Sign out: clears the session cookie")
    @APIResponse(responseCode = "204", description = "the cookie is cleared")
    public Response signOut() {
        return Response.noContent().cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure("https".equalsIgnoreCase(uri.getRequestUri().getScheme()))
                .build();
    }

    static Response unauthorized(String detail) {
        return ApiKeyFilter.unauthorized(detail, REALM);
    }
}
