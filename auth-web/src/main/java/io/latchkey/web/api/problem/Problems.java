package io.latchkey.web.api.problem;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.latchkey.rejection.FieldError;

/** Builds problem+json responses; every mapper goes through here. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    static final String BEARER_INVALID = "Bearer error=\"invalid_token\"";
    static final String BEARER = "Bearer realm=\"latchkey\"";

    private Problems() {
    }

    public static Response.ResponseBuilder response(ProblemType type, String detail, List<FieldError> errors, String instance) {
        return Response.status(type.status())
                .type(PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new ProblemDetail(type.uri(), type.title(), type.status(), detail, instance, errors));
    }

    public static Response.ResponseBuilder response(ProblemType type, String detail) {
        return response(type, detail, List.of(), null);
    }

    /** A body that could not be read: too large while streaming (413), or not the JSON expected (400). */
    static Response unreadableBody(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException.Reading tooLarge) {
                return tooLarge(tooLarge.limit());
            }
        }
        return response(ProblemType.INVALID_REQUEST, "The body is not valid JSON of the expected shape.").build();
    }

    static Response tooLarge(int limit) {
        return response(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes.").build();
    }

    /** A fresh {@code urn:uuid:} that also goes in the log line, so a report can be matched to it. */
    static String newInstance() {
        return "urn:uuid:" + UUID.randomUUID();
    }
}
