package io.khabar.store.rest;

import io.khabar.http.Problem;
import io.khabar.store.persistence.DatabaseFailures;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * A read that the database could not serve: {@code 503} problem with Retry-After when the database is unavailable, its
 * read pool exhausted, or the query ran past the read statement timeout; {@code 500} problem otherwise. One log line,
 * no stack trace; the database's message is logged, not sent to the client.
 */
@Provider
public class DatabaseFailureMapper implements ExceptionMapper<SQLException> {
    private static final Logger LOG = Logger.getLogger(DatabaseFailureMapper.class);

    @Override
    public Response toResponse(SQLException e) {
        DatabaseFailures.Kind kind = DatabaseFailures.classify(e);
        LOG.warnf("read failed (%s): %s", kind, DatabaseFailures.reason(e));
        if (kind == DatabaseFailures.Kind.REFUSED) {
            return Problem.response(500, "Database error", "the query failed; the server log has the reason", null,
                    null);
        }
        return Response.fromResponse(Problem.response(503, "Database busy or unavailable",
                        "the query could not be served now; retry later", null, null))
                .header("Retry-After", "5").build();
    }
}
