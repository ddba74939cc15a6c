package io.latchkey.web.api.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Our own failures. The body says nothing internal; the log line carries the stack trace and the
 * same {@code instance} as the body. A database that cannot be reached is a 503 the client may retry.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(Throwable failure) {
        String instance = Problems.newInstance();
        if (causedByDatabase(failure)) {
            LOG.log(Level.WARNING, "Database unavailable " + instance, failure);
            return Problems.response(ProblemType.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database; try again shortly.", List.of(), instance)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.log(Level.SEVERE, "Internal error " + instance, failure);
        return Problems.response(ProblemType.INTERNAL_ERROR, "The request could not be completed.", List.of(), instance).build();
    }

    /** A connection that could not be had or was lost (SQLState class 08, the pool gave up); not a failed statement. */
    private static boolean causedByDatabase(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || t instanceof jakarta.resource.ResourceException
                    || t.getClass().getName().endsWith(".PoolingException")) {
                return true;
            }
        }
        return false;
    }
}
