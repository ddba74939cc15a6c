package io.latchkey.audit;

/** What happened. The names are stable: operators filter on them. */
public enum AuditEventType {
    SIGN_UP,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOCKED_OUT,
    PASSWORD_CHANGED,
    PASSKEY_ADDED,
    PASSKEY_RENAMED,
    PASSKEY_REMOVED,
    REFRESH_TOKEN_REUSED,
    CLONE_WARNING,
    LOGOUT,
    ACCOUNT_SUSPENDED,
    ACCOUNT_REACTIVATED,
    GROUPS_CHANGED,
    SESSIONS_REVOKED,
    ACCOUNTS_LISTED,
    EVENTS_READ,
    /** An administrator call refused because the caller is not (or no longer) an administrator. */
    ADMIN_REFUSED
}
