package io.khabar.ingest.rest;

import io.khabar.http.ApiKeyFilter;
import io.khabar.ingest.config.IngestConfig;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * The write key of {@code POST /articles} ({@code khabar.ingest.api-key}, {@link ApiKeyFilter}), checked before the
 * request body is read: a caller without the key cannot make ingest buffer anything.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class WriteKeyFilter extends ApiKeyFilter {
    /** Looked up per request: the filter is built before the configuration mapping is available. */
    @Inject
    jakarta.inject.Provider<IngestConfig> config;

    @Override
    protected Optional<String> configuredKey() {
        return config.get().apiKey();
    }

    @Override
    protected boolean guards(ContainerRequestContext request) {
        return postTo(request, "/articles");
    }
}
