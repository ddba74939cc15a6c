package io.latchkey.metrics;

/** What became of a presented refresh token: the {@code outcome} label of {@code latchkey_refreshes_total}. */
public enum RefreshOutcome {
    /** Claimed and replaced by a new one. */
    ROTATED,
    /** Already rotated: a replay, and its session is revoked. */
    REUSED,
    /** Past its lifetime. */
    EXPIRED,
    /** Its session or account has ended. */
    SESSION_ENDED,
    /** Malformed, unknown, or presented by someone other than its holder. */
    INVALID
}
