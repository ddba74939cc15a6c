package io.latchkey.token;

/** Why a session ended early; recorded with it. */
public enum RevokeReason {
    LOGOUT,
    REFRESH_TOKEN_REUSE,
    PASSWORD_CHANGE,
    ACCOUNT_SUSPENDED,
    ADMIN,
    /** An authorization code was presented a second time: what it issued is presumed stolen. */
    AUTHORIZATION_CODE_REUSE,
    CLIENT_REMOVED
}
