package io.latchkey.recovery;

import java.time.Instant;
import java.util.Objects;

/** An administrator's one-time recovery code for an account, shown to the administrator once. */
public record OneTimeCode(String code, Instant expiresAt) {

    public OneTimeCode {
        Objects.requireNonNull(code);
        Objects.requireNonNull(expiresAt);
    }

    @Override
    public String toString() {
        return "OneTimeCode[expiresAt=" + expiresAt + "]";
    }
}
