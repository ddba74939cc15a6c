package io.latchkey.token;

/** Why a session ended early; recorded with it. */
public enum RevokeReason {
    LOGOUT,
    REFRESH_TOKEN_REUSE,
    PASSWORD_CHANGE,
    ACCOUNT_SUSPENDED,
    ADMIN
}
