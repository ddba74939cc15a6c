package io.latchkey.web.api.problem;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What JAX-RS itself refuses (unknown path, wrong method, wrong content type, unreadable body)
 * answered as problem+json, never the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            String instance = Problems.newInstance();
            LOG.log(Level.SEVERE, "Internal error " + instance, exception);
            return Problems.response(ProblemType.INTERNAL_ERROR, "The request could not be completed.", java.util.List.of(), instance).build();
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (type) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not support the method.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This address answers application/json only.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            default -> exception.getCause() instanceof ProcessingException || status == 400
                    ? "The body is not valid JSON of the expected shape." : type.title() + ".";
        };
        Response.ResponseBuilder response = Problems.response(type, detail);
        if (exception instanceof NotAllowedException) {
            String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        return response.build();
    }
}
