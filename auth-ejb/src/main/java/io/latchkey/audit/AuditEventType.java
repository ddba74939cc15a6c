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
    /** An administrator opened one account (its passkeys and open sessions). */
    ACCOUNT_READ,
    EVENTS_READ,
    /** An administrator call refused because the caller is not (or no longer) an administrator. */
    ADMIN_REFUSED,
    CLIENTS_READ,
    CLIENT_REGISTERED,
    CLIENT_UPDATED,
    CLIENT_SECRET_ROTATED,
    CLIENT_REMOVED,
    /** An OpenID Connect client was given tokens for a session (a code exchanged). */
    CLIENT_SIGN_IN,
    /** An authorization code was presented again: the session issued for it is revoked. */
    AUTHORIZATION_CODE_REUSED,
    /** A person made a new set of recovery codes (replacing any earlier set). */
    RECOVERY_CODES_CREATED,
    /** A sign-in with a recovery code or an administrator's one-time code succeeded. */
    RECOVERY_CODE_USED,
    /** An administrator issued a one-time recovery code for an account. */
    RECOVERY_CODE_ISSUED
}
