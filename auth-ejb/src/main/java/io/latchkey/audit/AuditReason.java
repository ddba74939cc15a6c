package io.latchkey.audit;

import java.util.Locale;

/** Why a sign-in failed, as a category: never the password, never exception text. */
public enum AuditReason {
    UNKNOWN_ACCOUNT,
    BAD_PASSWORD,
    SUSPENDED,
    LOCKED,
    RATE_LIMITED,
    PASSKEY_REJECTED,
    UNKNOWN_PASSKEY,
    /** A recovery code that matches none of the account's codes. */
    BAD_RECOVERY_CODE,
    /** A recovery code that was already used: a replay, or someone else holds a copy. */
    SPENT_RECOVERY_CODE,
    /** An administrator's one-time code past its lifetime. */
    EXPIRED_RECOVERY_CODE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
