package io.latchkey.web.api.problem;

import io.latchkey.sso.TokenProblem;

/** Every problem type Latchkey answers with: stable URIs, titles and statuses, in one place. */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is not valid", 400),
    AUTHENTICATION_FAILED("authentication-failed", "Authentication failed", 401),
    INVALID_TOKEN(TokenProblem.INVALID_TOKEN),
    TOKEN_REQUIRED(TokenProblem.TOKEN_REQUIRED),
    FORBIDDEN("forbidden", "Not allowed", 403),
    REAUTHENTICATION_REQUIRED("reauthentication-required", "A recent sign-in is required", 403),
    SIGN_UP_CLOSED("sign-up-closed", "Sign-up is closed", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    GONE("gone", "No longer available", 410),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "Service temporarily unavailable", 503);

    private static final String BASE = "urn:latchkey:problem:";

    private final String uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = BASE + slug;
        this.title = title;
        this.status = status;
    }

    /** A token problem the single sign-on module also answers with, before JAX-RS exists. */
    ProblemType(TokenProblem shared) {
        this.uri = shared.uri();
        this.title = shared.title();
        this.status = 401;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The generic type for a status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != AUTHENTICATION_FAILED && type != TOKEN_REQUIRED
                    && type != REAUTHENTICATION_REQUIRED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }
}
