package io.khabar.enrich.rest;

import io.khabar.enrich.config.EnrichConfig;
import io.khabar.http.ApiKeyFilter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/** {@code POST /enrichments} needs {@code khabar.enrich.api-key} when one is set ({@link ApiKeyFilter}). */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class EnrichKeyFilter extends ApiKeyFilter {
    /** Looked up per request: filters are built before the configuration mapping is available. */
    @Inject
    jakarta.inject.Provider<EnrichConfig> config;

    @Override
    protected Optional<String> configuredKey() {
        return config.get().apiKey();
    }

    @Override
    protected boolean guards(ContainerRequestContext request) {
        return postTo(request, "/enrichments");
    }
}
