package io.latchkey.session.internal;

import java.time.Instant;

import io.latchkey.metrics.RefreshOutcome;

/** What presenting a known refresh token leads to. */
public enum RefreshDecision {
    ROTATE,
    /** Already rotated: a copy is in someone else's hands, so the whole session goes (RFC 9700, 4.14.2). */
    REUSED,
    EXPIRED,
    SESSION_ENDED;

    /** How {@code latchkey_refreshes_total} counts this decision. */
    public RefreshOutcome outcome() {
        return switch (this) {
            case ROTATE -> RefreshOutcome.ROTATED;
            case REUSED -> RefreshOutcome.REUSED;
            case EXPIRED -> RefreshOutcome.EXPIRED;
            case SESSION_ENDED -> RefreshOutcome.SESSION_ENDED;
        };
    }

    /** Reuse is judged first, so a replayed token is reported as such whatever else holds. */
    public static RefreshDecision of(boolean rotated, Instant tokenExpiresAt, boolean sessionLive, Instant now) {
        if (rotated) {
            return REUSED;
        }
        if (!sessionLive) {
            return SESSION_ENDED;
        }
        if (!now.isBefore(tokenExpiresAt)) {
            return EXPIRED;
        }
        return ROTATE;
    }
}
