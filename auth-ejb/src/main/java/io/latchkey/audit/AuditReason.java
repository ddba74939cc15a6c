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
    UNKNOWN_PASSKEY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
