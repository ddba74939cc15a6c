package io.latchkey.recovery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many of the caller's own recovery codes are left, and when the set was made; empty
 * {@code createdAt} when the account has none. An administrator's code is not counted.
 */
public record RecoveryStatus(int remaining, Optional<Instant> createdAt) {

    public RecoveryStatus {
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining < 0");
        }
        Objects.requireNonNull(createdAt);
    }
}
