package io.latchkey.session;

/** Why a session ended early; recorded with it. */
public enum RevokeReason {
    LOGOUT,
    REFRESH_TOKEN_REUSE,
    PASSWORD_CHANGE,
    ACCOUNT_SUSPENDED,
    ADMIN
}
