package io.latchkey.sso;

/** How the module answered a request to a covered application. */
public enum SsoAnswer {
    /** A bearer token the verifier accepted. */
    BEARER_ACCEPTED,
    /** A browser session cookie the host accepted. */
    COOKIE_ACCEPTED,
    /** A session cookie that was refused (forged, tampered, expired or ended); the browser is told to drop it. */
    COOKIE_REFUSED,
    /** A bearer token that was refused: 401 with {@code error="invalid_token"}. */
    TOKEN_REFUSED,
    /** A protected resource without credentials: 401 asking for a token. */
    TOKEN_REQUIRED,
    /** A browser navigation without credentials, sent to the sign-in page. */
    SENT_TO_SIGN_IN
}
