package io.khabar.store.rest;

import io.khabar.http.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link BadParameter} as {@code 400 application/problem+json} with the parameter's name. */
@Provider
public class BadParameterMapper implements ExceptionMapper<BadParameter> {
    @Override
    public Response toResponse(BadParameter e) {
        return Problem.forParameter(400, e.title(), e.getMessage(), e.parameter());
    }
}
