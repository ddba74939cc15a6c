package io.latchkey.web.api.problem;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.latchkey.ratelimit.RateLimitedException;
import io.latchkey.rejection.FieldError;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.rejection.RejectedRequestException;
import io.latchkey.rejection.RejectionKind;

/** Maps the capabilities' refusals to their problem types; logged quietly. */
@Provider
public class RejectedRequestMapper implements ExceptionMapper<RejectedRequestException> {

    private static final Logger LOG = Logger.getLogger(RejectedRequestMapper.class.getName());

    /** Exhaustive: a new kind of refusal without a problem type does not compile. */
    static ProblemType typeOf(RejectionKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> ProblemType.INVALID_REQUEST;
            case AUTHENTICATION_FAILED -> ProblemType.AUTHENTICATION_FAILED;
            case INVALID_TOKEN -> ProblemType.INVALID_TOKEN;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case REAUTHENTICATION_REQUIRED -> ProblemType.REAUTHENTICATION_REQUIRED;
            case SIGN_UP_CLOSED -> ProblemType.SIGN_UP_CLOSED;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case CONFLICT -> ProblemType.CONFLICT;
            case GONE -> ProblemType.GONE;
            case RATE_LIMITED -> ProblemType.TOO_MANY_REQUESTS;
        };
    }

    @Override
    public Response toResponse(RejectedRequestException rejected) {
        ProblemType type = typeOf(rejected.kind());
        List<FieldError> errors = rejected instanceof InvalidInputException invalid ? invalid.errors() : List.of();
        LOG.log(Level.FINE, "Rejected: {0} {1}", new Object[] {type.uri(), rejected.detail()});
        Response.ResponseBuilder response = Problems.response(type, rejected.detail(), errors, null);
        if (type == ProblemType.INVALID_TOKEN) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_INVALID);
        } else if (type == ProblemType.AUTHENTICATION_FAILED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER);
        } else if (rejected instanceof RateLimitedException limited) {
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, limited.retryAfter().toSeconds()));
        }
        return response.build();
    }
}
