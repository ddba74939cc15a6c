package io.latchkey.web.api.problem;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.latchkey.account.SignUpClosedException;
import io.latchkey.ratelimit.RateLimitedException;
import io.latchkey.rejection.AuthenticationFailedException;
import io.latchkey.rejection.ConflictException;
import io.latchkey.rejection.FieldError;
import io.latchkey.rejection.ForbiddenException;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.rejection.NotFoundException;
import io.latchkey.rejection.ReauthenticationRequiredException;
import io.latchkey.rejection.RefreshTokenReusedException;
import io.latchkey.rejection.RejectedRequestException;
import io.latchkey.webauthn.CeremonyExpiredException;
import io.latchkey.webauthn.CloneSuspectedException;

/** Maps the capabilities' refusals to their problem types; logged quietly. */
@Provider
public class RejectedRequestMapper implements ExceptionMapper<RejectedRequestException> {

    private static final Logger LOG = Logger.getLogger(RejectedRequestMapper.class.getName());

    private static final Map<Class<? extends RejectedRequestException>, ProblemType> TYPES = Map.ofEntries(
            Map.entry(InvalidInputException.class, ProblemType.INVALID_REQUEST),
            Map.entry(AuthenticationFailedException.class, ProblemType.AUTHENTICATION_FAILED),
            Map.entry(InvalidTokenException.class, ProblemType.INVALID_TOKEN),
            Map.entry(RefreshTokenReusedException.class, ProblemType.INVALID_TOKEN),
            Map.entry(ConflictException.class, ProblemType.CONFLICT),
            Map.entry(ForbiddenException.class, ProblemType.FORBIDDEN),
            Map.entry(ReauthenticationRequiredException.class, ProblemType.REAUTHENTICATION_REQUIRED),
            Map.entry(SignUpClosedException.class, ProblemType.SIGN_UP_CLOSED),
            Map.entry(NotFoundException.class, ProblemType.NOT_FOUND),
            Map.entry(CeremonyExpiredException.class, ProblemType.GONE),
            Map.entry(CloneSuspectedException.class, ProblemType.AUTHENTICATION_FAILED),
            Map.entry(RateLimitedException.class, ProblemType.TOO_MANY_REQUESTS));

    @Override
    public Response toResponse(RejectedRequestException rejected) {
        ProblemType type = TYPES.getOrDefault(rejected.getClass(), ProblemType.INVALID_REQUEST);
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
