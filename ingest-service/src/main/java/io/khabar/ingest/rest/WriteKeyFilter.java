package io.khabar.ingest.rest;

import io.khabar.http.ApiKeys;
import io.khabar.http.Problem;
import io.khabar.ingest.config.IngestConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The write key of {@code POST /articles}, checked before the request body is read: a caller without the key cannot
 * make ingest buffer anything.
 */
public class WriteKeyFilter {
    /** Looked up per request: the filter is built before the configuration mapping is available. */
    @Inject
    jakarta.inject.Provider<IngestConfig> config;

    @ServerRequestFilter
    public Response checkKey(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/articles")) {
            return null;
        }
        if (ApiKeys.authorized(config.get().apiKey(), request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString(ApiKeys.HEADER))) {
            return null;
        }
        return Response.fromResponse(Problem.response(401, "Unauthorized",
                        "this endpoint needs an API key (Authorization: Bearer ... or X-Api-Key)", null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
