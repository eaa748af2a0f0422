package io.khabar.store.rest.auth;

import io.khabar.http.ApiKeys;
import io.khabar.store.config.StoreConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards {@link ReadAccess} endpoints: with {@code khabar.store.read-api-key} set, a request needs the key
 * ({@code Authorization: Bearer} or {@code X-Api-Key}) or the session cookie that {@code POST /session} sets. Refusals
 * are {@code 401 application/problem+json}.
 */
@Provider
@ReadAccess
@Priority(Priorities.AUTHENTICATION)
public class ReadAccessFilter implements ContainerRequestFilter {
    /** A provider: filters are built at static init, before the runtime configuration exists. */
    @Inject
    jakarta.inject.Provider<StoreConfig> config;

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie session = request.getCookies().get(SessionResource.COOKIE);
        if (!ApiKeys.authorized(config.get().readApiKey(), request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString(ApiKeys.HEADER), session == null ? null : session.getValue())) {
            request.abortWith(SessionResource.unauthorized(session == null
                    ? "this endpoint needs the read API key: Authorization: Bearer <key>, X-Api-Key, or a session"
                    + " from POST /session"
                    : "the session has ended (the key changed?): sign in again with POST /session"));
        }
    }
}
