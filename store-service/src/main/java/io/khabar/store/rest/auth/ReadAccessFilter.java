package io.khabar.store.rest.auth;

import io.khabar.http.ApiKeyFilter;
import io.khabar.store.config.StoreConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * Guards {@link ReadAccess} endpoints ({@link ApiKeyFilter}): with {@code khabar.store.read-api-key} set, a request
 * needs the key ({@code Authorization: Bearer} or {@code X-Api-Key}) or the session cookie that {@code POST /session}
 * sets. Refusals are {@code 401 application/problem+json}.
 */
@Provider
@ReadAccess
@Priority(Priorities.AUTHENTICATION)
public class ReadAccessFilter extends ApiKeyFilter {
    /** A provider: filters are built at static init, before the runtime configuration exists. */
    @Inject
    jakarta.inject.Provider<StoreConfig> config;

    @Override
    protected Optional<String> configuredKey() {
        return config.get().readApiKey();
    }

    @Override
    protected String sessionCookie() {
        return SessionResource.COOKIE;
    }

    @Override
    protected String realm() {
        return SessionResource.REALM;
    }
}
