package io.latchkey.ratelimit;

import java.time.Duration;

import jakarta.ejb.ApplicationException;

import io.latchkey.rejection.RejectedRequestException;
import io.latchkey.rejection.RejectionKind;

/** Too many calls; the client may try again after {@link #retryAfter()}. */
@ApplicationException(rollback = true)
public final class RateLimitedException extends RejectedRequestException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super(RejectionKind.RATE_LIMITED, "Too many attempts. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
