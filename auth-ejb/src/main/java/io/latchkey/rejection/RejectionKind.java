package io.latchkey.rejection;

/**
 * What kind of refusal a {@link RejectedRequestException} is. The web module maps each kind to its
 * problem type with an exhaustive switch, so a new kind without a mapping does not compile.
 */
public enum RejectionKind {
    INVALID_INPUT,
    AUTHENTICATION_FAILED,
    INVALID_TOKEN,
    FORBIDDEN,
    REAUTHENTICATION_REQUIRED,
    SIGN_UP_CLOSED,
    NOT_FOUND,
    CONFLICT,
    GONE,
    RATE_LIMITED
}
